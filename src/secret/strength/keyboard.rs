//! Keyboard walks on a US qwerty keyboard (`qwertyuiop`, `1qaz2wsx`), as
//! zxcvbn's spatial matcher: runs of three or more adjacent keys.

use super::matching::{n_choose_k, Match, Pattern};

/// The keys row by row, unshifted then shifted. Rows after the first start
/// half a key to the right, so a key's neighbours are left, up-left... as in
/// zxcvbn's slanted qwerty graph.
const ROWS: [&str; 4] = [
    "`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+",
    "qQ wW eE rR tT yY uU iI oO pP [{ ]} \\|",
    "aA sS dD fF gG hH jJ kK lL ;: '\"",
    "zZ xX cC vV bB nN mM ,< .> /?",
];

/// Neighbour offsets in zxcvbn's order: a walk turns when this index changes.
const NEIGHBOURS: [(i32, i32); 6] = [(-1, 0), (0, -1), (1, -1), (1, 0), (0, 1), (-1, 1)];

/// zxcvbn's figures for its qwerty graph: 94 starting characters, and on
/// average 4.5957 neighbours each (432 links over 94 characters).
const STARTING_POSITIONS: f64 = 94.0;
const AVERAGE_DEGREE: f64 = 432.0 / 94.0;

/// The key (unshifted, shifted) at column `x` of row `y`, if there is one.
fn key_at(x: i32, y: i32) -> Option<[char; 2]> {
    let row = ROWS.get(usize::try_from(y).ok()?)?;
    let first = if y == 0 { 0 } else { 1 };
    let token = row.split(' ').nth(usize::try_from(x - first).ok()?)?;
    let mut chars = token.chars();
    Some([chars.next()?, chars.next()?])
}

/// Where `c` is, and whether it takes shift.
fn position(c: char) -> Option<(i32, i32, bool)> {
    ROWS.iter().enumerate().find_map(|(y, row)| {
        let first = if y == 0 { 0 } else { 1 };
        row.split(' ')
            .enumerate()
            .find_map(|(x, key)| key.chars().position(|k| k == c).map(|s| (x as i32 + first, y as i32, s == 1)))
    })
}

/// Adds every walk of three or more keys in `chars`.
pub(super) fn find(chars: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    let mut i = 0;
    while i + 1 < n {
        let mut j = i + 1;
        let mut last_direction = None;
        let mut turns = 0;
        let mut shifted = usize::from(position(chars[i]).is_some_and(|p| p.2));
        loop {
            let step = (j < n).then(|| step(chars[j - 1], chars[j])).flatten();
            if let Some((direction, is_shifted)) = step {
                shifted += usize::from(is_shifted);
                if last_direction != Some(direction) {
                    turns += 1;
                    last_direction = Some(direction);
                }
                j += 1;
            } else {
                if j - i > 2 {
                    let log10 = guesses(j - i, turns, shifted).log10();
                    out.push(Match { i, j: j - 1, log10, pattern: Pattern::Keyboard });
                }
                i = j;
                break;
            }
        }
    }
}

/// The direction from key `from` to a neighbouring key `to`, and whether `to` takes shift.
fn step(from: char, to: char) -> Option<(usize, bool)> {
    let (x, y, _) = position(from)?;
    NEIGHBOURS.iter().enumerate().find_map(|(direction, (dx, dy))| {
        let key = key_at(x + dx, y + dy)?;
        key.iter().position(|&k| k == to).map(|s| (direction, s == 1))
    })
}

/// zxcvbn's count of walks of this length or less with this many turns or
/// less, times the ways to shift some of the keys.
fn guesses(length: usize, turns: usize, shifted: usize) -> f64 {
    let mut guesses = 0.0;
    for i in 2..=length {
        for j in 1..=turns.min(i - 1) {
            guesses += n_choose_k(i - 1, j - 1) * STARTING_POSITIONS * AVERAGE_DEGREE.powi(j as i32);
        }
    }
    if shifted > 0 {
        let unshifted = length - shifted;
        if unshifted == 0 {
            guesses *= 2.0;
        } else {
            guesses *= (1..=shifted.min(unshifted)).map(|k| n_choose_k(length, k)).sum::<f64>();
        }
    }
    guesses
}
