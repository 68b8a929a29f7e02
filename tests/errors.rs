//! One negative test per error code, asserting the code (never message text),
//! plus one-bit flips in each part of a blob. Runs natively and in browsers.

mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::{request, vectors, BUNDLE};
use webex_device_identity::shared::base64url as b64;
use webex_device_identity::{
    device::blob::open_jwe, device::device_command, device::normalize_fingerprint, device::Action, device::Enc,
    secret::Secret, shared::caps::MAX_BLOBS_PER_CHECK, shared::caps::MAX_INPUT_BYTES, tasks::build_jwe,
    tasks::BuildRequest, Error, ErrorKind,
};

fn secret() -> Secret {
    Secret::new("ossifrage").unwrap()
}

fn kind<T: std::fmt::Debug>(result: Result<T, Error>) -> ErrorKind {
    let error = result.expect_err("expected an error");
    assert!(!error.message().is_empty());
    error.kind()
}

/// Re-encodes `jwe` with header JSON replaced, keeping the other parts.
fn with_header(jwe: &str, header_json: &str) -> String {
    let rest = jwe.split_once('.').unwrap().1;
    format!("{}.{rest}", b64::encode(header_json.as_bytes()))
}

/// Flips bit `bit` of the decoded part `index` and re-encodes it.
fn flip(jwe: &str, index: usize, bit: usize) -> String {
    let mut parts: Vec<String> = jwe.split('.').map(str::to_owned).collect();
    let mut bytes = b64::decode(&parts[index]).unwrap();
    bytes[bit / 8] ^= 1 << (bit % 8);
    parts[index] = b64::encode(&bytes);
    parts.join(".")
}

/// Every ErrorKind that the native core can raise has a test below; the two
/// that only the JS boundary or a broken platform raise are tested from JS
/// (tests/js/api.test.mjs walks every code).
#[test]
fn every_kind_has_a_unique_snake_case_code() {
    let codes: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.code()).collect();
    for (i, code) in codes.iter().enumerate() {
        assert!(code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'), "{code}");
        assert!(!codes[..i].contains(code), "duplicate {code}");
    }
}

#[test]
fn bad_action() {
    assert_eq!(kind(Action::from_name("Add")), ErrorKind::BadAction);
    assert_eq!(kind(Action::from_name("install")), ErrorKind::BadAction);
}

#[test]
fn bad_enc() {
    assert_eq!(kind(Enc::parse("A192GCM")), ErrorKind::BadEnc);
    assert_eq!(kind(Enc::parse("a256gcm")), ErrorKind::BadEnc);
}

#[test]
fn salt_too_short() {
    for len in 0..4 {
        let salt = vec![7u8; len];
        let r = BuildRequest { salt: Some(&salt), ..request(Action::Populate, "new") };
        assert_eq!(kind(build_jwe(&secret(), &r)), ErrorKind::SaltTooShort, "{len}");
    }
}

#[test]
fn salt_too_short_in_a_blob() {
    let v = &vectors()[0];
    let header = r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"AAEC","version":"1"},"enc":"A128GCM"}"#;
    assert_eq!(kind(open_jwe(&with_header(&v.jwe, header), &secret())), ErrorKind::SaltTooShort);
}

#[test]
fn bad_iv_length() {
    for len in [0usize, 11, 13, 16] {
        let iv = vec![1u8; len];
        let r = BuildRequest { iv: Some(&iv), ..request(Action::Populate, "new") };
        assert_eq!(kind(build_jwe(&secret(), &r)), ErrorKind::BadIvLength, "{len}");
    }
    let v = &vectors()[0];
    let mut parts: Vec<&str> = v.jwe.split('.').collect();
    parts[2] = "AAECAwQFBgcICQoL"; // 12 bytes: fine
    assert!(open_jwe(&parts.join("."), &secret()).is_err_and(|e| e.kind() == ErrorKind::DecryptFailed));
    parts[2] = "AAECAwQFBgcICQ"; // 10 bytes
    assert_eq!(kind(open_jwe(&parts.join("."), &secret())), ErrorKind::BadIvLength);
}

