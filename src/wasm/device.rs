//! The device protocol for JavaScript: build and open blobs, the command
//! text, fingerprints, and the key derivation's warm-up.

use js_sys::{Object, JSON};
use wasm_bindgen::prelude::*;

use super::args::{bad_argument, bytes_arg, check_options, get, now_arg, parse_action, secret_arg, string_arg};
use super::{set, to_js_error};
use crate::device::{blob::open_jwe as open, Enc};
use crate::error::Error;
use crate::shared::base64url;
use crate::tasks::BuildRequest;

#[wasm_bindgen(typescript_custom_section)]
const TS_DEVICE: &str = r#"
/** The four device actions. */
export type Action = "populate" | "add" | "activate" | "deactivate";
/** Content encryptions a device takes. */
export type Enc = "A128GCM" | "A256GCM";
/** Arguments of buildJwe. */
export interface BuildJweOptions {
  action: Action;
  /** The device's current ClientSecret. */
  secret: string;
  /** New secret (populate), PEM bundle (add) or SHA-1 fingerprint (activate, deactivate). */
  payload: string;
  /** Default "A256GCM". */
  enc?: Enc;
  /** For known-answer tests only: fixed salt, at least 4 bytes. Default: 16 random bytes. */
  salt?: Uint8Array;
  /** For known-answer tests only: fixed IV, exactly 12 bytes. Default: 12 random bytes. */
  iv?: Uint8Array;
  /** For tests only: skip the add payload's certificate checks. */
  allowFindings?: boolean;
  /** The time certificates are checked against. Default: now. */
  now?: Date;
}
/** What openJwe returns. */
export interface OpenedJwe {
  action: Action;
  enc: Enc;
  /** The scrypt salt, base64url. */
  salt: string;
  /** The protected header, parsed. */
  header: { alg: "dir"; "cisco-action": Action; "cisco-kdf": { salt: string; version: "1" }; enc: Enc };
  payload: string;
}
"#;

const BUILD_OPTIONS: [&str; 8] = ["action", "secret", "payload", "enc", "salt", "iv", "allowFindings", "now"];

/// Builds the compact JWE (the "blob") a device takes for one action.
/// Throws an Error with a `code` for any bad input; see the README.
#[wasm_bindgen(js_name = buildJwe)]
pub fn build_jwe(
    #[wasm_bindgen(unchecked_param_type = "BuildJweOptions")] options: JsValue,
) -> Result<String, JsValue> {
    build_jwe_inner(&options).map_err(to_js_error)
}

fn build_jwe_inner(options: &JsValue) -> Result<String, Error> {
    check_options(options, &BUILD_OPTIONS, "buildJwe")?;
    let action = parse_action(&get(options, "action")?)?;
    let enc = match get(options, "enc")? {
        v if v.is_undefined() || v.is_null() => Enc::A256Gcm,
        v => Enc::parse(&v.as_string().ok_or_else(|| Enc::parse("").unwrap_err())?)?,
    };
    let secret = secret_arg(&get(options, "secret")?)?;
    let payload = zeroize::Zeroizing::new(string_arg(&get(options, "payload")?, "payload")?);
    let salt = bytes_arg(&get(options, "salt")?, "salt")?;
    let iv = bytes_arg(&get(options, "iv")?, "iv")?;
    let allow_findings = match get(options, "allowFindings")? {
        v if v.is_undefined() || v.is_null() => false,
        v => v.as_bool().ok_or_else(|| bad_argument("allowFindings must be true or false."))?,
    };
    let now = now_arg(&get(options, "now")?)?;
    let request =
        BuildRequest { action, enc, payload: &payload, salt: salt.as_deref(), iv: iv.as_deref(), allow_findings, now };
    crate::tasks::build_jwe(&secret, &request)
}

/// Opens a blob with the secret: full validation and tag check, then returns
/// `{ action, enc, salt, header, payload }`. Never returns partial plaintext.
#[wasm_bindgen(js_name = openJwe, unchecked_return_type = "OpenedJwe")]
pub fn open_jwe(
    #[wasm_bindgen(unchecked_param_type = "string")] jwe: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
) -> Result<JsValue, JsValue> {
    open_jwe_inner(&jwe, &secret).map_err(to_js_error)
}

fn open_jwe_inner(jwe: &JsValue, secret: &JsValue) -> Result<JsValue, Error> {
    let jwe = string_arg(jwe, "blob")?;
    let secret = secret_arg(secret)?;
    let opened = open(&jwe, &secret)?;
    let header = JSON::parse(&opened.header_json).expect("the core validated this JSON");
    let result = Object::new();
    set(&result, "action", &opened.action.name().into());
    set(&result, "enc", &opened.enc.name().into());
    set(&result, "salt", &base64url::encode(&opened.salt).into());
    set(&result, "header", &header);
    set(&result, "payload", &JsValue::from_str(&opened.payload));
    Ok(result.into())
}

/// Returns the exact device command text that carries `jwe` for `action`
/// (three lines for add, the last holding only "."; no trailing newline).
/// The blob's header must carry the same action.
#[wasm_bindgen(js_name = deviceCommand)]
pub fn device_command(
    #[wasm_bindgen(unchecked_param_type = "Action")] action: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] jwe: JsValue,
) -> Result<String, JsValue> {
    (|| crate::device::device_command(parse_action(&action)?, &string_arg(&jwe, "blob")?))().map_err(to_js_error)
}

/// Returns the first, plain-text populate command that seeds a device with
/// `secret`. It carries the secret in clear: type it at the device console.
#[wasm_bindgen(js_name = initialPopulateCommand)]
pub fn initial_populate_command(
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
) -> Result<String, JsValue> {
    secret_arg(&secret).and_then(|s| crate::device::initial_populate_command(&s)).map_err(to_js_error)
}

/// Returns 40 lowercase hex digits from a fingerprint pasted with or without
/// colons, spaces, upper case or openssl's "SHA1 Fingerprint=" prefix.
#[wasm_bindgen(js_name = normalizeFingerprint)]
pub fn normalize_fingerprint(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<String, JsValue> {
    string_arg(&text, "fingerprint").and_then(|t| crate::device::normalize_fingerprint(&t)).map_err(to_js_error)
}

/// Runs the key derivation's code once on a small input so that the engine
/// optimises it before the first blob; the worker calls it right after start-up.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    crate::device::kdf::warm_up();
}
