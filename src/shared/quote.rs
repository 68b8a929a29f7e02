//! Quoting text read from input inside a message: bounded, and with control
//! characters made visible, so a message can neither grow with the input nor
//! be rearranged by it.

use crate::shared::caps::MAX_QUOTED_CHARS;

/// `text` as a message may show it: at most [`MAX_QUOTED_CHARS`] characters
/// (then `…`), control characters as `?`.
pub(crate) fn quote(text: &str) -> String {
    let mut quoted: String =
        text.chars().take(MAX_QUOTED_CHARS).map(|c| if c.is_control() { '?' } else { c }).collect();
    if text.chars().nth(MAX_QUOTED_CHARS).is_some() {
        quoted.push('…');
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_and_control_characters_shown() {
        assert_eq!(quote("salt"), "salt");
        assert_eq!(quote("a\nb"), "a?b");
        let long = "x".repeat(1 << 20);
        let quoted = quote(&long);
        assert_eq!(quoted.chars().count(), MAX_QUOTED_CHARS + 1);
        assert!(quoted.ends_with('…'));
        assert_eq!(quote(&"y".repeat(MAX_QUOTED_CHARS)), "y".repeat(MAX_QUOTED_CHARS));
    }
}
