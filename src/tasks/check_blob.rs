//! Checking a blob an admin pasted (alone, in a whole command, or with text
//! around it): open it with the secret and say what it carries; an `add`
//! blob's certificates get the full report.

use serde::Serialize;
use zeroize::Zeroize;

use crate::cert::{inspect, Input, InspectOptions, Report};
use crate::device::blob::open_jwe;
use crate::device::{blob_in_text, Action};
use crate::error::Error;
use crate::secret::Secret;
use crate::shared::base64url;

/// What an opened blob carries, as the page shows it.
#[derive(Debug, Serialize)]
pub struct CheckedBlob {
    /// `populate`, `add`, `activate` or `deactivate`.
    pub action: &'static str,
    /// `A128GCM` or `A256GCM`.
    pub enc: &'static str,
    /// The scrypt salt, base64url.
    pub salt: String,
    /// The new secret (populate) or the fingerprint; never an `add` payload,
    /// which holds a private key: that is described by `report` instead.
    pub payload: Option<String>,
    /// For `add`: the report on its certificates and key, without the payload.
    pub report: Option<Report>,
}

impl Drop for CheckedBlob {
    /// A populate payload is a secret: wipe it.
    fn drop(&mut self) {
        if let Some(payload) = self.payload.as_mut() {
            payload.zeroize();
        }
    }
}

/// Finds the blob in `text`, opens it with `secret`, and describes it.
pub fn check_blob(text: &str, secret: &Secret, now: i64) -> Result<CheckedBlob, Error> {
    let opened = open_jwe(blob_in_text(text), secret)?;
    let (payload, report) = match opened.action {
        Action::Add => {
            let mut report = inspect(Input::Text(&opened.payload), &InspectOptions { passphrase: None, now });
            drop(report.take_add_payload());
            (None, Some(report))
        }
        _ => (Some(opened.payload.to_string()), None),
    };
    Ok(CheckedBlob {
        action: opened.action.name(),
        enc: opened.enc.name(),
        salt: base64url::encode(&opened.salt),
        payload,
        report,
    })
}
