//! User-agent classification against each peer, in alternating rounds: one round classifies
//! the whole corpus with PasskeyReady and with the peer, back to back (the order swapped every
//! round), and keeps the ratio of the two times. The median ratio is immune to the machine's
//! load drifting between two criterion benchmarks that run a minute apart, which is what the
//! targets compare. Prints `<peer> <median ratio> <first quartile> <third quartile> <rounds>`.

// A measurement tool: a broken fixture stops it loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::time::Instant;

use passkey_ready_benchmarks::{corpus, uap_parser, uap_regexes};
use passkey_ready_core::useragent::classify_user_agent;
use uaparser::Parser as _;

fn time(corpus: &[String], parse: &dyn Fn(&str)) -> f64 {
    let started = Instant::now();
    for ua in corpus {
        parse(black_box(ua));
    }
    started.elapsed().as_secs_f64()
}

fn paired(name: &str, corpus: &[String], rounds: usize, peer: &dyn Fn(&str)) {
    let ours = |ua: &str| {
        black_box(classify_user_agent(ua).ok());
    };
    // Warm both up once.
    time(corpus, &ours);
    time(corpus, peer);
    let mut ratios: Vec<f64> = (0..rounds)
        .map(|round| {
            let (a, b) = if round % 2 == 0 {
                let a = time(corpus, &ours);
                (a, time(corpus, peer))
            } else {
                let b = time(corpus, peer);
                (time(corpus, &ours), b)
            };
            b / a
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    let at = |q: f64| ratios[((ratios.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name} {:.2} {:.2} {:.2} {rounds}",
        at(0.5),
        at(0.25),
        at(0.75)
    );
}

fn main() {
    let corpus = corpus();
    let woothee = woothee::parser::Parser::new();
    paired("woothee", &corpus, 301, &|ua| {
        black_box(woothee.parse(ua));
    });
    for regexes in uap_regexes() {
        let parser = uap_parser(&regexes, true);
        paired(&format!("uaparser_{}", regexes.label), &corpus, 21, &|ua| {
            black_box(parser.parse(ua));
        });
    }
}
