//! The JavaScript API: thin wrappers that check argument types, call the core
//! and turn every core error into a JS `Error` with a stable `code`. The only
//! module that knows about JavaScript.

// wasm_bindgen's generated glue uses `unsafe`; none is written here.
#![allow(unsafe_code)]

use js_sys::{Array, JsString, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{Error, ErrorKind};
use crate::{Action, BuildRequest, Enc, Secret, MAX_INPUT_BYTES};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
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
/** Options of inspect. */
export interface InspectOptions {
  /** Opens an encrypted key or PKCS#12 file. */
  passphrase?: string;
  /** The time to check validity against. Default: now. */
  now?: Date;
}
export interface Finding { severity: "error" | "warning" | "info"; code: string; message: string }
export interface CertificateInfo {
  subject: string; commonName: string | null;
  subjectAltNames: { type: "DNS" | "email" | "URI" | "IP" | "other"; value: string }[];
  issuer: string; serialNumber: string; notBefore: string; notAfter: string; daysLeft: number;
  publicKey: { algorithm: string; curve: string | null; bits: number | null };
  signatureAlgorithm: string; keyUsage: string[]; extendedKeyUsage: string[];
  isCa: boolean; selfSigned: boolean; sha1: string; sha256: string; caIssuersUrl: string | null;
}
/** What inspect returns. Never holds key material, except addPayload. */
export interface InspectReport {
  certificates: CertificateInfo[];
  privateKey: { algorithm: string; curve: string | null; format: string; wasEncrypted: boolean } | null;
  leafIndex: number | null;
  findings: Finding[];
  addPayload: string | null;
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
/** Every error thrown by this module is an Error with a stable code. */
export interface DeviceIdentityError extends Error { code: string; findings?: Finding[] }
"#;

const BUILD_OPTIONS: [&str; 8] = ["action", "secret", "payload", "enc", "salt", "iv", "allowFindings", "now"];
const INSPECT_OPTIONS: [&str; 2] = ["passphrase", "now"];

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
    crate::build_jwe(&secret, &request)
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
    let opened = crate::open_jwe(&jwe, &secret)?;
    let header = JSON::parse(&opened.header_json).expect("the core validated this JSON");
    let result = Object::new();
    set(&result, "action", &opened.action.name().into());
    set(&result, "enc", &opened.enc.name().into());
    set(&result, "salt", &crate::b64::encode(&opened.salt).into());
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
    (|| crate::device_command(parse_action(&action)?, &string_arg(&jwe, "blob")?))().map_err(to_js_error)
}

/// Returns the first, plain-text populate command that seeds a device with
/// `secret`. It carries the secret in clear: type it at the device console.
#[wasm_bindgen(js_name = initialPopulateCommand)]
pub fn initial_populate_command(
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
) -> Result<String, JsValue> {
    secret_arg(&secret).map(|s| crate::initial_populate_command(&s)).map_err(to_js_error)
}

/// Returns 40 lowercase hex digits from a fingerprint pasted with or without
/// colons, spaces, upper case or openssl's "SHA1 Fingerprint=" prefix.
#[wasm_bindgen(js_name = normalizeFingerprint)]
pub fn normalize_fingerprint(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<String, JsValue> {
    string_arg(&text, "fingerprint").and_then(|t| crate::normalize_fingerprint(&t)).map_err(to_js_error)
}

/// Reads certificates and keys (PEM text, or the bytes of a PEM, DER or
/// PKCS#12 file) and reports on them: certificates, key, findings, and the
/// `add` payload when there are no errors. Throws only for bad arguments.
#[wasm_bindgen(unchecked_return_type = "InspectReport")]
pub fn inspect(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | (string | Uint8Array)[]")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InspectOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    inspect_inner(&input, &options).and_then(|r| to_js_json(&r)).map_err(to_js_error)
}

fn inspect_inner(input: &JsValue, options: &JsValue) -> Result<crate::cert::Report, Error> {
    let (passphrase, now) = inspect_options(options)?;
    let options = crate::cert::InspectOptions { passphrase: passphrase.as_deref().map(|p| p.as_str()), now };
    let items = list_arg(input)?;
    if items.is_empty() {
        return Err(bad_argument("inspect was given an empty list. Give PEM text or a file's bytes."));
    }
    // The sizes add up before anything is copied (UTF-16 units bound UTF-8 bytes from below).
    let mut total = 0usize;
    for item in &items {
        total = total.saturating_add(match item.dyn_ref::<JsString>() {
            Some(text) => text.length() as usize,
            None => uint8_length(item).unwrap_or(0),
        });
    }
    if total > MAX_INPUT_BYTES {
        return Ok(crate::cert::Report::too_large(total));
    }
    // Copies of the inputs (they may hold keys) are wiped when dropped.
    let mut texts: Vec<zeroize::Zeroizing<String>> = Vec::new();
    let mut blobs: Vec<zeroize::Zeroizing<Vec<u8>>> = Vec::new();
    let mut order: Vec<(bool, usize)> = Vec::new();
    for item in &items {
        if item.dyn_ref::<JsString>().is_some() {
            texts.push(zeroize::Zeroizing::new(string_arg(item, "input")?));
            order.push((true, texts.len() - 1));
        } else if let Some(bytes) = copy_uint8(item, "input")? {
            blobs.push(bytes);
            order.push((false, blobs.len() - 1));
        } else {
            return Err(bad_argument(
                "inspect takes a string (PEM text), a Uint8Array (the bytes of a file), or a list of them.",
            ));
        }
    }
    let inputs: Vec<crate::cert::Input<'_>> = order
        .iter()
        .map(
            |&(is_text, i)| {
                if is_text {
                    crate::cert::Input::Text(&texts[i])
                } else {
                    crate::cert::Input::Bytes(&blobs[i])
                }
            },
        )
        .collect();
    Ok(crate::cert::inspect_all(&inputs, &options))
}

fn inspect_options(options: &JsValue) -> Result<(Option<zeroize::Zeroizing<String>>, i64), Error> {
    if options.is_undefined() || options.is_null() {
        return Ok((None, now_arg(&JsValue::UNDEFINED)?));
    }
    check_options(options, &INSPECT_OPTIONS, "inspect")?;
    let passphrase = match get(options, "passphrase")? {
        v if v.is_undefined() || v.is_null() => None,
        v => Some(zeroize::Zeroizing::new(string_arg(&v, "passphrase")?)),
    };
    Ok((passphrase, now_arg(&get(options, "now")?)?))
}

/// The SHA-1 fingerprint of the leaf certificate in `input`, as device
/// commands take it: 40 lowercase hex digits (openssl's, without colons).
#[wasm_bindgen(js_name = sha1Fingerprint)]
pub fn sha1_fingerprint(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InspectOptions | undefined")] options: JsValue,
) -> Result<String, JsValue> {
    inspect_inner(&input, &options).and_then(|report| crate::cert::leaf_sha1(&report)).map_err(to_js_error)
}

/// A fresh random ClientSecret from the browser's CSPRNG: `"phrase"` (six
/// pronounceable groups, about 76 bits) or `"base64url"` (128 bits).
#[wasm_bindgen(js_name = generateSecret)]
pub fn generate_secret(
    #[wasm_bindgen(unchecked_param_type = "\"phrase\" | \"base64url\"")] kind: JsValue,
) -> Result<String, JsValue> {
    let kind = match kind.as_string().as_deref() {
        Some("phrase") => crate::SecretKind::Phrase,
        Some("base64url") => crate::SecretKind::Base64Url,
        _ => return Err(to_js_error(bad_argument("generateSecret takes \"phrase\" or \"base64url\"."))),
    };
    crate::generate_secret(kind).map_err(to_js_error)
}

/// A rough strength estimate of a typed secret: `{ bits, label, advice }`.
#[wasm_bindgen(js_name = secretStrength, unchecked_return_type = "{ bits: number; label: string; advice: string }")]
pub fn secret_strength(#[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue) -> Result<JsValue, JsValue> {
    let secret = zeroize::Zeroizing::new(string_arg(&secret, "secret").map_err(to_js_error)?);
    to_js_json(&crate::secret_strength(&secret)).map_err(to_js_error)
}

/// Runs the key derivation's code once on a small input so that the engine
/// optimises it before the first blob; the worker calls it right after start-up.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    crate::kdf::warm_up();
}

/// Every error code this module can throw, for callers that map codes to help.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "string[]")]
pub fn error_codes() -> Array {
    ErrorKind::ALL.iter().map(|k| JsValue::from_str(k.code())).collect()
}

/// The largest input accepted, in bytes (1 MiB).
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> u32 {
    MAX_INPUT_BYTES as u32
}

// --- argument checks -------------------------------------------------------

fn to_js_error(error: Error) -> JsValue {
    let js = js_sys::Error::new(error.message());
    set(&js, "code", &error.code().into());
    if !error.findings().is_empty() {
        if let Ok(findings) = to_js_json(&error.findings()) {
            set(&js, "findings", &findings);
        }
    }
    js.into()
}

/// Plain data to a plain JS object, through JSON (no extra crate in the wasm).
fn to_js_json<T: serde::Serialize>(value: &T) -> Result<JsValue, Error> {
    let json = zeroize::Zeroizing::new(serde_json::to_string(value).expect("report types always serialize"));
    Ok(JSON::parse(&json).expect("serde_json writes valid JSON"))
}

/// A `now` option: a valid Date, or the current time when absent.
fn now_arg(value: &JsValue) -> Result<i64, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok((js_sys::Date::now() / 1000.0).floor() as i64);
    }
    // Date.prototype.getTime applied by Reflect: a Date subclass or a Proxy
    // cannot substitute its own getTime, and anything else throws, caught here.
    let date_prototype = Reflect::get_prototype_of(&js_sys::Date::new_0()).map_err(|_| thrown("now"))?;
    let get_time = Reflect::get(&date_prototype, &"getTime".into()).map_err(|_| thrown("now"))?;
    let millis = Reflect::apply(get_time.unchecked_ref::<js_sys::Function>(), value, &Array::new())
        .ok()
        .and_then(|m| m.as_f64())
        .ok_or_else(|| bad_argument("The now option must be a Date: the time certificates are checked against."))?;
    if !millis.is_finite() {
        return Err(bad_argument(
            "The now option is an invalid Date. Pass a valid Date, or leave it out for the current time.",
        ));
    }
    Ok((millis / 1000.0).floor() as i64)
}

