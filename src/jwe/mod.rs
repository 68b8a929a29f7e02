//! Device JWEs: compact serialization, `alg` `dir`, AES-GCM, the key from cisco-kdf.

mod build;
pub(crate) mod compact;
mod enc;
mod header;
mod open;

pub use build::{build_jwe, BuildRequest};
pub use enc::{Enc, IV_BYTES, TAG_BYTES};
pub use header::Header;
pub use open::{open_jwe, Opened};
