//! What a certificate request asks for, checked before any key is made: the
//! subject (RFC 5280's attribute bounds) and the alternative names (DNS names
//! in ASCII, email addresses, URIs), each refused with the field it is about.

use crate::error::{Error, ErrorKind};
use crate::shared::caps::{MAX_SUBJECT_ALT_NAMES, MAX_URI_CHARS};
use crate::shared::quote::quote;

/// What the admin asks for: each field as typed (ends are trimmed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsrRequest {
    /// The name meeting participants see (CN).
    pub common_name: String,
    /// `DNS:…`, `email:…` or `URI:…`, in the order they go into the request.
    pub subject_alt_names: Vec<String>,
    /// O, OU, C, ST, L: empty means left out.
    pub organization: String,
    /// OU.
    pub organizational_unit: String,
    /// C: two letters.
    pub country: String,
    /// ST.
    pub state: String,
    /// L.
    pub locality: String,
    /// Only `digitalSignature` is known: the device signs with its key and
    /// never decrypts with it, so no other usage fits a P-256 identity.
    pub key_usage: Vec<String>,
}

/// A subject attribute, in the order `Name` lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Attribute {
    Country,
    State,
    Locality,
    Organization,
    OrganizationalUnit,
    CommonName,
}

/// An alternative name, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum AltName {
    Dns(String),
    Email(String),
    Uri(String),
}

/// A request every part of which is valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Checked {
    /// The subject in the order OpenSSL prints it (C, ST, L, O, OU, CN).
    pub subject: Vec<(Attribute, String)>,
    pub alt_names: Vec<AltName>,
    pub digital_signature: bool,
}

/// RFC 5280 Appendix A's upper bounds, in characters: ub-common-name,
/// ub-organization-name, ub-organizational-unit-name (64) and
/// ub-state-name, ub-locality-name (128). Public CAs refuse longer ones.
const MAX_NAME_CHARS: usize = 64;
const MAX_PLACE_CHARS: usize = 128;
/// RFC 1035: 253 characters in a name written out, 63 in a label.
const MAX_DNS_CHARS: usize = 253;
const MAX_LABEL_CHARS: usize = 63;
/// RFC 5321 4.5.3.1: 64 characters before the `@`.
const MAX_LOCAL_PART_CHARS: usize = 64;

impl CsrRequest {
    /// Checks every field, in the order of the form; the first problem is the error.
    pub(crate) fn check(&self) -> Result<Checked, Error> {
        let common_name = self.common_name.trim();
        if common_name.is_empty() {
            return Err(Error::new(
                ErrorKind::BadCommonName,
                "The common name (CN) is empty. Type the name meeting participants should see for this device.",
            ));
        }
        text_field(common_name, "common name (CN)", MAX_NAME_CHARS, ErrorKind::BadCommonName)?;
        let mut subject = Vec::with_capacity(6);
        let country = self.country.trim();
        if !country.is_empty() {
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(Error::new(
                    ErrorKind::BadCountry,
                    format!(
                        "The country \"{}\" is not two letters. Use the ISO 3166 code, such as NO or US, or leave it empty.",
                        quote(country)
                    ),
                ));
            }
            subject.push((Attribute::Country, country.to_ascii_uppercase()));
        }
        for (attribute, value, what, max) in [
            (Attribute::State, &self.state, "state or province (ST)", MAX_PLACE_CHARS),
            (Attribute::Locality, &self.locality, "locality (L)", MAX_PLACE_CHARS),
            (Attribute::Organization, &self.organization, "organization (O)", MAX_NAME_CHARS),
            (Attribute::OrganizationalUnit, &self.organizational_unit, "organizational unit (OU)", MAX_NAME_CHARS),
        ] {
            let value = value.trim();
            if !value.is_empty() {
                text_field(value, what, max, ErrorKind::BadSubjectAttribute)?;
                subject.push((attribute, value.to_owned()));
            }
        }
        subject.push((Attribute::CommonName, common_name.to_owned()));
        Ok(Checked {
            subject,
            alt_names: alt_names(&self.subject_alt_names)?,
            digital_signature: key_usage(&self.key_usage)?,
        })
    }
}

/// Refuses a subject attribute over `max` characters, or holding a control
/// character or one that hides or reorders text: the CN is what meeting
/// participants see, and a right-to-left override could make it read as
/// another name.
fn text_field(value: &str, what: &str, max: usize, kind: ErrorKind) -> Result<(), Error> {
    let chars = value.chars().count();
    if chars > max {
        return Err(Error::new(
            kind,
            format!("The {what} is {chars} characters long; RFC 5280 allows at most {max}. Shorten it."),
        ));
    }
    if value.chars().any(|c| c.is_control() || is_invisible(c)) {
        return Err(Error::new(
            kind,
            format!(
                "The {what} holds a line break, tab, or an invisible or direction-changing character. \
                 Type it again with visible characters only."
            ),
        ));
    }
    Ok(())
}

/// Unicode format characters that hide or reorder text: zero-width ones, the
/// bidirectional marks, embeddings, overrides and isolates, and the BOM.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

