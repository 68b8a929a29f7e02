//! Arbitrary text as a pasted fingerprint: an error, or 40 lowercase hex digits.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../entries.rs"]
mod entries;

fuzz_target!(|data: &[u8]| entries::fingerprint(data));
