//! Describes one certificate for people: names, validity, key, usages and
//! fingerprints, as the report shows them.

use std::net::{Ipv4Addr, Ipv6Addr};

use sha1::Sha1;
use sha2::{Digest, Sha256};
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::public_key::PublicKey;
use x509_parser::time::ASN1Time;
use x509_parser::x509::X509Name;

use crate::cert::report::{AltName, CertificateInfo, PublicKeyInfo};
use crate::cert::signature::{self, Verdict};
use crate::cert::{name, oids};
use crate::shared::hex;

const SECONDS_PER_DAY: i64 = 86_400;

/// Describes `cert` (whose DER is `der`, self-signed or not) as of `now` (Unix seconds).
pub(crate) fn describe(cert: &X509Certificate<'_>, der: &[u8], self_signed: bool, now: i64) -> CertificateInfo {
    let not_after = cert.validity().not_after.timestamp();
    CertificateInfo {
        subject: name::display(cert.subject()),
        common_name: common_name(cert),
        subject_alt_names: alt_names(cert),
        issuer: name::display(cert.issuer()),
        serial_number: hex::encode(cert.raw_serial()),
        not_before: iso8601(cert.validity().not_before),
        not_after: iso8601(cert.validity().not_after),
        days_left: (not_after - now).div_euclid(SECONDS_PER_DAY),
        public_key: public_key(cert),
        signature_algorithm: signature::algorithm_name(cert),
        key_usage: key_usage(cert),
        extended_key_usage: extended_key_usage(cert),
        is_ca: cert.is_ca(),
        self_signed,
        sha1: hex::encode(&Sha1::digest(der)),
        sha256: hex::encode(&Sha256::digest(der)),
        ca_issuers_url: ca_issuers_url(cert),
    }
}

/// Subject equals issuer and the certificate's own key verifies it (or the
/// signature cannot be checked, in which case the names decide).
pub(crate) fn is_self_signed(cert: &X509Certificate<'_>) -> bool {
    cert.subject().as_raw() == cert.issuer().as_raw() && signature::verify(cert, cert.public_key()) != Verdict::Invalid
}

pub(crate) fn common_name(cert: &X509Certificate<'_>) -> Option<String> {
    name_common_name(cert.subject())
}

/// The CN of a distinguished name (a subject or an issuer), if it has one.
pub(crate) fn name_common_name(name: &X509Name<'_>) -> Option<String> {
    let attr = name.iter_common_name().next()?;
    // A CN in an exotic string type still shows, as its raw bytes decoded lossily.
    Some(attr.as_str().map(str::to_owned).unwrap_or_else(|_| String::from_utf8_lossy(attr.as_slice()).into_owned()))
}

