//! A subjectAltName's IP address as text, exactly as std's `Display` writes
//! it (RFC 5952 for IPv6): written here because core's IPv6 formatting and
//! its buffers cost the page 3 KB of wasm for one rarely used field.

use crate::shared::hex;

/// An IPv4 or IPv6 address, or any other length as hex.
pub(crate) fn ip(bytes: &[u8]) -> String {
    match *bytes {
        [a, b, c, d] => format!("{a}.{b}.{c}.{d}"),
        _ if bytes.len() == 16 => ipv6(bytes),
        _ => hex::encode(bytes),
    }
}

fn ipv6(bytes: &[u8]) -> String {
    let groups: Vec<u16> = bytes.chunks(2).map(|pair| u16::from_be_bytes([pair[0], pair[1]])).collect();
    // An IPv4-mapped address keeps its IPv4 part dotted.
    if groups[..6] == [0, 0, 0, 0, 0, 0xffff] {
        return format!("::ffff:{}", ip(&bytes[12..]));
    }
    // RFC 5952 4.2: the longest run of two or more zero groups, the first of
    // runs as long, becomes "::".
    let (mut longest, mut run) = (0..0, 0..0);
    for (i, &group) in groups.iter().enumerate() {
        run = if group == 0 {
            if run.is_empty() {
                i..i + 1
            } else {
                run.start..i + 1
            }
        } else {
            0..0
        };
        if run.len() > longest.len() {
            longest = run.clone();
        }
    }
    if longest.len() < 2 {
        return joined(&groups);
    }
    format!("{}::{}", joined(&groups[..longest.start]), joined(&groups[longest.end..]))
}

/// Groups in lowercase hex without leading zeros, joined by ':'.
fn joined(groups: &[u16]) -> String {
    let mut text = String::new();
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            text.push(':');
        }
        let digits = hex::encode(&group.to_be_bytes());
        text.push_str(digits.trim_start_matches('0'));
        if *group == 0 {
            text.push('0');
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    /// Every way zero groups can fall in eight, with a few values for the others.
    #[test]
    fn writes_what_std_writes() {
        let values = [1u16, 0xab, 0xffff, 0x1000];
        for zeros in 0u32..256 {
            for value in values {
                let groups: [u16; 8] =
                    std::array::from_fn(|i| if zeros >> i & 1 == 1 { 0 } else { value.wrapping_add(i as u16) });
                let address = Ipv6Addr::from(groups);
                assert_eq!(ip(&address.octets()), address.to_string(), "{groups:x?}");
            }
        }
        for text in
            ["::", "::1", "::ffff:192.0.2.1", "::ffff:0.0.0.0", "::1.2.3.4", "64:ff9b::192.0.2.1", "fe80::1:0:0:1"]
        {
            let address: Ipv6Addr = text.parse().unwrap();
            assert_eq!(ip(&address.octets()), address.to_string(), "{text}");
        }
        for address in [Ipv4Addr::new(0, 0, 0, 0), Ipv4Addr::new(192, 0, 2, 255)] {
            assert_eq!(ip(&address.octets()), address.to_string());
        }
        assert_eq!(ip(&[1, 2, 3]), "010203");
        assert_eq!(ip(&[]), "");
    }
}
