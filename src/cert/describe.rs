//! Describes one certificate for people: names, validity, key, usages and
//! fingerprints, as the report shows them.

use pkcs8::der::asn1::ObjectIdentifier as Oid;
use sha1::Sha1;
use sha2::{Digest, Sha256};
use x509_cert::time::Time;

use crate::cert::certificate::Certificate;
use crate::cert::extensions::{self, GeneralName};
use crate::cert::public_key::{self, PublicKey};
use crate::cert::report::{AltName, CertificateInfo, PublicKeyInfo};
use crate::cert::signature::{self, Verdict};
use crate::cert::{ip, name, oids};
use crate::shared::hex;

const SECONDS_PER_DAY: i64 = 86_400;

/// Describes `cert` (whose DER is `der`, self-signed or not) as of `now` (Unix seconds).
pub(crate) fn describe(cert: &Certificate<'_>, der: &[u8], self_signed: bool, now: i64) -> CertificateInfo {
    CertificateInfo {
        subject: name::display(cert.subject),
        common_name: common_name(cert),
        subject_alt_names: alt_names(cert),
        issuer: name::display(cert.issuer),
        serial_number: hex::encode(cert.serial()),
        not_before: iso8601(cert.not_before()),
        not_after: iso8601(cert.not_after()),
        days_left: (timestamp(cert.not_after()) - now).div_euclid(SECONDS_PER_DAY),
        public_key: public_key(cert),
        signature_algorithm: signature::algorithm_name(cert),
        key_usage: key_usage(cert),
        extended_key_usage: extended_key_usage(cert),
        is_ca: extensions::is_ca(cert),
        self_signed,
        sha1: hex::encode(&Sha1::digest(der)),
        sha256: hex::encode(&Sha256::digest(der)),
        ca_issuers_url: extensions::ca_issuers_url(cert),
    }
}

/// One certificate met on its own (SAML metadata publishes them bare, each
/// trusted by itself, not through a chain), described, with what the
/// SAML checks need that the description only shows as text.
pub(crate) struct Standalone {
    /// The description, as `inspect` reports it.
    pub info: CertificateInfo,
    /// Start and end of validity, Unix seconds.
    pub not_before: i64,
    pub not_after: i64,
    /// Signed with SHA-1 or MD5.
    pub weak_signature: bool,
}

/// Describes one DER certificate as of `now`; `None` when it is no certificate.
pub(crate) fn standalone(der: &[u8], now: i64) -> Option<Standalone> {
    let cert = Certificate::from_der(der)?;
    Some(Standalone {
        info: describe(&cert, der, is_self_signed(&cert), now),
        not_before: timestamp(cert.not_before()),
        not_after: timestamp(cert.not_after()),
        weak_signature: signature::is_weak(&cert),
    })
}

/// Subject equals issuer and the certificate's own key verifies it (or the
/// signature cannot be checked, in which case the names decide).
pub(crate) fn is_self_signed(cert: &Certificate<'_>) -> bool {
    cert.subject_id == cert.issuer_id && signature::verify(cert, cert.public_key()) != Verdict::Invalid
}

pub(crate) fn common_name(cert: &Certificate<'_>) -> Option<String> {
    name::common_name(cert.subject)
}

/// Unix seconds.
pub(crate) fn timestamp(time: Time) -> i64 {
    time.to_unix_duration().as_secs() as i64
}

/// ISO 8601 UTC, e.g. `2026-06-15T00:00:00Z`.
pub(crate) fn iso8601(time: Time) -> String {
    date_time_iso8601(time.to_date_time())
}

/// Unix seconds in ISO 8601 UTC; `None` outside the years 1970 to 9999.
pub(crate) fn iso8601_unix(seconds: i64) -> Option<String> {
    let seconds = u64::try_from(seconds).ok()?;
    let t = pkcs8::der::DateTime::from_unix_duration(std::time::Duration::from_secs(seconds)).ok()?;
    Some(date_time_iso8601(t))
}

