//! Replays every file of the fuzz seed corpora (fuzz/corpus/TARGET/) through
//! the same code its fuzz target runs (fuzz/entries.rs), so plain `cargo test`
//! keeps the corpora passing without cargo-fuzz or nightly flags. Native only:
//! it reads the files at run time.
#![cfg(not(target_arch = "wasm32"))]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

#[path = "../fuzz/entries.rs"]
mod entries;

const TARGETS: [&str; 5] = ["open_jwe", "inspect_pem", "inspect_der", "fingerprint", "manifest"];

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

/// The fuzz target opens five-part blobs only now and then, to stay fast; the
/// seeds are few, so every one is opened here.
fn open_jwe_target(data: &[u8]) {
    entries::open_jwe(data, true);
}

#[test]
fn every_seed_replays_without_a_panic() {
    let mut failures = Vec::new();
    let mut replayed = 0;
    for target in TARGETS {
        let run: fn(&[u8]) = match target {
            "open_jwe" => open_jwe_target,
            "inspect_pem" => entries::inspect_pem,
            "inspect_der" => entries::inspect_der,
            "fingerprint" => entries::fingerprint,
            "manifest" => entries::manifest,
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
