//! The core's work, as a bank's app triggers it: evaluate on each example snapshot, the
//! content's first use and cached look-ups, and diagnose on each of the seed's messages.
//!
//! `cargo bench -p passkey-ready-benchmarks --bench core`. Ids (the report reads them):
//! - `evaluate/<example>`: `readiness::evaluate` with the Japanese guide, service name filled
//!   in once beforehand (what the CLI and a Rust caller do).
//! - `sdk_evaluate/<example>`: `ffi::PasskeyReady::evaluate`, the Rust side of the call the
//!   Kotlin and Swift SDKs make (it localizes the guide on every call), without marshalling.
//! - `content/*`: `Bundle::embedded` (parse + validate, the first use), its two halves
//!   (`parse_guides`: both JSON documents deserialised as the core does, with serde_json
//!   alone; `validate`: `content::validate` on the parsed bundle), a bundle
//!   loaded as `loadBundle` does (`load_bundle`: `Bundle::from_json`), and cached look-ups.
//! - `diagnose/<message>`: `diagnose::diagnose` on the embedded bundle, no platform.

// Benchmark code: a broken fixture should stop the run loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use passkey_ready_benchmarks::{examples, read, repo_root, seed_messages};
use passkey_ready_core::content::{validate, Bundle, ContentStore, Guide, Locale};
use passkey_ready_core::diagnose::diagnose;
use passkey_ready_core::ffi::PasskeyReady;
use passkey_ready_core::readiness::evaluate;

fn evaluate_examples(c: &mut Criterion) {
    let bundle = Bundle::embedded().expect("embedded content");
    let guide = bundle.guide(Locale::Ja).with_service(None);
    let sdk = PasskeyReady::new(None).expect("embedded content");
    let examples = examples();

    let mut group = c.benchmark_group("evaluate");
    for example in &examples {
        group.bench_function(&example.name, |b| {
            b.iter(|| evaluate(black_box(&example.snapshot), black_box(&guide)).unwrap());
        });
    }
    group.finish();

    let mut group = c.benchmark_group("sdk_evaluate");
    for example in &examples {
        group.bench_function(&example.name, |b| {
            // The snapshot crosses the FFI by value: its copy is made outside the timing.
            b.iter_batched(
                || example.snapshot.clone(),
                |snapshot| sdk.evaluate(snapshot, Locale::Ja).unwrap(),
                BatchSize::SmallInput,
            );
        });
    }
    group.finish();
}

fn content(c: &mut Criterion) {
    let store = ContentStore::embedded().expect("embedded content");
    let bundle = store.current();
    let guide = bundle.guide(Locale::Ja);

    let mut group = c.benchmark_group("content");
    group.bench_function("bundle_embedded", |b| {
        b.iter(|| Bundle::embedded().unwrap());
    });
    let documents = ["ja", "en"].map(|l| read(&repo_root().join(format!("core/content/{l}.json"))));
    group.bench_function("parse_guides", |b| {
        b.iter(|| {
            documents
                .each_ref()
                .map(|json| serde_json::from_str::<Guide>(black_box(json)).unwrap())
        });
    });
    group.bench_function("validate", |b| {
        b.iter(|| validate(black_box(&bundle)));
    });
    // What `loadBundle` does with a bundle: size check, parse, validation.
    let exported = bundle.to_json();
    group.bench_function("load_bundle", |b| {
        b.iter(|| Bundle::from_json(black_box(&exported)).unwrap());
    });
    group.bench_function("store_current", |b| {
        b.iter(|| black_box(&store).current());
    });
    group.bench_function("guide_part", |b| {
        b.iter(|| {
            black_box(guide)
                .part(black_box("android.screen_lock"))
                .unwrap()
                .steps
                .len()
        });
    });
    group.bench_function("guide_check", |b| {
        b.iter(|| black_box(guide).check(black_box("screen_lock")).unwrap());
    });
    group.bench_function("with_service", |b| {
        b.iter(|| black_box(guide).with_service(black_box(Some("みらい銀行アプリ"))));
    });
    group.finish();
}

fn diagnose_messages(c: &mut Criterion) {
    let bundle = Bundle::embedded().expect("embedded content");
    let mut group = c.benchmark_group("diagnose");
    for message in seed_messages() {
        group.bench_function(&message.id, |b| {
            b.iter(|| diagnose(&bundle, black_box(&message.text), None).unwrap());
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
        .without_plots()
}

criterion_group! {
    name = benches;
    config = config();
    targets = evaluate_examples, content, diagnose_messages
}
criterion_main!(benches);
