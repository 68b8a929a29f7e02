//! base64url without padding (RFC 7515 section 2), strict: no padding, no
//! whitespace, no standard-alphabet characters, no non-zero trailing bits, so
//! every blob has exactly one spelling.

use base64ct::{Base64UrlUnpadded, Encoding};

/// Encodes bytes as base64url without padding.
pub fn encode(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// Decodes strict base64url without padding; `None` for anything else.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    Base64UrlUnpadded::decode_vec(text).ok()
}
