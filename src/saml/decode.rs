//! Turns what an admin pastes into XML text: the XML itself, a base64
//! `SAMLResponse` (the POST binding, as SAML-tracer shows it), raw DEFLATE
//! under the base64 (the Redirect binding), or the URL or form body that
//! carries either. Inflating is capped at [`MAX_INFLATED_BYTES`] of output,
//! so a small bomb is refused after 1 MiB of work, never expanded.

use std::borrow::Cow;

use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::shared::base64::decode_wrapped;
use crate::shared::caps::MAX_INFLATED_BYTES;

/// How the text was read, for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// XML as pasted.
    Xml,
    /// base64 of the XML (the POST binding).
    Base64,
    /// base64 of raw DEFLATE of the XML (the Redirect binding).
    Deflate,
    /// A URL or form body with `SAMLRequest=` or `SAMLResponse=`.
    Url,
}

/// The parameters that carry a SAML message in a URL or form body.
const PARAMETERS: [&str; 2] = ["SAMLResponse=", "SAMLRequest="];

/// The XML text in `text`, and how it was found.
pub(crate) fn decode(text: &str) -> Result<(Cow<'_, str>, Encoding), Error> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.starts_with('<') {
        return Ok((Cow::Borrowed(trimmed), Encoding::Xml));
    }
    if let Some(value) = parameter(trimmed) {
        let (xml, _) = from_base64(&percent_decoded(value))?;
        return Ok((Cow::Owned(xml), Encoding::Url));
    }
    let (xml, encoding) = from_base64(trimmed)?;
    Ok((Cow::Owned(xml), encoding))
}

/// The value of the first SAML parameter in a URL or form body.
fn parameter(text: &str) -> Option<&str> {
    let (at, name) = PARAMETERS.iter().filter_map(|p| text.find(p).map(|at| (at, p))).min()?;
    let value = &text[at + name.len()..];
    Some(value.split(['&', '#', ' ', '\n', '\r', '"']).next().unwrap_or(value))
}

/// `%XX` escapes decoded. `+` is kept: base64 has no spaces, so a `+` in the
/// value is base64's own, left unescaped by whoever built the URL.
fn percent_decoded(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// base64 (whitespace ignored) of XML, or of raw DEFLATE of XML.
fn from_base64(text: &str) -> Result<(String, Encoding), Error> {
    let bytes = decode_wrapped(text.as_bytes()).ok_or_else(not_saml)?;
    if bytes.trim_ascii_start().starts_with(b"<") {
        return Ok((utf8(bytes)?, Encoding::Base64));
    }
    let inflated = decompress_to_vec_with_limit(&bytes, MAX_INFLATED_BYTES).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => Error::new(
            ErrorKind::InflatedTooLarge,
            format!(
                "The message inflates to more than {} MiB; a SAML message is a few kilobytes. It is refused, not cut short. Check the text is the one meant.",
                MAX_INFLATED_BYTES >> 20
            ),
        ),
        _ => not_saml(),
    })?;
    if !inflated.trim_ascii_start().starts_with(b"<") {
        return Err(not_saml());
    }
    Ok((utf8(inflated)?, Encoding::Deflate))
}

fn utf8(bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorKind::XmlMalformed,
            format!(
                "The XML is not UTF-8 (at byte {}). SAML is sent as UTF-8; check the whole message was copied.",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

pub(crate) fn not_saml() -> Error {
    Error::new(
        ErrorKind::NotSaml,
        "This is no SAML metadata or message: paste a metadata file's XML, a SAMLResponse or SAMLRequest (base64, as SAML-tracer or the browser's developer tools show it), or the URL that carries one.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_escapes_are_decoded_and_plus_is_kept() {
        assert_eq!(percent_decoded("a%2Bb+c%3d%3D%zz%4"), "a+b+c==%zz%4");
    }

    #[test]
    fn the_first_parameter_is_read_up_to_its_end() {
        assert_eq!(parameter("https://x/sso?SAMLRequest=abc%3D&RelayState=r"), Some("abc%3D"));
        assert_eq!(parameter("RelayState=x&SAMLResponse=q#frag"), Some("q"));
        assert_eq!(parameter("nothing here"), None);
    }
}
