//! The fleet for JavaScript: `buildFleet` in one call (scripts, Node), and the
//! lower-level calls the page's worker pool uses: `planFleet` in every worker
//! (the plan holds the keys and secrets, in wasm memory only), `buildDevice`
//! for one device at a time, `pack` once in the end. `fillFleetSecrets` and
//! `fleetTemplate` serve the manifest.

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use zeroize::Zeroizing;

use super::args::{
    bad_argument, check_options, copy_uint8, date_arg, get, list_arg_up_to, now_arg, optional_string, string_arg,
    string_arg_up_to, uint8_length,
};
use super::{set, to_js_error, to_js_json};
use crate::device::Action;
use crate::error::{Error, ErrorKind};
use crate::fleet::{Blobs, BuildFiles, FileInput, FleetInput, Plan};
use crate::secret::SecretKind;
use crate::shared::caps::{MAX_FLEET_BYTES, MAX_FLEET_FILES, MAX_MANIFEST_BYTES, MAX_MANIFEST_ROWS};

#[wasm_bindgen(typescript_custom_section)]
const TS_FLEET: &str = r#"
/** A fleet's inputs: the manifest (CSV text), every certificate and key file, and the times. */
export interface FleetOptions {
  manifest: string; files: { name: string; bytes: Uint8Array | string }[]; passphrase?: string;
  now?: Date; expiresBefore?: Date;
  /**
   * planFleet only, for a pool's workers: read nothing until buildDevice, then only that device's
   * files (buildFiles: what the full plan's buildFiles() returned).
   */
  buildOnly?: boolean; buildFiles?: ({ files: number[]; leaf: string } | null)[];
}
/** One device as planned: no secret, no key. */
export interface FleetDeviceReport {
  device: string; deviceId?: string; line: number; status: "ready" | "warning" | "error"; findings: Finding[];
  commonName: string | null; subjectAltNames: { type: string; value: string }[]; sha1: string | null;
  sha256: string | null; notAfter: string | null; daysLeft: number | null; issuer: string | null;
  actions: Action[]; folder: string;
  /** Filled by buildFleet; empty in a plan's report and for a device in error. */
  commands: FleetCommand[];
}
/** One command: the blob, the text to paste (what deviceCommand returns), and the cloud xAPI shape. */
export interface FleetCommand {
  action: Action; jwe: string; text: string;
  xapi: { command: string; deviceId?: string; arguments: Record<string, string>; body?: string };
}
/** What FleetPlan.buildDevice returns; FleetPlan.pack takes a list of them. */
export interface BuiltDevice { index: number; device: string; commands: FleetCommand[] }
/** What buildFleet returns. */
export interface FleetResult {
  devices: FleetDeviceReport[]; findings: Finding[]; zip: Uint8Array;
}
"#;

const FLEET_OPTIONS: [&str; 7] = ["manifest", "files", "passphrase", "now", "expiresBefore", "buildOnly", "buildFiles"];
const BUILD_OPTIONS: [&str; 6] = ["manifest", "files", "passphrase", "now", "expiresBefore", "initialPopulate"];

/// Copies of a fleet's inputs (the files may hold keys: wiped when dropped).
struct FleetArgs {
    manifest: Zeroizing<String>,
    names: Vec<String>,
    files: Vec<Zeroizing<Vec<u8>>>,
    passphrase: Option<Zeroizing<String>>,
    now: i64,
    expires_before: Option<i64>,
}

impl FleetArgs {
    fn read(options: &JsValue, known: &[&str], function: &str) -> Result<FleetArgs, Error> {
        check_options(options, known, function)?;
        let manifest = Zeroizing::new(string_arg_up_to(&get(options, "manifest")?, "manifest", MAX_MANIFEST_BYTES)?);
        let list = get(options, "files")?;
        let list = if list.is_undefined() {
            Vec::new()
        } else {
            list_arg_up_to(&list, MAX_FLEET_FILES, ErrorKind::TooManyFiles, function)?
        };
        // Sizes add up before anything is copied into wasm memory (UTF-16
        // units bound UTF-8 bytes from below, as for inspect's lists).
        let mut total = 0usize;
        for item in &list {
            let bytes = if item.is_object() { get(item, "bytes")? } else { JsValue::UNDEFINED };
            total = total.saturating_add(match bytes.dyn_ref::<JsString>() {
                Some(text) => text.length() as usize,
                None => uint8_length(&bytes).unwrap_or(0),
            });
        }
        if total > MAX_FLEET_BYTES {
            return Err(Error::new(
                ErrorKind::TooManyFiles,
                format!("The files hold {total} bytes in all, more than one fleet takes ({} MiB). Split the fleet into several manifests.", MAX_FLEET_BYTES >> 20),
            ));
        }
        let mut names = Vec::with_capacity(list.len());
        let mut files = Vec::with_capacity(list.len());
        for item in &list {
            if !item.is_object() {
                return Err(bad_argument(format!("Each file given to {function} must be {{ name, bytes }}.")));
            }
            names.push(string_arg(&get(item, "name")?, "file name")?);
            let bytes = get(item, "bytes")?;
            let bytes = match copy_uint8(&bytes, "file")? {
                Some(bytes) => bytes,
                None => Zeroizing::new(string_arg(&bytes, "file's bytes")?.into_bytes()),
            };
            files.push(bytes);
        }
        let expires = get(options, "expiresBefore")?;
        Ok(FleetArgs {
            manifest,
            names,
            files,
            passphrase: optional_string(&get(options, "passphrase")?, "passphrase")?,
            now: now_arg(&get(options, "now")?)?,
            expires_before: if expires.is_undefined() || expires.is_null() {
                None
            } else {
                Some(date_arg(&expires, "expiresBefore")?)
            },
        })
    }

