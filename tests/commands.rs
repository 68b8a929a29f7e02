//! Device command text and fingerprint normalization: the exact strings an
//! admin pastes. Runs natively and in browsers.

mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::vectors;
use webex_device_identity::{
    device::device_command, device::initial_populate_command, device::normalize_fingerprint, device::Action,
    secret::Secret,
};

const FP: &str = "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12";

#[test]
fn initial_populate_is_base64url_of_the_secret() {
    // The spec's example: `0123456789abcdef` seeds as "MDEyMzQ1Njc4OWFiY2RlZg".
    let command = initial_populate_command(&Secret::new("0123456789abcdef").unwrap()).unwrap();
    assert_eq!(command, r#"xCommand Security ClientSecret Populate Secret: "MDEyMzQ1Njc4OWFiY2RlZg""#);
    // Non-ASCII secrets travel as their UTF-8 bytes, URL alphabet, no padding.
    let command = initial_populate_command(&Secret::new("ß?>").unwrap()).unwrap();
    assert_eq!(command, r#"xCommand Security ClientSecret Populate Secret: "w58_Pg""#);
}

#[test]
fn each_action_has_its_command() {
    for v in vectors() {
        let command = device_command(v.action(), &v.jwe).unwrap();
        let expected = match v.action.as_str() {
            "populate" => format!("xCommand Security ClientSecret Populate Secret: \"{}\"", v.jwe),
            "add" => format!("xCommand Security Certificates Services Add IsEncrypted: True\n{}\n.", v.jwe),
            "activate" => format!(
                "xCommand Security Certificates Services Activate Purpose: WebexIdentity Fingerprint: \"{}\"",
                v.jwe
            ),
            other => panic!("no vector expected for {other}"),
        };
        assert_eq!(command, expected);
        // Pasted blobs often carry a newline; the command never does.
        assert_eq!(device_command(v.action(), &format!("  {}\n", v.jwe)).unwrap(), expected);
    }
}

#[test]
fn add_command_ends_with_a_line_holding_only_a_dot() {
    let v = &vectors()[0];
    let command = device_command(Action::Add, &v.jwe).unwrap();
    let lines: Vec<&str> = command.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1], v.jwe);
    assert_eq!(lines[2], ".");
}

#[test]
fn fingerprints_normalize() {
    let upper_colons = "2F:D4:E1:C6:7A:2D:28:FC:ED:84:9E:E1:BB:76:E7:39:1B:93:EB:12";
    for text in [
        FP,
        upper_colons,
        "2fd4 e1c6 7a2d 28fc ed84 9ee1 bb76 e739 1b93 eb12",
        "\t2FD4E1C67A2D28FCED849EE1BB76E7391B93EB12\r\n",
        "SHA1 Fingerprint=2F:D4:E1:C6:7A:2D:28:FC:ED:84:9E:E1:BB:76:E7:39:1B:93:EB:12",
        "sha1 fingerprint=2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
    ] {
        assert_eq!(normalize_fingerprint(text).unwrap(), FP, "{text:?}");
    }
}
