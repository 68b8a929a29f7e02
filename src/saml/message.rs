//! SAML messages: a Response (what the IdP sends Webex), an AuthnRequest
//! (what Webex sends the IdP), a LogoutRequest or LogoutResponse. What an
//! admin reads in SAML-tracer, laid out, and checked against the time and
//! against the metadata given alongside.

use serde::Serialize;

use crate::error::Error;
use crate::finding::{Finding, FindingCode};
use crate::saml::certificates::{Certificates, Place};
use crate::saml::metadata::{insecure, Metadata};
use crate::saml::names::{SAML, SAMLP, SUCCESS};
use crate::saml::signature::{self, Signature};
use crate::saml::time;
use crate::saml::xml::Element;
use crate::shared::quote::quote;

/// A message, read.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    /// The root element's name: `Response`, `AuthnRequest`, `LogoutRequest`, `LogoutResponse`.
    pub element: String,
    /// The `ID`.
    pub id: Option<String>,
    /// The Issuer (the message's, else the assertion's).
    pub issuer: Option<String>,
    /// The Destination URL.
    pub destination: Option<String>,
    /// The request it answers.
    pub in_response_to: Option<String>,
    /// When it was issued, as written.
    pub issue_instant: Option<String>,
    /// An AuthnRequest's AssertionConsumerServiceURL.
    pub assertion_consumer_service_url: Option<String>,
    /// The status, when the message has one.
    pub status: Option<Status>,
    /// The subject's NameID.
    pub name_id: Option<String>,
    /// The NameID's format (an AuthnRequest's NameIDPolicy format).
    pub name_id_format: Option<String>,
    /// The assertion's validity window.
    pub conditions: Option<Conditions>,
    /// The AudienceRestriction's audiences.
    pub audiences: Vec<String>,
    /// The AuthnStatements.
    pub authn: Vec<Authn>,
    /// Every attribute, in order.
    pub attributes: Vec<Attribute>,
    /// An attribute named `uid` is there (Webex maps users by it).
    pub uid_present: bool,
    /// The signatures, present or not (never verified).
    pub signatures: Signatures,
    /// Every signature's embedded certificate is one of the metadata's:
    /// `null` without metadata or without an embedded certificate.
    pub signature_certificate_in_metadata: Option<bool>,
}

/// A message's status.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    /// The top StatusCode.
    pub code: Option<String>,
    /// The StatusCode inside it, which says why.
    pub sub_code: Option<String>,
    /// The StatusMessage.
    pub message: Option<String>,
}

/// The assertion's validity window, and how far `now` is from each end
/// (seconds; positive when the time is still ahead).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conditions {
    /// `NotBefore`, as written.
    pub not_before: Option<String>,
    /// `NotOnOrAfter`, as written.
    pub not_on_or_after: Option<String>,
    /// `NotBefore` minus the time checked.
    pub seconds_to_not_before: Option<i64>,
    /// `NotOnOrAfter` minus the time checked.
    pub seconds_to_not_on_or_after: Option<i64>,
}

/// An AuthnStatement.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Authn {
    /// `AuthnInstant`.
    pub instant: Option<String>,
    /// `SessionIndex`.
    pub session_index: Option<String>,
    /// `SessionNotOnOrAfter`.
    pub session_not_on_or_after: Option<String>,
}

/// An attribute and its values.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attribute {
    /// `Name`.
    pub name: String,
    /// `FriendlyName`.
    pub friendly_name: Option<String>,
    /// Each AttributeValue's text.
    pub values: Vec<String>,
}

/// The message's and the assertion's signature.
#[derive(Debug, Default, Serialize)]
pub struct Signatures {
    /// The message's own signature (a child of the root).
    pub message: Signature,
    /// The assertion's.
    pub assertion: Signature,
}

/// The messages this checker reads, by root element, and the report's kind for each.
pub(crate) fn kind_of(root: &Element) -> Option<&'static str> {
    if root.ns != SAMLP {
        return None;
    }
    match root.name.as_str() {
        "Response" => Some("response"),
        "AuthnRequest" => Some("request"),
        "LogoutRequest" | "LogoutResponse" => Some("logout"),
        _ => None,
    }
}

