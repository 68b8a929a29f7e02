//! PKCS#12 (.p12/.pfx) through p12-keystore: modern (PBES2, AES-256-CBC,
//! PBKDF2-SHA256) and legacy (3DES, RC2-40). p12-keystore refuses more than
//! 1,000,000 MAC or KDF iterations per item; before it runs, `check_work`
//! bounds the whole file's work (see there).

use p12_keystore::error::Error as P12Error;
use p12_keystore::{KeyStore, KeyStoreEntry, Pkcs12ImportPolicy};

use crate::cert::finding::{Finding, FindingCode};
use crate::cert::input::Decoded;
use crate::cert::key::{self, wrong_passphrase};

/// Reads a PKCS#12 file; `Err` says why it cannot be read.
pub(crate) fn read(bytes: &[u8], passphrase: Option<&str>) -> Result<Decoded, Finding> {
    check_work(bytes)?;
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

/// Total PBKDF2 iterations allowed in one file (a normal one has three: MAC,
/// certificates, key).
pub const MAX_TOTAL_ITERATIONS: u64 = 2_000_000;

const PBKDF2: &[u8] = &[0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c];
const SCRYPT: &[u8] = &[0x06, 0x09, 0x2b, 0x06, 0x01, 0x04, 0x01, 0xda, 0x47, 0x04, 0x0b];
const KEY_BAGS: [&[u8]; 2] = [
    // keyBag and pkcs8ShroudedKeyBag (1.2.840.113549.1.12.10.1.1 and .2).
    &[0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x01],
    &[0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x02],
];

/// Bounds the work a file can ask for before any of it is done. p12-keystore
/// caps each item, not their sum, and decrypts every bag even without a MAC:
/// a hostile file could hold dozens of costly bags. Scans the file's visible
/// DER (what is not inside an encrypted part) for key bags and KDF parameters.
/// Bags hidden inside an encrypted part are decrypted by p12-keystore under
/// its per-item cap only.
fn check_work(bytes: &[u8]) -> Result<(), Finding> {
    let key_bags: usize = KEY_BAGS.iter().map(|oid| positions(bytes, oid).count()).sum();
    if key_bags > 1 {
        return Err(Finding::new(
            FindingCode::MultiplePrivateKeys,
            format!("The PKCS#12 file holds {key_bags} private keys. Export only the device's key and certificate."),
        ));
    }
    let too_costly = |what: String| {
        Finding::new(
            FindingCode::UnsupportedFormat,
            format!(
                "The PKCS#12 file asks for {what}, more than this tool allows (a hostile file could hang the page). \
                 Export it again with default settings."
            ),
        )
    };
    let mut iterations = 0u64;
    for at in positions(bytes, PBKDF2) {
        if let Ok(params) = decode_after::<pkcs5::pbes2::Pbkdf2Params>(bytes, at + PBKDF2.len()) {
            iterations += u64::from(params.iteration_count);
        }
    }
    if iterations > MAX_TOTAL_ITERATIONS {
        return Err(too_costly(format!("{iterations} PBKDF2 iterations in all")));
    }
    for at in positions(bytes, SCRYPT) {
        let params = decode_after::<pkcs5::pbes2::ScryptParams>(bytes, at + SCRYPT.len());
        if let Some(memory) = params.ok().as_ref().and_then(key::scrypt_over_caps) {
            return Err(too_costly(format!("scrypt with {} MiB of memory", memory >> 20)));
        }
    }
    Ok(())
}

fn positions<'a>(haystack: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    haystack.windows(needle.len()).enumerate().filter(move |(_, w)| *w == needle).map(|(i, _)| i)
}

/// Decodes one DER value starting at `at`, ignoring what follows it.
fn decode_after<'a, T: pkcs8::der::Decode<'a, Error = pkcs8::der::Error>>(
    bytes: &'a [u8],
    at: usize,
) -> pkcs8::der::Result<T> {
    use pkcs8::der::Reader;
    let mut reader = pkcs8::der::SliceReader::new(bytes.get(at..).unwrap_or_default())?;
    reader.decode()
}
