//! Fresh salts and IVs, only from the platform CSPRNG: the OS natively,
//! `crypto.getRandomValues` in the browser (getrandom's wasm_js backend).

use crate::error::{Error, ErrorKind};

/// Returns `len` random bytes.
pub(crate) fn random_bytes(len: usize) -> Result<Vec<u8>, Error> {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).map_err(|_| {
        Error::new(
            ErrorKind::RandomUnavailable,
            "The platform's secure random generator is unavailable, so no salt or IV could be drawn. \
             Use a current browser.",
        )
    })?;
    Ok(bytes)
}
