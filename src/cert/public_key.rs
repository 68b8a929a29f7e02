//! A certificate's public key, read for what the checks need: an RSA key's
//! modulus, an EC key's point.

use pkcs8::der::Tag;
use x509_cert::spki::SubjectPublicKeyInfoRef;

use crate::cert::oids;
use crate::cert::tlv::{self, Tlv};

/// A public key, by its algorithm.
pub(crate) enum PublicKey<'a> {
    /// The modulus as written (a leading zero octet included).
    Rsa(&'a [u8]),
    /// The point as written (compressed or not).
    Ec(&'a [u8]),
    /// Any other algorithm, its key not looked into.
    Other,
}

impl PublicKey<'_> {
    /// The key size in bits as x509-parser gave it, which the report has
    /// always shown: an RSA modulus counts its octets after the first when
    /// that one's top bit is clear (DER's leading zero), else 0; an EC point
    /// its coordinates' octets.
    pub fn bits(&self) -> Option<u32> {
        let bits = match *self {
            PublicKey::Rsa([first, rest @ ..]) if first & 0x80 == 0 => rest.len() * 8,
            PublicKey::Rsa(_) => 0,
            PublicKey::Ec([4, rest @ ..]) => rest.len() * 4,
            PublicKey::Ec([2 | 3, rest @ ..]) => rest.len() * 8,
            PublicKey::Ec(_) => 0,
            PublicKey::Other => return None,
        };
        u32::try_from(bits).ok()
    }
}

/// `spki`'s key; `None` for an RSA key whose RSAPublicKey cannot be read.
pub(crate) fn read<'a>(spki: &SubjectPublicKeyInfoRef<'a>) -> Option<PublicKey<'a>> {
    let key = spki.subject_public_key.raw_bytes();
    if spki.algorithm.oid == oids::RSA_ENCRYPTION {
        // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
        let sequence = tlv::first(key).filter(|sequence| sequence.is(Tag::Sequence))?;
        let (modulus, rest) = tlv::split(sequence.value)?;
        let exponent = tlv::first(rest)?;
        let integer = |value: &Tlv<'_>| value.is(Tag::Integer) && tlv::is_integer(value.value);
        (integer(&modulus) && integer(&exponent)).then_some(PublicKey::Rsa(modulus.value))
    } else if spki.algorithm.oid == oids::EC_PUBLIC_KEY {
        Some(PublicKey::Ec(key))
    } else {
        Some(PublicKey::Other)
    }
}
