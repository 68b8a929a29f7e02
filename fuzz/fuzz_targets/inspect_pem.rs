//! Arbitrary text pasted into inspect: PEM blocks in any order, or anything else.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../entries.rs"]
mod entries;

fuzz_target!(|data: &[u8]| entries::inspect_pem(data));