fn alt_names(names: &[String]) -> Result<Vec<AltName>, Error> {
    if names.len() > MAX_SUBJECT_ALT_NAMES {
        return Err(Error::new(
            ErrorKind::TooManySubjectAltNames,
            format!(
                "The request lists {} alternative names; one request takes at most {MAX_SUBJECT_ALT_NAMES}. \
                 A device needs one or two.",
                names.len()
            ),
        ));
    }
    let mut checked: Vec<AltName> = Vec::with_capacity(names.len());
    for name in names {
        let name = alt_name(name.trim())?;
        if checked.iter().any(|seen| same(seen, &name)) {
            return Err(bad_alt_name(format!(
                "The alternative name \"{}\" is listed twice. List it once.",
                quote(text_of(&name))
            )));
        }
        checked.push(name);
    }
    Ok(checked)
}

fn text_of(name: &AltName) -> &str {
    match name {
        AltName::Dns(s) | AltName::Email(s) | AltName::Uri(s) => s,
    }
}

/// DNS names and email domains compare without case; URIs as written.
fn same(a: &AltName, b: &AltName) -> bool {
    match (a, b) {
        (AltName::Dns(a), AltName::Dns(b)) | (AltName::Email(a), AltName::Email(b)) => a.eq_ignore_ascii_case(b),
        (AltName::Uri(a), AltName::Uri(b)) => a == b,
        _ => false,
    }
}

fn bad_alt_name(message: String) -> Error {
    Error::new(ErrorKind::BadSubjectAltName, message)
}

/// One `TYPE:value`, the form OpenSSL's `subjectAltName` takes; the type
/// without regard to case.
fn alt_name(text: &str) -> Result<AltName, Error> {
    let Some((kind, value)) = text.split_once(':') else {
        return Err(bad_alt_name(format!(
            "The alternative name \"{}\" has no type. Write DNS:name, email:address or URI:uri.",
            quote(text)
        )));
    };
    let value = value.trim();
    match kind.trim().to_ascii_lowercase().as_str() {
        "dns" => dns_name(value, true).map(|()| AltName::Dns(value.to_owned())),
        "email" => email(value).map(|()| AltName::Email(value.to_owned())),
        "uri" => uri(value).map(|()| AltName::Uri(value.to_owned())),
        _ => Err(bad_alt_name(format!(
            "The alternative name type \"{}\" is not one this tool writes. Use DNS, email or URI.",
            quote(kind.trim())
        ))),
    }
}

/// RFC 5280 4.2.1.6 and RFC 1034 3.5: letters, digits and hyphens in labels
/// of 1 to 63 characters that neither start nor end with a hyphen; with
/// `wildcard`, a first label of `*` alone. Internationalised names must be
/// written in their ASCII form (`xn--…`): this tool does not convert them,
/// as IDNA's mapping tables would double the page's size for a rare case.
fn dns_name(name: &str, wildcard: bool) -> Result<(), Error> {
    let bad = |why: &str| bad_alt_name(format!("The DNS name \"{}\" {why}", quote(name)));
    if name.is_empty() {
        return Err(bad("is empty. Write the device's host name, such as room-1.example.com."));
    }
    if !name.is_ascii() {
        return Err(bad(
            "holds characters outside ASCII. Write an internationalised name in its punycode form (xn--…), \
             as your CA expects it.",
        ));
    }
    if name.len() > MAX_DNS_CHARS {
        return Err(bad("is longer than the 253 characters DNS allows. Shorten it."));
    }
    for (i, label) in name.split('.').enumerate() {
        let ok = (i == 0 && wildcard && label == "*")
            || (!label.is_empty()
                && label.len() <= MAX_LABEL_CHARS
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-'));
        if !ok {
            return Err(bad(
                "is not a valid host name: use letters, digits and hyphens in dot-separated parts of 1 to 63 \
                 characters (a wildcard only as the first part, *.), with no trailing dot.",
            ));
        }
    }
    Ok(())
}

/// An rfc822Name: `local@domain` in ASCII (RFC 5280 4.2.1.6), the domain a host name.
fn email(address: &str) -> Result<(), Error> {
    let bad = || {
        bad_alt_name(format!(
            "The email address \"{}\" is not valid: write it as name@example.com, in ASCII, without spaces.",
            quote(address)
        ))
    };
    let (local, domain) = address.rsplit_once('@').ok_or_else(bad)?;
    let local_ok = !local.is_empty()
        && local.len() <= MAX_LOCAL_PART_CHARS
        && local.bytes().all(|b| b.is_ascii_graphic() && !b"@()<>[]\\,;:\"".contains(&b));
    if !local_ok {
        return Err(bad());
    }
    dns_name(domain, false).map_err(|_| bad())
}

/// A URI with a scheme (RFC 3986 3.1), printable ASCII without spaces.
fn uri(text: &str) -> Result<(), Error> {
    let bad = |why: &str| bad_alt_name(format!("The URI \"{}\" {why}", quote(text)));
    if text.len() > MAX_URI_CHARS {
        return Err(bad(&format!("is longer than {MAX_URI_CHARS} characters. Shorten it.")));
    }
    if !text.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(bad("holds spaces or characters outside printable ASCII. Percent-encode them (%20)."));
    }
    let scheme = text.split_once(':').map(|(scheme, rest)| (scheme, rest.is_empty()));
    let ok = scheme.is_some_and(|(scheme, empty)| {
        !empty
            && scheme.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    });
    if !ok {
        return Err(bad("has no scheme. Write it whole, such as https://example.com/devices/room-1."));
    }
    Ok(())
}

