//! Shared by the test suites: the spec's vectors (embedded, so the same tests
//! run in a browser where there is no file system) and small helpers.
#![allow(dead_code)]

use serde::Deserialize;
use webex_device_identity::{device::Action, device::Enc, tasks::BuildRequest};

/// One known answer from `tests/vectors/device-jwe-vectors.json`, a copy of
/// the spec's file (scripts/test checks the copy is current).
#[derive(Deserialize)]
pub struct Vector {
    pub action: String,
    pub secret: String,
    pub payload: String,
    pub enc: String,
    pub salt_hex: String,
    pub iv_hex: String,
    pub cek_hex: String,
    pub header_json: String,
    pub jwe: String,
}

impl Vector {
    pub fn action(&self) -> Action {
        Action::from_name(&self.action).unwrap()
    }
    pub fn enc(&self) -> Enc {
        Enc::from_name(&self.enc).unwrap()
    }
}

pub fn vectors() -> Vec<Vector> {
    serde_json::from_str(include_str!("../vectors/device-jwe-vectors.json")).unwrap()
}

pub fn hex(text: &str) -> Vec<u8> {
    assert!(text.len() % 2 == 0);
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect()
}

pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The fixtures' reference time, 2026-06-01T00:00:00Z, in Unix seconds.
pub const NOW: i64 = 1_780_272_000;

/// A PEM-shaped placeholder: the shape of an add payload, not a real one.
pub const BUNDLE: &str = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n\
-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n";

/// The AES-GCM tag that makes `ciphertext` authentic under `key` and `iv`:
/// recover the plaintext through the keystream, then seal it again.
pub fn gcm_tag(key: &[u8], iv: &[u8], aad: &[u8], ciphertext: &[u8]) -> Vec<u8> {
    use aes_gcm::aead::{Aead, KeyInit, Payload};
    use aes_gcm::{Aes128Gcm, Aes256Gcm, Nonce};
    let iv: [u8; 12] = iv.try_into().unwrap();
    let nonce = Nonce::from(iv);
    let zeros = vec![0u8; ciphertext.len()];
    let payload = Payload { msg: &zeros, aad: b"" };
    let keystream = match key.len() {
        16 => Aes128Gcm::new_from_slice(key).unwrap().encrypt(&nonce, payload).unwrap(),
        _ => Aes256Gcm::new_from_slice(key).unwrap().encrypt(&nonce, payload).unwrap(),
    };
    let plaintext: Vec<u8> = ciphertext.iter().zip(&keystream).map(|(c, k)| c ^ k).collect();
    let sealed = match key.len() {
        16 => Aes128Gcm::new_from_slice(key).unwrap().encrypt(&nonce, Payload { msg: &plaintext, aad }).unwrap(),
        _ => Aes256Gcm::new_from_slice(key).unwrap().encrypt(&nonce, Payload { msg: &plaintext, aad }).unwrap(),
    };
    assert_eq!(&sealed[..ciphertext.len()], ciphertext);
    sealed[ciphertext.len()..].to_vec()
}

/// A build request as the page makes it: A256GCM, random salt and IV, findings
/// refused, checked at `NOW`. Tests override what they exercise with `..`.
pub fn request<'a>(action: Action, payload: &'a str) -> BuildRequest<'a> {
    BuildRequest { action, enc: Enc::A256Gcm, payload, salt: None, iv: None, allow_findings: false, now: NOW }
}

/// The fleet's own finding codes, exercised by `tests/fleet.rs`
/// (`every_fleet_finding_code_is_exercised`), not by the certificate fixtures.
pub const FLEET_CODES: [&str; 11] = [
    "duplicate_certificate",
    "duplicate_key",
    "duplicate_common_name",
    "duplicate_secret",
    "unused_file",
    "expires_before",
    "no_certificate_for_device",
    "bad_manifest_row",
    "duplicate_device",
    "missing_file",
    "build_failed",
];

/// The token inspector's finding codes (and the shared `expired`,
/// `not_yet_valid`, `signature_not_checked` it also gives): tests/tokens.rs
/// proves each is reached by a case in tests/tokens/.
#[allow(dead_code)]
pub const TOKEN_CODES: [&str; 22] = [
    "expired",
    "not_yet_valid",
    "signature_invalid",
    "signature_not_checked",
    "alg_none",
    "weak_hmac_key",
    "key_type_mismatch",
    "kid_not_found",
    "decrypt_failed",
    "not_decrypted",
    "malformed_token",
    "algorithm_confusion",
    "unsupported_algorithm",
    "crit_unsupported",
    "duplicate_member",
    "nesting_too_deep",
    "x5c_chain_invalid",
    "x5c_root_unverified",
    "remote_key_not_fetched",
    "device_blob",
    "key_unreadable",
    "no_token_found",
];

/// The SAML checker's finding codes (and the shared `duplicate_certificate`):
/// tests/saml.rs proves each is reached by a case in tests/saml/.
#[allow(dead_code)]
pub const SAML_CODES: [&str; 27] = [
    "certificate_expired",
    "certificate_not_yet_valid",
    "certificate_expires_soon",
    "no_rollover_certificate",
    "weak_key",
    "sha1_signature",
    "insecure_endpoint",
    "no_single_logout",
    "nameid_format_unsupported",
    "metadata_expired",
    "entity_id_whitespace",
    "duplicate_certificate",
    "metadata_unsigned",
    "signature_not_verified",
    "no_signing_certificate",
    "no_sso_service",
    "not_an_idp",
    "certificate_unreadable",
    "conditions_expired",
    "conditions_not_yet_valid",
    "status_not_success",
    "missing_uid",
    "assertion_encrypted",
    "message_unsigned",
    "signature_certificate_not_in_metadata",
    "issuer_mismatch",
    "audience_mismatch",
];
