//! Distinguished names as people read them: `C=US, O=Example, CN=room-1`, in
//! the certificate's own order, as openssl prints them. Read from the bytes
//! as written (a decoder sorts a multi-valued RDN's SET), for the handful of
//! attributes certificates use.

use std::fmt::Write;

use pkcs8::der::asn1::ObjectIdentifier as Oid;
use pkcs8::der::Tag;

use crate::cert::tlv::{self, Tlv};

use crate::shared::hex;

/// Short names of the attributes found in device and CA certificates; any
/// other attribute is shown by its dotted OID.
const SHORT_NAMES: &[(Oid, &str)] = &[
    (Oid::new_unwrap("2.5.4.3"), "CN"),
    (Oid::new_unwrap("2.5.4.4"), "SN"),
    (Oid::new_unwrap("2.5.4.5"), "serialNumber"),
    (Oid::new_unwrap("2.5.4.6"), "C"),
    (Oid::new_unwrap("2.5.4.7"), "L"),
    (Oid::new_unwrap("2.5.4.8"), "ST"),
    (Oid::new_unwrap("2.5.4.9"), "street"),
    (Oid::new_unwrap("2.5.4.10"), "O"),
    (Oid::new_unwrap("2.5.4.11"), "OU"),
    (Oid::new_unwrap("2.5.4.12"), "title"),
    (Oid::new_unwrap("2.5.4.42"), "GN"),
    (Oid::new_unwrap("2.5.4.97"), "organizationIdentifier"),
    (Oid::new_unwrap("0.9.2342.19200300.100.1.1"), "UID"),
    (Oid::new_unwrap("0.9.2342.19200300.100.1.25"), "DC"),
    (Oid::new_unwrap("1.2.840.113549.1.9.1"), "emailAddress"),
];

/// The commonName attribute type, 2.5.4.3, as its OID's content bytes.
const COMMON_NAME: &[u8] = &[0x55, 4, 3];

/// One attribute of a name: its type (an OID's content bytes) and its value.
#[derive(Clone, Copy)]
pub(crate) struct Attribute<'a> {
    oid: &'a [u8],
    value: Tlv<'a>,
}

/// The RDNs of the Name `tlv` (tag and length included), each a list of its
/// attributes, in the order written; `None` when `tlv` is not one SEQUENCE.
/// Reading stops at the first RDN (a SET of at least one attribute) that
/// cannot be read, and an RDN at its first attribute that cannot be, as
/// x509-parser did, so names show as they always have.
pub(crate) fn rdns(bytes: &[u8]) -> Option<Vec<Vec<Attribute<'_>>>> {
    read(bytes).map(|(rdns, _)| rdns)
}

/// What issuers are found by: the Name `tlv` as x509-parser kept it, cut
/// after the last RDN [`rdns`] reads (so whole, for any Name read whole).
pub(crate) fn as_matched(tlv: &[u8]) -> &[u8] {
    read(tlv).map_or(tlv, |(_, end)| &tlv[..end])
}

/// The RDNs, and where the last one ends in `bytes`.
fn read(bytes: &[u8]) -> Option<(Vec<Vec<Attribute<'_>>>, usize)> {
    let (name, after) = tlv::split(bytes)?;
    if !after.is_empty() || !name.is(Tag::Sequence) {
        return None;
    }
    let (mut sets, mut rdns) = (name.value, Vec::new());
    while let Some((set, after)) = tlv::split(sets) {
        let attributes = attributes(set);
        if attributes.is_empty() {
            break;
        }
        rdns.push(attributes);
        sets = after;
    }
    Some((rdns, bytes.len() - sets.len()))
}

