//! Round trips: whatever is built opens to the same action, enc and payload
//! (normalized for fingerprints). proptest draws the cases natively; the
//! browser suite runs a fixed sample of the same property.

mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use webex_device_identity::{
    device::blob::open_jwe, device::device_command, device::normalize_fingerprint, device::Action, device::Enc,
    secret::Secret, tasks::build_jwe, tasks::BuildRequest,
};

/// Builds, opens and checks one case.
fn round_trip(action: Action, enc: Enc, secret: &str, payload: &str) {
    let secret = Secret::new(secret).unwrap();
    let request = BuildRequest { action, enc, payload, salt: None, iv: None, allow_findings: true, now: 0 };
    let jwe = build_jwe(&secret, &request).unwrap();
    let opened = open_jwe(&jwe, &secret).unwrap();
    assert_eq!(opened.action, action);
    assert_eq!(opened.enc, enc);
    assert_eq!(opened.salt.len(), 16, "fresh salts are 16 bytes");
    let expected = match action {
        Action::Activate | Action::Deactivate => normalize_fingerprint(payload).unwrap(),
        _ => payload.to_owned(),
    };
    assert_eq!(opened.payload.as_str(), expected);
    assert!(jwe.split('.').nth(1) == Some(""), "alg dir: empty encrypted key");
    assert!(device_command(action, &jwe).unwrap().contains(&jwe));
}

#[test]
fn fixed_sample() {
    round_trip(Action::Populate, Enc::A256Gcm, "ossifrage", "");
    round_trip(Action::Populate, Enc::A128Gcm, "0123456789abcdef", "nouveau secret: été ☃ 𝄞");
    round_trip(Action::Add, Enc::A256Gcm, "ключ", common::BUNDLE);
    round_trip(Action::Activate, Enc::A128Gcm, "s", "2F:D4:E1:C6:7A:2D:28:FC:ED:84:9E:E1:BB:76:E7:39:1B:93:EB:12");
    round_trip(Action::Deactivate, Enc::A256Gcm, "\u{0}\u{7f}", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
}

#[test]
fn fresh_salt_and_iv_every_time() {
    let secret = Secret::new("ossifrage").unwrap();
    let request = BuildRequest {
        action: Action::Populate,
        enc: Enc::A128Gcm,
        payload: "x",
        salt: None,
        iv: None,
        allow_findings: false,
        now: common::NOW,
    };
    let a = build_jwe(&secret, &request).unwrap();
    let b = build_jwe(&secret, &request).unwrap();
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split('.').collect(), b.split('.').collect());
    assert_ne!(a[0], b[0], "salt (in the header) must differ");
    assert_ne!(a[2], b[2], "IV must differ");
}

#[cfg(not(target_arch = "wasm32"))]
mod property {
    use super::*;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = Action> {
        prop::sample::select(Action::ALL.to_vec())
    }
    fn enc() -> impl Strategy<Value = Enc> {
        prop_oneof![Just(Enc::A128Gcm), Just(Enc::A256Gcm)]
    }
    /// A payload valid for `action`: any text (empty and non-ASCII included)
    /// for populate and add, a fingerprint in some pasted spelling otherwise.
    fn payload(action: Action) -> BoxedStrategy<String> {
        match action {
            Action::Populate | Action::Add => ".{0,300}".boxed(),
            _ => (prop::array::uniform20(any::<u8>()), any::<bool>(), any::<bool>())
                .prop_map(|(bytes, upper, colons)| {
                    let digits: Vec<String> =
                        bytes.iter().map(|b| if upper { format!("{b:02X}") } else { format!("{b:02x}") }).collect();
                    digits.join(if colons { ":" } else { "" })
                })
                .boxed(),
        }
    }

    proptest! {
        // Each case costs two scrypt derivations (about 0.1 s each natively).
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn anything_built_opens(
            (action, payload) in action().prop_flat_map(|a| (Just(a), payload(a))),
            enc in enc(),
            secret in ".{1,64}",
        ) {
            round_trip(action, enc, &secret, &payload);
        }
    }
}
