//! Compact serialization (RFC 7516 section 7.1) as a device takes it:
//! `HEADER..IV.CIPHERTEXT.TAG`, five base64url parts, the encrypted key empty
//! because `alg` is `dir`.

use crate::device::blob::header::{malformed, Header};
use crate::device::enc::{IV_BYTES, TAG_BYTES};
use crate::error::{Error, ErrorKind};
use crate::shared::base64url;
use crate::shared::caps::check_size;

/// A blob split into its parts, header validated, nothing decrypted.
pub(crate) struct Compact<'a> {
    /// The header part exactly as in the blob: it is the AES-GCM AAD.
    pub header_b64: &'a str,
    pub header: Header,
    pub header_json: String,
    pub iv: [u8; IV_BYTES],
    pub ciphertext: Vec<u8>,
    pub tag: [u8; TAG_BYTES],
}

/// Joins the parts of a blob.
pub(crate) fn join(header_b64: &str, iv: &[u8], ciphertext: &[u8], tag: &[u8]) -> String {
    format!("{header_b64}..{}.{}.{}", base64url::encode(iv), base64url::encode(ciphertext), base64url::encode(tag))
}

/// Splits a blob and checks everything that needs no secret.
pub(crate) fn split(jwe: &str) -> Result<Compact<'_>, Error> {
    check_size("blob", jwe.len())?;
    // Surrounding white space comes with copy and paste; inside, nothing is allowed.
    let jwe = jwe.trim();
    let parts: Vec<&str> = jwe.split('.').collect();
    let [header_b64, encrypted_key, iv_b64, ciphertext_b64, tag_b64] = parts[..] else {
        let parts = match parts.len() {
            1 => "1 dot-separated part".to_owned(),
            n => format!("{n} dot-separated parts"),
        };
        return Err(malformed(&format!("It has {parts}; a device blob has 5.")));
    };
    if !encrypted_key.is_empty() {
        return Err(malformed("Its second part (the encrypted key) must be empty, as alg is dir."));
    }
    let header_bytes = decode_part(header_b64, "header")?;
    let header_json = String::from_utf8(header_bytes).map_err(|_| malformed("Its header is not valid JSON."))?;
    let header = Header::from_json(header_json.as_bytes())?;
    let iv = decode_part(iv_b64, "IV")?;
    let iv: [u8; IV_BYTES] = iv.as_slice().try_into().map_err(|_| {
        Error::new(
            ErrorKind::BadIvLength,
            format!(
                "The blob's IV is {} bytes; AES-GCM here takes exactly 12. The blob is damaged: build it again.",
                iv.len()
            ),
        )
    })?;
    let ciphertext = decode_part(ciphertext_b64, "ciphertext")?;
    let tag = decode_part(tag_b64, "tag")?;
    let tag: [u8; TAG_BYTES] =
        tag.as_slice().try_into().map_err(|_| malformed("Its last part (the tag) is not 16 bytes."))?;
    Ok(Compact { header_b64, header, header_json, iv, ciphertext, tag })
}

fn decode_part(part: &str, name: &str) -> Result<Vec<u8>, Error> {
    base64url::decode(part).ok_or_else(|| malformed(&format!("Its {name} part is not base64url without padding.")))
}
