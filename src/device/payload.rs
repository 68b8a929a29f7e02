//! What each action's plaintext is (spec, "Payload per action"), for the
//! actions whose payload the device protocol alone decides. An `add` payload
//! passes through unchanged: its certificate checks are the caller's policy
//! (`tasks::build_jwe`), so the blob code never depends on certificate code.

use zeroize::Zeroizing;

use crate::device::{normalize_fingerprint, Action};
use crate::error::Error;

/// Returns the plaintext to encrypt for `action`, normalized where the device
/// expects one form (fingerprints).
pub(crate) fn prepare_payload(action: Action, payload: &str) -> Result<Zeroizing<String>, Error> {
    match action {
        // The new secret's raw UTF-8 bytes; empty resets the secret.
        Action::Populate | Action::Add => Ok(Zeroizing::new(payload.to_owned())),
        Action::Activate | Action::Deactivate => normalize_fingerprint(payload).map(Zeroizing::new),
    }
}
