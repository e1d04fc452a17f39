//! User-agent classification over the corpus (`tests/corpus/user_agents.txt`), side by side
//! in the same run: PasskeyReady's `classify_user_agent`, the `woothee` crate and the general
//! parser (the `uaparser` crate with uap-core's `regexes.yaml`: the newest from the npm
//! registry when `cargo xtask bench` fetched it, and the copy the crate ships).
//!
//! `cargo bench -p passkey-ready-benchmarks --bench useragent`. One iteration classifies the
//! whole corpus; the report divides by its length. Parsers are built outside the timing.

// Benchmark code: a broken fixture should stop the run loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use passkey_ready_benchmarks::{corpus, uap_parser, uap_regexes};
use passkey_ready_core::useragent::classify_user_agent;
use uaparser::Parser as _;

fn classify_corpus(c: &mut Criterion) {
    let corpus = corpus();
    let mut group = c.benchmark_group("user_agent_corpus");
    group.throughput(Throughput::Elements(corpus.len() as u64));
    // The general parser takes tens of milliseconds per corpus: flat sampling (the same
    // iteration count in every sample) keeps it within the measurement time.
    group.sampling_mode(SamplingMode::Flat);

    group.bench_function("passkey_ready", |b| {
        b.iter(|| {
            for ua in &corpus {
                black_box(classify_user_agent(black_box(ua)).ok());
            }
        });
    });

    let woothee = woothee::parser::Parser::new();
    group.bench_function("woothee", |b| {
        b.iter(|| {
            for ua in &corpus {
                black_box(woothee.parse(black_box(ua)));
            }
        });
    });

    for regexes in uap_regexes() {
        for unicode in [true, false] {
            let parser = uap_parser(&regexes, unicode);
            let id = if unicode {
                format!("uaparser_{}", regexes.label)
            } else {
                format!("uaparser_{}_no_unicode", regexes.label)
            };
            group.bench_function(id, |b| {
                b.iter(|| {
                    for ua in &corpus {
                        black_box(parser.parse(black_box(ua)));
                    }
                });
            });
        }
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
    targets = classify_corpus
}
criterion_main!(benches);
