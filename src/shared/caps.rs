//! Every cap on work read from input, in one place, so a reviewer can see at
//! a glance how much work a hostile input can ask for. Each is checked (and,
//! for key derivations, charged) before the work runs.

use crate::error::{Error, ErrorKind};

/// The largest input (blob, payload, secret, salt, file, or all files of one
/// call together) accepted: 1 MiB. A device bundle is a few kilobytes.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The most items one call takes as a list (files dropped together).
pub const MAX_LIST_ITEMS: usize = 64;

/// At most this many blobs (or seed commands) one check opens: each costs an
/// scrypt derivation (about 50 ms in a browser); a downloaded file holds two.
pub const MAX_BLOBS_PER_CHECK: usize = 8;

/// At most this many certificates per input: a device chain has two or three,
/// and the chain walk compares every pair.
pub const MAX_CERTIFICATES: usize = 16;

/// PBKDF2 iterations (and PKCS#12 KDF rounds) above this are refused for one
/// derivation, so a hostile file cannot hang the page (OpenSSL writes 2,048;
/// 1,000,000 takes about a second in wasm). Inside a PKCS#12 file an scrypt
/// derivation's N·r·p counts against it too (see [`MAX_KDF_WORK_PER_FILE`]).
pub const MAX_KDF_ITERATIONS: u32 = 1_000_000;

/// The key-derivation work one PKCS#12 file may ask for in all: MAC, every
/// encrypted part and the key (a normal file has three derivations of 2,048).
/// PBKDF2 and PKCS#12 KDF rounds count one unit each; an scrypt derivation
/// counts N·r·p, which takes about as long as that many PBKDF2-SHA256
/// iterations (measured: N=2^16, r=8, p=16 in 2.4 s natively).
pub const MAX_KDF_WORK_PER_FILE: u64 = 2_000_000;

/// scrypt memory (128·N·r bytes) above this is refused: 64 MiB, what the devices allow.
pub const MAX_SCRYPT_MEMORY: u64 = 64 << 20;

/// scrypt parallelism above this is refused.
pub const MAX_SCRYPT_PARALLELISM: u16 = 16;

/// DER nesting deeper than this is refused as damaged: a certificate nests
/// about eight levels, and the strict-DER walk recurses once per level.
pub const MAX_DER_DEPTH: usize = 32;

/// A message quotes at most this many characters of anything read from input
/// (an option name, a certificate's name), so a hostile input cannot make a
/// message as large as itself.
pub const MAX_QUOTED_CHARS: usize = 64;

/// The strength estimate analyses at most this many characters of a secret,
/// as zxcvbn caps its input: its search grows with the square of the length.
/// Characters beyond add brute force's guesses, so no input can stall it.
pub const MAX_STRENGTH_CHARS: usize = 100;

/// The largest fleet manifest (a spreadsheet saved as CSV) accepted: 4 MiB,
/// room for [`MAX_MANIFEST_ROWS`] rows of a few hundred characters each.
pub const MAX_MANIFEST_BYTES: usize = 4 << 20;

/// The most data rows (the header row not counted) one manifest provisions;
/// reading stops with `too_many_rows` at the first row over it.
pub const MAX_MANIFEST_ROWS: usize = 10_000;

/// The most columns a manifest row may have: a fleet manifest needs a handful,
/// and the cap bounds the cells (not only the bytes) a hostile file makes.
pub const MAX_MANIFEST_COLUMNS: usize = 64;

/// The longest cell of a manifest, in characters. A longer cell is a problem
/// for its row, and the reader keeps no more than this of it in memory.
pub const MAX_CELL_CHARS: usize = 4_096;

/// The most files one fleet takes: a device needs two at most (certificate
/// and key), and each file may ask for up to [`MAX_KDF_WORK_PER_FILE`] of key
/// derivation.
pub const MAX_FLEET_FILES: usize = 2_000;

/// The most bytes all of a fleet's files may hold together: 64 MiB (a
/// device's certificate, chain and key are a few kilobytes).
pub const MAX_FLEET_BYTES: usize = 64 << 20;

/// The key-derivation work all of a fleet's files may ask for together
/// (charged before each derivation, on top of each file's own cap): 20
/// million units, about 20 s in a browser, where 200 devices' PKCS#12 files
/// with OpenSSL's defaults (three derivations of 2,048) take 1.2 million.
pub const MAX_FLEET_KDF_WORK: u64 = 20_000_000;

/// The most subject alternative names one certificate request takes: a
/// device needs one or two, and public CAs cap theirs at about a hundred.
pub const MAX_SUBJECT_ALT_NAMES: usize = 100;
/// The longest URI a certificate request takes as an alternative name.
pub const MAX_URI_CHARS: usize = 2_048;
/// The names of all a key fleet's requests together, in bytes, once the
/// patterns are filled in: 16 MiB. A fleet of 10,000 devices with a few
/// names each needs a few megabytes; 100 long URIs each would need gigabytes,
/// so the fleet is refused (`input_too_large`) before it gets there.
pub const MAX_KEY_FLEET_NAME_BYTES: usize = 16 << 20;
/// Tokens found in one text, and keys given to check them (a JWKS's keys
/// count one each): more is refused, never cut short.
pub const MAX_TOKENS: usize = 64;
/// See [`MAX_TOKENS`].
pub const MAX_TOKEN_KEYS: usize = 64;
/// Tokens inside tokens (a JWE's JWT, a claim holding a JWE) are opened this deep.
pub const MAX_TOKEN_DEPTH: usize = 8;
/// Public-key operations (a signature check, an RSA decryption) one call
/// may run: 64 tokens times 64 keys would be seconds of ECDSA in a browser.
pub const MAX_KEY_OPERATIONS: usize = 512;

/// Refuses `len` bytes of `what` when over [`MAX_INPUT_BYTES`].
pub(crate) fn check_size(what: &str, len: usize) -> Result<(), Error> {
    if len > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::InputTooLarge,
            format!(
                "The {what} is {len} bytes, over the limit of {MAX_INPUT_BYTES} bytes (1 MiB). \
                 Check that you picked the right file or pasted the right text."
            ),
        ));
    }
    Ok(())
}

/// The deepest XML the SAML checker reads: a response nests about ten
/// elements; 100,000 nested elements are refused at the 65th.
pub const MAX_XML_DEPTH: usize = 64;

/// The most elements one XML document may hold: a metadata file with two IdPs
/// holds a few hundred.
pub const MAX_XML_ELEMENTS: usize = 20_000;

/// The most bytes a Redirect-binding message may inflate to: 1 MiB, like any
/// input. Inflating stops there, so a bomb costs 1 MiB of work.
pub const MAX_INFLATED_BYTES: usize = 1 << 20;

/// The most certificates one SAML check describes, metadata given alongside
/// included: an IdP publishes two or three.
pub const MAX_SAML_CERTIFICATES: usize = 64;
