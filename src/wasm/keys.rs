//! Keys and certificate requests for JavaScript: `generateKeyAndCsr` for one
//! device; `generateKeyFleet` for a fleet in one call, and `planKeyFleet`
//! for the page, which makes one key at a time to show progress. Plain keys
//! never cross to JavaScript: only requests, encrypted keys and the zip do.

use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use super::args::{bad_argument, check_options, get, list_arg_up_to, optional_string, string_arg, string_arg_up_to};
use super::{set, to_js_error};
use crate::error::{Error, ErrorKind};
use crate::keys::{CsrRequest, KeyAndCsr, KeyEncryption, KeyFleet, KeyFleetDevice, KeyFleetInput};
use crate::shared::caps::{MAX_MANIFEST_BYTES, MAX_SUBJECT_ALT_NAMES};

#[wasm_bindgen(typescript_custom_section)]
const TS_KEYS: &str = r#"
/** What a certificate request asks for, and the passphrase the key is saved under. */
export interface KeyAndCsrOptions {
  /** The name meeting participants see. */
  commonName: string;
  /** "DNS:room-1.example.com", "email:room-1@example.com", "URI:…", in order. */
  subjectAltNames?: string[];
  organization?: string; organizationalUnit?: string; country?: string; state?: string; locality?: string;
  keyUsage?: "digitalSignature"[];
  passphrase: string;
  /** The passphrase typed again: passphrase_mismatch when it differs. */
  confirmPassphrase?: string;
  /** scrypt (N=2^14, r=8, p=1; the default) or PBKDF2-HMAC-SHA256 (600,000 iterations). */
  keyEncryption?: "scrypt" | "pbkdf2";
}
/** A new key and its request. */
export interface KeyAndCsr { csrPem: string; keyPem: string; publicKeySha256: string }
/** A fleet's requests: the device names, and the request with {device} in its names. */
export interface KeyFleetOptions extends KeyAndCsrOptions {
  /** One device name per line, or the fleet manifest (its device column). */
  devices: string;
}
/** One device of a key fleet: its names after the patterns, and its file name in the zip. */
export interface KeyFleetDevice {
  device: string; commonName: string; subjectAltNames: string[]; file: string; publicKeySha256?: string;
}
"#;

const REQUEST_OPTIONS: [&str; 11] = [
    "commonName",
    "subjectAltNames",
    "organization",
    "organizationalUnit",
    "country",
    "state",
    "locality",
    "keyUsage",
    "passphrase",
    "confirmPassphrase",
    "keyEncryption",
];

/// A new P-256 key from the browser's CSPRNG and its PKCS#10 request; the key
/// encrypted (PKCS#8, PBES2) under the passphrase.
#[wasm_bindgen(js_name = generateKeyAndCsr, unchecked_return_type = "KeyAndCsr")]
pub fn generate_key_and_csr(
    #[wasm_bindgen(unchecked_param_type = "KeyAndCsrOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let made = (|| {
        check_options(&options, &REQUEST_OPTIONS, "generateKeyAndCsr")?;
        let request = request_arg(&options)?;
        let (passphrase, confirm, encryption) = passphrase_args(&options)?;
        crate::keys::generate_key_and_csr(&request, &passphrase, confirm.as_deref().map(|c| c.as_str()), encryption)
    })()
    .map_err(to_js_error)?;
    Ok(key_and_csr_to_js(&made))
}

/// Keys and requests for a fleet in one call: `{ devices, zip }`.
#[wasm_bindgen(js_name = generateKeyFleet, unchecked_return_type = "{ devices: KeyFleetDevice[]; zip: Uint8Array }")]
pub fn generate_key_fleet(
    #[wasm_bindgen(unchecked_param_type = "KeyFleetOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut plan = plan_key_fleet(options)?;
    let devices = Array::new();
    for index in 0..plan.fleet.devices().len() {
        let sha256 = plan.generate(index as u32)?;
        let device = device_to_js(&plan.fleet.devices()[index]);
        set(&device, "publicKeySha256", &sha256.into());
        devices.push(&device);
    }
    let result: JsValue = Object::new().into();
    set(&result, "devices", &devices);
    set(&result, "zip", &plan.pack()?.into());
    Ok(result)
}

/// A fleet's requests, all checked, the passphrase derived once: the page
/// makes one key at a time with `generate`, then packs the zip.
#[wasm_bindgen(js_name = KeyFleetPlan)]
pub struct KeyFleetPlan {
    fleet: KeyFleet,
}

