//! What each action's plaintext must be, checked before anything is encrypted
//! (spec, "Payload per action").

use zeroize::Zeroizing;

use crate::action::Action;
use crate::cert::{inspect, Input, InspectOptions, Severity};
use crate::error::{Error, ErrorKind};
use crate::fingerprint::normalize_fingerprint;

/// Returns the plaintext to encrypt for `action`, normalized where the device
/// expects one form (fingerprints), or an error naming what is missing.
pub(crate) fn prepare_payload(
    action: Action,
    payload: &str,
    allow_findings: bool,
    now: i64,
) -> Result<Zeroizing<String>, Error> {
    match action {
        // The new secret's raw UTF-8 bytes; empty resets the secret.
        Action::Populate => Ok(Zeroizing::new(payload.to_owned())),
        Action::Add => {
            if !allow_findings {
                check_add_bundle(payload, now)?;
            }
            Ok(Zeroizing::new(payload.to_owned()))
        }
        Action::Activate | Action::Deactivate => normalize_fingerprint(payload).map(Zeroizing::new),
    }
}

/// An `add` payload must pass every certificate check with no error finding.
fn check_add_bundle(payload: &str, now: i64) -> Result<(), Error> {
    let report = inspect(Input::Text(payload), &InspectOptions { passphrase: None, now });
    if !report.has_errors() {
        return Ok(());
    }
    let errors: Vec<_> = report.findings.iter().filter(|f| f.severity == Severity::Error).cloned().collect();
    let first = errors[0].message.clone();
    let more = match errors.len() {
        1 => String::new(),
        n => format!(" ({} more problems: see the findings.)", n - 1),
    };
    Err(Error::new(
        ErrorKind::CertificateRejected,
        format!("The certificate bundle would not work on a device: {first}{more}"),
    )
    .with_findings(report.findings.clone()))
}
