//! Arbitrary file bytes given to inspect: DER certificates and keys, PKCS#12,
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../entries.rs"]
mod entries;

fuzz_target!(|data: &[u8]| entries::inspect_der(data));
