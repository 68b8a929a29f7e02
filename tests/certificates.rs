//! Every certificate fixture (tests/fixtures/certs/cases.json, made by
//! scripts/make-cert-fixtures with openssl) gives exactly its expected finding
//! codes; fingerprints equal openssl's; every clean add payload round-trips
//! through build and open and inspects clean again. Natively and in browsers.

mod common;
#[path = "fixtures/certs/index.rs"]
mod fixtures;

use fixtures::file;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde::Deserialize;
use webex_device_identity::cert::{inspect, inspect_all, Input, InspectOptions, Report};
use webex_device_identity::{
    device::blob::open_jwe, device::Action, secret::Secret, tasks::build_jwe, tasks::BuildRequest, ErrorKind,
};
use webex_device_identity::{FindingCode, PassedCode, Severity};

#[derive(Deserialize)]
struct Case {
    name: String,
    input: Option<String>,
    passphrase: Option<String>,
    now: String,
    expect: Vec<String>,
    leaf_sha1: Option<String>,
    leaf_cn: Option<String>,
    generate: Option<Generate>,
}

#[derive(Deserialize)]
struct Generate {
    repeat_file: String,
    to_bytes: usize,
}

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("fixtures/certs/cases.json")).unwrap()
}

fn input_bytes(case: &Case) -> Vec<u8> {
    match (&case.input, &case.generate) {
        (Some(path), _) => file(path).to_vec(),
        (None, Some(g)) => file(&g.repeat_file).iter().copied().cycle().take(g.to_bytes).collect(),
        (None, None) => panic!("{}: no input", case.name),
    }
}

fn now(case: &Case) -> i64 {
    assert_eq!(case.now, "2026-06-01T00:00:00Z", "the fixtures share one reference time");
    common::NOW
}

fn codes(report: &Report) -> Vec<String> {
    let mut codes: Vec<String> = report.findings.iter().map(|f| f.code.code().to_owned()).collect();
    codes.sort();
    codes.dedup();
    codes
}

/// Checks one case; returns what is wrong, if anything.
fn check(case: &Case, report: &Report) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut expect = case.expect.clone();
    expect.sort();
    if codes(report) != expect {
        wrong.push(format!("codes {:?}, expected {:?}", codes(report), expect));
    }
    let severities: Vec<Severity> = report.findings.iter().map(|f| f.severity).collect();
    if !severities.windows(2).all(|w| w[0] <= w[1]) {
        wrong.push("findings are not ordered errors, warnings, info".into());
    }
    let leaf = report.leaf_index.map(|i| &report.certificates[i]);
    if let Some(sha1) = &case.leaf_sha1 {
        if leaf.map(|l| &l.sha1) != Some(sha1) {
            wrong.push(format!("leaf sha1 {:?}, openssl says {sha1}", leaf.map(|l| &l.sha1)));
        }
    }
    if let Some(cn) = &case.leaf_cn {
        if leaf.and_then(|l| l.common_name.as_ref()) != Some(cn) {
            wrong.push(format!("leaf CN {:?}, expected {cn:?}", leaf.and_then(|l| l.common_name.as_ref())));
        }
    }
    for f in report.findings.iter().filter(|f| f.message.contains('`')) {
        wrong.push(format!("the message of {} has a backtick, which the page prints as is", f.code.code()));
    }
    if report.has_errors() != report.add_payload.is_none() {
        wrong.push("an add payload must exist exactly when there are no errors".into());
    }
    wrong
}

