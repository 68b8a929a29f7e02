//! PKCS#12 (.p12/.pfx), modern (PBES2: AES-CBC with PBKDF2 or scrypt) and
//! legacy (SHA-1 PKCS#12 KDF with 3DES or RC2). The structures are the
//! `pkcs12` crate's, the ciphers RustCrypto's; this file only walks them.
//!
//! Every key derivation (the MAC, each encrypted part, the key) is charged to
//! one budget before it runs, and a second key is refused before it is
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
        iterations_left: MAX_KDF_WORK_PER_FILE,
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
    iterations_left: u64,
    decoded: Decoded,
}

impl Walk<'_> {
    /// Refuses a derivation that would go over the per-item or per-file cap.
    fn charge(&mut self, iterations: i64) -> Result<i32, Finding> {
        let per_item = i64::from(MAX_KDF_ITERATIONS);
        let count = u32::try_from(iterations).ok().filter(|n| *n > 0).ok_or_else(damaged)?;
        if iterations > per_item {
            return Err(too_costly(format!("{iterations} key-derivation iterations")));
        }
        self.iterations_left = self
            .iterations_left
            .checked_sub(u64::from(count))
            .ok_or_else(|| too_costly(format!("over {MAX_KDF_WORK_PER_FILE} key-derivation iterations in all")))?;
        Ok(count as i32)
    }

    fn verify_mac(&mut self, mac: &MacData, data: &[u8]) -> Result<(), Finding> {
        let rounds = self.charge(mac.iterations.into())?;
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
            if let Some(pkcs5::pbes2::Kdf::Pbkdf2(kdf)) = scheme.pbes2().map(|p| &p.kdf) {
                self.charge(kdf.iteration_count.into())?;
            }
            let plain = scheme.decrypt(self.password, data).map_err(|_| self.garbled())?;
            return Ok(Zeroizing::new(plain));
        }
        let legacy = params.decode_as::<Pkcs12PbeParams>().map_err(|_| damaged())?;
        let rounds = self.charge(legacy.iterations.into())?;
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
        "The PKCS#12 file uses an encryption this tool does not read. Convert it: \
         `openssl pkcs12 -legacy -in old.p12 -nodes | openssl pkcs12 -export -out new.p12`.",
    )
}

fn too_costly(what: String) -> Finding {
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
        Walk {
            password: "",
            had_passphrase: false,
            iterations_left: MAX_KDF_WORK_PER_FILE,
            decoded: Decoded::default(),
        }
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
        assert_eq!(walk.charge(1_000_000).ok(), Some(1_000_000));
        assert_eq!(walk.charge(900_000).ok(), Some(900_000));
        let refused = walk.charge(200_000).expect_err("over the file's budget");
        assert!(refused.message.contains("in all"), "{}", refused.message);
        assert_eq!(walk.charge(100_000).ok(), Some(100_000), "a refused charge costs nothing");
    }

    #[test]
    fn one_derivation_over_the_item_cap_or_not_positive_is_refused() {
        for iterations in [1_000_001, i64::from(i32::MAX), 0, -1] {
            let refused = walk().charge(iterations).expect_err("refused");
            assert_eq!(refused.code, FindingCode::UnsupportedFormat, "{iterations}");
        }
    }
}
