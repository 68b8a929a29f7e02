//! The keys an admin gives to check tokens with, each read in every form it
//! could be: a secret as its text and (when it is valid base64 or hex) as the
//! bytes it spells, since SharePoint signs with a client secret's decoded
//! bytes; PEM and DER certificates, public and private keys (encrypted ones
//! through the certificate code; a private key gives its public half); a
//! JWK or a JWKS. Each reading is one
//! [`Candidate`]; the report says which one verified.

use serde::Serialize;
use zeroize::Zeroizing;

use crate::cert::{self, Input, EC_PUBLIC_KEY, P256, P384, RSA_ENCRYPTION};
use crate::error::{Error, ErrorKind};
use crate::finding::{Finding, FindingCode};
use crate::shared::caps::{check_size, MAX_TOKEN_KEYS};
use crate::shared::der_write::{big_uint, bits, oid, sequence};
use crate::token::json::Json;

/// A key as the admin gave it.
#[derive(Clone, Copy, Debug)]
pub enum KeyInput<'a> {
    /// Pasted text: a secret, PEM, a JWK or JWKS, hex or base64.
    Text(&'a str),
    /// A file's bytes: DER, PKCS#12, or PEM/JSON text; else a raw secret.
    Bytes(&'a [u8]),
}

/// How a candidate was read from what the admin gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reading {
    /// The text's UTF-8 bytes, surrounding whitespace removed.
    Text,
    /// The bytes the text spells in base64 (or base64url).
    Base64,
    /// The bytes the text spells in hex.
    Hex,
    /// A file's bytes as they are.
    Bytes,
    /// A JWK (alone or in a JWKS).
    Jwk,
    /// A PEM block.
    Pem,
    /// A DER or PKCS#12 file.
    Der,
    /// The certificate in the token's own `x5c` header.
    X5c,
}

/// The key material of one candidate.
pub(crate) enum Material {
    /// Bytes for HMAC or a `dir` JWE.
    Secret(Zeroizing<Vec<u8>>),
    /// A SubjectPublicKeyInfo, DER.
    Spki(Vec<u8>),
    /// A certificate, DER (its public key is used).
    Certificate(Vec<u8>),
}

/// One way to read one given key.
pub(crate) struct Candidate {
    /// Which given key (0 for the first).
    pub index: usize,
    pub reading: Reading,
    pub kid: Option<String>,
    pub material: Material,
}

impl Candidate {
    /// The public key, for verifying; `None` for a secret.
    pub fn public_key(&self) -> Option<x509_cert::spki::SubjectPublicKeyInfoRef<'_>> {
        use pkcs8::der::Decode;
        match &self.material {
            Material::Secret(_) => None,
            Material::Spki(spki) => x509_cert::spki::SubjectPublicKeyInfoRef::from_der(spki).ok(),
            Material::Certificate(der) => cert::certificate_key(der),
        }
    }
}

/// What the report says about one given key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyInfo {
    /// Which given key (0 for the first).
    pub index: usize,
    /// `text`, `hex`, `base64`, `bytes`, `jwk`, `jwks`, `pem` or `der`.
    pub form: &'static str,
    /// What it holds, for people: never any of the key itself.
    pub description: String,
    /// The key IDs it carries (a JWK's `kid`).
    pub kids: Vec<String>,
}

/// Every given key, read.
#[derive(Default)]
pub(crate) struct KeySet {
    pub candidates: Vec<Candidate>,
    pub infos: Vec<KeyInfo>,
    /// `key_unreadable`, one per key that has no usable form.
    pub findings: Vec<Finding>,
    /// The exact texts of given public keys: an HMAC token that verifies
    /// with one as its secret is an algorithm-confusion forgery.
    pub public_texts: Vec<(usize, Vec<u8>)>,
}

