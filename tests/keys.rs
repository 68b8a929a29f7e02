//! Keys and certificate requests, read back by independent code: every
//! request decoded by `x509-cert` (RustCrypto's X.509 types, which we do not
//! use to write it), its signature checked with `p256`, every key decrypted
//! by `pkcs8`'s own PBES2. OpenSSL's reading of the same, and the loop
//! through a CA and the fleet engine, is `tests/interop/test_keys.py`.
//! The same tests run in the browsers, where the key comes from
//! `crypto.getRandomValues`.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use p256::ecdsa::signature::Verifier;
use pkcs8::der::{Decode, DecodePem, Encode};
use sha2::{Digest, Sha256};
use webex_device_identity::keys::{generate_key_and_csr, plan_key_fleet, CsrRequest, KeyEncryption, KeyFleetInput};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::request::CertReq;

const PASSPHRASE: &str = "correct horse battery staple";

fn full_request() -> CsrRequest {
    CsrRequest {
        common_name: "Møterom Ålesund".into(),
        subject_alt_names: vec![
            "DNS:room-1.example.com".into(),
            "email:room-1@example.com".into(),
            "URI:https://example.com/devices/room-1".into(),
            "DNS:room-1.example.net".into(),
        ],
        organization: "Example AS".into(),
        organizational_unit: "IT".into(),
        country: "no".into(),
        state: "Møre og Romsdal".into(),
        locality: "Ålesund".into(),
        key_usage: vec!["digitalSignature".into()],
    }
}

/// (OID, tag, text) of each subject attribute, in order.
fn subject(req: &CertReq) -> Vec<(String, u8, String)> {
    req.info
        .subject
        .iter()
        .map(|atv| {
            let tag = pkcs8::der::Tagged::tag(&atv.value).number().0 as u8;
            (atv.oid.to_string(), tag, String::from_utf8(atv.value.value().to_vec()).unwrap())
        })
        .collect()
}

/// The extensionRequest's extensions: (OID, critical, value DER).
fn extensions(req: &CertReq) -> Vec<(String, bool, Vec<u8>)> {
    let attributes: Vec<_> = req.info.attributes.iter().collect();
    if attributes.is_empty() {
        return Vec::new();
    }
    assert_eq!(attributes.len(), 1);
    assert_eq!(attributes[0].oid.to_string(), "1.2.840.113549.1.9.14");
    let value = attributes[0].values.iter().next().unwrap().to_der().unwrap();
    let extensions = x509_cert::ext::Extensions::from_der(&value).unwrap();
    extensions.into_iter().map(|e| (e.extn_id.to_string(), e.critical, e.extn_value.as_bytes().to_vec())).collect()
}

fn decrypt(key_pem: &str, passphrase: &str) -> Option<p256::SecretKey> {
    let (label, der) = pkcs8::der::pem::decode_vec(key_pem.as_bytes()).unwrap();
    assert_eq!(label, "ENCRYPTED PRIVATE KEY");
    let info = pkcs8::EncryptedPrivateKeyInfoRef::from_der(&der).unwrap();
    let plain = info.decrypt(passphrase).ok()?;
    let info = pkcs8::PrivateKeyInfoRef::from_der(plain.as_bytes()).unwrap();
    assert_eq!(info.algorithm.parameters_oid().unwrap().to_string(), "1.2.840.10045.3.1.7", "P-256");
    let ec = sec1::EcPrivateKey::from_der(info.private_key.as_bytes()).unwrap();
    p256::SecretKey::from_slice(ec.private_key).ok()
}

