//! Does an issuer's key verify a certificate? ECDSA P-256/P-384 and RSA
//! PKCS#1 v1.5 (MD5 and SHA-1 too, to tell a weak signature from a forged one)
//! and PSS, with SHA-1/256/384/512, all with RustCrypto. Other algorithms are
//! reported as not checked, never as valid. A token's JWS signature is
//! checked here too ([`verify_jws`]), with the same code.

use p256::ecdsa::signature::hazmat::PrehashVerifier;
use pkcs8::der::asn1::{AnyRef, ObjectIdentifier as Oid};
use pkcs8::der::{Decode, Reader, SliceReader, Tag, Tagged};
use rsa::pkcs1::DecodeRsaPublicKey;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::spki::SubjectPublicKeyInfoRef;

use crate::cert::certificate::Certificate;
use crate::cert::oids;
use crate::cert::public_key::{self, PublicKey};

/// The outcome of one signature check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    Valid,
    Invalid,
    /// This tool cannot check this algorithm (MD5, DSA, Ed448, ...).
    NotChecked,
}

/// A signature's hash.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hash {
    Md5,
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

/// One row per signature algorithm OID: its name for people and its hash.
const ALGORITHMS: [(Oid, &str, Option<Hash>); 12] = [
    (Oid::new_unwrap("1.2.840.10045.4.3.2"), "ecdsa-with-SHA256", Some(Hash::Sha256)),
    (Oid::new_unwrap("1.2.840.10045.4.3.3"), "ecdsa-with-SHA384", Some(Hash::Sha384)),
    (Oid::new_unwrap("1.2.840.10045.4.3.4"), "ecdsa-with-SHA512", Some(Hash::Sha512)),
    (Oid::new_unwrap("1.2.840.10045.4.1"), "ecdsa-with-SHA1", Some(Hash::Sha1)),
    (Oid::new_unwrap("1.2.840.113549.1.1.11"), "sha256WithRSAEncryption", Some(Hash::Sha256)),
    (Oid::new_unwrap("1.2.840.113549.1.1.12"), "sha384WithRSAEncryption", Some(Hash::Sha384)),
    (Oid::new_unwrap("1.2.840.113549.1.1.13"), "sha512WithRSAEncryption", Some(Hash::Sha512)),
    (Oid::new_unwrap("1.2.840.113549.1.1.5"), "sha1WithRSAEncryption", Some(Hash::Sha1)),
    (Oid::new_unwrap("1.2.840.113549.1.1.4"), "md5WithRSAEncryption", Some(Hash::Md5)),
    (Oid::new_unwrap("1.2.840.113549.1.1.10"), "RSASSA-PSS", None),
    (Oid::new_unwrap("1.3.101.112"), "Ed25519", None),
    (Oid::new_unwrap("1.3.101.113"), "Ed448", None),
];

/// The hashes RSASSA-PSS parameters may name.
const PSS_HASHES: [(Oid, Hash); 4] = [
    (Oid::new_unwrap("1.3.14.3.2.26"), Hash::Sha1),
    (Oid::new_unwrap("2.16.840.1.101.3.4.2.1"), Hash::Sha256),
    (Oid::new_unwrap("2.16.840.1.101.3.4.2.2"), Hash::Sha384),
    (Oid::new_unwrap("2.16.840.1.101.3.4.2.3"), Hash::Sha512),
];

fn row(cert: &Certificate<'_>) -> Option<&'static (Oid, &'static str, Option<Hash>)> {
    let oid = cert.signature_algorithms().0.oid;
    ALGORITHMS.iter().find(|(id, _, _)| *id == oid)
}

/// The hash and salt length of RSASSA-PSS parameters (RFC 4055):
/// SEQUENCE { hashAlgorithm [0] DEFAULT sha1, maskGenAlgorithm [1],
/// saltLength [2] INTEGER DEFAULT 20, trailerField [3] }, each tag explicit.
/// `None` when they are absent or cannot be read, or name another hash.
fn pss_hash(cert: &Certificate<'_>) -> Option<(Hash, usize)> {
    let parameters = cert.signature_algorithms().0.parameters.as_ref()?;
    if parameters.tag() != Tag::Sequence {
        return None;
    }
    let mut reader = SliceReader::new(parameters.value()).ok()?;
    let mut field = |number: u32| -> Option<Option<&[u8]>> {
        let next = match AnyRef::decode(&mut reader.clone()) {
            Ok(any) if any.tag().is_context_specific() && any.tag().number().value() == number => any,
            _ => return Some(None),
        };
        AnyRef::decode(&mut reader).ok()?;
        Some(Some(next.value()))
    };
    let hash = match field(0)? {
        Some(algorithm) => algorithm_oid(algorithm)?,
        None => PSS_HASHES[0].0,
    };
    if let Some(mask) = field(1)? {
        algorithm_oid(mask)?;
    }
    let salt = match field(2)? {
        Some(salt) => u32::decode(&mut SliceReader::new(salt).ok()?).ok()?,
        None => 20,
    };
    let hash = PSS_HASHES.iter().find(|(oid, _)| *oid == hash)?.1;
    Some((hash, salt as usize))
}

/// The OID of the AlgorithmIdentifier (SEQUENCE { OID, parameters ANY OPTIONAL }) at the start of `bytes`.
fn algorithm_oid(bytes: &[u8]) -> Option<Oid> {
    let read = |r: &mut SliceReader<'_>| {
        let oid = Oid::decode(r)?;
        if !r.is_finished() {
            AnyRef::decode(r)?;
        }
        Ok::<_, pkcs8::der::Error>(oid)
    };
    SliceReader::new(bytes).ok()?.sequence(read).ok()
}

