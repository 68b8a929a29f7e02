//! The page's one-device tasks for JavaScript: check a bundle once and build
//! its install commands from it (the private key stays in wasm memory),
//! deactivate, and check a pasted blob.

use wasm_bindgen::prelude::*;

use super::args::{bad_argument, check_options, get, secret_arg, string_arg};
use super::cert::CertArgs;
use super::{set, to_js_error, to_js_json};
use crate::error::Error;
use crate::tasks::{Bundle, Target};

#[wasm_bindgen(typescript_custom_section)]
const TS_TASKS: &str = r#"
/** What checkBundle returns: the report (never with addPayload) and, when it has no error, the bundle. */
export interface CheckedBundle { report: InspectReport; bundle: InstallBundle | null }
/** What InstallBundle.commands returns. */
export interface InstallCommands { add: string; activate: string; commonName: string | null; fingerprint: string }
/** Arguments of deactivateCommand: the fingerprint, or the certificate's files. */
export interface DeactivateOptions {
  secret: string;
  fingerprint?: string;
  input?: string | Uint8Array | (string | Uint8Array)[];
  /** Opens an encrypted .p12 given as input. */
  passphrase?: string;
  now?: Date;
}
/** What checkBlob returns: payload for populate, activate, deactivate; report for add. */
export interface CheckedBlob {
  action: Action; enc: Enc; salt: string; payload: string | null; report: InspectReport | null;
}
"#;

/// A bundle that passed every check, held in wasm memory: JavaScript never
/// sees its private key. Call `free()` when done with it.
#[wasm_bindgen]
pub struct InstallBundle(Bundle);

#[wasm_bindgen]
impl InstallBundle {
    /// The `add` and `activate` commands under the device's current secret.
    #[wasm_bindgen(unchecked_return_type = "InstallCommands")]
    pub fn commands(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
    ) -> Result<JsValue, JsValue> {
        (|| to_js_json(&self.0.commands(&secret_arg(&secret)?)?))().map_err(to_js_error)
    }

    /// The leaf's SHA-1 fingerprint.
    #[wasm_bindgen(getter)]
    pub fn fingerprint(&self) -> String {
        self.0.fingerprint().to_owned()
    }
}

/// Checks certificate files (as `inspect` takes them) by the device's rules and
/// returns `{ report, bundle }`; `bundle` builds the install commands.
#[wasm_bindgen(js_name = checkBundle, unchecked_return_type = "CheckedBundle")]
pub fn check_bundle(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | (string | Uint8Array)[]")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InspectOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    (|| {
        let checked = match CertArgs::read(&input, &options, "checkBundle")? {
            Ok(args) => args.with(crate::tasks::check_bundle),
            Err(report) => crate::tasks::CheckedBundle { report, bundle: None },
        };
        let result = js_sys::Object::new();
        set(&result, "report", &to_js_json(&checked.report)?);
        set(&result, "bundle", &checked.bundle.map_or(JsValue::NULL, |b| InstallBundle(b).into()));
        Ok::<JsValue, Error>(result.into())
    })()
    .map_err(to_js_error)
}

const DEACTIVATE_OPTIONS: [&str; 5] = ["secret", "fingerprint", "input", "passphrase", "now"];

/// The `deactivate` command, from a fingerprint or the certificate's files:
/// `{ fingerprint, command }`.
#[wasm_bindgen(js_name = deactivateCommand, unchecked_return_type = "{ fingerprint: string; command: string }")]
pub fn deactivate_command(
    #[wasm_bindgen(unchecked_param_type = "DeactivateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    deactivate_inner(&options).map_err(to_js_error)
}

fn deactivate_inner(options: &JsValue) -> Result<JsValue, Error> {
    check_options(options, &DEACTIVATE_OPTIONS, "deactivateCommand")?;
    let secret = secret_arg(&get(options, "secret")?)?;
    let input = get(options, "input")?;
    if input.is_undefined() || input.is_null() {
        let fingerprint = string_arg(&get(options, "fingerprint")?, "fingerprint")?;
        return to_js_json(&crate::tasks::deactivate(&secret, Target::Fingerprint(&fingerprint))?);
    }
    if !get(options, "fingerprint")?.is_undefined() {
        return Err(bad_argument("Give the fingerprint or the certificate's files, not both."));
    }
    let cert_options = js_sys::Object::new();
    for name in ["passphrase", "now"] {
        set(&cert_options, name, &get(options, name)?);
    }
    match CertArgs::read(&input, &cert_options.into(), "deactivateCommand")? {
        Ok(args) => args.with(|inputs, inspect| {
            to_js_json(&crate::tasks::deactivate(&secret, Target::Certificate(inputs, inspect))?)
        }),
        Err(too_large) => Err(crate::tasks::leaf_sha1(&too_large).expect_err("a too-large report has no leaf")),
    }
}

/// Finds the blob in pasted text (alone, a whole command, or with text around
/// it), opens it with the secret, and says what it carries.
#[wasm_bindgen(js_name = checkBlob, unchecked_return_type = "CheckedBlob")]
pub fn check_blob(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
) -> Result<JsValue, JsValue> {
    (|| {
        let text = string_arg(&text, "blob")?;
        let secret = secret_arg(&secret)?;
        let now = super::args::now_arg(&JsValue::UNDEFINED)?;
        to_js_json(&crate::tasks::check_blob(&text, &secret, now)?)
    })()
    .map_err(to_js_error)
}
