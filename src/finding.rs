//! Findings: what a check found, with a stable code, a severity and a message
//! that says what to do. Checks collect findings instead of stopping at the
//! first problem, so an admin sees everything that is wrong at once. Every
//! workflow's codes are listed here, as every error code is in `error.rs`.

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

/// Defines [`FindingCode`], its code and severity, and [`FindingCode::ALL`]
/// from one table, so a new code is in `ALL` by construction.
macro_rules! finding_codes {
    ($($(#[$doc:meta])* $kind:ident => ($code:literal, $severity:ident),)*) => {
        /// Every check's stable code. Tests assert these, never message text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum FindingCode {
            $($(#[$doc])* $kind,)*
        }

        impl FindingCode {
            /// Every code, generated with the enum, for tests that must cover them all.
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$kind,)*];

            /// The stable snake_case code and the severity, in one table.
            fn row(self) -> (&'static str, Severity) {
                match self {
                    $(FindingCode::$kind => ($code, Severity::$severity),)*
                }
            }
        }
    };
}

finding_codes! {
    /// The input holds no certificate.
    NoCertificate => ("no_certificate", Error),
    /// The input holds no private key.
    NoPrivateKey => ("no_private_key", Error),
    /// The input holds more than one private key.
    MultiplePrivateKeys => ("multiple_private_keys", Error),
    /// The leaf's key is not ECDSA P-256.
    LeafNotP256 => ("leaf_not_p256", Error),
    /// The private key belongs to no certificate in the input.
    KeyMismatch => ("key_mismatch", Error),
    /// The leaf is self-signed.
    SelfSigned => ("self_signed", Error),
    /// A certificate's validity ended.
    Expired => ("expired", Error),
    /// A certificate's validity has not begun.
    NotYetValid => ("not_yet_valid", Error),
    /// A certificate expires within 30 days.
    ExpiresSoon => ("expires_soon", Warning),
    /// A certificate is signed with SHA-1 or MD5.
    WeakSignature => ("weak_signature", Warning),
    /// An issuer in the input does not verify the certificate below it.
    BadChainSignature => ("bad_chain_signature", Error),
    /// A signature uses an algorithm this tool cannot check.
    SignatureNotChecked => ("signature_not_checked", Warning),
    /// The leaf's issuer (an intermediate) is not in the input.
    ChainIncomplete => ("chain_incomplete", Info),
    /// A CA certificate's issuer (the root, or a higher intermediate) is not
    /// in the input: normal, devices carry the well-known roots.
    RootNotGiven => ("root_not_given", Info),
    /// The leaf's key usage lacks digitalSignature.
    MissingDigitalSignatureUsage => ("missing_digital_signature_usage", Warning),
    /// The leaf is a CA certificate.
    CaCertificateAsLeaf => ("ca_certificate_as_leaf", Error),
    /// The leaf's subject has no CN.
    NoCommonName => ("no_common_name", Warning),
    /// The passphrase does not open the encrypted key or PKCS#12.
    WrongPassphrase => ("wrong_passphrase", Error),
    /// The key or PKCS#12 is encrypted and no passphrase was given.
    EncryptedNeedsPassphrase => ("encrypted_needs_passphrase", Error),
    /// The input is not a format this tool reads, or is damaged.
    UnsupportedFormat => ("unsupported_format", Error),
    /// The input is over the size limit.
    InputTooLarge => ("input_too_large", Error),
    /// A checked `add` blob's payload is not a PEM certificate and key: the
    /// blob was built by another tool, or is damaged.
    AddPayloadNotPem => ("add_payload_not_pem", Error),
    /// Deactivate: the certificate read from the file is a CA certificate, not
    /// a device's (an intermediate's file chosen by mistake?).
    NotADeviceCertificate => ("not_a_device_certificate", Warning),
    /// Fleet: one certificate goes to several devices (Cisco recommends one per device).
    DuplicateCertificate => ("duplicate_certificate", Warning),
    /// Fleet: one private key goes to several devices.
    DuplicateKey => ("duplicate_key", Warning),
    /// Fleet: several devices' certificates carry one CN, so meeting
    /// participants cannot tell them apart.
    DuplicateCommonName => ("duplicate_common_name", Warning),
    /// Fleet: several devices share one current (or new) secret.
    DuplicateSecret => ("duplicate_secret", Warning),
    /// Fleet: a file whose certificates and key go to no device.
    UnusedFile => ("unused_file", Info),
    /// Fleet: a device's certificate expires before the date the admin chose.
    ExpiresBefore => ("expires_before", Warning),
    /// Fleet: no certificate among the files goes to this device.
    NoCertificateForDevice => ("no_certificate_for_device", Error),
    /// Fleet: the manifest row cannot be read or lacks what a build needs.
    BadManifestRow => ("bad_manifest_row", Error),
    /// Fleet: several manifest rows name this device.
    DuplicateDevice => ("duplicate_device", Error),
    /// Fleet: the manifest names a file that is not among the files given.
    MissingFile => ("missing_file", Error),
    /// Fleet: building the device's blobs failed (its worker stopped twice,
    /// or a blob did not open back); nothing was handed out for it.
    BuildFailed => ("build_failed", Error),
    /// Token: its signature does not verify with the key that fits it.
    SignatureInvalid => ("signature_invalid", Error),
    /// Token: `alg` is `none`: nothing vouches for it.
    AlgNone => ("alg_none", Error),
    /// Token: the HMAC key that verified is shorter than the hash.
    WeakHmacKey => ("weak_hmac_key", Warning),
    /// Token: the keys given are of the wrong type for its `alg`.
    KeyTypeMismatch => ("key_type_mismatch", Warning),
    /// Token: no given key carries its `kid`.
    KidNotFound => ("kid_not_found", Warning),
    /// Token: a JWE that the key given does not open, or that was altered.
    DecryptFailed => ("decrypt_failed", Error),
    /// Token: a JWE and no key to open it.
    NotDecrypted => ("not_decrypted", Warning),
    /// Token: not a well-formed JWS or JWE.
    MalformedToken => ("malformed_token", Error),
    /// Token: an HMAC token that verifies with a public key's text as its
    /// secret, the forgery of algorithm confusion.
    AlgorithmConfusion => ("algorithm_confusion", Error),
    /// Token: an algorithm this tool does not check (ES512, EdDSA, A128KW...).
    UnsupportedAlgorithm => ("unsupported_algorithm", Warning),
    /// Token: `crit` names extensions a reader must understand (none are, here).
    CritUnsupported => ("crit_unsupported", Error),
    /// Token: a JSON member written twice, which readers take differently.
    DuplicateMember => ("duplicate_member", Error),
    /// Token: tokens nested deeper than are opened.
    NestingTooDeep => ("nesting_too_deep", Error),
    /// Token: its `x5c` chain does not hold together.
    X5cChainInvalid => ("x5c_chain_invalid", Error),
    /// Token: verified with its own `x5c` certificate; trusting that chain's root is the admin's call.
    X5cRootUnverified => ("x5c_root_unverified", Info),
    /// Token: `jku` or `x5u` names a key on the network, never fetched here.
    RemoteKeyNotFetched => ("remote_key_not_fetched", Info),
    /// Token: a Webex device blob, opened by the device tools.
    DeviceBlob => ("device_blob", Info),
    /// Tokens: a key given has no form this tool can use.
    KeyUnreadable => ("key_unreadable", Warning),
    /// Tokens: the text holds no JWS or JWE.
    NoTokenFound => ("no_token_found", Warning),
    /// SAML: a certificate's validity ended; Webex refuses what it signs.
    CertificateExpired => ("certificate_expired", Error),
    /// SAML: a certificate's validity has not begun.
    CertificateNotYetValid => ("certificate_not_yet_valid", Error),
    /// SAML: a certificate expires within 60 days, when Control Hub starts warning.
    CertificateExpiresSoon => ("certificate_expires_soon", Warning),
    /// SAML: the IdP's only signing certificate expires within 60 days and no
    /// second one is published to roll over to.
    NoRolloverCertificate => ("no_rollover_certificate", Warning),
    /// SAML: an RSA key under 2048 bits.
    WeakKey => ("weak_key", Error),
    /// SAML: a certificate, or a metadata or message signature, uses SHA-1.
    Sha1Signature => ("sha1_signature", Warning),
    /// SAML: an endpoint (or a message's Destination) over plain `http:`.
    InsecureEndpoint => ("insecure_endpoint", Error),
    /// SAML: the IdP publishes no SingleLogoutService (Webex recommends one).
    NoSingleLogout => ("no_single_logout", Warning),
    /// SAML: the IdP lists NameID formats and none is one Webex accepts.
    NameidFormatUnsupported => ("nameid_format_unsupported", Error),
    /// SAML: the metadata's `validUntil` has passed.
    MetadataExpired => ("metadata_expired", Error),
    /// SAML: an entityID holds whitespace, so it matches nothing.
    EntityIdWhitespace => ("entity_id_whitespace", Error),
    /// SAML: the metadata carries no signature (common; worth knowing).
    MetadataUnsigned => ("metadata_unsigned", Info),
    /// SAML: a signature is present; this tool does not verify XML signatures.
    SignatureNotVerified => ("signature_not_verified", Info),
    /// SAML: an IdP publishes no signing certificate.
    NoSigningCertificate => ("no_signing_certificate", Error),
    /// SAML: an IdP offers single sign-on over neither HTTP-POST nor HTTP-Redirect.
    NoSsoService => ("no_sso_service", Error),
    /// SAML: the metadata describes no IdP (Webex's own SP metadata, say).
    NotAnIdp => ("not_an_idp", Info),
    /// SAML: a certificate in the XML cannot be read.
    CertificateUnreadable => ("certificate_unreadable", Error),
    /// SAML: the assertion's `NotOnOrAfter` has passed.
    ConditionsExpired => ("conditions_expired", Error),
    /// SAML: the assertion's `NotBefore` is still ahead.
    ConditionsNotYetValid => ("conditions_not_yet_valid", Error),
    /// SAML: the status is not Success.
    StatusNotSuccess => ("status_not_success", Error),
    /// SAML: the assertion carries no `uid` attribute, which Webex needs.
    MissingUid => ("missing_uid", Error),
    /// SAML: the assertion is encrypted; its contents are not shown.
    AssertionEncrypted => ("assertion_encrypted", Info),
    /// SAML: a response whose response and assertion both carry no signature.
    MessageUnsigned => ("message_unsigned", Error),
    /// SAML: the signature's certificate is none of the metadata's.
    SignatureCertificateNotInMetadata => ("signature_certificate_not_in_metadata", Error),
    /// SAML: the response's Issuer is not the metadata's IdP.
    IssuerMismatch => ("issuer_mismatch", Warning),
    /// SAML: no Audience is the metadata's SP.
    AudienceMismatch => ("audience_mismatch", Error),
}

impl FindingCode {
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
    /// Which item of a list the finding comes from (0 for the first), when a
    /// call read several: the item that could not be read, that holds the
    /// certificate the finding is about, or the second key.
    #[serde(rename = "inputIndex", skip_serializing_if = "Option::is_none")]
    pub input_index: Option<usize>,
    /// Every item the finding involves, in input order, when it involves more
    /// than one (two private keys; a certificate and its issuer).
    #[serde(rename = "inputIndexes", skip_serializing_if = "Vec::is_empty")]
    pub input_indexes: Vec<usize>,
    /// Fleet: the devices (manifest names) the finding is about.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<String>,
    /// Fleet: the files (by name) the finding is about.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
}

/// Sorts findings errors first, then warnings, then info, keeping the
/// order within each (one function, so the page carries one copy of the sort).
pub(crate) fn sort_by_severity(findings: &mut [Finding]) {
    findings.sort_by_key(|f| f.severity);
}

impl Finding {
    /// A finding with the code's severity.
    pub fn new(code: FindingCode, message: impl Into<String>) -> Self {
        Finding {
            severity: code.severity(),
            code,
            message: message.into(),
            input_index: None,
            input_indexes: Vec::new(),
            devices: Vec::new(),
            files: Vec::new(),
        }
    }
}

/// Defines [`PassedCode`] and [`PassedCode::ALL`] from one list.
macro_rules! passed_codes {
    ($($(#[$doc:meta])* $kind:ident => $code:literal,)*) => {
        /// A check of the device profile that ran and passed. Stable codes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum PassedCode {
            $($(#[$doc])* $kind,)*
        }

        impl PassedCode {
            /// Every code, generated with the enum.
            pub const ALL: &'static [PassedCode] = &[$(PassedCode::$kind,)*];

            /// The stable snake_case code.
            pub fn code(self) -> &'static str {
                match self {
                    $(PassedCode::$kind => $code,)*
                }
            }
        }
    };
}

passed_codes! {
    /// The leaf's key is ECDSA P-256.
    LeafP256 => "leaf_p256",
    /// The leaf has issuers in the input and every signature up the chain verifies.
    ChainVerified => "chain_verified",
    /// The private key belongs to the leaf.
    KeyMatches => "key_matches",
    /// Every certificate given is valid now (the message says until when the leaf is).
    Valid => "valid",
    /// The leaf's key usage includes digitalSignature.
    KeyUsage => "key_usage",
    /// A self-signed root was given and is left out of the `add` payload.
    RootLeftOut => "root_left_out",
}

/// A check that ran and passed, for the report's list of what was checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Passed {
    /// The stable code.
    #[serde(serialize_with = "serialize_passed_code")]
    pub code: PassedCode,
    /// What was checked, for people.
    pub message: String,
}

impl Passed {
    pub(crate) fn new(code: PassedCode, message: impl Into<String>) -> Self {
        Passed { code, message: message.into() }
    }
}

fn serialize_passed_code<S: serde::Serializer>(code: &PassedCode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.code())
}

fn serialize_code<S: serde::Serializer>(code: &FindingCode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.code())
}
