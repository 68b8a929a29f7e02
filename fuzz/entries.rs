//! What each fuzz target does with one input, written once: the targets in
//! fuzz_targets/ call these, and tests/fuzz_corpus.rs replays the committed
//! seed corpora through the very same functions under plain `cargo test`.
#![allow(dead_code)] // each includer uses only its own entries

use webex_device_identity::cert::{inspect, Input, InspectOptions, Report};
use webex_device_identity::fleet::{fill_secrets, plan_fleet, FleetInput, Status};
use webex_device_identity::secret::SecretKind;
use webex_device_identity::tasks::leaf_sha1;
use webex_device_identity::Severity;
use webex_device_identity::{
    device::blob::open_jwe as open, device::device_command, device::normalize_fingerprint, device::Action,
    secret::Secret,
};

/// 2026-06-01T00:00:00Z, the fixtures' reference time.
pub const NOW: i64 = 1_780_272_000;

/// Arbitrary text as a device blob: `device_command` (shape and header checks,
/// no key derivation) always, and `open_jwe` when `derive` says so.
pub fn open_jwe(data: &[u8], derive: bool) {
    let text = String::from_utf8_lossy(data);
    // device_command runs all of the secret-free validation that open_jwe runs
    // first (size, split, base64url, header JSON, salt, IV and tag lengths).
    let _ = device_command(Action::Add, &text);
    if derive {
        let _ = open(&text, &Secret::new("s").unwrap());
    }
}

/// Arbitrary text pasted into inspect: PEM blocks in any order, or anything else.
pub fn inspect_pem(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let report = inspect(Input::Text(&text), &InspectOptions::new(None, NOW));
    check(&report);
    let _ = leaf_sha1(&report);
    // The encrypted-key seeds open with this passphrase; only then is it worth the KDF.
    if text.contains("ENCRYPTED") {
        check(&inspect(Input::Text(&text), &InspectOptions::new(Some("correct horse"), NOW)));
    }
}

/// Arbitrary file bytes given to inspect, without a passphrase and with the fixtures' one.
pub fn inspect_der(data: &[u8]) {
    for passphrase in [None, Some("correct horse")] {
        let report = inspect(Input::Bytes(data), &InspectOptions::new(passphrase, NOW));
        check(&report);
        let _ = leaf_sha1(&report);
    }
}

/// Arbitrary text as a pasted fingerprint: an error, or 40 lowercase hex digits.
pub fn fingerprint(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(hex) = normalize_fingerprint(&text) {
        assert_eq!(hex.len(), 40, "{hex:?}");
        assert!(hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{hex:?}");
    }
}

/// Arbitrary text as a fleet manifest (no files: every usable row is then
/// `no_certificate_for_device`): a coded error, or one device per row with
/// a safe folder; filling its secrets never loses a row.
pub fn manifest(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(plan) =
        plan_fleet(&FleetInput { manifest: &text, files: &[], passphrase: None, now: NOW, expires_before: None })
    {
        for device in &plan.report().devices {
            assert_eq!(device.status, Status::Error, "no files, so no device can be ready");
            let folder = &device.folder;
            assert!(!folder.is_empty() && !folder.contains(['/', '\\']) && !folder.starts_with('.'), "{folder:?}");
        }
    }
    if let Ok(filled) = fill_secrets(&text, SecretKind::Base64Url) {
        let again = fill_secrets(&filled.manifest, SecretKind::Base64Url).expect("a filled manifest reads back");
        assert!(again.filled.is_empty(), "every secret was filled the first time");
    }
}

/// What every report must satisfy, whatever the input.
fn check(report: &Report) {
    let severities: Vec<Severity> = report.findings.iter().map(|f| f.severity).collect();
    assert!(severities.windows(2).all(|w| w[0] <= w[1]), "findings are ordered by severity");
    assert_eq!(report.has_errors(), report.add_payload.is_none(), "an add payload exactly when there is no error");
    if let Some(leaf) = report.leaf_index {
        assert!(leaf < report.certificates.len(), "the leaf index points at a certificate");
    }
}
