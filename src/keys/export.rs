//! The key leaves the page only encrypted: PKCS#8 `ENCRYPTED PRIVATE KEY`
//! (RFC 5958) under PBES2 (RFC 8018 6.2) with AES-256-CBC, the key derived
//! by scrypt (RFC 7914) or PBKDF2-HMAC-SHA256. Both are what OpenSSL 3 reads
//! with no option: `openssl pkcs8 -topk8 -scrypt` and its default write them.
//!
//! One [`KeySealer`] derives the encryption key once and seals every key of
//! a batch with it, each under its own random IV. The batch's keys share the
//! salt: they share the passphrase too, so whoever guesses it for one key has
//! them all either way, and one derivation instead of one per key is what
//! lets a fleet of a thousand keys be made (and read back, see
//! `cert::kdf_share`) in seconds. `pkcs5`'s own encryption derives on every call,
//! and its encoder costs the page more than these few TLVs (see `der`);
//! tests prove our output equal to it for the same salt and IV.

use aes::cipher::block_padding::Pkcs7;
use aes::cipher::{BlockModeEncrypt, KeyIvInit};
use pkcs5::pbes2::{Kdf, Pbkdf2Params, ScryptParams};
use pkcs8::der::asn1::ObjectIdentifier as Oid;
use pkcs8::der::pem::LineEnding;
use zeroize::Zeroizing;

use crate::cert::derive_aes256;
use crate::error::{Error, ErrorKind};
use crate::shared::der_write::{octets, oid, sequence, uint};
use crate::shared::random::random_bytes;

/// How the key's encryption key is derived from the passphrase.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KeyEncryption {
    /// scrypt with N = 2^14, r = 8, p = 1: OpenSSL's `-scrypt` defaults,
    /// 16 MiB of memory, the same work as a device blob's key.
    #[default]
    Scrypt,
    /// PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP's 2023 figure), for
    /// tools that do not read scrypt.
    Pbkdf2,
}

/// scrypt's cost: log2 N, r, p.
pub(crate) const SCRYPT_LOG_N: u8 = 14;
pub(crate) const SCRYPT_R: u32 = 8;
pub(crate) const SCRYPT_P: u32 = 1;
pub(crate) const PBKDF2_ITERATIONS: u32 = 600_000;
const SALT_BYTES: usize = 16;
const IV_BYTES: usize = 16;

/// RFC 8018 A.4 (PBES2), A.2 (PBKDF2) and B.1.3 (hmacWithSHA256); RFC 7914
/// 7 (scrypt); NIST's aes256-CBC.
const PBES2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.13");
const PBKDF2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.12");
const HMAC_WITH_SHA256: Oid = Oid::new_unwrap("1.2.840.113549.2.9");
const SCRYPT: Oid = Oid::new_unwrap("1.3.6.1.4.1.11591.4.11");
const AES_256_CBC: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.1.42");

/// Seals PKCS#8 keys under one passphrase: the derivation is done once, in `new`.
pub(crate) struct KeySealer {
    /// The keyDerivationFunc AlgorithmIdentifier, DER, salt included.
    kdf: Vec<u8>,
    key: Zeroizing<[u8; 32]>,
}

impl KeySealer {
    /// Checks the passphrase (and its confirmation, when the caller has one),
    /// draws a salt and derives the encryption key.
    pub fn new(passphrase: &str, confirm: Option<&str>, encryption: KeyEncryption) -> Result<Self, Error> {
        if passphrase.trim().is_empty() {
            return Err(Error::new(
                ErrorKind::EmptyPassphrase,
                "The passphrase for the key is empty. Type one: the key is only ever saved encrypted under it.",
            ));
        }
        if confirm.is_some_and(|confirm| confirm != passphrase) {
            return Err(Error::new(
                ErrorKind::PassphraseMismatch,
                "The two passphrases differ. Type the same passphrase in both fields.",
            ));
        }
        Self::with_salt(passphrase, &random_bytes(SALT_BYTES)?, encryption)
    }

    /// `new` with a given salt: for `new` and for tests against a reference.
    pub(crate) fn with_salt(passphrase: &str, salt: &[u8], encryption: KeyEncryption) -> Result<Self, Error> {
        let bad = || Error::new(ErrorKind::BadArgument, "The key encryption parameters are not valid.");
        // The derivation is cert's, the one that reads these keys back (and
        // makes it once for a whole fleet); the parameters are written here.
        let (kdf, params) = match encryption {
            KeyEncryption::Scrypt => {
                let params = scrypt::Params::new(SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P).map_err(|_| bad())?;
                let kdf: Kdf = ScryptParams::from_params_and_salt(params, salt).map_err(|_| bad())?.into();
                // RFC 7914 7.1: salt, costParameter, blockSize, parallelizationParameter.
                let der = sequence(&[&octets(salt)?, &uint(1 << SCRYPT_LOG_N)?, &uint(SCRYPT_R)?, &uint(SCRYPT_P)?])?;
                (kdf, sequence(&[&oid(SCRYPT)?, &der])?)
            }
            KeyEncryption::Pbkdf2 => {
                let kdf: Kdf = Pbkdf2Params::hmac_sha256(PBKDF2_ITERATIONS, salt).map_err(|_| bad())?.into();
                // RFC 8018 A.2: salt, iterationCount, prf (hmacWithSHA256, NULL parameters).
                let prf = sequence(&[&oid(HMAC_WITH_SHA256)?, &[5, 0]])?;
                let der = sequence(&[&octets(salt)?, &uint(PBKDF2_ITERATIONS)?, &prf])?;
                (kdf, sequence(&[&oid(PBKDF2)?, &der])?)
            }
        };
        let key = derive_aes256(&kdf, passphrase).ok_or_else(bad)?;
        let kdf = params;
        Ok(KeySealer { kdf, key })
    }

