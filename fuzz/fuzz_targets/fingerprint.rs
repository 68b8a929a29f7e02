//! Arbitrary text as a pasted fingerprint: an error, or 40 lowercase hex digits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use webex_device_identity::normalize_fingerprint;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(hex) = normalize_fingerprint(&text) {
        assert_eq!(hex.len(), 40, "{hex:?}");
        assert!(hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{hex:?}");
    }
});
