//! Checks a JWS signature (RFC 7515) with the keys given: HMAC with every
//! reading of every secret, RSA and ECDSA with the public keys, through the
//! certificate code's verifier. `alg: none` and an HMAC token that verifies
//! with a public key's text (algorithm confusion) are findings, never valid.

use crate::cert::{verify_jws, Hash, Scheme, Verdict, EC_PUBLIC_KEY, P256, P384, RSA_ENCRYPTION};
use crate::finding::{Finding, FindingCode};
use crate::token::keys::{Candidate, KeySet, Material};
use crate::token::mac;
use crate::token::verification::{Budget, Status, UsedKey, Verification};

/// What an `alg` asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Alg {
    Hmac(Hash),
    Public(Scheme, Hash),
    None,
    Unsupported,
}

fn alg(name: &str) -> Alg {
    let hash = match &name.get(2..) {
        Some("256") => Hash::Sha256,
        Some("384") => Hash::Sha384,
        Some("512") => Hash::Sha512,
        _ => return if name == "none" { Alg::None } else { Alg::Unsupported },
    };
    match (&name[..2], hash) {
        ("HS", _) => Alg::Hmac(hash),
        ("RS", _) => Alg::Public(Scheme::Pkcs1v15, hash),
        ("PS", _) => Alg::Public(Scheme::Pss, hash),
        // ES512 is P-521, whose crate the page does not carry.
        ("ES", Hash::Sha256 | Hash::Sha384) => Alg::Public(Scheme::Ecdsa, hash),
        _ => Alg::Unsupported,
    }
}

/// Does this public key fit the scheme (RSA for RS/PS, the right curve for ES)?
fn fits(candidate: &Candidate, scheme: Scheme, hash: Hash) -> bool {
    let Some(key) = candidate.public_key() else { return false };
    match scheme {
        Scheme::Ecdsa => {
            let curve = if hash == Hash::Sha256 { P256 } else { P384 };
            key.algorithm.oid == EC_PUBLIC_KEY && key.algorithm.parameters_oid().ok() == Some(curve)
        }
        _ => key.algorithm.oid == RSA_ENCRYPTION,
    }
}

/// The candidates to try for a token with `kid`, those with that kid first;
/// `kid_not_found` when keys carry kids and none is this one.
pub(crate) fn by_kid<'a>(
    keys: &'a KeySet,
    kid: Option<&str>,
    fit: impl Fn(&Candidate) -> bool,
    findings: &mut Vec<Finding>,
) -> Vec<&'a Candidate> {
    let fitting = keys.candidates.iter().filter(|c| fit(c));
    let Some(kid) = kid else { return fitting.collect() };
    let carry_kids = keys.candidates.iter().any(|c| c.kid.is_some());
    if carry_kids && !keys.candidates.iter().any(|c| c.kid.as_deref() == Some(kid)) {
        findings.push(Finding::new(
            FindingCode::KidNotFound,
            format!(
                "No key given has kid {}. Every key of the right type was tried; \
                 give the key set that holds it if none verified.",
                crate::shared::quote::quote(kid)
            ),
        ));
    }
    // Those with the token's kid first, then the rest, each in the order given.
    let (mut first, rest): (Vec<&Candidate>, Vec<&Candidate>) = fitting.partition(|c| c.kid.as_deref() == Some(kid));
    first.extend(rest);
    first
}

/// What a JWS's signature check needs of it.
pub(crate) struct Signed<'a> {
    pub alg: &'a str,
    pub kid: Option<&'a str>,
    /// `header.payload`, as written.
    pub signing_input: &'a [u8],
    pub signature: &'a [u8],
}

