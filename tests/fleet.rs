//! The fleet engine natively, on the fleet in `tests/fixtures/fleet/`
//! (written by `tests/fleet/make_fleet.py --devices 6 --traps --seed 7
//! --now 2026-06-01T00:00:00Z`; its `expected.json` says what each device
//! must come out as), and on hostile manifests and file sets. The same
//! engine through the JS API, with every blob opened by jwcrypto, is
//! `tests/interop/test_fleet.py`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashSet;

use serde::Deserialize;
use webex_device_identity::device::blob::open_jwe;
use webex_device_identity::device::{device_command, Action};
use webex_device_identity::fleet::{build_fleet, fill_secrets, plan_fleet, Blobs, FileInput, FleetInput, Plan, Status};
use webex_device_identity::secret::{Secret, SecretKind};
use webex_device_identity::{ErrorKind, FindingCode};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fleet");
/// The fixture's `--now`: 2026-06-01T00:00:00Z.
const NOW: i64 = 1_780_272_000;
const PASSPHRASE: &str = "fleet pass";

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Expected {
    entries: Vec<Entry>,
    file_findings: Vec<FileFinding>,
    manifest_unclosed: Unclosed,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    device: String,
    line: usize,
    secret: Option<String>,
    sha1: Option<String>,
    add_payload: Option<String>,
    expect: Expect,
}

#[derive(Deserialize)]
struct Expect {
    status: String,
    codes: Vec<String>,
}

#[derive(Deserialize)]
struct FileFinding {
    file: String,
    code: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Unclosed {
    file: String,
    ready_devices: Vec<String>,
    bad_line: usize,
}

fn expected() -> Expected {
    serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/expected.json")).unwrap()).unwrap()
}

/// Every file of the fixture: the devices' files and the CA certificates.
fn files() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for folder in ["files", "ca"] {
        let mut entries: Vec<_> = std::fs::read_dir(format!("{DIR}/{folder}")).unwrap().map(|e| e.unwrap()).collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            files.push((entry.file_name().into_string().unwrap(), std::fs::read(entry.path()).unwrap()));
        }
    }
    files
}

fn manifest(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap()
}

fn inputs(files: &[(String, Vec<u8>)]) -> Vec<FileInput<'_>> {
    files.iter().map(|(name, bytes)| FileInput { name, bytes }).collect()
}

fn input<'a>(manifest: &'a str, files: &'a [FileInput<'a>]) -> FleetInput<'a> {
    FleetInput { manifest, files, passphrase: Some(PASSPHRASE), now: NOW, expires_before: None }
}

fn codes(findings: &[webex_device_identity::Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code.code()).collect()
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ready => "ready",
        Status::Warning => "warning",
        Status::Error => "error",
    }
}

#[test]
fn every_device_comes_out_as_the_fixture_expects() {
    let (expected, files, manifest) = (expected(), files(), manifest("manifest.csv"));
    let inputs = inputs(&files);
    let plan = plan_fleet(&input(&manifest, &inputs)).unwrap();
    let devices = &plan.report().devices;
    assert_eq!(devices.len(), expected.entries.len());
    for (device, entry) in devices.iter().zip(&expected.entries) {
        assert_eq!(device.line, entry.line, "{}", entry.device);
        assert_eq!(status_name(device.status), entry.expect.status, "{}: {:?}", entry.device, codes(&device.findings));
        for code in &entry.expect.codes {
            assert!(codes(&device.findings).contains(&code.as_str()), "{} lacks {code}", entry.device);
        }
        if device.status != Status::Error {
            assert_eq!(device.sha1, entry.sha1, "{}", entry.device);
            assert_eq!(device.actions, ["add", "activate"]);
        } else {
            assert!(device.actions.is_empty(), "a device in error runs nothing");
        }
    }
    for file in &expected.file_findings {
        assert!(
            plan.report().findings.iter().any(|f| f.code.code() == file.code && f.files == [file.file.clone()]),
            "no {} for {}",
            file.code,
            file.file
        );
    }
    // Fleet findings name their devices.
    for finding in &plan.report().findings {
        if finding.code == FindingCode::DuplicateCertificate {
            assert_eq!(finding.devices, ["trap-dup-cert-a", "trap-dup-cert-b"]);
        }
    }
}

