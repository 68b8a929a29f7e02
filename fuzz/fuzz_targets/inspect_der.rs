//! Arbitrary file bytes given to inspect: DER certificates and keys, PKCS#12,
//! PEM, or anything else; without a passphrase and with the fixtures' one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use webex_device_identity::cert::{inspect, leaf_sha1, Input, InspectOptions, Report, Severity};

/// 2026-06-01T00:00:00Z, the fixtures' reference time.
const NOW: i64 = 1_780_272_000;

fuzz_target!(|data: &[u8]| {
    for passphrase in [None, Some("correct horse")] {
        let report = inspect(Input::Bytes(data), &InspectOptions { passphrase, now: NOW });
        check(&report);
        let _ = leaf_sha1(&report);
    }
});

/// What every report must satisfy, whatever the input.
fn check(report: &Report) {
    let severities: Vec<Severity> = report.findings.iter().map(|f| f.severity).collect();
    assert!(severities.windows(2).all(|w| w[0] <= w[1]), "findings are ordered by severity");
    assert_eq!(report.has_errors(), report.add_payload.is_none(), "an add payload exactly when there is no error");
    if let Some(leaf) = report.leaf_index {
        assert!(leaf < report.certificates.len(), "the leaf index points at a certificate");
    }
}
