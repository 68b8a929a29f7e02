//! Secrets for JavaScript: generating one, and rating one a person typed.

use wasm_bindgen::prelude::*;

use super::args::{bad_argument, string_arg};
use super::{to_js_error, to_js_json};
use crate::secret::SecretKind;

/// A fresh random ClientSecret from the browser's CSPRNG: `"phrase"` (six
/// pronounceable groups, about 76 bits) or `"base64url"` (128 bits).
#[wasm_bindgen(js_name = generateSecret)]
pub fn generate_secret(
    #[wasm_bindgen(unchecked_param_type = "\"phrase\" | \"base64url\"")] kind: JsValue,
) -> Result<String, JsValue> {
    let kind = match kind.as_string().as_deref() {
        Some("phrase") => SecretKind::Phrase,
        Some("base64url") => SecretKind::Base64Url,
        _ => return Err(to_js_error(bad_argument("generateSecret takes \"phrase\" or \"base64url\"."))),
    };
    crate::secret::generate_secret(kind).map_err(to_js_error)
}

/// A rough strength estimate of a typed secret: `{ bits, label, advice }`.
#[wasm_bindgen(js_name = secretStrength, unchecked_return_type = "{ bits: number; label: string; advice: string }")]
pub fn secret_strength(#[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue) -> Result<JsValue, JsValue> {
    let secret = zeroize::Zeroizing::new(string_arg(&secret, "secret").map_err(to_js_error)?);
    to_js_json(&crate::secret::secret_strength(&secret)).map_err(to_js_error)
}
