//! The SAML checker for JavaScript: `inspectSaml(text, { now, metadata })`.

use wasm_bindgen::prelude::*;

use super::args::{list_arg_up_to, now_arg, option, optional_options, string_arg};
use super::{to_js_error, to_js_json};
use crate::error::ErrorKind;
use crate::saml::{inspect, Options};

#[wasm_bindgen(typescript_custom_section)]
const TS_SAML: &str = r#"
/** Options of inspectSaml. */
export interface InspectSamlOptions {
  /** The time to check validity against. Default: now. */
  now?: Date;
  /** Metadata to check a message against: the IdP's (signature certificate, Issuer), an SP's (Audience). */
  metadata?: string | string[];
}
export interface SamlSignature { present: boolean; algorithm: string | null }
export interface SamlEndpoint { binding: string; location: string; index?: string }
export interface SamlCertificate {
  entityId: string | null; role: "idp" | "sp" | null; use: "signing" | "encryption" | null;
  source: "metadata" | "response" | "assertion"; certificate: CertificateInfo;
}
export interface SamlEntity {
  entityId: string; roles: ("idp" | "sp")[]; validUntil: string | null; cacheDuration: string | null;
  singleSignOn: SamlEndpoint[]; singleLogout: SamlEndpoint[]; assertionConsumer: SamlEndpoint[]; nameIdFormats: string[];
}
export interface SamlMessage {
  element: string; id: string | null; issuer: string | null; destination: string | null; inResponseTo: string | null;
  issueInstant: string | null; assertionConsumerServiceUrl: string | null;
  status: { code: string | null; subCode: string | null; message: string | null } | null;
  nameId: string | null; nameIdFormat: string | null;
  conditions: { notBefore: string | null; notOnOrAfter: string | null; secondsToNotBefore: number | null; secondsToNotOnOrAfter: number | null } | null;
  audiences: string[];
  authn: { instant: string | null; sessionIndex: string | null; sessionNotOnOrAfter: string | null }[];
  attributes: { name: string; friendlyName: string | null; values: string[] }[];
  uidPresent: boolean;
  signatures: { message: SamlSignature; assertion: SamlSignature };
  signatureCertificateInMetadata: boolean | null;
}
export interface SamlReport {
  kind: "metadata" | "response" | "request" | "logout";
  encoding: "xml" | "base64" | "deflate" | "url";
  findings: Finding[];
  certificates: SamlCertificate[];
  metadata?: { signature: SamlSignature; validUntil: string | null; entities: SamlEntity[] };
  message?: SamlMessage;
}
"#;

const OPTIONS: [&str; 2] = ["now", "metadata"];

/// The most metadata files one check takes alongside a message (an IdP's and an SP's).
const MAX_METADATA_FILES: usize = 8;

/// Reads SAML metadata or a message (XML, base64, deflated, or the URL that
/// carries it) and checks it. Signatures are reported present, never verified.
#[wasm_bindgen(js_name = inspectSaml, unchecked_return_type = "SamlReport")]
pub fn inspect_saml(
    text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InspectSamlOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    (|| {
        let text = string_arg(&text, "text")?;
        let options = optional_options(&options, &OPTIONS, "inspectSaml")?;
        let now = now_arg(&option(options, "now")?)?;
        let given = option(options, "metadata")?;
        let metadata = if given.is_undefined() {
            Vec::new()
        } else {
            let items = list_arg_up_to(&given, MAX_METADATA_FILES, ErrorKind::BadArgument, "inspectSaml's metadata")?;
            items.iter().map(|m| string_arg(m, "metadata")).collect::<Result<Vec<_>, _>>()?
        };
        let report = inspect(&text, &Options { now, metadata: metadata.iter().map(String::as_str).collect() })?;
        to_js_json(&report)
    })()
    .map_err(to_js_error)
}
