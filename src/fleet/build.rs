//! Building one planned device: `add`, `activate`, each `deactivate`, and
//! last the `populate` that changes the secret, all under the current
//! secret. Each blob has its own random salt and IV (so its own scrypt) and
//! has opened back under its key before it is returned.

use serde::Serialize;

use crate::device::Action;
use crate::error::{Error, ErrorKind};
use crate::fleet::command::{command, Command};
use crate::fleet::plan::Plan;
use crate::fleet::report::Status;
use crate::secret::Secret;
use crate::tasks::seal_checked;

/// A device's built commands, in the order they run.
#[derive(Clone, Debug, Serialize)]
pub struct BuiltDevice {
    /// The device's index in the plan (its manifest row).
    pub index: usize,
    /// The device's name.
    pub device: String,
    /// Its commands, in order.
    pub commands: Vec<Command>,
}

impl Plan {
    /// Builds device `index`'s commands. Refuses a device in error (it is skipped).
    pub fn build_device(&self, index: usize) -> Result<BuiltDevice, Error> {
        if self.report.devices.get(index).is_none_or(|d| d.status == Status::Error) {
            return Err(not_buildable(index));
        }
        // A build-only plan checks the device now; a full plan did already.
        let checked;
        let bundle = match &self.deferred {
            Some(deferred) => {
                checked = deferred.checked_bundle(index)?;
                checked.as_ref()
            }
            None => self.bundles.get(index).and_then(Option::as_ref),
        };
        let bundle = bundle.ok_or_else(|| not_buildable(index))?;
        let row = &self.rows[index];
        // The plan's own check, repeated for a build-only plan that skipped it.
        if row.deactivate.iter().any(|f| f == bundle.fingerprint()) {
            return Err(not_buildable(index));
        }
        let secret = Secret::new(&row.secret)?;
        let [add, activate] = bundle.blobs(&secret)?;
        let mut blobs = vec![(Action::Add, add), (Action::Activate, activate)];
        for fingerprint in &row.deactivate {
            blobs.push((Action::Deactivate, seal_checked(&secret, Action::Deactivate, fingerprint)?));
        }
        if let Some(new_secret) = &row.new_secret {
            blobs.push((Action::Populate, seal_checked(&secret, Action::Populate, new_secret)?));
        }
        let commands =
            blobs.into_iter().map(|(action, jwe)| command(action, jwe, &row.device_id)).collect::<Result<_, _>>()?;
        Ok(BuiltDevice { index, device: row.device.clone(), commands })
    }
}

fn not_buildable(index: usize) -> Error {
    Error::new(
        ErrorKind::BadArgument,
        format!("Device {index} of the plan has no commands to build: it is in error, or not in the plan."),
    )
}
