//! Arbitrary text as a fleet manifest: a coded error, or one device per row
//! with a safe folder; filling its secrets reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../entries.rs"]
mod entries;

fuzz_target!(|data: &[u8]| entries::manifest(data));
