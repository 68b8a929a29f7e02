//! Private keys in every form admins hold: PKCS#8 (`PRIVATE KEY`), encrypted
//! PKCS#8 (PBES2 with PBKDF2 or scrypt), SEC1 (`EC PRIVATE KEY`) and PKCS#1
//! (`RSA PRIVATE KEY`). Only a P-256 key keeps its secret (to re-encode it as
//! PKCS#8 for the device); other keys keep just their public half, for
//! matching and for the token inspector to verify with.

use pkcs8::der::asn1::ObjectIdentifier as Oid;
use pkcs8::der::pem::LineEnding;
use pkcs8::der::Decode;
use pkcs8::{EncryptedPrivateKeyInfoRef, PrivateKeyInfoRef};
use x509_cert::spki::SubjectPublicKeyInfoRef;
use zeroize::Zeroizing;

use crate::cert::kdf_share::KdfShare;
use crate::cert::oids;
use crate::cert::public_key::{self, PublicKey};
use crate::cert::report::KeyInfo;
use crate::finding::{Finding, FindingCode};
use crate::shared::caps::{MAX_KDF_ITERATIONS, MAX_SCRYPT_MEMORY, MAX_SCRYPT_PARALLELISM};

/// A parsed private key.
#[derive(Clone)]
pub(crate) struct PrivateKey {
    pub info: KeyInfo,
    material: Material,
}

#[derive(Clone)]
enum Material {
    /// The secret (wiped on drop by elliptic-curve) and its public point,
    /// uncompressed, computed once: a scalar multiplication costs about a
    /// millisecond in a browser, and pairing, matching and the PKCS#8 each
    /// need the point.
    P256 { secret: p256::SecretKey, public: Vec<u8> },
    /// Uncompressed public point of another curve's key.
    EcPublic(Vec<u8>),
    /// RSA modulus and public exponent, big-endian without leading zeros.
    Rsa { modulus: Vec<u8>, exponent: Vec<u8> },
    /// A key whose public half this tool cannot compute (Ed25519, ...).
    Unknown,
}

impl PrivateKey {
    /// Does this key belong to the certificate's public key? `None` when it
    /// cannot be told (an Ed25519 key, say).
    pub fn matches(&self, spki: &SubjectPublicKeyInfoRef<'_>) -> Option<bool> {
        let mine = self.public_id()?;
        Some(spki_public_id(spki).is_some_and(|theirs| theirs == mine))
    }

    /// The public half in a form that compares equal exactly when two keys
    /// are the same key ([`spki_public_id`] gives a certificate's): `None`
    /// when this tool cannot compute it. Computed once per key, so a fleet
    /// pairs hundreds of certificates and keys by comparing bytes.
    pub fn public_id(&self) -> Option<Vec<u8>> {
        match &self.material {
            Material::P256 { public, .. } => Some(tagged(b'E', public)),
            Material::EcPublic(public) => Some(tagged(b'E', public)),
            Material::Rsa { modulus, .. } => Some(tagged(b'R', modulus)),
            Material::Unknown => None,
        }
    }

    /// An RSA key's modulus and public exponent, big-endian.
    pub fn rsa_public(&self) -> Option<(&[u8], &[u8])> {
        match &self.material {
            Material::Rsa { modulus, exponent } => Some((modulus, exponent)),
            _ => None,
        }
    }

    /// An EC key's curve and public point, uncompressed (P-256 and P-384 keys only).
    pub fn ec_public(&self) -> Option<(Oid, &[u8])> {
        match &self.material {
            Material::P256 { public, .. } => Some((oids::P256, public)),
            Material::EcPublic(public) => Some((oids::P384, public)),
            _ => None,
        }
    }

    /// The key as PKCS#8 PEM (`PRIVATE KEY`), the form that goes to the device.
    /// Only P-256 keys are ever sent, so only they can be encoded.
    pub fn to_pkcs8_pem(&self) -> Option<Zeroizing<String>> {
        match &self.material {
            Material::P256 { secret, public } => p256_pkcs8_pem(secret, public),
            _ => None,
        }
    }
}