#[test]
fn every_blob_opens_to_its_payload_with_its_own_salt_and_iv() {
    let (expected, files, manifest) = (expected(), files(), manifest("manifest.csv"));
    let inputs = inputs(&files);
    let result = build_fleet(&input(&manifest, &inputs), false).unwrap();
    let mut salts = HashSet::new();
    let mut ivs = HashSet::new();
    let mut built = 0;
    for (device, entry) in result.devices.iter().zip(&expected.entries) {
        if device.status == Status::Error {
            assert!(device.commands.is_empty());
            continue;
        }
        built += 1;
        let secret = Secret::new(entry.secret.as_deref().unwrap()).unwrap();
        let actions: Vec<Action> = device.commands.iter().map(|c| c.action).collect();
        assert_eq!(actions, [Action::Add, Action::Activate]);
        for command in &device.commands {
            assert_eq!(command.text, device_command(command.action, &command.jwe).unwrap());
            let opened = open_jwe(&command.jwe, &secret).unwrap();
            assert_eq!(opened.action, command.action);
            assert!(salts.insert(opened.salt.clone()), "a salt used twice");
            assert!(ivs.insert(command.jwe.split('.').nth(2).unwrap().to_owned()), "an IV used twice");
            let want = match command.action {
                Action::Add => entry.add_payload.clone().unwrap(),
                _ => entry.sha1.clone().unwrap(),
            };
            assert_eq!(*opened.payload, want, "{} {:?}", entry.device, command.action);
        }
    }
    assert!(built >= 12, "only {built} devices built");
}

#[test]
fn the_zip_holds_each_built_device_and_no_secret_or_key() {
    let (expected, files, manifest) = (expected(), files(), manifest("manifest.csv"));
    let inputs = inputs(&files);
    let result = build_fleet(&input(&manifest, &inputs), false).unwrap();
    let zip = String::from_utf8_lossy(&result.zip);
    assert!(zip.contains("inventory.csv") && zip.contains("README.txt"));
    assert!(zip.contains("room-1/commands.txt") && zip.contains("room-1/xapi.json"));
    assert!(!zip.contains("trap-rsa/"), "a device in error has no folder");
    assert!(!zip.contains("PRIVATE KEY") && !zip.contains("initial-populate"));
    for entry in &expected.entries {
        if let Some(secret) = entry.secret.as_deref() {
            assert!(!zip.contains(secret), "{}'s secret is in the zip", entry.device);
        }
    }
    // Only when asked: the plain-text first seeds, and so the secrets.
    let seeded = build_fleet(&input(&manifest, &inputs), true).unwrap();
    let seeded = String::from_utf8_lossy(&seeded.zip);
    assert!(seeded.contains("initial-populate.txt"));
    assert!(!seeded.contains("PRIVATE KEY"));
}

#[test]
fn an_unclosed_quote_is_an_error_for_its_row_and_the_rows_before_go_on() {
    let (expected, files) = (expected(), files());
    let manifest = manifest(&expected.manifest_unclosed.file);
    let inputs = inputs(&files);
    let plan = plan_fleet(&input(&manifest, &inputs)).unwrap();
    let devices = &plan.report().devices;
    for name in &expected.manifest_unclosed.ready_devices {
        let device = devices.iter().find(|d| &d.device == name).unwrap();
        assert_ne!(device.status, Status::Error, "{name}");
    }
    let bad = devices.iter().find(|d| d.line == expected.manifest_unclosed.bad_line).unwrap();
    assert_eq!(codes(&bad.findings), ["bad_manifest_row"]);
}

/// A manifest of `rows` for the fixture's first device's files.
fn room_1_manifest(extra_header: &str, extra_cells: &str) -> String {
    format!("device,secret,certificate,key{extra_header}\nroom-1,s3cret-one,room-1.crt,room-1.key{extra_cells}\n")
}

