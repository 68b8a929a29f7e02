//! The inventory: one CSV row per device, for the admin's records and
//! renewal planning. No secret, no key. Every cell a spreadsheet would run
//! as a formula is neutralised (OWASP, "CSV Injection"): device names and
//! certificate names come from input.

use crate::fleet::csv::{neutralise, write_row};
use crate::fleet::report::{DeviceReport, Status};

const HEADER: [&str; 13] = [
    "device",
    "deviceId",
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
        let cells = [
            device.device.as_str(),
            &device.device_id,
            if built { &device.folder } else { "" },
            status,
            &codes.join(" "),
            if built { "yes" } else { "no" },
            device.common_name.as_deref().unwrap_or_default(),
            &names.join("; "),
            device.sha1.as_deref().unwrap_or_default(),
            device.sha256.as_deref().unwrap_or_default(),
            device.not_after.as_deref().unwrap_or_default(),
            &days_left,
            device.issuer.as_deref().unwrap_or_default(),
        ];
        let safe: Vec<_> = cells.iter().map(|c| neutralise(c)).collect();
        write_row(&mut out, &safe.iter().map(|c| c.as_ref()).collect::<Vec<&str>>());
    }
    out
}
