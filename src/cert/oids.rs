//! The object identifiers this module reads, and their names for people.

use pkcs8::der::asn1::ObjectIdentifier as Oid;
use pkcs8::der::{Tag, Tagged};
use x509_cert::spki::SubjectPublicKeyInfoRef;

/// id-ecPublicKey.
pub const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
/// rsaEncryption.
pub const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
/// prime256v1 / secp256r1.
pub const P256: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
/// secp384r1.
pub const P384: Oid = Oid::new_unwrap("1.3.132.0.34");
const P521: Oid = Oid::new_unwrap("1.3.132.0.35");
const ED25519: Oid = Oid::new_unwrap("1.3.101.112");
const ED448: Oid = Oid::new_unwrap("1.3.101.113");
const RSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
/// The subjectAltName extension: read by `extensions`, written by `keys::csr`.
pub const SUBJECT_ALT_NAME: Oid = Oid::new_unwrap("2.5.29.17");
/// The keyUsage extension: read by `extensions`, written by `keys::csr`.
pub const KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.15");

/// `P-256` and friends; the dotted OID for curves without a common name.
pub fn curve_name(oid: Oid) -> String {
    match oid {
        P256 => "P-256".into(),
        P384 => "P-384".into(),
        P521 => "P-521".into(),
        other => other.to_string(),
    }
}

/// `EC`, `RSA`, `Ed25519`...; the dotted OID otherwise.
pub fn key_algorithm_name(oid: Oid) -> String {
    match oid {
        EC_PUBLIC_KEY => "EC".into(),
        RSA_ENCRYPTION | RSA_PSS => "RSA".into(),
        ED25519 => "Ed25519".into(),
        ED448 => "Ed448".into(),
        other => other.to_string(),
    }
}

/// The OID whose content bytes are `bytes` in dotted form, or `?` when they are no valid OID.
pub fn dotted(bytes: &[u8]) -> String {
    Oid::from_bytes(bytes).map_or_else(|_| "?".into(), |oid| oid.to_string())
}

/// The named curve in a public key's algorithm parameters, if there is one.
pub fn curve_of(spki: &SubjectPublicKeyInfoRef<'_>) -> Option<Oid> {
    // By the tag's number alone, as x509-parser read it.
    let parameters = spki.algorithm.parameters.as_ref()?;
    (parameters.tag().number() == Tag::ObjectIdentifier.number()).then(|| Oid::from_bytes(parameters.value()).ok())?
}
