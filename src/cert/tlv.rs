//! Reading the values x509-cert leaves as bytes (extensions, key bits,
//! names as written) the way x509-parser read them, which the reports were
//! made with: a tag is matched by its number whatever its class, lengths
//! may be written longer than DER's, and what follows a value is ignored.

use pkcs8::der::Tag;

/// One value as written: its identifier octet and its contents.
#[derive(Clone, Copy)]
pub(crate) struct Tlv<'a> {
    pub tag: u8,
    pub value: &'a [u8],
}

impl<'a> Tlv<'a> {
    /// The tag's number has `tag`'s.
    pub fn is(&self, tag: Tag) -> bool {
        u32::from(self.tag & 0x1f) == tag.number().value()
    }

    pub fn is_context_specific(&self) -> bool {
        self.tag & 0xc0 == 0x80
    }

    /// The values inside this one, when it is a `tag` (a SEQUENCE or a SET)
    /// holding nothing else.
    pub fn elements(&self, tag: Tag) -> Option<Vec<Tlv<'a>>> {
        if !self.is(tag) {
            return None;
        }
        let (mut rest, mut elements) = (self.value, Vec::new());
        while !rest.is_empty() {
            let (element, after) = split(rest)?;
            elements.push(element);
            rest = after;
        }
        Some(elements)
    }
}

/// The value at the start of `bytes`.
pub(crate) fn first(bytes: &[u8]) -> Option<Tlv<'_>> {
    split(bytes).map(|(tlv, _)| tlv)
}

/// The value at the start of `bytes` and what follows it. Its length may
/// take more octets than it needs, but not the indefinite form; tag numbers
/// over 30 (which take more octets) are not read.
pub(crate) fn split(bytes: &[u8]) -> Option<(Tlv<'_>, &[u8])> {
    let (&tag, rest) = bytes.split_first()?;
    let (&first, mut rest) = rest.split_first()?;
    if tag & 0x1f == 0x1f {
        return None;
    }
    let len = match first {
        0..0x80 => usize::from(first),
        0x80 => return None,
        _ => {
            let (octets, after) = rest.split_at_checked(usize::from(first & 0x7f))?;
            rest = after;
            octets.iter().try_fold(0usize, |len, &octet| len.checked_mul(256)?.checked_add(octet.into()))?
        }
    };
    let (value, after) = rest.split_at_checked(len)?;
    Some((Tlv { tag, value }, after))
}

/// An INTEGER's contents as x509-parser took them: at least one octet, and
/// no leading zero octet that DER would leave out.
pub(crate) fn is_integer(value: &[u8]) -> bool {
    match value {
        [] => false,
        [0, next, ..] => next & 0x80 != 0,
        _ => true,
    }
}
