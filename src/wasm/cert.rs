//! Certificates for JavaScript: the report on certificates and keys, and the
//! leaf's fingerprint.

use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use super::args::{inputs_arg, names_arg, now_arg, option, optional_options, optional_string, OwnedInput};
use super::{to_js_error, to_js_json};
use crate::cert::{Input, InspectOptions, Report};
use crate::error::Error;

#[wasm_bindgen(typescript_custom_section)]
const TS_CERT: &str = r#"
/** Options of inspect. */
export interface InspectOptions {
  /** Opens an encrypted key or PKCS#12 file. */
  passphrase?: string;
  /** The time to check validity against. Default: now. */
  now?: Date;
  /** What messages call each item (file names, "the pasted text"): one per item. Default: "item 2". */
  names?: string[];
}
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
  /** The device profile's checks that ran and passed. */
  passed: Passed[];
  addPayload: string | null;
}
/** A check that ran and passed: leaf_p256, chain_verified, key_matches, valid, key_usage, root_left_out. */
export interface Passed { code: string; message: string }
"#;

const INSPECT_OPTIONS: [&str; 3] = ["passphrase", "now", "names"];

/// Certificate input and its options as read from JavaScript, owned (and
/// wiped when dropped), ready to lend to the core.
pub(crate) struct CertArgs {
    items: Vec<OwnedInput>,
    passphrase: Option<Zeroizing<String>>,
    now: i64,
    names: Option<Vec<String>>,
}

impl CertArgs {
    /// Reads `input` and `{ passphrase, now, names }` for `function`. `Ok(Err(report))`
    /// when the input is over the size limit: that is a finding, not a throw.
    pub(crate) fn read(input: &JsValue, options: &JsValue, function: &str) -> Result<Result<CertArgs, Report>, Error> {
        let options = optional_options(options, &INSPECT_OPTIONS, function)?;
        let passphrase = optional_string(&option(options, "passphrase")?, "passphrase")?;
        let now = now_arg(&option(options, "now")?)?;
        let (count, items) = inputs_arg(input, function)?;
        let names = names_arg(&option(options, "names")?, count)?;
        Ok(match items {
            Ok(items) => Ok(CertArgs { items, passphrase, now, names }),
            Err(total) => Err(Report::too_large(total)),
        })
    }

    /// Lends the inputs and options to `f`.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&[Input<'_>], &InspectOptions<'_>) -> T) -> T {
        let inputs: Vec<Input<'_>> = self.items.iter().map(OwnedInput::as_input).collect();
        let labels: Option<Vec<&str>> = self.names.as_ref().map(|names| names.iter().map(String::as_str).collect());
        let passphrase = self.passphrase.as_deref().map(String::as_str);
        f(&inputs, &InspectOptions { labels: labels.as_deref(), ..InspectOptions::new(passphrase, self.now) })
    }
}

/// Reads certificates and keys (PEM text, or the bytes of a PEM, DER or
/// PKCS#12 file) and reports on them: certificates, key, findings, and the
/// `add` payload when there are no errors. Throws only for bad arguments.
#[wasm_bindgen(unchecked_return_type = "InspectReport")]
pub fn inspect(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | (string | Uint8Array)[]")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InspectOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    report(&input, &options, "inspect").and_then(|r| to_js_json(&r)).map_err(to_js_error)
}

fn report(input: &JsValue, options: &JsValue, function: &str) -> Result<Report, Error> {
    Ok(match CertArgs::read(input, options, function)? {
        Ok(args) => args.with(crate::cert::inspect_all),
        Err(too_large) => too_large,
    })
}

/// The SHA-1 fingerprint of the leaf certificate in `input`, as device
/// commands take it: 40 lowercase hex digits (openssl's, without colons).
#[wasm_bindgen(js_name = sha1Fingerprint)]
pub fn sha1_fingerprint(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InspectOptions | undefined")] options: JsValue,
) -> Result<String, JsValue> {
    report(&input, &options, "sha1Fingerprint").and_then(|r| crate::tasks::leaf_sha1(&r)).map_err(to_js_error)
}
