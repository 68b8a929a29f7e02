//! One command of a device in the two forms the fleet hands out: the text
//! to paste into the device shell, and the cloud xAPI's structured shape.

use serde::Serialize;

use crate::device::{device_command, Action};
use crate::error::Error;
use crate::fleet::xapi::{xapi, Xapi};

/// One command of a device: the blob, the text to paste, the structured form.
#[derive(Clone, Debug, Serialize)]
pub struct Command {
    /// `add`, `activate`, `deactivate` or `populate`.
    #[serde(serialize_with = "action_name")]
    pub action: Action,
    /// The blob.
    pub jwe: String,
    /// Exactly what `device_command(action, jwe)` returns.
    pub text: String,
    /// The cloud xAPI form.
    pub xapi: Xapi,
}

fn action_name<S: serde::Serializer>(action: &Action, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(action.name())
}

/// The command for a blob, in both forms; checks the blob's header names `action`.
pub(crate) fn command(action: Action, jwe: String, device_id: &str) -> Result<Command, Error> {
    Ok(Command { action, text: device_command(action, &jwe)?, xapi: xapi(action, &jwe, Some(device_id)), jwe })
}