/// Reads the message rooted at `root`; `metadata` is what was given alongside.
pub(crate) fn read(
    root: &Element,
    now: i64,
    metadata: &[Metadata],
    certificates: &mut Certificates,
    findings: &mut Vec<Finding>,
) -> Result<Message, Error> {
    let attribute = |name: &str| root.attribute(name).map(str::to_owned);
    let mut message = Message {
        element: root.name.clone(),
        id: attribute("ID"),
        issuer: root.child_text(SAML, "Issuer"),
        destination: attribute("Destination"),
        in_response_to: attribute("InResponseTo"),
        issue_instant: attribute("IssueInstant"),
        assertion_consumer_service_url: attribute("AssertionConsumerServiceURL"),
        status: root.first(SAMLP, "Status").map(status),
        name_id_format: root.first(SAMLP, "NameIDPolicy").and_then(|p| p.attribute("Format")).map(str::to_owned),
        ..Message::default()
    };
    for url in [&message.destination, &message.assertion_consumer_service_url].into_iter().flatten() {
        insecure(url, findings);
    }
    if let Some(name_id) = root.first(SAML, "NameID") {
        (message.name_id, message.name_id_format) =
            (Some(name_id.text.trim().to_owned()), name_id.attribute("Format").map(str::to_owned));
    }
    if let Some(Status { code: Some(code), sub_code, .. }) = &message.status {
        if code != SUCCESS {
            let sub = sub_code.as_deref().map_or(String::new(), |s| format!(" ({})", quote(s)));
            findings.push(Finding::new(
                FindingCode::StatusNotSuccess,
                format!(
                    "The status is {}{sub}, not Success: the IdP did not sign the user in. Its own logs say why.",
                    quote(code)
                ),
            ));
        }
    }
    let issuer = message.issuer.clone();
    let (own, own_key) = signature::read(root, "message", findings);
    message.signatures.message = own;
    let mut embedded = Vec::new();
    if let Some(key_info) = own_key {
        let place = Place { entity_id: issuer.as_deref(), role: None, usage: Some("signing"), source: "response" };
        embedded.extend(certificates.key_info(key_info, place, findings)?);
    }
    let encrypted = root.first(SAML, "EncryptedAssertion").is_some();
    if encrypted {
        findings.push(Finding::new(
            FindingCode::AssertionEncrypted,
            "The assertion is encrypted for Webex, so its subject, conditions and attributes cannot be shown here.",
        ));
    }
    let assertion = root.first(SAML, "Assertion");
    if let Some(assertion) = assertion {
        let (signed, key) = signature::read(assertion, "assertion", findings);
        message.signatures.assertion = signed;
        if let Some(key_info) = key {
            let place = Place { entity_id: issuer.as_deref(), role: None, usage: Some("signing"), source: "assertion" };
            embedded.extend(certificates.key_info(key_info, place, findings)?);
        }
        read_assertion(assertion, now, &mut message, findings);
    }
    let is_response = root.name == "Response";
    if is_response && !encrypted && !message.signatures.message.present && !message.signatures.assertion.present {
        findings.push(Finding::new(
            FindingCode::MessageUnsigned,
            "Neither the response nor its assertion is signed; Webex refuses unsigned assertions. Configure the IdP to sign the assertion (or the response).",
        ));
    }
    if is_response && assertion.is_some() && !message.uid_present {
        findings.push(Finding::new(
            FindingCode::MissingUid,
            "The assertion has no attribute named uid, which Webex maps users by (mail for partner SSO). Add a claim rule sending uid, usually the user's e-mail address.",
        ));
    }
    against_metadata(&mut message, &embedded, metadata, certificates, findings);
    Ok(message)
}

fn status(element: &Element) -> Status {
    let code = element.first(SAMLP, "StatusCode");
    Status {
        code: code.and_then(|c| c.attribute("Value")).map(str::to_owned),
        sub_code: code.and_then(|c| c.first(SAMLP, "StatusCode")).and_then(|c| c.attribute("Value")).map(str::to_owned),
        message: element.child_text(SAMLP, "StatusMessage"),
    }
}

