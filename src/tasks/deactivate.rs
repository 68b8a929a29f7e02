//! Deactivating a certificate: its fingerprint as typed, or read from the
//! certificate file itself, into a `deactivate` blob and command.

use serde::Serialize;

use crate::cert::{inspect_all, Input, InspectOptions, Report};
use crate::device::{device_command, normalize_fingerprint, Action};
use crate::error::{Error, ErrorKind};
use crate::secret::Secret;
use crate::tasks::build::seal_checked;

/// Which certificate to deactivate.
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    /// Its SHA-1 fingerprint, in any form `normalize_fingerprint` takes.
    Fingerprint(&'a str),
    /// The certificate's files (a `.p12` may need its passphrase).
    Certificate(&'a [Input<'a>], &'a InspectOptions<'a>),
}

/// The fingerprint deactivated and the command that does it.
#[derive(Clone, Debug, Serialize)]
pub struct Deactivation {
    /// 40 lowercase hex digits.
    pub fingerprint: String,
    /// The `deactivate` command.
    pub command: String,
}

/// The `deactivate` command for `target`, under `secret`.
pub fn deactivate(secret: &Secret, target: Target<'_>) -> Result<Deactivation, Error> {
    let fingerprint = match target {
        Target::Fingerprint(text) => normalize_fingerprint(text)?,
        Target::Certificate(inputs, options) => leaf_sha1(&inspect_all(inputs, options))?,
    };
    let blob = seal_checked(secret, Action::Deactivate, &fingerprint)?;
    Ok(Deactivation { command: device_command(Action::Deactivate, &blob)?, fingerprint })
}

/// The leaf's SHA-1 fingerprint from a report, or why there is none.
pub fn leaf_sha1(report: &Report) -> Result<String, Error> {
    match report.leaf_index.and_then(|i| report.certificates.get(i)) {
        Some(leaf) => Ok(leaf.sha1.clone()),
        None => {
            let why = report.findings.first().map(|f| f.message.as_str()).unwrap_or("There is no certificate.");
            Err(Error::new(ErrorKind::NoCertificate, format!("No certificate to fingerprint: {why}")))
        }
    }
}
