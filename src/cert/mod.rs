//! Certificates and keys: read every format admins hold, describe each
//! certificate, and check it against a profile's rules (the device's, spec
//! "Certificate requirements"). Parsing (`input`, `pem`, `key`, `pkcs12`,
//! gathered in `decoded`), description (`describe`, `name`), signatures
//! (`signature`) and checks (`checks`, by `profile`) are separate layers.

mod certificate;
mod checks;
mod decoded;
mod der;
mod describe;
mod extensions;
mod input;
mod ip;
mod kdf_share;
mod key;
mod name;
mod oids;
mod pem;
mod pkcs12;
mod profile;
mod public_key;
mod refusal;
mod report;
mod signature;
mod summary;
mod tlv;

use pkcs8::der::pem::{encode_string, LineEnding};

use crate::cert::certificate::Certificate;
use crate::finding::{Finding, FindingCode, Passed, PassedCode};
use crate::shared::quote::quote;

pub(crate) use decoded::Decoded;
pub(crate) use describe::{iso8601_unix, standalone, Standalone};
pub(crate) use kdf_share::{derive_aes256, KdfShare};
pub(crate) use key::{p256_pkcs8_der, PrivateKey};
pub(crate) use oids::{EC_PUBLIC_KEY, KEY_USAGE, P256, P384, RSA_ENCRYPTION, SUBJECT_ALT_NAME};
pub(crate) use pem::blocks as pem_blocks;
pub(crate) use signature::{verify_jws, Hash, Scheme, Verdict};
pub(crate) use summary::{summarize, Summary};

pub use input::Input;
pub use profile::Profile;
pub use report::{AltName, CertificateInfo, KeyInfo, PublicKeyInfo, Report};

/// Options of [`inspect`].
#[derive(Clone, Copy, Debug)]
pub struct InspectOptions<'a> {
    /// Opens an encrypted key or PKCS#12 file.
    pub passphrase: Option<&'a str>,
    /// The time to check validity against, Unix seconds.
    pub now: i64,
    /// What to call each input in messages (a file's name, "the pasted
    /// text"), one per input; without them, "item 2". Quoted bounded.
    pub labels: Option<&'a [&'a str]>,
}

impl<'a> InspectOptions<'a> {
    /// Options with a passphrase (or none), the time to check against, no labels.
    pub fn new(passphrase: Option<&'a str>, now: i64) -> Self {
        InspectOptions { passphrase, now, labels: None }
    }

    /// What messages call input `i`: its label, or "item i+1".
    fn label(&self, i: usize) -> String {
        match self.labels.and_then(|labels| labels.get(i)) {
            Some(label) => quote(label),
            None => format!("item {}", i + 1),
        }
    }
}

/// Reads one file on its own (the fleet reads each of many files apart):
/// its certificates as DER and its key, or why it cannot be read.
/// Key derivation is charged to `kdf_share`, which the files share.
pub(crate) fn read_file(
    input: Input<'_>,
    passphrase: Option<&str>,
    kdf_share: &std::rc::Rc<KdfShare>,
) -> Result<Decoded, Finding> {
    let mut start = Decoded::default();
    start.kdf_share = Some(kdf_share.clone());
    input::decode(input, passphrase, &start)
}

/// Reads one input on its own: its certificates as DER and its key (the
/// token inspector's keys, each given apart), or why it cannot be read.
pub(crate) fn read(input: Input<'_>, passphrase: Option<&str>) -> Result<Decoded, Finding> {
    input::decode(input, passphrase, &Decoded::default())
}

/// A DER certificate's public key; `None` when it is no certificate.
pub(crate) fn certificate_key(der: &[u8]) -> Option<x509_cert::spki::SubjectPublicKeyInfoRef<'_>> {
    Certificate::from_der(der).map(|cert| cert.public_key().clone())
}

/// Reads `input` and reports on every certificate and key in it, by the
/// device's rules. Never fails: an unreadable input is a report with one finding.
pub fn inspect(input: Input<'_>, options: &InspectOptions<'_>) -> Report {
    inspect_all(&[input], options)
}