#[test]
fn empty_secret() {
    assert_eq!(kind(Secret::new("")), ErrorKind::EmptySecret);
}

#[test]
fn bad_fingerprint() {
    for text in [
        "",
        "2fd4",
        "2fd4e1c67a2d28fced849ee1bb76e7391b93eb1",
        "2fd4e1c67a2d28fced849ee1bb76e7391b93eb123",
        "2fd4e1c67a2d28fced849ee1bb76e7391b93eb1g",
        "sha256 fingerprint=2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
    ] {
        assert_eq!(kind(normalize_fingerprint(text)), ErrorKind::BadFingerprint, "{text:?}");
    }
    for action in [Action::Activate, Action::Deactivate] {
        assert_eq!(kind(build_jwe(&secret(), &request(action, "not a fingerprint"))), ErrorKind::BadFingerprint);
    }
}

#[test]
fn certificate_rejected() {
    let no_cert = "-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n";
    let no_key = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    for payload in ["", "this is a PEM file", no_cert, no_key, BUNDLE] {
        let error = build_jwe(&secret(), &request(Action::Add, payload)).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::CertificateRejected, "{payload:?}");
        assert!(!error.findings().is_empty(), "carries the findings");
    }
}

#[test]
fn action_mismatch() {
    let v = &vectors()[0]; // an add blob
    for action in [Action::Populate, Action::Activate, Action::Deactivate] {
        assert_eq!(kind(device_command(action, &v.jwe)), ErrorKind::ActionMismatch);
    }
}

#[test]
fn malformed_jwe() {
    let v = &vectors()[0];
    let parts: Vec<&str> = v.jwe.split('.').collect();
    let cases = [
        String::new(),
        "not a blob".to_owned(),
        parts[..4].join("."),                                  // four parts
        format!("{}.x", v.jwe),                                // six parts
        format!("{}.AAAA.{}", parts[0], parts[2..].join(".")), // encrypted key present
        v.jwe.replacen('.', "=.", 1),                          // padding
        v.jwe.replace('-', "+"),                               // standard alphabet in the header
        format!("{} ", parts[0]) + &v.jwe[parts[0].len()..],   // space inside
        with_header(&v.jwe, "{\"alg\":\"dir\""),               // truncated JSON
        with_header(&v.jwe, "[]"),                             // JSON, but not an object
        format!("{}..{}.{}.{}", b64::encode(&[0xff, 0xfe]), parts[2], parts[3], parts[4]), // not UTF-8
        format!("{}..{}.{}.AAAA", parts[0], parts[2], parts[3]), // tag of 3 bytes
        format!("{}..{}.{}.{}", parts[0], parts[2], "5eZTCAP4M_Z", parts[4]), // non-canonical trailing bits
    ];
    for (i, jwe) in cases.iter().enumerate() {
        assert_eq!(kind(open_jwe(jwe, &secret())), ErrorKind::MalformedJwe, "case {i}: {jwe}");
        assert_eq!(kind(device_command(Action::Add, jwe)), ErrorKind::MalformedJwe, "case {i}");
    }
}

#[test]
fn unsupported_header() {
    let v = &vectors()[0];
    let headers = [
        r#"{"alg":"none","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#,
        r#"{"alg":"A128KW","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#,
        r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128CBC-HS256"}"#,
        r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"2"},"enc":"A128GCM"}"#,
        r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":1},"enc":"A128GCM"}"#,
        r#"{"alg":"dir","cisco-action":"install","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#,
        r#"{"alg":"dir","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#,
        r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"version":"1"},"enc":"A128GCM"}"#,
        r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"}}"#,
        r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM","zip":"DEF"}"#,
        r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1","n":16},"enc":"A128GCM"}"#,
        r#"{"alg":"dir","alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#,
    ];
    for header in headers {
        let jwe = with_header(&v.jwe, header);
        assert_eq!(kind(open_jwe(&jwe, &secret())), ErrorKind::UnsupportedHeader, "{header}");
        assert_eq!(kind(device_command(Action::Add, &jwe)), ErrorKind::UnsupportedHeader, "{header}");
    }
}

