//! Distinguished names as people read them: `C=US, O=Example, CN=room-1`, in
//! the certificate's own order, as openssl prints them. Written here rather
//! than with x509-parser's `Display`, which pulls a registry of every OID and
//! a second base64/hex crate into the page for the handful of attributes
//! certificates use.

use std::fmt::Write;

use pkcs8::der::asn1::ObjectIdentifier as Oid;
use x509_parser::der_parser::asn1_rs::Tag;
use x509_parser::x509::{AttributeTypeAndValue, X509Name};

use crate::cert::oids;
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

/// `name` as `TYPE=value` pairs joined by `, ` (and ` + ` inside a
/// multi-valued RDN), with RFC 4514 escapes so a value cannot pose as a pair.
pub(crate) fn display(name: &X509Name<'_>) -> String {
    let mut out = String::new();
    for (i, rdn) in name.iter().enumerate() {
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

fn push_attribute(out: &mut String, attribute: &AttributeTypeAndValue<'_>) {
    let oid = oids::from_x509(attribute.attr_type());
    match oid.and_then(|oid| SHORT_NAMES.iter().find(|(known, _)| *known == oid)) {
        Some((_, short)) => out.push_str(short),
        None => out.push_str(&oids::dotted(attribute.attr_type())),
    }
    out.push('=');
    let value = attribute.attr_value();
    match value.tag() {
        Tag::BmpString => push_escaped(out, &utf16_be(value.data)),
        Tag::Utf8String
        | Tag::PrintableString
        | Tag::Ia5String
        | Tag::T61String
        | Tag::NumericString
        | Tag::VisibleString
        | Tag::GeneralString
        | Tag::GraphicString
        | Tag::VideotexString => push_escaped(out, &String::from_utf8_lossy(value.data)),
        // RFC 4514: a value of another type is its bytes in hex after '#'.
        _ => write!(out, "#{}", hex::encode(value.data)).expect("writing to a String"),
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
    use x509_parser::prelude::FromDer;

    fn name(der: &[u8]) -> String {
        display(&X509Name::from_der(der).expect("a name").1)
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
