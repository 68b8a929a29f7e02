//! Hostile inputs, one table for every entry point: truncated, oversized,
//! deeply nested, malformed or absurdly expensive blobs, certificates, keys
//! and fingerprints. Each case asserts the exact error code (JWE, commands,
//! fingerprints, secrets) or the exact set of finding codes (inspect), and,
//! natively, that it finishes within `BOUND`. Runs natively and in browsers
//! (no file system: every file is embedded; timing is native only).
//!
//! The files under tests/hostile/ are made by tests/hostile/make.py.

mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use std::borrow::Cow;

use webex_device_identity::cert::{self, Input, InspectOptions};
use webex_device_identity::{
    device::blob::open_jwe, device::device_command, device::normalize_fingerprint, device::Action, secret::Secret,
    shared::base64url as b64, shared::caps::MAX_INPUT_BYTES, tasks::build_jwe, tasks::BuildRequest, ErrorKind,
};

/// Natively, every case must finish within this (a hostile file must not hang the page).
#[cfg(not(target_arch = "wasm32"))]
const BOUND: std::time::Duration = std::time::Duration::from_secs(5);

/// The secret of vector 0, used to open every blob below.
const SECRET: &str = "ossifrage";
const PASS: Option<&str> = Some("correct horse");

// --- the table -------------------------------------------------------------

