//! PKCS#12 (.p12/.pfx), modern (PBES2: AES-CBC with PBKDF2 or scrypt) and
//! legacy (SHA-1 PKCS#12 KDF with 3DES or RC2). The structures are the
//! `pkcs12` crate's, the ciphers RustCrypto's; this file only walks them.
//!
//! Every key derivation (the MAC, each encrypted part, the key) is charged to
//! one budget before it runs (PBKDF2 and PKCS#12-KDF rounds one unit each, an
//! scrypt derivation N·r·p), and a second key is refused before it is
//! decrypted, so a hostile file cannot make the page work for long.

use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockCipherDecrypt, BlockModeDecrypt, KeyInit, KeyIvInit};
use hmac::{Hmac, Mac};
use pkcs12::cms::content_info::ContentInfo;
use pkcs12::cms::encrypted_data::EncryptedData;
use pkcs12::kdf::{derive_key_utf8, Pkcs12KeyType};
use pkcs12::pbe_params::{EncryptedPrivateKeyInfo, Pkcs12PbeParams};
use pkcs12::pfx::{Pfx, Version};
use pkcs12::safe_bag::{SafeBag, SafeContents};
use pkcs12::{CertBag, MacData};
use pkcs8::der::asn1::{ContextSpecific, ObjectIdentifier as Oid, OctetString};
use pkcs8::der::{Any, Decode, Encode};
use pkcs8::spki::AlgorithmIdentifierOwned;
use sha1::Sha1;
use sha2::{Sha256, Sha384, Sha512};
use zeroize::Zeroizing;

use crate::cert::decoded::Decoded;
use crate::cert::key::{self, wrong_passphrase};
use crate::finding::{Finding, FindingCode};
use crate::shared::caps::{MAX_KDF_ITERATIONS, MAX_KDF_WORK_PER_FILE};

const DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
const ENCRYPTED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.6");
const PBES2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.13");
const SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
const SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");

/// Reads a PKCS#12 file into `decoded`; `Err` says why it cannot be read.
pub(crate) fn read(bytes: &[u8], passphrase: Option<&str>, decoded: Decoded) -> Result<Decoded, Finding> {
    let pfx = Pfx::from_der(bytes).map_err(|_| damaged())?;
    if pfx.version != Version::V3 {
        return Err(damaged());
    }
    let mut walk = Walk {
        // Files exported "without a password" still use one: the empty one.
        password: passphrase.unwrap_or(""),
        had_passphrase: passphrase.is_some(),
        work_left: MAX_KDF_WORK_PER_FILE,
        decoded,
    };
    let safes = data_content(&pfx.auth_safe)?;
    if let Some(mac) = &pfx.mac_data {
        walk.verify_mac(mac, &safes)?;
    }
    for safe in Vec::<ContentInfo>::from_der(&safes).map_err(|_| damaged())? {
        let (contents, decrypted) = match safe.content_type {
            DATA => (Zeroizing::new(data_content(&safe)?), false),
            ENCRYPTED_DATA => (walk.decrypt_part(&safe)?, true),
            _ => return Err(unsupported_encryption()),
        };
        // Decrypted garbage means a wrong passphrase; plain garbage, a damaged file.
        let bags = SafeContents::from_der(&contents).map_err(|_| if decrypted { walk.garbled() } else { damaged() })?;
        for bag in bags {
            walk.bag(&bag)?;
        }
    }
    let encrypted = passphrase.is_some_and(|p| !p.is_empty());
    walk.decoded.keys.iter_mut().for_each(|key| key.info.was_encrypted = encrypted);
    Ok(walk.decoded)
}

struct Walk<'a> {
    password: &'a str,
    had_passphrase: bool,
    /// Key-derivation work this file may still ask for, in the units of
    /// [`MAX_KDF_WORK_PER_FILE`].
    work_left: u64,
    decoded: Decoded,
}

/// The cap a key derivation would go over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Over {
    /// One derivation asks for more than [`MAX_KDF_ITERATIONS`] units.
    OneDerivation,
    /// With what the file already spent, more than [`MAX_KDF_WORK_PER_FILE`].
    File,
    /// More than the budget the files of one call share (a fleet's).
    Shared,
}

