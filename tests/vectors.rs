//! The spec's known answers, byte-exact: derived key, header, and the whole blob,
//! built and opened. Runs natively and in headless browsers.

mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::{hex, to_hex, vectors};
use webex_device_identity::{
    device::blob::open_jwe, device::device_command, device::kdf, secret::Secret, tasks::build_jwe, tasks::BuildRequest,
};

#[test]
fn vectors_cover_every_action_and_enc() {
    let vs = vectors();
    assert!(vs.len() >= 4);
    for action in ["populate", "add", "activate"] {
        assert!(vs.iter().any(|v| v.action == action), "{action}");
    }
    for enc in ["A128GCM", "A256GCM"] {
        assert!(vs.iter().any(|v| v.enc == enc), "{enc}");
    }
}

#[test]
fn derived_keys_match() {
    for v in vectors() {
        let key = kdf::derive_key(&Secret::new(&v.secret).unwrap(), &hex(&v.salt_hex), v.enc()).unwrap();
        assert_eq!(to_hex(&key), v.cek_hex, "{}", v.jwe);
    }
}

#[test]
fn built_blobs_match_byte_for_byte() {
    for v in vectors() {
        let (salt, iv) = (hex(&v.salt_hex), hex(&v.iv_hex));
        let request = BuildRequest {
            action: v.action(),
            enc: v.enc(),
            payload: &v.payload,
            salt: Some(&salt),
            iv: Some(&iv),
            allow_findings: true,
            now: 0,
        };
        let jwe = build_jwe(&Secret::new(&v.secret).unwrap(), &request).unwrap();
        assert_eq!(jwe, v.jwe);
        let header_b64 = jwe.split('.').next().unwrap();
        assert_eq!(webex_device_identity::shared::base64url::decode(header_b64).unwrap(), v.header_json.as_bytes());
    }
}

#[test]
fn vectors_open_to_their_payload() {
    for v in vectors() {
        let opened = open_jwe(&v.jwe, &Secret::new(&v.secret).unwrap()).unwrap();
        assert_eq!(opened.action, v.action());
        assert_eq!(opened.enc, v.enc());
        assert_eq!(to_hex(&opened.salt), v.salt_hex);
        assert_eq!(opened.header_json, v.header_json);
        assert_eq!(opened.payload.as_str(), v.payload);
    }
}

#[test]
fn worked_example_command() {
    let v = &vectors()[0];
    assert_eq!(v.action, "add");
    let command = device_command(v.action(), &v.jwe).unwrap();
    assert_eq!(command, format!("xCommand Security Certificates Services Add IsEncrypted: True\n{}\n.", v.jwe));
}
