//! Replays every file of the fuzz seed corpora (fuzz/corpus/TARGET/) through
//! the entry point its fuzz target drives (fuzz/fuzz_targets/TARGET.rs), with
//! the same checks, so plain `cargo test` keeps the corpora passing without
//! cargo-fuzz or nightly flags. Native only: it reads the files at run time.
#![cfg(not(target_arch = "wasm32"))]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use webex_device_identity::cert::{inspect, leaf_sha1, Input, InspectOptions, Report, Severity};
use webex_device_identity::{device_command, normalize_fingerprint, open_jwe, Action, Secret};

/// 2026-06-01T00:00:00Z, the fixtures' reference time (as the fuzz targets use).
const NOW: i64 = 1_780_272_000;

const TARGETS: [&str; 4] = ["open_jwe", "inspect_pem", "inspect_der", "fingerprint"];

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has no seeds", dir.display());
    files
}

/// What every report must satisfy, whatever the input (as in the fuzz targets).
fn check(report: &Report) {
    let severities: Vec<Severity> = report.findings.iter().map(|f| f.severity).collect();
    assert!(severities.windows(2).all(|w| w[0] <= w[1]), "findings are ordered by severity");
    assert_eq!(report.has_errors(), report.add_payload.is_none(), "an add payload exactly when there is no error");
    if let Some(leaf) = report.leaf_index {
        assert!(leaf < report.certificates.len(), "the leaf index points at a certificate");
    }
}

fn open_jwe_target(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = device_command(Action::Add, &text);
    // The fuzz target opens five-part blobs only now and then, to stay fast;
    // the seeds are few, so every one is opened here.
    let _ = open_jwe(&text, &Secret::new("s").unwrap());
}

fn inspect_pem_target(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let report = inspect(Input::Text(&text), &InspectOptions { passphrase: None, now: NOW });
    check(&report);
    let _ = leaf_sha1(&report);
    if text.contains("ENCRYPTED") {
        check(&inspect(Input::Text(&text), &InspectOptions { passphrase: Some("correct horse"), now: NOW }));
    }
}

fn inspect_der_target(data: &[u8]) {
    for passphrase in [None, Some("correct horse")] {
        let report = inspect(Input::Bytes(data), &InspectOptions { passphrase, now: NOW });
        check(&report);
        let _ = leaf_sha1(&report);
    }
}

fn fingerprint_target(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(hex) = normalize_fingerprint(&text) {
        assert_eq!(hex.len(), 40, "{hex:?}");
        assert!(hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{hex:?}");
    }
}

#[test]
fn every_seed_replays_without_a_panic() {
    let mut failures = Vec::new();
    let mut replayed = 0;
    for target in TARGETS {
        let run: fn(&[u8]) = match target {
            "open_jwe" => open_jwe_target,
            "inspect_pem" => inspect_pem_target,
            "inspect_der" => inspect_der_target,
            "fingerprint" => fingerprint_target,
            _ => unreachable!(),
        };
        for path in corpus(target) {
            let data = std::fs::read(&path).unwrap();
            replayed += 1;
            if let Err(panic) = catch_unwind(AssertUnwindSafe(|| run(&data))) {
                let why = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("a panic");
                failures.push(format!("{target}/{}: {why}", path.file_name().unwrap().to_string_lossy()));
            }
        }
    }
    assert!(replayed >= 50, "only {replayed} seeds");
    assert!(failures.is_empty(), "{} seeds panicked:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_fuzz_target_has_a_corpus_and_every_corpus_a_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut dirs: Vec<String> = std::fs::read_dir(root.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut targets: Vec<String> = std::fs::read_dir(root.join("fuzz_targets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    targets.sort();
    let mut expected: Vec<String> = TARGETS.iter().map(|t| (*t).to_owned()).collect();
    expected.sort();
    assert_eq!(dirs, expected);
    assert_eq!(targets, expected);
}
