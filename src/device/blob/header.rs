//! The protected header: exactly
//! `{"alg":"dir","cisco-action":A,"cisco-kdf":{"salt":S,"version":"1"},"enc":E}`,
//! written compactly with keys sorted at every level, as jwcrypto writes it
//! (spec, "The JWE"). Reading accepts any member order and spacing, but not
//! missing, extra or duplicate members.

use serde::{Deserialize, Serialize};

use crate::device::kdf::check_salt;
use crate::device::Action;
use crate::device::Enc;
use crate::error::{Error, ErrorKind};
use crate::shared::base64url;
use crate::shared::quote::quote;

/// The one `alg` a device takes: the derived key is the content key.
pub const ALG_DIR: &str = "dir";
/// The one `cisco-kdf` version there is.
pub const KDF_VERSION: &str = "1";

/// A validated protected header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// `cisco-action`.
    pub action: Action,
    /// `enc`.
    pub enc: Enc,
    /// `cisco-kdf.salt`, decoded.
    pub salt: Vec<u8>,
}

// Field order is lexicographic so serde writes the canonical order, and
// `deny_unknown_fields` plus serde's duplicate-field check keep the set exact.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderJson {
    alg: String,
    #[serde(rename = "cisco-action")]
    cisco_action: String,
    #[serde(rename = "cisco-kdf")]
    cisco_kdf: KdfJson,
    enc: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KdfJson {
    salt: String,
    version: String,
}

impl Header {
    /// The canonical JSON text of this header.
    pub fn to_json(&self) -> String {
        let json = HeaderJson {
            alg: ALG_DIR.to_owned(),
            cisco_action: self.action.name().to_owned(),
            cisco_kdf: KdfJson { salt: base64url::encode(&self.salt), version: KDF_VERSION.to_owned() },
            enc: self.enc.name().to_owned(),
        };
        serde_json::to_string(&json).expect("a struct of strings always serializes")
    }

    /// Parses and validates header JSON.
    pub fn from_json(bytes: &[u8]) -> Result<Header, Error> {
        // First: is it a JSON object at all? (A JOSE header must be one.)
        match serde_json::from_slice::<serde_json::Value>(bytes) {
            Ok(serde_json::Value::Object(_)) => {}
            _ => return Err(malformed("Its header is not a JSON object.")),
        }
        // Then the exact member set: missing, unknown, duplicated or mistyped
        // members are valid JSON, but not a header a device takes.
        // serde names members in backticks, which the page would print as is, and
        // an unknown member's name comes from the input: quoted, bounded.
        let json: HeaderJson = serde_json::from_slice(bytes).map_err(|e| {
            let why = quote(&e.to_string().replace('`', "\""));
            unsupported(&format!("its members are not the ones a device takes ({why})"))
        })?;
        if json.alg != ALG_DIR {
            return Err(unsupported("its alg is not \"dir\""));
        }
        let enc = Enc::from_name(&json.enc).ok_or_else(|| unsupported("its enc is not A128GCM or A256GCM"))?;
        if json.cisco_kdf.version != KDF_VERSION {
            return Err(unsupported("its cisco-kdf version is not \"1\""));
        }
        let action = Action::from_name(&json.cisco_action)
            .map_err(|_| unsupported("its cisco-action is not populate, add, activate or deactivate"))?;
        let salt = base64url::decode(&json.cisco_kdf.salt)
            .ok_or_else(|| malformed("Its cisco-kdf salt is not base64url without padding."))?;
        check_salt(&salt)?;
        Ok(Header { action, enc, salt })
    }
}

pub(crate) fn malformed(what: &str) -> Error {
    Error::new(
        ErrorKind::MalformedJwe,
        format!("This is not a device blob (compact JWE). {what} Copy the whole blob again, from the first character to the last."),
    )
}

fn unsupported(what: &str) -> Error {
    Error::new(
        ErrorKind::UnsupportedHeader,
        format!("The blob's header is not one a Webex device takes: {what}. Build the blob again with this tool."),
    )
}