/// The signature algorithm's name, e.g. `ecdsa-with-SHA256`, `RSASSA-PSS (SHA-256)`.
pub(crate) fn algorithm_name(cert: &Certificate<'_>) -> String {
    match row(cert) {
        Some((_, "RSASSA-PSS", _)) => match pss_hash(cert) {
            Some((hash, _)) => format!("RSASSA-PSS ({})", hash_name(hash)),
            None => "RSASSA-PSS".into(),
        },
        Some((_, name, _)) => (*name).into(),
        None => cert.signature_algorithms().0.oid.to_string(),
    }
}

/// True for SHA-1 and MD5 signatures, which can be forged or soon could be.
pub(crate) fn is_weak(cert: &Certificate<'_>) -> bool {
    let hash = match row(cert) {
        Some((_, "RSASSA-PSS", _)) => pss_hash(cert).map(|(h, _)| h),
        Some((_, _, hash)) => *hash,
        None => None,
    };
    matches!(hash, Some(Hash::Sha1 | Hash::Md5))
}

fn hash_name(hash: Hash) -> &'static str {
    match hash {
        Hash::Md5 => "MD5",
        Hash::Sha1 => "SHA-1",
        Hash::Sha256 => "SHA-256",
        Hash::Sha384 => "SHA-384",
        Hash::Sha512 => "SHA-512",
    }
}

fn digest(hash: Hash, data: &[u8]) -> Option<Vec<u8>> {
    Some(match hash {
        Hash::Md5 => md5::Md5::digest(data).to_vec(),
        Hash::Sha1 => Sha1::digest(data).to_vec(),
        Hash::Sha256 => Sha256::digest(data).to_vec(),
        Hash::Sha384 => Sha384::digest(data).to_vec(),
        Hash::Sha512 => Sha512::digest(data).to_vec(),
    })
}

/// Do the certificate's two signature algorithm fields agree? The signature
/// covers only the one inside tbsCertificate, so an outer one that differs
/// was changed after signing, and readers disagree on which to believe.
/// Compared exactly: the OID, and the parameters' tag and bytes (absent is not NULL).
pub(crate) fn algorithms_agree(cert: &Certificate<'_>) -> bool {
    // RFC 5280 4.1.1.2: signatureAlgorithm "MUST contain the same algorithm
    // identifier as the signature field in the sequence tbsCertificate".
    let (outer, inner) = cert.signature_algorithms();
    outer == inner
}

/// Checks `cert`'s signature with `issuer`'s public key.
pub(crate) fn verify(cert: &Certificate<'_>, issuer: &SubjectPublicKeyInfoRef<'_>) -> Verdict {
    let tbs = cert.tbs;
    let signature = cert.signature();
    let Some((_, name, hash)) = row(cert) else { return Verdict::NotChecked };
    let verdict = match (name.starts_with("ecdsa"), *name == "RSASSA-PSS", hash) {
        (true, _, Some(hash)) => digest(*hash, tbs).map(|d| verify_ecdsa(issuer, &d, signature, false)),
        (_, true, _) => {
            pss_hash(cert).and_then(|(hash, salt)| verify_pss(issuer, hash, salt, &digest(hash, tbs)?, signature))
        }
        (false, false, Some(hash)) if name.contains("RSA") => {
            digest(*hash, tbs).and_then(|d| verify_pkcs1v15(issuer, *hash, &d, signature))
        }
        _ => None,
    };
    verdict.unwrap_or(Verdict::NotChecked)
}