/// ISO 8601 UTC, e.g. `2026-06-15T00:00:00Z`.
pub(crate) fn iso8601(time: ASN1Time) -> String {
    let t = time.to_datetime();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn alt_names(cert: &X509Certificate<'_>) -> Vec<AltName> {
    let Ok(Some(san)) = cert.subject_alternative_name() else { return Vec::new() };
    san.value
        .general_names
        .iter()
        .map(|name| {
            let (kind, value) = match name {
                GeneralName::DNSName(s) => ("DNS", (*s).to_owned()),
                GeneralName::RFC822Name(s) => ("email", (*s).to_owned()),
                GeneralName::URI(s) => ("URI", (*s).to_owned()),
                GeneralName::IPAddress(bytes) => ("IP", ip(bytes)),
                // Shown in the form openssl uses; x509-parser's Display would
                // pull its OID registry into the page for these rare kinds.
                GeneralName::DirectoryName(dn) => ("other", format!("DirName:{}", name::display(dn))),
                GeneralName::OtherName(oid, _) => ("other", format!("othername:{}", oids::dotted(oid))),
                GeneralName::RegisteredID(oid) => ("other", format!("Registered ID:{}", oids::dotted(oid))),
                GeneralName::X400Address(_) => ("other", "X400Name".into()),
                GeneralName::EDIPartyName(_) => ("other", "EdiPartyName".into()),
                GeneralName::Invalid(..) => ("other", "(unreadable)".into()),
            };
            AltName { kind, value }
        })
        .collect()
}

fn ip(bytes: &[u8]) -> String {
    match bytes.len() {
        4 => Ipv4Addr::from(<[u8; 4]>::try_from(bytes).expect("length 4")).to_string(),
        16 => Ipv6Addr::from(<[u8; 16]>::try_from(bytes).expect("length 16")).to_string(),
        _ => hex::encode(bytes),
    }
}

fn public_key(cert: &X509Certificate<'_>) -> PublicKeyInfo {
    let spki = cert.public_key();
    let algorithm = oids::from_x509(&spki.algorithm.algorithm)
        .map(oids::key_algorithm_name)
        .unwrap_or_else(|| spki.algorithm.algorithm.to_id_string());
    let curve = oids::curve_of(spki).map(oids::curve_name);
    let bits = match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => Some(rsa.key_size() as u32),
        Ok(PublicKey::EC(point)) => Some(point.key_size() as u32),
        Ok(PublicKey::Unknown(_)) if algorithm == "Ed25519" => Some(256),
        _ => None,
    };
    PublicKeyInfo { algorithm, curve, bits }
}

/// RFC 5280 names of the key usage bits, bit 0 first.
const KEY_USAGE_NAMES: [&str; 9] = [
    "digitalSignature",
    "nonRepudiation",
    "keyEncipherment",
    "dataEncipherment",
    "keyAgreement",
    "keyCertSign",
    "cRLSign",
    "encipherOnly",
    "decipherOnly",
];

fn key_usage(cert: &X509Certificate<'_>) -> Vec<String> {
    let Ok(Some(ku)) = cert.key_usage() else { return Vec::new() };
    let flags = ku.value.flags;
    KEY_USAGE_NAMES.iter().enumerate().filter(|(bit, _)| flags >> bit & 1 == 1).map(|(_, n)| (*n).to_owned()).collect()
}

fn extended_key_usage(cert: &X509Certificate<'_>) -> Vec<String> {
    let Ok(Some(eku)) = cert.extended_key_usage() else { return Vec::new() };
    let e = eku.value;
    let named = [
        (e.any, "anyExtendedKeyUsage"),
        (e.server_auth, "serverAuth"),
        (e.client_auth, "clientAuth"),
        (e.code_signing, "codeSigning"),
        (e.email_protection, "emailProtection"),
        (e.time_stamping, "timeStamping"),
        (e.ocsp_signing, "OCSPSigning"),
    ];
    named
        .iter()
        .filter(|(set, _)| *set)
        .map(|(_, name)| (*name).to_owned())
        .chain(e.other.iter().map(|oid| oid.to_id_string()))
        .collect()
}

pub(crate) fn describe_ca_issuers(cert: &X509Certificate<'_>) -> Option<String> {
    ca_issuers_url(cert)
}

/// "EC P-384", "RSA 2048 bits", "Ed25519": a key in words, for messages.
pub(crate) fn describe_key(cert: &X509Certificate<'_>) -> String {
    let key = public_key(cert);
    match (key.curve, key.bits) {
        (Some(curve), _) => format!("{} {curve}", key.algorithm),
        (None, Some(bits)) if key.algorithm == "RSA" => format!("RSA {bits} bits"),
        _ => key.algorithm,
    }
}

fn ca_issuers_url(cert: &X509Certificate<'_>) -> Option<String> {
    cert.extensions().iter().find_map(|ext| match ext.parsed_extension() {
        ParsedExtension::AuthorityInfoAccess(aia) => aia.iter().find_map(|desc| match &desc.access_location {
            GeneralName::URI(uri) if desc.access_method.to_id_string() == "1.3.6.1.5.5.7.48.2" => {
                Some((*uri).to_owned())
            }
            _ => None,
        }),
        _ => None,
    })
}
