//! Deactivating a certificate: its fingerprint as typed, or read from the
//! certificate file itself (or both, which must agree), into a `deactivate`
//! blob and command.

use serde::Serialize;

use crate::cert::{inspect_all, CertificateInfo, Input, InspectOptions, Report};
use crate::device::{device_command, normalize_fingerprint, Action};
use crate::error::{Error, ErrorKind};
use crate::finding::{Finding, FindingCode};
use crate::secret::Secret;
use crate::shared::quote::quote;
use crate::tasks::build::seal_checked;

/// Which certificate to deactivate.
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    /// Its SHA-1 fingerprint, in any form `normalize_fingerprint` takes.
    Fingerprint(&'a str),
    /// The certificate's files (a `.p12` may need its passphrase).
    Certificate(&'a [Input<'a>], &'a InspectOptions<'a>),
    /// A typed fingerprint and the certificate's files: they must name the
    /// same certificate (`fingerprint_mismatch` otherwise).
    Both(&'a str, &'a [Input<'a>], &'a InspectOptions<'a>),
}

/// The fingerprint deactivated, the command that does it, and what the
/// admin should know about the certificate read from a file.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deactivation {
    /// 40 lowercase hex digits.
    pub fingerprint: String,
    /// The `deactivate` command.
    pub command: String,
    /// The certificate's CN, when it was read from a file.
    pub common_name: Option<String>,
    /// Warnings about the certificate read from a file (a CA certificate
    /// chosen by mistake: `not_a_device_certificate`).
    pub warnings: Vec<Finding>,
}

/// The `deactivate` command for `target`, under `secret`.
pub fn deactivate(secret: &Secret, target: Target<'_>) -> Result<Deactivation, Error> {
    let (fingerprint, common_name, warnings) = match target {
        Target::Fingerprint(text) => (normalize_fingerprint(text)?, None, Vec::new()),
        Target::Certificate(inputs, options) => from_files(&inspect_all(inputs, options))?,
        Target::Both(text, inputs, options) => {
            // The cheap check first: a typo in the fingerprint needs no file read.
            let typed = normalize_fingerprint(text)?;
            let from_file = from_files(&inspect_all(inputs, options))?;
            if from_file.0 != typed {
                return Err(Error::new(
                    ErrorKind::FingerprintMismatch,
                    format!(
                        "The fingerprint typed is not the one of the certificate in the file ({}, {}). Check \
                         which certificate the device should drop, and give only its fingerprint or only its file.",
                        from_file.1.as_deref().map_or_else(|| "no CN".to_owned(), |cn| format!("\"{}\"", quote(cn))),
                        from_file.0
                    ),
                ));
            }
            from_file
        }
    };
    let blob = seal_checked(secret, Action::Deactivate, &fingerprint)?;
    Ok(Deactivation { command: device_command(Action::Deactivate, &blob)?, fingerprint, common_name, warnings })
}

/// The leaf's fingerprint and CN, and a warning when it is a CA certificate.
fn from_files(report: &Report) -> Result<(String, Option<String>, Vec<Finding>), Error> {
    let leaf = leaf(report)?;
    let mut warnings = Vec::new();
    if leaf.is_ca {
        warnings.push(Finding::new(
            FindingCode::NotADeviceCertificate,
            format!(
                "The certificate in the file, {}, is a CA certificate, not a device's: was an intermediate's \
                 file chosen by mistake? A device's Webex identity is never a CA certificate.",
                leaf.common_name.as_deref().map_or_else(|| quote(&leaf.subject), quote)
            ),
        ));
    }
    Ok((leaf.sha1.clone(), leaf.common_name.clone(), warnings))
}

/// The leaf's SHA-1 fingerprint from a report, or why there is none.
pub fn leaf_sha1(report: &Report) -> Result<String, Error> {
    leaf(report).map(|leaf| leaf.sha1.clone())
}

fn leaf(report: &Report) -> Result<&CertificateInfo, Error> {
    match report.leaf_index.and_then(|i| report.certificates.get(i)) {
        Some(leaf) => Ok(leaf),
        None => {
            let why = report.findings.first().map(|f| f.message.as_str()).unwrap_or("There is no certificate.");
            Err(Error::new(ErrorKind::NoCertificate, format!("No certificate to fingerprint: {why}")))
        }
    }
}
