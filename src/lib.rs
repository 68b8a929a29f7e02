//! Builds and opens the encrypted blobs (JWE) that Cisco Webex Room, Desk and
//! Board devices take to install and use an external identity certificate.
//!
//! The core is pure Rust and knows nothing of JavaScript; `wasm.rs` is the one
//! thin module that exports it to the browser.

#![deny(unsafe_code)]
#![deny(missing_docs)]

mod action;
mod base64url;
pub mod cert;
mod commands;
mod error;
mod fingerprint;
pub mod jwe;
pub mod kdf;
mod limits;
mod payload;
mod random;
mod secret;
mod secret_tools;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use action::Action;
pub use commands::{device_command, initial_populate_command};
pub use error::{Error, ErrorKind};
pub use fingerprint::normalize_fingerprint;
pub use jwe::{build_jwe, open_jwe, BuildRequest, Enc, Opened};
pub use limits::MAX_INPUT_BYTES;
pub use secret::Secret;
pub use secret_tools::{generate_secret, secret_strength, SecretKind, Strength};

/// base64url without padding, as the blobs use it.
pub mod b64 {
    pub use crate::base64url::{decode, encode};
}
