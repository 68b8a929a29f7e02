//! The SAML checker on the case file of tests/saml/ (metadata of every shape
//! and IdP layout, responses, requests, hostile XML), run through the core:
//! codes and structure, never message text. Natively only: the cases read
//! their files from disk. The JS runner (tests/js/saml-cases.test.mjs) runs
//! the same cases through the wasm package, and tests/page/saml.test.mjs the
//! tab in Chromium. Proves every SAML finding code is reached.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use base64ct::{Base64, Encoding};
use serde_json::Value;
use webex_device_identity::saml::{inspect, Options};

const FOLDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/saml/");

/// A case's input: a file's bytes, or a recipe expanded (as generate.mjs does).
fn input(source: &Value) -> Vec<u8> {
    if let Some(path) = source.as_str() {
        return std::fs::read(format!("{FOLDER}{path}")).unwrap();
    }
    let n = |name: &str| source[name].as_u64().unwrap() as usize;
    let s = |name: &str| source[name].as_str().unwrap();
    let text = match s("generate") {
        "nested" => format!("{}{}", "<a>".repeat(n("depth")), "</a>".repeat(n("depth"))),
        "siblings" => format!("<a>{}</a>", "<b/>".repeat(n("count"))),
        "long_attribute" => format!(
            r#"<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{}"/>"#,
            "a".repeat(n("valueLength"))
        ),
        "certificates" => format!("{}{}{}", s("head"), s("each").repeat(n("count")), s("tail")),
        "deflate_zeros_base64" => {
            let mut deflate = Base64::decode_vec(s("segment")).unwrap().repeat(n("times"));
            deflate.extend([3, 0]); // the final, empty block
            Base64::encode_string(&deflate)
        }
        other => panic!("unknown recipe {other}"),
    };
    assert_eq!(text.len(), n("length"), "{}: length", s("generate"));
    text.into_bytes()
}

#[test]
fn every_case_gives_its_codes_and_structure() {
    let cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{FOLDER}cases.json")).unwrap()).unwrap();
    let mut seen: Vec<String> = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let expect = &case["expect"];
        let bytes = input(&case["file"]);
        // Raw bytes that are not UTF-8 never reach `inspect` (it takes text): the
        // JS API refuses them as broken text; their base64 twin is a case of its own.
        let Ok(text) = String::from_utf8(bytes) else {
            assert_eq!(expect["error"], "xml_malformed", "{name}");
            continue;
        };
        let metadata: Vec<String> =
            case["metadata"].as_array().into_iter().flatten().map(|m| String::from_utf8(input(m)).unwrap()).collect();
        let options = Options { now: common::NOW, metadata: metadata.iter().map(String::as_str).collect() };
        match (inspect(&text, &options), expect["error"].as_str()) {
            (Err(e), Some(code)) => assert_eq!(e.code(), code, "{name}"),
            (Ok(report), None) => {
                let report = serde_json::to_value(&report).unwrap();
                assert_eq!(report["kind"], expect["kind"], "{name}");
                assert_eq!(report["encoding"], expect["encoding"], "{name}");
                let mut codes: Vec<String> = report["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f["code"].as_str().unwrap().to_owned())
                    .collect();
                codes.sort();
                codes.dedup();
                assert_eq!(serde_json::to_value(&codes).unwrap(), expect["codes"], "{name}");
                seen.extend(codes);
                if let Some(n) = expect["certificates"].as_u64() {
                    assert_eq!(report["certificates"].as_array().unwrap().len() as u64, n, "{name}");
                }
                if let Some(n) = expect["entities"].as_u64() {
                    assert_eq!(report["metadata"]["entities"].as_array().unwrap().len() as u64, n, "{name}");
                }
                for field in ["uidPresent", "signatureCertificateInMetadata", "audiences"] {
                    if let Some(value) = expect.get(field) {
                        assert_eq!(&report["message"][field], value, "{name}: {field}");
                    }
                }
            }
            (got, _) => panic!("{name}: expected {expect}, got {:?}", got.map(|r| r.kind)),
        }
    }
    // One code no file reaches: a KeyDescriptor whose certificate is damaged.
    seen.push("certificate_unreadable".into());
    for code in common::SAML_CODES {
        assert!(seen.iter().any(|s| s == code), "no case reaches {code}");
    }
}

#[test]
fn a_damaged_certificate_is_a_finding_not_a_failure() {
    let metadata = r#"<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="e">
      <md:IDPSSODescriptor><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIB!!</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://e/sso"/>
      <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://e/slo"/></md:IDPSSODescriptor></md:EntityDescriptor>"#;
    let report = inspect(metadata, &Options { now: common::NOW, metadata: vec![] }).unwrap();
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code.code()).collect();
    assert_eq!(codes, ["certificate_unreadable", "no_signing_certificate", "metadata_unsigned"]);
    assert!(report.certificates.is_empty());
}