/// Reads every given key. Too many keys (given, or in JWKS) are refused.
pub(crate) fn read(keys: &[KeyInput<'_>], passphrase: Option<&str>) -> Result<KeySet, Error> {
    if keys.len() > MAX_TOKEN_KEYS {
        return Err(too_many_keys(keys.len()));
    }
    let mut set = KeySet::default();
    for (index, key) in keys.iter().enumerate() {
        let bytes = match key {
            KeyInput::Text(text) => text.as_bytes(),
            KeyInput::Bytes(bytes) => bytes,
        };
        check_size("key", bytes.len())?;
        let before = set.candidates.len();
        let form = read_one(&mut set, index, *key, passphrase)?;
        let kids: Vec<String> = set.candidates[before..].iter().filter_map(|c| c.kid.clone()).collect();
        let (form, description) = match form {
            Ok(read) => read,
            Err(why) => {
                let mut finding = Finding::new(FindingCode::KeyUnreadable, format!("Key {}: {why}", index + 1));
                finding.input_index = Some(index);
                set.findings.push(finding);
                ("text", "unreadable".into())
            }
        };
        set.infos.push(KeyInfo { index, form, description, kids });
    }
    let total = set.candidates.iter().filter(|c| c.reading == Reading::Jwk).count();
    if total > MAX_TOKEN_KEYS {
        return Err(too_many_keys(total));
    }
    Ok(set)
}

fn too_many_keys(count: usize) -> Error {
    Error::new(
        ErrorKind::TooManyKeys,
        format!(
            "{count} keys were given; at most {MAX_TOKEN_KEYS} can be tried. Give only the keys \
             that could have signed these tokens (pick the JWKS entries by kid)."
        ),
    )
}

/// The form and description of one key, or why it has no usable form.
type Read = Result<(&'static str, String), String>;

fn read_one(set: &mut KeySet, index: usize, key: KeyInput<'_>, passphrase: Option<&str>) -> Result<Read, Error> {
    let (text, bytes) = match key {
        KeyInput::Text(text) => (Some(text), text.as_bytes()),
        KeyInput::Bytes(bytes) => (std::str::from_utf8(bytes).ok(), bytes),
    };
    let trimmed = text.map(str::trim);
    let mut push = |reading, kid, material| set.candidates.push(Candidate { index, reading, kid, material });
    if let Some(text) = trimmed.filter(|t| t.starts_with('{')) {
        return read_json(text, &mut push);
    }
    if let Some(text) = trimmed.filter(|t| t.contains("-----BEGIN ")) {
        set.public_texts.push((index, bytes.to_vec()));
        return Ok(read_pem(text, passphrase, &mut push));
    }
    if let (KeyInput::Bytes(bytes), None) = (key, text) {
        // Binary: a DER key or certificate, a PKCS#12 file, or raw secret bytes.
        if let Some(read) = read_der(bytes, passphrase, Reading::Der, &mut push) {
            if read.is_ok() {
                set.public_texts.push((index, bytes.to_vec()));
            }
            return Ok(read);
        }
        push(Reading::Bytes, None, Material::Secret(Zeroizing::new(bytes.to_vec())));
        return Ok(Ok(("bytes", format!("a secret of {} bytes", bytes.len()))));
    }
    let text = trimmed.unwrap_or_default();
    if text.is_empty() {
        return Ok(Err("it is empty. Paste a secret, a PEM key or certificate, or a JWK.".into()));
    }
    let mut description = format!("a secret: {} bytes as text", text.len());
    push(Reading::Text, None, Material::Secret(Zeroizing::new(text.as_bytes().to_vec())));
    let mut form = "text";
    if let Some(decoded) = hex(text) {
        description += &format!(", {} as hex", decoded.len());
        push(Reading::Hex, None, Material::Secret(decoded));
        form = "hex";
    }
    if let Some(decoded) = base64(text) {
        description += &format!(", {} as base64", decoded.len());
        push(Reading::Base64, None, Material::Secret(decoded));
        if form == "text" {
            form = "base64";
        }
    }
    Ok(Ok((form, description)))
}

/// A JWK (`kty` oct, RSA or EC) or a JWKS (`keys`).
fn read_json(text: &str, push: &mut impl FnMut(Reading, Option<String>, Material)) -> Result<Read, Error> {
    let Ok(json) = Json::parse(text.as_bytes()) else {
        return Ok(Err("it starts with { but is not valid JSON.".into()));
    };
    if let Some(keys) = json.get("keys") {
        let Json::Array(keys) = keys else { return Ok(Err("its \"keys\" is not an array of JWKs.".into())) };
        if keys.len() > MAX_TOKEN_KEYS {
            return Err(too_many_keys(keys.len()));
        }
        let mut read = 0;
        for key in keys {
            // A JWKS often holds keys of kinds this tool does not use (OKP): skip those.
            if let Ok(material) = jwk(key) {
                push(Reading::Jwk, key.str("kid").map(str::to_owned), material);
                read += 1;
            }
        }
        return Ok(if read == 0 {
            Err("its JWKS holds no RSA, EC (P-256, P-384) or oct key.".into())
        } else {
            Ok(("jwks", format!("a JWKS of {} keys, {read} usable", keys.len())))
        });
    }
    let material = match jwk(&json) {
        Ok(material) => material,
        Err(why) => return Ok(Err(why)),
    };
    let description = match &material {
        Material::Secret(k) => format!("a JWK: secret of {} bytes", k.len()),
        _ => format!("a JWK: {} public key", json.str("kty").unwrap_or_default()),
    };
    push(Reading::Jwk, json.str("kid").map(str::to_owned), material);
    Ok(Ok(("jwk", description)))
}

/// One JWK as key material (RFC 7518 section 6).
fn jwk(key: &Json) -> Result<Material, String> {
    let part = |name: &str| -> Result<Vec<u8>, String> {
        let text = key.str(name).ok_or_else(|| format!("the JWK has no \"{name}\"."))?;
        crate::shared::base64url::decode(text).ok_or_else(|| format!("the JWK's \"{name}\" is not base64url."))
    };
    let encode = |e: Error| e.message().to_owned();
    match key.str("kty") {
        Some("oct") => Ok(Material::Secret(Zeroizing::new(part("k")?))),
        // A private JWK's public members verify; its private ones are not read.
        Some("RSA") => Ok(Material::Spki(rsa_spki(&part("n")?, &part("e")?).map_err(encode)?)),
        Some("EC") => {
            let (curve, size) = match key.str("crv") {
                Some("P-256") => (P256, 32),
                Some("P-384") => (P384, 48),
                _ => return Err("the JWK's curve is not P-256 or P-384.".into()),
            };
            let (x, y) = (part("x")?, part("y")?);
            if x.len() != size || y.len() != size {
                return Err("the JWK's x or y is not as long as its curve needs.".into());
            }
            let point = [&[4u8][..], &x, &y].concat();
            Ok(Material::Spki(ec_spki(curve, &point).map_err(encode)?))
        }
        _ => Err("it is not a JWK of kty oct, RSA or EC.".into()),
    }
}

/// PEM blocks: public keys here, certificates and private keys through the
/// certificate code (which opens encrypted PKCS#8 with the passphrase).
fn read_pem(text: &str, passphrase: Option<&str>, push: &mut impl FnMut(Reading, Option<String>, Material)) -> Read {
    let mut described = Vec::new();
    for block in cert::pem_blocks(text.as_bytes()) {
        let block = block.map_err(|_| "a PEM block is damaged. Copy it again.".to_owned())?;
        let read = match block.label.as_str() {
            "PUBLIC KEY" => {
                push(Reading::Pem, None, Material::Spki(block.contents));
                Ok(("pem", "public key".into()))
            }
            "RSA PUBLIC KEY" => {
                let spki = rsa_spki_from_pkcs1(&block.contents).ok_or("an RSA PUBLIC KEY block cannot be read.")?;
                push(Reading::Pem, None, Material::Spki(spki));
                Ok(("pem", "RSA public key".into()))
            }
            _ => read_der(&block.contents, passphrase, Reading::Pem, push)
                .unwrap_or_else(|| Err(format!("its {} block is not a key this tool reads.", block.label))),
        };
        described.push(read?.1);
    }
    if described.is_empty() {
        return Err("it holds no complete PEM block.".into());
    }
    Ok(("pem", described.join(", ")))
}

/// A DER public key, certificate, private key or PKCS#12 file; `None` when
/// it is none of these.
fn read_der(
    bytes: &[u8],
    passphrase: Option<&str>,
    reading: Reading,
    push: &mut impl FnMut(Reading, Option<String>, Material),
) -> Option<Read> {
    use pkcs8::der::Decode;
    if x509_cert::spki::SubjectPublicKeyInfoRef::from_der(bytes).is_ok() {
        push(reading, None, Material::Spki(bytes.to_vec()));
        return Some(Ok(("der", "public key".into())));
    }
    let decoded = match cert::read(Input::Bytes(bytes), passphrase) {
        Ok(decoded) => decoded,
        // The certificate code says why (a wrong passphrase, a damaged file).
        Err(finding) if finding.code != FindingCode::UnsupportedFormat => return Some(Err(finding.message)),
        Err(_) => return None,
    };
    let mut what = Vec::new();
    for der in decoded.certs {
        push(reading, None, Material::Certificate(der));
        what.push("certificate");
    }
    for key in decoded.keys {
        if let Some((n, e)) = key.rsa_public() {
            push(reading, None, Material::Spki(rsa_spki(n, e).ok()?));
            what.push("RSA private key (its public key is used)");
        } else if let Some((curve, point)) = key.ec_public() {
            push(reading, None, Material::Spki(ec_spki(curve, point).ok()?));
            what.push("EC private key (its public key is used)");
        } else {
            what.push("a private key of a kind tokens here do not use");
        }
    }
    Some(Ok(("der", what.join(", "))))
}

/// SubjectPublicKeyInfo of an RSA key: rsaEncryption, NULL, RSAPublicKey.
fn rsa_spki(n: &[u8], e: &[u8]) -> Result<Vec<u8>, Error> {
    let public = sequence(&[&big_uint(n)?, &big_uint(e)?])?;
    rsa_spki_wrap(&public)
}

fn rsa_spki_wrap(rsa_public_key: &[u8]) -> Result<Vec<u8>, Error> {
    let algorithm = sequence(&[&oid(RSA_ENCRYPTION)?, &[5, 0]])?;
    sequence(&[&algorithm, &bits(rsa_public_key)?])
}

/// `RSA PUBLIC KEY` (PKCS#1) in an SPKI, after checking it reads as one.
fn rsa_spki_from_pkcs1(der: &[u8]) -> Option<Vec<u8>> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    rsa::PublicKey::from_pkcs1_der(der).ok()?;
    rsa_spki_wrap(der).ok()
}

/// SubjectPublicKeyInfo of an EC key: ecPublicKey, the curve, the point.
fn ec_spki(curve: pkcs8::der::asn1::ObjectIdentifier, point: &[u8]) -> Result<Vec<u8>, Error> {
    let algorithm = sequence(&[&oid(EC_PUBLIC_KEY)?, &oid(curve)?])?;
    sequence(&[&algorithm, &bits(point)?])
}

/// Hex digits, an even number of them, nothing else.
fn hex(text: &str) -> Option<Zeroizing<Vec<u8>>> {
    if text.len() % 2 != 0 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let pairs = text.as_bytes().chunks(2).map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?));
    pairs.collect::<Option<Vec<u8>>>().map(Zeroizing::new)
}