/// A certificate's public key in [`PrivateKey::public_id`]'s form; `None`
/// for key types that form does not cover.
pub(crate) fn spki_public_id(spki: &SubjectPublicKeyInfoRef<'_>) -> Option<Vec<u8>> {
    match public_key::read(spki)? {
        PublicKey::Ec(point) => Some(tagged(b'E', &uncompressed(point))),
        PublicKey::Rsa(modulus) => Some(tagged(b'R', &strip_zeros(modulus))),
        PublicKey::Other => None,
    }
}

/// The key type's tag, then its public bytes: an EC point never equals an RSA modulus.
fn tagged(tag: u8, bytes: &[u8]) -> Vec<u8> {
    let mut id = Vec::with_capacity(bytes.len() + 1);
    id.push(tag);
    id.extend_from_slice(bytes);
    id
}

/// A P-256 key as PKCS#8 PEM (see [`p256_pkcs8_der`]).
fn p256_pkcs8_pem(secret: &p256::SecretKey, public: &[u8]) -> Option<Zeroizing<String>> {
    let der = p256_pkcs8_der(secret, public)?;
    pkcs8::der::pem::encode_string("PRIVATE KEY", LineEnding::LF, &der).ok().map(Zeroizing::new)
}

/// A P-256 key as PKCS#8 DER, exactly as `p256`'s own encoder writes it
/// (an `ECPrivateKey` without parameters, with the public point, inside a
/// `PrivateKeyInfo` naming the curve), from the point already computed.
pub(crate) fn p256_pkcs8_der(secret: &p256::SecretKey, public: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    use pkcs8::der::asn1::OctetStringRef;
    use pkcs8::der::Encode;
    let private = Zeroizing::new(secret.to_bytes());
    let ec = sec1::EcPrivateKey { private_key: &private, parameters: None, public_key: Some(public) };
    let ec = Zeroizing::new(ec.to_der().ok()?);
    let algorithm = pkcs8::AlgorithmIdentifierRef { oid: oids::EC_PUBLIC_KEY, parameters: Some((&oids::P256).into()) };
    let info = PrivateKeyInfoRef::new(algorithm, OctetStringRef::new(&ec).ok()?);
    info.to_der().ok().map(Zeroizing::new)
}

/// Point compression is rare in certificates; compare in uncompressed form.
fn uncompressed(point: &[u8]) -> Vec<u8> {
    if point.first().is_some_and(|b| *b == 2 || *b == 3) {
        if let Ok(p) = p256::PublicKey::from_sec1_bytes(point) {
            return p.to_sec1_bytes().to_vec();
        }
        if let Ok(p) = p384::PublicKey::from_sec1_bytes(point) {
            return p.to_sec1_bytes().to_vec();
        }
    }
    point.to_vec()
}

fn strip_zeros(bytes: &[u8]) -> Vec<u8> {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    bytes[start..].to_vec()
}

fn unreadable(what: &str) -> Finding {
    Finding::new(
        FindingCode::UnsupportedFormat,
        format!("The {what} could not be read: it is damaged or not a key. Export it again from where it came from."),
    )
}

/// Parses an unencrypted PKCS#8 key.
pub(crate) fn from_pkcs8(der: &[u8], format: &str, was_encrypted: bool) -> Result<PrivateKey, Finding> {
    let info = PrivateKeyInfoRef::from_der(der).map_err(|_| unreadable("PKCS#8 private key"))?;
    let algorithm = info.algorithm.oid;
    let curve = info.algorithm.parameters_oid().ok();
    let key_info = |material: Material, algorithm: String, curve: Option<Oid>| PrivateKey {
        info: KeyInfo { algorithm, curve: curve.map(oids::curve_name), format: format.into(), was_encrypted },
        material,
    };
    if algorithm == oids::EC_PUBLIC_KEY {
        let material = ec_material(info.private_key.as_bytes(), curve)?;
        Ok(key_info(material, "EC".into(), curve))
    } else if algorithm == oids::RSA_ENCRYPTION {
        Ok(key_info(rsa_material(info.private_key.as_bytes())?, "RSA".into(), None))
    } else {
        Ok(key_info(Material::Unknown, oids::key_algorithm_name(algorithm), None))
    }
}

