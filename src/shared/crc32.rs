//! CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), the checksum zip
//! stores for every entry. A few lines and one table built at compile time
//! cost less wasm than a crate; `tests/fixtures/crc32.json` (from Python's
//! `zlib.crc32`) proves it equal to the reference.

/// The 256 remainders of one byte, computed by the compiler.
const TABLE: [u32; 256] = table();

/// Builds [`TABLE`]: for each byte, eight rounds of shift-and-maybe-xor.
const fn table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut byte = 0;
    while byte < 256 {
        let mut crc = byte as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            bit += 1;
        }
        table[byte] = crc;
        byte += 1;
    }
    table
}

/// The CRC-32 of `bytes`, as zip and `zlib.crc32` compute it.
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &byte| TABLE[usize::from((crc as u8) ^ byte)] ^ (crc >> 8))
}

#[cfg(test)]
mod tests {
    use super::crc32;

    #[test]
    fn known_answers() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"a"), 0xE8B7_BE43);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    }

    /// Every case of the fixture that `scripts/crc32-fixture.py` wrote with
    /// Python's `zlib.crc32`: lengths 0 to 5000 of pseudo-random bytes.
    #[test]
    fn equals_zlib_on_the_fixture() {
        let fixture: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/crc32.json")).expect("fixture is JSON");
        let cases = fixture["cases"].as_array().expect("cases");
        assert_eq!(cases.len(), 40);
        for (i, case) in cases.iter().enumerate() {
            let hex = case["hex"].as_str().expect("hex");
            let bytes: Vec<u8> =
                (0..hex.len()).step_by(2).map(|at| u8::from_str_radix(&hex[at..at + 2], 16).expect("hex")).collect();
            let expected = case["crc32"].as_u64().expect("crc32");
            assert_eq!(u64::from(crc32(&bytes)), expected, "case {i} ({} bytes)", bytes.len());
        }
    }
}
