//! PKCS#12 (.p12/.pfx) through p12-keystore: modern (PBES2, AES-256-CBC,
//! PBKDF2-SHA256) and legacy (3DES, RC2-40). p12-keystore refuses more than
//! 1,000,000 MAC or KDF iterations and more than 1 GiB of scrypt memory.

use p12_keystore::error::Error as P12Error;
use p12_keystore::{KeyStore, KeyStoreEntry, Pkcs12ImportPolicy};

use crate::cert::finding::{Finding, FindingCode};
use crate::cert::input::Decoded;
use crate::cert::key::{self, wrong_passphrase};

/// Reads a PKCS#12 file; `Err` says why it cannot be read.
pub(crate) fn read(bytes: &[u8], passphrase: Option<&str>) -> Result<Decoded, Finding> {
    // Files exported "without a password" still use one: the empty one.
    let store = KeyStore::from_pkcs12(bytes, passphrase.unwrap_or(""), Pkcs12ImportPolicy::Relaxed)
        .map_err(|e| classify(e, passphrase.is_some()))?;
    let mut decoded = Decoded::default();
    for (_alias, entry) in store.entries() {
        match entry {
            KeyStoreEntry::PrivateKeyChain(chain) => {
                let mut key = key::from_pkcs8(chain.key().as_der(), "PKCS#12", passphrase.is_some())?;
                key.info.was_encrypted = passphrase.is_some_and(|p| !p.is_empty());
                decoded.keys.push(key);
                decoded.certs.extend(chain.certs().iter().map(|c| c.as_der().to_vec()));
            }
            KeyStoreEntry::Certificate(cert) => decoded.certs.push(cert.as_der().to_vec()),
            KeyStoreEntry::Secret(_) => {}
        }
    }
    Ok(decoded)
}

fn classify(error: P12Error, had_passphrase: bool) -> Finding {
    match error {
        // The MAC (or, without one, the padding) did not check out.
        P12Error::MacError(_) | P12Error::UnpadError | P12Error::Pkcs5Error(_) if had_passphrase => {
            wrong_passphrase("PKCS#12 file")
        }
        P12Error::MacError(_) | P12Error::UnpadError | P12Error::Pkcs5Error(_) => Finding::new(
            FindingCode::EncryptedNeedsPassphrase,
            "The PKCS#12 file is protected by a passphrase. Enter it.",
        ),
        P12Error::InvalidParameters => Finding::new(
            FindingCode::UnsupportedFormat,
            "The PKCS#12 file asks for more than 1,000,000 key-derivation iterations, more than this tool \
             allows (a hostile file could hang the page). Export it again with default settings.",
        ),
        P12Error::UnsupportedEncryptionScheme | P12Error::UnsupportedMacAlgorithm => Finding::new(
            FindingCode::UnsupportedFormat,
            "The PKCS#12 file uses an encryption this tool does not read. Convert it: \
             `openssl pkcs12 -legacy -in old.p12 -nodes | openssl pkcs12 -export -out new.p12`.",
        ),
        _ => Finding::new(
            FindingCode::UnsupportedFormat,
            "The file is not a certificate, a key or a PKCS#12 file this tool can read, or it is damaged. \
             Export it again as PEM or PKCS#12.",
        ),
    }
}