/// Parses a SEC1 `EC PRIVATE KEY`; `curve_hint` comes from an `EC PARAMETERS`
/// block when the key itself names no curve.
pub(crate) fn from_sec1(der: &[u8], curve_hint: Option<Oid>) -> Result<PrivateKey, Finding> {
    let key = sec1::EcPrivateKey::from_der(der).map_err(|_| unreadable("EC private key"))?;
    let curve = key.parameters.and_then(|p| p.named_curve()).or(curve_hint);
    let material = ec_material(der, curve)?;
    Ok(PrivateKey {
        info: KeyInfo {
            algorithm: "EC".into(),
            curve: curve.map(oids::curve_name),
            format: "SEC1".into(),
            was_encrypted: false,
        },
        material,
    })
}

/// `sec1_or_inner` is the SEC1 structure (inside PKCS#8, or alone).
fn ec_material(sec1_der: &[u8], curve: Option<Oid>) -> Result<Material, Finding> {
    let key = sec1::EcPrivateKey::from_der(sec1_der).map_err(|_| unreadable("EC private key"))?;
    match curve {
        Some(c) if c == oids::P256 => {
            let secret = p256::SecretKey::from_slice(key.private_key).map_err(|_| unreadable("P-256 private key"))?;
            let public = secret.public_key().to_sec1_bytes().to_vec();
            // A public point written in the key must be its own, as p256's
            // PKCS#8 reader checks (a mismatch is a damaged or forged file).
            if key.public_key.is_some_and(|written| uncompressed(written) != public) {
                return Err(unreadable("P-256 private key"));
            }
            Ok(Material::P256 { secret, public })
        }
        Some(c) if c == oids::P384 => {
            let secret = p384::SecretKey::from_slice(key.private_key).map_err(|_| unreadable("P-384 private key"))?;
            Ok(Material::EcPublic(secret.public_key().to_sec1_bytes().to_vec()))
        }
        // A curve this tool does not know: its embedded public point proves
        // nothing (the curve could be anything), so the key matches no certificate.
        _ => Ok(Material::Unknown),
    }
}

/// Parses a PKCS#1 `RSA PRIVATE KEY`.
pub(crate) fn from_pkcs1(der: &[u8]) -> Result<PrivateKey, Finding> {
    Ok(PrivateKey {
        info: KeyInfo { algorithm: "RSA".into(), curve: None, format: "PKCS#1".into(), was_encrypted: false },
        material: rsa_material(der)?,
    })
}

/// `der` is an RSAPrivateKey (alone, or inside PKCS#8).
fn rsa_material(der: &[u8]) -> Result<Material, Finding> {
    let rsa = pkcs1::RsaPrivateKeyRef::try_from(der).map_err(|_| unreadable("RSA private key"))?;
    Ok(Material::Rsa {
        modulus: strip_zeros(rsa.modulus.as_bytes()),
        exponent: strip_zeros(rsa.public_exponent.as_bytes()),
    })
}

/// True when `der` is an `EncryptedPrivateKeyInfo`.
pub(crate) fn is_encrypted_pkcs8(der: &[u8]) -> bool {
    EncryptedPrivateKeyInfoRef::from_der(der).is_ok()
}

