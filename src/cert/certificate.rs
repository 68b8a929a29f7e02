//! One certificate as read: x509-cert's types decode its fields, borrowing
//! from the bytes, and the signed part and both names stay as written, since
//! a signature covers those bytes and issuers are found by them.

use pkcs8::der::asn1::{BitStringRef, ContextSpecific, IntRef, ObjectIdentifier as Oid};
use pkcs8::der::{Reader, SliceReader, Tag, TagNumber};
use x509_cert::certificate::Version;
use x509_cert::ext::Extension;
use x509_cert::spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};
use x509_cert::time::{Time, Validity};

use crate::cert::name;

/// A certificate read from DER (RFC 5280 4.1).
pub(crate) struct Certificate<'a> {
    /// tbsCertificate, tag and length included: what the signature covers.
    pub tbs: &'a [u8],
    /// The issuer and subject names, tag and length included (`name.rs`
    /// reads them).
    pub issuer: &'a [u8],
    pub subject: &'a [u8],
    /// What issuers are found by ([`name::as_matched`]).
    pub issuer_id: &'a [u8],
    pub subject_id: &'a [u8],
    fields: Tbs<'a>,
    /// signatureAlgorithm, outside tbsCertificate.
    algorithm: AlgorithmIdentifierRef<'a>,
    signature: BitStringRef<'a>,
}

/// The fields of tbsCertificate but the names.
struct Tbs<'a> {
    serial: IntRef<'a>,
    /// signature: the algorithm inside what is signed.
    algorithm: AlgorithmIdentifierRef<'a>,
    validity: Validity,
    public_key: SubjectPublicKeyInfoRef<'a>,
    extensions: Vec<Extension>,
}

impl<'a> Certificate<'a> {
    /// Reads one certificate that fills `der`; `None` when it is not one.
    pub fn from_der(der: &'a [u8]) -> Option<Self> {
        let mut reader = SliceReader::new(der).ok()?;
        let (tbs, algorithm, signature) = reader
            .sequence(|certificate| {
                let tbs = certificate.tlv_bytes()?;
                Ok::<_, pkcs8::der::Error>((tbs, certificate.decode()?, certificate.decode()?))
            })
            .ok()?;
        reader.is_finished().then_some(())?;
        let (fields, issuer, subject) = SliceReader::new(tbs).ok()?.sequence(read_tbs).ok()?;
        let (issuer_id, subject_id) = (name::as_matched(issuer), name::as_matched(subject));
        let cert = Certificate { tbs, issuer, subject, issuer_id, subject_id, fields, algorithm, signature };
        [cert.fields.public_key.subject_public_key, signature].into_iter().all(unused_bits_are_zero).then_some(cert)
    }

    pub fn serial(&self) -> &[u8] {
        self.fields.serial.as_bytes()
    }

    pub fn not_before(&self) -> Time {
        self.fields.validity.not_before
    }

    pub fn not_after(&self) -> Time {
        self.fields.validity.not_after
    }

    pub fn public_key(&self) -> &SubjectPublicKeyInfoRef<'a> {
        &self.fields.public_key
    }

    /// The outer signatureAlgorithm and the one inside tbsCertificate.
    pub fn signature_algorithms(&self) -> (&AlgorithmIdentifierRef<'a>, &AlgorithmIdentifierRef<'a>) {
        (&self.algorithm, &self.fields.algorithm)
    }

    /// The signature's bytes.
    pub fn signature(&self) -> &'a [u8] {
        self.signature.raw_bytes()
    }

    /// The values (contents of extnValue) of every extension `oid`, in order.
    pub fn extensions(&self, oid: Oid) -> impl Iterator<Item = &[u8]> {
        self.fields.extensions.iter().filter(move |ext| ext.extn_id == oid).map(|ext| ext.extn_value.as_bytes())
    }

    /// The value of extension `oid` when it appears exactly once: a
    /// certificate naming one twice says two things, and neither is believed.
    pub fn extension(&self, oid: Oid) -> Option<&[u8]> {
        let mut values = self.extensions(oid);
        let first = values.next()?;
        values.next().is_none().then_some(first)
    }
}

/// The other fields, the issuer and the subject.
type TbsParts<'a> = (Tbs<'a>, &'a [u8], &'a [u8]);

/// tbsCertificate's fields, read as x509-cert's TbsCertificate reads them
/// but with borrowed types, and the issuer and subject names as written:
/// x509-cert would decode each attribute into its own allocation and sort a
/// multi-valued RDN.
fn read_tbs<'a>(fields: &mut SliceReader<'a>) -> pkcs8::der::Result<TbsParts<'a>> {
    ContextSpecific::<Version>::decode_explicit(fields, TagNumber(0))?;
    let serial = fields.decode()?;
    let algorithm = fields.decode()?;
    let issuer = name(fields)?;
    let validity = fields.decode()?;
    let subject = name(fields)?;
    let public_key = fields.decode()?;
    for number in [1, 2] {
        let unique_id = ContextSpecific::<BitStringRef<'a>>::decode_implicit(fields, TagNumber(number))?;
        if unique_id.is_some_and(|id| !unused_bits_are_zero(id.value)) {
            return Err(Tag::BitString.value_error().into());
        }
    }
    let extensions = ContextSpecific::<Vec<Extension>>::decode_explicit(fields, TagNumber(3))?;
    let extensions = extensions.map(|e| e.value).unwrap_or_default();
    Ok((Tbs { serial, algorithm, validity, public_key, extensions }, issuer, subject))
}

/// A Name, tag and length included: a SEQUENCE.
fn name<'a>(fields: &mut SliceReader<'a>) -> pkcs8::der::Result<&'a [u8]> {
    let name = fields.tlv_bytes()?;
    match name.first() {
        Some(0x30) => Ok(name),
        _ => Err(Tag::Sequence.value_error().into()),
    }
}

/// DER (X.690 11.2.1) wants a BIT STRING's unused bits zero: x509-parser
/// refused certificates with others, x509-cert does not look.
fn unused_bits_are_zero(bits: BitStringRef<'_>) -> bool {
    bits.raw_bytes().last().is_none_or(|last| last.trailing_zeros() >= u32::from(bits.unused_bits()))
}
