//! The blob: a compact JWE with `alg` `dir`, AES-GCM, and the content key from
//! cisco-kdf. Deriving the key ([`ContentKey::derive`]) and sealing ([`seal`])
//! are separate steps; opening checks everything before it derives.

mod compact;
mod header;
mod open;
mod seal;

pub(crate) use compact::split;
pub use header::Header;
pub use open::{open_jwe, Opened};
pub use seal::{check_iv, check_opens, seal, ContentKey};
