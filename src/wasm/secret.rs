//! Secrets for JavaScript: generating one, and rating one a person typed.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

use super::args::{bad_argument, string_arg};
use super::{set, to_js_error};
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

#[wasm_bindgen(typescript_custom_section)]
const TS_STRENGTH: &str = r#"
/** A secret's strength against offline guessing; warnings carry stable codes. */
export interface Strength {
  bits: number; guessesLog10: number; label: "empty" | "weak" | "fair" | "good" | "strong";
  advice: string; crackTime: string; crackSeconds: number; warnings: { code: string; message: string }[];
}
"#;

/// A strength estimate of a typed secret against offline guessing (see
/// `secret::secret_strength`): bits, guessesLog10, label, advice, crackTime,
/// crackSeconds and warnings (each a `code` and a `message`).
#[wasm_bindgen(js_name = secretStrength, unchecked_return_type = "Strength")]
pub fn secret_strength(#[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue) -> Result<JsValue, JsValue> {
    let secret = zeroize::Zeroizing::new(string_arg(&secret, "secret").map_err(to_js_error)?);
    Ok(strength_to_js(&crate::secret::secret_strength(&secret)))
}

/// Built member by member rather than through JSON: serde_json's float
/// formatting would add several kilobytes of wasm for two numbers.
fn strength_to_js(strength: &crate::secret::Strength) -> JsValue {
    let object: JsValue = Object::new().into();
    set(&object, "bits", &strength.bits.into());
    set(&object, "guessesLog10", &strength.guesses_log10.into());
    set(&object, "label", &strength.label.into());
    set(&object, "advice", &strength.advice.into());
    set(&object, "crackTime", &strength.crack_time.as_str().into());
    set(&object, "crackSeconds", &strength.crack_seconds.into());
    let warnings = Array::new();
    for warning in &strength.warnings {
        let item: JsValue = Object::new().into();
        set(&item, "code", &warning.code.into());
        set(&item, "message", &warning.message.into());
        warnings.push(&item);
    }
    set(&object, "warnings", &warnings.into());
    object
}
