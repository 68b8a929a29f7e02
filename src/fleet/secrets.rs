//! Secrets for devices not seeded yet: fills the `secret` cell of every row
//! that has none with a fresh generated secret (the single-device page's
//! generators) and hands back the completed manifest, for the admin's vault.
//! A separate step on purpose: the build itself never invents a secret.

use serde::Serialize;
use zeroize::Zeroizing;

use crate::error::{Error, ErrorKind};
use crate::fleet::csv::{self, write_row};
use crate::secret::{generate_secret, SecretKind};

/// The completed manifest and the devices that got a new secret.
#[derive(Serialize)]
pub struct FilledManifest {
    /// The manifest with every empty secret filled (CSV, comma-separated, CRLF).
    #[serde(serialize_with = "as_str")]
    pub manifest: Zeroizing<String>,
    /// The devices whose secret was filled, in manifest order.
    pub filled: Vec<String>,
}

/// Fills every empty `secret` cell of `manifest` with a secret of `kind`; adds
/// the `secret` column when the header has none. Refuses (`bad_manifest`) a
/// manifest with a row it cannot read: rewriting it would lose that row.
pub fn fill_secrets(manifest: &str, kind: SecretKind) -> Result<FilledManifest, Error> {
    let mut records = Vec::new();
    for record in csv::read(manifest)? {
        match record {
            Ok(record) => records.push(record),
            Err(problem) => {
                return Err(Error::new(
                    ErrorKind::BadManifest,
                    format!("Fix line {} first, so that no row is lost: {}", problem.line, problem.message),
                ))
            }
        }
    }
    let Some((header, rows)) = records.split_first_mut() else {
        return Err(Error::new(ErrorKind::BadManifest, "The manifest is empty. Download the template to start from."));
    };
    let find = |name: &str| header.cells.iter().position(|c| c.trim().eq_ignore_ascii_case(name));
    let Some(device) = find("device") else {
        return Err(Error::new(ErrorKind::BadManifest, "The manifest's header has no \"device\" column."));
    };
    let secret = find("secret").unwrap_or_else(|| {
        header.cells.push("secret".into());
        header.cells.len() - 1
    });
    let mut filled = Vec::new();
    for row in rows.iter_mut() {
        let name = row.cells.get(device).map(|d| d.trim().to_owned()).unwrap_or_default();
        if name.is_empty() {
            continue;
        }
        if row.cells.len() <= secret {
            row.cells.resize(secret + 1, String::new());
        }
        if row.cells[secret].is_empty() {
            row.cells[secret] = spreadsheet_safe_secret(kind)?;
            filled.push(name);
        }
    }
    let mut out = Zeroizing::new(String::new());
    for record in &records {
        write_row(&mut out, &record.cells.iter().map(String::as_str).collect::<Vec<_>>());
    }
    for record in &mut records {
        record.cells.iter_mut().for_each(zeroize::Zeroize::zeroize);
    }
    Ok(FilledManifest { manifest: out, filled })
}

/// A generated secret that no spreadsheet would read as a formula: a
/// base64url secret starting with `-` is drawn again (the manifest keeps
/// secrets exactly, so it cannot neutralise them with a quote).
fn spreadsheet_safe_secret(kind: SecretKind) -> Result<String, Error> {
    loop {
        let secret = generate_secret(kind)?;
        if !secret.starts_with(['-', '=', '+', '@']) {
            return Ok(secret);
        }
    }
}

impl std::fmt::Debug for FilledManifest {
    /// Never prints the manifest: it holds secrets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FilledManifest").field("filled", &self.filled).finish_non_exhaustive()
    }
}

fn as_str<S: serde::Serializer>(text: &Zeroizing<String>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(text)
}
