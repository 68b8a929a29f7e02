//! What every domain uses: strict base64url, wrapped base64, hex, the platform CSPRNG, quoting
//! input in messages, CRC-32, a DER writer, and every cap on work read from input.

pub(crate) mod base64;
pub mod base64url;
pub mod caps;
pub(crate) mod crc32;
pub(crate) mod der_write;
pub mod hex;
pub(crate) mod quote;
pub(crate) mod random;
