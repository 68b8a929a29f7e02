//! The minimum-guesses search of zxcvbn's scoring.py
//! (`most_guessable_match_sequence`): of all ways to cover the secret with
//! non-overlapping matches and brute force, the one that takes fewest guesses,
//! where a sequence of l matches costs l! × Π guesses + 10000^(l−1).
//! Worked in log10 so long secrets cannot overflow.

use super::matching::{Match, Pattern};

/// zxcvbn's guesses per brute-forced character.
const BRUTEFORCE_CARDINALITY: f64 = 10.0;
/// log10 of zxcvbn's D: an attacker tries shorter sequences first.
const MIN_GUESSES_BEFORE_GROWING_SEQUENCE_LOG10: f64 = 4.0;
/// A match shorter than the secret takes at least this many guesses (log10 of 10 and 50).
const MIN_SUBMATCH_SINGLE_CHAR_LOG10: f64 = 1.0;
const MIN_SUBMATCH_MULTI_CHAR_LOG10: f64 = 1.698_970_004_336_018_8;

/// The best cover found: log10 of its guesses and its matches in order.
pub(super) struct Analysis {
    pub log10: f64,
    pub sequence: Vec<Match>,
}

/// The best length-l cover of a prefix: its total (log10 g), product (log10 π) and last match.
#[derive(Clone, Copy)]
struct Best {
    l: usize,
    g: f64,
    pi: f64,
    last: Match,
}

/// The cover of `chars` by `matches` and brute force that takes fewest guesses.
pub(super) fn most_guessable(chars: &[char], matches: &[Match]) -> Analysis {
    let n = chars.len();
    if n == 0 {
        return Analysis { log10: 0.0, sequence: Vec::new() };
    }
    // optimal[k]: for each sequence length l, the best cover of chars[..=k].
    let mut optimal: Vec<Vec<Best>> = vec![Vec::new(); n];
    let mut by_end: Vec<Vec<&Match>> = vec![Vec::new(); n];
    for m in matches {
        // Each list in order of where the matches start (as zxcvbn sorts them).
        let at = by_end[m.j].partition_point(|other| other.i <= m.i);
        by_end[m.j].insert(at, m);
    }
    for (k, ending) in by_end.iter().enumerate() {
        for m in ending {
            if m.i == 0 {
                update(&mut optimal, n, **m, 1);
            } else {
                let lengths: Vec<usize> = optimal[m.i - 1].iter().map(|b| b.l).collect();
                for l in lengths {
                    update(&mut optimal, n, **m, l + 1);
                }
            }
        }
        update(&mut optimal, n, brute_force(0, k), 1);
        for i in 1..=k {
            // Two brute-force runs side by side are never better than one.
            let lengths: Vec<usize> =
                optimal[i - 1].iter().filter(|b| b.last.pattern != Pattern::BruteForce).map(|b| b.l).collect();
            for l in lengths {
                update(&mut optimal, n, brute_force(i, k), l + 1);
            }
        }
    }
    // Unwind from the end: the best length, then each match's predecessor.
    let end = optimal[n - 1].iter().fold(None::<Best>, |best, b| match best {
        Some(best) if best.g <= b.g => Some(best),
        _ => Some(*b),
    });
    let end = end.expect("brute force covers every prefix");
    let mut sequence = Vec::with_capacity(end.l);
    let (mut k, mut l) = (n as isize - 1, end.l);
    while k >= 0 {
        let best = optimal[k as usize].iter().find(|b| b.l == l).expect("each step was recorded");
        sequence.push(best.last);
        k = best.last.i as isize - 1;
        l -= 1;
    }
    sequence.reverse();
    Analysis { log10: end.g, sequence }
}

/// Records a length-l cover ending with `m` if no cover of that prefix with l or fewer matches is as good.
fn update(optimal: &mut [Vec<Best>], n: usize, m: Match, l: usize) {
    let mut pi = match_log10(&m, n);
    if l > 1 {
        match optimal[m.i - 1].iter().find(|b| b.l == l - 1) {
            Some(before) => pi += before.pi,
            None => return,
        }
    }
    let factorial: f64 = (2..=l).map(|x| (x as f64).log10()).sum();
    let g = log10_add(factorial + pi, MIN_GUESSES_BEFORE_GROWING_SEQUENCE_LOG10 * (l - 1) as f64);
    let at = &mut optimal[m.j];
    if at.iter().any(|b| b.l <= l && b.g <= g) {
        return;
    }
    let best = Best { l, g, pi, last: m };
    match at.iter_mut().find(|b| b.l == l) {
        Some(slot) => *slot = best,
        None => at.push(best),
    }
}

/// A match's guesses, raised to zxcvbn's minimum for a part of the secret.
fn match_log10(m: &Match, n: usize) -> f64 {
    let len = m.j - m.i + 1;
    let min = match (len < n, len == 1) {
        (false, _) => 0.0,
        (true, true) => MIN_SUBMATCH_SINGLE_CHAR_LOG10,
        (true, false) => MIN_SUBMATCH_MULTI_CHAR_LOG10,
    };
    m.log10.max(min)
}

/// Brute force over chars `i..=j`: 10 per character, and at least one more
/// than a real match of that length would get, so real matches win ties.
fn brute_force(i: usize, j: usize) -> Match {
    let len = j - i + 1;
    let min: f64 = if len == 1 { 11.0 } else { 51.0 };
    let log10 = (len as f64 * BRUTEFORCE_CARDINALITY.log10()).max(min.log10());
    Match { i, j, log10, pattern: Pattern::BruteForce }
}

/// log10(10^a + 10^b) without overflow.
fn log10_add(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    hi + (1.0 + 10f64.powf(lo - hi)).log10()
}
