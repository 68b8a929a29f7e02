//! Keys and certificate requests, made in the page: a P-256 key from the
//! platform CSPRNG, a PKCS#10 request signed with it, and the key saved only
//! encrypted (PKCS#8 under PBES2). The plain key lives in this module's
//! memory alone, from birth to the encrypted file, and is wiped on drop.
//!
//! | file | does |
//! | --- | --- |
//! | `request` | checks what the admin asks for: subject, alternative names, key usage |
//! | `csr` | writes and signs the PKCS#10 request |
//! | `export` | encrypts the key under the passphrase |
//! | `devices` | reads a fleet's device names (a list, or a manifest's `device` column) |
//! | `fleet` | one key and request per device, then one zip |

mod csr;
mod devices;
mod export;
mod fleet;
mod request;

use sha2::{Digest, Sha256};

use crate::cert::p256_pkcs8_der;
use crate::error::{Error, ErrorKind};
use crate::shared::hex;

pub use export::KeyEncryption;
pub use fleet::{plan_key_fleet, KeyFleet, KeyFleetDevice, KeyFleetInput};
pub use request::CsrRequest;

pub(crate) use export::KeySealer;

/// What `generate_key_and_csr` makes: both as PEM, and the public key's fingerprint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyAndCsr {
    /// `CERTIFICATE REQUEST`: for the CA.
    pub csr_pem: String,
    /// `ENCRYPTED PRIVATE KEY`: for the admin's safekeeping, then the fleet or install.
    pub key_pem: String,
    /// SHA-256 of the DER SubjectPublicKeyInfo, lowercase hex: the same
    /// whether taken from the request, the key or the certificate the CA returns.
    pub public_key_sha256: String,
}

/// A new P-256 key and its certificate request, the key encrypted under
/// `passphrase` (checked against `confirm` when given).
pub fn generate_key_and_csr(
    request: &CsrRequest,
    passphrase: &str,
    confirm: Option<&str>,
    encryption: KeyEncryption,
) -> Result<KeyAndCsr, Error> {
    // Every input is checked before the key derivation (the slow part) runs.
    let checked = request.check()?;
    let sealer = KeySealer::new(passphrase, confirm, encryption)?;
    make(&checked, &sealer)
}

/// One key and request for a checked request, sealed by `sealer`.
pub(crate) fn make(checked: &request::Checked, sealer: &KeySealer) -> Result<KeyAndCsr, Error> {
    use p256::elliptic_curve::Generate;
    let key = p256::SecretKey::try_generate_from_rng(&mut getrandom::SysRng).map_err(|_| {
        Error::new(
            ErrorKind::RandomUnavailable,
            "The platform's secure random generator is unavailable, so no key was made. Use a current browser.",
        )
    })?;
    // The signing key computes the public point once; the request, the
    // PKCS#8 and the fingerprint all take it from there.
    let signing = p256::ecdsa::SigningKey::from(&key);
    let point = signing.verifying_key().to_sec1_bytes();
    let spki = csr::spki(&point)?;
    let csr = csr::request(checked, &signing, &spki)?;
    let pkcs8 = p256_pkcs8_der(&key, &point)
        .ok_or_else(|| Error::new(ErrorKind::InputTooLarge, "The new key could not be encoded. Try again."))?;
    let pem = |der: &[u8]| pkcs8::der::pem::encode_string("CERTIFICATE REQUEST", pkcs8::der::pem::LineEnding::LF, der);
    Ok(KeyAndCsr {
        csr_pem: pem(&csr).map_err(|_| Error::new(ErrorKind::InputTooLarge, "The request is too large to encode."))?,
        key_pem: sealer.seal(&pkcs8)?,
        public_key_sha256: hex::encode(&Sha256::digest(&spki)),
    })
}
