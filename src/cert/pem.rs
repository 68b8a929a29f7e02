//! PEM blocks as admins paste them: any text around and between blocks, any
//! line width, CRLF or LF, indented or with trailing spaces (RFC 7468's "lax"
//! reading). Only the framing is here; base64 is base64ct's constant-time
//! decoder, so key material is not decoded through table lookups.

use crate::shared::base64::decode_wrapped;

/// One `-----BEGIN label-----` ... `-----END ...-----` block.
pub(crate) struct Block {
    pub label: String,
    pub contents: Vec<u8>,
}

/// Why a block could not be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Damage {
    /// A line starts like a BEGIN line but is not one (`-----BEGIN CERTIFICATE`).
    Boundary,
    /// The input ended before the block's END line.
    Unterminated,
    /// The body holds RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`): OpenSSL's
    /// legacy key encryption, which has no standard key derivation.
    LegacyHeaders,
    /// The body is not base64.
    Base64,
}

/// The blocks of `text`, in order; lines outside blocks are skipped, as openssl does.
pub(crate) fn blocks(text: &[u8]) -> Blocks<'_> {
    Blocks { lines: text.split(is_newline as fn(&u8) -> bool) }
}

fn is_newline(byte: &u8) -> bool {
    *byte == b'\n'
}

pub(crate) struct Blocks<'a> {
    lines: core::slice::Split<'a, u8, fn(&u8) -> bool>,
}

impl Iterator for Blocks<'_> {
    type Item = Result<Block, Damage>;

    fn next(&mut self) -> Option<Self::Item> {
        let begin = self.lines.by_ref().map(<[u8]>::trim_ascii).find(|line| line.starts_with(b"-----BEGIN "))?;
        let Some(label) = begin_label(begin) else { return Some(Err(Damage::Boundary)) };
        let mut body = Vec::new();
        for line in self.lines.by_ref().map(<[u8]>::trim_ascii) {
            if line.starts_with(b"-----END ") {
                return Some(decode(label, &body));
            }
            if line.contains(&b':') {
                return Some(Err(Damage::LegacyHeaders));
            }
            body.extend_from_slice(line);
        }
        Some(Err(Damage::Unterminated))
    }
}

fn begin_label(line: &[u8]) -> Option<String> {
    let label = line.strip_prefix(b"-----BEGIN ")?.strip_suffix(b"-----")?;
    Some(String::from_utf8_lossy(label).into_owned())
}

fn decode(label: String, body: &[u8]) -> Result<Block, Damage> {
    // Whitespace inside a line (a paste that wrapped) is dropped too.
    let contents = decode_wrapped(body).ok_or(Damage::Base64)?;
    Ok(Block { label, contents })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Result<(String, Vec<u8>), Damage>> {
        blocks(text.as_bytes()).map(|b| b.map(|b| (b.label, b.contents))).collect()
    }

    #[test]
    fn reads_blocks_among_other_text_in_any_line_width() {
        let text = "Bag Attributes\r\n-----BEGIN CERTIFICATE-----\r\nAQID\r\nBA==\r\n-----END CERTIFICATE-----\r\n\
                    junk\n  -----BEGIN PRIVATE KEY-----  \n  AQIDBAUG  \n-----END PRIVATE KEY-----";
        assert_eq!(
            read(text),
            [Ok(("CERTIFICATE".into(), vec![1, 2, 3, 4])), Ok(("PRIVATE KEY".into(), vec![1, 2, 3, 4, 5, 6]))]
        );
    }

    #[test]
    fn no_block_is_no_item() {
        assert!(read("just text\n-- BEGIN CERTIFICATE --\n").is_empty());
    }

    #[test]
    fn damaged_blocks_say_why() {
        assert_eq!(read("-----BEGIN CERTIFICATE-----\nAQID\n"), [Err(Damage::Unterminated)]);
        assert_eq!(read("-----BEGIN CERTIFICATE\nAQID\n-----END CERTIFICATE-----"), [Err(Damage::Boundary)]);
        assert_eq!(read("-----BEGIN CERTIFICATE-----\nAQ*D\n-----END CERTIFICATE-----"), [Err(Damage::Base64)]);
        assert_eq!(read("-----BEGIN CERTIFICATE-----\nAQI\n-----END CERTIFICATE-----"), [Err(Damage::Base64)]);
        let legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\nAQID\n\
                      -----END RSA PRIVATE KEY-----";
        assert_eq!(read(legacy), [Err(Damage::LegacyHeaders)]);
    }
}
