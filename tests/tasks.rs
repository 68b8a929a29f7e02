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
use webex_device_identity::device::{blob_in_text, device_command, Action};
use webex_device_identity::secret::Secret;
use webex_device_identity::tasks::{build_jwe, check_blob, check_bundle, deactivate, BuildRequest, Target};
use webex_device_identity::ErrorKind;

const PASSPHRASE: &str = "correct horse";

fn options(passphrase: Option<&str>) -> InspectOptions<'_> {
    InspectOptions { passphrase, now: common::NOW }
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

#[test]
fn the_blob_is_found_whole_in_a_command_or_in_text() {
    let blob = build_jwe(&secret(), &common::request(Action::Populate, "next")).unwrap();
    let command = device_command(Action::Populate, &blob).unwrap();
    assert_eq!(blob_in_text(&command), blob);
    assert_eq!(blob_in_text(&format!("  {blob}\n")), blob);
    assert_eq!(blob_in_text(&format!("Here it is... {blob} (built today)")), blob);
    let placeholder = BuildRequest { allow_findings: true, ..common::request(Action::Add, common::BUNDLE) };
    let add = build_jwe(&secret(), &placeholder).unwrap();
    assert_eq!(blob_in_text(&device_command(Action::Add, &add).unwrap()), add);
    assert_eq!(blob_in_text("no blob here"), "no blob here");
}

#[test]
fn a_blob_with_a_part_too_many_is_refused_not_cut_to_five() {
    let blob = build_jwe(&secret(), &common::request(Action::Populate, "next")).unwrap();
    let six = format!("{blob}.AAAA");
    let command = format!("xCommand Security ClientSecret Populate Secret: \"{six}\"");
    assert_eq!(blob_in_text(&command), six);
    assert_eq!(check_blob(&command, &secret(), common::NOW).unwrap_err().kind(), ErrorKind::MalformedJwe);
}

#[test]
fn checking_a_blob_says_what_it_carries_and_never_returns_a_key() {
    let populate = build_jwe(&secret(), &common::request(Action::Populate, "next secret")).unwrap();
    let checked = check_blob(&device_command(Action::Populate, &populate).unwrap(), &secret(), common::NOW).unwrap();
    assert_eq!((checked.action, checked.enc), ("populate", "A256GCM"));
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
