//! What pairing many files needs to know about one certificate (the fleet):
//! its names, whether it is a CA, and its public key in a comparable form. Parsed once per certificate; the full checks run later,
//! per device, on the bundle pairing chose.

use crate::cert::certificate::Certificate;
use crate::cert::der::is_der;
use crate::cert::describe::{common_name, timestamp};
use crate::cert::extensions::{self, GeneralName};
use crate::cert::key::spki_public_id;

/// One certificate, summarised for pairing.
#[derive(Clone, Debug)]
pub(crate) struct Summary {
    /// The subject and issuer names as DER, to find issuers by.
    pub subject: Vec<u8>,
    pub issuer: Vec<u8>,
    /// basicConstraints CA:TRUE: an issuer, never a device's leaf.
    pub is_ca: bool,
    /// The CN, as written.
    pub common_name: Option<String>,
    /// The CN and every DNS SAN, lowercased: what a device name is matched against.
    pub names: Vec<String>,
    /// The public key as [`crate::cert::PrivateKey::public_id`] gives a key's.
    pub public_id: Option<Vec<u8>>,
    /// End of validity, Unix seconds.
    pub not_after: i64,
}

/// Summarises the certificate `der`; `None` when it cannot be read (the
/// per-device checks then say why, with the single-device codes).
pub(crate) fn summarize(der: &[u8]) -> Option<Summary> {
    if !is_der(der) {
        return None;
    }
    let cert = Certificate::from_der(der)?;
    let common_name = common_name(&cert);
    let mut names: Vec<String> = common_name.iter().map(|cn| cn.to_ascii_lowercase()).collect();
    for name in extensions::alt_names(&cert) {
        if let GeneralName::Dns(dns) = name {
            names.push(dns.to_ascii_lowercase());
        }
    }
    Some(Summary {
        subject: cert.subject_id.to_vec(),
        issuer: cert.issuer_id.to_vec(),
        is_ca: extensions::is_ca(&cert),
        common_name,
        names,
        public_id: spki_public_id(cert.public_key()),
        not_after: timestamp(cert.not_after()),
    })
}
