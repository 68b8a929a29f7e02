//! Repeats: one character or a longer unit typed again and again (`aaaa`,
//! `Password1!Password1!`), worth the unit's guesses times the count.

use super::matching::{omnimatch, Match, Pattern};
use super::scoring::most_guessable;

/// Adds repeats from left to right, as zxcvbn's greedy and lazy regexes
/// `(.+)\1+` and `(.+?)\1+` find them; the unit is scored like a secret.
pub(super) fn find(chars: &[char], out: &mut Vec<Match>) {
    let mut start = 0;
    while let Some((i, greedy, lazy)) = leftmost(chars, start) {
        // The longer of the two runs wins; its unit is its shortest period.
        let (total, unit) = if greedy.0 * greedy.1 > lazy.0 * lazy.1 {
            let run = &chars[i..i + greedy.0 * greedy.1];
            (run.len(), shortest_period(run))
        } else {
            (lazy.0 * lazy.1, lazy.0)
        };
        let base = most_guessable(&chars[i..i + unit], &omnimatch(&chars[i..i + unit])).log10;
        let count = (total / unit) as f64;
        out.push(Match { i, j: i + total - 1, log10: base + count.log10(), pattern: Pattern::Repeat });
        start = i + total;
    }
}

/// A unit's length and how many times it is repeated.
type Unit = (usize, usize);

/// The first position from `start` where a unit repeats, with the longest
/// and the shortest such unit.
fn leftmost(chars: &[char], start: usize) -> Option<(usize, Unit, Unit)> {
    (start..chars.len()).find_map(|i| {
        let units: Vec<(usize, usize)> =
            (1..=(chars.len() - i) / 2).map(|k| (k, repeats(&chars[i..], k))).filter(|&(_, r)| r >= 2).collect();
        Some((i, *units.last()?, *units.first()?))
    })
}

/// How many times the first `k` characters of `run` occur back to back at its start.
fn repeats(run: &[char], k: usize) -> usize {
    let unit = &run[..k];
    run.chunks_exact(k).take_while(|chunk| *chunk == unit).count()
}

/// The shortest unit that `run` is whole repeats of.
fn shortest_period(run: &[char]) -> usize {
    (1..=run.len() / 2).find(|&k| run.len() % k == 0 && repeats(run, k) == run.len() / k).unwrap_or(run.len())
}
