//! Sequences: runs with a steady step between character codes (`abcdefgh`,
//! `987654321`, `aceg`), as zxcvbn's sequence matcher.

use super::matching::{Match, Pattern};

/// zxcvbn's largest step between characters that still makes a sequence.
const MAX_DELTA: i64 = 5;

/// Adds each maximal run of a steady step of 1 to 5 (either way).
pub(super) fn find(chars: &[char], out: &mut Vec<Match>) {
    if chars.len() < 2 {
        return;
    }
    let delta = |k: usize| i64::from(u32::from(chars[k])) - i64::from(u32::from(chars[k - 1]));
    let mut i = 0;
    let mut last = delta(1);
    for k in 2..chars.len() {
        let d = delta(k);
        if d != last {
            add(chars, i, k - 1, last, out);
            i = k - 1;
            last = d;
        }
    }
    add(chars, i, chars.len() - 1, last, out);
}

fn add(chars: &[char], i: usize, j: usize, delta: i64, out: &mut Vec<Match>) {
    if (j - i > 1 || delta.abs() == 1) && (1..=MAX_DELTA).contains(&delta.abs()) {
        let first = chars[i];
        // Obvious starting points are tried first.
        let mut base: f64 = if matches!(first, 'a' | 'A' | 'z' | 'Z' | '0' | '1' | '9') {
            4.0
        } else if first.is_ascii_digit() {
            10.0
        } else {
            26.0
        };
        if delta < 0 {
            base *= 2.0;
        }
        let log10 = (base * (j - i + 1) as f64).log10();
        out.push(Match { i, j, log10, pattern: Pattern::Sequence });
    }
}
