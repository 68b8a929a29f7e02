//! Is a certificate in DER, the one encoding its fingerprints are taken over?
//! BER lets the same certificate be written other ways (lengths with leading
//! zeros or left open, strings sent in pieces) that parsers read as well, and
//! the SHA-1 of those bytes is not the one a device computes. This walks every
//! TLV with the `der` crate's reader, which takes only DER's lengths.

use pkcs8::der::{Class, Decode, Header, Reader, SliceReader, Tag};

use crate::shared::caps::MAX_DER_DEPTH;

/// True when `bytes` is one value, framed as DER requires all the way down
/// and nested at most [`MAX_DER_DEPTH`] deep. Primitive contents (an
/// extension's OCTET STRING, say) are not looked into.
pub(crate) fn is_der(bytes: &[u8]) -> bool {
    let Ok(mut reader) = SliceReader::new(bytes) else { return false };
    value(&mut reader, 1) && reader.is_finished()
}

/// Reads one TLV at `depth` (1 for the outermost) and, when it is
/// constructed, every TLV inside it.
fn value(reader: &mut SliceReader<'_>, depth: usize) -> bool {
    if depth > MAX_DER_DEPTH {
        return false;
    }
    // X.690 10.1: definite lengths in the fewest octets. The reader refuses a
    // long form that fits a shorter one and the indefinite form (0x80), and
    // tags DER does not use, such as 0x24 (an OCTET STRING in pieces).
    let Ok(header) = Header::decode(reader) else { return false };
    let Ok(contents) = reader.read_slice(header.length()) else { return false };
    if !header.is_constructed() {
        return true;
    }
    // X.690 10.2: strings are never constructed in DER; of the universal
    // types only SEQUENCE and SET are. Tagged values ([0], [3]) may be.
    if header.tag().class() == Class::Universal && !matches!(header.tag(), Tag::Sequence | Tag::Set) {
        return false;
    }
    let Ok(mut inner) = SliceReader::new(contents) else { return false };
    while !inner.is_finished() {
        if !value(&mut inner, depth + 1) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    //! The reference is pyasn1's BER reader and DER writer, run by
    //! tests/hostile/make.py when it writes these files: it re-encodes every
    //! fixture certificate to the same bytes, and each `cert-ber-*` file to
    //! `der/leaf.der` (so each is the leaf, framed otherwise).
    use super::*;

    mod fixtures {
        include!("../../tests/fixtures/certs/index.rs");
    }

    const LEAF: &[u8] = include_bytes!("../../tests/fixtures/certs/der/leaf.der");
    const BER: [(&str, &[u8]); 6] = [
        ("outer length 83 00 ..", include_bytes!("../../tests/hostile/cert-ber-outer-length-83.der")),
        ("serial length 81 02", include_bytes!("../../tests/hostile/cert-ber-serial-length-81.der")),
        ("indefinite length", include_bytes!("../../tests/hostile/cert-ber-indefinite-length.der")),
        ("TBS indefinite length", include_bytes!("../../tests/hostile/cert-ber-tbs-indefinite-length.der")),
        ("BIT STRING in pieces", include_bytes!("../../tests/hostile/cert-ber-constructed-bit-string.der")),
        ("OCTET STRING in pieces", include_bytes!("../../tests/hostile/cert-ber-constructed-octet-string.der")),
    ];

    /// Every certificate of the fixtures that x509-parser reads, as DER.
    fn fixture_certificates() -> Vec<Vec<u8>> {
        let mut found = Vec::new();
        for (path, bytes) in fixtures::FILES {
            if path.ends_with(".pem") {
                let blocks = crate::cert::pem::blocks(bytes).filter_map(Result::ok);
                found.extend(blocks.filter(|b| b.label == "CERTIFICATE").map(|b| b.contents.clone()));
            } else if path.ends_with(".der") {
                found.push(bytes.to_vec());
            }
        }
        found.retain(|der| matches!(x509_parser::parse_x509_certificate(der), Ok((rest, _)) if rest.is_empty()));
        found
    }

    #[test]
    fn every_fixture_certificate_is_der() {
        let certificates = fixture_certificates();
        assert!(certificates.len() >= 100, "only {} certificates", certificates.len());
        assert!(certificates.iter().any(|der| der == LEAF));
        for der in &certificates {
            assert!(is_der(der), "a fixture certificate of {} bytes", der.len());
        }
    }

    #[test]
    fn the_leaf_framed_as_ber_is_not_der() {
        for (what, ber) in BER {
            assert_ne!(ber, LEAF, "{what}");
            assert!(!is_der(ber), "{what}");
        }
    }

    #[test]
    fn hostile_certificates_that_are_der_pass() {
        // The reference re-encodes these to themselves: what is wrong with them is not their encoding.
        assert!(is_der(include_bytes!("../../tests/hostile/cert-sigalg-outer-differs.der")));
        assert!(is_der(include_bytes!("../../tests/hostile/cert-sigalg-params-differ.der")));
        assert!(is_der(include_bytes!("../../tests/hostile/cert-with-pem-marker-in-cn.der")));
    }

    #[test]
    fn nesting_deeper_than_the_cap_is_refused() {
        let nested = |depth: usize| {
            (0..depth).fold(vec![0x05, 0x00], |inner, _| [&[0x30, inner.len() as u8][..], &inner].concat())
        };
        assert!(is_der(&nested(MAX_DER_DEPTH - 1)), "the NULL is at the cap");
        assert!(!is_der(&nested(MAX_DER_DEPTH)));
        assert!(!is_der(include_bytes!("../../tests/hostile/cert-nested-42-levels.der")));
    }

    #[test]
    fn framing_rules_one_at_a_time() {
        assert!(is_der(&[0x30, 0x03, 0x02, 0x01, 0x05]));
        assert!(!is_der(&[0x30, 0x81, 0x03, 0x02, 0x01, 0x05]), "long form for a short length");
        assert!(!is_der(&[0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00]), "indefinite length");
        assert!(!is_der(&[0x24, 0x03, 0x04, 0x01, 0x05]), "OCTET STRING in pieces");
        assert!(!is_der(&[0x10, 0x03, 0x02, 0x01, 0x05]), "a primitive SEQUENCE");
        assert!(is_der(&[0xa0, 0x03, 0x02, 0x01, 0x02]), "a constructed [0] is fine");
        assert!(!is_der(&[0x30, 0x03, 0x02, 0x01, 0x05, 0x00]), "a byte after the value");
        assert!(!is_der(&[0x30, 0x04, 0x02, 0x01, 0x05]), "a length past the end");
        assert!(!is_der(&[]));
    }
}
