//! The certificates SAML carries (a metadata's KeyDescriptors, a signature's
//! KeyInfo), described by the certificate code and checked by SSO's rules:
//! self-signed is normal (each is trusted by itself); expiry matters 60 days
//! ahead, when Control Hub starts warning; RSA under 2048 bits and SHA-1 are weak.

use serde::Serialize;

use crate::cert::{standalone, CertificateInfo, Standalone};
use crate::error::{Error, ErrorKind};
use crate::finding::{Finding, FindingCode};
use crate::saml::names::DS;
use crate::saml::xml::Element;
use crate::shared::base64::decode_wrapped;
use crate::shared::caps::MAX_SAML_CERTIFICATES;
use crate::shared::quote::quote;

/// Control Hub warns this many days before a certificate expires.
const WARNING_DAYS: i64 = 60;
const SECONDS_PER_DAY: i64 = 86_400;

/// A certificate ending at `not_after` is (or already was) within Control
/// Hub's warning window at `now`: the one rule `certificate_expires_soon`
/// and `no_rollover_certificate` share.
pub(crate) fn within_warning(not_after: i64, now: i64) -> bool {
    not_after - now <= WARNING_DAYS * SECONDS_PER_DAY
}

/// One certificate, where it was found, and its description.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// The entity that publishes it (metadata), or the message's issuer.
    pub entity_id: Option<String>,
    /// `idp` or `sp` (metadata), or none (a message's signature).
    pub role: Option<&'static str>,
    /// `signing` or `encryption`; none when the KeyDescriptor says neither (both).
    #[serde(rename = "use")]
    pub usage: Option<&'static str>,
    /// `metadata` (the input or the metadata given), `response` or `assertion`.
    pub source: &'static str,
    /// The certificate, described.
    pub certificate: CertificateInfo,
    #[serde(skip)]
    /// End of validity, Unix seconds (for the rollover check).
    pub not_after: i64,
}

/// Where a certificate was found, for its card.
#[derive(Clone, Copy)]
pub(crate) struct Place<'a> {
    pub entity_id: Option<&'a str>,
    pub role: Option<&'static str>,
    pub usage: Option<&'static str>,
    pub source: &'static str,
}

/// The certificates of one check, and their findings.
pub(crate) struct Certificates {
    now: i64,
    pub cards: Vec<Card>,
}

impl Certificates {
    pub fn new(now: i64) -> Self {
        Certificates { now, cards: Vec::new() }
    }

    /// Describes and checks every `ds:X509Certificate` in a `ds:KeyInfo`;
    /// the indexes of the cards made.
    pub fn key_info(
        &mut self,
        key_info: &Element,
        place: Place<'_>,
        findings: &mut Vec<Finding>,
    ) -> Result<Vec<usize>, Error> {
        let mut made = Vec::new();
        for data in key_info.all(DS, "X509Data") {
            for cert in data.all(DS, "X509Certificate") {
                made.extend(self.add(&cert.text, place, findings)?);
            }
        }
        Ok(made)
    }

    fn add(&mut self, base64: &str, place: Place<'_>, findings: &mut Vec<Finding>) -> Result<Option<usize>, Error> {
        if self.cards.len() >= MAX_SAML_CERTIFICATES {
            return Err(Error::new(
                ErrorKind::TooManyCertificates,
                format!("The XML holds more than {MAX_SAML_CERTIFICATES} certificates; an IdP publishes two or three. Check the file is the one meant."),
            ));
        }
        let described = decode_wrapped(base64.as_bytes()).and_then(|der| standalone(&der, self.now));
        let Some(Standalone { info, not_before, not_after, weak_signature }) = described else {
            findings.push(Finding::new(
                FindingCode::CertificateUnreadable,
                format!("A certificate {} cannot be read: its base64 or DER is damaged. Download the metadata again from the IdP.", whose(place)),
            ));
            return Ok(None);
        };
        let index = self.cards.len();
        let name = format!("The certificate {} “{}” {}", whose(place), quote(&info.subject), usage_words(place.usage));
        let mut found = |code, message: String| findings.push(Finding::new(code, message));
        let days = (not_after - self.now).div_euclid(SECONDS_PER_DAY);
        if not_after <= self.now {
            found(FindingCode::CertificateExpired, format!("{name} expired on {}. Sign-in fails until the IdP signs with a valid certificate and its new metadata is imported into Control Hub.", info.not_after));
        } else if within_warning(not_after, self.now) {
            found(
                FindingCode::CertificateExpiresSoon,
                format!(
                    "{name} expires on {} ({days} days left). Renew it and import the new metadata before then.",
                    info.not_after
                ),
            );
        }
        if not_before > self.now {
            found(
                FindingCode::CertificateNotYetValid,
                format!(
                    "{name} is valid only from {}. Check the IdP's clock, or wait before switching to it.",
                    info.not_before
                ),
            );
        }
        if info.public_key.algorithm == "RSA" && info.public_key.bits.is_some_and(|bits| bits < 2048) {
            found(
                FindingCode::WeakKey,
                format!(
                    "{name} has an RSA key of {} bits; use 2048 bits or more when you next roll it.",
                    info.public_key.bits.unwrap_or(0)
                ),
            );
        }
        if weak_signature {
            found(
                FindingCode::Sha1Signature,
                format!("{name} is signed with {}; issue the next one with SHA-256.", info.signature_algorithm),
            );
        }
        self.cards.push(Card {
            entity_id: place.entity_id.map(str::to_owned),
            role: place.role,
            usage: place.usage,
            source: place.source,
            certificate: info,
            not_after,
        });
        Ok(Some(index))
    }
}

/// "of idp.example.com's IdP" and the like, for messages.
pub(crate) fn whose(place: Place<'_>) -> String {
    match (place.entity_id, place.role) {
        (Some(id), Some(role)) => format!("of the {} {}", if role == "idp" { "IdP" } else { "SP" }, quote(id)),
        (Some(id), None) => format!("in the {} of {}", place.source, quote(id)),
        (None, _) => format!("in the {}", place.source),
    }
}

fn usage_words(usage: Option<&'static str>) -> &'static str {
    match usage {
        Some("signing") => "(signing)",
        Some(_) => "(encryption)",
        None => "(signing and encryption)",
    }
}
