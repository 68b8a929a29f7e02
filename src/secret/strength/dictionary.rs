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
    /// None of ours: a word-shaped run charged at the size of zxcvbn's full
    /// lists ([`unlisted_word_rank`]).
    Unlisted,
}

/// The size of zxcvbn 4.5.0's biggest English list (english_wikipedia:
/// 30,000 words; its passwords list is as long): the deepest rank a word it
/// lists can have.
const FULL_LIST_DEPTH: f64 = 30_000.0;

/// How deep our compact words list goes into english_wikipedia (`KEEP` in
/// scripts/strength-lists.py): a word we do not list ranks below this there.
const COMPACT_LIST_DEPTH: f64 = 220.0;

/// The rank charged for a word our compact lists lack: the geometric middle
/// of the ranks it can have in zxcvbn's full list, between
/// [`COMPACT_LIST_DEPTH`] and [`FULL_LIST_DEPTH`] (about 2,570), the rule the
/// lists' own rank bands follow. Off by at most 1.07 orders for any word the
/// full list has (correct 1,140, horse 701, battery 2,197, staple 6,467: off
/// by 0.35, 0.56, 0.07 and -0.40). Charging the worst case, 30,000, would
/// rate `correct horse battery staple` 10^18.9 and `CorrectHorseBatteryStaple`
/// 10^20.5, both strong. A run the full list lacks (a brand, a made-up word)
/// zxcvbn brute-forces: there we are lower, on the safe side, but never above
/// brute force of the letters.
fn unlisted_word_rank() -> f64 {
    (COMPACT_LIST_DEPTH * FULL_LIST_DEPTH).sqrt()
}

/// The longest run charged as one unlisted word. A run of letters alone that
/// is at most 11 long is under 10^12 guesses by brute force, weak already, so
/// reading a random one as a word never lowers its label by itself; longer
/// runs are rarer as words than as several words or random letters (and
/// those we do not split: see [`find_unlisted`]).
const MAX_UNLISTED_WORD_LEN: usize = 11;

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

/// Adds each run of ASCII letters that stands as a word of its own: delimited
/// on both sides by the ends of the secret, an ASCII non-letter (separator,
/// digit, symbol) or a camelCase boundary (lower then upper case, as in
/// `CorrectHorseBatteryStaple`), 3 to [`MAX_UNLISTED_WORD_LEN`] letters, and
/// shaped like a word (see [`word_shaped`]). Each costs [`unlisted_word_rank`]
/// times its capitalisations, and is added only where that beats brute force
/// of its letters (so in effect from 4 letters on); the search takes it only
/// where it makes the cover cheaper. A run of lower case letters is not split
/// into words: every split point would invent words in random letters.
pub(super) fn find_unlisted(chars: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    let mut i = 0;
    while i < n {
        if !chars[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < n
            && chars[j + 1].is_ascii_alphabetic()
            && !(chars[j].is_ascii_lowercase() && chars[j + 1].is_ascii_uppercase())
        {
            j += 1;
        }
        // A non-ASCII neighbour (é, ß) may be part of the word: not a delimiter.
        let delimited = (i == 0 || chars[i - 1].is_ascii()) && (j + 1 == n || chars[j + 1].is_ascii());
        let token = &chars[i..=j];
        if delimited && (3..=MAX_UNLISTED_WORD_LEN).contains(&token.len()) && word_shaped(token) {
            let log10 = (unlisted_word_rank() * uppercase_variations(token)).log10();
            if log10 < token.len() as f64 {
                out.push(Match { i, j, log10, pattern: Pattern::Dictionary { list: List::Unlisted } });
            }
        }
        i = j + 1;
    }
}

/// Whether ASCII letters look like a word rather than random letters: a
/// vowel (a, e, i, o, u or y), at most 4 consonants and 3 vowels in a row.
/// Measured on zxcvbn 4.5.0's lists, words of 5 to 11 letters pass 99.6%
/// (english_wikipedia), 99.3% (us_tv_and_film) and 99.8% (surnames); random
/// lower case letters pass 73% at 5 letters, 53% at 8 and 37% at 11.
fn word_shaped(token: &[char]) -> bool {
    let (mut vowels, mut consonants, mut any) = (0, 0, false);
    for c in token {
        if "aeiouy".contains(lowercase(*c)) {
            (vowels, consonants, any) = (vowels + 1, 0, true);
        } else {
            (vowels, consonants) = (0, consonants + 1);
        }
        if vowels > 3 || consonants > 4 {
            return false;
        }
    }
    any
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
