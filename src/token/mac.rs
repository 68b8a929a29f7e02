//! HMAC-SHA-256/384/512, by hash, for both of the token code's MACs: a JWS's
//! HS* signature (the whole output) and AES-CBC-HMAC's tag (RFC 7518 5.2:
//! the output's first half). Checked in constant time by `digest`'s own
//! comparison: a tag compared byte by byte leaks how much of a forgery was right.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};

use crate::cert::Hash;

/// The output length of `hash`'s HMAC, in bytes.
pub(crate) fn len(hash: Hash) -> usize {
    match hash {
        Hash::Sha384 => 48,
        Hash::Sha512 => 64,
        _ => 32,
    }
}

/// Does the HMAC of `parts` (one message, in pieces) under `key` begin with
/// `tag`? A tag as long as the output is the whole of it; a shorter one its
/// left part (CBC-HMAC). An empty tag never verifies.
pub(crate) fn verifies(hash: Hash, key: &[u8], parts: &[&[u8]], tag: &[u8]) -> bool {
    fn check<M: Mac + KeyInit>(key: &[u8], parts: &[&[u8]], tag: &[u8]) -> bool {
        let Ok(mut mac) = <M as KeyInit>::new_from_slice(key) else { return false };
        parts.iter().for_each(|part| mac.update(part));
        mac.verify_truncated_left(tag).is_ok()
    }
    match hash {
        Hash::Sha384 => check::<Hmac<Sha384>>(key, parts, tag),
        Hash::Sha512 => check::<Hmac<Sha512>>(key, parts, tag),
        _ => check::<Hmac<Sha256>>(key, parts, tag),
    }
}