/// Decrypts an encrypted PKCS#8 key, refusing KDF work above the caps first.
/// With a `share` (a fleet's files), the derivation is charged to it, and a
/// key sealed as `keys::export` seals (scrypt or PBKDF2-SHA256, AES-256-CBC)
/// reuses a derivation another key of the fleet already made.
pub(crate) fn from_encrypted_pkcs8(
    der: &[u8],
    passphrase: Option<&str>,
    share: Option<&KdfShare>,
) -> Result<PrivateKey, Finding> {
    let encrypted = EncryptedPrivateKeyInfoRef::from_der(der).map_err(|_| unreadable("encrypted private key"))?;
    check_kdf_cost(&encrypted.encryption_algorithm)?;
    let units = kdf_work(&encrypted.encryption_algorithm);
    let Some(passphrase) = passphrase else {
        // Charged all the same, as the work would be once a passphrase is given.
        if let Some(share) = share {
            share.charge(units)?;
        }
        return Err(Finding::new(
            FindingCode::EncryptedNeedsPassphrase,
            "The private key is encrypted. Enter its passphrase.",
        ));
    };
    let shared = match share {
        Some(share) => shared_aes256_cbc(&encrypted, passphrase, share, units)?,
        None => None,
    };
    let plain = match shared {
        Some(plain) => plain,
        None => {
            // Every other scheme: charged to the share (when there is one), then pkcs5's own PBES2.
            if let Some(share) = share {
                share.charge(units)?;
            }
            let plain = encrypted.decrypt(passphrase).map_err(|_| wrong_passphrase("private key"))?;
            Zeroizing::new(plain.as_bytes().to_vec())
        }
    };
    // A wrong passphrase can still unpad by chance; then the DER is garbage.
    from_pkcs8(&plain, "PKCS#8", true).map_err(|_| wrong_passphrase("private key"))
}

/// The plain PKCS#8 of a key sealed as `keys::export` seals (PBES2 with
/// scrypt or PBKDF2-SHA256, and AES-256-CBC), its key derived once per
/// share (charged `units` the first time); `None` for any other scheme.
fn shared_aes256_cbc(
    encrypted: &EncryptedPrivateKeyInfoRef<'_>,
    passphrase: &str,
    share: &KdfShare,
    units: u64,
) -> Result<Option<Zeroizing<Vec<u8>>>, Finding> {
    use cbc::cipher::block_padding::Pkcs7;
    use cbc::cipher::{BlockModeDecrypt, KeyIvInit};
    let pkcs5::EncryptionScheme::Pbes2(params) = &encrypted.encryption_algorithm else { return Ok(None) };
    let pkcs5::pbes2::EncryptionScheme::Aes256Cbc { iv } = &params.encryption else { return Ok(None) };
    let Some(key) = share.aes256_key(&params.kdf, passphrase, units)? else { return Ok(None) };
    let cipher = cbc::Decryptor::<aes::Aes256>::new(&(*key).into(), &(*iv).into());
    let plain = cipher.decrypt_padded_vec::<Pkcs7>(encrypted.encrypted_data.as_bytes());
    plain.map(|p| Some(Zeroizing::new(p))).map_err(|_| wrong_passphrase("private key"))
}

/// The key-derivation work an encryption scheme asks for, in PBKDF2
/// iterations (scrypt: N·r·p); 0 for a scheme this tool refuses anyway.
fn kdf_work(scheme: &pkcs5::EncryptionScheme) -> u64 {
    use pkcs5::pbes2::Kdf;
    match scheme {
        pkcs5::EncryptionScheme::Pbes2(params) => match &params.kdf {
            Kdf::Pbkdf2(p) => u64::from(p.iteration_count),
            Kdf::Scrypt(s) => scrypt_work(s),
            _ => 0,
        },
        _ => 0,
    }
}

/// An scrypt derivation's work in PBKDF2-iteration units: N·r·p, which takes
/// about as long (see [`MAX_KDF_WORK_PER_FILE`](crate::shared::caps::MAX_KDF_WORK_PER_FILE)).
pub(crate) fn scrypt_work(params: &pkcs5::pbes2::ScryptParams) -> u64 {
    let (r, p) = (u64::from(params.block_size), u64::from(params.parallelization));
    params.cost_parameter.saturating_mul(r).saturating_mul(p)
}