    fn with<R>(&self, f: impl FnOnce(&FleetInput<'_>) -> R) -> R {
        let files: Vec<FileInput<'_>> =
            self.names.iter().zip(&self.files).map(|(name, bytes)| FileInput { name, bytes }).collect();
        f(&FleetInput {
            manifest: &self.manifest,
            files: &files,
            passphrase: self.passphrase.as_deref().map(String::as_str).filter(|p| !p.is_empty()),
            now: self.now,
            expires_before: self.expires_before,
        })
    }
}

/// A planned fleet, held in wasm memory: JavaScript never sees its keys or
/// secrets. Call `free()` when done with it.
#[wasm_bindgen]
pub struct FleetPlan(Plan);

#[wasm_bindgen]
impl FleetPlan {
    /// Which files each device's bundle came from (indexes into the files
    /// given) and its leaf's SHA-1: what a `buildOnly` plan takes as
    /// `buildFiles`. No secret, no key.
    #[wasm_bindgen(js_name = buildFiles, unchecked_return_type = "({ files: number[]; leaf: string } | null)[]")]
    pub fn build_files(&self) -> Result<JsValue, JsValue> {
        to_js_json(&self.0.build_files()).map_err(to_js_error)
    }

    /// Every device as planned, and the fleet-level findings.
    #[wasm_bindgen(unchecked_return_type = "{ devices: FleetDeviceReport[]; findings: Finding[] }")]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        to_js_json(self.0.report()).map_err(to_js_error)
    }

    /// Builds device `index`'s commands (each blob its own scrypt, opened back once).
    #[wasm_bindgen(js_name = buildDevice, unchecked_return_type = "BuiltDevice")]
    pub fn build_device(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: JsValue,
    ) -> Result<JsValue, JsValue> {
        (|| {
            // A number only: no coercion of "0", null or 0.5 to a device.
            let index = index
                .as_f64()
                .filter(|i| i.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(i))
                .ok_or_else(|| bad_argument("buildDevice takes a device's index in the plan: a whole number."))?;
            to_js_json(&self.0.build_device(index as usize)?)
        })()
        .map_err(to_js_error)
    }

    /// The zip of what was built: `built` is what `buildDevice` returned, for
    /// every device built (after a cancel, some).
    pub fn pack(
        &self,
        #[wasm_bindgen(unchecked_param_type = "BuiltDevice[]")] built: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ initialPopulate?: boolean } | undefined")] options: JsValue,
    ) -> Result<Uint8Array, JsValue> {
        (|| {
            let initial_populate = if options.is_undefined() {
                false
            } else {
                check_options(&options, &["initialPopulate"], "pack")?;
                get(&options, "initialPopulate")?.is_truthy()
            };
            let built = blobs_arg(&built)?;
            Ok::<_, Error>(Uint8Array::from(self.0.pack(&built, initial_populate)?.as_slice()))
        })()
        .map_err(to_js_error)
    }
}

/// A full plan's `buildFiles()`, handed to a build-only plan: per manifest
/// row, `null` or `{ files: [index, ...], leaf: sha1 }`. Read member by
/// member (no JSON deserializer in the wasm: it would cost the page 7 KB).
fn build_files_arg(value: &JsValue) -> Result<Vec<Option<BuildFiles>>, Error> {
    let bad = || bad_argument("A buildOnly plan takes buildFiles: what the full plan's buildFiles() returned.");
    if !super::args::is_array(value)? {
        return Err(bad());
    }
    let index = |v: JsValue| v.as_f64().filter(|i| i.fract() == 0.0 && *i >= 0.0).map(|i| i as usize).ok_or_else(bad);
    let mut list = Vec::new();
    for item in list_arg_up_to(value, MAX_MANIFEST_ROWS, ErrorKind::BadArgument, "planFleet")? {
        if item.is_null() {
            list.push(None);
            continue;
        }
        if !item.is_object() {
            return Err(bad());
        }
        let files = get(&item, "files")?;
        if !super::args::is_array(&files)? {
            return Err(bad());
        }
        let files = list_arg_up_to(&files, 64, ErrorKind::BadArgument, "planFleet")?.into_iter().map(index);
        let files = files.collect::<Result<Vec<usize>, Error>>()?;
        list.push(Some(BuildFiles { files, leaf: string_arg(&get(&item, "leaf")?, "leaf")? }));
    }
    Ok(list)
}

