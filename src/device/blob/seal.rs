//! Sealing a blob, in two steps: derive the content key (scrypt, the slow
//! part) from the secret and a salt, then seal a payload under it with a
//! fresh IV. The payload arrives ready: what it must be is decided above.

use zeroize::Zeroizing;

use crate::device::blob::compact::{join, split};
use crate::device::blob::header::Header;
use crate::device::enc::{open as aes_gcm_open, seal as aes_gcm_seal, IV_BYTES};
use crate::device::kdf::{derive_key, DEFAULT_SALT_BYTES};
use crate::device::{Action, Enc};
use crate::error::{Error, ErrorKind};
use crate::secret::Secret;
use crate::shared::random::random_bytes;

/// A content key and the salt it was derived with (the salt goes into the
/// header, so the device derives the same key). Wiped on drop.
pub struct ContentKey {
    enc: Enc,
    salt: Vec<u8>,
    key: Zeroizing<Vec<u8>>,
}

impl ContentKey {
    /// Derives the key for `enc` from `secret` and a fresh random 16-byte
    /// salt, or from `salt` when given (**known-answer tests only**).
    pub fn derive(secret: &Secret, enc: Enc, salt: Option<&[u8]>) -> Result<ContentKey, Error> {
        let salt = match salt {
            Some(salt) => salt.to_vec(),
            None => random_bytes(DEFAULT_SALT_BYTES)?,
        };
        let key = derive_key(secret, &salt, enc)?;
        Ok(ContentKey { enc, salt, key })
    }
}

impl std::fmt::Debug for ContentKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContentKey(<redacted>)")
    }
}

/// Refuses a given IV that is not exactly 12 bytes.
pub fn check_iv(iv: Option<&[u8]>) -> Result<(), Error> {
    match iv {
        Some(iv) if iv.len() != IV_BYTES => Err(Error::new(
            ErrorKind::BadIvLength,
            format!("The IV is {} bytes; it must be exactly 12. Leave it out to draw a random one.", iv.len()),
        )),
        _ => Ok(()),
    }
}

/// Seals `payload` for `action` under `key`, with a fresh random IV, or `iv`
/// when given (**known-answer tests only**).
pub fn seal(key: &ContentKey, action: Action, payload: &[u8], iv: Option<&[u8]>) -> Result<String, Error> {
    check_iv(iv)?;
    let iv: [u8; IV_BYTES] = match iv {
        Some(iv) => iv.try_into().expect("length checked above"),
        None => random_bytes(IV_BYTES)?.try_into().expect("drew exactly 12 bytes"),
    };
    let header = Header { action, enc: key.enc, salt: key.salt.clone() };
    let header_b64 = crate::shared::base64url::encode(header.to_json().as_bytes());
    let mut buffer = Zeroizing::new(payload.to_vec());
    let tag = aes_gcm_seal(key.enc, &key.key, &iv, header_b64.as_bytes(), &mut buffer);
    Ok(join(&header_b64, &iv, &buffer, &tag))
}

/// Checks that `jwe`, just sealed under `key`, opens back with that same key
/// (no second scrypt) to `action` and `payload`: a blob that does not is
/// never handed out. Costs one AES-GCM pass over the payload.
pub fn check_opens(key: &ContentKey, jwe: &str, action: Action, payload: &[u8]) -> Result<(), Error> {
    let refused = || {
        Error::new(
            ErrorKind::BlobCheckFailed,
            "A blob just built did not open back, so it was not handed out. Build it again; if this repeats, \
             reload the page or try another browser.",
        )
    };
    let compact = split(jwe).map_err(|_| refused())?;
    let header = &compact.header;
    if header.action != action || header.enc != key.enc || header.salt != key.salt {
        return Err(refused());
    }
    let opened =
        aes_gcm_open(key.enc, &key.key, &compact.iv, compact.header_b64.as_bytes(), &compact.ciphertext, &compact.tag)
            .map_err(|_| refused())?;
    if opened.as_slice() != payload {
        return Err(refused());
    }
    Ok(())
}
