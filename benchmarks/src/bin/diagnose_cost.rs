//! Diagnosis under callgrind, whose instruction counts the machine's load cannot skew.
//!
//! `diagnose-cost ROUNDS [ID]` diagnoses the first message of the seed once to prepare the
//! bundle's messages, then every message (or only the one with id `ID`) `ROUNDS` times. `cargo xtask bench` runs it under callgrind with
//! two round counts: the difference, divided by the extra calls, is one warm diagnosis; the
//! count with zero rounds less the program without any diagnosis (`diagnose-cost none`) is the
//! first one, which prepares the messages.

// A measurement tool: a broken fixture stops it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use passkey_ready_benchmarks::seed_messages;
use passkey_ready_core::content::Bundle;
use passkey_ready_core::diagnose::diagnose;

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "0".to_owned());
    let only = std::env::args().nth(2);
    let messages = seed_messages();
    let bundle = Bundle::embedded().expect("the embedded content is valid");
    if arg == "none" {
        black_box(&bundle);
        return;
    }
    let rounds: usize = arg.parse().expect("ROUNDS: a number or `none`");
    // The first call prepares the bundle's messages; printed so that the count is per message.
    let first = messages.first().expect("the seed has messages");
    black_box(diagnose(&bundle, black_box(&first.text), None).unwrap());
    for _ in 0..rounds {
        for message in messages
            .iter()
            .filter(|m| only.as_ref().is_none_or(|id| *id == m.id))
        {
            black_box(diagnose(&bundle, black_box(&message.text), None).unwrap());
        }
    }
    let measured = messages
        .iter()
        .filter(|m| only.as_ref().is_none_or(|id| *id == m.id))
        .count();
    println!("{measured}");
}