impl Walk<'_> {
    /// Charges `units` of key-derivation work before it runs; a refused
    /// charge costs nothing.
    fn charge(&mut self, units: u64) -> Result<(), Over> {
        if units > u64::from(MAX_KDF_ITERATIONS) {
            return Err(Over::OneDerivation);
        }
        if units > self.work_left {
            return Err(Over::File);
        }
        self.decoded.charge_kdf(units).map_err(|_| Over::Shared)?;
        self.work_left -= units;
        Ok(())
    }

    /// Charges a PBKDF2 or PKCS#12-KDF derivation one unit a round; its
    /// rounds, as the KDFs take them.
    fn charge_rounds(&mut self, iterations: i64) -> Result<i32, Finding> {
        let rounds = u64::try_from(iterations).ok().filter(|n| *n > 0).ok_or_else(damaged)?;
        self.charge(rounds).map_err(|over| too_costly(over, rounds))?;
        i32::try_from(rounds).map_err(|_| damaged())
    }

    fn verify_mac(&mut self, mac: &MacData, data: &[u8]) -> Result<(), Finding> {
        let rounds = self.charge_rounds(mac.iterations.into())?;
        let (salt, expected) = (mac.mac_salt.as_bytes(), mac.mac.digest.as_bytes());
        let valid = match mac.mac.algorithm.oid {
            SHA1 => hmac_matches::<Sha1>(self.password, salt, rounds, data, expected),
            SHA256 => hmac_matches::<Sha256>(self.password, salt, rounds, data, expected),
            SHA384 => hmac_matches::<Sha384>(self.password, salt, rounds, data, expected),
            SHA512 => hmac_matches::<Sha512>(self.password, salt, rounds, data, expected),
            _ => return Err(unsupported_encryption()),
        };
        if valid {
            Ok(())
        } else {
            Err(self.garbled())
        }
    }

    fn decrypt_part(&mut self, safe: &ContentInfo) -> Result<Zeroizing<Vec<u8>>, Finding> {
        let part = safe.content.decode_as::<EncryptedData>().map_err(|_| damaged())?;
        let info = part.enc_content_info;
        match &info.encrypted_content {
            Some(content) => self.decrypt(&info.content_enc_alg, content.as_bytes()),
            None => Ok(Zeroizing::new(Vec::new())),
        }
    }

    fn bag(&mut self, bag: &SafeBag) -> Result<(), Finding> {
        match bag.bag_id {
            pkcs12::PKCS_12_CERT_BAG_OID => {
                let cert = explicit::<CertBag>(&bag.bag_value)?;
                if cert.cert_id != pkcs12::PKCS_12_X509_CERT_OID {
                    return Err(damaged());
                }
                self.decoded.push_cert(cert.cert_value.into_bytes().into_vec())?;
            }
            pkcs12::PKCS_12_KEY_BAG_OID => {
                self.decoded.expect_key()?;
                let der = explicit::<Any>(&bag.bag_value)?.to_der().map_err(|_| damaged())?;
                self.decoded.push_key(key::from_pkcs8(&Zeroizing::new(der), "PKCS#12", self.had_passphrase)?)?;
            }
            pkcs12::PKCS_12_PKCS8_KEY_BAG_OID => {
                // A second key is refused before it is decrypted.
                self.decoded.expect_key()?;
                let shrouded = explicit::<EncryptedPrivateKeyInfo>(&bag.bag_value)?;
                let der = self.decrypt(&shrouded.encryption_algorithm, shrouded.encrypted_data.as_bytes())?;
                let key = key::from_pkcs8(&der, "PKCS#12", self.had_passphrase).map_err(|_| self.garbled())?;
                self.decoded.push_key(key)?;
            }
            // CRLs, secrets and nested contents carry nothing a device takes.
            _ => {}
        }
        Ok(())
    }

    fn decrypt(&mut self, algorithm: &AlgorithmIdentifierOwned, data: &[u8]) -> Result<Zeroizing<Vec<u8>>, Finding> {
        let params = algorithm.parameters.as_ref().ok_or_else(damaged)?;
        if algorithm.oid == PBES2 {
            let params = params.decode_as::<pkcs5::pbes2::Parameters>().map_err(|_| damaged())?;
            let scheme = pkcs5::EncryptionScheme::Pbes2(params);
            key::check_kdf_cost(&scheme)?;
            match scheme.pbes2().map(|p| &p.kdf) {
                Some(pkcs5::pbes2::Kdf::Pbkdf2(kdf)) => {
                    self.charge_rounds(kdf.iteration_count.into())?;
                }
                Some(pkcs5::pbes2::Kdf::Scrypt(kdf)) => {
                    let units = key::scrypt_work(kdf);
                    self.charge(units).map_err(|over| too_costly(over, units))?;
                }
                _ => {}
            }
            let plain = scheme.decrypt(self.password, data).map_err(|_| self.garbled())?;
            return Ok(Zeroizing::new(plain));
        }
        let legacy = params.decode_as::<Pkcs12PbeParams>().map_err(|_| damaged())?;
        let rounds = self.charge_rounds(legacy.iterations.into())?;
        let salt = legacy.salt.as_bytes();
        let plain = match algorithm.oid {
            pkcs12::PKCS_12_PBE_WITH_SHAAND3_KEY_TRIPLE_DES_CBC => {
                legacy_cbc::<des::TdesEde3>(self.password, salt, rounds, 24, data)
            }
            pkcs12::PKCS_12_PBE_WITH_SHAAND128_BIT_RC2_CBC => {
                legacy_cbc::<rc2::Rc2>(self.password, salt, rounds, 16, data)
            }
            pkcs12::PKCS_12_PBEWITH_SHAAND40_BIT_RC2_CBC => {
                legacy_cbc::<rc2::Rc2>(self.password, salt, rounds, 5, data)
            }
            _ => return Err(unsupported_encryption()),
        };
        plain.map(Zeroizing::new).ok_or_else(|| self.garbled())
    }

    /// What a MAC that does not verify, or a decryption that gives garbage,
    /// means: the passphrase is wrong or missing.
    fn garbled(&self) -> Finding {
        if self.had_passphrase {
            wrong_passphrase("PKCS#12 file")
        } else {
            Finding::new(
                FindingCode::EncryptedNeedsPassphrase,
                "The PKCS#12 file is protected by a passphrase. Enter it.",
            )
        }
    }
}

