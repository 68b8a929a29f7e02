//! Times the native build of one blob (`populate`, A256GCM: one scrypt with
//! N = 32768, r = 8, p = 1 and one AES-GCM) and the key derivation alone, for
//! `scripts/bench`. Prints one JSON object with every run's milliseconds:
//! `cargo run --release --example bench_kdf -- [WARMUPS] [RUNS]`.

use std::time::Instant;

use webex_device_identity::device::kdf::derive_key;
use webex_device_identity::{device::Action, device::Enc, secret::Secret, tasks::build_jwe, tasks::BuildRequest};

fn millis(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let number = |i: usize, default: usize| args.get(i).map(|a| a.parse().expect("a whole number")).unwrap_or(default);
    let (warmups, runs) = (number(1, 3), number(2, 21));

    let secret = Secret::new("bench secret").expect("a valid secret");
    let request = BuildRequest {
        action: Action::Populate,
        enc: Enc::A256Gcm,
        payload: "the next secret",
        salt: None,
        iv: None,
        allow_findings: false,
        now: 1_780_000_000,
    };
    let salt = [7u8; 16];

    let mut build_ms = Vec::with_capacity(runs);
    let mut kdf_ms = Vec::with_capacity(runs);
    for i in 0..warmups + runs {
        let start = Instant::now();
        let jwe = build_jwe(&secret, &request).expect("the blob builds");
        let elapsed = millis(start);
        assert_eq!(jwe.split('.').count(), 5, "a compact JWE has five parts");
        if i >= warmups {
            build_ms.push(elapsed);
        }
    }
    for i in 0..warmups + runs {
        let start = Instant::now();
        let key = derive_key(&secret, &salt, Enc::A256Gcm).expect("the key derives");
        let elapsed = millis(start);
        assert_eq!(key.len(), 32);
        if i >= warmups {
            kdf_ms.push(elapsed);
        }
    }
    let list = |v: &[f64]| v.iter().map(|x| format!("{x:.3}")).collect::<Vec<_>>().join(",");
    println!("{{\"buildMs\":[{}],\"kdfMs\":[{}]}}", list(&build_ms), list(&kdf_ms));
}
