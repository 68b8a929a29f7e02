//! Metadata (`EntityDescriptor`, or `EntitiesDescriptor` of several): each
//! entity's roles, endpoints, NameID formats and certificates, checked
//! against what Webex needs of an IdP.

use serde::Serialize;

use crate::error::Error;
use crate::finding::{Finding, FindingCode};
use crate::saml::certificates::{whose, within_warning, Certificates, Place};
use crate::saml::names::{DS, MD, WEBEX_BINDINGS, WEBEX_NAMEID_FORMATS};
use crate::saml::signature::{self, Signature};
use crate::saml::time;
use crate::saml::xml::Element;
use crate::shared::quote::quote;

/// A metadata file, read.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// The root's signature (present, never verified here).
    pub signature: Signature,
    /// The root's `validUntil`.
    pub valid_until: Option<String>,
    /// Every entity, in document order.
    pub entities: Vec<Entity>,
}

/// One `EntityDescriptor`.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    /// The entityID, as written.
    pub entity_id: String,
    /// `idp` and/or `sp`.
    pub roles: Vec<&'static str>,
    /// The entity's `validUntil`.
    pub valid_until: Option<String>,
    /// The entity's `cacheDuration`, as written (an xs:duration).
    pub cache_duration: Option<String>,
    /// The IdP's SingleSignOnService endpoints.
    pub single_sign_on: Vec<Endpoint>,
    /// Every role's SingleLogoutService endpoints.
    pub single_logout: Vec<Endpoint>,
    /// The SP's AssertionConsumerService endpoints.
    pub assertion_consumer: Vec<Endpoint>,
    /// The NameID formats, in order (Webex uses the first it accepts).
    pub name_id_formats: Vec<String>,
}

/// An endpoint: how and where.
#[derive(Debug, Serialize)]
pub struct Endpoint {
    /// The binding URI.
    pub binding: String,
    /// The URL.
    pub location: String,
    /// An AssertionConsumerService's index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<String>,
}

/// Reads metadata rooted at `root`, describing its certificates into `certificates`.
pub(crate) fn read(
    root: &Element,
    now: i64,
    certificates: &mut Certificates,
    findings: &mut Vec<Finding>,
) -> Result<Metadata, Error> {
    let (signature, _) = signature::read(root, "metadata", findings);
    if !signature.present {
        findings.push(Finding::new(
            FindingCode::MetadataUnsigned,
            "The metadata carries no signature. That is common and Control Hub accepts it; get the file straight from the IdP, not by e-mail or a shared drive.",
        ));
    }
    let mut entities = Vec::new();
    let mut descriptors = Vec::new();
    gather(root, now, &mut descriptors, findings);
    for descriptor in descriptors {
        entities.push(entity(descriptor, now, certificates, findings)?);
    }
    if !entities.iter().any(|e| e.roles.contains(&"idp")) {
        findings.push(Finding::new(
            FindingCode::NotAnIdp,
            "The metadata describes no identity provider (no IDPSSODescriptor), so the IdP checks did not run. Webex's own SP metadata looks like this; Control Hub needs the IdP's.",
        ));
    }
    Ok(Metadata { signature, valid_until: root.attribute("validUntil").map(str::to_owned), entities })
}

/// The `EntityDescriptor`s under `element`, checking every `validUntil` on the way.
fn gather<'a>(element: &'a Element, now: i64, out: &mut Vec<&'a Element>, findings: &mut Vec<Finding>) {
    expiry(element, now, findings);
    if element.is(MD, "EntityDescriptor") {
        out.push(element);
        return;
    }
    for child in element.children.iter().filter(|c| c.is(MD, "EntitiesDescriptor") || c.is(MD, "EntityDescriptor")) {
        gather(child, now, out, findings);
    }
}

/// `metadata_expired` when `element`'s `validUntil` has passed.
fn expiry(element: &Element, now: i64, findings: &mut Vec<Finding>) {
    let Some(valid_until) = element.attribute("validUntil") else { return };
    if time::unix(valid_until).is_some_and(|t| t <= now) {
        let whose = element.attribute("entityID").map_or(String::new(), |id| format!(" of {}", quote(id)));
        findings.push(Finding::new(
            FindingCode::MetadataExpired,
            format!("The metadata{whose} was valid until {}; Control Hub refuses expired metadata. Download it from the IdP again.", quote(valid_until)),
        ));
    }
}

fn entity(
    descriptor: &Element,
    now: i64,
    certificates: &mut Certificates,
    findings: &mut Vec<Finding>,
) -> Result<Entity, Error> {
    let entity_id = descriptor.attribute("entityID").unwrap_or_default().to_owned();
    if entity_id.chars().any(char::is_whitespace) {
        findings.push(Finding::new(
            FindingCode::EntityIdWhitespace,
            format!(
                "The entityID {} holds whitespace, so it matches no Issuer or Audience. Remove it at the IdP.",
                quote(&entity_id)
            ),
        ));
    }
    let mut entity = Entity {
        entity_id,
        valid_until: descriptor.attribute("validUntil").map(str::to_owned),
        cache_duration: descriptor.attribute("cacheDuration").map(str::to_owned),
        ..Entity::default()
    };
    for (name, role) in [("IDPSSODescriptor", "idp"), ("SPSSODescriptor", "sp")] {
        for descriptor in descriptor.all(MD, name) {
            expiry(descriptor, now, findings);
            entity.roles.push(role);
            role_of(descriptor, role, &mut entity, now, certificates, findings)?;
        }
    }
    Ok(entity)
}

