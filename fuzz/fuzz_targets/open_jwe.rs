//! Arbitrary text as a device blob: `device_command` (no key derivation) on
//! every input, `open_jwe` on some.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../entries.rs"]
mod entries;

fuzz_target!(|data: &[u8]| {
    // open_jwe adds one scrypt derivation (~70 ms) for every blob that passes
    // the secret-free validation, which would make the fuzzer a thousand times
    // slower on exactly the inputs it finds most interesting. Text that is not
    // five dot-separated parts fails before any derivation, so it always goes
    // through open_jwe too. Five-part text goes through it only when its byte
    // sum is 0 mod 256, about 1 input in 256: enough to keep the derivation,
    // tag check and UTF-8 paths covered (corpus/open_jwe/secret-s-*.txt open
    // with this secret). The selector is not "the first byte is 0": a NUL
    // there is not white space, so it would break every blob it selects; and
    // a sum, unlike one byte, is not inherited by most mutations of a
    // selected input, so the fuzzer cannot settle on the slow path.
    let five_parts = String::from_utf8_lossy(data).trim().split('.').count() == 5;
    let selected = data.iter().fold(0u8, |sum, b| sum.wrapping_add(*b)) == 0;
    entries::open_jwe(data, !five_parts || selected);
});
