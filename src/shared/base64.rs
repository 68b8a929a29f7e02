//! Standard base64 as PEM bodies, XML elements and pastes hold it: wrapped or
//! indented, so ASCII whitespace anywhere is dropped first. Decoded by
//! base64ct's constant-time decoder, since key material passes through it.

use base64ct::{Base64, Encoding};

/// The bytes of padded standard base64 with any ASCII whitespace in it;
/// `None` when the rest is not base64.
pub(crate) fn decode_wrapped(text: &[u8]) -> Option<Vec<u8>> {
    let compact: Vec<u8> = text.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
    Base64::decode_vec(core::str::from_utf8(&compact).ok()?).ok()
}
