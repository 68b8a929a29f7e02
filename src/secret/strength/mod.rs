//! How long a typed secret would survive offline guessing: a compact
//! zxcvbn-style estimate (common passwords, words and names, l33t, repeats,
//! sequences, keyboard walks, years and dates, then brute force), exact for
//! the two generated formats, and warnings that say what makes it guessable.

mod date;
mod dictionary;
mod feedback;
mod generated;
mod keyboard;
mod lists;
mod matching;
mod phrase;
mod repeat;
mod scoring;
mod sequence;

pub use feedback::Warning;

use crate::shared::caps::MAX_STRENGTH_CHARS;

/// A strength estimate (serialized in camelCase for JavaScript).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Strength {
    /// floor(log2(guesses)): the estimate in bits.
    pub bits: u32,
    /// log10 of the guesses an attacker needs to reach this secret, to one decimal.
    pub guesses_log10: f64,
    /// `empty`, `weak`, `fair`, `good` or `strong` (see [`label`]).
    pub label: &'static str,
    /// What to do, in plain words.
    pub advice: &'static str,
    /// `crack_seconds` in words: "under a second", "about 3 hours", "centuries".
    pub crack_time: String,
    /// guesses / [`GUESSES_PER_SECOND`]: the time to reach this secret in the
    /// attacker's guessing order (zxcvbn's guesses already are its position
    /// there, so this is neither halved as an average over a key space nor a
    /// worst case over every secret of its kind).
    pub crack_seconds: f64,
    /// What makes it guessable, each code once.
    pub warnings: Vec<Warning>,
}

/// Secrets shorter than this get the `short` warning.
pub const MIN_GOOD_LENGTH: usize = 12;

/// The assumed attacker: an offline guesser with 1,000 current GPUs against
/// the device's scrypt N=32768, r=8, p=1 (`device::kdf`). hashcat v6.2.6-851
/// on an RTX 5090 runs mode 8900 (scrypt) at 7,760 H/s with its benchmark
/// parameters N=16384, r=8, p=1 (the published RTX 5090 benchmark,
/// gist.github.com/amutu/8dad53cbb8fa5b710501c9b2280a6d62; the parameters are
/// hashcat's `src/modules/module_08900.c` ST_HASH `SCRYPT:16384:8:1`).
/// scrypt's work and memory grow linearly with N, so N=32768 halves it:
/// 3,880 guesses a second per GPU, 3.88 million for the farm.
pub const GUESSES_PER_SECOND: f64 = 1000.0 * 7760.0 / 2.0;

/// The label for log10 of the guesses, against [`GUESSES_PER_SECOND`]. The
/// secret guards a device's private key against OFFLINE guessing, which no
/// lockout slows, and attackers' hardware keeps getting faster, so the bars
/// are high: under 10^12 guesses falls in about three days (weak); under
/// 10^15, in about eight years (fair); under 10^18, in about 8,000 years
/// (good, with room for a thousandfold faster attacker); beyond is strong.
pub fn label(guesses_log10: f64) -> &'static str {
    match guesses_log10 {
        g if g < 12.0 => "weak",
        g if g < 15.0 => "fair",
        g if g < 18.0 => "good",
        _ => "strong",
    }
}

/// Estimates how many guesses an offline attacker needs for `secret`, in the
/// way of zxcvbn: the cheapest cover of it by known patterns and brute force.
/// Exact for `generate_secret`'s two formats. Only the first
/// [`MAX_STRENGTH_CHARS`] characters are analysed; each one beyond adds
/// brute force's ten guesses, so a long paste answers at once.
pub fn secret_strength(secret: &str) -> Strength {
    if secret.is_empty() {
        let warnings = Vec::new();
        let advice = "Type a secret, or generate one.";
        return Strength {
            bits: 0,
            guesses_log10: 0.0,
            label: "empty",
            advice,
            crack_time: crack_time(0.0),
            crack_seconds: 0.0,
            warnings,
        };
    }
    let head: Vec<char> = secret.chars().take(MAX_STRENGTH_CHARS).collect();
    let total = head.len() + secret.chars().skip(MAX_STRENGTH_CHARS).count();
    let mut warnings = Vec::new();
    let log10 = match generated::generated_bits(secret) {
        Some(bits) => bits * 2f64.log10(),
        None => {
            let analysis = scoring::most_guessable(&head, &matching::omnimatch(&head));
            let log10 = analysis.log10 + (total - head.len()) as f64;
            if log10 < 15.0 {
                // Patterns matter while they make it guessable (zxcvbn, too,
                // gives feedback only below its top scores).
                feedback::pattern_warnings(&head, &analysis.sequence, &mut warnings);
            }
            log10
        }
    };
    feedback::text_warnings(secret, total, MIN_GOOD_LENGTH, &mut warnings);
    let label = label(log10);
    let advice = match label {
        "weak" => "Too easy to guess. Generate a secret, or use a longer phrase of uncommon words.",
        "fair" => "Could be stronger: add another uncommon word or more length, or generate a secret.",
        "good" => "Good. Keep it somewhere safe: a forgotten secret means a factory reset.",
        _ => "Strong. Keep it somewhere safe: a forgotten secret means a factory reset.",
    };
    // Past 10^300 seconds the figure says nothing more (and stays finite for JSON).
    let crack_seconds = 10f64.powf((log10 - GUESSES_PER_SECOND.log10()).min(300.0));
    Strength {
        bits: (log10 * 10f64.log2()).floor() as u32,
        guesses_log10: (log10 * 10.0).round() / 10.0,
        label,
        advice,
        crack_time: crack_time(crack_seconds),
        crack_seconds,
        warnings,
    }
}

/// Seconds in plain words: "under a second", "about 3 hours", "centuries".
fn crack_time(seconds: f64) -> String {
    const UNITS: [(&str, f64); 6] = [
        ("second", 1.0),
        ("minute", 60.0),
        ("hour", 3600.0),
        ("day", 86_400.0),
        ("month", 2_629_746.0),
        ("year", 31_556_952.0),
    ];
    if seconds < 1.0 {
        return "under a second".into();
    }
    if seconds >= 100.0 * 31_556_952.0 {
        return "centuries".into();
    }
    // The largest unit that fits at least once.
    let (unit, size) = UNITS.iter().rev().find(|(_, size)| seconds >= *size).copied().unwrap_or(UNITS[0]);
    match (seconds / size).round() as u64 {
        1 if unit == "hour" => "about an hour".into(),
        1 => format!("about a {unit}"),
        n => format!("about {n} {unit}s"),
    }
}