/// The blobs of each built device, from what `buildDevice` returned.
fn blobs_arg(value: &JsValue) -> Result<Vec<Blobs>, Error> {
    let bad = || bad_argument("pack takes the list of what buildDevice returned.");
    let mut list = Vec::new();
    for device in list_arg_up_to(value, MAX_MANIFEST_ROWS, ErrorKind::BadArgument, "pack")? {
        let index = get(&device, "index")?.as_f64().filter(|i| i.fract() == 0.0 && *i >= 0.0).ok_or_else(bad)?;
        let mut blobs = Vec::new();
        for command in list_arg_up_to(&get(&device, "commands")?, 64, ErrorKind::BadArgument, "pack")? {
            let action = Action::from_name(&string_arg(&get(&command, "action")?, "action")?)?;
            blobs.push((action, string_arg(&get(&command, "jwe")?, "blob")?));
        }
        list.push(Blobs { index: index as usize, blobs });
    }
    Ok(list)
}

/// Plans a fleet: reads the manifest and files, pairs certificates with keys
/// by public key, checks every device and the fleet. Throws only when the
/// manifest as a whole cannot be used or the files are over the caps. With
/// `buildOnly: true` and a full plan's `buildFiles` (each worker of a pool),
/// nothing is read until `buildDevice`, which reads and checks that device.
#[wasm_bindgen(js_name = planFleet)]
pub fn plan_fleet(
    #[wasm_bindgen(unchecked_param_type = "FleetOptions")] options: JsValue,
) -> Result<FleetPlan, JsValue> {
    (|| {
        let args = FleetArgs::read(&options, &FLEET_OPTIONS, "planFleet")?;
        let plan = match get(&options, "buildOnly")?.is_truthy() {
            true => {
                let build_files = build_files_arg(&get(&options, "buildFiles")?)?;
                args.with(|input| crate::fleet::plan_fleet_for_build(input, build_files))
            }
            false => args.with(crate::fleet::plan_fleet),
        };
        plan.map(FleetPlan)
    })()
    .map_err(to_js_error)
}

/// Plans, builds every device not in error (one after another) and packs
/// the zip, in one call: `{ devices, findings, zip }`.
#[wasm_bindgen(js_name = buildFleet, unchecked_return_type = "FleetResult")]
pub fn build_fleet(
    #[wasm_bindgen(unchecked_param_type = "FleetOptions & { initialPopulate?: boolean }")] options: JsValue,
) -> Result<JsValue, JsValue> {
    (|| {
        let args = FleetArgs::read(&options, &BUILD_OPTIONS, "buildFleet")?;
        let initial_populate = get(&options, "initialPopulate")?.is_truthy();
        let result = args.with(|input| crate::fleet::build_fleet(input, initial_populate))?;
        let js = to_js_json(&result)?;
        set(&js, "zip", &Uint8Array::from(result.zip.as_slice()));
        Ok::<_, Error>(js)
    })()
    .map_err(to_js_error)
}

/// Fills the empty `secret` cells of a manifest with generated secrets:
/// `{ manifest, filled }` (the completed CSV, and the devices filled).
#[wasm_bindgen(js_name = fillFleetSecrets, unchecked_return_type = "{ manifest: string; filled: string[] }")]
pub fn fill_fleet_secrets(
    #[wasm_bindgen(unchecked_param_type = "{ manifest: string; kind?: \"phrase\" | \"base64url\" }")] options: JsValue,
) -> Result<JsValue, JsValue> {
    (|| {
        check_options(&options, &["manifest", "kind"], "fillFleetSecrets")?;
        let manifest = Zeroizing::new(string_arg_up_to(&get(&options, "manifest")?, "manifest", MAX_MANIFEST_BYTES)?);
        let kind = get(&options, "kind")?;
        let kind = match kind.as_string().as_deref() {
            None if kind.is_undefined() => SecretKind::Phrase,
            Some("phrase") => SecretKind::Phrase,
            Some("base64url") => SecretKind::Base64Url,
            _ => return Err(bad_argument("The kind must be \"phrase\" or \"base64url\".")),
        };
        to_js_json(&crate::fleet::fill_secrets(&manifest, kind)?)
    })()
    .map_err(to_js_error)
}

/// The manifest template (CSV): the header and one example row.
#[wasm_bindgen(js_name = fleetTemplate)]
pub fn fleet_template() -> String {
    crate::fleet::TEMPLATE.to_owned()
}
