//! The certificate request (PKCS#10, RFC 2986): the subject, the P-256
//! public key, the alternative names and key usage in an extensionRequest
//! (RFC 2985 5.4.2), signed with ECDSA over SHA-256 (RFC 5758 3.2).

use p256::ecdsa::signature::Signer;
use pkcs8::der::asn1::ObjectIdentifier as Oid;
use pkcs8::der::Tag;

use crate::cert::{EC_PUBLIC_KEY, KEY_USAGE, P256, SUBJECT_ALT_NAME};
use crate::error::{Error, ErrorKind};
use crate::keys::request::{AltName, Attribute, Checked};
use crate::shared::der_write::{bits, context, octets, oid, printable, sequence, set, tlv, utf8};

const COMMON_NAME: Oid = Oid::new_unwrap("2.5.4.3");
const COUNTRY: Oid = Oid::new_unwrap("2.5.4.6");
const LOCALITY: Oid = Oid::new_unwrap("2.5.4.7");
const STATE: Oid = Oid::new_unwrap("2.5.4.8");
const ORGANIZATION: Oid = Oid::new_unwrap("2.5.4.10");
const ORGANIZATIONAL_UNIT: Oid = Oid::new_unwrap("2.5.4.11");
const EXTENSION_REQUEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.14");
const ECDSA_WITH_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");

/// The public key as a SubjectPublicKeyInfo: id-ecPublicKey on P-256 and
/// the uncompressed point. Its SHA-256 is the key's `publicKeySha256`.
pub(crate) fn spki(point: &[u8]) -> Result<Vec<u8>, Error> {
    let algorithm = sequence(&[&oid(EC_PUBLIC_KEY)?, &oid(P256)?])?;
    sequence(&[&algorithm, &bits(point)?])
}

/// The request, DER-encoded and signed with `signing`, whose public key is
/// `spki` (what [`spki`] writes).
pub(crate) fn request(checked: &Checked, signing: &p256::ecdsa::SigningKey, spki: &[u8]) -> Result<Vec<u8>, Error> {
    let version = [2, 1, 0];
    let info = sequence(&[&version, &name(&checked.subject)?, spki, &attributes(checked)?])?;
    // RFC 6979's deterministic nonce: no randomness to fail at signing time.
    let signature: p256::ecdsa::Signature = signing.try_sign(&info).map_err(|_| {
        Error::new(ErrorKind::RandomUnavailable, "The request could not be signed with the new key. Try again.")
    })?;
    let algorithm = sequence(&[&oid(ECDSA_WITH_SHA256)?])?;
    sequence(&[&info, &algorithm, &bits(signature.to_der().as_bytes())?])
}

/// The subject: one RDN per attribute, in `Checked`'s order. RFC 5280
/// 4.1.2.4 asks for PrintableString in the country and UTF8String elsewhere.
fn name(subject: &[(Attribute, String)]) -> Result<Vec<u8>, Error> {
    let mut rdns = Vec::with_capacity(subject.len());
    for (attribute, value) in subject {
        let (id, value) = match attribute {
            Attribute::Country => (COUNTRY, printable(value)?),
            Attribute::State => (STATE, utf8(value)?),
            Attribute::Locality => (LOCALITY, utf8(value)?),
            Attribute::Organization => (ORGANIZATION, utf8(value)?),
            Attribute::OrganizationalUnit => (ORGANIZATIONAL_UNIT, utf8(value)?),
            Attribute::CommonName => (COMMON_NAME, utf8(value)?),
        };
        rdns.push(set(&[&sequence(&[&oid(id)?, &value])?])?);
    }
    sequence(&rdns.iter().map(Vec::as_slice).collect::<Vec<_>>())
}

/// `[0] IMPLICIT SET OF Attribute`: the extensionRequest when there are
/// extensions to ask for, else empty (as OpenSSL writes it).
fn attributes(checked: &Checked) -> Result<Vec<u8>, Error> {
    let mut extensions = Vec::new();
    if !checked.alt_names.is_empty() {
        extensions.push(sequence(&[&oid(SUBJECT_ALT_NAME)?, &octets(&general_names(&checked.alt_names)?)?])?);
    }
    if checked.digital_signature {
        // RFC 5280 4.2.1.3: critical, and bit 0 (digitalSignature) alone:
        // one byte 0x80 with its seven unused bits counted.
        let critical = [1, 1, 0xff];
        let usage = tlv(Tag::BitString, &[&[7, 0x80]])?;
        extensions.push(sequence(&[&oid(KEY_USAGE)?, &critical, &octets(&usage)?])?);
    }
    if extensions.is_empty() {
        return context(0, true, &[]);
    }
    let extensions = sequence(&extensions.iter().map(Vec::as_slice).collect::<Vec<_>>())?;
    context(0, true, &[&sequence(&[&oid(EXTENSION_REQUEST)?, &set(&[&extensions])?])?])
}

/// GeneralNames in the order asked: rfc822Name [1], dNSName [2] and
/// uniformResourceIdentifier [6], each an IA5String under an implicit tag
/// (the request check allowed only ASCII).
fn general_names(names: &[AltName]) -> Result<Vec<u8>, Error> {
    let mut encoded = Vec::with_capacity(names.len());
    for name in names {
        let (number, text) = match name {
            AltName::Email(text) => (1, text),
            AltName::Dns(text) => (2, text),
            AltName::Uri(text) => (6, text),
        };
        encoded.push(context(number, false, &[text.as_bytes()])?);
    }
    sequence(&encoded.iter().map(Vec::as_slice).collect::<Vec<_>>())
}
