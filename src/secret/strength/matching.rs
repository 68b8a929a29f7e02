//! A match is a run of the secret that a guesser tries as one unit (a common
//! word, a keyboard walk, a date), with the guesses it takes; `omnimatch`
//! runs every matcher, as zxcvbn's matching.py does.

use super::{date, dictionary, keyboard, phrase, repeat, sequence};

/// What kind of run a match is; the dictionary kind says which list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pattern {
    Dictionary { list: dictionary::List },
    Phrase { separator: char },
    Repeat,
    Sequence,
    Keyboard,
    Date,
    Year,
    BruteForce,
}

/// Characters `i..=j` of the secret and log10 of the guesses they take alone.
#[derive(Clone, Copy, Debug)]
pub(super) struct Match {
    pub i: usize,
    pub j: usize,
    pub log10: f64,
    pub pattern: Pattern,
}

/// Every match of every matcher in `chars` (in no particular order).
pub(super) fn omnimatch(chars: &[char]) -> Vec<Match> {
    let mut matches = Vec::new();
    dictionary::find(chars, &mut matches);
    dictionary::find_unlisted(chars, &mut matches);
    keyboard::find(chars, &mut matches);
    repeat::find(chars, &mut matches);
    sequence::find(chars, &mut matches);
    date::find(chars, &mut matches);
    phrase::find(chars, &mut matches);
    matches
}

/// n choose k as a float (the counts of case and l33t variations).
pub(super) fn n_choose_k(n: usize, k: usize) -> f64 {
    if k > n {
        return 0.0;
    }
    (1..=k).fold(1.0, |r, d| r * (n + 1 - d) as f64 / d as f64)
}