/// An RDN's attributes, each a SEQUENCE { type OID, value ANY }.
fn attributes(set: Tlv<'_>) -> Vec<Attribute<'_>> {
    let (mut pairs, mut found) = (set.value, Vec::new());
    while let Some((pair, after)) = tlv::split(pairs).filter(|(pair, _)| set.is(Tag::Set) && pair.is(Tag::Sequence)) {
        // The type's tag is not looked at: x509-parser did not read an OID's.
        let Some((oid, rest)) = tlv::split(pair.value) else { break };
        let Some(value) = tlv::first(rest) else { break };
        found.push(Attribute { oid: oid.value, value });
        pairs = after;
    }
    found
}

/// The Name `tlv` as `TYPE=value` pairs joined by `, ` (and ` + ` inside a
/// multi-valued RDN), with RFC 4514 escapes so a value cannot pose as a pair.
pub(crate) fn display(tlv: &[u8]) -> String {
    let mut out = String::new();
    for (i, rdn) in rdns(tlv).unwrap_or_default().iter().enumerate() {
        for (j, attribute) in rdn.iter().enumerate() {
            out.push_str(match (i, j) {
                (0, 0) => "",
                (_, 0) => ", ",
                _ => " + ",
            });
            push_attribute(&mut out, attribute);
        }
    }
    out
}

/// The first CN of the Name `tlv` (a subject or an issuer), if it has one.
/// A CN in an exotic string type still shows, as its bytes decoded lossily.
pub(crate) fn common_name(tlv: &[u8]) -> Option<String> {
    let rdns = rdns(tlv)?;
    let cn = rdns.iter().flatten().find(|attribute| attribute.oid == COMMON_NAME)?;
    Some(String::from_utf8_lossy(cn.value.value).into_owned())
}

fn push_attribute(out: &mut String, attribute: &Attribute<'_>) {
    match Oid::from_bytes(attribute.oid) {
        Ok(oid) => match SHORT_NAMES.iter().find(|(known, _)| *known == oid) {
            Some((_, short)) => out.push_str(short),
            None => out.push_str(&oid.to_string()),
        },
        Err(_) => out.push('?'),
    }
    out.push('=');
    let data = attribute.value.value;
    // By tag number, whatever the class, as x509-parser read them.
    match attribute.value.tag & 0x1f {
        30 => push_escaped(out, &utf16_be(data)),
        // UTF8String, PrintableString, IA5String, T61String, NumericString,
        // VisibleString, GeneralString, GraphicString, VideotexString.
        12 | 19 | 22 | 20 | 18 | 26 | 27 | 25 | 21 => push_escaped(out, &String::from_utf8_lossy(data)),
        // RFC 4514: a value of another type is its bytes in hex after '#'.
        _ => write!(out, "#{}", hex::encode(data)).expect("writing to a String"),
    }
}

fn utf16_be(bytes: &[u8]) -> String {
    let units = bytes.chunks(2).map(|pair| u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]));
    char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

fn push_escaped(out: &mut String, value: &str) {
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        let leading = i == 0 && (c == ' ' || c == '#');
        let trailing = i == last && c == ' ';
        if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=') || leading || trailing {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(der: &[u8]) -> String {
        display(der)
    }

    /// One attribute: the OID's content bytes, the value's tag, the value.
    type Attribute<'a> = (&'a [u8], u8, &'a [u8]);

    /// A Name: SEQUENCE of SETs (RDNs) of attributes.
    fn encode(rdns: &[&[Attribute<'_>]]) -> Vec<u8> {
        fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
            [&[tag, body.len() as u8][..], body].concat()
        }
        let sets: Vec<u8> = rdns
            .iter()
            .flat_map(|rdn| {
                let pairs: Vec<u8> = rdn
                    .iter()
                    .flat_map(|(oid, tag, value)| tlv(0x30, &[tlv(0x06, oid), tlv(*tag, value)].concat()))
                    .collect();
                tlv(0x31, &pairs)
            })
            .collect();
        tlv(0x30, &sets)
    }

    const CN: &[u8] = &[0x55, 4, 3];
    const O: &[u8] = &[0x55, 4, 10];
    const C: &[u8] = &[0x55, 4, 6];

    #[test]
    fn names_in_certificate_order_with_short_types() {
        let der = encode(&[&[(C, 0x13, b"US")], &[(O, 0x0c, b"Example, Inc.")], &[(CN, 0x0c, b"room-1")]]);
        assert_eq!(name(&der), r"C=US, O=Example\, Inc., CN=room-1");
    }

    #[test]
    fn multi_valued_rdns_unknown_types_bmp_and_binary_values() {
        let unknown: &[u8] = &[0x2b, 6, 1, 4, 1, 0x82, 0x37, 1];
        let der = encode(&[&[(CN, 0x1e, &[0, b'r', 0, b'o', 0x26, 0x3a]), (unknown, 0x04, &[0xde, 0xad])]]);
        assert_eq!(name(&der), "CN=ro\u{263a} + 1.3.6.1.4.1.311.1=#dead");
    }

    #[test]
    fn escapes_what_would_read_as_structure() {
        let der = encode(&[&[(CN, 0x0c, b" #a=b+c;\"d\" ")]]);
        assert_eq!(name(&der), r#"CN=\ #a\=b\+c\;\"d\"\ "#);
        assert_eq!(name(&encode(&[&[(CN, 0x0c, b"#x")]])), r"CN=\#x");
    }
}
