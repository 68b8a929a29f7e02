//! The admin's one-device tasks, where the device protocol meets the
//! certificate checks: building any blob under the payload policy (an `add`
//! payload must pass the device profile), installing a checked bundle (`add`
//! then `activate`), deactivating by fingerprint or certificate, and checking
//! a pasted blob or command. The page's worker calls these one to one.

mod build;
mod check_blob;
mod deactivate;
mod install;

pub use build::{build_jwe, BuildRequest};
pub(crate) use build::{refuse_errors, seal_checked};
pub use check_blob::{check_blob, check_blobs, CheckedBlob};
pub use deactivate::{deactivate, leaf_sha1, Deactivation, Target};
pub use install::{check_bundle, Bundle, CheckedBundle, InstallCommands};
