//! The findings that make a whole input unreadable, shared by the readers
//! (PEM, DER, PKCS#12) and the report.

use crate::finding::{Finding, FindingCode};
use crate::shared::caps::{MAX_CERTIFICATES, MAX_FLEET_KDF_WORK, MAX_INPUT_BYTES};

pub(crate) fn unsupported(message: impl Into<String>) -> Finding {
    Finding::new(FindingCode::UnsupportedFormat, message)
}

pub(crate) fn too_many_certificates() -> Finding {
    unsupported(format!(
        "The input holds more than {MAX_CERTIFICATES} certificates. Give the device's certificate, its key \
         and its CA chain only."
    ))
}

pub(crate) fn multiple_keys() -> Finding {
    Finding::new(
        FindingCode::MultiplePrivateKeys,
        "There is more than one private key. Give only the key of the device's certificate.",
    )
}

/// The second key, in the call's item `second`; `first` names the item that
/// held the first one, when that was another item.
pub(crate) fn multiple_keys_in(first: Option<String>, second: &str) -> Finding {
    let place = match first {
        Some(first) => format!(": in {first} and in {second}"),
        None => format!(" in {second}"),
    };
    Finding::new(
        FindingCode::MultiplePrivateKeys,
        format!("There is more than one private key{place}. Give only the key of the device's certificate."),
    )
}

pub(crate) fn too_large(len: usize) -> Finding {
    Finding::new(
        FindingCode::InputTooLarge,
        format!(
            "The input is {len} bytes, over the limit of {} MiB. A certificate bundle is a few kilobytes: \
             check that you picked the right file.",
            MAX_INPUT_BYTES >> 20
        ),
    )
}

pub(crate) fn damaged_certificate() -> Finding {
    unsupported("A certificate is damaged and cannot be read. Download it again from your CA.")
}

pub(crate) fn signature_algorithms_differ() -> Finding {
    unsupported(
        "A certificate is damaged: its two signature algorithm fields differ, which RFC 5280 forbids, so its \
         signature cannot be trusted. Download the certificate again from your CA, or ask your CA to issue it again.",
    )
}

pub(crate) fn not_der() -> Finding {
    unsupported(
        "A certificate is not in DER, the one encoding its fingerprint is taken over: a device would compute \
         another. Ask your CA for the certificate again; or re-encode it and use fixed.pem instead (if that \
         is still refused, the part your CA signed is not DER): openssl x509 -in cert.pem -out fixed.pem",
    )
}

/// The files given together (a fleet's) asked for more key-derivation work
/// than one call allows.
pub(crate) fn shared_kdf_budget_spent() -> Finding {
    Finding::new(
        FindingCode::UnsupportedFormat,
        format!(
            "The encrypted files given together ask for more than {MAX_FLEET_KDF_WORK} units of key derivation \
             (PBKDF2 iterations, or scrypt's N·r·p), more than this tool allows in one run (hostile files could \
             hang the page). Re-encrypt the keys with default settings, or split the fleet."
        ),
    )
}
