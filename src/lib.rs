//! Builds and opens the encrypted blobs (JWE) that Cisco Webex Room, Desk and
//! Board devices take to install and use an external identity certificate,
//! and checks the certificates that go into them.
//!
//! The core is pure Rust and knows nothing of JavaScript; `wasm/` is the one
//! thin layer that exports it to the browser. Each item is public at exactly
//! one path, its domain's module:
//!
//! | module | holds |
//! | --- | --- |
//! | [`device`] | the RoomOS recipe: actions, fingerprints, cisco-kdf, the blob, the command text |
//! | [`cert`] | certificates and keys in every format, described and checked by a profile |
//! | [`secret`] | the ClientSecret type, generating one, rating one |
//! | [`tasks`] | one-device tasks: `build_jwe` with its payload policy, install, deactivate, check a blob |
//! | [`fleet`] | many devices from one manifest: plan, build each device, pack one zip |
//! | [`keys`] | P-256 keys and certificate requests made here, the keys saved encrypted |
//! | [`token`] | JWTs and JWEs found in pasted text: decoded, verified, opened |
//! | [`shared`] | base64url, hex, and every cap on work read from input |
//!
//! [`Error`] and [`Finding`] are every domain's, so they sit here.

#![deny(unsafe_code)]
#![deny(missing_docs)]

pub mod cert;
pub mod device;
mod error;
mod finding;
pub mod fleet;
pub mod keys;
pub mod saml;
pub mod secret;
pub mod shared;
pub mod tasks;
pub mod token;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{Error, ErrorKind};
pub use finding::{Finding, FindingCode, Passed, PassedCode, Severity};
