//! The inventory: one CSV row per device, for the admin's records and
//! renewal planning. No secret, no key. Every cell a spreadsheet would run
//! as a formula is neutralised (OWASP, "CSV Injection"): device names and
//! certificate names come from input.

use crate::fleet::csv::{neutralise, write_row};
use crate::fleet::report::{DeviceReport, Status};

const HEADER: [&str; 14] = [
    "device",
    "deviceId",
    "line",
    "folder",
    "status",
    "findings",
    "built",
    "commonName",
    "subjectAltNames",
    "sha1",
    "sha256",
    "notAfter",
    "daysLeft",
    "issuer",
];

/// The inventory CSV; `built[i]` says whether device `i`'s commands are in the zip.
pub(crate) fn inventory(devices: &[DeviceReport], built: &[bool]) -> String {
    let mut out = String::new();
    write_row(&mut out, &HEADER);
    for (device, &built) in devices.iter().zip(built) {
        let codes: Vec<&str> = device.findings.iter().map(|f| f.code.code()).collect();
        let names: Vec<String> = device.subject_alt_names.iter().map(|n| format!("{}:{}", n.kind, n.value)).collect();
        let status = match device.status {
            Status::Ready => "ready",
            Status::Warning => "warning",
            Status::Error => "error",
        };
        let days_left = device.days_left.map(|d| d.to_string()).unwrap_or_default();
        // Only what came from input (names) is neutralised: a negative
        // number of days left is a number, not a formula.
        let from_input = |text: &str| neutralise(text).into_owned();
        let cells = [
            from_input(&device.device),
            from_input(&device.device_id),
            device.line.to_string(),
            if built { from_input(&device.folder) } else { String::new() },
            status.to_owned(),
            codes.join(" "),
            (if built { "yes" } else { "no" }).to_owned(),
            from_input(device.common_name.as_deref().unwrap_or_default()),
            from_input(&names.join("; ")),
            device.sha1.clone().unwrap_or_default(),
            device.sha256.clone().unwrap_or_default(),
            device.not_after.clone().unwrap_or_default(),
            days_left,
            from_input(device.issuer.as_deref().unwrap_or_default()),
        ];
        write_row(&mut out, &cells.iter().map(String::as_str).collect::<Vec<&str>>());
    }
    out
}