#[test]
fn decrypt_failed_with_the_wrong_secret() {
    let v = &vectors()[0];
    assert_eq!(kind(open_jwe(&v.jwe, &Secret::new("ossifrage ").unwrap())), ErrorKind::DecryptFailed);
}

#[test]
fn one_bit_flips_in_every_part_are_refused() {
    let v = &vectors()[0];
    // Header: a bit in the salt value keeps the JSON valid, so only the tag check
    // catches it; a bit in "dir" or in the braces makes it unsupported or malformed.
    let salt_at = v.header_json.find("5eZT").unwrap() * 8;
    assert_eq!(kind(open_jwe(&flip(&v.jwe, 0, salt_at), &secret())), ErrorKind::DecryptFailed);
    let dir_at = v.header_json.find("dir").unwrap() * 8;
    assert_eq!(kind(open_jwe(&flip(&v.jwe, 0, dir_at), &secret())), ErrorKind::UnsupportedHeader);
    assert_eq!(kind(open_jwe(&flip(&v.jwe, 0, 1), &secret())), ErrorKind::MalformedJwe);
    // Encrypted key: any content at all is refused.
    let with_key = v.jwe.replacen("..", ".AA.", 1);
    assert_eq!(kind(open_jwe(&with_key, &secret())), ErrorKind::MalformedJwe);
    // IV, ciphertext, tag: first, a middle and the last bit of each.
    for index in 2..5 {
        let bits = b64::decode(v.jwe.split('.').nth(index).unwrap()).unwrap().len() * 8;
        for bit in [0, bits / 2 + 3, bits - 1] {
            assert_eq!(kind(open_jwe(&flip(&v.jwe, index, bit), &secret())), ErrorKind::DecryptFailed, "{index}/{bit}");
        }
    }
}

#[test]
fn payload_not_utf8() {
    // Only another tool can make such a blob; forge one with the vector's key:
    // GCM is a stream cipher, so flipping ciphertext bits flips plaintext bits,
    // and a fresh tag over the changed ciphertext makes it authentic.
    let v = &vectors()[1]; // populate, A256GCM
    let key = webex_device_identity::device::kdf::derive_key(
        &Secret::new(&v.secret).unwrap(),
        &common::hex(&v.salt_hex),
        v.enc(),
    )
    .unwrap();
    let parts: Vec<&str> = v.jwe.split('.').collect();
    let ciphertext = b64::decode(parts[3]).unwrap();
    // Keystream = ciphertext XOR known plaintext; make plaintext byte 0 = 0xff.
    let mut forged = ciphertext.clone();
    forged[0] ^= v.payload.as_bytes()[0] ^ 0xff;
    let tag = common::gcm_tag(&key, &common::hex(&v.iv_hex), parts[0].as_bytes(), &forged);
    let jwe = format!("{}..{}.{}.{}", parts[0], parts[2], b64::encode(&forged), b64::encode(&tag));
    assert_eq!(kind(open_jwe(&jwe, &Secret::new(&v.secret).unwrap())), ErrorKind::PayloadNotUtf8);
}

#[test]
fn input_too_large() {
    let big = "a".repeat(MAX_INPUT_BYTES + 1);
    assert_eq!(kind(Secret::new(&big)), ErrorKind::InputTooLarge);
    assert_eq!(kind(open_jwe(&big, &secret())), ErrorKind::InputTooLarge);
    assert_eq!(kind(device_command(Action::Add, &big)), ErrorKind::InputTooLarge);
    assert_eq!(kind(normalize_fingerprint(&big)), ErrorKind::InputTooLarge);
    assert_eq!(kind(build_jwe(&secret(), &request(Action::Populate, &big))), ErrorKind::InputTooLarge);
    let salt = vec![0u8; MAX_INPUT_BYTES + 1];
    let r = BuildRequest { salt: Some(&salt), ..request(Action::Populate, "x") };
    assert_eq!(kind(build_jwe(&secret(), &r)), ErrorKind::InputTooLarge);
    // Exactly at the limit is accepted.
    let at_limit = "a".repeat(MAX_INPUT_BYTES);
    assert!(Secret::new(&at_limit).is_ok());
}