#[test]
fn every_fixture_gives_exactly_its_findings() {
    let mut failures = Vec::new();
    for case in cases() {
        let bytes = input_bytes(&case);
        let options = InspectOptions::new(case.passphrase.as_deref(), now(&case));
        let report = inspect(Input::Bytes(&bytes), &options);
        for wrong in check(&case, &report) {
            failures.push(format!("{}: {wrong}", case.name));
        }
        // PEM pasted as text must read the same as the file's bytes.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let as_text = inspect(Input::Text(text), &options);
            if codes(&as_text) != codes(&report) {
                failures.push(format!("{}: as text {:?}, as bytes {:?}", case.name, codes(&as_text), codes(&report)));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn clean_add_payloads_round_trip_and_reinspect_clean() {
    let secret = Secret::new("ossifrage").unwrap();
    let mut clean = 0;
    for case in cases() {
        let bytes = input_bytes(&case);
        let report = inspect(Input::Bytes(&bytes), &InspectOptions::new(case.passphrase.as_deref(), now(&case)));
        let Some(payload) = report.add_payload.as_deref() else { continue };
        clean += 1;
        let again = inspect(Input::Text(payload), &InspectOptions::new(None, now(&case)));
        assert!(!again.has_errors(), "{}: the add payload re-inspects with {:?}", case.name, codes(&again));
        assert_eq!(
            again.certificates[again.leaf_index.unwrap()].sha1,
            case.leaf_sha1.clone().unwrap(),
            "{}",
            case.name
        );
        assert_eq!(again.private_key.as_ref().unwrap().format, "PKCS#8", "{}", case.name);
        let request = BuildRequest { now: now(&case), ..common::request(Action::Add, payload) };
        let jwe = build_jwe(&secret, &request).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_eq!(open_jwe(&jwe, &secret).unwrap().payload.as_str(), payload, "{}", case.name);
    }
    assert!(clean >= 15, "only {clean} clean cases");
}

#[test]
fn add_refuses_a_bundle_with_errors_and_carries_the_findings() {
    let case = cases().into_iter().find(|c| c.name == "self-signed-leaf").unwrap();
    let payload = std::str::from_utf8(file(case.input.as_ref().unwrap())).unwrap();
    let request = common::request(Action::Add, payload);
    let error = build_jwe(&Secret::new("s").unwrap(), &request).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::CertificateRejected);
    assert!(error.findings().iter().any(|f| f.code == FindingCode::SelfSigned));
    // allowFindings exists for tests that want such a blob on purpose.
    assert!(build_jwe(&Secret::new("s").unwrap(), &BuildRequest { allow_findings: true, ..request }).is_ok());
}

#[test]
fn multiple_private_keys_are_refused() {
    let bundle =
        [file("rsa-chain/bundle.pem"), file("rsa-chain/leaf.key"), file("rsa-chain/key-mismatch.pem")].concat();
    let report = inspect(Input::Bytes(&bundle), &InspectOptions::new(None, common::NOW));
    assert!(codes(&report).contains(&"multiple_private_keys".to_owned()), "{:?}", codes(&report));
}

/// Regression: each list item was read on its own, so a key in a later item
/// was decrypted (or refused for its own reasons) before the second key was
/// noticed. The one-key cap holds across items, before any KDF runs.
#[test]
fn a_key_in_a_later_item_is_refused_as_a_second_key_before_it_is_read() {
    let options = InspectOptions::new(None, common::NOW);
    let plain = file("der/leaf-pkcs8.der");
    // Needs a passphrase, none is given: it would say encrypted_needs_passphrase.
    let encrypted: &[u8] = include_bytes!("fixtures/certs/key-formats/pbkdf2-aes256.key");
    // 4,294,967,295 PBKDF2 iterations: it would say unsupported_format.
    let over_caps: &[u8] = include_bytes!("hostile/pkcs8-pbkdf2-iter-4294967295.der");
    for second in [encrypted, over_caps] {
        let report = inspect_all(&[Input::Bytes(plain), Input::Bytes(second)], &options);
        assert_eq!(codes(&report), ["multiple_private_keys"]);
        assert_eq!(report.findings[0].input_index, Some(1), "the second item holds the second key");
    }
}

/// The PEM block labelled `label` in `text`, BEGIN and END lines included.
fn block(text: &str, label: &str) -> String {
    let (begin, end) = (format!("-----BEGIN {label}-----"), format!("-----END {label}-----\n"));
    let start = text.find(&begin).expect("BEGIN");
    let stop = start + text[start..].find(&end).expect("END") + end.len();
    text[start..stop].to_owned()
}

/// Regression: the 16-certificate cap fired on whatever block followed the
/// 16th certificate, so 16 certificates and a key were refused. The 17th
/// certificate is refused, in one item or across items.
#[test]
fn sixteen_certificates_and_a_key_are_read_and_a_seventeenth_certificate_is_refused() {
    let options = InspectOptions::new(None, common::NOW);
    let bundle = std::str::from_utf8(file("rsa-chain/bundle.pem")).unwrap();
    let (leaf, key) = (block(bundle, "CERTIFICATE"), block(bundle, "PRIVATE KEY"));
    let alone = inspect(Input::Text(&format!("{leaf}{key}")), &options);
    assert_eq!(codes(&alone), ["chain_incomplete"], "the control: one leaf and its key");

    let sixteen = inspect(Input::Text(&format!("{}{key}", leaf.repeat(16))), &options);
    assert_eq!(codes(&sixteen), codes(&alone), "16 certificates are within the cap");
    assert_eq!(sixteen.certificates.len(), 1, "copies are removed after the cap is counted");
    assert!(sixteen.add_payload.is_some());
    let split = inspect_all(&[Input::Text(&leaf.repeat(16)), Input::Text(&key)], &options);
    assert_eq!(codes(&split), codes(&alone), "16 certificates, the key in the next item");

    let seventeen = inspect(Input::Text(&format!("{}{key}", leaf.repeat(17))), &options);
    assert_eq!(codes(&seventeen), ["unsupported_format"]);
    assert!(seventeen.certificates.is_empty() && seventeen.add_payload.is_none());
    let across =
        inspect_all(&[Input::Text(&leaf.repeat(8)), Input::Text(&format!("{}{key}", leaf.repeat(9)))], &options);
    assert_eq!(codes(&across), ["unsupported_format"], "the cap counts every item");
    assert_eq!(across.findings[0].input_index, Some(1), "refused in the item that holds the 17th");
}

#[test]
fn an_unknown_signature_algorithm_is_not_checked() {
    // Relabel the leaf's sha256WithRSAEncryption (…1.1.11) as sha224WithRSAEncryption
    // (…1.1.14), which this tool does not verify: it must say so, not call it valid.
    let pem = std::str::from_utf8(file("rsa-chain/bundle.pem")).unwrap();
    let leaf_b64: String = pem.split("-----").nth(2).unwrap().split_whitespace().collect();
    let mut der = webex_device_identity::shared::base64url::decode(
        &leaf_b64.replace('+', "-").replace('/', "_").replace('=', ""),
    )
    .expect("leaf DER");
    let oid = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
    let mut relabelled = 0;
    for i in 0..der.len() - oid.len() {
        if der[i..i + oid.len()] == oid {
            der[i + oid.len() - 1] = 0x0e;
            relabelled += 1;
        }
    }
    assert_eq!(relabelled, 2, "the algorithm appears in the TBS and outside it");
    let report = inspect(Input::Bytes(&der), &InspectOptions::new(None, common::NOW));
    assert!(codes(&report).contains(&"chain_incomplete".to_owned()));
    let int = file("rsa-chain/bundle-full.pem");
    let mut input = pem::encode("CERTIFICATE", &der);
    input.push_str(std::str::from_utf8(int).unwrap());
    let report = inspect(Input::Text(&input), &InspectOptions::new(None, common::NOW));
    assert!(codes(&report).contains(&"signature_not_checked".to_owned()), "{:?}", codes(&report));
    assert!(!codes(&report).contains(&"bad_chain_signature".to_owned()));
}

mod pem {
    /// A minimal PEM encoder for the test above.
    pub fn encode(label: &str, der: &[u8]) -> String {
        let b64 = webex_device_identity::shared::base64url::encode(der).replace('-', "+").replace('_', "/");
        let padded = format!("{b64}{}", "=".repeat((4 - b64.len() % 4) % 4));
        let lines: Vec<&str> = padded.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap()).collect();
        format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", lines.join("\n"))
    }
}

#[test]
fn every_finding_code_is_exercised() {
    let mut seen: Vec<String> = cases().into_iter().flat_map(|c| c.expect).collect();
    seen.push("multiple_private_keys".into()); // multiple_private_keys_are_refused, above
    seen.push("signature_not_checked".into()); // an_unknown_signature_algorithm_is_not_checked, above
    seen.push("add_payload_not_pem".into()); // tests/tasks.rs, an_add_blob_whose_payload_is_not_pem_says_so
    seen.push("not_a_device_certificate".into()); // tests/tasks.rs, deactivate_warns_when_the_file_holds_a_ca_certificate
                                                  // The fleet's own codes: tests/fleet.rs, every_fleet_finding_code_is_exercised.
    seen.extend(common::FLEET_CODES.iter().map(|c| c.to_string()));
    // The token inspector's: tests/tokens.rs, the_case_files_hold_and_reach_every_token_code.
    seen.extend(common::TOKEN_CODES.iter().map(|c| c.to_string()));
    // The SAML checker's: tests/saml.rs, every_case_gives_its_codes_and_structure.
    seen.extend(common::SAML_CODES.iter().map(|c| c.to_string()));
    for code in FindingCode::ALL {
        assert!(seen.contains(&code.code().to_owned()), "no fixture expects {}", code.code());
    }
}

#[test]
fn several_files_read_as_one_bundle() {
    let options = InspectOptions::new(None, common::NOW);
    let parts = [file("rsa-chain/bundle.pem")];
    let one = inspect(Input::Bytes(parts[0]), &options);
    let cert_and_key = [file("rsa-chain/leaf.key"), file("der/leaf.der")];
    let many = inspect_all(&[Input::Bytes(cert_and_key[0]), Input::Bytes(cert_and_key[1])], &options);
    assert_eq!(codes(&many), ["chain_incomplete"]);
    assert_eq!(many.certificates[0].sha1, one.certificates[0].sha1);
    // A bad item is named by its position.
    let bad = inspect_all(&[Input::Text("x"), Input::Bytes(parts[0])], &options);
    assert_eq!(bad.findings[0].input_index, Some(0));
}

/// Found by the inspect_pem fuzzer: a key whose curve OID was mangled, but whose
/// embedded public point is the leaf's. It once "matched", gave no error and no
/// add payload. A key on an unknown curve matches nothing.
#[test]
fn regression_key_on_an_unknown_curve_is_a_mismatch() {
    let options = InspectOptions::new(None, common::NOW);
    let input = std::str::from_utf8(include_bytes!("fixtures/regressions/key-on-unknown-curve.pem")).unwrap();
    // The fuzzer also mangled the root's outer signature algorithm OID, so it
    // differs from the one in its TBS (RFC 5280 4.1.1.2): the file as found is damaged.
    assert_eq!(codes(&inspect(Input::Text(input), &options)), ["unsupported_format"]);
    let without_root = &input[..input.rfind("-----BEGIN CERTIFICATE-----").unwrap()];
    let report = inspect(Input::Text(without_root), &options);
    assert_eq!(codes(&report), ["key_mismatch", "root_not_given"]);
    assert!(report.add_payload.is_none());
}

#[test]
fn names_and_rarer_alt_names_read_as_openssl_prints_them() {
    let report = inspect(Input::Bytes(file("misc/other-san-kinds.pem")), &InspectOptions::new(None, common::NOW));
    let cert = &report.certificates[0];
    assert_eq!(cert.subject, "C=US, O=Example, CN=device-odd.example.com");
    let sans: Vec<(&str, &str)> = cert.subject_alt_names.iter().map(|n| (n.kind, n.value.as_str())).collect();
    assert_eq!(
        sans,
        [
            ("DNS", "device-odd.example.com"),
            ("other", r"DirName:C=US, O=Example\, Inc., CN=room-1"),
            ("other", "othername:1.3.6.1.4.1.311.20.2.3"),
            ("other", "Registered ID:1.2.3.4"),
        ]
    );
}

fn passed(report: &Report) -> Vec<PassedCode> {
    report.passed.iter().map(|p| p.code).collect()
}

#[test]
fn the_report_lists_the_checks_that_ran_and_passed() {
    let options = InspectOptions::new(None, common::NOW);
    let full = inspect(Input::Bytes(file("rsa-chain/bundle-full.pem")), &options);
    use PassedCode::*;
    assert_eq!(passed(&full), [KeyMatches, ChainVerified, Valid, LeafP256, KeyUsage, RootLeftOut]);
    // No root given: none left out; the chain up to the intermediate still verifies.
    let no_root = inspect(Input::Bytes(file("rsa-chain/bundle.pem")), &options);
    assert_eq!(passed(&no_root), [KeyMatches, ChainVerified, Valid, LeafP256, KeyUsage]);
    // Each check is listed only when it ran and passed.
    for (path, missing) in [
        ("rsa-chain/key-mismatch-full.pem", KeyMatches),
        ("impostor/bundle-full.pem", ChainVerified),
        ("leaves/expired/bundle-full.pem", Valid),
        ("leaves/p384/bundle-full.pem", LeafP256),
        ("leaves/key-agreement/bundle-full.pem", KeyUsage),
        ("leaves/expired/bundle-full.pem", RootLeftOut), // an error: no add payload, nothing left out of it
    ] {
        let report = inspect(Input::Bytes(file(path)), &options);
        assert!(!passed(&report).contains(&missing), "{path}: {:?}", passed(&report));
    }
    let leaf_alone = inspect(Input::Bytes(file("der/leaf.der")), &options);
    assert!(!passed(&leaf_alone).contains(&ChainVerified), "no issuer given: no chain checked");
    assert!(!passed(&leaf_alone).contains(&KeyMatches), "no key given");
}

#[test]
fn every_passed_code_is_exercised_by_some_fixture() {
    let mut seen = Vec::new();
    for case in cases() {
        let options = InspectOptions::new(case.passphrase.as_deref(), now(&case));
        seen.extend(passed(&inspect(Input::Bytes(&input_bytes(&case)), &options)));
    }
    for code in PassedCode::ALL {
        assert!(seen.contains(code), "no fixture passes {}", code.code());
    }
}

#[test]
fn a_missing_intermediate_and_a_missing_root_are_told_apart() {
    let options = InspectOptions::new(None, common::NOW);
    let leaf_and_key = [Input::Bytes(file("der/leaf.der")), Input::Bytes(file("rsa-chain/leaf.key"))];
    assert_eq!(codes(&inspect_all(&leaf_and_key, &options)), ["chain_incomplete"]);
    let with_int = [leaf_and_key[0], leaf_and_key[1], Input::Bytes(file("rsa-chain/int.pem"))];
    let report = inspect_all(&with_int, &options);
    assert_eq!(codes(&report), ["root_not_given"], "the intermediate is there: only the root is missing");
    assert_eq!(report.findings[0].input_index, Some(2), "the intermediate's item");
    assert!(report.add_payload.is_some(), "a missing root is no error");
}

#[test]
fn findings_name_the_items_they_come_from() {
    let options = InspectOptions::new(None, common::NOW);
    let labels = ["room-12.pem", "the pasted text", "int.pem"];
    let labelled = InspectOptions { labels: Some(&labels), ..options };
    // The leaf (item 0), another certificate's key (item 1), an impostor issuer (item 2).
    let items = [
        Input::Bytes(file("der/leaf.der")),
        Input::Bytes(file("rsa-chain/other.key")),
        Input::Bytes(file("impostor/int.pem")),
    ];
    for options in [options, labelled] {
        let report = inspect_all(&items, &options);
        let by_code = |code: &str| report.findings.iter().find(|f| f.code.code() == code).unwrap();
        assert_eq!(by_code("key_mismatch").input_index, Some(1));
        assert_eq!(by_code("root_not_given").input_index, Some(2), "{:?}", codes(&report));
        let bad = by_code("bad_chain_signature");
        assert_eq!((bad.input_index, bad.input_indexes.as_slice()), (Some(2), &[0, 2][..]));
    }
    // The labels given are what messages call the items (the caller's words, not ours).
    let report = inspect_all(&items, &labelled);
    let mismatch = report.findings.iter().find(|f| f.code == FindingCode::KeyMismatch).unwrap();
    assert!(mismatch.message.contains("the pasted text"));
    // Two keys: both items are named.
    let two_keys = [Input::Bytes(file("rsa-chain/bundle.pem")), Input::Bytes(file("rsa-chain/other.key"))];
    let report = inspect_all(&two_keys, &InspectOptions { labels: Some(&labels[..2]), ..options });
    assert_eq!(codes(&report), ["multiple_private_keys"]);
    let finding = &report.findings[0];
    assert_eq!((finding.input_index, finding.input_indexes.as_slice()), (Some(1), &[0, 1][..]));
    assert!(finding.message.contains("room-12.pem") && finding.message.contains("the pasted text"));
    // One item: nothing to tell apart.
    let one = inspect(Input::Bytes(file("rsa-chain/key-mismatch.pem")), &options);
    assert!(one.findings.iter().all(|f| f.input_index.is_none() && f.input_indexes.is_empty()));
}