fn role_of(
    descriptor: &Element,
    role: &'static str,
    entity: &mut Entity,
    now: i64,
    certificates: &mut Certificates,
    findings: &mut Vec<Finding>,
) -> Result<(), Error> {
    let first = certificates.cards.len();
    for key in descriptor.all(MD, "KeyDescriptor") {
        let usage = match key.attribute("use") {
            Some("signing") => Some("signing"),
            Some("encryption") => Some("encryption"),
            _ => None,
        };
        let place = Place { entity_id: Some(&entity.entity_id), role: Some(role), usage, source: "metadata" };
        if let Some(key_info) = key.first(DS, "KeyInfo") {
            certificates.key_info(key_info, place, findings)?;
        }
    }
    let cards = &certificates.cards[first..];
    let place = Place { entity_id: Some(&entity.entity_id), role: Some(role), usage: None, source: "metadata" };
    for (i, card) in cards.iter().enumerate() {
        let twin = cards[..i].iter().any(|c| c.usage == card.usage && c.certificate.sha256 == card.certificate.sha256);
        if twin {
            findings.push(Finding::new(
                FindingCode::DuplicateCertificate,
                format!(
                    "The certificate “{}” is published twice {} for the same use; one is enough.",
                    quote(&card.certificate.subject),
                    whose(place)
                ),
            ));
        }
    }
    let endpoints = |name: &str| -> Vec<Endpoint> {
        descriptor
            .all(MD, name)
            .map(|e| Endpoint {
                binding: e.attribute("Binding").unwrap_or_default().to_owned(),
                location: e.attribute("Location").unwrap_or_default().to_owned(),
                index: e.attribute("index").map(str::to_owned),
            })
            .collect()
    };
    let (sso, slo, acs) =
        (endpoints("SingleSignOnService"), endpoints("SingleLogoutService"), endpoints("AssertionConsumerService"));
    for endpoint in sso.iter().chain(&slo).chain(&acs) {
        insecure(&endpoint.location, findings);
    }
    let formats: Vec<String> = descriptor.all(MD, "NameIDFormat").map(|f| f.text.trim().to_owned()).collect();
    if role == "idp" {
        let who = quote(&entity.entity_id);
        let signing: Vec<_> = cards.iter().filter(|c| c.usage != Some("encryption")).collect();
        if signing.is_empty() {
            findings.push(Finding::new(
                FindingCode::NoSigningCertificate,
                format!("The IdP {who} publishes no signing certificate, so Webex could not check what it signs. Export the metadata with its signing certificate."),
            ));
        } else if signing.iter().all(|c| c.certificate.sha256 == signing[0].certificate.sha256)
            && within_warning(signing[0].not_after, now)
        {
            findings.push(Finding::new(
                FindingCode::NoRolloverCertificate,
                format!("The IdP {who} publishes one signing certificate, which expires on {}, and no second one to roll over to. Add the next certificate to the IdP, then import the new metadata into Control Hub before the old one expires.", signing[0].certificate.not_after),
            ));
        }
        if !sso.iter().any(|e| WEBEX_BINDINGS.contains(&e.binding.as_str())) {
            findings.push(Finding::new(
                FindingCode::NoSsoService,
                format!("The IdP {who} offers single sign-on over neither HTTP-POST nor HTTP-Redirect, the bindings Webex uses. Enable one at the IdP."),
            ));
        }
        if slo.is_empty() {
            findings.push(Finding::new(
                FindingCode::NoSingleLogout,
                format!("The IdP {who} publishes no SingleLogoutService; Webex recommends single logout, so signing out of Webex also ends the IdP session."),
            ));
        }
        if !formats.is_empty() && !formats.iter().any(|f| WEBEX_NAMEID_FORMATS.contains(&f.as_str())) {
            findings.push(Finding::new(
                FindingCode::NameidFormatUnsupported,
                format!("The IdP {who} lists no NameID format Webex accepts (transient, unspecified or emailAddress). Add one at the IdP."),
            ));
        }
        entity.single_sign_on.extend(sso);
    }
    entity.single_logout.extend(slo);
    entity.assertion_consumer.extend(acs);
    entity.name_id_formats.extend(formats);
    Ok(())
}

/// `insecure_endpoint` for a URL over plain HTTP.
pub(crate) fn insecure(location: &str, findings: &mut Vec<Finding>) {
    if location.trim().get(..5).is_some_and(|scheme| scheme.eq_ignore_ascii_case("http:")) {
        findings.push(Finding::new(
            FindingCode::InsecureEndpoint,
            format!(
                "The endpoint {} is plain HTTP: assertions would cross the network unencrypted. Use https.",
                quote(location)
            ),
        ));
    }
}
