//! The checks (spec, "Certificate requirements"). Each problem becomes a
//! finding; nothing stops at the first one, so the admin sees all of them.

use crate::cert::certificate::Certificate;
use crate::cert::describe::{common_name, iso8601, timestamp};
use crate::cert::extensions;
use crate::cert::key::PrivateKey;
use crate::cert::public_key::{self, PublicKey};
use crate::cert::signature::{self, Verdict};
use crate::cert::{name, oids, Profile};
use crate::finding::{Finding, FindingCode, Passed, PassedCode};
use crate::shared::quote::quote;

/// What the checks found, what passed, and which certificates form the device's chain.
pub(crate) struct Outcome {
    pub findings: Vec<Located>,
    pub passed: Vec<Passed>,
    pub leaf: Option<usize>,
    /// Issuers above the leaf found in the input, in chain order.
    pub chain: Vec<usize>,
}

/// A finding and what it is about, so the caller can say which item of the
/// input it comes from.
pub(crate) struct Located {
    pub finding: Finding,
    pub about: Vec<Source>,
}

/// What a finding is about: a certificate (by index in `certs`) or the key.
/// None at all: the bundle as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Cert(usize),
    Key,
}

/// The findings of one run, each with what it is about.
#[derive(Default)]
struct Found(Vec<Located>);

impl Found {
    fn push(&mut self, code: FindingCode, message: impl Into<String>, about: &[Source]) {
        self.0.push(Located { finding: Finding::new(code, message), about: about.to_vec() });
    }
}