/// Checks the signature as `alg` says; `x5c` is the leaf of the header's
/// own chain, tried after the keys given.
pub(crate) fn verify(
    jws: &Signed<'_>,
    keys: &KeySet,
    x5c: Option<&Candidate>,
    budget: &Budget,
    findings: &mut Vec<Finding>,
) -> Verification {
    let Signed { alg: alg_name, kid, signing_input, signature } = *jws;
    let algorithm = Some(alg_name.to_owned());
    let finding = |code, message: &str| Finding::new(code, message);
    match alg(alg_name) {
        Alg::None => {
            findings.push(finding(
                FindingCode::AlgNone,
                "The token says alg \"none\": it carries no signature, so anyone could have written it. \
                 No service should accept it.",
            ));
            Verification::new(Status::Invalid, algorithm)
        }
        Alg::Unsupported => {
            findings.push(finding(
                FindingCode::UnsupportedAlgorithm,
                "This tool does not check this algorithm (it checks HS, RS and PS 256/384/512, ES256 and ES384). \
                 Its signature is not checked.",
            ));
            Verification::new(Status::Unsupported, algorithm)
        }
        Alg::Hmac(hash) => verify_hmac(hash, kid, signing_input, signature, keys, findings, algorithm),
        Alg::Public(scheme, hash) => {
            let fit = |c: &Candidate| fits(c, scheme, hash);
            let mut tried = by_kid(keys, kid, fit, findings);
            tried.extend(x5c.filter(|c| fit(c)));
            let mut verification = Verification::new(Status::NotChecked, algorithm);
            for candidate in &tried {
                if !budget.take() {
                    findings.push(finding(
                        FindingCode::SignatureNotChecked,
                        "Too many keys to try for this many tokens. Give fewer keys, or inspect fewer tokens at once.",
                    ));
                    return verification;
                }
                let key = candidate.public_key().expect("fits() read the key");
                if verify_jws(&key, scheme, hash, signing_input, signature) == Verdict::Valid {
                    verification.status = Status::Valid;
                    verification.key = Some(UsedKey::of(candidate));
                    return verification;
                }
            }
            if tried.is_empty() {
                not_checked(
                    keys,
                    "an RSA or EC public key (PEM, certificate, JWK or JWKS) of the right type",
                    findings,
                );
            } else {
                verification.status = Status::Invalid;
                findings.push(invalid(tried.len()));
            }
            verification
        }
    }
}

fn verify_hmac(
    hash: Hash,
    kid: Option<&str>,
    signing_input: &[u8],
    signature: &[u8],
    keys: &KeySet,
    findings: &mut Vec<Finding>,
    algorithm: Option<String>,
) -> Verification {
    // A public key's text as the HMAC secret: the forgery a verifier falls
    // for when it lets the token pick the algorithm for an RSA key.
    for (index, text) in &keys.public_texts {
        let trimmed = text.trim_ascii();
        let variants = [&text[..], trimmed, &[trimmed, b"\n"].concat()];
        if variants.iter().any(|secret| mac_verifies(hash, secret, signing_input, signature)) {
            findings.push(Finding::new(
                FindingCode::AlgorithmConfusion,
                format!(
                    "This HMAC token verifies with the text of public key {} as its secret: it is a forgery \
                     made for verifiers that let the token choose the algorithm. Do not trust it.",
                    index + 1
                ),
            ));
            return Verification::new(Status::Invalid, algorithm);
        }
    }
    let tried = by_kid(keys, kid, |c| matches!(c.material, Material::Secret(_)), findings);
    let mut verification = Verification::new(Status::NotChecked, algorithm);
    for candidate in &tried {
        let Material::Secret(secret) = &candidate.material else { continue };
        if mac_verifies(hash, secret, signing_input, signature) {
            if secret.len() < mac::len(hash) {
                findings.push(Finding::new(
                    FindingCode::WeakHmacKey,
                    format!(
                        "The secret that verified is {} bytes, shorter than the hash's {} (RFC 7518 3.2): \
                         it can be guessed more easily. Use a longer random secret.",
                        secret.len(),
                        mac::len(hash)
                    ),
                ));
            }
            verification.status = Status::Valid;
            verification.key = Some(UsedKey::of(candidate));
            return verification;
        }
    }
    if tried.is_empty() {
        not_checked(keys, "the shared secret (as text, base64 or hex) or an oct JWK", findings);
    } else {
        verification.status = Status::Invalid;
        findings.push(invalid(tried.len()));
    }
    verification
}

/// A JWS's HMAC is the whole output: a shorter signature is no match.
fn mac_verifies(hash: Hash, key: &[u8], signing_input: &[u8], signature: &[u8]) -> bool {
    signature.len() == mac::len(hash) && mac::verifies(hash, key, &[signing_input], signature)
}

fn invalid(tried: usize) -> Finding {
    Finding::new(
        FindingCode::SignatureInvalid,
        format!(
            "The signature does not verify with any of the {tried} key readings that fit: the token was \
             altered, or was signed with another key."
        ),
    )
}

/// No key fits: say what would, and whether the keys given were of the wrong type.
fn not_checked(keys: &KeySet, needed: &str, findings: &mut Vec<Finding>) {
    if !keys.candidates.is_empty() {
        findings.push(Finding::new(
            FindingCode::KeyTypeMismatch,
            format!("None of the keys given fits this token's algorithm. It needs {needed}."),
        ));
    }
    findings
        .push(Finding::new(FindingCode::SignatureNotChecked, format!("The signature is not checked: give {needed}.")));
}
