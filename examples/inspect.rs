//! Prints the inspect report of a file as JSON, the shape `inspect()` returns
//! in JavaScript: `cargo run --example inspect -- FILE [PASSPHRASE] [UNIX_TIME]`.

use std::time::{SystemTime, UNIX_EPOCH};

use webex_device_identity::cert::{inspect, Input, InspectOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: inspect FILE [PASSPHRASE] [UNIX_TIME]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).expect("readable file");
    let passphrase = args.get(2).map(String::as_str).filter(|p| !p.is_empty());
    let now = args
        .get(3)
        .map(|t| t.parse().expect("Unix seconds"))
        .unwrap_or_else(|| SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_secs() as i64);
    let report = inspect(Input::Bytes(&bytes), &InspectOptions::new(passphrase, now));
    println!("{}", serde_json::to_string_pretty(&report).expect("serializable"));
}
