//! Generated secrets come from the CSPRNG in the documented shapes; the
//! strength estimate ranks secrets sensibly. Natively and in browsers.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use webex_device_identity::{
    device::initial_populate_command, secret::generate_secret, secret::secret_strength, secret::Secret,
    secret::SecretKind,
};

#[test]
fn phrases_are_six_pronounceable_groups() {
    let phrase = generate_secret(SecretKind::Phrase).unwrap();
    let groups: Vec<&str> = phrase.split('-').collect();
    assert_eq!(groups.len(), 6, "{phrase}");
    for group in groups {
        let b = group.as_bytes();
        assert_eq!(b.len(), 4, "{phrase}");
        assert!(b"bdfghjklmnprstvz".contains(&b[0]) && b"aeiou".contains(&b[1]), "{phrase}");
        assert!(b"bdfghjklmnprstvz".contains(&b[2]) && b"aeiou".contains(&b[3]), "{phrase}");
    }
    // 12 consonant-vowel pairs of 80: 75.9 bits, not what its 29 characters suggest.
    assert_eq!(secret_strength(&phrase).bits, 75, "{phrase}");
    assert_eq!(secret_strength(&phrase).label, "strong", "{phrase}");
}

#[test]
fn base64url_secrets_are_128_bits() {
    let secret = generate_secret(SecretKind::Base64Url).unwrap();
    assert_eq!(secret.len(), 22);
    assert_eq!(webex_device_identity::shared::base64url::decode(&secret).unwrap().len(), 16);
    // It seeds a device like any other secret.
    assert!(initial_populate_command(&Secret::new(&secret).unwrap())
        .unwrap()
        .starts_with("xCommand Security ClientSecret"));
}

#[test]
fn generated_secrets_differ_and_use_every_letter() {
    let many: Vec<String> = (0..200).map(|_| generate_secret(SecretKind::Phrase).unwrap()).collect();
    let mut unique = many.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), many.len());
    let letters: std::collections::BTreeSet<char> = many.concat().chars().filter(|c| *c != '-').collect();
    assert_eq!(letters.len(), 21, "16 consonants and 5 vowels all appear in 200 phrases");
}

#[test]
fn strength_ranks_secrets() {
    assert_eq!(secret_strength("").label, "empty");
    assert_eq!(secret_strength("ossifrage").label, "weak");
    assert_eq!(secret_strength("aaaaaaaaaaaaaaaaaaaaaaaa").label, "weak");
    assert_eq!(secret_strength("Horse7!").label, "weak");
    assert!(secret_strength("Correct-Horse-7").bits > secret_strength("correct-horse").bits);
    // Common words joined by one separator: each word's rank, the separator once.
    assert_eq!(secret_strength("the-house-on-the-hill").label, "weak");
    assert_eq!(secret_strength("Correct.Horse.Battery.Staple.Orbit.Lamp").label, "strong");
    // The examples, once rated good or strong.
    for secret in ["CiscoWebex2026", "Password1!Password1!", "Winter-Is-Coming-2027!"] {
        assert!(matches!(secret_strength(secret).label, "weak" | "fair"), "{secret}");
    }
    let generated = generate_secret(SecretKind::Base64Url).unwrap();
    assert_eq!((secret_strength(&generated).bits, secret_strength(&generated).label), (128, "strong"));
}