fn bad_argument(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::BadArgument, message)
}

// --- reading caller-supplied values ------------------------------------------
// Everything below reads JS values the caller made, so it trusts only own
// properties and internal slots, and calls into them only through `Reflect`
// functions that catch: a getter or Proxy trap that throws becomes
// `bad_argument`, never an exception unwinding through wasm frames (that leaks
// the wasm stack and, repeated, breaks the module).

fn thrown(what: &str) -> Error {
    bad_argument(format!("Reading the {what} threw an exception. Pass plain values (strings, Uint8Arrays, objects)."))
}

/// An own property of an options object, or undefined: never one inherited from
/// a prototype (a polluted `Object.prototype.iv` must not fix every IV).
fn get(object: &JsValue, key: &str) -> Result<JsValue, Error> {
    let key_value = JsValue::from_str(key);
    let descriptor =
        Reflect::get_own_property_descriptor(object.unchecked_ref::<Object>(), &key_value).map_err(|_| thrown(key))?;
    if descriptor.is_undefined() {
        return Ok(JsValue::UNDEFINED);
    }
    Reflect::get(object, &key_value).map_err(|_| thrown(key))
}

/// A list argument: an array's elements, or the value itself.
fn list_arg(value: &JsValue) -> Result<Vec<JsValue>, Error> {
    if !is_array(value)? {
        return Ok(vec![value.clone()]);
    }
    let length = get(value, "length")?.as_f64().unwrap_or(0.0);
    if length > 64.0 {
        return Err(bad_argument("inspect takes at most 64 items at once."));
    }
    (0..length as u32).map(|i| Reflect::get_u32(value, i).map_err(|_| thrown("list"))).collect()
}

