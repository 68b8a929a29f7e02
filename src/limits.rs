//! Size limits on everything read from a caller, checked before any work so a
//! pasted file of the wrong kind cannot stall the page.

use crate::error::{Error, ErrorKind};

/// The largest input (blob, payload, secret, salt) accepted: 1 MiB. A device
/// bundle of a certificate chain and a key is a few kilobytes.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

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