/// `true` when `digitalSignature` is asked for; any other usage is refused.
fn key_usage(usages: &[String]) -> Result<bool, Error> {
    for usage in usages {
        if usage.trim() != "digitalSignature" {
            return Err(Error::new(
                ErrorKind::BadKeyUsage,
                format!(
                    "The key usage \"{}\" is not one this tool requests. A device's P-256 key only signs: \
                     use digitalSignature, or ask for none.",
                    quote(usage)
                ),
            ));
        }
    }
    Ok(!usages.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(cn: &str, sans: &[&str]) -> CsrRequest {
        CsrRequest {
            common_name: cn.into(),
            subject_alt_names: sans.iter().map(|s| s.to_string()).collect(),
            ..CsrRequest::default()
        }
    }

    fn code(r: &CsrRequest) -> &'static str {
        r.check().unwrap_err().code()
    }

    #[test]
    fn the_subject_comes_in_openssls_order_with_the_country_in_capitals() {
        let r = CsrRequest {
            common_name: " Room 1 ".into(),
            organization: "Example".into(),
            organizational_unit: "IT".into(),
            country: "no".into(),
            state: "Oslo".into(),
            locality: "Oslo".into(),
            ..CsrRequest::default()
        };
        let attributes: Vec<_> = r.check().unwrap().subject.into_iter().map(|(a, _)| a).collect();
        use Attribute::*;
        assert_eq!(attributes, [Country, State, Locality, Organization, OrganizationalUnit, CommonName]);
        assert_eq!(r.check().unwrap().subject[0].1, "NO");
        assert_eq!(r.check().unwrap().subject[5].1, "Room 1");
    }

    #[test]
    fn bad_subjects_are_refused_with_their_codes() {
        assert_eq!(code(&request("", &[])), "bad_common_name");
        assert_eq!(code(&request("   ", &[])), "bad_common_name");
        assert_eq!(code(&request(&"x".repeat(10_000), &[])), "bad_common_name");
        assert_eq!(code(&request("room\n1", &[])), "bad_common_name");
        assert_eq!(code(&request("room\u{202E}1", &[])), "bad_common_name");
        assert!(request(&"é".repeat(64), &[]).check().is_ok(), "64 characters, not bytes");
        let mut r = request("room", &[]);
        r.country = "NOR".into();
        assert_eq!(code(&r), "bad_country");
        r.country = "N1".into();
        assert_eq!(code(&r), "bad_country");
        r.country = String::new();
        r.locality = "x".repeat(129);
        assert_eq!(code(&r), "bad_subject_attribute");
        r.locality = "x".repeat(128);
        assert!(r.check().is_ok());
        r.organization = "a\tb".into();
        assert_eq!(code(&r), "bad_subject_attribute");
    }

    #[test]
    fn alternative_names_are_checked_by_type() {
        let ok = request(
            "room",
            &["DNS:room-1.example.com", "dns:*.example.com", "email:room-1@example.com", "URI:urn:uuid:1"],
        );
        assert_eq!(ok.check().unwrap().alt_names.len(), 4);
        for bad in [
            "room-1.example.com",
            "IP:10.0.0.1",
            "DNS:",
            "DNS:-room.example.com",
            "DNS:room_1.example.com",
            "DNS:room.example.com.",
            "DNS:rööm.example.com",
            "DNS:a.*.example.com",
            "email:room-1",
            "email:a b@example.com",
            "email:room@*.example.com",
            "URI:example.com/room",
            "URI:https://example.com/a b",
        ] {
            assert_eq!(code(&request("room", &[bad])), "bad_subject_alt_name", "{bad}");
        }
        assert!(request("room", &["DNS:xn--rm-fka.example.com"]).check().is_ok(), "punycode is ASCII");
        assert_eq!(code(&request("room", &[&format!("DNS:{}.com", "a".repeat(64))])), "bad_subject_alt_name");
        assert_eq!(code(&request("room", &["DNS:a.example.com", "DNS:A.example.com"])), "bad_subject_alt_name");
        let many: Vec<String> = (0..1000).map(|i| format!("DNS:r{i}.example.com")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(code(&request("room", &many)), "too_many_subject_alt_names");
        assert!(request("room", &many[..MAX_SUBJECT_ALT_NAMES]).check().is_ok());
    }

    #[test]
    fn only_digital_signature_is_a_known_usage() {
        let mut r = request("room", &[]);
        assert!(!r.check().unwrap().digital_signature);
        r.key_usage = vec!["digitalSignature".into()];
        assert!(r.check().unwrap().digital_signature);
        r.key_usage = vec!["keyEncipherment".into()];
        assert_eq!(code(&r), "bad_key_usage");
    }
}
