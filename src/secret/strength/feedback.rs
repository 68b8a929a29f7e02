//! Warnings: what in the secret makes it guessable, each with a stable code
//! that tests and callers match on, and a message for people.

use super::dictionary::List;
use super::matching::{omnimatch, Match, Pattern};
use super::scoring::most_guessable;

/// One thing that weakens the secret.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// Stable snake_case code: `common_password`, `common_word`,
    /// `common_name`, `word`, `repeat`, `sequence`, `keyboard_walk`, `date`, `year`,
    /// `short`, `blank` or `edge_whitespace`.
    pub code: &'static str,
    /// What it means, for people.
    pub message: &'static str,
}

/// The warnings for the patterns in the best cover (each code once).
/// A phrase's parts are analysed again for theirs.
pub(super) fn pattern_warnings(chars: &[char], sequence: &[Match], out: &mut Vec<Warning>) {
    for m in sequence {
        let warning = match m.pattern {
            Pattern::Phrase { separator } => {
                for part in chars[m.i..=m.j].split(|&c| c == separator) {
                    pattern_warnings(part, &most_guessable(part, &omnimatch(part)).sequence, out);
                }
                continue;
            }
            Pattern::Dictionary { list: List::Passwords } => {
                ("common_password", "It contains a commonly used password; attackers try those first.")
            }
            Pattern::Dictionary { list: List::Words } => {
                ("common_word", "It contains a common word; attackers try whole dictionaries first.")
            }
            Pattern::Dictionary { list: List::Names } => {
                ("common_name", "It contains a common name; names and surnames are easy to guess.")
            }
            Pattern::Dictionary { list: List::Unlisted } => {
                ("word", "It contains a word; attackers try whole dictionaries, not only common words.")
            }
            Pattern::Repeat => ("repeat", "It repeats characters or a run of characters; repeats add little."),
            Pattern::Sequence => ("sequence", "It contains a sequence such as abc or 4321; those are easy to guess."),
            Pattern::Keyboard => {
                ("keyboard_walk", "It contains a walk along the keyboard such as qwerty; those are easy to guess.")
            }
            Pattern::Date => ("date", "It contains a date; dates are easy to guess."),
            Pattern::Year => ("year", "It contains a year; recent years are easy to guess."),
            Pattern::BruteForce => continue,
        };
        push(out, warning);
    }
}

/// The warnings about white space and length, whatever the estimate.
pub(super) fn text_warnings(secret: &str, chars: usize, min_length: usize, out: &mut Vec<Warning>) {
    if secret.is_empty() {
        return;
    }
    if secret.trim().is_empty() {
        push(out, ("blank", "The secret is only white space. Type a secret, or generate one."));
    } else if secret.trim() != secret {
        push(
            out,
            (
                "edge_whitespace",
                "It starts or ends with white space. The secret is used exactly as typed, spaces included: \
                 check that no space or pasted line break slipped in at either end.",
            ),
        );
    }
    if chars < min_length {
        push(out, ("short", "It is short; longer secrets take far longer to guess."));
    }
}

fn push(out: &mut Vec<Warning>, (code, message): (&'static str, &'static str)) {
    if !out.iter().any(|w| w.code == code) {
        out.push(Warning { code, message });
    }
}
