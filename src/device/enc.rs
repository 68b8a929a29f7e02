//! The content encryptions a device takes: an allow-list table (alg is always
//! `dir`), and AES-GCM sealing and opening with a detached 16-byte tag.

use aes_gcm::aead::{AeadInOut, KeyInit};
use aes_gcm::{Aes128Gcm, Aes256Gcm, Nonce, Tag};
use zeroize::Zeroizing;

use crate::error::{Error, ErrorKind};

/// AES-GCM IV length (spec: 12 random bytes).
pub const IV_BYTES: usize = 12;
/// AES-GCM tag length.
pub const TAG_BYTES: usize = 16;

/// A JWE `enc` value a device accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Enc {
    /// AES-128-GCM, key derived with dkLen 16.
    A128Gcm,
    /// AES-256-GCM, key derived with dkLen 32. The default.
    A256Gcm,
}

/// Everything about one `enc` in one row.
struct EncInfo {
    enc: Enc,
    name: &'static str,
    key_len: usize,
}

const TABLE: [EncInfo; 2] = [
    EncInfo { enc: Enc::A128Gcm, name: "A128GCM", key_len: 16 },
    EncInfo { enc: Enc::A256Gcm, name: "A256GCM", key_len: 32 },
];

impl Enc {
    fn info(self) -> &'static EncInfo {
        TABLE.iter().find(|row| row.enc == self).expect("every Enc has a row")
    }

    /// The name in the header (`A128GCM`, `A256GCM`).
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The AES key length in bytes, which is also scrypt's dkLen.
    pub fn key_len(self) -> usize {
        self.info().key_len
    }

    /// Looks up an `enc` name; `None` when the table has no such row.
    pub fn from_name(name: &str) -> Option<Enc> {
        TABLE.iter().find(|row| row.name == name).map(|row| row.enc)
    }

    /// Parses an `enc` given by a caller building a blob.
    pub fn parse(name: &str) -> Result<Enc, Error> {
        Enc::from_name(name).ok_or_else(|| {
            Error::new(ErrorKind::BadEnc, "The encryption must be A128GCM or A256GCM (A256GCM is the default).")
        })
    }
}

/// Encrypts `buffer` in place; returns the tag.
pub(crate) fn seal(enc: Enc, key: &[u8], iv: &[u8; IV_BYTES], aad: &[u8], buffer: &mut [u8]) -> [u8; TAG_BYTES] {
    let nonce = Nonce::from(*iv);
    let tag = match enc {
        Enc::A128Gcm => cipher::<Aes128Gcm>(key).encrypt_inout_detached(&nonce, aad, buffer.into()),
        Enc::A256Gcm => cipher::<Aes256Gcm>(key).encrypt_inout_detached(&nonce, aad, buffer.into()),
    }
    .expect("a device payload is far below AES-GCM's length limit");
    tag.into()
}

/// Checks the tag, then decrypts. Any failure is the one opaque
/// `decrypt_failed`: an attacker learns nothing about why.
pub(crate) fn open(
    enc: Enc,
    key: &[u8],
    iv: &[u8; IV_BYTES],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8; TAG_BYTES],
) -> Result<Zeroizing<Vec<u8>>, Error> {
    let nonce = Nonce::from(*iv);
    let tag = Tag::from(*tag);
    let mut buffer = Zeroizing::new(ciphertext.to_vec());
    let result = match enc {
        Enc::A128Gcm => {
            cipher::<Aes128Gcm>(key).decrypt_inout_detached(&nonce, aad, buffer.as_mut_slice().into(), &tag)
        }
        Enc::A256Gcm => {
            cipher::<Aes256Gcm>(key).decrypt_inout_detached(&nonce, aad, buffer.as_mut_slice().into(), &tag)
        }
    };
    result.map_err(|_| {
        Error::new(
            ErrorKind::DecryptFailed,
            "The blob could not be opened: either the secret is wrong or the blob was changed. \
             Check the secret, and copy the whole blob again.",
        )
    })?;
    Ok(buffer)
}

fn cipher<C: KeyInit>(key: &[u8]) -> C {
    C::new_from_slice(key).expect("the KDF derives exactly the key length of enc")
}