/// Reads several inputs (the files an admin dropped together: certificate,
/// key, chain) as one bundle and reports on it by the device's rules.
pub fn inspect_all(inputs: &[Input<'_>], options: &InspectOptions<'_>) -> Report {
    inspect_with(&Profile::DEVICE, inputs, options)
}

/// Reads several inputs as one bundle and reports on it by `profile`'s rules.
/// The caps (one key, at most 16 certificates) hold across all inputs, and a
/// key over them is refused before its key derivation runs.
pub fn inspect_with(profile: &Profile, inputs: &[Input<'_>], options: &InspectOptions<'_>) -> Report {
    let several = inputs.len() > 1;
    let mut decoded = Decoded::default();
    // The item each certificate (in decoded order) and the key came from.
    let mut cert_items: Vec<usize> = Vec::new();
    let mut key_item: Option<usize> = None;
    for (i, input) in inputs.iter().enumerate() {
        match input::decode(*input, options.passphrase, &decoded) {
            Ok(one) => {
                cert_items.extend(std::iter::repeat_n(i, one.certs.len()));
                if !one.keys.is_empty() {
                    key_item.get_or_insert(i);
                }
                decoded.append(one);
            }
            Err(mut finding) if several => {
                if finding.code == FindingCode::MultiplePrivateKeys {
                    finding = refusal::multiple_keys_in(key_item.map(|k| options.label(k)), &options.label(i));
                    if let Some(first) = key_item {
                        finding.input_indexes = vec![first, i];
                    }
                } else {
                    finding.message = format!("In {}: {}", options.label(i), finding.message);
                }
                finding.input_index = Some(i);
                return Report::unreadable(finding);
            }
            Err(finding) => return Report::unreadable(finding),
        }
    }
    report_on(profile, decoded, cert_items, key_item, several, options)
}

/// Reports on what was read, by `profile`'s rules: `cert_items[i]` is the
/// item (of `options.labels`) certificate `i` came from, `key_item` the key's;
/// `several` says whether messages should name the items. The fleet calls
/// this with what it read and paired from many files. Never inlined: two
/// callers would carry two copies to the browser.
#[inline(never)]
pub(crate) fn report_on(
    profile: &Profile,
    decoded: Decoded,
    cert_items: Vec<usize>,
    key_item: Option<usize>,
    several: bool,
    options: &InspectOptions<'_>,
) -> Report {
    let mut ders: Vec<Vec<u8>> = Vec::new();
    let mut origins: Vec<usize> = Vec::new();
    for (der, item) in decoded.certs.into_iter().zip(cert_items) {
        if !ders.contains(&der) {
            ders.push(der);
            origins.push(item);
        }
    }
    let mut certs: Vec<Certificate<'_>> = Vec::with_capacity(ders.len());
    for der in &ders {
        match parse_certificate(der) {
            Ok(cert) => certs.push(cert),
            Err(finding) => return Report::unreadable(finding),
        }
    }

    let self_signed: Vec<bool> = certs.iter().map(describe::is_self_signed).collect();
    let outcome = checks::run(profile, &certs, &self_signed, decoded.keys.first(), options.now);
    let findings = outcome
        .findings
        .into_iter()
        .map(|located| {
            let items = located.about.iter().map(|source| match source {
                checks::Source::Cert(c) => Some(origins[*c]),
                checks::Source::Key => key_item,
            });
            locate(located.finding, items.flatten().collect(), several, options)
        })
        .collect();
    let mut report = Report {
        certificates: (0..certs.len())
            .map(|i| describe::describe(&certs[i], &ders[i], self_signed[i], options.now))
            .collect(),
        private_key: decoded.keys.first().map(|k| k.info.clone()),
        leaf_index: outcome.leaf,
        findings,
        passed: outcome.passed,
        add_payload: None,
    };
    crate::finding::sort_by_severity(&mut report.findings);
    if !report.has_errors() {
        if let (Some(leaf), Some(key)) = (outcome.leaf, decoded.keys.first()) {
            report.add_payload = add_payload(&ders, &self_signed, leaf, &outcome.chain, key);
        }
        if report.add_payload.is_some() {
            for &root in outcome.chain.iter().filter(|&&i| self_signed[i]) {
                let root = &report.certificates[root];
                let name = root.common_name.as_deref().unwrap_or(&root.subject);
                report.passed.push(Passed::new(
                    PassedCode::RootLeftOut,
                    format!(
                        "The root \"{}\" was given and is left out of the add payload: devices carry their own list \
                         of roots.",
                        quote(name)
                    ),
                ));
            }
        }
        // No error must mean a payload: if the checks missed why there is none,
        // say so rather than hand back a clean report that cannot be installed.
        if report.add_payload.is_none() {
            report.findings.insert(
                0,
                Finding::new(
                    FindingCode::UnsupportedFormat,
                    "The certificate and key could not be put together for the device. Export them again as PEM \
                     (certificate, then the key as PKCS#8).",
                ),
            );
        }
    }
    report
}

/// Says which items a finding comes from, when the call read several: the
/// message starts with their names, `input_index` is the (last) item, and
/// `input_indexes` lists them all when there are two.
fn locate(mut finding: Finding, mut items: Vec<usize>, several: bool, options: &InspectOptions<'_>) -> Finding {
    items.sort_unstable();
    items.dedup();
    if !several || items.is_empty() {
        return finding;
    }
    let names: Vec<String> = items.iter().map(|&i| options.label(i)).collect();
    finding.message = format!("In {}: {}", names.join(" and "), finding.message);
    finding.input_index = items.last().copied();
    if items.len() > 1 {
        finding.input_indexes = items;
    }
    finding
}

/// Parses one certificate; refuses it as damaged when it is not DER (its
/// fingerprints would not be a device's), cannot be read, or its signature
/// algorithm fields differ.
fn parse_certificate(der: &[u8]) -> Result<Certificate<'_>, Finding> {
    if !der::is_der(der) {
        return Err(refusal::not_der());
    }
    let cert = Certificate::from_der(der).ok_or_else(refusal::damaged_certificate)?;
    if !signature::algorithms_agree(&cert) {
        return Err(refusal::signature_algorithms_differ());
    }
    Ok(cert)
}

/// Leaf, then intermediates in chain order (the self-signed root stays out:
/// devices trust their CA list), then the key as PKCS#8.
fn add_payload(
    ders: &[Vec<u8>],
    self_signed: &[bool],
    leaf: usize,
    chain: &[usize],
    key: &key::PrivateKey,
) -> Option<String> {
    let mut pem_text = String::new();
    let intermediates = chain.iter().copied().filter(|&i| !self_signed[i]);
    for i in std::iter::once(leaf).chain(intermediates) {
        pem_text.push_str(&encode_string("CERTIFICATE", LineEnding::LF, &ders[i]).ok()?);
    }
    pem_text.push_str(&key.to_pkcs8_pem()?);
    Some(pem_text)
}

impl Drop for Report {
    /// The add payload holds the private key: wipe it.
    fn drop(&mut self) {
        if let Some(payload) = self.add_payload.as_mut() {
            zeroize::Zeroize::zeroize(payload);
        }
    }
}
