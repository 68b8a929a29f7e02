//! One certificate as read: x509-cert decodes its fields, and the signed
//! part and both names are kept as the bytes written, since a signature
//! covers those bytes and issuers are found by them (a decoder may reorder a
//! SET when it re-encodes).

use pkcs8::der::asn1::{BitString, ObjectIdentifier as Oid};
use pkcs8::der::{Decode, Header, Reader, SliceReader};
use x509_cert::certificate::{CertificateInner, Raw};
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::time::Time;

/// A certificate read from DER.
pub(crate) struct Certificate<'a> {
    /// The fields. The `Raw` profile puts no cap on a serial number's length,
    /// as x509-parser put none (RFC 5280 allows 20 octets; some CAs write more).
    x509: CertificateInner<Raw>,
    /// tbsCertificate, tag and length included: what the signature covers.
    pub tbs: &'a [u8],
    /// The issuer and subject names, tag and length included.
    pub issuer: &'a [u8],
    pub subject: &'a [u8],
}

impl<'a> Certificate<'a> {
    /// Reads one certificate that fills `der`; `None` when it is not one.
    pub fn from_der(der: &'a [u8]) -> Option<Self> {
        let x509 = CertificateInner::<Raw>::from_der(der).ok()?;
        let tbs = x509.tbs_certificate();
        let unique_ids = [tbs.issuer_unique_id(), tbs.subject_unique_id()];
        let key_and_signature = [&tbs.subject_public_key_info().subject_public_key, x509.signature()];
        if !key_and_signature.into_iter().chain(unique_ids.into_iter().flatten()).all(unused_bits_are_zero) {
            return None;
        }
        let (tbs, issuer, subject) = written_parts(der)?;
        Some(Certificate { x509, tbs, issuer, subject })
    }

    pub fn serial(&self) -> &[u8] {
        self.x509.tbs_certificate().serial_number().as_bytes()
    }

    pub fn not_before(&self) -> Time {
        self.x509.tbs_certificate().validity().not_before
    }

    pub fn not_after(&self) -> Time {
        self.x509.tbs_certificate().validity().not_after
    }

    pub fn public_key(&self) -> &SubjectPublicKeyInfoOwned {
        self.x509.tbs_certificate().subject_public_key_info()
    }

    /// The outer signatureAlgorithm and the one inside tbsCertificate.
    pub fn signature_algorithms(&self) -> (&AlgorithmIdentifierOwned, &AlgorithmIdentifierOwned) {
        (self.x509.signature_algorithm(), self.x509.tbs_certificate().signature())
    }

    /// The signature's bytes.
    pub fn signature(&self) -> &[u8] {
        self.x509.signature().raw_bytes()
    }

    /// The values (contents of extnValue) of every extension `oid`, in order.
    pub fn extensions(&self, oid: Oid) -> impl Iterator<Item = &[u8]> {
        let all = self.x509.tbs_certificate().extensions().map_or(&[][..], Vec::as_slice);
        all.iter().filter(move |ext| ext.extn_id == oid).map(|ext| ext.extn_value.as_bytes())
    }

    /// The value of extension `oid` when it appears exactly once: a
    /// certificate naming one twice says two things, and neither is believed.
    pub fn extension(&self, oid: Oid) -> Option<&[u8]> {
        let mut values = self.extensions(oid);
        let first = values.next()?;
        values.next().is_none().then_some(first)
    }
}

/// DER (X.690 11.2.1) wants a BIT STRING's unused bits zero: x509-parser
/// refused certificates with others, x509-cert does not look.
fn unused_bits_are_zero(bits: &BitString) -> bool {
    bits.raw_bytes().last().is_none_or(|last| last.trailing_zeros() >= u32::from(bits.unused_bits()))
}

/// tbsCertificate, issuer and subject as written in `der` (which x509-cert has read).
fn written_parts(der: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
    let mut certificate = SliceReader::new(der).ok()?;
    Header::decode(&mut certificate).ok()?;
    let tbs = certificate.tlv_bytes().ok()?;
    let mut fields = SliceReader::new(tbs).ok()?;
    Header::decode(&mut fields).ok()?;
    let mut field = || fields.tlv_bytes().ok();
    // version [0] is left out for v1; then serialNumber and signature.
    let first = field()?;
    if first.first() == Some(&0xa0) {
        field()?;
    }
    field()?;
    let issuer = field()?;
    field()?;
    let subject = field()?;
    Some((tbs, issuer, subject))
}
