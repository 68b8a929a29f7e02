//! Years (1900 to 2050) and dates (`19870312`, `12/03/1987`, `3.12.87`), as
//! zxcvbn's regex and date matchers.

use super::matching::{Match, Pattern};

/// The year the guesses count from: recent years are tried first. (zxcvbn
/// 4.5.0 counts from 2017; a year closer to now fits secrets made now.)
const REFERENCE_YEAR: i64 = 2025;
/// At least this many years are tried, however close to the reference.
const MIN_YEAR_SPACE: i64 = 20;
/// Years in dates: zxcvbn's range.
const DATE_MIN_YEAR: i64 = 1000;
const DATE_MAX_YEAR: i64 = 2050;

/// Adds years, then dates with and without separators.
pub(super) fn find(chars: &[char], out: &mut Vec<Match>) {
    years(chars, out);
    dates(chars, out);
}

/// The guesses for one year: how far it is from the reference year.
fn year_space(year: i64) -> f64 {
    (year - REFERENCE_YEAR).abs().max(MIN_YEAR_SPACE) as f64
}

/// Four-digit years from 1900 to 2050, left to right, not overlapping.
fn years(chars: &[char], out: &mut Vec<Match>) {
    let mut i = 0;
    while i + 4 <= chars.len() {
        match number(&chars[i..i + 4]).filter(|y| (1900..=2050).contains(y)) {
            Some(year) => {
                out.push(Match { i, j: i + 3, log10: year_space(year).log10(), pattern: Pattern::Year });
                i += 4;
            }
            None => i += 1,
        }
    }
}

/// The value of ASCII digits (at most 8 of them here).
fn number(digits: &[char]) -> Option<i64> {
    digits.iter().try_fold(0i64, |n, c| c.to_digit(10).filter(|_| c.is_ascii_digit()).map(|d| n * 10 + i64::from(d)))
}

/// For 4 to 8 digits, where zxcvbn splits them into day, month and year.
fn splits(len: usize) -> &'static [(usize, usize)] {
    match len {
        4 => &[(1, 2), (2, 3)],
        5 => &[(1, 3), (2, 3)],
        6 => &[(1, 2), (2, 4), (4, 5)],
        7 => &[(1, 3), (2, 3), (4, 5), (4, 6)],
        8 => &[(2, 4), (4, 6)],
        _ => &[],
    }
}

fn dates(chars: &[char], out: &mut Vec<Match>) {
    let mut found: Vec<(usize, usize, i64, bool)> = Vec::new();
    let n = chars.len();
    // Without separators: 4 to 8 digits; of the readings, the year nearest the reference.
    for i in 0..n {
        for j in i + 3..(i + 8).min(n) {
            let token = &chars[i..=j];
            if number(token).is_none() {
                continue;
            }
            let best = splits(token.len())
                .iter()
                .filter_map(|&(k, l)| Some([number(&token[..k])?, number(&token[k..l])?, number(&token[l..])?]))
                .filter_map(year_of)
                .min_by_key(|y| (y - REFERENCE_YEAR).abs());
            if let Some(year) = best {
                found.push((i, j, year, false));
            }
        }
    }
    // With separators: 1-4 digits, a separator, 1-2 digits, the same separator, 1-4 digits.
    for i in 0..n {
        for j in i + 5..(i + 10).min(n) {
            if let Some(year) = separated(&chars[i..=j]).and_then(year_of) {
                found.push((i, j, year, true));
            }
        }
    }
    // A date inside a longer date is not counted again.
    for (at, &(i, j, year, separator)) in found.iter().enumerate() {
        let inside = found.iter().enumerate().any(|(other, &(oi, oj, ..))| other != at && oi <= i && oj >= j);
        if !inside {
            let guesses = year_space(year) * 365.0 * if separator { 4.0 } else { 1.0 };
            out.push(Match { i, j, log10: guesses.log10(), pattern: Pattern::Date });
        }
    }
}

/// The three numbers of `d/m/y`-like text with one separator used twice.
fn separated(token: &[char]) -> Option<[i64; 3]> {
    let parts: Vec<&[char]> = token.split(|c| !c.is_ascii_digit()).collect();
    let seps: Vec<char> = token.iter().copied().filter(|c| !c.is_ascii_digit()).collect();
    let sep_ok = seps.len() == 2 && seps[0] == seps[1] && (seps[0].is_whitespace() || "/\\_.-".contains(seps[0]));
    let lens_ok = parts.len() == 3
        && (1..=4).contains(&parts[0].len())
        && (1..=2).contains(&parts[1].len())
        && (1..=4).contains(&parts[2].len());
    (sep_ok && lens_ok).then(|| Some([number(parts[0])?, number(parts[1])?, number(parts[2])?])).flatten()
}

/// zxcvbn's `map_ints_to_dmy`: the year, if the three numbers can be a date.
fn year_of(ints: [i64; 3]) -> Option<i64> {
    if ints[1] > 31 || ints[1] <= 0 {
        return None;
    }
    let (mut over_12, mut over_31, mut under_1) = (0, 0, 0);
    for &int in &ints {
        if (99 < int && int < DATE_MIN_YEAR) || int > DATE_MAX_YEAR {
            return None;
        }
        over_31 += usize::from(int > 31);
        over_12 += usize::from(int > 12);
        under_1 += usize::from(int <= 0);
    }
    if over_31 >= 2 || over_12 == 3 || under_1 >= 2 {
        return None;
    }
    let readings = [(ints[2], [ints[0], ints[1]]), (ints[0], [ints[1], ints[2]])];
    for (year, rest) in readings {
        if (DATE_MIN_YEAR..=DATE_MAX_YEAR).contains(&year) {
            return is_day_month(rest).then_some(year);
        }
    }
    for (year, rest) in readings {
        if is_day_month(rest) {
            return Some(match year {
                y if y > 99 => y,
                y if y > 50 => y + 1900,
                y => y + 2000,
            });
        }
    }
    None
}

fn is_day_month([a, b]: [i64; 2]) -> bool {
    let dm = |d: i64, m: i64| (1..=31).contains(&d) && (1..=12).contains(&m);
    dm(a, b) || dm(b, a)
}
