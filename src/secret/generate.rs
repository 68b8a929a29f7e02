//! Generating a ClientSecret from the platform CSPRNG: a readable,
//! pronounceable phrase or base64url. A forgotten secret means a factory
//! reset, so the page leans on generated secrets.

use crate::error::Error;
use crate::shared::base64url;
use crate::shared::random::random_bytes;

/// The kinds of secret `generate_secret` makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretKind {
    /// Six groups of four letters, consonant-vowel pairs (`bafo-lemi-…`):
    /// easy to read aloud and type at a device console; about 76 bits.
    Phrase,
    /// 16 random bytes as base64url: 22 characters, 128 bits.
    Base64Url,
}

pub(crate) const CONSONANTS: &[u8; 16] = b"bdfghjklmnprstvz";
pub(crate) const VOWELS: &[u8; 5] = b"aeiou";
pub(crate) const PHRASE_GROUPS: usize = 6;
/// The bytes of a `Base64Url` secret.
pub(crate) const RANDOM_SECRET_BYTES: usize = 16;

/// A fresh random secret of `kind`.
pub fn generate_secret(kind: SecretKind) -> Result<String, Error> {
    match kind {
        SecretKind::Base64Url => Ok(base64url::encode(&random_bytes(RANDOM_SECRET_BYTES)?)),
        SecretKind::Phrase => {
            let mut groups = Vec::with_capacity(PHRASE_GROUPS);
            for _ in 0..PHRASE_GROUPS {
                let mut group = String::with_capacity(4);
                for _ in 0..2 {
                    group.push(CONSONANTS[uniform(CONSONANTS.len())?] as char);
                    group.push(VOWELS[uniform(VOWELS.len())?] as char);
                }
                groups.push(group);
            }
            Ok(groups.join("-"))
        }
    }
}

/// A uniform index below `n` (n ≤ 256), by rejection sampling: no modulo bias.
fn uniform(n: usize) -> Result<usize, Error> {
    let limit = 256 - 256 % n;
    loop {
        let byte = random_bytes(1)?[0] as usize;
        if byte < limit {
            return Ok(byte % n);
        }
    }
}