    /// The PKCS#8 `der` as an `ENCRYPTED PRIVATE KEY` PEM, under a fresh IV.
    pub fn seal(&self, der: &[u8]) -> Result<String, Error> {
        let iv: [u8; IV_BYTES] = random_bytes(IV_BYTES)?.try_into().unwrap_or([0; IV_BYTES]);
        self.seal_with_iv(der, iv)
    }

    /// RFC 5958 3: EncryptedPrivateKeyInfo, the algorithm PBES2 with our KDF
    /// and aes256-CBC with its IV, then the ciphertext (PKCS#7 padding).
    pub(crate) fn seal_with_iv(&self, der: &[u8], iv: [u8; IV_BYTES]) -> Result<String, Error> {
        let cipher = cbc::Encryptor::<aes::Aes256>::new(&(*self.key).into(), &iv.into());
        let ciphertext = cipher.encrypt_padded_vec::<Pkcs7>(der);
        let scheme = sequence(&[&oid(AES_256_CBC)?, &octets(&iv)?])?;
        let algorithm = sequence(&[&oid(PBES2)?, &sequence(&[&self.kdf, &scheme])?])?;
        let info = sequence(&[&algorithm, &octets(&ciphertext)?])?;
        pkcs8::der::pem::encode_string("ENCRYPTED PRIVATE KEY", LineEnding::LF, &info)
            .map_err(|_| Error::new(ErrorKind::InputTooLarge, "The key is too large to encode."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pkcs5::pbes2::{EncryptionScheme, Parameters};
    use pkcs8::der::asn1::OctetStringRef;
    use pkcs8::der::Encode;
    use pkcs8::EncryptedPrivateKeyInfoRef;

    /// Any DER stands in for a key: a SEQUENCE holding 20 bytes.
    const PKCS8: &[u8] = b"\x30\x16\x04\x14stands in for a key!";

    /// The reference: pkcs5 derives and encrypts in one call.
    fn reference(encryption: KeyEncryption, salt: &[u8], iv: [u8; 16]) -> String {
        let params = match encryption {
            KeyEncryption::Scrypt => {
                let p = scrypt::Params::new(SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P).unwrap();
                Parameters::generate_scrypt_aes256cbc(p, salt, iv).unwrap()
            }
            KeyEncryption::Pbkdf2 => Parameters {
                kdf: Pbkdf2Params::hmac_sha256(PBKDF2_ITERATIONS, salt).unwrap().into(),
                encryption: EncryptionScheme::Aes256Cbc { iv },
            },
        };
        let ciphertext = params.encrypt("correct horse", PKCS8).unwrap();
        let info = EncryptedPrivateKeyInfoRef {
            encryption_algorithm: params.into(),
            encrypted_data: OctetStringRef::new(&ciphertext).unwrap(),
        };
        pkcs8::der::pem::encode_string("ENCRYPTED PRIVATE KEY", LineEnding::LF, &info.to_der().unwrap()).unwrap()
    }

    #[test]
    fn sealing_equals_pkcs5s_own_encryption() {
        for encryption in [KeyEncryption::Scrypt, KeyEncryption::Pbkdf2] {
            let salt = [7u8; 16];
            let iv = [9u8; 16];
            let sealer = KeySealer::with_salt("correct horse", &salt, encryption).unwrap();
            assert_eq!(sealer.seal_with_iv(PKCS8, iv).unwrap(), reference(encryption, &salt, iv), "{encryption:?}");
        }
    }

    #[test]
    fn each_key_gets_its_own_iv_and_opens_with_the_passphrase() {
        let sealer = KeySealer::new("correct horse", Some("correct horse"), KeyEncryption::Scrypt).unwrap();
        let (a, b) = (sealer.seal(PKCS8).unwrap(), sealer.seal(PKCS8).unwrap());
        assert_ne!(a, b);
        for pem in [a, b] {
            let (_, der) = pkcs8::der::pem::decode_vec(pem.as_bytes()).unwrap();
            let info = pkcs8::EncryptedPrivateKeyInfoRef::try_from(der.as_slice()).unwrap();
            assert_eq!(info.decrypt("correct horse").unwrap().as_bytes(), PKCS8);
            assert!(info.decrypt("wrong horse").is_err());
        }
    }

    #[test]
    fn empty_and_mismatched_passphrases_are_refused() {
        let code = |p: &str, c: Option<&str>| KeySealer::new(p, c, KeyEncryption::Scrypt).err().map(|e| e.code());
        assert_eq!(code("", None), Some("empty_passphrase"));
        assert_eq!(code(" \t\n", None), Some("empty_passphrase"));
        assert_eq!(code("correct horse", Some("correct hors")), Some("passphrase_mismatch"));
        assert_eq!(code("correct horse", None), None);
    }
}
