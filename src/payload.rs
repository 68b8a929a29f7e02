//! What each action's plaintext must be, checked before anything is encrypted
//! (spec, "Payload per action").

use zeroize::Zeroizing;

use crate::action::Action;
use crate::error::{Error, ErrorKind};
use crate::fingerprint::normalize_fingerprint;

/// Returns the plaintext to encrypt for `action`, normalized where the device
/// expects one form (fingerprints), or an error naming what is missing.
pub(crate) fn prepare_payload(action: Action, payload: &str, allow_findings: bool) -> Result<Zeroizing<String>, Error> {
    match action {
        // The new secret's raw UTF-8 bytes; empty resets the secret.
        Action::Populate => Ok(Zeroizing::new(payload.to_owned())),
        Action::Add => {
            if !allow_findings {
                check_add_bundle(payload)?;
            }
            Ok(Zeroizing::new(payload.to_owned()))
        }
        Action::Activate | Action::Deactivate => normalize_fingerprint(payload).map(Zeroizing::new),
    }
}

/// A shallow check that an `add` payload is a PEM certificate plus its private
/// key; the certificate module does the deep checks.
fn check_add_bundle(payload: &str) -> Result<(), Error> {
    if !payload.contains("-----BEGIN CERTIFICATE-----") {
        return Err(bad_payload(
            "The certificate bundle has no PEM certificate (-----BEGIN CERTIFICATE-----). \
             Add the device's certificate, then its private key.",
        ));
    }
    if payload.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
        return Err(bad_payload(
            "The private key is encrypted with a passphrase, which the device cannot open. \
             Decrypt it first (openssl pkey -in key.pem -out plain.pem).",
        ));
    }
    if !payload.contains("-----BEGIN PRIVATE KEY-----") && !payload.contains("-----BEGIN EC PRIVATE KEY-----") {
        return Err(bad_payload(
            "The certificate bundle has no private key (-----BEGIN PRIVATE KEY----- or \
             -----BEGIN EC PRIVATE KEY-----). Add the key that belongs to the certificate.",
        ));
    }
    Ok(())
}

fn bad_payload(message: &str) -> Error {
    Error::new(ErrorKind::BadPayload, message)
}
