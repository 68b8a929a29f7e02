//! The one-device tasks the page's worker calls (moved out of worker.js into
//! the core): install from a bundle checked once, deactivate by fingerprint
//! or by file, check a pasted blob or command. Natively and in browsers.

mod common;
#[path = "fixtures/certs/index.rs"]
mod fixtures;

use fixtures::file;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use webex_device_identity::cert::{inspect, Input, InspectOptions};
use webex_device_identity::device::blob::open_jwe;
use webex_device_identity::device::{blobs_in_text, device_command, initial_populate_command, Action, Pasted};
use webex_device_identity::secret::Secret;
use webex_device_identity::shared::caps::MAX_BLOBS_PER_CHECK;
use webex_device_identity::tasks::{
    build_jwe, check_blob, check_blobs, check_bundle, deactivate, BuildRequest, Target,
};
use webex_device_identity::{ErrorKind, FindingCode};

const PASSPHRASE: &str = "correct horse";

fn options(passphrase: Option<&str>) -> InspectOptions<'_> {
    InspectOptions::new(passphrase, common::NOW)
}

fn secret() -> Secret {
    Secret::new("ossifrage").unwrap()
}

/// The blob of a command: the text between quotes, or the add command's middle line.
fn blob_of(command: &str) -> &str {
    match command.split_once('"') {
        Some((_, rest)) => rest.trim_end_matches('"'),
        None => command.lines().nth(1).unwrap(),
    }
}

#[test]
fn a_bundle_checked_once_builds_install_commands_that_open_to_its_payload() {
    let input = [Input::Bytes(file("rsa-chain/bundle.pem"))];
    let checked = check_bundle(&input, &options(None));
    assert!(checked.report.add_payload.is_none(), "the report never carries the key");
    let bundle = checked.bundle.expect("a clean bundle");
    let expected = inspect(input[0], &options(None));
    let leaf = &expected.certificates[expected.leaf_index.unwrap()];
    assert_eq!(bundle.fingerprint(), leaf.sha1);
    for _ in 0..2 {
        let commands = bundle.commands(&secret()).unwrap();
        assert_eq!(commands.fingerprint, leaf.sha1);
        assert_eq!(commands.common_name, leaf.common_name);
        let add = open_jwe(blob_of(&commands.add), &secret()).unwrap();
        assert_eq!((add.action, add.payload.as_str()), (Action::Add, expected.add_payload.as_deref().unwrap()));
        let activate = open_jwe(blob_of(&commands.activate), &secret()).unwrap();
        assert_eq!((activate.action, activate.payload.as_str()), (Action::Activate, leaf.sha1.as_str()));
        assert_eq!(commands.add, device_command(Action::Add, blob_of(&commands.add)).unwrap());
    }
}

#[test]
fn a_bundle_with_an_error_gives_no_bundle() {
    let checked = check_bundle(&[Input::Bytes(file("rsa-chain/key-mismatch-full.pem"))], &options(None));
    assert!(checked.report.has_errors());
    assert!(checked.bundle.is_none());
}

#[test]
fn deactivate_by_fingerprint_or_by_an_encrypted_p12_gives_the_same_command_target() {
    let leaf_sha1 = {
        let report = inspect(Input::Bytes(file("pkcs12/modern.p12")), &options(Some(PASSPHRASE)));
        report.certificates[report.leaf_index.unwrap()].sha1.clone()
    };
    let upper = leaf_sha1.to_uppercase();
    let typed: Vec<&str> = upper.as_bytes().chunks(2).map(|pair| std::str::from_utf8(pair).unwrap()).collect();
    let by_text = deactivate(&secret(), Target::Fingerprint(&typed.join(":"))).unwrap();
    let p12 = [Input::Bytes(file("pkcs12/modern.p12"))];
    let by_file = deactivate(&secret(), Target::Certificate(&p12, &options(Some(PASSPHRASE)))).unwrap();
    for done in [&by_text, &by_file] {
        assert_eq!(done.fingerprint, leaf_sha1);
        let opened = open_jwe(blob_of(&done.command), &secret()).unwrap();
        assert_eq!((opened.action, opened.payload.as_str()), (Action::Deactivate, leaf_sha1.as_str()));
    }
    let without = deactivate(&secret(), Target::Certificate(&p12, &options(None))).unwrap_err();
    assert_eq!(without.kind(), ErrorKind::NoCertificate, "a .p12 needs its passphrase");
    let bad = deactivate(&secret(), Target::Fingerprint("12:34")).unwrap_err();
    assert_eq!(bad.kind(), ErrorKind::BadFingerprint);
}

