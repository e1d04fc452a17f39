//! One first use of the embedded content, in this fresh process; prints its time in
//! nanoseconds. `cargo xtask bench` runs it many times and takes the median.
//!
//! - `first-use bundle`: `Bundle::embedded()`, the parse and validation of the two embedded
//!   JSON documents: what the first look at the content costs (the CLI, `ContentStore`).
//! - `first-use sdk SNAPSHOT.json`: what a Kotlin or Swift app's first check costs on the
//!   Rust side: `PasskeyReady::new` (the store above) and one `evaluate` in Japanese.
//! - `first-use noop`: nothing; the baseline for peak RSS.

// A measurement tool: a broken fixture stops it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Instant;

use passkey_ready_core::content::{Bundle, Locale};
use passkey_ready_core::ffi::PasskeyReady;
use passkey_ready_core::readiness::DeviceSnapshot;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map(String::as_str).unwrap_or("bundle");
    let snapshot = args
        .get(1)
        .map(|path| {
            let json = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            DeviceSnapshot::from_json(&json).unwrap_or_else(|e| panic!("{path}: {e}"))
        })
        .unwrap_or_else(|| DeviceSnapshot::new(passkey_ready_core::Platform::Android));
    let started = Instant::now();
    match mode {
        "bundle" => {
            black_box(Bundle::embedded().expect("the embedded content is valid"));
        }
        "sdk" => {
            let sdk = PasskeyReady::new(None).expect("the embedded content is valid");
            black_box(
                sdk.evaluate(snapshot, Locale::Ja)
                    .expect("a valid snapshot"),
            );
        }
        "noop" => {}
        other => panic!("unknown mode {other:?}: expected bundle, sdk or noop"),
    }
    let elapsed = started.elapsed();
    println!("{}", elapsed.as_nanos());
}