/// Where a case's input goes.
#[derive(Clone, Copy, Debug)]
enum Entry {
    /// `open_jwe(input, "ossifrage")`.
    Open,
    /// `open_jwe(vector 0, input)`: the input is the secret.
    OpenWithSecret,
    /// `device_command(action, input)`.
    Command(Action),
    /// `build_jwe("ossifrage", { action, payload: input, salt, iv })`.
    Build { action: Action, salt: Option<Data>, iv: Option<Data> },
    /// `Secret::new(input)`.
    NewSecret,
    /// `normalize_fingerprint(input)`.
    Fingerprint,
    /// `cert::inspect(Input::Bytes(input), passphrase)`: a file's bytes.
    Inspect(Option<&'static str>),
    /// `cert::inspect(Input::Text(input), passphrase)`: pasted text.
    InspectText(Option<&'static str>),
    /// `cert::leaf_sha1` of `inspect(Input::Bytes(input))`, as `sha1Fingerprint` does.
    Sha1,
    /// `tasks::check_blobs(input, "ossifrage")`: text pasted into "Check a blob".
    CheckBlobs,
    /// `fleet::plan_fleet` of the input as a manifest, with no files: the
    /// finding codes of every device and of the fleet, as a set.
    Manifest,
}

impl Entry {
    fn name(&self) -> &'static str {
        match self {
            Entry::Open => "open_jwe",
            Entry::OpenWithSecret => "open_jwe (secret)",
            Entry::Command(_) => "device_command",
            Entry::Build { .. } => "build_jwe",
            Entry::NewSecret => "Secret::new",
            Entry::Fingerprint => "normalize_fingerprint",
            Entry::Inspect(_) => "inspect (bytes)",
            Entry::InspectText(_) => "inspect (text)",
            Entry::Sha1 => "leaf_sha1",
            Entry::CheckBlobs => "check_blobs",
            Entry::Manifest => "plan_fleet (manifest)",
        }
    }
}

/// A case's input bytes.
#[derive(Clone, Copy, Debug)]
enum Data {
    Str(&'static str),
    Bytes(&'static [u8]),
    /// Vector 0's blob with its header replaced by this JSON.
    Header(&'static str),
    /// Made when the case runs (large or derived inputs).
    Gen(fn() -> Vec<u8>),
}

impl Data {
    fn bytes(&self) -> Cow<'static, [u8]> {
        match self {
            Data::Str(s) => Cow::Borrowed(s.as_bytes()),
            Data::Bytes(b) => Cow::Borrowed(b),
            Data::Header(json) => Cow::Owned(with_header(json.as_bytes()).into_bytes()),
            Data::Gen(make) => Cow::Owned(make()),
        }
    }
}

/// What a case must give.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// This error kind.
    Error(ErrorKind),
    /// `inspect`: exactly these finding codes (as a set).
    Findings(&'static [&'static str]),
    /// A control next to the hostile cases: accepted.
    Ok,
}

struct Case {
    name: &'static str,
    entry: Entry,
    input: Data,
    expect: Expect,
}

use Data::{Bytes, Gen, Header, Str};
use Entry::*;
use ErrorKind::*;
use Expect::{Error as Fails, Findings, Ok as Accepted};

const fn case(name: &'static str, entry: Entry, input: Data, expect: Expect) -> Case {
    Case { name, entry, input, expect }
}

const fn build(action: Action, salt: Option<Data>, iv: Option<Data>) -> Entry {
    Build { action, salt, iv }
}

const UNSUPPORTED: Expect = Findings(&["unsupported_format"]);
const POPULATE: Entry = build(Action::Populate, None, None);

// Embedded files.
const LEAF_DER: &[u8] = include_bytes!("fixtures/certs/der/leaf.der");
const LEAF_PKCS8_DER: &[u8] = include_bytes!("fixtures/certs/der/leaf-pkcs8.der");
const MODERN_P12: &[u8] = include_bytes!("fixtures/certs/pkcs12/modern.p12");
const ITER_2M_P12: &[u8] = include_bytes!("fixtures/certs/pkcs12/iter-2000000.p12");
const RSA_BUNDLE: &str = include_str!("fixtures/certs/rsa-chain/bundle.pem");
const SELF_SIGNED: &str = include_str!("fixtures/certs/leaves/self-signed/bundle.pem");
const PBKDF2_HUGE: &[u8] = include_bytes!("hostile/pkcs8-pbkdf2-iter-4294967295.der");
const PBKDF2_OVER_CAP: &[u8] = include_bytes!("hostile/pkcs8-pbkdf2-iter-1000001.der");
const PBKDF2_AT_CAP: &[u8] = include_bytes!("hostile/pkcs8-pbkdf2-iter-1000000.der");
const SCRYPT_2_30: &[u8] = include_bytes!("hostile/pkcs8-scrypt-n-2-30.der");
const SCRYPT_P17: &[u8] = include_bytes!("hostile/pkcs8-scrypt-p-17.der");
const PBES1: &[u8] = include_bytes!("hostile/pkcs8-pbes1-md5-des.der");
const P12_SCRYPT_1GIB: &[u8] = include_bytes!("hostile/p12-nomac-scrypt-1gib-p4.p12");
const P12_40_BAGS: &[u8] = include_bytes!("hostile/p12-nomac-40-bags-pbkdf2-1000000.p12");
const P12_5_SCRYPT_PARTS: &[u8] = include_bytes!("hostile/p12-nomac-5-parts-scrypt-n16-r8-p16.p12");
const CERT_PEM_MARKER: &[u8] = include_bytes!("hostile/cert-with-pem-marker-in-cn.der");
const CERT_SIGALG_OUTER: &[u8] = include_bytes!("hostile/cert-sigalg-outer-differs.der");
const CERT_SIGALG_PARAMS: &[u8] = include_bytes!("hostile/cert-sigalg-params-differ.der");
const CERT_BER_OUTER: &[u8] = include_bytes!("hostile/cert-ber-outer-length-83.der");
const CERT_BER_SERIAL: &[u8] = include_bytes!("hostile/cert-ber-serial-length-81.der");
const CERT_BER_INDEFINITE: &[u8] = include_bytes!("hostile/cert-ber-indefinite-length.der");
const CERT_BER_TBS_INDEFINITE: &[u8] = include_bytes!("hostile/cert-ber-tbs-indefinite-length.der");
const CERT_BER_BIT_STRING: &[u8] = include_bytes!("hostile/cert-ber-constructed-bit-string.der");
const CERT_BER_OCTET_STRING: &[u8] = include_bytes!("hostile/cert-ber-constructed-octet-string.der");
const CERT_NESTED_42: &[u8] = include_bytes!("hostile/cert-nested-42-levels.der");

const HDR_OK: &str =
    r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#;

#[rustfmt::skip]
const CASES: &[Case] = &[
    // --- open_jwe: shape -----------------------------------------------------------------
    // Rejoining lines a mail wrapped must stay linear: a megabyte of one-character
    // lines, each continuing the one before (in a quote, or in an unfinished blob).
    case("check_blobs: 1 MiB of one-letter lines in a quote", CheckBlobs, Gen(quoted_letter_lines), Fails(MalformedJwe)),
    case("check_blobs: 1 MiB of one-letter lines after a blob's start", CheckBlobs, Gen(blob_letter_lines), Fails(MalformedJwe)),
    case("check_blobs: one more byte than the input limit", CheckBlobs, Gen(over_limit_text), Fails(InputTooLarge)),
    // --- the fleet's manifest (no files, so every readable row lacks a certificate) ----
    case("manifest: one byte over 4 MiB", Manifest, Gen(|| { let mut m = b"device,secret\nd,".to_vec(); m.resize((4 << 20) + 1, b'x'); m }), Fails(InputTooLarge)),
    case("manifest: 10,001 rows", Manifest, Gen(|| manifest_rows("d", 10_001)), Fails(TooManyRows)),
    case("manifest: 10,000 rows, the cap", Manifest, Gen(|| manifest_rows("d", 10_000)), Findings(&["no_certificate_for_device"])),
    case("manifest: a 1 MiB cell, then a good row", Manifest, Gen(|| format!("device,secret\nbig,{}\nok,s\n", "x".repeat(1 << 20)).into_bytes()), Findings(&["bad_manifest_row", "no_certificate_for_device"])),
    case("manifest: a quote never closed, 1 MiB after it", Manifest, Gen(|| format!("device,secret\nok,s\nopen,\"{}", "x,y\n".repeat(1 << 18)).into_bytes()), Findings(&["bad_manifest_row", "no_certificate_for_device"])),
    case("manifest: 1 MiB of separators on one row", Manifest, Gen(|| format!("device,secret\na,b{}\n", ",".repeat(1 << 20)).into_bytes()), Findings(&["bad_manifest_row"])),
    case("manifest: 1 MiB of doubled quotes in a cell", Manifest, Gen(|| format!("device,secret\na,\"{}\"\n", "\"\"".repeat(1 << 19)).into_bytes()), Findings(&["bad_manifest_row"])),
    case("manifest: 1 MiB of line breaks, no header", Manifest, Gen(|| vec![b'\n'; 1 << 20]), Fails(BadManifest)),
    case("manifest: no device column", Manifest, Str("name,secret\nroom-1,s\n"), Fails(BadManifest)),
    case("manifest: one column named twice", Manifest, Str("device,secret,DEVICE\nroom-1,s,t\n"), Fails(BadManifest)),
    case("manifest: path traversal and reserved names", Manifest, Str("device,secret\n../../etc/passwd,a\n..\\..\\x,b\nCON,c\n"), Findings(&["no_certificate_for_device"])),
    case("manifest: one device on two rows", Manifest, Str("device,secret\nroom-1,a\nRoom-1,b\n"), Findings(&["duplicate_device", "no_certificate_for_device"])),
    case("manifest: a NUL in a device name (a control character: a bad row)", Manifest, Str("\u{feff}device,secret\nro\0om,s\n"), Findings(&["bad_manifest_row"])),
    case("manifest: a bidi override and a BOM", Manifest, Str("\u{feff}device,secret\nroom\u{202e}1,s\n"), Findings(&["no_certificate_for_device"])),
    case("open: empty", Open, Str(""), Fails(MalformedJwe)),
    case("open: white space only", Open, Str(" \t\r\n "), Fails(MalformedJwe)),
    case("open: one NUL", Open, Str("\0"), Fails(MalformedJwe)),
    case("open: truncated to half", Open, Gen(|| { let v = v0(); v[..v.len() / 2].into() }), Fails(MalformedJwe)),
    case("open: last character cut", Open, Gen(|| { let v = v0(); v[..v.len() - 1].into() }), Fails(MalformedJwe)),
    case("open: tag cut off (four parts)", Open, Gen(|| v0()[..v0().rfind('.').unwrap()].into()), Fails(MalformedJwe)),
    case("open: tag empty", Open, Gen(|| v0()[..=v0().rfind('.').unwrap()].into()), Fails(MalformedJwe)),
    case("open: six parts", Open, Gen(|| format!("{}.AAAA", v0()).into()), Fails(MalformedJwe)),
    case("open: encrypted key present", Open, Gen(|| v0().replacen("..", ".AAAA.", 1).into()), Fails(MalformedJwe)),
    case("open: oversized (1 MiB + 1)", Open, Gen(|| vec![b'a'; MAX_INPUT_BYTES + 1]), Fails(InputTooLarge)),
    case("open: valid blob padded to 1 MiB + 1", Open, Gen(|| padded(MAX_INPUT_BYTES + 1)), Fails(InputTooLarge)),
    case("open: NUL after the blob", Open, Gen(|| format!("{}\0", v0()).into()), Fails(MalformedJwe)),
    case("open: NUL inside the header", Open, Gen(|| { let mut v = v0(); v.insert(10, '\0'); v.into() }), Fails(MalformedJwe)),
    case("open: zero-width space inside", Open, Gen(|| v0().replacen("..", "..\u{200b}", 1).into()), Fails(MalformedJwe)),
    case("open: 1,000,000 characters, no dot", Open, Gen(|| vec![b'A'; 1_000_000]), Fails(MalformedJwe)),
    case("open: 1 MiB of dots", Open, Gen(|| vec![b'.'; MAX_INPUT_BYTES]), Fails(MalformedJwe)),
    case("open: IV empty", Open, Gen(|| set_part(2, "")), Fails(BadIvLength)),
    case("open: IV of 16 bytes", Open, Gen(|| set_part(2, &b64::encode(&[1; 16]))), Fails(BadIvLength)),
    case("open: tag of 17 bytes", Open, Gen(|| set_part(4, &b64::encode(&[1; 17]))), Fails(MalformedJwe)),
    // --- open_jwe: header JSON -----------------------------------------------------------
    case("open: alg none", Open, Header(r#"{"alg":"none","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#), Fails(UnsupportedHeader)),
    case("open: alg missing", Open, Header(r#"{"cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#), Fails(UnsupportedHeader)),
    case("open: alg null", Open, Header(r#"{"alg":null,"cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#), Fails(UnsupportedHeader)),
    case("open: enc in lower case", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"a128gcm"}"#), Fails(UnsupportedHeader)),
    case("open: duplicate enc", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM","enc":"A128GCM"}"#), Fails(UnsupportedHeader)),
    case("open: duplicate salt in cisco-kdf", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#), Fails(UnsupportedHeader)),
    case("open: duplicate cisco-kdf", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#), Fails(UnsupportedHeader)),
    case("open: extra member kid", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM","kid":"1"}"#), Fails(UnsupportedHeader)),
    case("open: extra member crit", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"crit":["exp"],"enc":"A128GCM"}"#), Fails(UnsupportedHeader)),
    case("open: salt of 0 bytes", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"","version":"1"},"enc":"A128GCM"}"#), Fails(SaltTooShort)),
    case("open: salt of 1 byte", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"AA","version":"1"},"enc":"A128GCM"}"#), Fails(SaltTooShort)),
    case("open: salt of 2 bytes", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"AAA","version":"1"},"enc":"A128GCM"}"#), Fails(SaltTooShort)),
    case("open: salt of 3 bytes", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"AAAA","version":"1"},"enc":"A128GCM"}"#), Fails(SaltTooShort)),
    case("open: salt with padding", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"AAAAAA==","version":"1"},"enc":"A128GCM"}"#), Fails(MalformedJwe)),
    case("open: salt a number", Open, Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":1234,"version":"1"},"enc":"A128GCM"}"#), Fails(UnsupportedHeader)),
    case("open: header JSON null", Open, Header("null"), Fails(MalformedJwe)),
    case("open: header empty", Open, Header(""), Fails(MalformedJwe)),
    case("open: header trailing garbage", Open, Gen(|| with_header(format!("{HDR_OK}x").as_bytes()).into()), Fails(MalformedJwe)),
    case("open: header with a BOM", Open, Gen(|| with_header(format!("\u{feff}{HDR_OK}").as_bytes()).into()), Fails(MalformedJwe)),
    case("open: header with a lone surrogate escape", Open, Header(r#"{"alg":"dir\ud800","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#), Fails(MalformedJwe)),
    case("open: header not UTF-8", Open, Gen(|| { let mut h = HDR_OK.as_bytes().to_vec(); h[9] = 0xff; with_header(&h).into() }), Fails(MalformedJwe)),
    case("open: header 10,000 nested arrays", Open, Gen(|| with_header(format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).as_bytes()).into()), Fails(MalformedJwe)),
    case("open: header 10,000 nested objects", Open, Gen(|| with_header(format!("{}1{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000)).as_bytes()).into()), Fails(MalformedJwe)),
    case("open: header with 600,000 spaces (a very long line)", Open, Gen(|| with_header(HDR_OK.replacen('{', &format!("{{{}", " ".repeat(600_000)), 1).as_bytes()).into()), Fails(DecryptFailed)),
    // --- open_jwe: payload and secret ----------------------------------------------------
    case("open: payload not UTF-8 (0xff)", Open, Gen(|| forged_payload(&[0xff])), Fails(PayloadNotUtf8)),
    case("open: payload a UTF-8-encoded surrogate", Open, Gen(|| forged_payload(&[0xed, 0xa0, 0x80])), Fails(PayloadNotUtf8)),
    case("open: secret empty", OpenWithSecret, Str(""), Fails(EmptySecret)),
    case("open: secret with a NUL inside", OpenWithSecret, Str("ossi\0frage"), Fails(DecryptFailed)),
    // scrypt's PBKDF2-HMAC pads a short password with zero bytes, so trailing NULs
    // derive the same key: a device would accept this secret too.
    case("open: control, a trailing NUL derives the same key", OpenWithSecret, Str("ossifrage\0"), Accepted),
    case("open: secret exactly 1 MiB", OpenWithSecret, Gen(|| vec![b's'; MAX_INPUT_BYTES]), Fails(DecryptFailed)),
    case("open: secret 1 MiB + 1", OpenWithSecret, Gen(|| vec![b's'; MAX_INPUT_BYTES + 1]), Fails(InputTooLarge)),
    case("open: control, white space around a blob at the limit", Open, Gen(|| padded(MAX_INPUT_BYTES)), Accepted),
    // --- device_command --------------------------------------------------------------------
    case("command: empty", Command(Action::Add), Str(""), Fails(MalformedJwe)),
    case("command: oversized", Command(Action::Add), Gen(|| vec![b'a'; MAX_INPUT_BYTES + 1]), Fails(InputTooLarge)),
    case("command: alg none", Command(Action::Add), Header(r#"{"alg":"none","cisco-action":"add","cisco-kdf":{"salt":"5eZTCAP4M_Y","version":"1"},"enc":"A128GCM"}"#), Fails(UnsupportedHeader)),
    case("command: salt of 3 bytes", Command(Action::Add), Header(r#"{"alg":"dir","cisco-action":"add","cisco-kdf":{"salt":"AAAA","version":"1"},"enc":"A128GCM"}"#), Fails(SaltTooShort)),
    case("command: another action's blob", Command(Action::Populate), Gen(|| v0().into()), Fails(ActionMismatch)),
    case("command: a second command after a newline", Command(Action::Add), Gen(|| format!("{}\n.\nxCommand SystemUnit Boot", v0()).into()), Fails(MalformedJwe)),
    case("command: a quote after the blob", Command(Action::Activate), Gen(|| format!("{}\" Purpose: Other", activate_blob()).into()), Fails(MalformedJwe)),
    case("command: IV empty", Command(Action::Add), Gen(|| set_part(2, "")), Fails(BadIvLength)),
    case("command: header 10,000 nested arrays", Command(Action::Add), Gen(|| with_header(format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).as_bytes()).into()), Fails(MalformedJwe)),
    // --- build_jwe -------------------------------------------------------------------------
    case("build: salt of 0 bytes", build(Action::Populate, Some(Bytes(&[])), None), Str("new"), Fails(SaltTooShort)),
    case("build: salt of 1 byte", build(Action::Populate, Some(Bytes(&[1])), None), Str("new"), Fails(SaltTooShort)),
    case("build: salt of 2 bytes", build(Action::Populate, Some(Bytes(&[1, 2])), None), Str("new"), Fails(SaltTooShort)),
    case("build: salt of 3 bytes", build(Action::Populate, Some(Bytes(&[1, 2, 3])), None), Str("new"), Fails(SaltTooShort)),
    case("build: salt of 1 MiB + 1", build(Action::Populate, Some(Gen(|| vec![7; MAX_INPUT_BYTES + 1])), None), Str("new"), Fails(InputTooLarge)),
    case("build: IV empty", build(Action::Populate, None, Some(Bytes(&[]))), Str("new"), Fails(BadIvLength)),
    case("build: IV of 11 bytes", build(Action::Populate, None, Some(Bytes(&[0; 11]))), Str("new"), Fails(BadIvLength)),
    case("build: IV of 1 MiB + 1", build(Action::Populate, None, Some(Gen(|| vec![0; MAX_INPUT_BYTES + 1]))), Str("new"), Fails(BadIvLength)),
    case("build: salt too short and IV wrong", build(Action::Populate, Some(Bytes(&[1])), Some(Bytes(&[0; 3]))), Str("new"), Fails(SaltTooShort)),
    case("build: payload 1 MiB + 1", POPULATE, Gen(|| vec![b'p'; MAX_INPUT_BYTES + 1]), Fails(InputTooLarge)),
    case("build: activate, empty fingerprint", build(Action::Activate, None, None), Str(""), Fails(BadFingerprint)),
    case("build: activate, fingerprint with a NUL", build(Action::Activate, None, None), Str("2fd4e1c67a2d28fced849ee1bb76e7391b93eb12\0"), Fails(BadFingerprint)),
    case("build: add, empty payload", build(Action::Add, None, None), Str(""), Fails(CertificateRejected)),
    case("build: add, BEGIN without END", build(Action::Add, None, None), Str("-----BEGIN CERTIFICATE-----\nMIIB\n"), Fails(CertificateRejected)),
    case("build: add, 10,000 nested SEQUENCEs as a CERTIFICATE", build(Action::Add, None, None), Gen(|| pem("CERTIFICATE", &nested_definite(10_000))), Fails(CertificateRejected)),
    case("build: add, 1 MiB of text", build(Action::Add, None, None), Gen(|| vec![b'A'; MAX_INPUT_BYTES]), Fails(CertificateRejected)),
    case("build: control, populate with an empty payload", POPULATE, Str(""), Accepted),
    // --- Secret ----------------------------------------------------------------------------
    case("secret: empty", NewSecret, Str(""), Fails(EmptySecret)),
    case("secret: 1 MiB + 1", NewSecret, Gen(|| vec![b's'; MAX_INPUT_BYTES + 1]), Fails(InputTooLarge)),
    case("secret: control, a lone NUL is a secret", NewSecret, Str("\0"), Accepted),
    // --- normalize_fingerprint ---------------------------------------------------------------
    case("fingerprint: empty", Fingerprint, Str(""), Fails(BadFingerprint)),
    case("fingerprint: a NUL inside", Fingerprint, Str("2fd4e1c67a2d28fced849ee1\0bb76e7391b93eb12"), Fails(BadFingerprint)),
    case("fingerprint: a NUL after", Fingerprint, Str("2fd4e1c67a2d28fced849ee1bb76e7391b93eb12\0"), Fails(BadFingerprint)),
    case("fingerprint: full-width digits", Fingerprint, Str("２fd4e1c67a2d28fced849ee1bb76e7391b93eb12"), Fails(BadFingerprint)),
    case("fingerprint: no-break space between digits", Fingerprint, Str("2f\u{a0}d4e1c67a2d28fced849ee1bb76e7391b93eb12"), Fails(BadFingerprint)),
    case("fingerprint: multi-byte text across the prefix length", Fingerprint, Str("ééééééééééééééééééé"), Fails(BadFingerprint)),
    case("fingerprint: the prefix alone", Fingerprint, Str("SHA1 Fingerprint="), Fails(BadFingerprint)),
    case("fingerprint: the prefix twice", Fingerprint, Str("SHA1 Fingerprint=SHA1 Fingerprint=2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"), Fails(BadFingerprint)),
    case("fingerprint: 0x prefix", Fingerprint, Str("0x2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"), Fails(BadFingerprint)),
    case("fingerprint: a SHA-256 one", Fingerprint, Str("4d09ec0d373106d5a2fca3b71f5089681af7e0495b458636033d6e7e84d27a0f"), Fails(BadFingerprint)),
    case("fingerprint: 1 MiB of hex digits", Fingerprint, Gen(|| vec![b'a'; MAX_INPUT_BYTES]), Fails(BadFingerprint)),
    case("fingerprint: 1 MiB + 1", Fingerprint, Gen(|| vec![b'a'; MAX_INPUT_BYTES + 1]), Fails(InputTooLarge)),
    // --- inspect: empty, NUL, oversized ------------------------------------------------------
    case("inspect: no bytes", Inspect(None), Bytes(&[]), Findings(&["no_certificate"])),
    case("inspect: empty text", InspectText(None), Str(""), Findings(&["no_certificate"])),
    case("inspect: white space text", InspectText(None), Str(" \r\n\t"), Findings(&["no_certificate"])),
    case("inspect: NUL text", InspectText(None), Str("\0\0\0"), UNSUPPORTED),
    case("inspect: 1 KiB of NUL bytes", Inspect(PASS), Bytes(&[0; 1024]), UNSUPPORTED),
    case("inspect: bytes 1 MiB + 1", Inspect(None), Gen(|| vec![0x30; MAX_INPUT_BYTES + 1]), Findings(&["input_too_large"])),
    case("inspect: text 1 MiB + 1", InspectText(None), Gen(|| vec![b'-'; MAX_INPUT_BYTES + 1]), Findings(&["input_too_large"])),
    case("inspect: a PKCS#12 pasted as text", InspectText(PASS), Gen(|| String::from_utf8_lossy(MODERN_P12).into_owned().into()), UNSUPPORTED),
    // --- inspect: truncated and trailing bytes ---------------------------------------------
    case("inspect: DER certificate truncated to half", Inspect(None), Gen(|| LEAF_DER[..LEAF_DER.len() / 2].into()), UNSUPPORTED),
    case("inspect: DER certificate without its last byte", Inspect(None), Gen(|| LEAF_DER[..LEAF_DER.len() - 1].into()), UNSUPPORTED),
    case("inspect: DER certificate with trailing garbage", Inspect(None), Gen(|| [LEAF_DER, b"garbage"].concat()), UNSUPPORTED),
    case("inspect: DER certificate with one trailing NUL", Inspect(None), Gen(|| [LEAF_DER, &[0]].concat()), UNSUPPORTED),
    case("inspect: PKCS#12 truncated", Inspect(PASS), Gen(|| MODERN_P12[..1000].into()), UNSUPPORTED),
    case("inspect: PEM certificate truncated", Inspect(None), Gen(|| truncated_pem_certificate().into_bytes()), UNSUPPORTED),
    // --- inspect: nested ASN.1 ---------------------------------------------------------------
    case("inspect: 10,000 nested SEQUENCEs (DER)", Inspect(PASS), Gen(|| nested_definite(10_000)), UNSUPPORTED),
    case("inspect: 10,000 nested SEQUENCEs (BER, indefinite)", Inspect(PASS), Gen(|| nested_indefinite(10_000, true)), UNSUPPORTED),
    case("inspect: 10,000 open SEQUENCE headers", Inspect(PASS), Gen(|| nested_indefinite(10_000, false)), UNSUPPORTED),
    case("inspect: 10,000 nested SEQUENCEs as a CERTIFICATE", InspectText(None), Gen(|| pem("CERTIFICATE", &nested_definite(10_000))), UNSUPPORTED),
    case("inspect: 10,000 nested SEQUENCEs as a PRIVATE KEY", InspectText(None), Gen(|| pem("PRIVATE KEY", &nested_definite(10_000))), UNSUPPORTED),
    case("inspect: 10,000 nested SEQUENCEs as an ENCRYPTED PRIVATE KEY", InspectText(PASS), Gen(|| pem("ENCRYPTED PRIVATE KEY", &nested_definite(10_000))), UNSUPPORTED),
    case("inspect: 10,000 nested SEQUENCEs as an EC PRIVATE KEY", InspectText(None), Gen(|| pem("EC PRIVATE KEY", &nested_definite(10_000))), UNSUPPORTED),
    case("inspect: 10,000 nested SEQUENCEs as an RSA PRIVATE KEY", InspectText(None), Gen(|| pem("RSA PRIVATE KEY", &nested_definite(10_000))), UNSUPPORTED),
    case("sha1: 10,000 nested SEQUENCEs", Sha1, Gen(|| nested_definite(10_000)), Fails(NoCertificate)),
    // --- inspect: PEM framing ----------------------------------------------------------------
    case("inspect: BEGIN without END", InspectText(None), Str("-----BEGIN CERTIFICATE-----\nMIIB\n"), UNSUPPORTED),
    case("inspect: a good bundle, then BEGIN without END", InspectText(None), Gen(|| format!("{RSA_BUNDLE}-----BEGIN CERTIFICATE-----\nMIIB").into()), UNSUPPORTED),
    case("inspect: BEGIN line without its dashes", InspectText(None), Str("-----BEGIN CERTIFICATE\nMIIB\n-----END CERTIFICATE-----\n"), UNSUPPORTED),
    case("inspect: empty CERTIFICATE block", InspectText(None), Str("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"), UNSUPPORTED),
    case("inspect: CERTIFICATE REQUEST", InspectText(None), Str("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n"), UNSUPPORTED),
    case("inspect: PKCS7", InspectText(None), Str("-----BEGIN PKCS7-----\nMIIB\n-----END PKCS7-----\n"), UNSUPPORTED),
    case("inspect: RSA PUBLIC KEY", InspectText(None), Str("-----BEGIN RSA PUBLIC KEY-----\nMIIB\n-----END RSA PUBLIC KEY-----\n"), UNSUPPORTED),
    case("inspect: PUBLIC KEY", InspectText(None), Str("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n"), UNSUPPORTED),
    case("inspect: OPENSSH PRIVATE KEY", InspectText(None), Str("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----\n"), UNSUPPORTED),
    case("inspect: legacy encrypted RSA PRIVATE KEY (Proc-Type)", InspectText(PASS), Str("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nMIIB\n-----END RSA PRIVATE KEY-----\n"), UNSUPPORTED),
    case("inspect: a 900,000-character base64 line", InspectText(None), Gen(|| format!("-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n", "A".repeat(900_000)).into()), UNSUPPORTED),
    case("inspect: a 500,000-character label", InspectText(None), Gen(|| format!("-----BEGIN {0}-----\nMIIB\n-----END {0}-----\n", "X".repeat(500_000)).into()), UNSUPPORTED),
    case("inspect: 1 MiB line of text without BEGIN", InspectText(None), Gen(|| vec![b'M'; MAX_INPUT_BYTES]), UNSUPPORTED),
    case("inspect: invalid UTF-8 inside a block", Inspect(None), Bytes(b"-----BEGIN CERTIFICATE-----\nMII\xffB\n-----END CERTIFICATE-----\n"), UNSUPPORTED),
    case("inspect: NUL inside base64", InspectText(None), Str("-----BEGIN CERTIFICATE-----\nMI\0IB\n-----END CERTIFICATE-----\n"), UNSUPPORTED),
    case("inspect: 10,000 distinct tiny blocks", InspectText(None), Gen(many_tiny_blocks), UNSUPPORTED),
    case("inspect: control, invalid UTF-8 between blocks is ignored", Inspect(None), Gen(|| [b"\xff\xfe\x00 junk\n".as_slice(), RSA_BUNDLE.as_bytes()].concat()), Findings(&["root_not_given"])),
    case("inspect: a bundle repeated up to 1 MiB", InspectText(None), Gen(|| repeat_to(RSA_BUNDLE.as_bytes(), MAX_INPUT_BYTES)), Findings(&["multiple_private_keys"])),
    case("inspect: a DER certificate whose CN holds \"-----BEGIN \"", Inspect(None), Bytes(CERT_PEM_MARKER), Findings(&["no_private_key", "self_signed"])),
    // Found by fuzz/fuzz_targets/inspect_pem.rs: the key names another curve
    // (1.2.840.10044.3.1.7) but carries the P-256 leaf's public point.
    case("inspect: a PKCS#8 key naming an unknown curve, with the leaf's public point", InspectText(None), Gen(key_on_unknown_curve), Findings(&["key_mismatch", "root_not_given"])),
    // --- inspect: certificates changed after signing (der/leaf.der, by make.py) ---------------
    case("inspect: control, der/leaf.der with its key", InspectText(None), Gen(|| with_leaf_key(LEAF_DER)), Findings(&["chain_incomplete"])),
    case("inspect: outer signature algorithm differs from the TBS's (sha384 vs sha256)", Inspect(None), Bytes(CERT_SIGALG_OUTER), UNSUPPORTED),
    case("inspect: outer signature algorithm without the TBS's NULL parameters", Inspect(None), Bytes(CERT_SIGALG_PARAMS), UNSUPPORTED),
    case("inspect: outer signature algorithm differs, with the leaf's key (no add payload)", InspectText(None), Gen(|| with_leaf_key(CERT_SIGALG_OUTER)), UNSUPPORTED),
    case("inspect: outer signature parameters differ, with the leaf's key (no add payload)", InspectText(None), Gen(|| with_leaf_key(CERT_SIGALG_PARAMS)), UNSUPPORTED),
    // --- inspect: certificates in BER, not DER (der/leaf.der framed otherwise, by make.py) ---
    case("inspect: BER certificate, outer length 83 00 ..", Inspect(None), Bytes(CERT_BER_OUTER), UNSUPPORTED),
    case("inspect: BER certificate, outer length 83 00 .., with the leaf's key", InspectText(None), Gen(|| with_leaf_key(CERT_BER_OUTER)), UNSUPPORTED),
    case("sha1: BER certificate, outer length 83 00 .. (its SHA-1 is not the device's)", Sha1, Bytes(CERT_BER_OUTER), Fails(NoCertificate)),
    case("inspect: BER certificate, serial length 81 02", Inspect(None), Bytes(CERT_BER_SERIAL), UNSUPPORTED),
    case("inspect: BER certificate, serial length 81 02, with the leaf's key", InspectText(None), Gen(|| with_leaf_key(CERT_BER_SERIAL)), UNSUPPORTED),
    case("inspect: BER certificate, indefinite length", Inspect(None), Bytes(CERT_BER_INDEFINITE), UNSUPPORTED),
    case("inspect: BER certificate, indefinite length, with the leaf's key", InspectText(None), Gen(|| with_leaf_key(CERT_BER_INDEFINITE)), UNSUPPORTED),
    case("inspect: BER certificate, TBS of indefinite length, with the leaf's key", InspectText(None), Gen(|| with_leaf_key(CERT_BER_TBS_INDEFINITE)), UNSUPPORTED),
    case("inspect: BER certificate, public key BIT STRING in pieces, with the leaf's key", InspectText(None), Gen(|| with_leaf_key(CERT_BER_BIT_STRING)), UNSUPPORTED),
    case("inspect: BER certificate, extension OCTET STRING in pieces, with the leaf's key", InspectText(None), Gen(|| with_leaf_key(CERT_BER_OCTET_STRING)), UNSUPPORTED),
    case("inspect: DER certificate nested 42 levels deep (the cap is 32)", Inspect(None), Bytes(CERT_NESTED_42), UNSUPPORTED),
    case("inspect: DER certificate nested 42 levels deep, with the leaf's key", InspectText(None), Gen(|| with_leaf_key(CERT_NESTED_42)), UNSUPPORTED),
    // --- inspect: key-derivation work --------------------------------------------------------
    case("inspect: PKCS#12 at 2,000,000 iterations", Inspect(PASS), Bytes(ITER_2M_P12), UNSUPPORTED),
    case("inspect: PKCS#12 at 2,000,000 iterations, no passphrase", Inspect(None), Bytes(ITER_2M_P12), UNSUPPORTED),
    case("inspect: PKCS#8 at 4,294,967,295 PBKDF2 iterations (DER)", Inspect(PASS), Bytes(PBKDF2_HUGE), UNSUPPORTED),
    case("inspect: PKCS#8 at 4,294,967,295 PBKDF2 iterations, no passphrase", Inspect(None), Bytes(PBKDF2_HUGE), UNSUPPORTED),
    case("inspect: PKCS#8 at 4,294,967,295 PBKDF2 iterations (PEM)", InspectText(PASS), Gen(|| pem("ENCRYPTED PRIVATE KEY", PBKDF2_HUGE)), UNSUPPORTED),
    case("inspect: PKCS#8 at 1,000,001 PBKDF2 iterations", Inspect(PASS), Bytes(PBKDF2_OVER_CAP), UNSUPPORTED),
    case("inspect: PKCS#8 with scrypt N = 2^30 (DER)", Inspect(PASS), Bytes(SCRYPT_2_30), UNSUPPORTED),
    case("inspect: PKCS#8 with scrypt N = 2^30 (PEM)", InspectText(PASS), Gen(|| pem("ENCRYPTED PRIVATE KEY", SCRYPT_2_30)), UNSUPPORTED),
    case("inspect: PKCS#8 with scrypt p = 17", Inspect(PASS), Bytes(SCRYPT_P17), UNSUPPORTED),
    case("inspect: PKCS#8 with PBES1 (MD5, DES)", Inspect(PASS), Bytes(PBES1), UNSUPPORTED),
    case("inspect: control, PKCS#8 at 1,000,000 PBKDF2 iterations", Inspect(PASS), Bytes(PBKDF2_AT_CAP), Findings(&["no_certificate"])),
    case("inspect: 40 PEM keys at 1,000,000 PBKDF2 iterations each", InspectText(PASS), Gen(|| repeat_n(&pem("ENCRYPTED PRIVATE KEY", PBKDF2_AT_CAP), 40)), Findings(&["multiple_private_keys"])), // refused before the second KDF
    case("inspect: PKCS#12 without MAC, 40 key bags at 1,000,000 iterations", Inspect(None), Bytes(P12_40_BAGS), Findings(&["multiple_private_keys"])), // refused at the second key, before its KDF
    case("inspect: PKCS#12 without MAC, scrypt 1 GiB and p = 4", Inspect(None), Bytes(P12_SCRYPT_1GIB), UNSUPPORTED),
    case("inspect: PKCS#12 without MAC, 5 parts each scrypt N = 2^16, r = 8, p = 16", Inspect(None), Bytes(P12_5_SCRYPT_PARTS), UNSUPPORTED), // N·r·p over the per-derivation cap
    // --- inspect: quadratic work -------------------------------------------------------------
    case("inspect: 200 certificates that all name each other as issuer", InspectText(None), Gen(|| same_name_certificates(200)), Findings(&["unsupported_format"])), // over MAX_CERTIFICATES
    // --- sha1 --------------------------------------------------------------------------------
    case("sha1: no bytes", Sha1, Bytes(&[]), Fails(NoCertificate)),
    case("sha1: NUL bytes", Sha1, Bytes(&[0; 64]), Fails(NoCertificate)),
    case("sha1: a key alone", Sha1, Bytes(LEAF_PKCS8_DER), Fails(NoCertificate)),
    case("sha1: truncated DER certificate", Sha1, Gen(|| LEAF_DER[..LEAF_DER.len() - 1].into()), Fails(NoCertificate)),
    case("sha1: oversized", Sha1, Gen(|| vec![0x30; MAX_INPUT_BYTES + 1]), Fails(NoCertificate)),
];

// --- running a case ----------------------------------------------------------

#[derive(Debug, PartialEq)]
enum Outcome {
    Error(&'static str),
    Findings(Vec<String>),
    Ok,
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("text entry points take UTF-8: fix the case")
}

fn from<T>(result: Result<T, webex_device_identity::Error>) -> Outcome {
    match result {
        Ok(_) => Outcome::Ok,
        Err(e) => {
            assert!(!e.message().is_empty(), "every error has a message");
            // The page prints messages as text: a command in backticks would show them.
            if e.message().contains('`') {
                return Outcome::Error("(a message with a backtick)");
            }
            Outcome::Error(e.code())
        }
    }
}

fn findings(report: &cert::Report) -> Outcome {
    let mut codes: Vec<String> = report.findings.iter().map(|f| f.code.code().to_owned()).collect();
    codes.sort();
    codes.dedup();
    // The page prints messages as text: a command in backticks would show them.
    for f in report.findings.iter().filter(|f| f.message.contains('`')) {
        codes.push(format!("(a backtick in the message of {})", f.code.code()));
    }
    // The README's promise: an add payload exactly when there is no error finding.
    if report.has_errors() == report.add_payload.is_some() {
        codes.push(format!("(has_errors {} but add_payload {:?})", report.has_errors(), report.add_payload.is_some()));
    }
    Outcome::Findings(codes)
}

fn options(passphrase: Option<&str>) -> InspectOptions<'_> {
    InspectOptions::new(passphrase, common::NOW)
}

fn quoted_letter_lines() -> Vec<u8> {
    let mut text = b"Fingerprint: \"".to_vec();
    text.extend(b"a\n".repeat((MAX_INPUT_BYTES - text.len()) / 2));
    text
}

fn blob_letter_lines() -> Vec<u8> {
    let mut text = b"ey".to_vec();
    text.extend(b"\na".repeat((MAX_INPUT_BYTES - text.len()) / 2));
    text
}

/// A manifest of `rows` rows named `prefix0`, `prefix1`, …
fn manifest_rows(prefix: &str, rows: usize) -> Vec<u8> {
    let mut text = String::from("device,secret\n");
    for i in 0..rows {
        text.push_str(&format!("{prefix}{i},s{i}\n"));
    }
    text.into_bytes()
}

/// The finding codes of every device and of the fleet, as a set; an error's code.
fn fleet_findings(manifest: &str) -> Outcome {
    use webex_device_identity::fleet::{plan_fleet, FleetInput};
    let input = FleetInput { manifest, files: &[], passphrase: None, now: common::NOW, expires_before: None };
    let plan = match plan_fleet(&input) {
        Ok(plan) => plan,
        Err(e) => return from::<()>(Err(e)),
    };
    let report = plan.report();
    let devices = report.devices.iter().flat_map(|d| &d.findings);
    let mut codes: Vec<String> = devices.chain(&report.findings).map(|f| f.code.code().to_owned()).collect();
    codes.sort();
    codes.dedup();
    Outcome::Findings(codes)
}

fn over_limit_text() -> Vec<u8> {
    vec![b'a'; MAX_INPUT_BYTES + 1]
}

fn run(case: &Case) -> Outcome {
    let input = case.input.bytes();
    let secret = || Secret::new(SECRET).unwrap();
    match case.entry {
        Open => from(open_jwe(text(&input), &secret())),
        OpenWithSecret => from(Secret::new(text(&input)).and_then(|s| open_jwe(&v0(), &s))),
        Command(action) => from(device_command(action, text(&input))),
        Build { action, salt, iv } => {
            let salt = salt.map(|d| d.bytes());
            let iv = iv.map(|d| d.bytes());
            let request =
                BuildRequest { salt: salt.as_deref(), iv: iv.as_deref(), ..common::request(action, text(&input)) };
            from(build_jwe(&secret(), &request))
        }
        NewSecret => from(Secret::new(text(&input))),
        Fingerprint => match normalize_fingerprint(text(&input)) {
            Ok(hex) => {
                assert!(hex.len() == 40 && hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
                Outcome::Ok
            }
            Err(e) => from::<()>(Err(e)),
        },
        Inspect(passphrase) => findings(&cert::inspect(Input::Bytes(&input), &options(passphrase))),
        InspectText(passphrase) => findings(&cert::inspect(Input::Text(text(&input)), &options(passphrase))),
        Sha1 => from(webex_device_identity::tasks::leaf_sha1(&cert::inspect(Input::Bytes(&input), &options(None)))),
        CheckBlobs => from(webex_device_identity::tasks::check_blobs(text(&input), Some(&secret()), 0)),
        Manifest => fleet_findings(text(&input)),
    }
}

fn expected(expect: Expect) -> Outcome {
    match expect {
        Expect::Error(kind) => Outcome::Error(kind.code()),
        Expect::Findings(codes) => {
            let mut codes: Vec<String> = codes.iter().map(|c| (*c).to_owned()).collect();
            codes.sort();
            Outcome::Findings(codes)
        }
        Expect::Ok => Outcome::Ok,
    }
}

/// Runs one case; returns what is wrong with it, if anything.
fn check(case: &Case) -> Option<String> {
    #[cfg(not(target_arch = "wasm32"))]
    let start = std::time::Instant::now();
    let outcome = run(case);
    let mut wrong = Vec::new();
    let expect = expected(case.expect);
    if outcome != expect {
        wrong.push(format!("gave {outcome:?}, expected {expect:?}"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let took = start.elapsed();
        println!("{:8.3} s  {}", took.as_secs_f64(), case.name);
        if took > BOUND {
            wrong.push(format!("took {:.1} s, over the bound of {} s", took.as_secs_f64(), BOUND.as_secs()));
        }
    }
    (!wrong.is_empty()).then(|| format!("{} [{}]: {}", case.name, case.entry.name(), wrong.join("; ")))
}

/// `HOSTILE_ONLY=text cargo test --test hostile -- --nocapture` runs only the
/// cases whose name holds `text` and prints how long each took natively;
/// `HOSTILE_SKIP=a|b` leaves out the cases whose name holds `a` or `b`. In a
/// browser, where there is no environment, both are read when compiling.
#[test]
fn every_hostile_input_gives_its_exact_code_in_bounded_time() {
    let var = |name: &str, compiled: Option<&str>| std::env::var(name).ok().or(compiled.map(str::to_owned));
    let only = var("HOSTILE_ONLY", option_env!("HOSTILE_ONLY")).unwrap_or_default();
    let skip = var("HOSTILE_SKIP", option_env!("HOSTILE_SKIP")).unwrap_or_default();
    let skipped = |case: &&Case| skip.split('|').any(|s| !s.is_empty() && case.name.contains(s));
    let failures: Vec<String> =
        CASES.iter().filter(|c| c.name.contains(&only)).filter(|c| !skipped(c)).filter_map(check).collect();
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn the_table_is_large_and_covers_every_entry_point() {
    let hostile = CASES.iter().filter(|c| !matches!(c.expect, Expect::Ok)).count();
    assert!(hostile >= 60, "only {hostile} hostile cases");
    for entry in ["open_jwe", "device_command", "build_jwe", "Secret::new", "normalize_fingerprint"] {
        assert!(CASES.iter().any(|c| c.entry.name() == entry), "no case for {entry}");
    }
    for entry in ["inspect (bytes)", "inspect (text)", "leaf_sha1", "open_jwe (secret)"] {
        assert!(CASES.iter().any(|c| c.entry.name() == entry), "no case for {entry}");
    }
    let mut names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), CASES.len(), "case names are unique");
}

// --- inputs made when a case runs ----------------------------------------------

/// Vector 0: an add blob, A128GCM, secret "ossifrage".
fn v0() -> String {
    common::vectors().swap_remove(0).jwe
}

fn activate_blob() -> String {
    common::vectors().into_iter().find(|v| v.action == "activate").unwrap().jwe
}

/// Vector 0 with its header replaced by `json` (any bytes).
fn with_header(json: &[u8]) -> String {
    let v = v0();
    format!("{}.{}", b64::encode(json), v.split_once('.').unwrap().1)
}

/// Vector 0 with part `index` replaced.
fn set_part(index: usize, value: &str) -> Vec<u8> {
    let v = v0();
    let mut parts: Vec<&str> = v.split('.').collect();
    parts[index] = value;
    parts.join(".").into_bytes()
}

/// Vector 0 surrounded by white space, `len` bytes in all.
fn padded(len: usize) -> Vec<u8> {
    let v = v0();
    let before = (len - v.len()) / 2;
    let mut out = " ".repeat(before).into_bytes();
    out.extend_from_slice(v.as_bytes());
    out.resize(len, b'\n');
    out
}

/// Vector 0 with its payload's first bytes replaced by `bytes` and a tag
/// forged with the vector's key (see payload_not_utf8 in tests/errors.rs).
fn forged_payload(bytes: &[u8]) -> Vec<u8> {
    let v = common::vectors().swap_remove(0);
    let secret = Secret::new(&v.secret).unwrap();
    let key = webex_device_identity::device::kdf::derive_key(&secret, &common::hex(&v.salt_hex), v.enc()).unwrap();
    let parts: Vec<&str> = v.jwe.split('.').collect();
    let mut ciphertext = b64::decode(parts[3]).unwrap();
    for (i, b) in bytes.iter().enumerate() {
        ciphertext[i] ^= v.payload.as_bytes()[i] ^ b;
    }
    let tag = common::gcm_tag(&key, &common::hex(&v.iv_hex), parts[0].as_bytes(), &ciphertext);
    format!("{}..{}.{}.{}", parts[0], parts[2], b64::encode(&ciphertext), b64::encode(&tag)).into_bytes()
}

/// A DER length.
fn der_length(len: usize) -> Vec<u8> {
    if len < 0x80 {
        return vec![len as u8];
    }
    let bytes: Vec<u8> = len.to_be_bytes().into_iter().skip_while(|b| *b == 0).collect();
    let mut out = vec![0x80 | bytes.len() as u8];
    out.extend(bytes);
    out
}

/// `depth` SEQUENCEs, each holding the next, with correct definite lengths.
fn nested_definite(depth: usize) -> Vec<u8> {
    // Built from the inside out, reversed at the end so each step appends.
    let mut reversed = vec![0x00, 0x30];
    for _ in 1..depth {
        let mut header = vec![0x30];
        header.extend(der_length(reversed.len()));
        reversed.extend(header.into_iter().rev());
    }
    reversed.reverse();
    reversed
}

/// `depth` indefinite-length SEQUENCE headers (`30 80`), closed by as many
/// end-of-contents markers when `closed`.
fn nested_indefinite(depth: usize, closed: bool) -> Vec<u8> {
    let mut out = [0x30, 0x80].repeat(depth);
    if closed {
        out.extend([0x00, 0x00].repeat(depth));
    }
    out
}

/// Standard base64 with padding, 64 characters a line, as PEM has it.
fn pem(label: &str, der: &[u8]) -> Vec<u8> {
    let b64 = b64::encode(der).replace('-', "+").replace('_', "/");
    let padded = format!("{b64}{}", "=".repeat((4 - b64.len() % 4) % 4));
    let lines: Vec<&str> = padded.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap()).collect();
    format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", lines.join("\n")).into_bytes()
}

/// The DER of the first block of a PEM text.
fn first_der(pem_text: &str) -> Vec<u8> {
    let body: String = pem_text.split("-----").nth(2).unwrap().split_whitespace().collect();
    b64::decode(&body.replace('+', "-").replace('/', "_").replace('=', "")).unwrap()
}

/// The leaf of rsa-chain/bundle.pem with the second half of its base64 gone
/// (the base64 itself stays valid).
fn truncated_pem_certificate() -> String {
    let der = first_der(RSA_BUNDLE);
    String::from_utf8(pem("CERTIFICATE", &der[..der.len() / 2])).unwrap()
}

/// rsa-chain/bundle.pem with the key's curve OID changed from P-256
/// (1.2.840.10045.3.1.7) to 1.2.840.10044.3.1.7, the certificates untouched.
fn key_on_unknown_curve() -> Vec<u8> {
    let start = RSA_BUNDLE.find("-----BEGIN PRIVATE KEY-----").unwrap();
    let end = RSA_BUNDLE.find("-----END PRIVATE KEY-----").unwrap();
    let key = &RSA_BUNDLE[start..end];
    assert_eq!(key.matches("CCqGSM49AwEH").count(), 1, "the P-256 OID, base64-aligned");
    format!("{}{}{}", &RSA_BUNDLE[..start], key.replace("CCqGSM49AwEH", "CCqGSM48AwEH"), &RSA_BUNDLE[end..])
        .into_bytes()
}

/// The certificate `der` as PEM, then der/leaf.der's key (so a clean report
/// would carry an add payload).
fn with_leaf_key(der: &[u8]) -> Vec<u8> {
    [pem("CERTIFICATE", der), pem("PRIVATE KEY", LEAF_PKCS8_DER)].concat()
}

fn repeat_n(bytes: &[u8], n: usize) -> Vec<u8> {
    bytes.repeat(n)
}

/// Whole copies of `bytes`, as many as fit in `limit`.
fn repeat_to(bytes: &[u8], limit: usize) -> Vec<u8> {
    bytes.repeat(limit / bytes.len())
}

fn many_tiny_blocks() -> Vec<u8> {
    (0..10_000u32).flat_map(|i| pem("CERTIFICATE", &i.to_be_bytes()[1..])).collect()
}

/// `n` different certificates (a self-signed P-256 leaf with the last bytes of
/// its signature changed), so each names all the others as its possible issuer
/// and none verifies: a chain walk that checks every candidate at every step
/// does n²/2 ECDSA verifications.
fn same_name_certificates(n: usize) -> Vec<u8> {
    let der = first_der(SELF_SIGNED);
    let len = der.len();
    (1..=n as u16)
        .flat_map(|i| {
            let mut der = der.clone();
            der[len - 2] ^= (i >> 8) as u8;
            der[len - 1] ^= i as u8;
            pem("CERTIFICATE", &der)
        })
        .collect()
}