/// The blobs found in `text`, as strings (a plain seed as "plain:VALUE").
fn found(text: &str) -> Vec<String> {
    blobs_in_text(text)
        .into_iter()
        .map(|p| match p {
            Pasted::Blob(blob) => blob,
            Pasted::PlainSeed(value) => format!("plain:{}", value.as_str()),
        })
        .collect()
}

#[test]
fn the_blob_is_found_whole_in_a_command_or_in_text() {
    let blob = build_jwe(&secret(), &common::request(Action::Populate, "next")).unwrap();
    let command = device_command(Action::Populate, &blob).unwrap();
    assert_eq!(found(&command), std::slice::from_ref(&blob));
    assert_eq!(found(&format!("  {blob}\n")), std::slice::from_ref(&blob));
    assert_eq!(found(&format!("Here it is... {blob} (built today)")), std::slice::from_ref(&blob));
    let placeholder = BuildRequest { allow_findings: true, ..common::request(Action::Add, common::BUNDLE) };
    let add = build_jwe(&secret(), &placeholder).unwrap();
    assert_eq!(found(&device_command(Action::Add, &add).unwrap()), [add]);
    assert!(found("no blob here").is_empty());
    let none = check_blob("no blob here", &secret(), common::NOW).unwrap_err();
    assert_eq!(none.kind(), ErrorKind::MalformedJwe);
}

