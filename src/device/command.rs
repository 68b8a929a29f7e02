//! The device commands that carry the blobs (spec, "Payload per action"), as
//! text to paste into the device's xAPI console, and finding the blob in such
//! a command when it is pasted back. No trailing newline: the admin presses Enter.

use crate::device::blob::split;
use crate::device::Action;
use crate::error::{Error, ErrorKind};
use crate::secret::{check_new_secret, Secret};
use crate::shared::base64url;

/// The command that carries `jwe` for `action`.
///
/// The blob is checked first (shape and header, no secret needed) and must
/// carry `action` in its header, so an `add` blob cannot be pasted as an activate.
pub fn device_command(action: Action, jwe: &str) -> Result<String, Error> {
    let compact = split(jwe)?;
    if compact.header.action != action {
        return Err(Error::new(
            ErrorKind::ActionMismatch,
            format!(
                "This blob was built for {}, not {}. Build a {} blob, or choose the {} command.",
                compact.header.action.name(),
                action.name(),
                action.name(),
                compact.header.action.name()
            ),
        ));
    }
    let jwe = jwe.trim();
    Ok(match action {
        Action::Populate => format!("xCommand Security ClientSecret Populate Secret: \"{jwe}\""),
        // Multi-line: the blob on its own line, then a line holding only ".".
        Action::Add => format!("xCommand Security Certificates Services Add IsEncrypted: True\n{jwe}\n."),
        Action::Activate => {
            format!("xCommand Security Certificates Services Activate Purpose: WebexIdentity Fingerprint: \"{jwe}\"")
        }
        Action::Deactivate => {
            format!("xCommand Security Certificates Services Deactivate Purpose: WebexIdentity Fingerprint: \"{jwe}\"")
        }
    })
}

/// The first, plain-text populate: the secret's UTF-8 bytes as base64url.
/// This one command carries the secret in clear; type it at the device console.
/// Refuses a secret that is only white space (`blank_secret`).
pub fn initial_populate_command(secret: &Secret) -> Result<String, Error> {
    check_new_secret(secret.as_str())?;
    Ok(format!("xCommand Security ClientSecret Populate Secret: \"{}\"", base64url::encode(secret.as_bytes())))
}

/// The blob in pasted text: a whole command, a blob with text around it, or
/// the blob alone. It is the longest run of base64url characters and dots
/// that holds an empty part (`..`, where the encrypted key is); the whole run
/// is taken, so a blob with a part too many is refused when it is opened,
/// never cut to five parts. Without such a run, the trimmed text is returned
/// and opening it says what is wrong.
pub fn blob_in_text(text: &str) -> &str {
    let is_blob_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    text.split(|c: char| !is_blob_char(c))
        .filter(|run| run.contains(".."))
        .max_by_key(|run| run.len())
        .unwrap_or_else(|| text.trim())
}