fn read_assertion(assertion: &Element, now: i64, message: &mut Message, findings: &mut Vec<Finding>) {
    if message.issuer.is_none() {
        message.issuer = assertion.child_text(SAML, "Issuer");
    }
    if let Some(name_id) = assertion.first(SAML, "Subject").and_then(|s| s.first(SAML, "NameID")) {
        message.name_id = Some(name_id.text.trim().to_owned());
        message.name_id_format = name_id.attribute("Format").map(str::to_owned);
    }
    if let Some(conditions) = assertion.first(SAML, "Conditions") {
        message.conditions = Some(window(conditions, now, findings));
        for restriction in conditions.all(SAML, "AudienceRestriction") {
            message.audiences.extend(restriction.all(SAML, "Audience").map(|a| a.text.trim().to_owned()));
        }
    }
    message.authn = assertion
        .all(SAML, "AuthnStatement")
        .map(|s| Authn {
            instant: s.attribute("AuthnInstant").map(str::to_owned),
            session_index: s.attribute("SessionIndex").map(str::to_owned),
            session_not_on_or_after: s.attribute("SessionNotOnOrAfter").map(str::to_owned),
        })
        .collect();
    for statement in assertion.all(SAML, "AttributeStatement") {
        for attribute in statement.all(SAML, "Attribute") {
            let name = attribute.attribute("Name").unwrap_or_default().to_owned();
            let friendly_name = attribute.attribute("FriendlyName").map(str::to_owned);
            message.uid_present |= name == "uid" || friendly_name.as_deref() == Some("uid");
            let values = attribute.all(SAML, "AttributeValue").map(|v| v.text.trim().to_owned()).collect();
            message.attributes.push(Attribute { name, friendly_name, values });
        }
    }
}

/// The `Conditions` window against `now`, with findings when `now` is outside it.
fn window(conditions: &Element, now: i64, findings: &mut Vec<Finding>) -> Conditions {
    let not_before = conditions.attribute("NotBefore");
    let not_on_or_after = conditions.attribute("NotOnOrAfter");
    let to = |t: Option<&str>| t.and_then(time::unix).map(|t| t - now);
    let window = Conditions {
        not_before: not_before.map(str::to_owned),
        not_on_or_after: not_on_or_after.map(str::to_owned),
        seconds_to_not_before: to(not_before),
        seconds_to_not_on_or_after: to(not_on_or_after),
    };
    if let Some(ahead) = window.seconds_to_not_before.filter(|s| *s > 0) {
        findings.push(Finding::new(
            FindingCode::ConditionsNotYetValid,
            format!("The assertion is valid only from {} ({ahead} s after the time checked). If that is the time it was used, the IdP's clock is ahead: check both clocks.", quote(not_before.unwrap_or_default())),
        ));
    }
    if let Some(left) = window.seconds_to_not_on_or_after.filter(|s| *s <= 0) {
        findings.push(Finding::new(
            FindingCode::ConditionsExpired,
            format!("The assertion was valid until {} ({} s before the time checked). If that is the time it was used, the IdP's clock is behind or the response was replayed.", quote(not_on_or_after.unwrap_or_default()), -left),
        ));
    }
    window
}

/// The issuer, audience and signing certificate against the metadata given.
fn against_metadata(
    message: &mut Message,
    embedded: &[usize],
    metadata: &[Metadata],
    certificates: &Certificates,
    findings: &mut Vec<Finding>,
) {
    let entities = || metadata.iter().flat_map(|m| &m.entities);
    let idps: Vec<&str> = entities().filter(|e| e.roles.contains(&"idp")).map(|e| e.entity_id.as_str()).collect();
    let sps: Vec<&str> = entities().filter(|e| e.roles.contains(&"sp")).map(|e| e.entity_id.as_str()).collect();
    let is_response = message.element == "Response";
    if let (true, false, Some(issuer)) = (is_response, idps.is_empty(), &message.issuer) {
        if !idps.contains(&issuer.as_str()) {
            findings.push(Finding::new(
                FindingCode::IssuerMismatch,
                format!("The response's Issuer {} is not the entityID of the IdP metadata given ({}). Control Hub must hold this IdP's metadata.", quote(issuer), quote(idps[0])),
            ));
        }
    }
    if is_response && !sps.is_empty() && !message.audiences.iter().any(|a| sps.contains(&a.as_str())) {
        findings.push(Finding::new(
            FindingCode::AudienceMismatch,
            format!("No Audience of the assertion is the SP metadata's entityID ({}); Webex refuses it. Set the relying party's identifier at the IdP to that entityID.", quote(sps[0])),
        ));
    }
    if metadata.is_empty() || embedded.is_empty() {
        return;
    }
    let published: Vec<&str> =
        certificates.cards.iter().filter(|c| c.source == "metadata").map(|c| c.certificate.sha256.as_str()).collect();
    let all_published =
        embedded.iter().all(|&i| published.contains(&certificates.cards[i].certificate.sha256.as_str()));
    message.signature_certificate_in_metadata = Some(all_published);
    if !all_published {
        findings.push(Finding::new(
            FindingCode::SignatureCertificateNotInMetadata,
            "The certificate in the signature is not one the metadata given publishes: Webex would refuse the response. Import the IdP's current metadata into Control Hub (its signing certificate may have rolled).",
        ));
    }
}