/// `text` hard-wrapped at `width` characters, each line started with `prefix`
/// (a mail's quote marker, a ticket's indentation).
fn wrap(text: &str, width: usize, prefix: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        for chunk in chars.chunks(width) {
            out.push_str(prefix);
            out.extend(chunk);
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_blob_wrapped_over_lines_with_quote_markers_or_indentation_is_found_whole() {
    let populate = build_jwe(&secret(), &common::request(Action::Populate, "next")).unwrap();
    let placeholder = BuildRequest { allow_findings: true, ..common::request(Action::Add, common::BUNDLE) };
    let add = build_jwe(&secret(), &placeholder).unwrap();
    let activate = build_jwe(&secret(), &common::request(Action::Activate, &"ab".repeat(20))).unwrap();
    let seed = initial_populate_command(&Secret::new("a long first secret, typed at the console").unwrap()).unwrap();
    let seed_value = seed.split('"').nth(1).unwrap().to_owned();
    let cases = [
        (device_command(Action::Populate, &populate).unwrap(), populate.clone()),
        (device_command(Action::Add, &add).unwrap(), add.clone()),
        (device_command(Action::Activate, &activate).unwrap(), activate.clone()),
        (add.clone(), add.clone()),
    ];
    // Every width splits the blob somewhere else: inside a part, at a dot, at "..".
    let prefixes = ["", "> ", ">> ", "    ", "\t", "> > "];
    for (text, blob) in &cases {
        for width in (5..90).chain([blob.len() - 22, blob.len() - 1]) {
            for prefix in prefixes {
                let wrapped = wrap(text, width, prefix);
                assert_eq!(found(&wrapped), std::slice::from_ref(blob), "width {width}, prefix {prefix:?}:\n{wrapped}");
            }
        }
    }
    // The plain seed: a mail wraps its words at spaces, then the long value anywhere.
    for width in 10..60 {
        for prefix in prefixes {
            let words = wrap("xCommand Security ClientSecret Populate", 200, prefix);
            let wrapped = words + &wrap(&format!("Secret: \"{seed_value}\""), width, prefix);
            assert_eq!(found(&wrapped), [format!("plain:{seed_value}")], "width {width}:\n{wrapped}");
        }
    }
    assert_eq!(found(&seed), [format!("plain:{seed_value}")]);
    // And the wrapped blob opens.
    let wrapped = wrap(&cases[0].0, 60, "> ");
    assert_eq!(check_blob(&wrapped, &secret(), common::NOW).unwrap().payload.as_deref(), Some("next"));
}

#[test]
fn a_blob_with_a_part_too_many_is_refused_not_cut_to_five() {
    let blob = build_jwe(&secret(), &common::request(Action::Populate, "next")).unwrap();
    let six = format!("{blob}.AAAA");
    let command = format!("xCommand Security ClientSecret Populate Secret: \"{six}\"");
    assert_eq!(found(&command), std::slice::from_ref(&six));
    assert_eq!(check_blob(&command, &secret(), common::NOW).unwrap_err().kind(), ErrorKind::MalformedJwe);
    // Wrapped just before the sixth part, it is still one run.
    let wrapped = format!("{blob}\n.AAAA");
    assert_eq!(found(&wrapped), [six]);
}

#[test]
fn the_plain_first_seed_command_is_recognised_and_needs_no_secret_to_read() {
    let command = initial_populate_command(&Secret::new("0123456789abcdef").unwrap()).unwrap();
    let checked = check_blob(&command, &Secret::new("any").unwrap(), common::NOW).unwrap();
    assert!(checked.plain);
    assert_eq!((checked.action, checked.enc, checked.salt.as_deref()), ("populate", None, None));
    assert_eq!(checked.payload.as_deref(), Some("0123456789abcdef"));
    assert!(checked.report.is_none());
    // Not base64url (a stray bit) is refused, as a damaged blob is.
    let bad = check_blob(r#"xCommand Security ClientSecret Populate Secret: "MDEyMzQ1Njc4OWFiY2RlZh""#, &secret(), 0);
    assert_eq!(bad.unwrap_err().kind(), ErrorKind::MalformedJwe);
    let not_text = check_blob(r#"xCommand Security ClientSecret Populate Secret: "_w""#, &secret(), 0);
    assert_eq!(not_text.unwrap_err().kind(), ErrorKind::PayloadNotUtf8);
}

#[test]
fn several_blobs_are_all_checked_in_order_and_check_blob_refuses_them() {
    let bundle = check_bundle(&[Input::Bytes(file("rsa-chain/bundle.pem"))], &options(None)).bundle.unwrap();
    let commands = bundle.commands(&secret()).unwrap();
    // As a downloaded file holds them: add, then activate.
    let file_text = format!("{}\n\n{}\n", commands.add, commands.activate);
    let checked = check_blobs(&file_text, Some(&secret()), common::NOW).unwrap();
    let actions: Vec<&str> = checked.iter().map(|c| c.action).collect();
    assert_eq!(actions, ["add", "activate"]);
    assert_eq!(checked[1].payload.as_deref(), Some(bundle.fingerprint()));
    assert!(!checked[0].report.as_ref().unwrap().has_errors());
    assert_eq!(check_blob(&file_text, &secret(), common::NOW).unwrap_err().kind(), ErrorKind::SeveralBlobs);
    // The plain seed and an encrypted populate, in the order given.
    let seed = initial_populate_command(&Secret::new("first").unwrap()).unwrap();
    let second = build_jwe(&Secret::new("first").unwrap(), &common::request(Action::Populate, "second")).unwrap();
    let text = format!("{seed}\n{}", device_command(Action::Populate, &second).unwrap());
    let checked = check_blobs(&text, Some(&Secret::new("first").unwrap()), common::NOW).unwrap();
    let seen: Vec<(bool, Option<&str>)> = checked.iter().map(|c| (c.plain, c.payload.as_deref())).collect();
    assert_eq!(seen, [(true, Some("first")), (false, Some("second"))]);
    assert_eq!(check_blobs("nothing", Some(&secret()), 0).unwrap_err().kind(), ErrorKind::MalformedJwe);
    // Without a secret: a plain seed command alone opens, anything encrypted is empty_secret.
    let alone = check_blobs(&seed.to_string(), None, 0).unwrap();
    assert_eq!((alone[0].plain, alone[0].payload.as_deref()), (true, Some("first")));
    assert_eq!(check_blobs(&text, None, 0).unwrap_err().kind(), ErrorKind::EmptySecret);
}

#[test]
fn too_many_blobs_are_refused_before_any_is_opened() {
    // Damaged blobs: were any opened first, the error would be malformed_jwe.
    let at_cap = "a..b.c.d ".repeat(MAX_BLOBS_PER_CHECK);
    assert_eq!(check_blobs(&at_cap, Some(&secret()), 0).unwrap_err().kind(), ErrorKind::MalformedJwe);
    let over = "a..b.c.d ".repeat(MAX_BLOBS_PER_CHECK + 1);
    assert_eq!(check_blobs(&over, Some(&secret()), 0).unwrap_err().kind(), ErrorKind::TooManyBlobs);
}

#[test]
fn an_add_blob_whose_payload_is_not_pem_says_so() {
    for payload in ["this is a PEM file", common::BUNDLE] {
        let request = BuildRequest { allow_findings: true, ..common::request(Action::Add, payload) };
        let blob = build_jwe(&secret(), &request).unwrap();
        let checked = check_blob(&blob, &secret(), common::NOW).unwrap();
        let codes: Vec<FindingCode> = checked.report.as_ref().unwrap().findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, [FindingCode::AddPayloadNotPem], "{payload:?}");
    }
}

#[test]
fn checking_a_blob_says_what_it_carries_and_never_returns_a_key() {
    let populate = build_jwe(&secret(), &common::request(Action::Populate, "next secret")).unwrap();
    let checked = check_blob(&device_command(Action::Populate, &populate).unwrap(), &secret(), common::NOW).unwrap();
    assert_eq!((checked.action, checked.enc), ("populate", Some("A256GCM")));
    assert!(!checked.plain);
    assert_eq!(checked.payload.as_deref(), Some("next secret"));
    assert!(checked.report.is_none());

    let bundle = check_bundle(&[Input::Bytes(file("rsa-chain/bundle.pem"))], &options(None)).bundle.unwrap();
    let add = blob_of(&bundle.commands(&secret()).unwrap().add).to_owned();
    let checked = check_blob(&add, &secret(), common::NOW).unwrap();
    assert_eq!(checked.action, "add");
    assert!(checked.payload.is_none(), "an add payload holds a private key");
    let report = checked.report.as_ref().unwrap();
    assert!(report.add_payload.is_none());
    assert_eq!(report.certificates[report.leaf_index.unwrap()].sha1, bundle.fingerprint());

    let wrong = check_blob(&add, &Secret::new("wrong").unwrap(), common::NOW).unwrap_err();
    assert_eq!(wrong.kind(), ErrorKind::DecryptFailed);
}

#[test]
fn deactivate_with_a_fingerprint_and_a_file_needs_them_to_agree() {
    let files = [Input::Bytes(file("rsa-chain/bundle.pem"))];
    let report = inspect(files[0], &options(None));
    let leaf = &report.certificates[report.leaf_index.unwrap()];
    let both = deactivate(&secret(), Target::Both(&leaf.sha1.to_uppercase(), &files, &options(None))).unwrap();
    assert_eq!(both.fingerprint, leaf.sha1);
    assert_eq!(both.common_name, leaf.common_name);
    assert!(both.warnings.is_empty());
    let other = "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12";
    let mismatch = deactivate(&secret(), Target::Both(other, &files, &options(None))).unwrap_err();
    assert_eq!(mismatch.kind(), ErrorKind::FingerprintMismatch);
    let typo = deactivate(&secret(), Target::Both("12:34", &files, &options(None))).unwrap_err();
    assert_eq!(typo.kind(), ErrorKind::BadFingerprint);
    let typed = deactivate(&secret(), Target::Fingerprint(other)).unwrap();
    assert_eq!((typed.common_name, typed.warnings.len()), (None, 0));
}

#[test]
fn deactivate_warns_when_the_file_holds_a_ca_certificate() {
    // Only a CA certificate: inspect takes it as the leaf (nothing else is there).
    for path in ["rsa-chain/int.pem", "der/root.der"] {
        let files = [Input::Bytes(file(path))];
        let done = deactivate(&secret(), Target::Certificate(&files, &options(None))).unwrap();
        let codes: Vec<FindingCode> = done.warnings.iter().map(|w| w.code).collect();
        assert_eq!(codes, [FindingCode::NotADeviceCertificate], "{path}");
        assert!(done.common_name.is_some());
    }
    let device = [Input::Bytes(file("rsa-chain/leaf.pem"))];
    assert!(deactivate(&secret(), Target::Certificate(&device, &options(None))).unwrap().warnings.is_empty());
}