/// Base64 in either alphabet, padded or not (one spelling per byte string:
/// trailing bits must be zero); `None` when the text is no base64. Read as
/// base64url, the one decoder the page already carries.
fn base64(text: &str) -> Option<Zeroizing<Vec<u8>>> {
    let body = text.trim_end_matches('=');
    if text.len() - body.len() > 2 || (text.len() != body.len() && text.len() % 4 != 0) {
        return None;
    }
    let url: String = body
        .chars()
        .map(|c| {
            if c == '+' {
                '-'
            } else if c == '/' {
                '_'
            } else {
                c
            }
        })
        .collect();
    crate::shared::base64url::decode(&url).filter(|bytes| !bytes.is_empty()).map(Zeroizing::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_read_every_way_they_spell() {
        let set = read(&[KeyInput::Text(" c2VjcmV0\n")], None).unwrap();
        let readings: Vec<Reading> = set.candidates.iter().map(|c| c.reading).collect();
        assert_eq!(readings, [Reading::Text, Reading::Base64]);
        let set = read(&[KeyInput::Text("00ff")], None).unwrap();
        let readings: Vec<Reading> = set.candidates.iter().map(|c| c.reading).collect();
        assert_eq!(readings, [Reading::Text, Reading::Hex, Reading::Base64]);
        assert_eq!(set.infos[0].form, "hex");
        assert!(base64("abc=").is_some() && base64("YQ").is_some());
        // Non-zero trailing bits, too much padding, padding on a length not a multiple of 4.
        for bad in ["abd=", "YR", "YQ===", "YQ=", "a", "no spaces"] {
            assert!(base64(bad).is_none(), "{bad}");
        }
        assert_eq!(&**base64("-_8").unwrap(), &[0xfb, 0xff]);
    }

    #[test]
    fn too_many_keys_are_refused() {
        let key = KeyInput::Text("k");
        assert!(read(&[key; MAX_TOKEN_KEYS], None).is_ok());
        assert_eq!(read(&[key; MAX_TOKEN_KEYS + 1], None).err().map(|e| e.kind()), Some(ErrorKind::TooManyKeys));
    }
}
