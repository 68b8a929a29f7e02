//! Errors: one stable code for each way an input can be wrong, and a message
//! that tells a person what is wrong and what to do. Messages never echo a
//! secret, a key or the bytes of an input.

use std::fmt;

use crate::finding::Finding;

/// Defines [`ErrorKind`], its `code` and [`ErrorKind::ALL`] from one list, so
/// a new kind is in `ALL` (and so in every test that walks it) by construction.
macro_rules! error_kinds {
    ($($(#[$doc:meta])* $kind:ident => $code:literal,)*) => {
        /// What went wrong. Each kind has a stable snake_case [`code`](ErrorKind::code)
        /// that JavaScript callers and tests match on; messages may change, codes do not.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ErrorKind {
            $($(#[$doc])* $kind,)*
        }

        impl ErrorKind {
            /// Every kind, generated with the enum, for tests that must cover them all.
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$kind,)*];

            /// The stable code that crosses to JavaScript as `error.code`.
            /// This list is the only place codes are spelled.
            pub fn code(self) -> &'static str {
                match self {
                    $(ErrorKind::$kind => $code,)*
                }
            }
        }
    };
}

error_kinds! {
    /// An argument from JavaScript is missing or of the wrong type, or an
    /// options object holds a member this API does not know.
    BadArgument => "bad_argument",
    /// The action is not one of `populate`, `add`, `activate`, `deactivate`.
    BadAction => "bad_action",
    /// The content encryption is not `A128GCM` or `A256GCM`.
    BadEnc => "bad_enc",
    /// The scrypt salt is shorter than the 4 bytes the spec requires.
    SaltTooShort => "salt_too_short",
    /// The AES-GCM IV is not exactly 12 bytes.
    BadIvLength => "bad_iv_length",
    /// The ClientSecret is empty.
    EmptySecret => "empty_secret",
    /// A new ClientSecret is only white space (spaces, tabs, line breaks).
    BlankSecret => "blank_secret",
    /// Text given as a certificate fingerprint is not 40 hex digits.
    BadFingerprint => "bad_fingerprint",
    /// The `add` payload's certificate or key has error findings; the error
    /// carries them (see [`Error::findings`]).
    CertificateRejected => "certificate_rejected",
    /// `sha1Fingerprint` was given no readable certificate.
    NoCertificate => "no_certificate",
    /// A blob handed to `deviceCommand` carries another action in its header.
    ActionMismatch => "action_mismatch",
    /// The blob is not a compact JWE of the shape a device takes: wrong part
    /// count, bad base64url, a non-empty encrypted key, header not JSON.
    MalformedJwe => "malformed_jwe",
    /// The header is well-formed but not one a device takes: other `alg`,
    /// unknown `enc`, `cisco-kdf` version other than "1", missing or extra members.
    UnsupportedHeader => "unsupported_header",
    /// Wrong secret or tampered blob. Deliberately says nothing more.
    DecryptFailed => "decrypt_failed",
    /// The blob opened, but its payload is not UTF-8 text.
    PayloadNotUtf8 => "payload_not_utf8",
    /// An input is over the 1 MiB input limit; refused before any work.
    InputTooLarge => "input_too_large",
    /// The platform's random generator failed; nothing was built.
    RandomUnavailable => "random_unavailable",
    /// `checkBlob` was given text holding more than one blob (or seed
    /// command): `checkBlobs` opens them all.
    SeveralBlobs => "several_blobs",
    /// The text holds more blobs than one check opens; refused before any
    /// key derivation runs.
    TooManyBlobs => "too_many_blobs",
    /// A typed fingerprint and the certificate file given with it name
    /// different certificates.
    FingerprintMismatch => "fingerprint_mismatch",
    /// Fleet: the manifest as a whole cannot be used (no header, no `device`
    /// or `secret` column, a column named twice).
    BadManifest => "bad_manifest",
    /// A fleet manifest holds more data rows than one run provisions
    /// (`MAX_MANIFEST_ROWS` in `shared::caps`); refused while reading.
    TooManyRows => "too_many_rows",
    /// Fleet: more files than one fleet takes, or more bytes in all.
    TooManyFiles => "too_many_files",
    /// A blob did not open back with the key it was sealed under: it is not
    /// handed out. Never expected; a sign of a fault in the page or machine.
    BlobCheckFailed => "blob_check_failed",
    /// Keys and CSRs: the common name is empty, longer than RFC 5280's 64
    /// characters, or holds a control or invisible character.
    BadCommonName => "bad_common_name",
    /// Keys and CSRs: an organization, unit, state or locality is too long
    /// or holds a control or invisible character.
    BadSubjectAttribute => "bad_subject_attribute",
    /// Keys and CSRs: the country is not two letters (ISO 3166).
    BadCountry => "bad_country",
    /// Keys and CSRs: a subject alternative name of an unknown type, or a DNS
    /// name, email address or URI that is not valid, or one listed twice.
    BadSubjectAltName => "bad_subject_alt_name",
    /// Keys and CSRs: more subject alternative names than one request takes.
    TooManySubjectAltNames => "too_many_subject_alt_names",
    /// Keys and CSRs: a key usage other than `digitalSignature`.
    BadKeyUsage => "bad_key_usage",
    /// Keys and CSRs: the passphrase for the key is empty or only white space.
    EmptyPassphrase => "empty_passphrase",
    /// Keys and CSRs: the passphrase and its confirmation differ.
    PassphraseMismatch => "passphrase_mismatch",
    /// More tokens in one text than are inspected at once.
    TooManyTokens => "too_many_tokens",
    /// More keys (JWKS entries included) than are tried at once.
    TooManyKeys => "too_many_keys",
    /// A Redirect-binding message inflates to more than 1 MiB.
    InflatedTooLarge => "inflated_too_large",
    /// XML that is not well-formed, not UTF-8, or refers to an undefined entity.
    XmlMalformed => "xml_malformed",
    /// XML with a DOCTYPE: DTDs (entities, external references) are never read.
    XmlDtdRefused => "xml_dtd_refused",
    /// XML nested deeper than 64 elements.
    XmlTooDeep => "xml_too_deep",
    /// XML with more than 20,000 elements.
    XmlTooManyElements => "xml_too_many_elements",
    /// Text (or XML) that holds no SAML metadata or message.
    NotSaml => "not_saml",
    /// More than 64 certificates in one SAML check.
    TooManyCertificates => "too_many_certificates",
}

/// An error with its kind and a message for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    findings: Vec<Finding>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), findings: Vec::new() }
    }

    pub(crate) fn with_findings(mut self, findings: Vec<Finding>) -> Self {
        self.findings = findings;
        self
    }

    /// For `certificate_rejected`: what the certificate checks found.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// What went wrong, for code to match on.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Shorthand for `self.kind().code()`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// What is wrong and what to do, for people.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.kind.code())
    }
}

impl std::error::Error for Error {}
