//! The exact entropy of a secret in one of `generate_secret`'s formats: the
//! pattern estimate would mistake their random letters for guessable text.

use crate::secret::generate::{CONSONANTS, PHRASE_GROUPS, RANDOM_SECRET_BYTES, VOWELS};
use crate::shared::base64url;

/// The entropy in bits of a secret in one of `generate_secret`'s formats.
pub(super) fn generated_bits(secret: &str) -> Option<f64> {
    let is_group = |group: &str| {
        let b = group.as_bytes();
        b.len() == 4
            && CONSONANTS.contains(&b[0])
            && VOWELS.contains(&b[1])
            && CONSONANTS.contains(&b[2])
            && VOWELS.contains(&b[3])
    };
    let groups: Vec<&str> = secret.split('-').collect();
    if groups.len() == PHRASE_GROUPS && groups.iter().all(|g| is_group(g)) {
        // Each consonant-vowel pair is one of 16 × 5 = 80: 6.32 bits.
        let pairs = (2 * PHRASE_GROUPS) as f64;
        return Some(pairs * ((CONSONANTS.len() * VOWELS.len()) as f64).log2());
    }
    let random = base64url::decode(secret).is_some_and(|bytes| bytes.len() == RANDOM_SECRET_BYTES);
    random.then_some(8.0 * RANDOM_SECRET_BYTES as f64)
}