fn ok(valid: bool) -> Verdict {
    if valid {
        Verdict::Valid
    } else {
        Verdict::Invalid
    }
}

/// `raw`: the signature is r || s, as JWS writes it (RFC 7518 3.4); else DER, as X.509 does.
fn verify_ecdsa(issuer: &SubjectPublicKeyInfoRef<'_>, prehash: &[u8], signature: &[u8], raw: bool) -> Verdict {
    let Some(PublicKey::Ec(point)) = public_key::read(issuer) else { return Verdict::Invalid };
    match oids::curve_of(issuer) {
        Some(c) if c == oids::P256 => {
            use p256::ecdsa::Signature;
            let sig = if raw { Signature::from_slice(signature) } else { Signature::from_der(signature) };
            let (Ok(key), Ok(sig)) = (p256::ecdsa::VerifyingKey::from_sec1_bytes(point), sig) else {
                return Verdict::Invalid;
            };
            ok(key.verify_prehash(prehash, &sig).is_ok())
        }
        Some(c) if c == oids::P384 => {
            use p384::ecdsa::Signature;
            let sig = if raw { Signature::from_slice(signature) } else { Signature::from_der(signature) };
            let (Ok(key), Ok(sig)) = (p384::ecdsa::VerifyingKey::from_sec1_bytes(point), sig) else {
                return Verdict::Invalid;
            };
            ok(key.verify_prehash(prehash, &sig).is_ok())
        }
        _ => Verdict::NotChecked,
    }
}

/// RSASSA-PSS with MGF1 over the same hash; `None` for MD5 or a key that is not RSA.
fn verify_pss(
    issuer: &SubjectPublicKeyInfoRef<'_>,
    hash: Hash,
    salt: usize,
    digest: &[u8],
    signature: &[u8],
) -> Option<Verdict> {
    let key = rsa::PublicKey::from_pkcs1_der(issuer.subject_public_key.raw_bytes()).ok()?;
    let valid = match hash {
        Hash::Sha1 => key.verify(rsa::Pss::<Sha1>::new_with_salt(salt), digest, signature),
        Hash::Sha256 => key.verify(rsa::Pss::<Sha256>::new_with_salt(salt), digest, signature),
        Hash::Sha384 => key.verify(rsa::Pss::<Sha384>::new_with_salt(salt), digest, signature),
        Hash::Sha512 => key.verify(rsa::Pss::<Sha512>::new_with_salt(salt), digest, signature),
        Hash::Md5 => return None,
    };
    Some(ok(valid.is_ok()))
}

/// How a JWS `alg` signs with a public key (RFC 7518 3.3-3.5).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scheme {
    /// RS256/384/512.
    Pkcs1v15,
    /// PS256/384/512: the salt as long as the hash.
    Pss,
    /// ES256/384: r || s.
    Ecdsa,
}

/// Checks a JWS signature over `message` with `key`; the caller has
/// matched the key's type to the scheme. MD5 is no JWS hash: `NotChecked`.
pub(crate) fn verify_jws(
    key: &SubjectPublicKeyInfoRef<'_>,
    scheme: Scheme,
    hash: Hash,
    message: &[u8],
    signature: &[u8],
) -> Verdict {
    let Some(d) = digest(hash, message) else { return Verdict::NotChecked };
    let verdict = match scheme {
        Scheme::Pkcs1v15 => verify_pkcs1v15(key, hash, &d, signature),
        Scheme::Pss => verify_pss(key, hash, d.len(), &d, signature),
        Scheme::Ecdsa => Some(verify_ecdsa(key, &d, signature, true)),
    };
    verdict.unwrap_or(Verdict::NotChecked)
}

fn verify_pkcs1v15(
    issuer: &SubjectPublicKeyInfoRef<'_>,
    hash: Hash,
    digest: &[u8],
    signature: &[u8],
) -> Option<Verdict> {
    let Ok(key) = rsa::PublicKey::from_pkcs1_der(issuer.subject_public_key.raw_bytes()) else {
        // Not an RSA key: this issuer cannot have made an RSA signature.
        return Some(Verdict::Invalid);
    };
    let scheme = match hash {
        Hash::Sha1 => rsa::Pkcs1v15Sign::new::<Sha1>(),
        Hash::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
        Hash::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
        Hash::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
        Hash::Md5 => rsa::Pkcs1v15Sign::new::<md5::Md5>(),
    };
    Some(ok(key.verify(scheme, digest, signature).is_ok()))
}