fn date_time_iso8601(t: pkcs8::der::DateTime) -> String {
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year(), t.month(), t.day(), t.hour(), t.minutes(), t.seconds())
}

fn alt_names(cert: &Certificate<'_>) -> Vec<AltName> {
    extensions::alt_names(cert)
        .into_iter()
        .map(|name| {
            let (kind, value) = match name {
                GeneralName::Dns(s) => ("DNS", s.to_owned()),
                GeneralName::Email(s) => ("email", s.to_owned()),
                GeneralName::Uri(s) => ("URI", s.to_owned()),
                GeneralName::Ip(bytes) => ("IP", ip::ip(bytes)),
                // The rare kinds, in the form openssl prints them.
                GeneralName::Directory(dn) => ("other", format!("DirName:{}", name::display(dn))),
                GeneralName::Other(oid) => ("other", format!("othername:{}", oids::dotted(oid))),
                GeneralName::Registered(oid) => ("other", format!("Registered ID:{}", oids::dotted(oid))),
                GeneralName::X400 => ("other", "X400Name".into()),
                GeneralName::EdiParty => ("other", "EdiPartyName".into()),
                GeneralName::Invalid => ("other", "(unreadable)".into()),
            };
            AltName { kind, value }
        })
        .collect()
}

fn public_key(cert: &Certificate<'_>) -> PublicKeyInfo {
    let spki = cert.public_key();
    let algorithm = oids::key_algorithm_name(spki.algorithm.oid);
    let curve = oids::curve_of(spki).map(oids::curve_name);
    let bits = match public_key::read(spki) {
        Some(PublicKey::Other) if algorithm == "Ed25519" => Some(256),
        Some(key) => key.bits(),
        None => None,
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

fn key_usage(cert: &Certificate<'_>) -> Vec<String> {
    let Some(flags) = extensions::key_usage(cert) else { return Vec::new() };
    KEY_USAGE_NAMES.iter().enumerate().filter(|(bit, _)| flags >> bit & 1 == 1).map(|(_, n)| (*n).to_owned()).collect()
}

/// The purposes openssl names, in this order, then the others by OID in the order written.
const PURPOSES: [(Oid, &str); 7] = [
    (Oid::new_unwrap("2.5.29.37.0"), "anyExtendedKeyUsage"),
    (Oid::new_unwrap("1.3.6.1.5.5.7.3.1"), "serverAuth"),
    (Oid::new_unwrap("1.3.6.1.5.5.7.3.2"), "clientAuth"),
    (Oid::new_unwrap("1.3.6.1.5.5.7.3.3"), "codeSigning"),
    (Oid::new_unwrap("1.3.6.1.5.5.7.3.4"), "emailProtection"),
    (Oid::new_unwrap("1.3.6.1.5.5.7.3.8"), "timeStamping"),
    (Oid::new_unwrap("1.3.6.1.5.5.7.3.9"), "OCSPSigning"),
];

fn extended_key_usage(cert: &Certificate<'_>) -> Vec<String> {
    let purposes = extensions::extended_key_usage(cert);
    let named = PURPOSES.iter().filter(|(oid, _)| purposes.contains(oid)).map(|(_, name)| (*name).to_owned());
    let others = purposes.iter().filter(|oid| !PURPOSES.iter().any(|(known, _)| known == *oid)).map(Oid::to_string);
    named.chain(others).collect()
}

/// "EC P-384", "RSA 2048 bits", "Ed25519": a key in words, for messages.
pub(crate) fn describe_key(cert: &Certificate<'_>) -> String {
    let key = public_key(cert);
    match (key.curve, key.bits) {
        (Some(curve), _) => format!("{} {curve}", key.algorithm),
        (None, Some(bits)) if key.algorithm == "RSA" => format!("RSA {bits} bits"),
        _ => key.algorithm,
    }
}
