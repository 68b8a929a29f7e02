//! A rough strength estimate for secrets people type: exact for the two
//! generated formats, capped per word for text made of words, and otherwise
//! counted from the characters used.

use crate::secret::generate::{CONSONANTS, PHRASE_GROUPS, RANDOM_SECRET_BYTES, VOWELS};
use crate::shared::base64url;

/// A rough strength estimate: bits, a word, and advice.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Strength {
    /// Estimated bits of guessing work (see `secret_strength`).
    pub bits: u32,
    /// `empty`, `weak`, `fair`, `good` or `strong`.
    pub label: &'static str,
    /// What to do.
    pub advice: &'static str,
}

/// Secrets shorter than this are called weak whatever their characters.
pub const MIN_GOOD_LENGTH: usize = 12;

/// Bits claimed per word for text made of words: a word drawn at random
/// from a diceware list of 7,776 is 12.9 bits, and words people pick are less.
const BITS_PER_WORD: u32 = 13;

/// Estimates the strength of a typed secret: exact for the two generated
/// formats, capped per word for text made of words, and otherwise counted
/// from the characters used (an upper bound: people do not type at random).
pub fn secret_strength(secret: &str) -> Strength {
    let bits = generated_bits(secret).unwrap_or_else(|| {
        let by_characters = character_bits(secret);
        match words(secret) {
            Some(words) => by_characters.min(words * BITS_PER_WORD),
            None => by_characters,
        }
    });
    // Short secrets are guessable whatever characters they use.
    let short = secret.chars().count() < MIN_GOOD_LENGTH;
    let (label, advice) = match bits {
        0 => ("empty", "Type a secret, or generate one."),
        _ if short => ("weak", "Too short to be safe. Use 16 or more characters, or generate a secret."),
        1..=44 => ("weak", "Too easy to guess. Use 16 or more characters, or generate a secret."),
        45..=63 => ("fair", "Could be stronger: add length, or generate a secret."),
        64..=89 => ("good", "Good. Keep it somewhere safe: a forgotten secret means a factory reset."),
        _ => ("strong", "Strong. Keep it somewhere safe: a forgotten secret means a factory reset."),
    };
    Strength { bits, label, advice }
}

/// The entropy of a secret in one of `generate_secret`'s formats.
fn generated_bits(secret: &str) -> Option<u32> {
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
        return Some((pairs * ((CONSONANTS.len() * VOWELS.len()) as f64).log2()).floor() as u32);
    }
    let random = base64url::decode(secret).is_some_and(|bytes| bytes.len() == RANDOM_SECRET_BYTES);
    random.then_some(8 * RANDOM_SECRET_BYTES as u32)
}

/// The number of words when `secret` is letters in two or more runs split by
/// spaces or punctuation only (`correct horse`, `Correct-Horse-Battery`).
fn words(secret: &str) -> Option<u32> {
    let only_words = secret.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '_' | '.' | ','));
    let count = secret.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).count();
    (only_words && count >= 2).then_some(count as u32)
}

/// Length times log2 of the pool of character classes used.
fn character_bits(secret: &str) -> u32 {
    let has = |f: fn(&char) -> bool| secret.chars().any(|c| f(&c));
    let mut pool = 0u32;
    if has(char::is_ascii_lowercase) {
        pool += 26;
    }
    if has(char::is_ascii_uppercase) {
        pool += 26;
    }
    if has(char::is_ascii_digit) {
        pool += 10;
    }
    if has(|c| c.is_ascii() && !c.is_ascii_alphanumeric()) {
        pool += 33;
    }
    if has(|c| !c.is_ascii()) {
        pool += 100;
    }
    let mut distinct: Vec<char> = secret.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    // Repeats add little: count each distinct character once, the rest at a quarter.
    let length = distinct.len() as f64 + (secret.chars().count() - distinct.len()) as f64 / 4.0;
    if pool == 0 {
        0
    } else {
        (length * f64::from(pool).log2()).floor() as u32
    }
}