#[test]
fn a_request_holds_exactly_what_was_asked_in_order_and_verifies() {
    let made = generate_key_and_csr(&full_request(), PASSPHRASE, Some(PASSPHRASE), KeyEncryption::Scrypt).unwrap();
    let req = CertReq::from_pem(made.csr_pem.as_bytes()).unwrap();
    // The DER we wrote is the DER x509-cert writes back: canonical, nothing left over.
    let der = pkcs8::der::pem::decode_vec(made.csr_pem.as_bytes()).unwrap().1;
    assert_eq!(req.to_der().unwrap(), der);
    assert_eq!(req.info.version as u8, 0);
    // C as PrintableString (0x13), the rest UTF8String (0x0c), in OpenSSL's order.
    assert_eq!(
        subject(&req),
        [
            ("2.5.4.6".into(), 0x13, "NO".into()),
            ("2.5.4.8".into(), 0x0c, "Møre og Romsdal".into()),
            ("2.5.4.7".into(), 0x0c, "Ålesund".into()),
            ("2.5.4.10".into(), 0x0c, "Example AS".into()),
            ("2.5.4.11".into(), 0x0c, "IT".into()),
            ("2.5.4.3".into(), 0x0c, "Møterom Ålesund".into()),
        ]
    );
    let ext = extensions(&req);
    assert_eq!(ext.len(), 2);
    assert_eq!((ext[0].0.as_str(), ext[0].1), ("2.5.29.17", false));
    let names = x509_cert::ext::pkix::SubjectAltName::from_der(&ext[0].2).unwrap().0;
    let names: Vec<String> = names
        .iter()
        .map(|n| match n {
            GeneralName::DnsName(s) => format!("DNS:{s}"),
            GeneralName::Rfc822Name(s) => format!("email:{s}"),
            GeneralName::UniformResourceIdentifier(s) => format!("URI:{s}"),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(names, full_request().subject_alt_names);
    assert_eq!((ext[1].0.as_str(), ext[1].1), ("2.5.29.15", true));
    let usage = x509_cert::ext::pkix::KeyUsage::from_der(&ext[1].2).unwrap();
    assert!(usage.digital_signature());
    assert_eq!(usage.0.bits(), 1, "digitalSignature alone");
    // ECDSA with SHA-256 over the info, by the key in the request.
    assert_eq!(req.algorithm.oid.to_string(), "1.2.840.10045.4.3.2");
    assert!(req.algorithm.parameters.is_none());
    let point = req.info.public_key.subject_public_key.raw_bytes();
    assert_eq!((point.len(), point[0]), (65, 4), "an uncompressed P-256 point");
    let spki = req.info.public_key.to_der().unwrap();
    assert_eq!(made.public_key_sha256, hex(&Sha256::digest(&spki)));
    let verifying =
        p256::ecdsa::VerifyingKey::from_sec1_bytes(req.info.public_key.subject_public_key.raw_bytes()).unwrap();
    let signature = p256::ecdsa::Signature::from_der(req.signature.raw_bytes()).unwrap();
    verifying.verify(&req.info.to_der().unwrap(), &signature).expect("the request's signature verifies");
    // The key is the request's key, and opens only with the passphrase.
    let key = decrypt(&made.key_pem, PASSPHRASE).expect("the key decrypts");
    assert_eq!(key.public_key().to_sec1_bytes().as_ref(), req.info.public_key.subject_public_key.raw_bytes());
    assert!(decrypt(&made.key_pem, "wrong passphrase").is_none());
}

#[test]
fn a_bare_request_has_no_extensions_and_each_key_is_new() {
    let bare = CsrRequest { common_name: "room-1.example.com".into(), ..CsrRequest::default() };
    let a = generate_key_and_csr(&bare, PASSPHRASE, None, KeyEncryption::Pbkdf2).unwrap();
    let b = generate_key_and_csr(&bare, PASSPHRASE, None, KeyEncryption::Pbkdf2).unwrap();
    assert_ne!(a.public_key_sha256, b.public_key_sha256);
    let req = CertReq::from_pem(a.csr_pem.as_bytes()).unwrap();
    assert_eq!(subject(&req), [("2.5.4.3".into(), 0x0c, "room-1.example.com".into())]);
    assert!(extensions(&req).is_empty());
    assert!(decrypt(&a.key_pem, PASSPHRASE).is_some());
}

#[test]
fn bad_requests_and_passphrases_are_refused_with_their_codes_before_any_key() {
    let code = |r: CsrRequest, p: &str, c: Option<&str>| {
        generate_key_and_csr(&r, p, c, KeyEncryption::Scrypt).unwrap_err().code()
    };
    let with = |f: fn(&mut CsrRequest)| {
        let mut r = full_request();
        f(&mut r);
        r
    };
    assert_eq!(code(with(|r| r.common_name = String::new()), PASSPHRASE, None), "bad_common_name");
    assert_eq!(code(with(|r| r.common_name = "x".repeat(10_000)), PASSPHRASE, None), "bad_common_name");
    assert_eq!(code(with(|r| r.common_name = "room\u{0}1".into()), PASSPHRASE, None), "bad_common_name");
    assert_eq!(code(with(|r| r.country = "Norway".into()), PASSPHRASE, None), "bad_country");
    assert_eq!(code(with(|r| r.locality = "a\u{202e}b".into()), PASSPHRASE, None), "bad_subject_attribute");
    assert_eq!(
        code(with(|r| r.subject_alt_names = vec!["IP:10.0.0.1".into()]), PASSPHRASE, None),
        "bad_subject_alt_name"
    );
    assert_eq!(
        code(with(|r| r.subject_alt_names = vec!["DNS:møterom.example.com".into()]), PASSPHRASE, None),
        "bad_subject_alt_name"
    );
    assert_eq!(
        code(
            with(|r| r.subject_alt_names = (0..1000).map(|i| format!("DNS:r{i}.example.com")).collect()),
            PASSPHRASE,
            None
        ),
        "too_many_subject_alt_names"
    );
    assert_eq!(code(with(|r| r.key_usage = vec!["keyAgreement".into()]), PASSPHRASE, None), "bad_key_usage");
    assert_eq!(code(full_request(), "", None), "empty_passphrase");
    assert_eq!(code(full_request(), PASSPHRASE, Some("correct horse")), "passphrase_mismatch");
}

fn fleet_input(devices: &str, cn: &str, sans: &[&str]) -> KeyFleetInput {
    KeyFleetInput {
        devices: devices.into(),
        request: CsrRequest {
            common_name: cn.into(),
            subject_alt_names: sans.iter().map(|s| s.to_string()).collect(),
            organization: "Example".into(),
            ..CsrRequest::default()
        },
        passphrase: PASSPHRASE.to_string().into(),
        confirm: None,
        encryption: KeyEncryption::Scrypt,
    }
}

#[test]
fn a_fleet_fills_the_patterns_and_seals_every_key_under_the_one_passphrase() {
    let input =
        fleet_input("device,secret\nroom-1,\nroom-2,\nLobby,\n", "{device}.example.com", &["DNS:{device}.example.com"]);
    let mut fleet = plan_key_fleet(&input).unwrap();
    let names: Vec<_> =
        fleet.devices().iter().map(|d| (d.device.clone(), d.common_name.clone(), d.file.clone())).collect();
    assert_eq!(
        names,
        [
            ("room-1".into(), "room-1.example.com".into(), "room-1".into()),
            ("room-2".into(), "room-2.example.com".into(), "room-2".into()),
            ("Lobby".into(), "Lobby.example.com".into(), "Lobby".into()),
        ]
    );
    assert_eq!(fleet.pack().unwrap_err().code(), "bad_argument", "pack before every key is made");
    let mut made = Vec::new();
    for i in 0..3 {
        made.push(fleet.generate(i).unwrap().clone());
    }
    assert_eq!(fleet.generate(3).unwrap_err().code(), "bad_argument");
    for (made, device) in made.iter().zip(fleet.devices()) {
        let req = CertReq::from_pem(made.csr_pem.as_bytes()).unwrap();
        assert_eq!(subject(&req).last().unwrap().2, device.common_name);
        let key = decrypt(&made.key_pem, PASSPHRASE).unwrap();
        assert_eq!(key.public_key().to_sec1_bytes().as_ref(), req.info.public_key.subject_public_key.raw_bytes());
    }
    let zip = fleet.pack().unwrap();
    assert_eq!(&zip[..4], b"PK\x03\x04");
}

#[test]
fn a_fleet_is_refused_whole_when_any_device_cannot_be_asked_for() {
    let code = |input: KeyFleetInput| plan_key_fleet(&input).err().map(|e| e.code());
    assert_eq!(
        code(fleet_input("room-1\nroom-2\n", "room.example.com", &[])),
        Some("bad_common_name"),
        "no {{device}}"
    );
    assert_eq!(code(fleet_input("room-1\n", "room.example.com", &[])), None, "one device may have a fixed name");
    assert_eq!(
        code(fleet_input("room-1\nRoom 2\n", "{device}", &["DNS:{device}.example.com"])),
        Some("bad_subject_alt_name")
    );
    assert_eq!(code(fleet_input("room-1\nroom-1\n", "{device}", &[])), Some("bad_manifest"));
    assert_eq!(code(fleet_input("\n\n", "{device}", &[])), Some("bad_manifest"));
    let mut input = fleet_input("room-1\n", "{device}", &[]);
    input.passphrase = String::new().into();
    assert_eq!(code(input), Some("empty_passphrase"));
    // 10,000 devices with 100 URIs of 2,000 characters each: gigabytes of names, refused early.
    let names: String = (0..10_000).map(|i| format!("room-{i}\n")).collect();
    let uri = format!("URI:https://example.com/{}/{{device}}", "a".repeat(1_950));
    let uris: Vec<String> = (0..100).map(|i| format!("{uri}{i}")).collect();
    let uris: Vec<&str> = uris.iter().map(String::as_str).collect();
    assert_eq!(code(fleet_input(&names, "{device}", &uris)), Some("input_too_large"));
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// 200 keys sealed together cost the fleet engine one derivation when it
/// reads them back: one each would be 200 × 131,072 units of scrypt, over
/// the fleet's budget of 20 million (`MAX_FLEET_KDF_WORK`) after 152 keys.
#[test]
fn a_fleets_keys_are_read_back_with_one_derivation() {
    use webex_device_identity::fleet::{plan_fleet, FileInput, FleetInput};
    let names: String = (0..200).map(|i| format!("room-{i}\n")).collect();
    let mut keys = plan_key_fleet(&fleet_input(&names, "{device}.example.com", &[])).unwrap();
    let pems: Vec<(String, String)> =
        (0..200).map(|i| (format!("room-{i}.key"), keys.generate(i).unwrap().key_pem.clone())).collect();
    let files: Vec<FileInput<'_>> = pems.iter().map(|(name, pem)| FileInput { name, bytes: pem.as_bytes() }).collect();
    let manifest = "device,secret\nroom-0,a secret\n";
    let plan =
        plan_fleet(&FleetInput { manifest, files: &files, passphrase: Some(PASSPHRASE), now: 0, expires_before: None })
            .unwrap();
    // Every key was read (each is an unused file: no certificate came back yet); none was refused.
    let findings = &plan.report().findings;
    let unused = findings.iter().filter(|f| f.code.code() == "unused_file").map(|f| f.files.len()).sum::<usize>();
    assert_eq!(unused, 200, "{findings:?}");
    assert!(findings.iter().all(|f| f.code.code() == "unused_file"), "{findings:?}");
}
