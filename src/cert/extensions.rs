//! The extensions the report shows and the checks use, read from their
//! values. Each is read as x509-parser read it (which the reports and
//! fixtures were made with): bytes after the value are ignored, and a value
//! that cannot be read counts as absent.

use pkcs8::der::asn1::ObjectIdentifier as Oid;
use pkcs8::der::Tag;

use crate::cert::certificate::Certificate;
use crate::cert::name;
use crate::cert::oids::{KEY_USAGE, SUBJECT_ALT_NAME};
use crate::cert::tlv::{self, Tlv};

const BASIC_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.19");
const EXTENDED_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.37");
const AUTHORITY_INFO_ACCESS: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.1.1");
const CA_ISSUERS: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.48.2");

/// A GeneralName (RFC 5280 4.2.1.6).
pub(crate) enum GeneralName<'a> {
    Email(&'a str),
    Dns(&'a str),
    Uri(&'a str),
    Ip(&'a [u8]),
    /// A Name, tag and length included.
    Directory(&'a [u8]),
    /// The type's OID content bytes.
    Other(&'a [u8]),
    X400,
    EdiParty,
    /// The OID's content bytes.
    Registered(&'a [u8]),
    /// A known kind that cannot be read (a DNS name not UTF-8, say), or an unknown kind.
    Invalid,
}

/// The elements of the SEQUENCE at the start of `bytes`.
fn sequence_of(bytes: &[u8]) -> Option<Vec<Tlv<'_>>> {
    tlv::first(bytes)?.elements(Tag::Sequence)
}

/// basicConstraints cA (false when absent, named twice or unreadable).
pub(crate) fn is_ca(cert: &Certificate<'_>) -> bool {
    let Some(elements) = cert.extension(BASIC_CONSTRAINTS).and_then(sequence_of) else { return false };
    // SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
    match elements.as_slice() {
        [ca] => boolean(ca),
        [ca, path_len] => boolean(ca) && is_u32(path_len),
        _ => false,
    }
}

/// A BOOLEAN that is true: any octet but zero, as x509-parser read it.
/// Here, unlike elsewhere, the class counts: it read these by their type.
fn boolean(value: &Tlv<'_>) -> bool {
    value.tag == 0x01 && matches!(value.value, [octet] if *octet != 0)
}

/// An INTEGER from 0 to 2^32 - 1.
fn is_u32(value: &Tlv<'_>) -> bool {
    let significant = value.value.iter().skip_while(|&&octet| octet == 0).count();
    value.tag == 0x02 && tlv::is_integer(value.value) && value.value[0] & 0x80 == 0 && significant <= 4
}

/// The keyUsage bits (bit 0, digitalSignature, lowest); `None` when absent, named twice or unreadable.
pub(crate) fn key_usage(cert: &Certificate<'_>) -> Option<u16> {
    let value = tlv::first(cert.extension(KEY_USAGE)?)?;
    // A BIT STRING: the count of unused bits, then the bits; DER wants the unused ones zero.
    let (&unused, bits) = value.value.split_first()?;
    if !value.is(Tag::BitString) || unused > 7 || (bits.is_empty() && unused != 0) {
        return None;
    }
    if bits.last().is_some_and(|last| last & ((1u16 << unused) - 1) as u8 != 0) {
        return None;
    }
    // The first octet holds bits 0-7 from its top bit down; the second, bit 8.
    let octet = |i: usize| u16::from(bits.get(i).copied().unwrap_or(0).reverse_bits());
    Some(octet(0) | octet(1) << 8)
}

/// The extendedKeyUsage purposes, each once, in the order written; empty
/// when absent, named twice or unreadable.
pub(crate) fn extended_key_usage(cert: &Certificate<'_>) -> Vec<Oid> {
    let Some(elements) = cert.extension(EXTENDED_KEY_USAGE).and_then(sequence_of) else { return Vec::new() };
    // Each purpose is read as an OID whatever its tag says.
    let Ok(purposes) =
        elements.into_iter().map(|purpose| Oid::from_bytes(purpose.value)).collect::<Result<Vec<_>, _>>()
    else {
        return Vec::new();
    };
    let mut unique: Vec<Oid> = Vec::with_capacity(purposes.len());
    for purpose in purposes {
        if !unique.contains(&purpose) {
            unique.push(purpose);
        }
    }
    unique
}

/// The subjectAltName's names; empty when absent, named twice or unreadable.
pub(crate) fn alt_names<'c>(cert: &'c Certificate<'_>) -> Vec<GeneralName<'c>> {
    let Some(elements) = cert.extension(SUBJECT_ALT_NAME).and_then(sequence_of) else { return Vec::new() };
    elements.into_iter().map(general_name).collect::<Option<_>>().unwrap_or_default()
}

/// The first caIssuers URI of an authorityInfoAccess that can be read.
pub(crate) fn ca_issuers_url(cert: &Certificate<'_>) -> Option<String> {
    cert.extensions(AUTHORITY_INFO_ACCESS).find_map(|value| {
        // SEQUENCE OF AccessDescription ::= SEQUENCE { accessMethod OID, accessLocation GeneralName }
        let descriptions = sequence_of(value)?;
        let read: Option<Vec<(&[u8], GeneralName<'_>)>> = descriptions
            .into_iter()
            .map(|description| {
                let (method, rest) = tlv::split(description.value).filter(|_| description.is(Tag::Sequence))?;
                Some((method.value, general_name(tlv::first(rest)?)?))
            })
            .collect();
        read?.into_iter().find_map(|(method, location)| match location {
            GeneralName::Uri(uri) if method == CA_ISSUERS.as_bytes() => Some(uri.to_owned()),
            _ => None,
        })
    })
}

/// One GeneralName, by its tag number; `None` (the whole list unreadable)
/// when it is not context-specific.
fn general_name(name: Tlv<'_>) -> Option<GeneralName<'_>> {
    if !name.is_context_specific() {
        return None;
    }
    let data = name.value;
    let text = || std::str::from_utf8(data).ok();
    let read = match name.tag & 0x1f {
        // otherName: SEQUENCE { type-id OID, value [0] EXPLICIT ANY }, read up to the OID.
        0 => first_oid(data).map(GeneralName::Other),
        1 => text().map(GeneralName::Email),
        2 => text().map(GeneralName::Dns),
        3 => Some(GeneralName::X400),
        4 => name::rdns(data).map(|_| GeneralName::Directory(data)),
        5 => Some(GeneralName::EdiParty),
        6 => text().map(GeneralName::Uri),
        7 => Some(GeneralName::Ip(data)),
        8 => Some(GeneralName::Registered(data)),
        _ => None,
    };
    Some(read.unwrap_or(GeneralName::Invalid))
}

/// The content bytes of the OID at the start of `bytes` (its tag unread, as
/// x509-parser did not read an OID's).
fn first_oid(bytes: &[u8]) -> Option<&[u8]> {
    tlv::first(bytes).map(|oid| oid.value)
}
