//! "cisco-kdf" version 1: the content key is
//! `scrypt(secret, salt, N = 32768, r = 8, p = 1, dkLen = key length of enc)`
//! (spec, "Key derivation"). No other parameters exist, so none are read from input.

use scrypt::{scrypt, Params};
use zeroize::Zeroizing;

use crate::device::Enc;
use crate::error::{Error, ErrorKind};
use crate::secret::Secret;

/// log2 of scrypt's N = 32768.
pub const LOG_N: u8 = 15;
/// scrypt's block size r.
pub const R: u32 = 8;
/// scrypt's parallelism p.
pub const P: u32 = 1;
/// The spec's minimum salt length in bytes.
pub const MIN_SALT_BYTES: usize = 4;
/// The salt length drawn when the caller gives none.
pub const DEFAULT_SALT_BYTES: usize = 16;

/// Refuses a salt shorter than the spec allows.
pub(crate) fn check_salt(salt: &[u8]) -> Result<(), Error> {
    if salt.len() < MIN_SALT_BYTES {
        return Err(Error::new(
            ErrorKind::SaltTooShort,
            format!(
                "The salt is {} bytes; cisco-kdf needs at least {MIN_SALT_BYTES}. \
                 Leave the salt out and a random 16-byte one is drawn.",
                salt.len()
            ),
        ));
    }
    Ok(())
}

/// Derives the AES-GCM key for `enc` from the secret and salt.
pub fn derive_key(secret: &Secret, salt: &[u8], enc: Enc) -> Result<Zeroizing<Vec<u8>>, Error> {
    check_salt(salt)?;
    // These constants are valid scrypt parameters and every key length in the
    // enc table is a valid output length, so neither call can fail.
    let params = Params::new(LOG_N, R, P).expect("cisco-kdf v1 parameters are valid");
    let mut key = Zeroizing::new(vec![0u8; enc.key_len()]);
    scrypt(secret.as_bytes(), salt, &params, &mut key).expect("key length is valid");
    Ok(key)
}

/// Prepares for the first blob, which otherwise takes twice as long: runs
/// scrypt's code once at 1/32 of the work, on nothing secret, so the browser's
/// JIT optimises it, and grows the heap by scrypt's 32 MiB once (the allocator
/// keeps the freed block for the real derivation). The page's worker calls it
/// (through `warmUp`) right after start-up.
pub fn warm_up() {
    let params = Params::new(LOG_N - 5, R, P).expect("valid parameters");
    let mut out = [0u8; 32];
    scrypt(b"warm-up", b"warm-up salt", &params, &mut out).expect("output length is valid");
    let memory = 128 * (R as usize) * (1 << LOG_N); // scrypt's V: 32 MiB
    std::hint::black_box(vec![1u8; memory + (1 << 20)]);
}
