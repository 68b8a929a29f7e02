//! Turns what the admin gave (PEM text with blocks in any order, a DER
//! certificate or key, or a PKCS#12 file) into certificates and keys. A
//! problem that makes the input unreadable is returned as the one finding.

use pkcs8::der::asn1::ObjectIdentifier as Oid;
use pkcs8::der::Decode;

use crate::cert::certificate::Certificate;
use crate::cert::decoded::Decoded;
use crate::cert::der;
use crate::cert::key;
use crate::cert::pem::{self, Damage};
use crate::cert::pkcs12;
use crate::cert::refusal::{too_large, unsupported};
use crate::finding::Finding;
use crate::shared::caps::MAX_INPUT_BYTES;

/// The input of `inspect`.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    /// Pasted or read as text: PEM blocks.
    Text(&'a str),
    /// A file's bytes: PEM, DER or PKCS#12.
    Bytes(&'a [u8]),
}

/// Reads one input of a call that already holds `so_far` (which counts
/// toward the caps): what it held, or why it cannot be read.
#[inline(never)] // two callers (inspect, the fleet's files): one copy in the wasm
pub(crate) fn decode(input: Input<'_>, passphrase: Option<&str>, so_far: &Decoded) -> Result<Decoded, Finding> {
    let bytes = match input {
        Input::Text(text) => text.as_bytes(),
        Input::Bytes(bytes) => bytes,
    };
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len()));
    }
    // DER starts with a SEQUENCE (0x30) and may hold "-----BEGIN " in a name:
    // try it as DER first, and as PEM only if that fails.
    if bytes.first() == Some(&0x30) {
        match from_der(bytes, passphrase, Decoded::after(so_far)) {
            Ok(decoded) => return Ok(decoded),
            Err(finding) if !contains(bytes, b"-----BEGIN ") => return Err(finding),
            Err(_) => {}
        }
    }
    if contains(bytes, b"-----BEGIN ") {
        return from_pem(bytes, passphrase, Decoded::after(so_far));
    }
    match input {
        Input::Text(text) if text.trim().is_empty() => Ok(Decoded::after(so_far)),
        Input::Text(_) => Err(unsupported(
            "The text holds no PEM block (-----BEGIN ...-----). Paste the certificate and key as PEM, \
             or choose the .der, .p12 or .pfx file instead of pasting it.",
        )),
        Input::Bytes([]) => Ok(Decoded::after(so_far)),
        Input::Bytes(bytes) => from_der(bytes, passphrase, Decoded::after(so_far)),
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn from_pem(bytes: &[u8], passphrase: Option<&str>, mut decoded: Decoded) -> Result<Decoded, Finding> {
    let mut curve_hint: Option<Oid> = None;
    // Text between blocks is ignored, as openssl does.
    for block in pem::blocks(bytes) {
        let pem = block.map_err(damaged)?;
        // A second key is refused before it is read: each encrypted key costs
        // a KDF, and a hostile file could hold hundreds.
        if pem.label.contains("PRIVATE KEY") {
            decoded.expect_key()?;
        }
        match pem.label.as_str() {
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => decoded.push_cert(pem.contents)?,
            "PRIVATE KEY" => decoded.push_key(key::from_pkcs8(&pem.contents, "PKCS#8", false)?)?,
            "ENCRYPTED PRIVATE KEY" => encrypted_key(&mut decoded, &pem.contents, passphrase)?,
            "EC PRIVATE KEY" => decoded.push_key(key::from_sec1(&pem.contents, curve_hint)?)?,
            "EC PARAMETERS" => curve_hint = Oid::from_der(&pem.contents).ok(),
            "RSA PRIVATE KEY" => decoded.push_key(key::from_pkcs1(&pem.contents)?)?,
            "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => {
                return Err(unsupported(
                    "This is a certificate signing request (CSR), not a certificate. Send it to your CA \
                     and use the certificate it returns.",
                ))
            }
            "PKCS7" => {
                return Err(unsupported(
                    "This is a PKCS#7 bundle. Extract its certificates and paste those; openssl prints them: \
                     openssl pkcs7 -print_certs -in bundle.p7b",
                ))
            }
            _ => {
                return Err(unsupported(
                    "The input has a PEM block of a kind this tool does not read. Give certificates \
                     (CERTIFICATE) and a private key (PRIVATE KEY, EC PRIVATE KEY or ENCRYPTED PRIVATE KEY).",
                ))
            }
        }
    }
    Ok(decoded)
}

fn damaged(damage: Damage) -> Finding {
    unsupported(match damage {
        Damage::LegacyHeaders => {
            "The key is encrypted in OpenSSL's legacy PEM format (Proc-Type: 4,ENCRYPTED), which this tool \
             does not read. Convert it to PKCS#8 and use key.pem instead: \
             openssl pkcs8 -topk8 -in old.pem -out key.pem"
        }
        Damage::Boundary | Damage::Unterminated | Damage::Base64 => {
            "A PEM block is damaged: its base64 does not decode, or its BEGIN or END line is damaged or missing. \
             Copy it again from the original file."
        }
    })
}

/// An encrypted PKCS#8 key: its derivation charged to a shared budget first.
fn encrypted_key(decoded: &mut Decoded, der: &[u8], passphrase: Option<&str>) -> Result<(), Finding> {
    decoded.expect_key()?;
    let key = key::from_encrypted_pkcs8(der, passphrase, decoded.kdf_share.as_deref())?;
    decoded.push_key(key)
}

/// A certificate, or one but for lengths written longer than DER's (which
/// parsers read): it is taken as one, and refused later for not being DER.
fn is_certificate(bytes: &[u8]) -> bool {
    Certificate::from_der(bytes).is_some()
        || (!der::is_der(bytes)
            && der::with_der_lengths(bytes).is_some_and(|der| Certificate::from_der(&der).is_some()))
}

fn from_der(bytes: &[u8], passphrase: Option<&str>, mut decoded: Decoded) -> Result<Decoded, Finding> {
    if is_certificate(bytes) {
        decoded.push_cert(bytes.to_vec())?;
    } else if let Ok(k) = key::from_pkcs8(bytes, "PKCS#8", false) {
        decoded.push_key(k)?;
    } else if key::is_encrypted_pkcs8(bytes) {
        decoded.expect_key()?;
        encrypted_key(&mut decoded, bytes, passphrase)?;
    } else if let Ok(k) = key::from_sec1(bytes, None) {
        decoded.push_key(k)?;
    } else if let Ok(k) = key::from_pkcs1(bytes) {
        decoded.push_key(k)?;
    } else {
        return pkcs12::read(bytes, passphrase, decoded);
    }
    Ok(decoded)
}