fn is_array(value: &JsValue) -> Result<bool, Error> {
    // Array.isArray throws on a revoked Proxy: call it through Reflect.
    let array = Reflect::get(&js_sys::global(), &"Array".into()).map_err(|_| thrown("list"))?;
    let is_array = Reflect::get(&array, &"isArray".into()).map_err(|_| thrown("list"))?;
    Reflect::apply(is_array.unchecked_ref::<js_sys::Function>(), &JsValue::UNDEFINED, &Array::of1(value))
        .map(|v| v.is_truthy())
        .map_err(|_| thrown("list"))
}

/// A getter of %TypedArray%.prototype, applied to `value`: reads the internal
/// slot, never calls caller code, and throws (caught) for anything else.
fn typed_array_getter(value: &JsValue, name: &JsValue) -> Option<JsValue> {
    let uint8_prototype = Reflect::get_prototype_of(&Uint8Array::new_with_length(0)).ok()?;
    let typed_array_prototype = Reflect::get_prototype_of(&uint8_prototype).ok()?;
    let descriptor = Reflect::get_own_property_descriptor(&typed_array_prototype, name).ok()?;
    let getter = Reflect::get(&descriptor, &"get".into()).ok()?;
    Reflect::apply(getter.unchecked_ref::<js_sys::Function>(), value, &Array::new()).ok()
}

