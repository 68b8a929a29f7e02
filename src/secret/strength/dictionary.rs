//! Common passwords, words and names: as typed, lowercased, reversed, and
//! with l33t substitutions (`P@ssw0rd`), ranked by zxcvbn's frequency lists.

use std::sync::OnceLock;

use super::lists;
use super::matching::{n_choose_k, Match, Pattern};

/// Which frequency list a word came from (it decides the warning).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum List {
    Passwords,
    Words,
    Names,
}

/// zxcvbn's l33t table: a letter and the characters typed for it.
const L33T: &[(char, &str)] = &[
    ('a', "4@"),
    ('b', "8"),
    ('c', "({[<"),
    ('e', "3"),
    ('g', "69"),
    ('i', "1!|"),
    ('l', "1|7"),
    ('o', "0"),
    ('s', "$5"),
    ('t', "+7"),
    ('x', "%"),
    ('z', "2"),
];

/// Each list's words in the generated (sorted) order with their ranks, and
/// the longest word's length, so no longer run is looked up.
struct Index {
    lists: [(List, Vec<(&'static str, u32)>); 3],
    longest: usize,
}

/// Built once, on first use: a split of the generated text, no sorting
/// (a few thousand words: well under a millisecond).
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let parse = |text: &'static str| -> Vec<(&'static str, u32)> {
            let mut words = Vec::new();
            let mut start = 0;
            for (at, band) in text.bytes().enumerate().filter(|(_, b)| b.is_ascii_uppercase()) {
                // Band b holds ranks 2^b to 2^(b+1) - 1: take its geometric middle.
                let band = u32::from(band - b'A');
                let rank =
                    if band == 0 { 1 } else { (f64::from(1u32 << band) * std::f64::consts::SQRT_2).round() as u32 };
                words.push((&text[start..at], rank));
                start = at + 1;
            }
            words
        };
        let lists = [
            (List::Passwords, parse(lists::PASSWORDS)),
            (List::Words, parse(lists::WORDS)),
            (List::Names, parse(lists::NAMES)),
        ];
        let longest = lists.iter().flat_map(|(_, words)| words.iter().map(|w| w.0.len())).max().unwrap_or(0);
        Index { lists, longest }
    })
}

/// Adds the dictionary matches of `chars`: plain, reversed and l33t.
pub(super) fn find(chars: &[char], out: &mut Vec<Match>) {
    let lower: Vec<char> = chars.iter().map(|&c| lowercase(c)).collect();
    for (i, j, rank, list) in lookup(&lower) {
        out.push(dictionary_match(chars, i, j, rank, list, 1.0));
    }
    let reversed: Vec<char> = lower.iter().rev().copied().collect();
    let n = chars.len();
    for (i, j, rank, list) in lookup(&reversed) {
        // An attacker tries each word reversed too: twice the guesses.
        out.push(dictionary_match(chars, n - 1 - j, n - 1 - i, rank, list, 2.0));
    }
    for sub in l33t_subs(chars) {
        let translated: Vec<char> = lower.iter().map(|c| sub.iter().find(|s| s.0 == *c).map_or(*c, |s| s.1)).collect();
        for (i, j, rank, list) in lookup(&translated) {
            let token = &chars[i..=j];
            let used: Vec<(char, char)> =
                sub.iter().copied().filter(|s| token.iter().any(|&c| lowercase(c) == s.0)).collect();
            // Runs with no substitution are plain matches; one character is no word.
            if used.is_empty() || token.len() < 2 {
                continue;
            }
            out.push(dictionary_match(chars, i, j, rank, list, l33t_variations(token, &used)));
        }
    }
}

/// The match for `chars[i..=j]`: rank × capitalisation variants × `extra`.
fn dictionary_match(chars: &[char], i: usize, j: usize, rank: u32, list: List, extra: f64) -> Match {
    let guesses = f64::from(rank) * uppercase_variations(&chars[i..=j]) * extra;
    Match { i, j, log10: guesses.log10(), pattern: Pattern::Dictionary { list } }
}

/// Every run of `lower` that is a listed word, as (i, j, rank, list).
fn lookup(lower: &[char]) -> Vec<(usize, usize, u32, List)> {
    let index = index();
    let mut found = Vec::new();
    let mut run = String::new();
    for i in 0..lower.len() {
        run.clear();
        for (j, &c) in lower.iter().enumerate().skip(i).take(index.longest) {
            run.push(c);
            for (list, words) in &index.lists {
                if let Ok(at) = words.binary_search_by(|w| w.0.cmp(run.as_str())) {
                    found.push((i, j, words[at].1, *list));
                }
            }
        }
    }
    found
}

/// One character in lower case. ASCII only: the lists are ASCII, and
/// Unicode's case tables would cost more wasm than all the word lists.
pub(super) fn lowercase(c: char) -> char {
    c.to_ascii_lowercase()
}

/// Every way to read the l33t characters in `chars` as letters: one reading
/// per choice for the ambiguous ones (`1` as i or l); at most 2^3 readings.
fn l33t_subs(chars: &[char]) -> Vec<Vec<(char, char)>> {
    let mut subs: Vec<Vec<(char, char)>> = vec![Vec::new()];
    let mut present: Vec<char> = Vec::new();
    for c in L33T.iter().flat_map(|(_, s)| s.chars()) {
        if chars.contains(&c) && !present.contains(&c) {
            present.push(c);
        }
    }
    for l33t in present {
        let letters: Vec<char> = L33T.iter().filter(|(_, s)| s.contains(l33t)).map(|(l, _)| *l).collect();
        subs = subs
            .iter()
            .flat_map(|sub| letters.iter().map(move |&l| sub.iter().copied().chain([(l33t, l)]).collect()))
            .collect();
    }
    subs.retain(|s| !s.is_empty());
    subs
}

/// zxcvbn's count of capitalisations an attacker tries for this token.
fn uppercase_variations(token: &[char]) -> f64 {
    let upper = token.iter().filter(|c| c.is_ascii_uppercase()).count();
    let lower = token.iter().filter(|c| c.is_ascii_lowercase()).count();
    if upper == 0 {
        return 1.0;
    }
    let first_only = token[0].is_ascii_uppercase() && upper == 1 && token.len() > 1;
    let last_only = token[token.len() - 1].is_ascii_uppercase() && upper == 1 && token.len() > 1;
    if first_only || last_only || lower == 0 {
        return 2.0;
    }
    (1..=upper.min(lower)).map(|k| n_choose_k(upper + lower, k)).sum()
}

/// zxcvbn's count of substitution variants: for each substitution, every
/// mix of substituted and plain letters (just two when all or none are).
fn l33t_variations(token: &[char], used: &[(char, char)]) -> f64 {
    let lower: Vec<char> = token.iter().map(|&c| lowercase(c)).collect();
    used.iter()
        .map(|&(subbed, plain)| {
            let s = lower.iter().filter(|&&c| c == subbed).count();
            let u = lower.iter().filter(|&&c| c == plain).count();
            if s == 0 || u == 0 {
                2.0
            } else {
                (1..=s.min(u)).map(|k| n_choose_k(s + u, k)).sum()
            }
        })
        .product()
}
