//! Installing a certificate: check the files once, keep the checked bundle
//! (it holds the private key, and never leaves the core), then build the `add`
//! and `activate` commands from it, as often as the admin asks.

use serde::Serialize;
use zeroize::Zeroizing;

use crate::cert::{inspect_all, Input, InspectOptions, Report};
use crate::device::{device_command, Action};
use crate::error::Error;
use crate::secret::Secret;
use crate::tasks::build::seal_checked;

/// A bundle that passed every check: what an `add` blob carries, and the
/// leaf's fingerprint for `activate`. The payload is wiped on drop.
pub struct Bundle {
    add_payload: Zeroizing<String>,
    fingerprint: String,
    common_name: Option<String>,
}

impl std::fmt::Debug for Bundle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bundle").field("fingerprint", &self.fingerprint).finish_non_exhaustive()
    }
}

/// The report on the files (never with the `add` payload) and, when it has no
/// error, the bundle to build from.
#[derive(Debug)]
pub struct CheckedBundle {
    /// What the checks found; `add_payload` is always `None` here.
    pub report: Report,
    /// Present exactly when the report has no error.
    pub bundle: Option<Bundle>,
}

/// The two commands, in the order they are run.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InstallCommands {
    /// Installs the certificate and key.
    pub add: String,
    /// Makes it the device's Webex identity.
    pub activate: String,
    /// The leaf's CN, to name downloads after.
    pub common_name: Option<String>,
    /// The leaf's SHA-1 fingerprint.
    pub fingerprint: String,
}

/// Checks the files an admin gave (by the device's rules) and keeps the bundle.
pub fn check_bundle(inputs: &[Input<'_>], options: &InspectOptions<'_>) -> CheckedBundle {
    let mut report = inspect_all(inputs, options);
    let bundle = Bundle::take_from(&mut report);
    CheckedBundle { report, bundle }
}

impl Bundle {
    /// The bundle of a report with no error (moving its `add` payload out), or `None`.
    pub(crate) fn take_from(report: &mut Report) -> Option<Bundle> {
        let add_payload = report.take_add_payload()?;
        let leaf = &report.certificates[report.leaf_index?];
        Some(Bundle { add_payload, fingerprint: leaf.sha1.clone(), common_name: leaf.common_name.clone() })
    }

    /// The `add` and `activate` blobs under `secret`, each with its own
    /// random salt and IV, each opened back once.
    pub(crate) fn blobs(&self, secret: &Secret) -> Result<[String; 2], Error> {
        Ok([
            seal_checked(secret, Action::Add, &self.add_payload)?,
            seal_checked(secret, Action::Activate, &self.fingerprint)?,
        ])
    }

    /// The `add` and `activate` commands under `secret`: two blobs, each with
    /// its own random salt and IV.
    pub fn commands(&self, secret: &Secret) -> Result<InstallCommands, Error> {
        let [add, activate] = self.blobs(secret)?;
        Ok(InstallCommands {
            add: device_command(Action::Add, &add)?,
            activate: device_command(Action::Activate, &activate)?,
            common_name: self.common_name.clone(),
            fingerprint: self.fingerprint.clone(),
        })
    }

    /// The leaf's SHA-1 fingerprint.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}
