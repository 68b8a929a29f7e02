//! The device's ClientSecret: the type that holds one (UTF-8 bytes, wiped
//! from memory on drop, never printed by `Debug`), generating one, and
//! estimating the strength of one a person typed.

mod generate;
mod strength;

use std::fmt;

use zeroize::Zeroizing;

use crate::error::{Error, ErrorKind};
use crate::shared::caps::check_size;

pub use generate::{generate_secret, SecretKind};
pub use strength::{label, secret_strength, Strength, Warning, GUESSES_PER_SECOND, MIN_GOOD_LENGTH};

/// A ClientSecret (or a new one on its way into a `populate` blob).
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Takes ownership of `text` so no unwiped copy is left behind.
    /// Refuses an empty secret and one over the input limit.
    pub fn from_string(text: String) -> Result<Self, Error> {
        let text = Zeroizing::new(text);
        if text.is_empty() {
            return Err(Error::new(ErrorKind::EmptySecret, "The secret is empty. Type the device's ClientSecret."));
        }
        check_size("secret", text.len())?;
        Ok(Secret(text))
    }

    /// Copies `text` into a new secret.
    pub fn new(text: &str) -> Result<Self, Error> {
        Self::from_string(text.to_owned())
    }

    /// The secret as text (for checks on a new secret).
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    /// The UTF-8 bytes the key derivation takes.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// Refuses a new secret that is only white space (`blank_secret`): it is
/// almost always a slip (a field left with a space, a pasted line break), and
/// the device would take it exactly as typed. Empty text passes: callers that
/// need a secret refuse it with `empty_secret`, and an empty `populate`
/// payload is the device's reset.
pub fn check_new_secret(text: &str) -> Result<(), Error> {
    if !text.is_empty() && text.trim().is_empty() {
        return Err(Error::new(
            ErrorKind::BlankSecret,
            "The new secret is only white space. Type a secret with visible characters, or generate one.",
        ));
    }
    Ok(())
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}
