//! The SAML checker: the metadata and messages of Control Hub single
//! sign-on, read and checked here, so an IdP's metadata or a live response
//! never goes to someone else's web form. Signatures are reported as present,
//! never as verified (see `signature`).
//!
//! | file | does |
//! | --- | --- |
//! | `decode` | XML, base64, DEFLATE (capped) or a URL, to XML text |
//! | `xml` | quick-xml to a small tree; no DTD, capped depth and elements |
//! | `metadata` | entities, roles, endpoints, NameID formats; the IdP checks |
//! | `message` | Response, AuthnRequest, Logout: fields, times, metadata match |
//! | `certificates` | each certificate described, checked by SSO's rules |
//! | `signature` | a `ds:Signature`'s presence and algorithms |
//! | `time` | xs:dateTime to Unix seconds |
//! | `names` | namespaces, and what Webex accepts |

mod certificates;
mod decode;
mod message;
mod metadata;
mod names;
mod signature;
mod time;
mod xml;

use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::finding::{sort_by_severity, Finding};
use crate::shared::caps::MAX_INPUT_BYTES;

pub use certificates::Card;
pub use decode::Encoding;
pub use message::{Attribute, Authn, Conditions, Message, Signatures, Status};
pub use metadata::{Endpoint, Entity, Metadata};
pub use signature::Signature;

/// What to check against.
#[derive(Clone, Debug, Default)]
pub struct Options<'a> {
    /// The time to check validity against, Unix seconds.
    pub now: i64,
    /// Metadata given alongside a message (the IdP's, to match the signature's
    /// certificate and the Issuer; an SP's, to match the Audience).
    pub metadata: Vec<&'a str>,
}

/// What the input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An EntityDescriptor or EntitiesDescriptor.
    Metadata,
    /// A Response.
    Response,
    /// An AuthnRequest.
    Request,
    /// A LogoutRequest or LogoutResponse.
    Logout,
}

/// Everything learnt about one input.
#[derive(Debug, Serialize)]
pub struct Report {
    /// `metadata`, `response`, `request` or `logout`.
    pub kind: Kind,
    /// How the text was read.
    pub encoding: Encoding,
    /// Errors first, then warnings, then info.
    pub findings: Vec<Finding>,
    /// Every certificate: the input's, and the metadata given alongside.
    pub certificates: Vec<Card>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Metadata: what it holds.
    pub metadata: Option<Metadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// A message: what it says.
    pub message: Option<Message>,
}

/// Reads `text` (metadata or a message, in any form `decode` knows) and checks it.
/// Fails for input over a cap, XML that is not well-formed, and text that is no SAML.
pub fn inspect(text: &str, options: &Options<'_>) -> Result<Report, Error> {
    let mut certificates = certificates::Certificates::new(options.now);
    // The metadata given alongside: read first (its certificates come first),
    // its findings are not the input's.
    let mut given = Vec::new();
    for text in &options.metadata {
        let within = |e: Error| Error::new(e.kind(), format!("In the metadata given: {}", e.message()));
        let root = read_xml(text).map_err(within)?.0;
        if !is_metadata(&root) {
            return Err(within(Error::new(
                ErrorKind::NotSaml,
                "it is no SAML metadata (an EntityDescriptor or EntitiesDescriptor). Give the IdP's metadata file.",
            )));
        }
        given.push(metadata::read(&root, options.now, &mut certificates, &mut Vec::new()).map_err(within)?);
    }
    let (root, encoding) = read_xml(text)?;
    let mut findings = Vec::new();
    let (kind, metadata, message) = if is_metadata(&root) {
        (Kind::Metadata, Some(metadata::read(&root, options.now, &mut certificates, &mut findings)?), None)
    } else {
        let kind = match message::kind_of(&root) {
            Some("response") => Kind::Response,
            Some("request") => Kind::Request,
            Some(_) => Kind::Logout,
            None => return Err(decode::not_saml()),
        };
        (kind, None, Some(message::read(&root, options.now, &given, &mut certificates, &mut findings)?))
    };
    sort_by_severity(&mut findings);
    Ok(Report { kind, encoding, findings, certificates: certificates.cards, metadata, message })
}

fn read_xml(text: &str) -> Result<(xml::Element, Encoding), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::InputTooLarge,
            format!("The text is over {} MiB; SAML metadata and messages are a few kilobytes. It is refused, not cut short.", MAX_INPUT_BYTES >> 20),
        ));
    }
    let (xml, encoding) = decode::decode(text)?;
    Ok((xml::parse(&xml)?, encoding))
}

fn is_metadata(root: &xml::Element) -> bool {
    root.is(names::MD, "EntityDescriptor") || root.is(names::MD, "EntitiesDescriptor")
}
