//! The manifest: one row per device, from what a spreadsheet writes (the
//! CSV reader is `csv`). Columns are found by header name, case-insensitive;
//! only `device` and `secret` are required. A row that cannot be used is an
//! error for that row alone, with its line number.

use zeroize::Zeroizing;

use crate::device::normalize_fingerprint;
use crate::error::{Error, ErrorKind};
use crate::finding::{Finding, FindingCode};
use crate::fleet::csv::{self, Record};
use crate::secret::check_new_secret;
use crate::shared::quote::quote;

/// The columns this tool reads, by their header name in lower case.
const COLUMNS: [&str; 8] =
    ["device", "secret", "certificate", "key", "newsecret", "deactivate", "deviceid", "passphrase"];

/// The template offered for download: the header and one example row.
pub const TEMPLATE: &str = "device,secret,certificate,key,newSecret,deactivate,deviceId\r\n\
                            room-1.example.com,the device's current secret,room-1.crt,room-1.key,,,\r\n";

/// One manifest row, read. Secrets are wiped on drop.
pub(crate) struct Row {
    /// The physical line the row starts on (1 = the header).
    pub line: usize,
    /// The device's name, trimmed (never empty once the row is usable).
    pub device: String,
    /// The row's cells by column, exactly as written (secrets are not trimmed).
    pub secret: Zeroizing<String>,
    pub certificate: String,
    pub key: String,
    pub new_secret: Option<Zeroizing<String>>,
    /// Normalised fingerprints to deactivate.
    pub deactivate: Vec<String>,
    pub device_id: String,
    pub passphrase: Option<Zeroizing<String>>,
    /// Why the row cannot be built (`bad_manifest_row`); the other cells may be empty.
    pub problem: Option<Finding>,
}

/// Reads the manifest: every non-blank row after the header, each usable or
/// carrying its problem. The whole manifest is refused (`bad_manifest`,
/// `input_too_large`, `too_many_rows`) only when no row could be read.
pub(crate) fn read(text: &str) -> Result<Vec<Row>, Error> {
    let mut records = csv::read(text)?.into_iter();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(problem)) => return Err(bad_manifest(&format!("Its header row cannot be read: {}", problem.message))),
        None => return Err(bad_manifest("It is empty.")),
    };
    let columns = columns(&header)?;
    let header_len = header.cells.len();
    let mut rows = Vec::new();
    for record in records {
        match record {
            Ok(record) if record.cells.iter().all(|c| c.trim().is_empty()) => {}
            Ok(record) => rows.push(row(&columns, header_len, record)),
            Err(problem) => {
                rows.push(Row::unusable(problem.line, String::new(), problem.message));
            }
        }
    }
    Ok(rows)
}

/// Where each known column is (`COLUMNS` order), from the header record.
fn columns(header: &Record) -> Result<[Option<usize>; COLUMNS.len()], Error> {
    let mut at = [None; COLUMNS.len()];
    for (i, cell) in header.cells.iter().enumerate() {
        let name = cell.trim().to_ascii_lowercase();
        if let Some(c) = COLUMNS.iter().position(|known| *known == name) {
            if at[c].is_some() {
                return Err(bad_manifest(&format!("Its header names the column \"{}\" twice.", quote(cell.trim()))));
            }
            at[c] = Some(i);
        }
    }
    for required in [0, 1] {
        if at[required].is_none() {
            return Err(bad_manifest(&format!(
                "Its header has no \"{}\" column. The first row must name the columns: device, secret, and \
                 optionally certificate, key, newSecret, deactivate, deviceId, passphrase.",
                COLUMNS[required]
            )));
        }
    }
    Ok(at)
}

/// One data record as a row; `header_len` is the header's cell count
/// (unknown columns included: their cells are not "extra").
fn row(columns: &[Option<usize>; COLUMNS.len()], header_len: usize, record: Record) -> Row {
    let line = record.line;
    let mut cells = record.cells;
    let extra = cells.iter().skip(header_len).any(|c| !c.trim().is_empty());
    let mut cell = |c: usize| columns[c].and_then(|i| cells.get_mut(i)).map(std::mem::take).unwrap_or_default();
    let device = cell(0).trim().to_owned();
    let secret = Zeroizing::new(cell(1));
    let certificate = cell(2).trim().to_owned();
    let key = cell(3).trim().to_owned();
    let new_secret = Zeroizing::new(cell(4));
    let deactivate = cell(5);
    let device_id = cell(6).trim().to_owned();
    let passphrase = Zeroizing::new(cell(7));
    let unusable = |message: String| Row::unusable(line, device.clone(), message);
    if device.is_empty() {
        return unusable(format!("Line {line} has no device name. Fill in the device column."));
    }
    // A name goes on its own line in initial-populate.txt, which is typed at
    // the console: a line break in it could add a command there.
    if device.chars().chain(device_id.chars()).any(char::is_control) {
        return unusable(format!(
            "Line {line}'s device name or deviceId holds a line break, tab or other control character. \
             Keep each on one line of visible characters."
        ));
    }
    if extra {
        return unusable(format!(
            "Line {line} has more cells than the header. A value holding the separator must be in quotes; \
             check the row in your spreadsheet and export it again."
        ));
    }
    if secret.is_empty() {
        return unusable(format!(
            "Line {line} has no secret. Fill in the device's current ClientSecret (or use Fill in secrets for \
             devices not seeded yet): the build never invents one."
        ));
    }
    if let Err(error) = check_new_secret(&new_secret) {
        return unusable(format!("On line {line}: {}", error.message()));
    }
    let deactivate = match fingerprints(&deactivate) {
        Ok(list) => list,
        Err(message) => return unusable(format!("On line {line}, the deactivate column: {message}")),
    };
    Row {
        line,
        device,
        secret,
        certificate,
        key,
        new_secret: (!new_secret.is_empty()).then_some(new_secret),
        deactivate,
        device_id,
        passphrase: (!passphrase.is_empty()).then_some(passphrase),
        problem: None,
    }
}

/// The fingerprints of a `deactivate` cell: separated by semicolons, commas
/// or spaces; each in any form `normalize_fingerprint` takes. A piece between
/// semicolons that is one fingerprint written with spaces (`AB CD ...`) is
/// read as one.
fn fingerprints(cell: &str) -> Result<Vec<String>, String> {
    let mut list = Vec::new();
    for piece in cell.split([';', ',']).map(str::trim).filter(|p| !p.is_empty()) {
        let mut add = |one: String| {
            if !list.contains(&one) {
                list.push(one);
            }
        };
        if let Ok(one) = normalize_fingerprint(piece) {
            add(one);
            continue;
        }
        for word in piece.split_whitespace() {
            add(normalize_fingerprint(word).map_err(|e| e.message().to_owned())?);
        }
    }
    Ok(list)
}

impl Row {
    fn unusable(line: usize, device: String, message: String) -> Row {
        Row {
            line,
            // Shown in the table and the inventory: control characters as `?`.
            device: device.chars().map(|c| if c.is_control() { '?' } else { c }).collect(),
            secret: Zeroizing::new(String::new()),
            certificate: String::new(),
            key: String::new(),
            new_secret: None,
            deactivate: Vec::new(),
            device_id: String::new(),
            passphrase: None,
            problem: Some(Finding::new(FindingCode::BadManifestRow, message)),
        }
    }
}

fn bad_manifest(why: &str) -> Error {
    Error::new(
        ErrorKind::BadManifest,
        format!("The manifest cannot be used. {why} Download the template to start from."),
    )
}