/// `Some(memory in bytes)` when scrypt parameters ask for more than the caps
/// allow (memory is 128·N·r bytes; parallelism p multiplies the time).
pub(crate) fn scrypt_over_caps(params: &pkcs5::pbes2::ScryptParams) -> Option<u64> {
    let memory = 128u64.saturating_mul(params.cost_parameter).saturating_mul(u64::from(params.block_size));
    (memory > MAX_SCRYPT_MEMORY || params.parallelization > MAX_SCRYPT_PARALLELISM).then_some(memory)
}

pub(crate) fn wrong_passphrase(what: &str) -> Finding {
    Finding::new(
        FindingCode::WrongPassphrase,
        format!("The passphrase does not open the {what}. Check it and type it again."),
    )
}

pub(crate) fn check_kdf_cost(scheme: &pkcs5::EncryptionScheme) -> Result<(), Finding> {
    use pkcs5::pbes2::Kdf;
    let too_costly = |what: String| {
        Finding::new(
            FindingCode::UnsupportedFormat,
            format!(
                "The key's encryption asks for {what}, more than this tool allows (a hostile file could hang \
                 the page). Re-encrypt it and use key.pem instead: \
                 openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out key.pem"
            ),
        )
    };
    match scheme {
        pkcs5::EncryptionScheme::Pbes2(params) => match &params.kdf {
            Kdf::Pbkdf2(p) if p.iteration_count > MAX_KDF_ITERATIONS => {
                Err(too_costly(format!("{} PBKDF2 iterations", p.iteration_count)))
            }
            Kdf::Scrypt(s) => match scrypt_over_caps(s) {
                Some(memory) => Err(too_costly(format!("scrypt with {} MiB of memory", memory >> 20))),
                None => Ok(()),
            },
            _ => Ok(()),
        },
        pkcs5::EncryptionScheme::Pbes1(_) => Err(Finding::new(
            FindingCode::UnsupportedFormat,
            "The key is encrypted with an old scheme (PBES1). Re-encrypt it with PBES2 and use key.pem instead: \
             openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out key.pem",
        )),
        _ => Err(Finding::new(
            FindingCode::UnsupportedFormat,
            "The key is encrypted with a scheme this tool does not read. Re-encrypt it and use key.pem instead: \
             openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out key.pem",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pkcs8::der::Encode;

    fn sec1(private: &[u8; 32], public: Option<&[u8]>) -> Vec<u8> {
        sec1::EcPrivateKey {
            private_key: private,
            parameters: Some(sec1::EcParameters::NamedCurve(oids::P256)),
            public_key: public,
        }
        .to_der()
        .unwrap()
    }

    #[test]
    fn a_written_public_point_must_be_the_keys_own() {
        let (one, two) = ([1u8; 32], [2u8; 32]);
        let own = p256::SecretKey::from_slice(&one).unwrap().public_key().to_sec1_bytes().to_vec();
        let other = p256::SecretKey::from_slice(&two).unwrap().public_key().to_sec1_bytes().to_vec();
        let key = from_sec1(&sec1(&one, Some(&own)), None).unwrap();
        assert_eq!(key.public_id().unwrap()[1..], own[..]);
        assert!(from_sec1(&sec1(&one, None), None).is_ok(), "no point written: computed");
        let forged = from_sec1(&sec1(&one, Some(&other)), None).err().expect("another key's point is refused");
        assert_eq!(forged.code, FindingCode::UnsupportedFormat);
        // The PKCS#8 it writes reads back to the same key, point and all.
        let pem = key.to_pkcs8_pem().unwrap();
        let der = pkcs8::der::pem::decode_vec(pem.as_bytes()).unwrap().1;
        assert_eq!(from_pkcs8(&der, "PKCS#8", false).unwrap().public_id(), key.public_id());
    }
}
