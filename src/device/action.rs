//! The four device actions a blob can carry (`cisco-action` in the header).

use crate::error::{Error, ErrorKind};

/// What the device is asked to do with the payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Replace the ClientSecret with the payload (empty payload: reset it).
    Populate,
    /// Install the PEM certificate and private key in the payload.
    Add,
    /// Use the certificate with the payload's SHA-1 fingerprint as the Webex identity.
    Activate,
    /// Stop using that certificate as the Webex identity.
    Deactivate,
}

impl Action {
    /// Every action, in the order an admin meets them.
    pub const ALL: [Action; 4] = [Action::Populate, Action::Add, Action::Activate, Action::Deactivate];

    /// The name in the header and the JS API.
    pub fn name(self) -> &'static str {
        match self {
            Action::Populate => "populate",
            Action::Add => "add",
            Action::Activate => "activate",
            Action::Deactivate => "deactivate",
        }
    }

    /// Parses an action name exactly (lower case, as in the header).
    pub fn from_name(name: &str) -> Result<Action, Error> {
        Action::ALL.into_iter().find(|a| a.name() == name).ok_or_else(|| {
            Error::new(ErrorKind::BadAction, "The action must be one of populate, add, activate or deactivate.")
        })
    }
}
