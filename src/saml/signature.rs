//! What a `ds:Signature` says about itself: that it is there, and its
//! algorithms. Never whether it verifies: no mature pure-Rust XML-DSig
//! exists, and a wrong "valid" is worse than none, so the report says
//! plainly that it was not verified here.

use serde::Serialize;

use crate::finding::{Finding, FindingCode};
use crate::saml::names::DS;
use crate::saml::xml::Element;
use crate::shared::quote::quote;

/// A signature, as far as it is read.
#[derive(Debug, Default, Serialize)]
pub struct Signature {
    /// A `ds:Signature` is a child of the element.
    pub present: bool,
    /// Its SignatureMethod, e.g. `http://www.w3.org/2001/04/xmldsig-more#rsa-sha256`.
    pub algorithm: Option<String>,
}

/// The signature of `element` (its own `ds:Signature` child), noting SHA-1 and
/// that it was not verified; the signature's `ds:KeyInfo`, when there is one.
pub(crate) fn read<'a>(
    element: &'a Element,
    what: &str,
    findings: &mut Vec<Finding>,
) -> (Signature, Option<&'a Element>) {
    let Some(signature) = element.first(DS, "Signature") else {
        return (Signature::default(), None);
    };
    let signed_info = signature.first(DS, "SignedInfo");
    let algorithm = signed_info.and_then(|s| s.first(DS, "SignatureMethod")).and_then(|m| m.attribute("Algorithm"));
    let digests =
        signed_info.into_iter().flat_map(|s| s.all(DS, "Reference")).filter_map(|r| r.first(DS, "DigestMethod"));
    let sha1 =
        algorithm.into_iter().chain(digests.filter_map(|d| d.attribute("Algorithm"))).find(|a| a.ends_with("sha1"));
    if let Some(sha1) = sha1 {
        findings.push(Finding::new(
            FindingCode::Sha1Signature,
            format!("The {what}'s signature uses SHA-1 ({}); configure the IdP to sign with SHA-256.", quote(sha1)),
        ));
    }
    findings.push(Finding::new(
        FindingCode::SignatureNotVerified,
        format!("The {what} carries a signature, not verified here: this tool does not check XML signatures. Webex verifies it against the certificate in the IdP metadata it holds."),
    ));
    (Signature { present: true, algorithm: algorithm.map(str::to_owned) }, signature.first(DS, "KeyInfo"))
}
