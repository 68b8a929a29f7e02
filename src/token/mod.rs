//! The token inspector: finds the JWTs and JWEs in pasted text, decodes
//! them, checks signatures and opens JWEs with the keys the admin gives,
//! all here, so a live refresh token never goes to a web page.
//!
//! | file | does |
//! | --- | --- |
//! | `find` | finds compact tokens in a Bearer line, a URL, a form body, JSON |
//! | `json` | reads JSON in order, refusing duplicate members, with caps |
//! | `keys` | reads each key given in every form it could be |
//! | `jws` | checks signatures: HMAC, RSA, PSS, ECDSA; `alg: none` and confusion |
//! | `jwe` | opens `dir` and RSA-OAEP JWEs, AES-GCM and AES-CBC-HMAC |
//! | `cbc_hmac` | RFC 7518 5.2, proven on its appendix B |
//! | `mac` | HMAC-SHA-2 by hash, checked in constant time, for both |
//! | `claims` | time claims as dates, the summary, JSON held in strings |
//! | `read` | one token, and the tokens inside it |
//! | `verification` | what a check came to, and the key-operation budget |

mod cbc_hmac;
mod claims;
mod find;
mod json;
mod jwe;
mod jws;
mod keys;
mod mac;
mod read;
mod verification;

use serde::Serialize;

use crate::cert::CertificateInfo;
use crate::error::Error;
use crate::finding::{Finding, FindingCode};
use crate::shared::caps::check_size;

pub use claims::{expanded_json, Expanded, Summary, TimeClaim};
pub use json::{Json, Number};
pub use keys::{KeyInfo, KeyInput, Reading};
pub use verification::{Status, UsedKey, Verification};

/// Options of [`inspect`].
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// The time to check `exp` and `nbf` against, Unix seconds.
    pub now: i64,
    /// Opens an encrypted PKCS#8 or PKCS#12 private key given as a key.
    pub passphrase: Option<&'a str>,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A signed token (JWS; a JWT when its payload is claims).
    Jws,
    /// An encrypted token (JWE).
    Jwe,
    /// A Webex device blob (a JWE with `cisco-kdf`): the device tools open it.
    Device,
}

/// One token found, and what was found in it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Token {
    /// JWS, JWE or device blob.
    pub kind: Kind,
    /// Where it was found: "token 1", "token 1 › claim private".
    #[serde(rename = "where")]
    pub location: String,
    /// The protected header; `null` when it is not a JSON object. The JSON
    /// values (here, `claims`, `expanded`) are written by [`Json`] itself
    /// and set on the JS object by the wasm layer, so serde never writes a float.
    #[serde(skip)]
    pub header: Json,
    /// The header as written (decoded), for the raw view.
    pub header_text: String,
    /// The payload (a JWE's plaintext, once opened) when it is a JSON object.
    #[serde(skip)]
    pub claims: Option<Json>,
    /// The payload as text, when it is UTF-8 (and, for a JWE, opened).
    pub payload_text: Option<String>,
    /// String claims that hold JSON, read.
    #[serde(skip)]
    pub expanded: Vec<Expanded>,
    /// `iat`, `nbf`, `exp` against the chosen time.
    pub times: Vec<TimeClaim>,
    /// Header and claim members people look for first.
    pub summary: Summary,
    /// The signature check or the decryption.
    pub verification: Verification,
    /// The header's `x5c` chain, described by the certificate code.
    pub x5c: Option<Vec<CertificateInfo>>,
    /// Tokens inside this one: a JWE's JWT, a claim holding a token.
    pub nested: Vec<Token>,
    /// What the checks found, errors first.
    pub findings: Vec<Finding>,
}

/// What [`inspect`] returns.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Every token found, in the order of the text.
    pub tokens: Vec<Token>,
    /// One per key given, in order: how it was read.
    pub keys: Vec<KeyInfo>,
    /// About the whole: no token found, a key unreadable.
    pub findings: Vec<Finding>,
}

/// Finds every token in `text` and inspects it with `keys`. Refused: text
/// or a key over 1 MiB, more than 64 tokens or 64 keys (JWKS entries count).
pub fn inspect(text: &str, keys: &[KeyInput<'_>], options: &Options<'_>) -> Result<Report, Error> {
    check_size("text", text.len())?;
    let found = find::tokens(text)?;
    let key_set = keys::read(keys, options.passphrase)?;
    let mut context = read::Context::new(&key_set, options.now);
    let mut tokens = Vec::with_capacity(found.len());
    for (i, token) in found.iter().enumerate() {
        tokens.push(context.token(token, format!("token {}", i + 1), 0)?);
    }
    let mut findings = key_set.findings.clone();
    if tokens.is_empty() {
        findings.push(Finding::new(
            FindingCode::NoTokenFound,
            "No JWT or JWE was found. Paste the token itself, an Authorization: Bearer line, \
             or the URL, form body or JSON that carries it.",
        ));
    }
    Ok(Report { tokens, keys: key_set.infos, findings })
}
