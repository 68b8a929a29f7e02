//! Phrases: parts joined by one separator used throughout
//! (`Winter-Is-Coming-2027!`, `correct horse battery staple`). zxcvbn 4.5.0
//! brute-forces each separator and charges 10^4 per extra part, which rates
//! such phrases far above what an attacker who joins word lists with common
//! separators (hashcat's combinator attacks) needs; here the separator is
//! chosen once and the parts multiply.

use super::matching::{omnimatch, Match, Pattern};
use super::scoring::most_guessable;

/// The separators people put between words.
pub(super) const SEPARATORS: &str = " -_.,+/:;|~";

/// Adds the whole of `chars` as one phrase when its most used separator
/// occurs twice or more between non-empty parts: guesses are the separators
/// to try times each part's own guesses. One separator per level keeps the
/// work linear in the number of distinct separators, never exponential.
pub(super) fn find(chars: &[char], out: &mut Vec<Match>) {
    let Some(separator) = separator(chars) else { return };
    let mut log10 = (SEPARATORS.chars().count() as f64).log10();
    for part in chars.split(|&c| c == separator) {
        if part.is_empty() {
            return;
        }
        log10 += most_guessable(part, &omnimatch(part)).log10;
    }
    out.push(Match { i: 0, j: chars.len() - 1, log10, pattern: Pattern::Phrase { separator } });
}

/// The separator `chars` uses most, if it uses one at least twice.
pub(super) fn separator(chars: &[char]) -> Option<char> {
    SEPARATORS
        .chars()
        .map(|s| (chars.iter().filter(|&&c| c == s).count(), s))
        .filter(|&(count, _)| count >= 2)
        .fold(None, |best: Option<(usize, char)>, x| match best {
            Some(b) if b.0 >= x.0 => Some(b),
            _ => Some(x),
        })
        .map(|(_, s)| s)
}
