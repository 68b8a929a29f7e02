//! Writing DER, one TLV at a time, over the `der` crate's header and string
//! types. A certificate request is a dozen nested values; assembling them
//! here costs the page far less than `x509-cert`'s builder (see the README's
//! size table), and tests/keys.rs decodes every request we write with
//! `x509-cert` and OpenSSL to prove the bytes are what they should be. The
//! token inspector writes a JWK's public key as the SubjectPublicKeyInfo the
//! certificate code verifies with.

use pkcs8::der::asn1::ObjectIdentifier as Oid;
use pkcs8::der::{Encode, Header, Length, Tag, TagNumber};

use crate::error::{Error, ErrorKind};

/// Only a length past `der`'s 256 MiB could fail to encode; every caller's
/// caps keep it to kilobytes, so this is a message for the impossible.
fn too_large(_: pkcs8::der::Error) -> Error {
    Error::new(ErrorKind::InputTooLarge, "The value is too large to encode as DER. Give a smaller one.")
}

/// One value: `tag`, the length of `parts` together, then the parts.
pub(crate) fn tlv(tag: Tag, parts: &[&[u8]]) -> Result<Vec<u8>, Error> {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let header = Header::new(tag, Length::try_from(len).map_err(too_large)?).to_der().map_err(too_large)?;
    let mut out = Vec::with_capacity(header.len() + len);
    out.extend_from_slice(&header);
    for part in parts {
        out.extend_from_slice(part);
    }
    Ok(out)
}

pub(crate) fn sequence(parts: &[&[u8]]) -> Result<Vec<u8>, Error> {
    tlv(Tag::Sequence, parts)
}

pub(crate) fn set(parts: &[&[u8]]) -> Result<Vec<u8>, Error> {
    tlv(Tag::Set, parts)
}

/// `[number]` IMPLICIT or EXPLICIT: the caller says whether the content is constructed.
pub(crate) fn context(number: u32, constructed: bool, parts: &[&[u8]]) -> Result<Vec<u8>, Error> {
    tlv(Tag::ContextSpecific { constructed, number: TagNumber(number) }, parts)
}

/// The OID's encoded arcs under their tag.
pub(crate) fn oid(oid: Oid) -> Result<Vec<u8>, Error> {
    tlv(Tag::ObjectIdentifier, &[oid.as_bytes()])
}

/// Any Rust string is valid UTF-8, so UTF8String holds it as it is.
pub(crate) fn utf8(text: &str) -> Result<Vec<u8>, Error> {
    tlv(Tag::Utf8String, &[text.as_bytes()])
}

/// PrintableString: the caller has checked the characters (a country's two letters).
pub(crate) fn printable(text: &str) -> Result<Vec<u8>, Error> {
    tlv(Tag::PrintableString, &[text.as_bytes()])
}

/// A non-negative INTEGER (X.690 8.3): big-endian in the fewest bytes, with
/// a leading zero byte when the top bit is set (it would read as negative).
pub(crate) fn uint(value: u32) -> Result<Vec<u8>, Error> {
    big_uint(&value.to_be_bytes())
}

/// A BIT STRING with no unused bits.
pub(crate) fn bits(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    tlv(Tag::BitString, &[&[0], bytes])
}

pub(crate) fn octets(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    tlv(Tag::OctetString, &[bytes])
}

/// A non-negative INTEGER from its big-endian bytes (a JWK's `n`, `e`):
/// leading zeros dropped, one put back when the top bit is set.
pub(crate) fn big_uint(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len().saturating_sub(1));
    let digits = if bytes.is_empty() { &[0u8][..] } else { &bytes[start..] };
    let pad: &[u8] = if digits[0] & 0x80 != 0 { &[0] } else { &[] };
    tlv(Tag::Integer, &[pad, digits])
}

#[cfg(test)]
mod tests {
    use super::*;
    use pkcs8::der::asn1::{PrintableStringRef, Utf8StringRef};

    /// Each writer against the `der` crate's own encoder, the reference.
    #[test]
    fn values_encode_as_the_der_crate_encodes_them() {
        for value in [0u32, 1, 8, 127, 128, 255, 256, 16_384, 600_000, 0x7fff_ffff, u32::MAX] {
            assert_eq!(uint(value).unwrap(), value.to_der().unwrap(), "{value}");
        }
        let id = Oid::new_unwrap("1.2.840.113549.1.9.14");
        assert_eq!(oid(id).unwrap(), id.to_der().unwrap());
        for text in ["Møterom Ålesund", "", &"x".repeat(300)] {
            assert_eq!(utf8(text).unwrap(), Utf8StringRef::new(text).unwrap().to_der().unwrap());
        }
        assert_eq!(printable("NO").unwrap(), PrintableStringRef::new("NO").unwrap().to_der().unwrap());
    }

    #[test]
    fn big_integers_encode_as_the_der_crate_encodes_them() {
        // No bytes is zero (der's UintRef would write an empty INTEGER, which DER forbids).
        assert_eq!(big_uint(&[]).unwrap(), [2, 1, 0]);
        for bytes in [&[0][..], &[0, 0, 5], &[0x80], &[0, 0x80, 1], &[0xff; 257], &[1, 0, 0, 0, 0, 0, 0, 0, 0]] {
            let reference = pkcs8::der::asn1::UintRef::new(bytes).unwrap().to_der().unwrap();
            assert_eq!(big_uint(bytes).unwrap(), reference, "{bytes:?}");
        }
    }
}
