//! Is a certificate in DER, the one encoding its fingerprints are taken over?
//! BER lets the same certificate be written other ways (lengths with leading
//! zeros or left open, strings sent in pieces) that parsers read as well, and
//! the SHA-1 of those bytes is not the one a device computes. This walks every
//! TLV with the `der` crate's reader, which takes only DER's lengths.

use pkcs8::der::{Class, Decode, Header, Reader, SliceReader, Tag};

use crate::cert::tlv;
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

/// `bytes` with every length written as DER writes it, when `bytes` is one
/// value (nested at most [`MAX_DER_DEPTH`] deep) whose lengths are only
/// written longer than that: BER's `83 00 01 0f` for `82 01 0f`. Parsers
/// read those, and x509-cert does not; the indefinite form is not taken.
pub(crate) fn with_der_lengths(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    reframe(bytes, &mut out, 1)?.is_empty().then_some(out)
}

/// Writes the TLV at the start of `bytes` to `out` with DER's lengths; what follows it.
fn reframe<'a>(bytes: &'a [u8], out: &mut Vec<u8>, depth: usize) -> Option<&'a [u8]> {
    let (tlv, after) = tlv::split(bytes)?;
    if depth > MAX_DER_DEPTH {
        return None;
    }
    let mut inner = Vec::new();
    if tlv.tag & 0x20 == 0 {
        inner.extend_from_slice(tlv.value);
    } else {
        let mut contents = tlv.value;
        while !contents.is_empty() {
            contents = reframe(contents, &mut inner, depth + 1)?;
        }
    }
    out.push(tlv.tag);
    if inner.len() < 0x80 {
        out.push(inner.len() as u8);
    } else {
        let octets = inner.len().to_be_bytes();
        let skip = octets.iter().take_while(|&&octet| octet == 0).count();
        out.push(0x80 | (octets.len() - skip) as u8);
        out.extend_from_slice(&octets[skip..]);
    }
    out.append(&mut inner);
    Some(after)
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

    /// Every certificate of the fixtures that x509-cert reads, as DER.
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
        found.retain(|der| crate::cert::certificate::Certificate::from_der(der).is_some());
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
    fn long_lengths_are_written_again_as_der() {
        for (what, ber) in &BER[..2] {
            assert_eq!(with_der_lengths(ber).as_deref(), Some(LEAF), "{what}");
        }
        for (what, ber) in &BER[2..] {
            assert_ne!(with_der_lengths(ber).as_deref(), Some(LEAF), "{what}");
        }
        assert_eq!(with_der_lengths(LEAF).as_deref(), Some(LEAF));
        assert_eq!(with_der_lengths(&[0x30, 0x83, 0, 0, 4, 0x02, 0x81, 1, 5]), Some(vec![0x30, 3, 0x02, 1, 5]));
        assert_eq!(with_der_lengths(&[0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00]), None, "indefinite length");
        assert_eq!(with_der_lengths(&[0x30, 0x03, 0x02, 0x01, 0x05, 0x00]), None, "a byte after the value");
        assert_eq!(with_der_lengths(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), None, "a length past the end");
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
