//! Building one blob: cheap checks first, then the payload policy (an `add`
//! payload must pass every certificate check of the device profile), then the
//! device protocol derives and seals.

use crate::cert::{inspect, Input, InspectOptions, Report};
use crate::device::blob::{check_iv, check_opens, seal, ContentKey};
use crate::device::kdf::check_salt;
use crate::device::{prepare_payload, Action, Enc};
use crate::error::{Error, ErrorKind};
use crate::finding::Severity;
use crate::secret::{check_new_secret, Secret};
use crate::shared::caps::check_size;

/// What goes into one blob.
#[derive(Debug)]
pub struct BuildRequest<'a> {
    /// The device action.
    pub action: Action,
    /// The content encryption; [`Enc::A256Gcm`] unless a device needs otherwise.
    pub enc: Enc,
    /// The plaintext: new secret, PEM bundle or fingerprint (normalized here).
    pub payload: &'a str,
    /// Fixed salt, **for known-answer tests only**. `None` draws 16 random bytes.
    pub salt: Option<&'a [u8]>,
    /// Fixed IV, **for known-answer tests only**. `None` draws 12 random bytes.
    pub iv: Option<&'a [u8]>,
    /// Skip the `add` payload's certificate checks, **for tests only** that
    /// encrypt placeholder text on purpose (the spec's worked example does).
    pub allow_findings: bool,
    /// The time the `add` payload's certificates are checked against, Unix seconds.
    pub now: i64,
}

/// Builds the compact JWE for `request`, encrypted under `secret`.
pub fn build_jwe(secret: &Secret, request: &BuildRequest<'_>) -> Result<String, Error> {
    // Cheap checks first: nothing is derived for a request that will fail.
    check_size("payload", request.payload.len())?;
    if let Some(salt) = request.salt {
        check_size("salt", salt.len())?;
        check_salt(salt)?;
    }
    check_iv(request.iv)?;
    if request.action == Action::Populate {
        // A new secret of only white space is a slip; empty (the reset) passes.
        check_new_secret(request.payload)?;
    }
    if request.action == Action::Add && !request.allow_findings {
        check_add_bundle(request.payload, request.now)?;
    }
    prepare_and_seal(secret, request.action, request.enc, request.payload, request.salt, request.iv)
}

/// Seals a payload already checked against the policy (the install bundle,
/// a fingerprint): A256GCM, a fresh random salt and IV.
pub(crate) fn seal_checked(secret: &Secret, action: Action, payload: &str) -> Result<String, Error> {
    prepare_and_seal(secret, action, Enc::A256Gcm, payload, None, None)
}

/// The device protocol's part: the payload in its device form, the key
/// derived (the slow step), then sealed and opened back.
fn prepare_and_seal(
    secret: &Secret,
    action: Action,
    enc: Enc,
    payload: &str,
    salt: Option<&[u8]>,
    iv: Option<&[u8]>,
) -> Result<String, Error> {
    let payload = prepare_payload(action, payload)?;
    let key = ContentKey::derive(secret, enc, salt)?;
    let jwe = seal(&key, action, payload.as_bytes(), iv)?;
    // Every blob the tool hands out has opened back under its key once.
    check_opens(&key, &jwe, action, payload.as_bytes())?;
    Ok(jwe)
}

/// An `add` payload must pass every certificate check with no error finding.
fn check_add_bundle(payload: &str, now: i64) -> Result<(), Error> {
    let report = inspect(Input::Text(payload), &InspectOptions::new(None, now));
    refuse_errors(&report)
}

/// `certificate_rejected`, carrying every finding, when the report has an error.
pub(crate) fn refuse_errors(report: &Report) -> Result<(), Error> {
    if !report.has_errors() {
        return Ok(());
    }
    let errors: Vec<_> = report.findings.iter().filter(|f| f.severity == Severity::Error).collect();
    let more = match errors.len() {
        1 => String::new(),
        n => format!(" ({} more problems: see the findings.)", n - 1),
    };
    Err(Error::new(
        ErrorKind::CertificateRejected,
        format!("The certificate bundle would not work on a device: {}{more}", errors[0].message),
    )
    .with_findings(report.findings.clone()))
}