/// Checks `certs` by `profile`'s rules. `self_signed[i]` says whether
/// `certs[i]` is self-signed (computed once: it costs a signature check).
/// `key` is the input's one private key, if any.
pub(crate) fn run(
    profile: &Profile,
    certs: &[Certificate<'_>],
    self_signed: &[bool],
    key: Option<&PrivateKey>,
    now: i64,
) -> Outcome {
    let mut findings = Found::default();
    let mut passed = Vec::new();
    if certs.is_empty() {
        findings.push(
            FindingCode::NoCertificate,
            "There is no certificate. Add the device's certificate (PEM, DER or PKCS#12) from your CA.",
            &[],
        );
        return Outcome { findings: findings.0, passed, leaf: None, chain: Vec::new() };
    }
    let leaf = find_leaf(profile, certs, key, &mut findings, &mut passed);
    let chain = walk_chain(profile, certs, self_signed, leaf, &mut findings, &mut passed);
    let mut all_valid = true;
    for (i, (cert, &self_signed)) in certs.iter().zip(self_signed).enumerate() {
        all_valid &= check_validity(profile, cert, i, now, &mut findings);
        if signature::is_weak(cert) && !self_signed {
            findings.push(
                FindingCode::WeakSignature,
                format!(
                    "{} is signed with {}, which can be forged. Ask your CA for a certificate signed with SHA-256.",
                    name(cert),
                    quote(&signature::algorithm_name(cert))
                ),
                &[Source::Cert(i)],
            );
        }
    }
    if all_valid {
        let until = iso8601(certs[leaf].not_after());
        passed.push(Passed::new(
            PassedCode::Valid,
            format!("Every certificate given is valid now. {} is valid until {until}.", name(&certs[leaf])),
        ));
    }
    check_leaf(profile, &certs[leaf], leaf, &mut findings, &mut passed);
    Outcome { findings: findings.0, passed, leaf: Some(leaf), chain }
}

/// "The certificate "CN"" (or its whole subject), to start a message with.
fn name(cert: &Certificate<'_>) -> String {
    format!("The certificate {}", quoted(cert))
}

/// The certificate's CN (or subject) in quotes, cut to a length a message can carry.
fn quoted(cert: &Certificate<'_>) -> String {
    match common_name(cert) {
        Some(cn) => format!("\"{}\"", quote(&cn)),
        None => format!("\"{}\"", quote(&name::display(cert.subject))),
    }
}

/// The certificate's issuer by its CN (or whole name) in quotes, bounded.
fn quoted_issuer(cert: &Certificate<'_>) -> String {
    match name::common_name(cert.issuer) {
        Some(cn) => format!("\"{}\"", quote(&cn)),
        None => format!("\"{}\"", quote(&name::display(cert.issuer))),
    }
}

/// The leaf is the certificate the key belongs to; without a key (or a match),
/// the one certificate that issues no other in the input.
fn find_leaf(
    profile: &Profile,
    certs: &[Certificate<'_>],
    key: Option<&PrivateKey>,
    findings: &mut Found,
    passed: &mut Vec<Passed>,
) -> usize {
    let Some(key) = key else {
        if profile.needs_private_key {
            findings.push(
                FindingCode::NoPrivateKey,
                "There is no private key. Add the key that was generated with the certificate's request.",
                &[],
            );
        }
        return end_of_chain(certs);
    };
    let matches: Vec<Option<bool>> = certs.iter().map(|c| key.matches(c.public_key())).collect();
    if let Some(i) = matches.iter().position(|m| *m == Some(true)) {
        passed.push(Passed::new(
            PassedCode::KeyMatches,
            format!("The private key belongs to the certificate {}.", quoted(&certs[i])),
        ));
        return i;
    }
    let leaf = end_of_chain(certs);
    // A key whose public half is unknown (Ed25519) can only mismatch a P-256 leaf,
    // as P-256 keys are always matched.
    if matches.contains(&Some(false)) || is_p256(&certs[leaf]) {
        findings.push(
            FindingCode::KeyMismatch,
            "The private key does not belong to any certificate given. Find the key that was generated \
             with this certificate's request; a new certificate needs a new request otherwise.",
            &[Source::Key],
        );
    }
    leaf
}

fn end_of_chain(certs: &[Certificate<'_>]) -> usize {
    (0..certs.len())
        .find(|&i| !certs.iter().enumerate().any(|(j, c)| j != i && c.issuer_id == certs[i].subject_id))
        .unwrap_or(0)
}

fn walk_chain(
    profile: &Profile,
    certs: &[Certificate<'_>],
    self_signed: &[bool],
    leaf: usize,
    findings: &mut Found,
    passed: &mut Vec<Passed>,
) -> Vec<usize> {
    let mut chain = Vec::new();
    let mut current = leaf;
    if self_signed[leaf] && profile.refuse_self_signed_leaf {
        findings.push(
            FindingCode::SelfSigned,
            "The certificate is self-signed. Webex devices need one issued by a well-known public CA: \
             send a certificate request to your CA.",
            &[Source::Cert(leaf)],
        );
        return chain;
    }
    let mut all_verified = true;
    loop {
        let cert = &certs[current];
        if self_signed[current] {
            break;
        }
        let candidates: Vec<usize> = (0..certs.len())
            .filter(|&i| i != current && i != leaf && !chain.contains(&i))
            .filter(|&i| certs[i].subject_id == cert.issuer_id)
            .collect();
        // Of several issuers with the right name, prefer one whose key verifies.
        let verdicts: Vec<(usize, Verdict)> =
            candidates.iter().map(|&i| (i, signature::verify(cert, certs[i].public_key()))).collect();
        let chosen = verdicts
            .iter()
            .find(|(_, v)| *v == Verdict::Valid)
            .or_else(|| verdicts.iter().find(|(_, v)| *v == Verdict::NotChecked))
            .or(verdicts.first());
        let Some(&(issuer, verdict)) = chosen else {
            missing_issuer(cert, current == leaf, current, findings);
            break;
        };
        all_verified &= verdict == Verdict::Valid;
        match verdict {
            Verdict::Valid => {}
            Verdict::Invalid => findings.push(
                FindingCode::BadChainSignature,
                format!(
                    "{} is not signed by the issuer certificate given with it (\"{}\"): that issuer is a \
                     different certificate with the same name. Use the intermediate your CA sent with this \
                     certificate.",
                    name(cert),
                    quote(&name::display(certs[issuer].subject))
                ),
                &[Source::Cert(current), Source::Cert(issuer)],
            ),
            Verdict::NotChecked => findings.push(
                FindingCode::SignatureNotChecked,
                format!(
                    "{} uses a signature algorithm this tool cannot check ({}).",
                    name(cert),
                    quote(&signature::algorithm_name(cert))
                ),
                &[Source::Cert(current)],
            ),
        }
        chain.push(issuer);
        current = issuer;
    }
    if all_verified && !chain.is_empty() {
        let issuers: Vec<String> = chain.iter().map(|&i| quoted(&certs[i])).collect();
        passed.push(Passed::new(
            PassedCode::ChainVerified,
            format!(
                "{} is issued by {}: every signature in the chain given verifies.",
                name(&certs[leaf]),
                issuers.join(", issued by ")
            ),
        ));
    }
    chain
}

/// The issuer of `cert` (index `at`) is not in the input. Above the leaf it is
/// an intermediate, which devices may need; above a CA certificate it is the
/// root (never sent: devices carry the well-known roots) or a higher intermediate.
fn missing_issuer(cert: &Certificate<'_>, is_leaf: bool, at: usize, findings: &mut Found) {
    let (code, mut message) = if is_leaf {
        (
            FindingCode::ChainIncomplete,
            format!(
                "The intermediate certificate {} that issued {} is not given. Devices may need it: add it from \
                 your CA's bundle (the CA certificates it sent with yours).",
                quoted_issuer(cert),
                quoted(cert)
            ),
        )
    } else {
        (
            FindingCode::RootNotGiven,
            format!(
                "The certificate {} that issued {} is not given: it is your CA's root or a higher intermediate. \
                 Devices carry the well-known roots and the root is never sent to them; add it only if it is an \
                 intermediate.",
                quoted_issuer(cert),
                quoted(cert)
            ),
        )
    };
    if let Some(url) = extensions::ca_issuers_url(cert) {
        message.push_str(&format!(" The certificate says it can be downloaded from {}", quote(&url)));
    }
    findings.push(code, message, &[Source::Cert(at)]);
}

/// Checks one certificate's validity at `now`; true when it is valid (if soon to end).
fn check_validity(profile: &Profile, cert: &Certificate<'_>, at: usize, now: i64, findings: &mut Found) -> bool {
    let (start, end) = (timestamp(cert.not_before()), timestamp(cert.not_after()));
    let about = [Source::Cert(at)];
    if now < start {
        findings.push(
            FindingCode::NotYetValid,
            format!(
                "{} is not valid before {}. Check this computer's clock, or wait until then.",
                name(cert),
                iso8601(cert.not_before())
            ),
            &about,
        );
        return false;
    } else if now > end {
        findings.push(
            FindingCode::Expired,
            format!("{} expired on {}. Ask your CA for a new certificate.", name(cert), iso8601(cert.not_after())),
            &about,
        );
        return false;
    } else if end - now < profile.expiry_warning_days * 86_400 {
        findings.push(
            FindingCode::ExpiresSoon,
            format!(
                "{} expires on {}, in {} days. Plan its renewal now.",
                name(cert),
                iso8601(cert.not_after()),
                (end - now) / 86_400
            ),
            &about,
        );
    }
    true
}

fn is_p256(cert: &Certificate<'_>) -> bool {
    let spki = cert.public_key();
    matches!(public_key::read(spki), Some(PublicKey::Ec(_))) && oids::curve_of(spki) == Some(oids::P256)
}

fn check_leaf(profile: &Profile, leaf: &Certificate<'_>, at: usize, findings: &mut Found, passed: &mut Vec<Passed>) {
    let about = [Source::Cert(at)];
    if profile.leaf_must_be_p256 && is_p256(leaf) {
        passed.push(Passed::new(PassedCode::LeafP256, "The device certificate's key is ECDSA P-256, as devices need."));
    } else if profile.leaf_must_be_p256 {
        let info = quote(&crate::cert::describe::describe_key(leaf));
        findings.push(
            FindingCode::LeafNotP256,
            format!(
                "The device certificate's key is {info}; Webex devices take only ECDSA P-256 (prime256v1). \
                 Make a new P-256 key and certificate request, put the device's name in CN, and send device.csr \
                 to your CA (device.key is encrypted with a passphrase the command asks for): openssl req -new \
                 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -keyout device.key -out device.csr \
                 -subj \"/CN=room-1.example.com\""
            ),
            &about,
        );
    }
    if extensions::is_ca(leaf) {
        findings.push(
            FindingCode::CaCertificateAsLeaf,
            "The device certificate is a CA certificate (basicConstraints CA:TRUE). Use the device's own \
             certificate, not the CA's.",
            &about,
        );
    }
    if let Some(flags) = extensions::key_usage(leaf) {
        if flags & 1 == 1 {
            passed.push(Passed::new(PassedCode::KeyUsage, "The certificate's key usage includes digitalSignature."));
        } else {
            findings.push(
                FindingCode::MissingDigitalSignatureUsage,
                "The certificate's key usage does not include digitalSignature, which a device needs to \
                 prove its identity. Ask your CA for a certificate with digitalSignature.",
                &about,
            );
        }
    }
    if common_name(leaf).is_none() {
        findings.push(
            FindingCode::NoCommonName,
            "The certificate has no Common Name (CN): meeting participants see the CN as the device's \
             identity. Ask your CA to include one.",
            &about,
        );
    }
}
