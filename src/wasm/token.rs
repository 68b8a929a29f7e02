//! The token inspector for JavaScript: `inspectToken(text, { keys, now, passphrase })`.

use js_sys::{JsString, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use zeroize::Zeroizing;

use super::args::{
    bad_argument, copy_uint8, get, list_arg_up_to, now_arg, option, optional_options, optional_string, string_arg,
};
use super::{set, to_js_error, to_js_json};
use crate::error::{Error, ErrorKind};
use crate::shared::caps::MAX_TOKEN_KEYS;
use crate::token::{expanded_json, Json, KeyInput, Options, Token};

#[wasm_bindgen(typescript_custom_section)]
const TS_TOKEN: &str = r#"
/** Options of inspectToken. */
export interface InspectTokenOptions {
  /** Keys to check with: secrets, PEM (certificate, public or private key), JWK or JWKS JSON, hex or base64. */
  keys?: (string | Uint8Array)[];
  /** The time to check exp and nbf against. Default: now. */
  now?: Date;
  /** Opens an encrypted PKCS#8 or PKCS#12 private key among the keys. */
  passphrase?: string;
}
export interface TokenKeyInfo { index: number; form: "text" | "hex" | "base64" | "bytes" | "jwk" | "jwks" | "pem" | "der"; description: string; kids: string[] }
export interface TokenVerification {
  status: "valid" | "invalid" | "not_checked" | "unsupported" | "decrypted" | "failed";
  algorithm: string | null;
  key: { index: number | null; reading: "text" | "base64" | "hex" | "bytes" | "jwk" | "pem" | "der" | "x5c"; kid: string | null } | null;
}
export interface Token {
  kind: "jws" | "jwe" | "device";
  where: string;
  header: any; headerText: string; claims: any | null; payloadText: string | null;
  expanded: { claim: string; value: any }[];
  times: { claim: "iat" | "nbf" | "exp"; seconds: number; date: string | null; relative: string }[];
  summary: { alg: string | null; enc: string | null; kid: string | null; typ: string | null; cty: string | null; iss: string | null; sub: string | null; aud: string | null };
  verification: TokenVerification;
  x5c: CertificateInfo[] | null;
  nested: Token[];
  findings: Finding[];
}
export interface TokenReport { tokens: Token[]; keys: TokenKeyInfo[]; findings: Finding[] }
"#;

const OPTIONS: [&str; 3] = ["keys", "now", "passphrase"];

/// A key as copied from JavaScript, wiped when dropped.
enum OwnedKey {
    Text(Zeroizing<String>),
    Bytes(Zeroizing<Vec<u8>>),
}

/// Finds the JWTs and JWEs in `text` (a token, a Bearer line, a URL, a form
/// body, JSON) and decodes, verifies and opens each with the keys given.
/// Throws only for bad arguments and over-cap inputs.
#[wasm_bindgen(js_name = inspectToken, unchecked_return_type = "TokenReport")]
pub fn inspect_token(
    text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InspectTokenOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    (|| {
        let text = Zeroizing::new(string_arg(&text, "text")?);
        let options = optional_options(&options, &OPTIONS, "inspectToken")?;
        let keys = keys_arg(&option(options, "keys")?)?;
        let now = now_arg(&option(options, "now")?)?;
        let passphrase = optional_string(&option(options, "passphrase")?, "passphrase")?;
        let inputs: Vec<KeyInput<'_>> = keys
            .iter()
            .map(|key| match key {
                OwnedKey::Text(text) => KeyInput::Text(text),
                OwnedKey::Bytes(bytes) => KeyInput::Bytes(bytes),
            })
            .collect();
        let passphrase = passphrase.as_deref().map(|p| p.as_str());
        let report = crate::token::inspect(&text, &inputs, &Options { now, passphrase })?;
        let js = to_js_json(&report)?;
        set_json_values(&get(&js, "tokens")?, &report.tokens)?;
        Ok(js)
    })()
    .map_err(to_js_error)
}

/// Sets each token's `header`, `claims` and `expanded`, which serde skips
/// (see `Token::header`), from the JSON the core writes.
fn set_json_values(js_tokens: &JsValue, tokens: &[Token]) -> Result<(), Error> {
    let parse = |json: &Json| JSON::parse(&json.to_text()).expect("Json writes valid JSON");
    for (i, token) in tokens.iter().enumerate() {
        let js = js_sys::Reflect::get_u32(js_tokens, i as u32).expect("our own array");
        set(&js, "header", &parse(&token.header));
        set(&js, "claims", &token.claims.as_ref().map_or(JsValue::NULL, parse));
        set(&js, "expanded", &parse(&expanded_json(&token.expanded)));
        set_json_values(&get(&js, "nested")?, &token.nested)?;
    }
    Ok(())
}

fn keys_arg(value: &JsValue) -> Result<Vec<OwnedKey>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !super::args::is_array(value)? {
        return Err(bad_argument("The keys option must be an array of strings or Uint8Arrays."));
    }
    let items = list_arg_up_to(value, MAX_TOKEN_KEYS, ErrorKind::TooManyKeys, "inspectToken's keys option")?;
    items
        .iter()
        .map(|item| {
            if item.dyn_ref::<JsString>().is_some() {
                Ok(OwnedKey::Text(Zeroizing::new(string_arg(item, "key")?)))
            } else if let Some(bytes) = copy_uint8(item, "key")? {
                Ok(OwnedKey::Bytes(bytes))
            } else {
                Err(bad_argument("Each key must be a string (a secret, PEM, JWK) or a Uint8Array (a file's bytes)."))
            }
        })
        .collect()
}
