//! Finds the compact tokens in whatever an admin pasted: a bare token, an
//! `Authorization: Bearer` line, a URL or form body (`access_token=`,
//! `SPAppToken=`), a JSON response holding several. A token is a run of
//! base64url characters and dots, with two dots (JWS) or four (JWE), whose
//! first part decodes to a JSON object: its header always starts `{`, which
//! base64url spells `ey` or `ew`. One pass over the text, so 1 MiB of dots
//! costs one scan.

use crate::error::{Error, ErrorKind};
use crate::shared::base64url;
use crate::shared::caps::MAX_TOKENS;

fn is_token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'
}

/// Every token in `text`, in order. More than [`MAX_TOKENS`] is refused.
pub(crate) fn tokens(text: &str) -> Result<Vec<&str>, Error> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        if !is_token_char(bytes[start]) {
            start += 1;
            continue;
        }
        let end = start + bytes[start..].iter().position(|b| !is_token_char(*b)).unwrap_or(bytes.len() - start);
        if let Some(token) = token_in(&text[start..end]) {
            if found.len() == MAX_TOKENS {
                return Err(Error::new(
                    ErrorKind::TooManyTokens,
                    format!("The text holds more than {MAX_TOKENS} tokens. Paste fewer at a time."),
                ));
            }
            found.push(token);
        }
        start = end;
    }
    Ok(found)
}

/// The token a run of token characters holds, if any: the run may begin
/// with other text glued to it (`%22eyJ...` in a URL-encoded body).
fn token_in(run: &str) -> Option<&str> {
    let dots = run.bytes().filter(|b| *b == b'.').count();
    if dots != 2 && dots != 4 {
        return None;
    }
    let first = &run[..run.find('.')?];
    // Where the header could start: the run's start, then each `ey`/`ew` in its first part
    // (token characters are ASCII, so every byte index is a character boundary).
    let starts = (0..first.len()).filter(|&i| i == 0 || first[i..].starts_with("ey") || first[i..].starts_with("ew"));
    starts.map(|i| &run[i..]).find(|candidate| is_header(&candidate[..candidate.find('.').unwrap_or(0)]))
}

/// The whole of `text` is one compact token (a claim or payload that holds one).
pub(crate) fn is_whole_token(text: &str) -> bool {
    text.bytes().all(is_token_char) && token_in(text).is_some_and(|token| token.len() == text.len())
}

/// Does this base64url decode to something that starts as a JSON object?
pub(crate) fn is_header(segment: &str) -> bool {
    base64url::decode(segment).is_some_and(|bytes| bytes.trim_ascii_start().first() == Some(&b'{'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const JWS: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";

    #[test]
    fn finds_tokens_wherever_they_are_pasted() {
        let pasted = [
            JWS.to_string(),
            format!("Authorization: Bearer {JWS}\r\n"),
            format!("https://x.example/cb?access_token={JWS}&state=1"),
            format!("SPAppToken={JWS}&SPSiteUrl=https%3A%2F%2Fx"),
            format!("{{\"access_token\":\"{JWS}\",\"id_token\":\"{JWS}\"}}"),
            format!("q=%22{JWS}%22"),
        ];
        for text in &pasted {
            let found = tokens(text).unwrap();
            assert!(!found.is_empty() && found.iter().all(|t| *t == JWS), "{text}: {found:?}");
        }
        assert_eq!(tokens(&pasted[4]).unwrap().len(), 2);
        assert!(is_whole_token(JWS) && !is_whole_token(&pasted[1]) && !is_whole_token(&format!("x{JWS}")));
    }

    #[test]
    fn ignores_what_is_not_a_token_and_caps_the_count() {
        for text in ["a.b.c", "1.2.3", "www.example.com", &".".repeat(1 << 20), "eyJ.eyJ.eyJ.eyJ", "WyJhIl0.e30."] {
            assert_eq!(tokens(text).unwrap(), Vec::<&str>::new(), "{}", &text[..text.len().min(20)]);
        }
        let many = vec![JWS; MAX_TOKENS].join(" ");
        assert_eq!(tokens(&many).unwrap().len(), MAX_TOKENS);
        let over = format!("{many} {JWS}");
        assert_eq!(tokens(&over).unwrap_err().kind(), ErrorKind::TooManyTokens);
    }
}