fn hmac_matches<D>(password: &str, salt: &[u8], rounds: i32, data: &[u8], expected: &[u8]) -> bool
where
    D: hmac::digest::Digest
        + hmac::digest::FixedOutputReset
        + hmac::digest::block_api::BlockSizeUser
        + hmac::digest::block_api::EagerHash
        + Clone,
{
    let size = <D as hmac::digest::Digest>::output_size();
    let Ok(key) = derive_key_utf8::<D>(password, salt, Pkcs12KeyType::Mac, rounds, size) else { return false };
    let Ok(mut mac) = Hmac::<D>::new_from_slice(&Zeroizing::new(key)) else { return false };
    mac.update(data);
    mac.verify_slice(expected).is_ok()
}

/// PKCS#12 appendix B: key and IV from the SHA-1 KDF, then CBC with PKCS#7 padding.
fn legacy_cbc<C>(password: &str, salt: &[u8], rounds: i32, key_size: usize, data: &[u8]) -> Option<Vec<u8>>
where
    C: BlockCipherDecrypt + KeyInit,
{
    let key =
        Zeroizing::new(derive_key_utf8::<Sha1>(password, salt, Pkcs12KeyType::EncryptionKey, rounds, key_size).ok()?);
    let iv = derive_key_utf8::<Sha1>(password, salt, Pkcs12KeyType::Iv, rounds, 8).ok()?;
    let cipher = cbc::Decryptor::<C>::new_from_slices(&key, &iv).ok()?;
    cipher.decrypt_padded_vec::<Pkcs7>(data).ok()
}

/// The bytes of a `data` ContentInfo (an OCTET STRING).
fn data_content(info: &ContentInfo) -> Result<Vec<u8>, Finding> {
    if info.content_type != DATA {
        return Err(unsupported_encryption());
    }
    info.content.decode_as::<OctetString>().map(|octets| octets.into_bytes().into_vec()).map_err(|_| damaged())
}

/// A bag's value, which is wrapped in `[0] EXPLICIT`.
fn explicit<'a, T: Decode<'a>>(der: &'a [u8]) -> Result<T, Finding> {
    ContextSpecific::<T>::from_der(der).map(|wrapped| wrapped.value).map_err(|_| damaged())
}

fn damaged() -> Finding {
    Finding::new(
        FindingCode::UnsupportedFormat,
        "The file is not a certificate, a key or a PKCS#12 file this tool can read, or it is damaged. \
         Export it again as PEM or PKCS#12.",
    )
}

fn unsupported_encryption() -> Finding {
    Finding::new(
        FindingCode::UnsupportedFormat,
        "The PKCS#12 file uses an encryption this tool does not read. Convert it and use new.p12 instead \
         (it asks for the old passphrase, then a new one): \
         openssl pkcs12 -legacy -in old.p12 -nodes | openssl pkcs12 -export -out new.p12",
    )
}