#[test]
fn a_renewal_runs_add_activate_each_deactivate_then_populate() {
    let files = files();
    let inputs = inputs(&files);
    let old =
        ["AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD", "0123456789abcdef0123456789abcdef01234567"];
    let manifest =
        room_1_manifest(",deactivate,newSecret,deviceId", &format!(",\"{}; {}\",n3w-secret,dev-1", old[0], old[1]));
    let result = build_fleet(&input(&manifest, &inputs), false).unwrap();
    let device = &result.devices[0];
    assert_eq!(device.status, Status::Ready, "{:?}", codes(&device.findings));
    let actions: Vec<Action> = device.commands.iter().map(|c| c.action).collect();
    assert_eq!(actions, [Action::Add, Action::Activate, Action::Deactivate, Action::Deactivate, Action::Populate]);
    let secret = Secret::new("s3cret-one").unwrap();
    let payloads: Vec<String> =
        device.commands[2..].iter().map(|c| open_jwe(&c.jwe, &secret).unwrap().payload.to_string()).collect();
    assert_eq!(payloads, ["aabbccddeeff00112233445566778899aabbccdd", old[1], "n3w-secret"]);
    let xapi = serde_json::to_value(&device.commands[4].xapi).unwrap();
    assert_eq!(xapi["command"], "Security.ClientSecret.Populate");
    assert_eq!(xapi["deviceId"], "dev-1");
    assert_eq!(xapi["arguments"]["Secret"], device.commands[4].jwe.as_str());
    let add = serde_json::to_value(&device.commands[0].xapi).unwrap();
    assert_eq!(add["arguments"]["IsEncrypted"], "True");
    assert_eq!(add["body"], device.commands[0].jwe.as_str());
}

#[test]
fn rows_that_cannot_be_built_are_errors_for_that_row_only() {
    let files = files();
    let inputs = inputs(&files);
    let manifest = "device,secret,certificate,key,deactivate,newSecret\n\
                    room-1,s1,room-1.crt,room-1.key,,\n\
                    room-2,,room-2.crt,room-2.key,,\n\
                    room-4,s4,room-4.crt,room-4.key,not-a-fingerprint,\n\
                    room-5,s5,room-5.crt,room-5.key,,\" \"\n\
                    room-6,s6,nowhere.crt,,,\n\
                    ,s7,room-1.crt,,,\n\
                    room-8,s8,room-8.crt,room-8.key,,,extra\n";
    let plan = plan_fleet(&input(manifest, &inputs)).unwrap();
    let got: Vec<(&str, Vec<&str>)> =
        plan.report().devices.iter().map(|d| (status_name(d.status), codes(&d.findings))).collect();
    assert_eq!(got[0].0, "ready");
    for (i, code) in [(1, "bad_manifest_row"), (2, "bad_manifest_row"), (3, "bad_manifest_row"), (4, "missing_file")] {
        assert_eq!(got[i], ("error", vec![code]), "row {i}");
    }
    assert_eq!(got[5], ("error", vec!["bad_manifest_row"]), "no device name");
    assert_eq!(got[6], ("error", vec!["bad_manifest_row"]), "more cells than the header");
}

#[test]
fn deactivating_the_new_certificate_itself_is_refused() {
    let (expected, files) = (expected(), files());
    let inputs = inputs(&files);
    let sha1 = expected.entries[0].sha1.clone().unwrap();
    let manifest = room_1_manifest(",deactivate", &format!(",{sha1}"));
    let plan = plan_fleet(&input(&manifest, &inputs)).unwrap();
    assert_eq!(codes(&plan.report().devices[0].findings), ["bad_manifest_row"]);
}

#[test]
fn duplicate_device_names_are_errors_on_every_row() {
    let files = files();
    let inputs = inputs(&files);
    let manifest = "device,secret\nroom-1,a\nROOM-1,b\nroom-2,c\n";
    let plan = plan_fleet(&input(manifest, &inputs)).unwrap();
    let devices = &plan.report().devices;
    assert!(codes(&devices[0].findings).contains(&"duplicate_device"));
    assert!(codes(&devices[1].findings).contains(&"duplicate_device"));
    assert!(!codes(&devices[2].findings).contains(&"duplicate_device"));
    assert_ne!(devices[0].folder.to_lowercase(), devices[1].folder.to_lowercase(), "folders stay unique");
}

