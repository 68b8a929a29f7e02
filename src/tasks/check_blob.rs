//! Checking blobs an admin pasted (alone, in whole commands, wrapped in a
//! mail, several from one downloaded file): open each with the secret and say
//! what it carries; an `add` blob's certificates get the full report. The
//! plain first seed command is recognised too: it needs no secret.

use serde::Serialize;
use zeroize::{Zeroize, Zeroizing};

use crate::cert::{inspect, Input, InspectOptions, Report};
use crate::device::blob::open_jwe;
use crate::device::{blobs_in_text, Action, Pasted};
use crate::error::{Error, ErrorKind};
use crate::finding::{Finding, FindingCode};
use crate::secret::Secret;
use crate::shared::base64url;
use crate::shared::caps::{check_size, MAX_BLOBS_PER_CHECK};

/// What an opened blob (or a plain seed command) carries, as the page shows it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckedBlob {
    /// `populate`, `add`, `activate` or `deactivate`.
    pub action: &'static str,
    /// `A128GCM` or `A256GCM`; `None` for the plain seed command.
    pub enc: Option<&'static str>,
    /// The scrypt salt, base64url; `None` for the plain seed command.
    pub salt: Option<String>,
    /// The new secret (populate) or the fingerprint; never an `add` payload,
    /// which holds a private key: that is described by `report` instead.
    pub payload: Option<String>,
    /// For `add`: the report on its certificates and key, without the payload.
    pub report: Option<Report>,
    /// True for the plain (unencrypted) first seed command: `payload` is the
    /// secret it sets, read without any secret.
    pub plain: bool,
}

impl Drop for CheckedBlob {
    /// A populate payload is a secret: wipe it.
    fn drop(&mut self) {
        if let Some(payload) = self.payload.as_mut() {
            payload.zeroize();
        }
    }
}

/// Finds the one blob (or plain seed command) in `text`, opens it with
/// `secret`, and describes it. Text holding several is refused
/// (`several_blobs`): [`check_blobs`] opens them all.
pub fn check_blob(text: &str, secret: &Secret, now: i64) -> Result<CheckedBlob, Error> {
    let found = find(text)?;
    if found.len() > 1 {
        return Err(Error::new(
            ErrorKind::SeveralBlobs,
            format!(
                "The text holds {} blobs or commands. Check them all at once (checkBlobs), or paste one.",
                found.len()
            ),
        ));
    }
    check_one(&found[0], Some(secret), now)
}

/// Finds every blob (and plain seed command) in `text` and checks each, in
/// order. At most [`MAX_BLOBS_PER_CHECK`], counted before any key derivation.
/// `secret` may be `None` when the text holds only plain seed commands, which
/// need none; an encrypted blob without it is `empty_secret`.
pub fn check_blobs(text: &str, secret: Option<&Secret>, now: i64) -> Result<Vec<CheckedBlob>, Error> {
    let found = find(text)?;
    if found.len() > MAX_BLOBS_PER_CHECK {
        return Err(Error::new(
            ErrorKind::TooManyBlobs,
            format!(
                "The text holds {} blobs or commands; one check opens at most {MAX_BLOBS_PER_CHECK} (each takes \
                 a moment of key derivation). Paste fewer at a time.",
                found.len()
            ),
        ));
    }
    found.iter().map(|pasted| check_one(pasted, secret, now)).collect()
}

/// What `text` holds; an error when it holds nothing to check.
fn find(text: &str) -> Result<Vec<Pasted>, Error> {
    check_size("blob", text.len())?;
    let found = blobs_in_text(text);
    if found.is_empty() {
        return Err(Error::new(
            ErrorKind::MalformedJwe,
            "The text holds no blob (five base64url parts separated by dots, the second empty) and no seed \
             command. Paste the whole command, or the blob alone.",
        ));
    }
    Ok(found)
}

/// Checks one thing found: a plain seed command needs no secret, a blob does.
fn check_one(pasted: &Pasted, secret: Option<&Secret>, now: i64) -> Result<CheckedBlob, Error> {
    let (blob, secret) =
        match (pasted, secret) {
            (Pasted::PlainSeed(value), _) => return plain_seed(value),
            (Pasted::Blob(blob), Some(secret)) => (blob, secret),
            (Pasted::Blob(_), None) => return Err(Error::new(
                ErrorKind::EmptySecret,
                "The secret is empty. Type the secret the blob was made with (a plain seed command alone needs none).",
            )),
        };
    let opened = open_jwe(blob, secret)?;
    let (payload, report) = match opened.action {
        Action::Add => (None, Some(add_report(&opened.payload, now))),
        _ => (Some(opened.payload.to_string()), None),
    };
    Ok(CheckedBlob {
        action: opened.action.name(),
        enc: Some(opened.enc.name()),
        salt: Some(base64url::encode(&opened.salt)),
        payload,
        report,
        plain: false,
    })
}

/// The plain first seed command: its value is the secret's UTF-8 bytes as base64url.
fn plain_seed(value: &str) -> Result<CheckedBlob, Error> {
    let bytes = Zeroizing::new(base64url::decode(value).ok_or_else(|| {
        Error::new(
            ErrorKind::MalformedJwe,
            "The seed command's value is neither a blob nor a secret in base64url. Copy the whole command again.",
        )
    })?);
    let secret = std::str::from_utf8(&bytes).map_err(|_| {
        Error::new(
            ErrorKind::PayloadNotUtf8,
            "The seed command's secret is not text (only another tool makes such a command). Make a new one.",
        )
    })?;
    Ok(CheckedBlob {
        action: Action::Populate.name(),
        enc: None,
        salt: None,
        payload: Some(secret.to_owned()),
        report: None,
        plain: true,
    })
}

/// The report on an `add` payload, without the payload. A payload this tool
/// cannot read at all is not a file the admin chose: the blob was built by
/// another tool, or is damaged, and the report says that.
fn add_report(payload: &str, now: i64) -> Report {
    let mut report = inspect(Input::Text(payload), &InspectOptions::new(None, now));
    drop(report.take_add_payload());
    let unreadable = report.certificates.is_empty()
        && report.private_key.is_none()
        && report.findings.iter().any(|f| f.code == FindingCode::UnsupportedFormat);
    if unreadable || !payload.contains("-----BEGIN ") {
        report = Report::unreadable(Finding::new(
            FindingCode::AddPayloadNotPem,
            "The blob's payload is not a PEM certificate and key: the blob was built by another tool, or is \
             damaged. Build it again with this tool from the certificate files.",
        ));
    }
    report
}