/// Checks every device's request and the passphrase; makes no key yet.
#[wasm_bindgen(js_name = planKeyFleet)]
pub fn plan_key_fleet(
    #[wasm_bindgen(unchecked_param_type = "KeyFleetOptions")] options: JsValue,
) -> Result<KeyFleetPlan, JsValue> {
    (|| {
        let mut known = REQUEST_OPTIONS.to_vec();
        known.push("devices");
        check_options(&options, &known, "planKeyFleet")?;
        let devices = string_arg_up_to(&get(&options, "devices")?, "device list", MAX_MANIFEST_BYTES)?;
        let (passphrase, confirm, encryption) = passphrase_args(&options)?;
        let input = KeyFleetInput { devices, request: request_arg(&options)?, passphrase, confirm, encryption };
        crate::keys::plan_key_fleet(&input).map(|fleet| KeyFleetPlan { fleet })
    })()
    .map_err(to_js_error)
}

#[wasm_bindgen(js_class = KeyFleetPlan)]
impl KeyFleetPlan {
    /// The devices with their names filled in, in order.
    #[wasm_bindgen(unchecked_return_type = "KeyFleetDevice[]")]
    pub fn devices(&self) -> Array {
        self.fleet.devices().iter().map(device_to_js).collect()
    }

    /// Makes device `index`'s key and request; returns its `publicKeySha256`.
    pub fn generate(&mut self, index: u32) -> Result<String, JsValue> {
        let made = self.fleet.generate(index as usize).map_err(to_js_error)?;
        Ok(made.public_key_sha256.clone())
    }

    /// The zip (`csr/`, `keys/`, `manifest.csv`, `README.txt`) once every key is made.
    pub fn pack(&self) -> Result<Uint8Array, JsValue> {
        self.fleet.pack().map(|zip| Uint8Array::from(zip.as_slice())).map_err(to_js_error)
    }
}

/// The request's fields; absent ones are empty.
fn request_arg(options: &JsValue) -> Result<CsrRequest, Error> {
    let text = |name: &str| -> Result<String, Error> {
        let value = get(options, name)?;
        if value.is_undefined() || value.is_null() {
            return Ok(String::new());
        }
        string_arg(&value, name)
    };
    Ok(CsrRequest {
        common_name: string_arg(&get(options, "commonName")?, "commonName")?,
        subject_alt_names: strings(
            options,
            "subjectAltNames",
            MAX_SUBJECT_ALT_NAMES,
            ErrorKind::TooManySubjectAltNames,
        )?,
        organization: text("organization")?,
        organizational_unit: text("organizationalUnit")?,
        country: text("country")?,
        state: text("state")?,
        locality: text("locality")?,
        key_usage: strings(options, "keyUsage", 8, ErrorKind::BadKeyUsage)?,
    })
}

/// An optional array of strings of at most `cap` items (more is `kind`).
fn strings(options: &JsValue, name: &str, cap: usize, kind: ErrorKind) -> Result<Vec<String>, Error> {
    let value = get(options, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !super::args::is_array(&value)? {
        return Err(bad_argument(format!("The {name} option must be an array of strings.")));
    }
    list_arg_up_to(&value, cap, kind, name)?.iter().map(|item| string_arg(item, name)).collect()
}

type PassphraseArgs = (Zeroizing<String>, Option<Zeroizing<String>>, KeyEncryption);

fn passphrase_args(options: &JsValue) -> Result<PassphraseArgs, Error> {
    let passphrase = optional_string(&get(options, "passphrase")?, "passphrase")?.unwrap_or_default();
    let confirm = optional_string(&get(options, "confirmPassphrase")?, "confirmPassphrase")?;
    let encryption = get(options, "keyEncryption")?;
    let encryption = match encryption.as_string().as_deref() {
        _ if encryption.is_undefined() => KeyEncryption::Scrypt,
        Some("scrypt") => KeyEncryption::Scrypt,
        Some("pbkdf2") => KeyEncryption::Pbkdf2,
        _ => return Err(bad_argument("The keyEncryption option is \"scrypt\" or \"pbkdf2\".")),
    };
    Ok((passphrase, confirm, encryption))
}

fn key_and_csr_to_js(made: &KeyAndCsr) -> JsValue {
    let object: JsValue = Object::new().into();
    set(&object, "csrPem", &made.csr_pem.as_str().into());
    set(&object, "keyPem", &made.key_pem.as_str().into());
    set(&object, "publicKeySha256", &made.public_key_sha256.as_str().into());
    object
}

fn device_to_js(device: &KeyFleetDevice) -> JsValue {
    let object: JsValue = Object::new().into();
    set(&object, "device", &device.device.as_str().into());
    set(&object, "commonName", &device.common_name.as_str().into());
    let names: Array = device.subject_alt_names.iter().map(|s| JsValue::from_str(s)).collect();
    set(&object, "subjectAltNames", &names);
    set(&object, "file", &device.file.as_str().into());
    object
}