#[test]
fn errors_never_echo_the_secret() {
    let s = "correct horse battery staple";
    let v = &vectors()[0];
    let e = open_jwe(&v.jwe, &Secret::new(s).unwrap()).unwrap_err();
    assert!(!e.message().contains(s) && !format!("{e:?}").contains(s));
    assert_eq!(format!("{:?}", Secret::new(s).unwrap()), "Secret(<redacted>)");
}

#[test]
fn several_blobs() {
    let v = &vectors()[0];
    let two = format!("{}\n{}", v.jwe, v.jwe);
    assert_eq!(kind(webex_device_identity::tasks::check_blob(&two, &secret(), 0)), ErrorKind::SeveralBlobs);
    let seed_and_blob = format!("xCommand Security ClientSecret Populate Secret: \"MDEy\"\n{}", v.jwe);
    assert_eq!(kind(webex_device_identity::tasks::check_blob(&seed_and_blob, &secret(), 0)), ErrorKind::SeveralBlobs);
}

#[test]
fn too_many_blobs() {
    let v = &vectors()[0];
    let many = format!("{}\n", v.jwe).repeat(MAX_BLOBS_PER_CHECK + 1);
    assert_eq!(kind(webex_device_identity::tasks::check_blobs(&many, Some(&secret()), 0)), ErrorKind::TooManyBlobs);
}

#[test]
fn fingerprint_mismatch() {
    use webex_device_identity::cert::{Input, InspectOptions};
    use webex_device_identity::tasks::{deactivate, Target};
    let leaf: &[u8] = include_bytes!("fixtures/certs/der/leaf.der");
    let files = [Input::Bytes(leaf)];
    let options = InspectOptions::new(None, common::NOW);
    let other = "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12";
    assert_eq!(kind(deactivate(&secret(), Target::Both(other, &files, &options))), ErrorKind::FingerprintMismatch);
}

#[test]
fn too_many_tokens() {
    use webex_device_identity::shared::caps::MAX_TOKENS;
    use webex_device_identity::token::{inspect, Options};
    let jws = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
    let options = Options { now: 0, passphrase: None };
    assert!(inspect(&vec![jws; MAX_TOKENS].join(" "), &[], &options).is_ok());
    assert_eq!(kind(inspect(&vec![jws; MAX_TOKENS + 1].join(" "), &[], &options)), ErrorKind::TooManyTokens);
}

