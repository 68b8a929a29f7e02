//! Certificate fingerprints as RoomOS commands take them: SHA-1 over the DER
//! certificate, 40 lowercase hex digits, no separators (spec, "Payload per action").

use crate::error::{Error, ErrorKind};
use crate::shared::caps::check_size;

/// Normalizes a pasted fingerprint to 40 lowercase hex digits.
///
/// Accepts upper or lower case with colons and white space between digits, and
/// the `SHA1 Fingerprint=` prefix that `openssl x509 -fingerprint` prints.
pub fn normalize_fingerprint(text: &str) -> Result<String, Error> {
    check_size("fingerprint", text.len())?;
    let trimmed = text.trim();
    let body = strip_prefix_ignore_case(trimmed, "sha1 fingerprint=").unwrap_or(trimmed);
    let mut hex = String::with_capacity(40);
    for (position, c) in body.chars().enumerate() {
        match c {
            ':' | ' ' | '\t' | '\r' | '\n' => {}
            c if c.is_ascii_hexdigit() => hex.push(c.to_ascii_lowercase()),
            _ => {
                return Err(Error::new(
                    ErrorKind::BadFingerprint,
                    format!(
                        "Character {} of the fingerprint is not a hex digit. A SHA-1 fingerprint \
                         is 40 hex digits (0-9, a-f), optionally separated by colons.",
                        position + 1
                    ),
                ))
            }
        }
    }
    if hex.len() != 40 {
        return Err(Error::new(
            ErrorKind::BadFingerprint,
            format!(
                "The fingerprint has {} hex digits; a SHA-1 fingerprint has 40. \
                 Copy it again from the certificate report, or from what this prints: \
                 openssl x509 -noout -fingerprint -sha1 -in cert.pem",
                hex.len()
            ),
        ));
    }
    Ok(hex)
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}