#[test]
fn expiring_before_the_chosen_date_is_a_warning() {
    let files = files();
    let inputs = inputs(&files);
    let manifest = room_1_manifest("", "");
    let mut fleet = input(&manifest, &inputs);
    // The fixture's leaves end at now + 190 days.
    fleet.expires_before = Some(NOW + 200 * 86_400);
    let plan = plan_fleet(&fleet).unwrap();
    assert_eq!(plan.report().devices[0].status, Status::Warning);
    assert!(codes(&plan.report().devices[0].findings).contains(&"expires_before"));
    fleet.expires_before = Some(NOW + 100 * 86_400);
    assert_eq!(plan_fleet(&fleet).unwrap().report().devices[0].status, Status::Ready);
}

#[test]
fn a_passphrase_column_opens_the_files_its_row_names() {
    let files = files();
    let inputs = inputs(&files);
    // room-2's key is encrypted under the fixture's passphrase.
    let manifest = format!("device,secret,certificate,key,passphrase\nroom-2,s,room-2.crt,room-2.key,{PASSPHRASE}\n");
    let mut fleet = input(&manifest, &inputs);
    fleet.passphrase = None;
    let plan = plan_fleet(&fleet).unwrap();
    assert_eq!(plan.report().devices[0].status, Status::Ready, "{:?}", codes(&plan.report().devices[0].findings));
    // Without it, the key cannot be read: the file says why, the device has no key.
    let manifest = "device,secret,certificate,key\nroom-2,s,room-2.crt,room-2.key\n";
    let plan = plan_fleet(&input(manifest, &inputs).with_passphrase(None)).unwrap();
    assert_eq!(plan.report().devices[0].status, Status::Error);
    assert!(codes(&plan.report().findings).contains(&"encrypted_needs_passphrase"));
}

trait WithPassphrase<'a> {
    fn with_passphrase(self, passphrase: Option<&'a str>) -> Self;
}

impl<'a> WithPassphrase<'a> for FleetInput<'a> {
    fn with_passphrase(mut self, passphrase: Option<&'a str>) -> Self {
        self.passphrase = passphrase;
        self
    }
}

#[test]
fn pack_takes_only_what_the_plan_builds() {
    let files = files();
    let inputs = inputs(&files);
    let manifest = room_1_manifest("", "");
    let plan: Plan = plan_fleet(&input(&manifest, &inputs)).unwrap();
    let built = plan.build_device(0).unwrap();
    let blobs: Vec<(Action, String)> = built.commands.iter().map(|c| (c.action, c.jwe.clone())).collect();
    let good = Blobs { index: 0, blobs: blobs.clone() };
    let zip = plan.pack(std::slice::from_ref(&good), false).unwrap();
    assert_eq!(zip, plan.pack(std::slice::from_ref(&good), false).unwrap(), "the same blobs give the same zip");
    let reversed = Blobs { index: 0, blobs: blobs.iter().rev().cloned().collect() };
    let unknown = Blobs { index: 5, blobs: blobs.clone() };
    for bad in [vec![reversed], vec![unknown], vec![good.clone(), good.clone()]] {
        assert_eq!(plan.pack(&bad, false).unwrap_err().kind(), ErrorKind::BadArgument);
    }
    // An add blob handed in as the activate: the header says otherwise.
    let swapped =
        Blobs { index: 0, blobs: vec![(Action::Add, blobs[0].1.clone()), (Action::Activate, blobs[0].1.clone())] };
    assert_eq!(plan.pack(&[swapped], false).unwrap_err().kind(), ErrorKind::ActionMismatch);
    assert_eq!(plan.build_device(9).unwrap_err().kind(), ErrorKind::BadArgument);
}

