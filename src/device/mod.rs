//! The RoomOS recipe: the four actions, certificate fingerprints, cisco-kdf,
//! the blob (a compact JWE: header, parts, seal, open) and the command text
//! that carries it. Nothing here knows about certificates: the `add` payload
//! policy lives above, in `tasks`.

mod action;
pub mod blob;
mod command;
mod enc;
mod fingerprint;
pub mod kdf;
mod payload;

pub use action::Action;
pub use command::{blobs_in_text, device_command, initial_populate_command, Pasted};
pub use enc::{Enc, IV_BYTES, TAG_BYTES};
pub use fingerprint::normalize_fingerprint;
pub(crate) use payload::prepare_payload;
