//! Opening a blob: full validation, then one scrypt, then the tag check.
//! Plaintext is returned only after the tag verified; never partially.

use zeroize::Zeroizing;

use crate::device::blob::compact::split;
use crate::device::enc::open;
use crate::device::kdf::derive_key;
use crate::device::{Action, Enc};
use crate::error::{Error, ErrorKind};
use crate::secret::Secret;

/// An opened blob.
#[derive(Debug)]
pub struct Opened {
    /// `cisco-action` from the header.
    pub action: Action,
    /// `enc` from the header.
    pub enc: Enc,
    /// The scrypt salt from the header.
    pub salt: Vec<u8>,
    /// The header JSON exactly as it was in the blob.
    pub header_json: String,
    /// The decrypted payload (wiped on drop: it may be a new secret or a key).
    pub payload: Zeroizing<String>,
}

/// Opens `jwe` with `secret`.
pub fn open_jwe(jwe: &str, secret: &Secret) -> Result<Opened, Error> {
    let compact = split(jwe)?;
    let header = compact.header;
    let key = derive_key(secret, &header.salt, header.enc)?;
    let plaintext =
        open(header.enc, &key, &compact.iv, compact.header_b64.as_bytes(), &compact.ciphertext, &compact.tag)?;
    let payload = String::from_utf8(plaintext.to_vec()).map_err(|e| {
        // from_utf8 hands the bytes back in the error: wipe them too.
        drop(Zeroizing::new(e.into_bytes()));
        Error::new(
            ErrorKind::PayloadNotUtf8,
            "The blob opened, but its payload is not UTF-8 text, so no device would accept it. \
             Build it again with this tool.",
        )
    })?;
    Ok(Opened {
        action: header.action,
        enc: header.enc,
        salt: header.salt,
        header_json: compact.header_json,
        payload: Zeroizing::new(payload),
    })
}
