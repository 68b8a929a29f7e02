//! Reads XML into a small tree with quick-xml, refusing what SAML never
//! needs and attacks use: any DOCTYPE (so no entity is ever declared, let
//! alone expanded, and nothing external is fetched), references to entities
//! other than XML's five, nesting deeper than [`MAX_XML_DEPTH`] and more than
//! [`MAX_XML_ELEMENTS`] elements. Both caps are checked as each element
//! opens, before it costs anything.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};

use crate::error::{Error, ErrorKind};
use crate::shared::caps::{MAX_XML_DEPTH, MAX_XML_ELEMENTS};
use crate::shared::quote::quote;

/// One element: its namespace and local name, its unprefixed attributes
/// (SAML's own are all unprefixed), its child elements and its text.
#[derive(Debug, Default)]
pub(crate) struct Element {
    /// The namespace URI; empty when the element has none.
    pub ns: String,
    /// The local name, without prefix.
    pub name: String,
    attributes: Vec<(String, String)>,
    /// The child elements, in order.
    pub children: Vec<Element>,
    /// The text and CDATA directly inside, references resolved.
    pub text: String,
}

impl Element {
    /// Is this `ns`'s element `name`?
    pub fn is(&self, ns: &str, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    /// The unprefixed attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The child elements `ns:name`, in order.
    pub fn all<'a>(&'a self, ns: &'a str, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.is(ns, name))
    }

    /// The first child element `ns:name`.
    pub fn first(&self, ns: &str, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.is(ns, name))
    }

    /// The text of the first child `ns:name`, trimmed.
    pub fn child_text(&self, ns: &str, name: &str) -> Option<String> {
        self.first(ns, name).map(|e| e.text.trim().to_owned())
    }
}

/// Reads `text` as one XML document: its root element, or why not.
pub(crate) fn parse(text: &str) -> Result<Element, Error> {
    let mut reader = NsReader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    // The open elements, innermost last; a closed one joins its parent.
    let mut open: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut elements = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => return Err(malformed(reader.error_position(), &e.to_string())),
        };
        match event {
            Event::Start(start) => {
                if root.is_some() {
                    return Err(malformed(reader.buffer_position(), "a second root element"));
                }
                elements += 1;
                if elements > MAX_XML_ELEMENTS {
                    return Err(Error::new(
                        ErrorKind::XmlTooManyElements,
                        format!("The XML has more than {MAX_XML_ELEMENTS} elements, more than any SAML metadata or message an admin checks. Check the file is the one meant."),
                    ));
                }
                if open.len() >= MAX_XML_DEPTH {
                    return Err(Error::new(
                        ErrorKind::XmlTooDeep,
                        format!("The XML nests elements more than {MAX_XML_DEPTH} deep; SAML nests about ten. Check the file is the one meant."),
                    ));
                }
                let ns = match reader.resolver().resolve_element(start.name()).0 {
                    ResolveResult::Bound(ns) => String::from_utf8_lossy(ns.as_ref()).into_owned(),
                    ResolveResult::Unbound => String::new(),
                    ResolveResult::Unknown(prefix) => {
                        let prefix = String::from_utf8_lossy(&prefix);
                        return Err(malformed(
                            reader.buffer_position(),
                            &format!("the prefix {} is not declared", quote(&prefix)),
                        ));
                    }
                };
                let element = element(ns, &start).map_err(|why| malformed(reader.buffer_position(), &why))?;
                open.push(element);
            }
            Event::End(_) => {
                // quick-xml refuses an end tag that closes nothing; this is its twin.
                let Some(done) = open.pop() else {
                    return Err(malformed(reader.buffer_position(), "an end tag that closes nothing"));
                };
                match open.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => {
                let t = t.decode().map_err(|e| malformed(reader.buffer_position(), &e.to_string()))?;
                text_of(&mut open, &t, &reader)?;
            }
            Event::CData(t) => {
                let t = t.decode().map_err(|e| malformed(reader.buffer_position(), &e.to_string()))?;
                text_of(&mut open, &t, &reader)?;
            }
            Event::GeneralRef(r) => {
                let position = reader.buffer_position();
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r.decode().map_err(|e| malformed(position, &e.to_string()))?;
                        match resolve_predefined_entity(&name) {
                            Some(s) => s.to_owned(),
                            None => return Err(unknown_entity(position, &name)),
                        }
                    }
                    Err(e) => return Err(malformed(position, &e.to_string())),
                };
                text_of(&mut open, &resolved, &reader)?;
            }
            Event::DocType(_) => {
                return Err(Error::new(
                    ErrorKind::XmlDtdRefused,
                    "The XML has a DOCTYPE. SAML metadata and messages never need one, and a DTD can declare entities that expand without end or read local files, so it is not read. Remove the DOCTYPE, or check the file is the one meant.",
                ));
            }
            Event::Eof => break,
            // The declaration, comments and processing instructions carry nothing SAML reads.
            // (Empty never comes: expand_empty_elements makes it Start and End.)
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::Empty(_) => {}
        }
    }
    match (root, open.is_empty()) {
        (Some(root), true) => Ok(root),
        (None, true) => Err(malformed(reader.buffer_position(), "no element at all")),
        (_, false) => Err(malformed(reader.buffer_position(), "an element is not closed")),
    }
}

/// An element's name and unprefixed attributes, references resolved.
fn element(ns: String, start: &BytesStart<'_>) -> Result<Element, String> {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        // Namespace declarations and prefixed attributes (xsi:type, xml:lang) are not SAML's.
        if attribute.key.prefix().is_some() || attribute.key.as_namespace_binding().is_some() {
            continue;
        }
        let value = attribute.normalized_value(XmlVersion::Implicit1_0).map_err(|e| e.to_string())?;
        attributes.push((String::from_utf8_lossy(attribute.key.as_ref()).into_owned(), value.into_owned()));
    }
    Ok(Element { ns, name, attributes, ..Element::default() })
}

/// Adds text to the innermost open element; outside the root only whitespace may stand.
fn text_of(open: &mut [Element], text: &str, reader: &NsReader<&[u8]>) -> Result<(), Error> {
    match open.last_mut() {
        Some(element) => element.text.push_str(text),
        None if text.trim().is_empty() => {}
        None => return Err(malformed(reader.buffer_position(), "text outside the root element")),
    }
    Ok(())
}

fn unknown_entity(position: u64, name: &str) -> Error {
    Error::new(
        ErrorKind::XmlMalformed,
        format!(
            "The XML refers to the entity {} near byte {position}, which XML does not define; DTDs are not read, so no other entity exists. Check the file is the one meant.",
            quote(&format!("&{name};"))
        ),
    )
}

fn malformed(position: u64, why: &str) -> Error {
    Error::new(
        ErrorKind::XmlMalformed,
        format!("The XML is not well-formed near byte {position}: {}. Check the whole file was copied.", quote(why)),
    )
}
