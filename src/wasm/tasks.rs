//! The page's one-device tasks for JavaScript: check a bundle once and build
//! its install commands from it (the private key stays in wasm memory),
//! deactivate, and check a pasted blob.

use wasm_bindgen::prelude::*;

use super::args::{check_options, get, secret_arg, string_arg};
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
/** Arguments of deactivateCommand: the fingerprint, the certificate's files, or both (they must agree). */
export interface DeactivateOptions {
  secret: string;
  fingerprint?: string;
  input?: string | Uint8Array | (string | Uint8Array)[];
  /** Opens an encrypted .p12 given as input. */
  passphrase?: string;
  now?: Date;
}
/** What deactivateCommand returns; commonName and warnings come from a certificate file. */
export interface Deactivation {
  fingerprint: string; command: string; commonName: string | null; warnings: Finding[];
}
/**
 * What checkBlob returns (and checkBlobs, for each blob): payload for populate, activate,
 * deactivate; report for add. plain: the unencrypted first seed command (no enc, no salt;
 * payload is the secret it sets).
 */
export interface CheckedBlob {
  action: Action; enc: Enc | null; salt: string | null; payload: string | null; report: InspectReport | null;
  plain: boolean;
}
/** Arguments of checkBlobs. */
/** secret: optional when the text holds only plain seed commands. */
export interface CheckBlobsOptions { text: string; secret?: string; now?: Date }
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

/// The `deactivate` command, from a fingerprint, the certificate's files, or
/// both (which must agree): `{ fingerprint, command, commonName, warnings }`.
#[wasm_bindgen(js_name = deactivateCommand, unchecked_return_type = "Deactivation")]
pub fn deactivate_command(
    #[wasm_bindgen(unchecked_param_type = "DeactivateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    deactivate_inner(&options).map_err(to_js_error)
}

fn deactivate_inner(options: &JsValue) -> Result<JsValue, Error> {
    check_options(options, &DEACTIVATE_OPTIONS, "deactivateCommand")?;
    let secret = secret_arg(&get(options, "secret")?)?;
    let input = get(options, "input")?;
    let typed = get(options, "fingerprint")?;
    if input.is_undefined() || input.is_null() {
        let fingerprint = string_arg(&typed, "fingerprint")?;
        return to_js_json(&crate::tasks::deactivate(&secret, Target::Fingerprint(&fingerprint))?);
    }
    let typed = if typed.is_undefined() || typed.is_null() { None } else { Some(string_arg(&typed, "fingerprint")?) };
    let cert_options = js_sys::Object::new();
    for name in ["passphrase", "now"] {
        set(&cert_options, name, &get(options, name)?);
    }
    match CertArgs::read(&input, &cert_options.into(), "deactivateCommand")? {
        Ok(args) => args.with(|inputs, inspect| {
            let target = match typed.as_deref() {
                Some(fingerprint) => Target::Both(fingerprint, inputs, inspect),
                None => Target::Certificate(inputs, inspect),
            };
            to_js_json(&crate::tasks::deactivate(&secret, target)?)
        }),
        Err(too_large) => Err(crate::tasks::leaf_sha1(&too_large).expect_err("a too-large report has no leaf")),
    }
}

/// Finds the one blob (or plain seed command) in pasted text (alone, a whole
/// command, with text around it, wrapped over lines), opens it with the
/// secret, and says what it carries. Text holding several: `several_blobs`.
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

const CHECK_BLOBS_OPTIONS: [&str; 3] = ["text", "secret", "now"];

/// Finds every blob (and plain seed command) in pasted text, opens each with
/// the secret, and says what each carries: `{ blobs: [...] }`, in order.
#[wasm_bindgen(js_name = checkBlobs, unchecked_return_type = "{ blobs: CheckedBlob[] }")]
pub fn check_blobs(
    #[wasm_bindgen(unchecked_param_type = "CheckBlobsOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    (|| {
        check_options(&options, &CHECK_BLOBS_OPTIONS, "checkBlobs")?;
        let text = string_arg(&get(&options, "text")?, "text")?;
        // Optional: a plain seed command alone needs no secret.
        let secret = get(&options, "secret")?;
        let secret = match secret.as_string().as_deref() {
            None if secret.is_undefined() || secret.is_null() => None,
            Some("") => None,
            _ => Some(secret_arg(&secret)?),
        };
        let now = super::args::now_arg(&get(&options, "now")?)?;
        let blobs = crate::tasks::check_blobs(&text, secret.as_ref(), now)?;
        let result = js_sys::Object::new();
        set(&result, "blobs", &to_js_json(&blobs)?);
        Ok::<JsValue, Error>(result.into())
    })()
    .map_err(to_js_error)
}
