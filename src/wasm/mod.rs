//! The JavaScript API: thin wrappers, one file per domain, that read
//! arguments (`args`), call the core, and turn every core error into a JS
//! `Error` with a stable `code`. The only module that knows about JavaScript.

// wasm_bindgen's generated glue uses `unsafe`; none is written here.
#![allow(unsafe_code)]

mod args;
mod cert;
mod device;
mod fleet;
mod keys;
mod saml;
mod secret;
mod tasks;
mod token;

use js_sys::{Reflect, JSON};
use wasm_bindgen::prelude::*;

use crate::error::{Error, ErrorKind};
use crate::shared::caps::MAX_INPUT_BYTES;

#[wasm_bindgen(typescript_custom_section)]
const TS_ERRORS: &str = r#"
export interface Finding { severity: "error" | "warning" | "info"; code: string; message: string; inputIndex?: number }
/** Every error thrown by this module is an Error with a stable code. */
export interface DeviceIdentityError extends Error { code: string; findings?: Finding[] }
"#;

/// Runs once when the module is instantiated: a panic then reports its
/// message on the console instead of a bare "unreachable" trap.
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Every error code this module can throw, for callers that map codes to help.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "string[]")]
pub fn error_codes() -> js_sys::Array {
    ErrorKind::ALL.iter().map(|k| JsValue::from_str(k.code())).collect()
}

/// The largest input accepted, in bytes (1 MiB).
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> u32 {
    MAX_INPUT_BYTES as u32
}

/// A core error as a JS `Error` with `code` (and `findings`, when it has them).
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

fn set(object: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(object, &key.into(), value).expect("setting a member of a fresh object cannot fail");
}
