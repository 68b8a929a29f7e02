//! Findings: what a check found, with a stable code, a severity and a message
//! that says what to do. Checks collect findings instead of stopping at the
//! first problem, so an admin sees everything that is wrong at once.

use serde::Serialize;

/// How bad a finding is. Any `Error` means the bundle is not installed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A device would refuse it, or it would not work as an identity.
    Error,
    /// Works, but the admin should know.
    Warning,
    /// For information.
    Info,
}

/// Every check's stable code. Tests assert these, never message text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingCode {
    /// The input holds no certificate.
    NoCertificate,
    /// The input holds no private key.
    NoPrivateKey,
    /// The input holds more than one private key.
    MultiplePrivateKeys,
    /// The leaf's key is not ECDSA P-256.
    LeafNotP256,
    /// The private key belongs to no certificate in the input.
    KeyMismatch,
    /// The leaf is self-signed.
    SelfSigned,
    /// A certificate's validity ended.
    Expired,
    /// A certificate's validity has not begun.
    NotYetValid,
    /// A certificate expires within 30 days.
    ExpiresSoon,
    /// A certificate is signed with SHA-1 or MD5.
    WeakSignature,
    /// An issuer in the input does not verify the certificate below it.
    BadChainSignature,
    /// A signature uses an algorithm this tool cannot check.
    SignatureNotChecked,
    /// The chain's issuer is not in the input.
    ChainIncomplete,
    /// The leaf's key usage lacks digitalSignature.
    MissingDigitalSignatureUsage,
    /// The leaf is a CA certificate.
    CaCertificateAsLeaf,
    /// The leaf's subject has no CN.
    NoCommonName,
    /// The passphrase does not open the encrypted key or PKCS#12.
    WrongPassphrase,
    /// The key or PKCS#12 is encrypted and no passphrase was given.
    EncryptedNeedsPassphrase,
    /// The input is not a format this tool reads, or is damaged.
    UnsupportedFormat,
    /// The input is over the size limit.
    InputTooLarge,
}

impl FindingCode {
    /// Every code, for tests that must cover them all.
    pub const ALL: [FindingCode; 20] = [
        FindingCode::NoCertificate,
        FindingCode::NoPrivateKey,
        FindingCode::MultiplePrivateKeys,
        FindingCode::LeafNotP256,
        FindingCode::KeyMismatch,
        FindingCode::SelfSigned,
        FindingCode::Expired,
        FindingCode::NotYetValid,
        FindingCode::ExpiresSoon,
        FindingCode::WeakSignature,
        FindingCode::BadChainSignature,
        FindingCode::SignatureNotChecked,
        FindingCode::ChainIncomplete,
        FindingCode::MissingDigitalSignatureUsage,
        FindingCode::CaCertificateAsLeaf,
        FindingCode::NoCommonName,
        FindingCode::WrongPassphrase,
        FindingCode::EncryptedNeedsPassphrase,
        FindingCode::UnsupportedFormat,
        FindingCode::InputTooLarge,
    ];

    /// The stable snake_case code and the severity, in one table.
    fn row(self) -> (&'static str, Severity) {
        use FindingCode::*;
        use Severity::*;
        match self {
            NoCertificate => ("no_certificate", Error),
            NoPrivateKey => ("no_private_key", Error),
            MultiplePrivateKeys => ("multiple_private_keys", Error),
            LeafNotP256 => ("leaf_not_p256", Error),
            KeyMismatch => ("key_mismatch", Error),
            SelfSigned => ("self_signed", Error),
            Expired => ("expired", Error),
            NotYetValid => ("not_yet_valid", Error),
            ExpiresSoon => ("expires_soon", Warning),
            WeakSignature => ("weak_signature", Warning),
            BadChainSignature => ("bad_chain_signature", Error),
            SignatureNotChecked => ("signature_not_checked", Warning),
            ChainIncomplete => ("chain_incomplete", Info),
            MissingDigitalSignatureUsage => ("missing_digital_signature_usage", Warning),
            CaCertificateAsLeaf => ("ca_certificate_as_leaf", Error),
            NoCommonName => ("no_common_name", Warning),
            WrongPassphrase => ("wrong_passphrase", Error),
            EncryptedNeedsPassphrase => ("encrypted_needs_passphrase", Error),
            UnsupportedFormat => ("unsupported_format", Error),
            InputTooLarge => ("input_too_large", Error),
        }
    }

    /// The stable code.
    pub fn code(self) -> &'static str {
        self.row().0
    }

    /// How bad it is.
    pub fn severity(self) -> Severity {
        self.row().1
    }
}

/// One thing a check found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// The stable code.
    #[serde(serialize_with = "serialize_code")]
    pub code: FindingCode,
    /// What is wrong and what to do.
    pub message: String,
}

impl Finding {
    /// A finding with the code's severity.
    pub fn new(code: FindingCode, message: impl Into<String>) -> Self {
        Finding { severity: code.severity(), code, message: message.into() }
    }
}

fn serialize_code<S: serde::Serializer>(code: &FindingCode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.code())
}