fn too_costly(over: Over, units: u64) -> Finding {
    let what = match over {
        Over::Shared => return crate::cert::refusal::shared_kdf_budget_spent(),
        Over::OneDerivation => format!(
            "a key derivation of {units} units of work (PBKDF2 iterations, or scrypt's N·r·p), over the \
             limit of {MAX_KDF_ITERATIONS}"
        ),
        Over::File => format!("key derivations of over {MAX_KDF_WORK_PER_FILE} units of work in all"),
    };
    Finding::new(
        FindingCode::UnsupportedFormat,
        format!(
            "The PKCS#12 file asks for {what}, more than this tool allows (a hostile file could hang the page). \
             Export it again with default settings."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk() -> Walk<'static> {
        Walk { password: "", had_passphrase: false, work_left: MAX_KDF_WORK_PER_FILE, decoded: Decoded::default() }
    }

    /// A PFX without MAC whose one part is `data` holding `safe_contents`.
    fn unprotected_pfx(safe_contents: &[u8]) -> Vec<u8> {
        fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
            assert!(body.len() < 128, "short form lengths only");
            [&[tag, body.len() as u8][..], body].concat()
        }
        let data_oid = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];
        let data = |octets: &[u8]| tlv(0x30, &[&data_oid[..], &tlv(0xa0, &tlv(0x04, octets))].concat());
        let auth_safe = tlv(0x30, &data(safe_contents));
        tlv(0x30, &[&[0x02, 0x01, 0x03][..], &data(&auth_safe)].concat())
    }

    #[test]
    fn plain_parts_that_do_not_parse_are_damage_not_a_passphrase_problem() {
        let empty = read(&unprotected_pfx(&[0x30, 0x00]), None, Decoded::default()).expect("an empty but valid file");
        assert!(empty.certs.is_empty() && empty.keys.is_empty());
        for passphrase in [None, Some("x")] {
            let Err(refused) = read(&unprotected_pfx(&[0x05, 0x00]), passphrase, Decoded::default()) else {
                panic!("NULL is no SafeContents")
            };
            assert_eq!(refused.code, FindingCode::UnsupportedFormat, "{passphrase:?}");
        }
    }

    #[test]
    fn derivations_are_charged_to_one_budget_per_file() {
        let mut walk = walk();
        assert_eq!(walk.charge(1_000_000), Ok(()));
        assert_eq!(walk.charge(900_000), Ok(()));
        assert_eq!(walk.charge(200_000), Err(Over::File), "within the per-derivation cap, over the file's budget");
        assert_eq!(walk.charge(100_000), Ok(()), "a refused charge costs nothing");
        assert_eq!(walk.work_left, 0);
    }

    #[test]
    fn one_derivation_over_the_item_cap_or_not_positive_is_refused() {
        assert_eq!(walk().charge(1_000_001), Err(Over::OneDerivation));
        for iterations in [1_000_001, i64::from(i32::MAX), 0, -1] {
            let refused = walk().charge_rounds(iterations).expect_err("refused");
            assert_eq!(refused.code, FindingCode::UnsupportedFormat, "{iterations}");
        }
        assert_eq!(walk().charge_rounds(2048).ok(), Some(2048));
    }

    /// PBES2 with scrypt at `log_n`, r = 8 and `p`, AES-256-CBC.
    fn scrypt_pbes2(log_n: u8, p: u16) -> AlgorithmIdentifierOwned {
        use pkcs5::pbes2::{EncryptionScheme, Kdf, Parameters, ScryptParams};
        let kdf = ScryptParams {
            salt: [7u8; 16].as_slice().try_into().expect("16 bytes"),
            cost_parameter: 1 << log_n,
            block_size: 8,
            parallelization: p,
            key_length: None,
        };
        let params = Parameters { kdf: Kdf::Scrypt(kdf), encryption: EncryptionScheme::Aes256Cbc { iv: [0; 16] } };
        AlgorithmIdentifierOwned { oid: PBES2, parameters: Some(Any::encode_from(&params).expect("encodes")) }
    }

    #[test]
    fn scrypt_is_charged_n_r_p() {
        let mut walk = walk();
        // N = 2^10, r = 8, p = 2: 16,384 units. The ciphertext is garbage, so
        // the derivation runs and the decryption fails.
        let refused = walk.decrypt(&scrypt_pbes2(10, 2), &[0; 16]).expect_err("garbage does not decrypt");
        assert_eq!(refused.code, FindingCode::EncryptedNeedsPassphrase);
        assert_eq!(walk.work_left, MAX_KDF_WORK_PER_FILE - 16_384);
        walk.work_left = 16_383;
        let refused = walk.decrypt(&scrypt_pbes2(10, 2), &[0; 16]).expect_err("over the file's budget");
        assert_eq!(refused.code, FindingCode::UnsupportedFormat);
        assert_eq!(walk.work_left, 16_383, "refused before it ran");
    }

    #[test]
    fn scrypt_within_the_memory_caps_but_over_the_work_cap_is_refused_before_it_runs() {
        // N = 2^16, r = 8 (64 MiB) and p = 16 pass key.rs's caps but are 8,388,608 units.
        let mut walk = walk();
        let start = std::time::Instant::now();
        let refused = walk.decrypt(&scrypt_pbes2(16, 16), &[0; 16]).expect_err("over the per-derivation cap");
        assert_eq!(refused.code, FindingCode::UnsupportedFormat);
        assert_eq!(walk.work_left, MAX_KDF_WORK_PER_FILE, "nothing charged");
        assert!(start.elapsed() < std::time::Duration::from_secs(1), "it did not run: {:?}", start.elapsed());
    }
}
