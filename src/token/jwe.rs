//! Opens a JWE (RFC 7516) with the keys given: `dir`, the content key
//! itself, with AES-GCM or AES-CBC-HMAC (RFC 7518 5). What it cannot open
//! is said. RSA-OAEP is not opened: RSA private-key arithmetic would add
//! about 40 KB of wasm (13 KB of the page, gzipped) for a key wrap that the
//! Webex identity tokens admins debug do not use (CUCM's inner JWE is `dir`).

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes128Gcm, Aes256Gcm, AesGcm, KeyInit};
use zeroize::Zeroizing;

use crate::finding::{Finding, FindingCode};
use crate::token::cbc_hmac;
use crate::token::jws::by_kid;
use crate::token::keys::{Candidate, KeySet, Material};
use crate::token::verification::{Status, UsedKey, Verification};

/// The five parts of a compact JWE, decoded, and what the tag covers.
pub(crate) struct Parts<'a> {
    /// The protected header as written (base64url): the AAD.
    pub aad: &'a [u8],
    pub encrypted_key: Vec<u8>,
    pub iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
    pub tag: Vec<u8>,
}

/// The content key's length for `enc`, and whether it is AES-GCM; `None`
/// for an `enc` this tool does not open.
fn content_key_len(enc: &str) -> Option<(usize, bool)> {
    Some(match enc {
        "A128GCM" => (16, true),
        "A192GCM" => (24, true),
        "A256GCM" => (32, true),
        "A128CBC-HS256" => (32, false),
        "A192CBC-HS384" => (48, false),
        "A256CBC-HS512" => (64, false),
        _ => return None,
    })
}

/// Decrypts the content with the content key `cek`.
fn open_content(cek: &[u8], gcm: bool, parts: &Parts<'_>) -> Option<Zeroizing<Vec<u8>>> {
    if !gcm {
        return cbc_hmac::open(cek, parts.aad, &parts.iv, &parts.ciphertext, &parts.tag);
    }
    if parts.iv.len() != 12 || parts.tag.len() != 16 {
        return None;
    }
    let sealed = [&parts.ciphertext[..], &parts.tag].concat();
    let payload = Payload { msg: &sealed, aad: parts.aad };
    let nonce = parts.iv.as_slice().try_into().ok()?;
    let plain = match cek.len() {
        16 => Aes128Gcm::new_from_slice(cek).ok()?.decrypt(nonce, payload),
        24 => AesGcm::<aes::Aes192, aes_gcm::aead::consts::U12>::new_from_slice(cek).ok()?.decrypt(nonce, payload),
        _ => Aes256Gcm::new_from_slice(cek).ok()?.decrypt(nonce, payload),
    };
    plain.ok().map(Zeroizing::new)
}

/// Opens the JWE with the first key that does; the plaintext, if any.
pub(crate) fn open(
    alg: &str,
    enc: &str,
    kid: Option<&str>,
    parts: &Parts<'_>,
    keys: &KeySet,
    findings: &mut Vec<Finding>,
    verification: &mut Verification,
) -> Option<Zeroizing<Vec<u8>>> {
    let (Some((key_len, gcm)), "dir") = (content_key_len(enc), alg) else {
        findings.push(Finding::new(
            FindingCode::UnsupportedAlgorithm,
            format!(
                "This tool opens alg dir with enc A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384 \
                 or A256CBC-HS512; this JWE is {alg} with {enc}. Its header is shown, its content is not."
            ),
        ));
        verification.status = Status::Unsupported;
        return None;
    };
    if !parts.encrypted_key.is_empty() {
        findings.push(Finding::new(
            FindingCode::MalformedToken,
            "A dir JWE must have an empty encrypted key (RFC 7516 5.1); this one has one.",
        ));
        verification.status = Status::Failed;
        return None;
    }
    let fit = |c: &Candidate| matches!(&c.material, Material::Secret(k) if k.len() == key_len);
    let tried = by_kid(keys, kid, fit, findings);
    for candidate in &tried {
        let Material::Secret(cek) = &candidate.material else { continue };
        if let Some(plain) = open_content(cek, gcm, parts) {
            verification.status = Status::Decrypted;
            verification.key = Some(UsedKey::of(candidate));
            return Some(plain);
        }
    }
    if tried.is_empty() {
        let needed = format!("the {key_len}-byte content key (hex, base64url or an oct JWK)");
        if !keys.candidates.is_empty() {
            findings.push(Finding::new(
                FindingCode::KeyTypeMismatch,
                format!("None of the keys given fits this JWE ({enc}). It needs {needed}."),
            ));
        }
        findings.push(Finding::new(FindingCode::NotDecrypted, format!("The JWE is not opened: give {needed}.")));
    } else {
        findings.push(Finding::new(
            FindingCode::DecryptFailed,
            format!(
                "None of the {} key readings of the right length opens this JWE: it was encrypted with \
                 another key, or altered (its authentication tag does not match).",
                tried.len()
            ),
        ));
        verification.status = Status::Failed;
    }
    None
}
