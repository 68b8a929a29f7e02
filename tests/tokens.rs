//! The token inspector on the shared case files of tests/tokens/ (RFC 7515,
//! 7516 and 7520 examples, hostile inputs, and one case per remaining code),
//! run through the core: codes and structure, never message text. The JS
//! runner (tests/js/tokens-vectors.test.mjs) checks the same cases in full
//! through the package; this one proves the core natively and in browsers,
//! and that every token finding code is reached. Runs natively and in browsers.

mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde_json::Value;
use webex_device_identity::token::{inspect, KeyInput, Options, Status, Token};

const FILES: [(&str, &str); 3] = [
    ("rfc-vectors.json", include_str!("tokens/rfc-vectors.json")),
    ("hostile.json", include_str!("tokens/hostile.json")),
    ("codes.json", include_str!("tokens/codes.json")),
];

/// A recipe's text (`repeat` `times` times, joined, framed), or the text itself;
/// `None` for the nested-JWE chain, which only the JS runner rebuilds.
fn text(value: &Value) -> Option<String> {
    if let Some(text) = value.as_str() {
        return Some(text.to_owned());
    }
    let repeat = value["repeat"].as_str()?;
    let times = value["times"].as_u64()? as usize;
    let items: Vec<String> = (0..times).map(|i| repeat.replace("{i}", &i.to_string())).collect();
    let field = |name: &str| value[name].as_str().unwrap_or_default().to_owned();
    Some(format!("{}{}{}", field("prefix"), items.join(&field("separator")), field("suffix")))
}

fn keys(value: &Value) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for key in value.as_array()? {
        match key["each"].as_str() {
            Some(each) => out.extend((0..key["times"].as_u64()?).map(|i| each.replace("{i}", &i.to_string()))),
            None => out.push(text(key)?),
        }
    }
    Some(out)
}

fn tree(token: &Token) -> Vec<&Token> {
    std::iter::once(token).chain(token.nested.iter().flat_map(tree)).collect()
}

fn status_name(status: Status) -> String {
    serde_json::to_value(status).unwrap().as_str().unwrap().to_owned()
}

/// Checks one token against a case's expectations (the fields this runner knows).
fn check(token: &Token, expect: &Value, name: &str) {
    let codes: Vec<&str> = tree(token).iter().flat_map(|t| t.findings.iter().map(|f| f.code.code())).collect();
    match &expect["status"] {
        Value::String(status) => assert_eq!(&status_name(token.verification.status), status, "{name}: {codes:?}"),
        Value::Array(any) => assert!(any.contains(&Value::from(status_name(token.verification.status))), "{name}"),
        _ => {}
    }
    if let Some(kind) = expect["kind"].as_str() {
        assert_eq!(serde_json::to_value(token.kind).unwrap(), kind, "{name}");
    }
    for code in expect["findings"].as_array().into_iter().flatten() {
        assert!(codes.contains(&code.as_str().unwrap()), "{name}: {code} not in {codes:?}");
    }
    for code in expect["absent"].as_array().into_iter().flatten() {
        assert!(!codes.contains(&code.as_str().unwrap()), "{name}: {code} in {codes:?}");
    }
    if let Some(claims) = expect.get("claims").filter(|c| !c.is_null()) {
        let ours: Value = serde_json::from_str(&token.claims.as_ref().expect("claims").to_text()).unwrap();
        assert_eq!(&ours, claims, "{name}");
    }
    if let Some(nested) = expect["nested"].as_array() {
        assert_eq!(token.nested.len(), nested.len(), "{name}: nested");
        for (inner, e) in token.nested.iter().zip(nested) {
            check(inner, e, name);
        }
    }
}

/// Runs every case it can; the codes every report held.
fn run_all() -> Vec<String> {
    let mut seen = Vec::new();
    for (file, data) in FILES {
        // The lone surrogates of the broken-Unicode cases (which JS alone can pass, and which
        // throw there) are no Rust string: read them as U+FFFD, and skip those cases below.
        let data = data.replace("\\ud800", "\\ufffd").replace("\\udc00", "\\ufffd");
        let cases: Vec<Value> = serde_json::from_str(&data).expect(file);
        for case in &cases {
            let name = format!("{file}: {}", case["name"]);
            let (Some(text), Some(keys)) = (text(&case["token"]), keys(&case["keys"])) else { continue };
            let inputs: Vec<KeyInput<'_>> = keys.iter().map(|k| KeyInput::Text(k)).collect();
            let options = Options { now: case["now"].as_i64().unwrap(), passphrase: None };
            let expect = &case["expect"];
            let result = inspect(&text, &inputs, &options);
            if let Some(code) = expect["throws"].as_str() {
                // bad_argument (broken Unicode) is the JS boundary's: Rust strings cannot hold it.
                if code != "bad_argument" {
                    assert_eq!(result.expect_err(&name).code(), code, "{name}");
                }
                continue;
            }
            let report = result.unwrap_or_else(|e| panic!("{name}: {}", e.code()));
            seen.extend(report.findings.iter().map(|f| f.code.code().to_owned()));
            let all: Vec<&Token> = report.tokens.iter().flat_map(tree).collect();
            seen.extend(all.iter().flat_map(|t| t.findings.iter().map(|f| f.code.code().to_owned())));
            if let Some(count) = expect["count"].as_u64() {
                assert_eq!(report.tokens.len() as u64, count, "{name}");
            }
            for code in expect["reportFindings"].as_array().into_iter().flatten() {
                assert!(report.findings.iter().any(|f| f.code.code() == code), "{name}: {code}");
            }
            if expect["noneValid"] == true {
                assert!(
                    all.iter().all(|t| !matches!(t.verification.status, Status::Valid | Status::Decrypted)),
                    "{name}"
                );
            }
            for (i, e) in expect["tokens"].as_array().into_iter().flatten().enumerate() {
                check(&report.tokens[i], e, &name);
            }
            if expect.get("status").is_some() || expect.get("findings").is_some() || expect.get("kind").is_some() {
                check(report.tokens.first().unwrap_or_else(|| panic!("{name}: no token")), expect, &name);
            }
        }
    }
    seen
}

#[test]
fn the_case_files_hold_and_reach_every_token_code() {
    let seen = run_all();
    for code in common::TOKEN_CODES {
        assert!(seen.iter().any(|s| s == code), "no case reaches {code}");
    }
}