#[test]
fn fill_secrets_fills_only_empty_cells_and_keeps_everything_else() {
    let manifest = "Device;Secret;certificate\r\nroom-1;;a.crt\r\nroom-2;=keep me exactly ;b.crt\r\n;;\r\nroom-3;;\r\n";
    let filled = fill_secrets(manifest, SecretKind::Base64Url).unwrap();
    assert_eq!(filled.filled, ["room-1", "room-3"]);
    let rows: Vec<&str> = filled.manifest.lines().collect();
    assert_eq!(rows[0], "Device,Secret,certificate");
    assert!(
        rows[2].starts_with("room-2,=keep me exactly ,b.crt") || rows[2].starts_with("room-2,\"=keep me exactly \"")
    );
    let plan = plan_fleet(&input(&filled.manifest, &[])).unwrap();
    let devices = &plan.report().devices;
    assert_eq!(devices.len(), 3, "the empty row stays empty and is skipped");
    for device in devices {
        assert!(!codes(&device.findings).contains(&"bad_manifest_row"), "{}: a secret is missing", device.device);
    }
    // No secret column: one is added. A row that cannot be read: nothing is rewritten.
    let added = fill_secrets("device\nroom-9\n", SecretKind::Phrase).unwrap();
    assert!(added.manifest.starts_with("device,secret\r\nroom-9,"));
    assert_eq!(
        fill_secrets("device,secret\nroom-1,\"open\n", SecretKind::Phrase).unwrap_err().kind(),
        ErrorKind::BadManifest
    );
}

#[test]
fn a_manifest_that_cannot_be_used_at_all_is_refused_with_a_code() {
    for (manifest, kind) in [
        ("", ErrorKind::BadManifest),
        ("name,password\nroom-1,x\n", ErrorKind::BadManifest),
        ("device,secret,Device\nroom-1,x,y\n", ErrorKind::BadManifest),
        ("\"device,secret\n", ErrorKind::BadManifest),
    ] {
        assert_eq!(plan_fleet(&input(manifest, &[])).unwrap_err().kind(), kind, "{manifest:?}");
    }
}

#[test]
fn hostile_manifests_and_file_sets_are_capped() {
    // 10,000 rows is the cap: read (no files, so each is no_certificate_for_device); one more is refused.
    let mut manifest = String::from("device,secret\n");
    for i in 0..10_000 {
        manifest.push_str(&format!("d{i},s{i}\n"));
    }
    let plan = plan_fleet(&input(&manifest, &[])).unwrap();
    assert_eq!(plan.report().devices.len(), 10_000);
    assert!(plan.report().devices.iter().all(|d| codes(&d.findings) == ["no_certificate_for_device"]));
    manifest.push_str("one,more\n");
    assert_eq!(plan_fleet(&input(&manifest, &[])).unwrap_err().kind(), ErrorKind::TooManyRows);

    // A 1 MiB cell is an error for its row; the next row is read.
    let manifest = format!("device,secret\nbig,{}\nroom-1,s\n", "x".repeat(1 << 20));
    let plan = plan_fleet(&input(&manifest, &[])).unwrap();
    assert_eq!(codes(&plan.report().devices[0].findings), ["bad_manifest_row"]);
    assert_eq!(plan.report().devices[1].device, "room-1");

    // Path traversal and reserved names in device names: safe, unique folders.
    let manifest = "device,secret\n../../etc/passwd,a\n..\\..\\x,b\nCON,c\nnul.txt,d\n\u{202e}gpj.exe,e\n";
    let plan = plan_fleet(&input(manifest, &[])).unwrap();
    for device in &plan.report().devices {
        let folder = &device.folder;
        assert!(!folder.contains(['/', '\\', '\u{202e}']) && folder != ".." && !folder.starts_with('.'), "{folder}");
        assert!(!["con", "nul.txt"].contains(&folder.to_lowercase().as_str()), "{folder}");
    }

    // Too many files, or too many bytes: refused before any is read.
    let empty: Vec<(String, Vec<u8>)> = (0..2_001).map(|i| (format!("f{i}"), Vec::new())).collect();
    let many = inputs(&empty);
    assert_eq!(plan_fleet(&input("device,secret\n", &many)).unwrap_err().kind(), ErrorKind::TooManyFiles);
}

