//! The report `inspect` returns: plain data, serialized for JavaScript with
//! camelCase names. Never holds key material.

use serde::Serialize;

use crate::cert::refusal;
use crate::finding::{Finding, Passed, Severity};

/// Everything `inspect` learned about an input.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Every distinct certificate in the input, in input order.
    pub certificates: Vec<CertificateInfo>,
    /// The private key, described (never its material).
    pub private_key: Option<KeyInfo>,
    /// Index in `certificates` of the device's certificate.
    pub leaf_index: Option<usize>,
    /// Errors first, then warnings, then info.
    pub findings: Vec<Finding>,
    /// The device profile's checks that ran and passed, in the order they ran.
    pub passed: Vec<Passed>,
    /// The PEM for the `add` blob when there are no errors: leaf, intermediates
    /// in chain order, then the key as PKCS#8 `PRIVATE KEY`.
    pub add_payload: Option<String>,
}

impl Report {
    /// The report of an input that could not be read: one finding, nothing else.
    pub(crate) fn unreadable(finding: Finding) -> Report {
        let mut report = Report::default();
        report.findings.push(finding);
        report
    }

    /// The report of an input over the size limit, made without copying it.
    pub fn too_large(len: usize) -> Report {
        Report::unreadable(refusal::too_large(len))
    }

    /// Moves the `add` payload out (it holds the private key), to be wiped when
    /// the caller drops it; the report keeps only the description.
    pub fn take_add_payload(&mut self) -> Option<zeroize::Zeroizing<String>> {
        self.add_payload.take().map(zeroize::Zeroizing::new)
    }

    /// True when any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// One certificate, described.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateInfo {
    /// The subject as text (RFC 4514 style).
    pub subject: String,
    /// The subject's CN: what meeting participants see.
    pub common_name: Option<String>,
    /// The SANs: what participants see when they inspect the identity.
    pub subject_alt_names: Vec<AltName>,
    /// The issuer as text.
    pub issuer: String,
    /// Serial number, lowercase hex.
    pub serial_number: String,
    /// Start of validity, ISO 8601 UTC.
    pub not_before: String,
    /// End of validity, ISO 8601 UTC.
    pub not_after: String,
    /// Whole days from `now` to `not_after` (negative once expired).
    pub days_left: i64,
    /// The certificate's public key.
    pub public_key: PublicKeyInfo,
    /// The issuer's signature algorithm, e.g. `ecdsa-with-SHA256`.
    pub signature_algorithm: String,
    /// Key usage bits that are set, by name.
    pub key_usage: Vec<String>,
    /// Extended key usages, by name (or dotted OID).
    pub extended_key_usage: Vec<String>,
    /// basicConstraints CA:TRUE.
    pub is_ca: bool,
    /// Subject equals issuer and its own key verifies it.
    pub self_signed: bool,
    /// SHA-1 over the DER: the fingerprint device commands take.
    pub sha1: String,
    /// SHA-256 over the DER.
    pub sha256: String,
    /// The caIssuers URL from Authority Information Access, as text (never fetched).
    pub ca_issuers_url: Option<String>,
}

/// A subject alternative name, typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AltName {
    /// `DNS`, `email`, `URI`, `IP` or `other`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The name as text.
    pub value: String,
}

/// A public key, described.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicKeyInfo {
    /// `EC`, `RSA`, `Ed25519`, `Ed448` or a dotted OID.
    pub algorithm: String,
    /// `P-256`, `P-384`, `P-521` for EC keys.
    pub curve: Option<String>,
    /// Key size in bits.
    pub bits: Option<u32>,
}

/// A private key, described.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyInfo {
    /// `EC`, `RSA`, `Ed25519` or a dotted OID.
    pub algorithm: String,
    /// The curve of an EC key.
    pub curve: Option<String>,
    /// How it came: `PKCS#8`, `SEC1`, `PKCS#1`, `PKCS#12`.
    pub format: String,
    /// It was encrypted with a passphrase.
    pub was_encrypted: bool,
}