#[test]
fn too_many_keys() {
    use webex_device_identity::shared::caps::MAX_TOKEN_KEYS;
    use webex_device_identity::token::{inspect, KeyInput, Options};
    let options = Options { now: 0, passphrase: None };
    let keys = vec![KeyInput::Text("secret"); MAX_TOKEN_KEYS + 1];
    assert_eq!(kind(inspect("", &keys, &options)), ErrorKind::TooManyKeys);
    let jwk = r#"{"kty":"oct","k":"c2VjcmV0"}"#;
    let jwks = format!(r#"{{"keys":[{}]}}"#, vec![jwk; MAX_TOKEN_KEYS + 1].join(","));
    assert_eq!(kind(inspect("", &[KeyInput::Text(&jwks)], &options)), ErrorKind::TooManyKeys);
}

/// The SAML checker's refusals, each at its cap's edge where it has one.
mod saml {
    use super::kind;
    use webex_device_identity::saml::{inspect, Options};
    use webex_device_identity::shared::caps::{
        MAX_INFLATED_BYTES, MAX_SAML_CERTIFICATES, MAX_XML_DEPTH, MAX_XML_ELEMENTS,
    };
    use webex_device_identity::ErrorKind;

    fn check(text: &str) -> Result<webex_device_identity::saml::Report, webex_device_identity::Error> {
        inspect(text, &Options { now: 0, metadata: vec![] })
    }

    const MD: &str = r#"xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata""#;

    #[test]
    fn xml_too_deep() {
        let nested = |depth: usize| {
            format!(
                r#"<md:EntityDescriptor {MD} entityID="e">{}{}</md:EntityDescriptor>"#,
                "<x>".repeat(depth - 1),
                "</x>".repeat(depth - 1)
            )
        };
        assert!(check(&nested(MAX_XML_DEPTH)).is_ok());
        assert_eq!(kind(check(&nested(MAX_XML_DEPTH + 1))), ErrorKind::XmlTooDeep);
    }

    #[test]
    fn xml_too_many_elements() {
        let siblings = |n: usize| {
            format!(r#"<md:EntityDescriptor {MD} entityID="e">{}</md:EntityDescriptor>"#, "<x/>".repeat(n - 1))
        };
        assert!(check(&siblings(MAX_XML_ELEMENTS)).is_ok());
        assert_eq!(kind(check(&siblings(MAX_XML_ELEMENTS + 1))), ErrorKind::XmlTooManyElements);
    }

    #[test]
    fn xml_dtd_refused() {
        assert_eq!(kind(check(r#"<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>"#)), ErrorKind::XmlDtdRefused);
        assert_eq!(kind(check(r#"<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>"#)), ErrorKind::XmlDtdRefused);
    }

    #[test]
    fn xml_malformed() {
        for text in ["<x>&undefined;</x>", "<a><b></a>", "<a/><b/>", "<a>", "<p:a/>", "<a x='1' x='2'/>"] {
            assert_eq!(kind(check(text)), ErrorKind::XmlMalformed, "{text}");
        }
        // Not UTF-8 under the base64.
        assert_eq!(kind(check("PGE+/zwvYT4=")), ErrorKind::XmlMalformed);
    }

    #[test]
    fn not_saml() {
        for text in ["hello", "<html/>", "", "SAMLResponse=%%%", "AAAA"] {
            assert_eq!(kind(check(text)), ErrorKind::NotSaml, "{text:?}");
        }
    }

    #[test]
    fn inflated_too_large() {
        use base64ct::{Base64, Encoding};
        use miniz_oxide::deflate::compress_to_vec;
        let bomb = |size: usize| Base64::encode_string(&compress_to_vec(&vec![b'<'; size], 10));
        // Exactly at the cap: inflated in full, then well-formedness decides.
        assert_eq!(kind(check(&bomb(MAX_INFLATED_BYTES))), ErrorKind::XmlMalformed);
        assert_eq!(kind(check(&bomb(MAX_INFLATED_BYTES + 1))), ErrorKind::InflatedTooLarge);
    }

    #[test]
    fn input_too_large() {
        let text = format!(r#"<md:EntityDescriptor {MD} entityID="{}"/>"#, "e".repeat(1 << 20));
        assert_eq!(kind(check(&text)), ErrorKind::InputTooLarge);
        let metadata = Options { now: 0, metadata: vec![&text] };
        assert_eq!(kind(inspect("<x/>", &metadata)), ErrorKind::InputTooLarge);
    }

    #[test]
    fn too_many_certificates() {
        let der = include_bytes!("fixtures/certs/der/leaf.der");
        let cert = <base64ct::Base64 as base64ct::Encoding>::encode_string(der);
        let metadata = |n: usize| {
            let key = format!(
                r#"<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>{cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"#
            );
            format!(
                r#"<md:EntityDescriptor {MD} entityID="e"><md:IDPSSODescriptor>{}</md:IDPSSODescriptor></md:EntityDescriptor>"#,
                key.repeat(n)
            )
        };
        assert_eq!(check(&metadata(MAX_SAML_CERTIFICATES)).unwrap().certificates.len(), MAX_SAML_CERTIFICATES);
        assert_eq!(kind(check(&metadata(MAX_SAML_CERTIFICATES + 1))), ErrorKind::TooManyCertificates);
    }
}