#[test]
fn every_fleet_finding_code_is_exercised() {
    // The codes these plans produce, gathered: the fixture's traps, then rows
    // for the codes its manifest has no trap for.
    let (files, manifest) = (files(), manifest("manifest.csv"));
    let inputs = inputs(&files);
    let extra = "device,secret,certificate\nroom-1,a,room-1.crt\nROOM-1,b,room-1.crt\nroom-2,c,nowhere.crt\n";
    let mut seen = HashSet::new();
    for text in [manifest.as_str(), extra] {
        let mut fleet = input(text, &inputs);
        fleet.expires_before = Some(NOW + 365 * 86_400);
        let plan = plan_fleet(&fleet).unwrap();
        let devices = plan.report().devices.iter().flat_map(|d| &d.findings);
        seen.extend(devices.chain(&plan.report().findings).map(|f| f.code.code()));
    }
    // build_failed needs a worker that stops twice: tests/page/fleet.test.mjs.
    seen.insert("build_failed");
    for code in common::FLEET_CODES {
        assert!(seen.contains(code), "no test plan produces {code}");
        assert!(FindingCode::ALL.iter().any(|c| c.code() == code), "{code} is not a finding code");
    }
}

#[test]
fn the_files_share_one_budget_of_key_derivation() {
    // 1,000,000 PBKDF2 iterations each (the per-derivation cap): twenty fill
    // the fleet's 20,000,000 units, the 21st is refused before it runs.
    // Without a passphrase nothing is derived, yet the work is charged first.
    let key =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile/pkcs8-pbkdf2-iter-1000000.der")).unwrap();
    let files: Vec<(String, Vec<u8>)> = (0..21).map(|i| (format!("k{i}.der"), key.clone())).collect();
    let inputs = inputs(&files);
    let plan = plan_fleet(&input("device,secret\n", &inputs).with_passphrase(None)).unwrap();
    let file_codes: Vec<(&str, &str)> =
        plan.report().findings.iter().map(|f| (f.files[0].as_str(), f.code.code())).collect();
    assert_eq!(file_codes.len(), 21);
    assert!(file_codes[..20].iter().all(|(_, code)| *code == "encrypted_needs_passphrase"), "{file_codes:?}");
    assert_eq!(file_codes[20], ("k20.der", "unsupported_format"));
}

#[test]
fn with_a_passphrase_only_derivations_the_fleet_can_share_are_made_once() {
    // The same key file 21 times, opened (each PBKDF2 at 1,000,000 iterations).
    // PBKDF2-SHA256 with AES-256-CBC (what keys::export writes): one derivation
    // for all 21, since they share the salt. PBKDF2-SHA512: a scheme the fleet
    // does not share, so each derivation is charged, and the 21st is refused.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile/");
    for (file, last) in [
        ("pkcs8-pbkdf2-iter-1000000.der", "unused_file"),
        ("pkcs8-pbkdf2-sha512-iter-1000000.der", "unsupported_format"),
    ] {
        let key = std::fs::read(format!("{dir}{file}")).unwrap();
        let files: Vec<(String, Vec<u8>)> = (0..21).map(|i| (format!("k{i}.der"), key.clone())).collect();
        let inputs = inputs(&files);
        let plan = plan_fleet(&input("device,secret\n", &inputs).with_passphrase(Some("correct horse"))).unwrap();
        let codes: Vec<&str> = plan.report().findings.iter().map(|f| f.code.code()).collect();
        assert_eq!(codes.len(), 21, "{file}: {codes:?}");
        assert!(codes[..20].iter().all(|code| *code == "unused_file"), "{file}: {codes:?}");
        assert_eq!(codes[20], last, "{file}");
    }
}

