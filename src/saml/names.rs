//! The namespaces, bindings and formats SAML and Webex name, spelt once.

/// SAML 2.0 metadata.
pub(crate) const MD: &str = "urn:oasis:names:tc:SAML:2.0:metadata";
/// SAML 2.0 assertions.
pub(crate) const SAML: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
/// SAML 2.0 protocol messages.
pub(crate) const SAMLP: &str = "urn:oasis:names:tc:SAML:2.0:protocol";
/// XML-DSig.
pub(crate) const DS: &str = "http://www.w3.org/2000/09/xmldsig#";

/// The single sign-on bindings Webex uses (SP-initiated POST or Redirect).
pub(crate) const WEBEX_BINDINGS: [&str; 2] =
    ["urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"];

/// The NameID formats Webex accepts; the first an IdP lists is the one used.
pub(crate) const WEBEX_NAMEID_FORMATS: [&str; 3] = [
    "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
    "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
    "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
];

/// The status of a message that succeeded.
pub(crate) const SUCCESS: &str = "urn:oasis:names:tc:SAML:2.0:status:Success";