/// The byte length of a genuine Uint8Array (internal slots), or None.
fn uint8_length(value: &JsValue) -> Option<usize> {
    let tag = typed_array_getter(value, &js_sys::Symbol::to_string_tag().into())?;
    if tag.as_string().as_deref() != Some("Uint8Array") {
        return None;
    }
    typed_array_getter(value, &"byteLength".into())?.as_f64().map(|n| n as usize)
}

/// A copy of a genuine Uint8Array, made by the Uint8Array constructor from the
/// internal slots: an overridden `length` cannot make us read stale memory.
fn copy_uint8(value: &JsValue, name: &str) -> Result<Option<zeroize::Zeroizing<Vec<u8>>>, Error> {
    let Some(length) = uint8_length(value) else { return Ok(None) };
    crate::limits::check_size(name, length)?;
    let constructor = Uint8Array::new_with_length(0).unchecked_into::<Object>().constructor();
    let fresh: Uint8Array =
        Reflect::construct(&constructor, &Array::of1(value)).map_err(|_| thrown(name))?.unchecked_into();
    let mut bytes = zeroize::Zeroizing::new(vec![0u8; length]);
    fresh.copy_to(&mut bytes);
    Ok(Some(bytes))
}

fn set(object: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(object, &key.into(), value).expect("setting a member of a fresh object cannot fail");
}

/// The options must be a plain object with no member this API does not know:
/// a misspelt `sallt` must not silently fall back to a random salt.
fn check_options(options: &JsValue, known: &[&str], function: &str) -> Result<(), Error> {
    if !options.is_object() || is_array(options)? || options.is_function() {
        return Err(bad_argument(format!("The options of {function} must be an object: {{ {} }}.", known.join(", "))));
    }
    for key in Reflect::own_keys(options).map_err(|_| thrown("options"))?.iter() {
        let Some(key) = key.as_string() else { continue }; // symbols name no option
        if !known.contains(&key.as_str()) {
            return Err(bad_argument(format!(
                "{function} has no option \"{key}\". Its options are: {}.",
                known.join(", ")
            )));
        }
    }
    Ok(())
}

fn parse_action(value: &JsValue) -> Result<Action, Error> {
    Action::from_name(&value.as_string().unwrap_or_default())
}

/// A JS string, checked for size before it is copied into wasm memory and
/// for unpaired surrogates, which would silently become U+FFFD.
fn string_arg(value: &JsValue, name: &str) -> Result<String, Error> {
    let Some(text) = value.dyn_ref::<JsString>() else {
        return Err(bad_argument(format!("The {name} must be a string.")));
    };
    // One UTF-16 unit is at least one UTF-8 byte: refuse before copying.
    if text.length() as usize > MAX_INPUT_BYTES {
        crate::limits::check_size(name, text.length() as usize)?;
    }
    if !text.is_valid_utf16() {
        return Err(bad_argument(format!(
            "The {name} contains an unpaired surrogate (broken Unicode). Type or paste it again."
        )));
    }
    Ok(String::from(text))
}

fn secret_arg(value: &JsValue) -> Result<Secret, Error> {
    Secret::from_string(string_arg(value, "secret")?)
}

/// An optional Uint8Array (salt and IV, for known-answer tests).
fn bytes_arg(value: &JsValue, name: &str) -> Result<Option<Vec<u8>>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match copy_uint8(value, name)? {
        Some(bytes) => Ok(Some(bytes.to_vec())),
        None => Err(bad_argument(format!("The {name} must be a Uint8Array."))),
    }
}