#[test]
fn a_device_name_cannot_carry_a_line_into_initial_populate() {
    let files = files();
    let inputs = inputs(&files);
    // A quoted cell may hold a line break; initial-populate.txt is typed at the console.
    let manifest = "device,secret,certificate,key,deviceId\n\
                    \"room-1\nxCommand SystemUnit FactoryReset Confirm: Yes\",s,room-1.crt,room-1.key,\n\
                    room-4,s4,room-4.crt,room-4.key,\"id\twith a tab\"\n";
    let result = build_fleet(&input(manifest, &inputs), true).unwrap();
    for device in &result.devices {
        assert_eq!(codes(&device.findings), ["bad_manifest_row"], "{}", device.device);
    }
    assert!(result.devices.iter().all(|d| d.commands.is_empty()));
    assert!(!String::from_utf8_lossy(&result.zip).contains("\nxCommand SystemUnit"), "a command on its own line");
}

#[test]
fn a_fingerprint_listed_twice_is_deactivated_once() {
    let files = files();
    let inputs = inputs(&files);
    let (a, b) = ("aa".repeat(20), "bb".repeat(20));
    let manifest = room_1_manifest(",deactivate", &format!(",\"{a}; {b}; {}\"", a.to_uppercase()));
    let plan = plan_fleet(&input(&manifest, &inputs)).unwrap();
    assert_eq!(plan.report().devices[0].actions, ["add", "activate", "deactivate", "deactivate"]);
}

#[test]
fn a_build_only_plan_checks_each_device_when_it_builds_it() {
    let (expected, files, manifest) = (expected(), files(), manifest("manifest.csv"));
    let inputs = inputs(&files);
    let fleet = input(&manifest, &inputs);
    let full = plan_fleet(&fleet).unwrap();
    let build_only = webex_device_identity::fleet::plan_fleet_for_build(&fleet, full.build_files().to_vec()).unwrap();
    for (i, entry) in expected.entries.iter().enumerate() {
        let device = &full.report().devices[i];
        match build_only.build_device(i) {
            Ok(built) => {
                assert_ne!(device.status, Status::Error, "{} was built", entry.device);
                let secret = Secret::new(entry.secret.as_deref().unwrap()).unwrap();
                let add = open_jwe(&built.commands[0].jwe, &secret).unwrap();
                assert_eq!(Some(add.payload.to_string()), entry.add_payload, "{}", entry.device);
                // What the pool built, the full plan packs.
                let blobs = built.commands.iter().map(|c| (c.action, c.jwe.clone())).collect();
                full.pack(&[Blobs { index: i, blobs }], false).unwrap();
            }
            // Refused by the certificate checks it skipped at planning (an expired
            // leaf, an RSA leaf), or already an error in its plan.
            Err(error) => {
                assert_eq!(device.status, Status::Error, "{} refused: {}", entry.device, error.code());
                assert!(["certificate_rejected", "bad_argument"].contains(&error.code()), "{}", error.code());
            }
        }
    }
    // A device in error has no build files: no plan builds it. Given its files
    // anyway (by hand), the build-only plan's own checks refuse it.
    let expired = expected.entries.iter().position(|e| e.device == "trap-expired").unwrap();
    assert!(full.build_files()[expired].is_none());
    let index_of = |name: &str| files.iter().position(|(n, _)| n == name).unwrap();
    let mut by_hand = full.build_files().to_vec();
    by_hand[expired] = Some(webex_device_identity::fleet::BuildFiles {
        files: vec![index_of("trap-expired.crt"), index_of("trap-expired.key")],
        leaf: expected.entries[expired].sha1.clone().unwrap(),
    });
    let build_only = webex_device_identity::fleet::plan_fleet_for_build(&fleet, by_hand).unwrap();
    let refused = build_only.build_device(expired).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::CertificateRejected);
    assert!(refused.findings().iter().any(|f| f.code == FindingCode::Expired));
    // Build files that are not this fleet's are refused whole.
    let wrong = vec![None; 3];
    assert_eq!(
        webex_device_identity::fleet::plan_fleet_for_build(&fleet, wrong).unwrap_err().kind(),
        ErrorKind::BadArgument
    );
}
