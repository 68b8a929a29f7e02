//! Arbitrary text pasted into inspect: PEM blocks in any order, or anything else.
#![no_main]

use libfuzzer_sys::fuzz_target;
use webex_device_identity::cert::{inspect, leaf_sha1, Input, InspectOptions, Severity};

/// 2026-06-01T00:00:00Z, the fixtures' reference time.
const NOW: i64 = 1_780_272_000;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = inspect(Input::Text(&text), &InspectOptions { passphrase: None, now: NOW });
    check(&report);
    let _ = leaf_sha1(&report);
    // The encrypted-key seeds open with this passphrase; only then is it worth the KDF.
    if text.contains("ENCRYPTED") {
        check(&inspect(Input::Text(&text), &InspectOptions { passphrase: Some("correct horse"), now: NOW }));
    }
});

/// What every report must satisfy, whatever the input.
fn check(report: &webex_device_identity::cert::Report) {
    let severities: Vec<Severity> = report.findings.iter().map(|f| f.severity).collect();
    assert!(severities.windows(2).all(|w| w[0] <= w[1]), "findings are ordered by severity");
    assert_eq!(report.has_errors(), report.add_payload.is_none(), "an add payload exactly when there is no error");
    if let Some(leaf) = report.leaf_index {
        assert!(leaf < report.certificates.len(), "the leaf index points at a certificate");
    }
}
