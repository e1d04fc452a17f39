//! Writes docs/PERFORMANCE.md from the measurements `cargo xtask bench` left under
//! `<target>/bench/` and `<target>/criterion/`. No figure in the document is typed by hand:
//! each comes from a file read here, and each verdict from comparing it with its target.
//!
//! Run by `cargo xtask bench` (which runs the measurements first); running it alone rewrites
//! the document from the last measurements.

// A report generator: a missing or malformed measurement should stop it loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod ffi;
mod format;
mod machine;
mod memory;
mod read;
mod rerun;
mod rust;
mod size;
mod targets;
mod web;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use passkey_ready_benchmarks::{
    bench_dir, corpus, examples, ours, repo_root, seed_messages, target_dir, ua_vectors,
    uap_parser, uap_regexes, uap_verdict, woothee_verdict, VectorCase, Verdict,
    UAP_IN_APP_FAMILIES, WOOTHEE_IN_APP_NAMES,
};
use passkey_ready_core::content::{Bundle, Locale};
use passkey_ready_core::diagnose::diagnose;
use passkey_ready_core::readiness::evaluate;
use serde_json::Value;
use std::path::PathBuf;

use format::*;
use read::*;

fn main() {
    let report = Report::load();
    let doc = report.render();
    let path = repo_root().join("docs/PERFORMANCE.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, doc).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    eprintln!("wrote {}", path.display());
}

// --- The report ------------------------------------------------------------------------------

struct Parser {
    id: String,
    label: String,
    verdicts: Vec<Verdict>,
}

struct Accuracy {
    platform: usize,
    browser: usize,
    in_app: usize,
    false_in_app: usize,
}

struct Report {
    criterion: BTreeMap<String, Estimate>,
    status: BTreeMap<String, Result<(), String>>,
    load: Vec<(String, String, String)>,
    first_use: BTreeMap<String, Vec<f64>>,
    /// Peer → (median, first quartile, third quartile, rounds) of its time / PasskeyReady's.
    paired: BTreeMap<String, (f64, f64, f64, u64)>,
    rss: BTreeMap<String, Vec<f64>>,
    kotlin: Option<Foreign>,
    kotlin_profile: Option<Profile>,
    /// Phase → nanoseconds, one per fresh JVM (ColdStart.kt).
    kotlin_cold: BTreeMap<String, Vec<f64>>,
    /// Callgrind totals of `diagnose-cost` (release, and the opt-level "z" candidate).
    diagnose_ir: BTreeMap<String, Vec<f64>>,
    opt_z: BTreeMap<String, Vec<f64>>,
    /// The web package's files: name, bytes, gzipped bytes.
    web_size: Vec<(String, u64, u64)>,
    swift: Option<Foreign>,
    corpus_len: usize,
    in_app_cases: Vec<VectorCase>,
    browser_cases: usize,
    parsers: Vec<Parser>,
    uap_origins: Vec<(String, String, String)>,
}

/// Figures several sections use, computed once.
struct Ctx<'a> {
    eval_worst: f64,
    eval_worst_name: String,
    sdk_worst: f64,
    sdk_worst_name: String,
    with_service: f64,
    cold: f64,
    cold_sdk: f64,
    warm_embedded: f64,
    ours_ua: f64,
    woothee_ua: f64,
    kotlin_worst: f64,
    kotlin_worst_name: String,
    swift_worst: f64,
    swift_worst_name: String,
    kotlin_call: f64,
    swift_call: f64,
    lib_unstripped: PathBuf,
    empty_unstripped: PathBuf,
    lib_stripped: PathBuf,
    empty_stripped: PathBuf,
    lib_size: Option<u64>,
    empty_size: Option<u64>,
    content_bytes: u64,
    accuracies: Vec<(&'a Parser, Accuracy)>,
    ours_acc: usize,
    general: Option<(&'a Parser, usize)>,
}

impl Report {
    fn load() -> Report {
        let status = std::fs::read_to_string(bench_dir().join("status.tsv"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| {
                let mut f = l.splitn(3, '\t');
                let key = f.next()?.to_owned();
                let result = match f.next()? {
                    "ok" => Ok(()),
                    _ => Err(f.next().unwrap_or("failed").to_owned()),
                };
                Some((key, result))
            })
            .collect();
        let load = std::fs::read_to_string(bench_dir().join("load.txt"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| {
                let mut f = l.splitn(3, ' ');
                Some((
                    f.next()?.to_owned(),
                    f.next()?.to_owned(),
                    f.next()?.to_owned(),
                ))
            })
            .collect();

        // Accuracy: every parser on every vector; the in-app cases are scored, the others
        // only checked for a false "in an app".
        let vectors = ua_vectors();
        let woothee = woothee::parser::Parser::new();
        let mut parsers = vec![
            Parser {
                id: "passkey_ready".into(),
                label: "PasskeyReady `classify_user_agent`".into(),
                verdicts: vectors.iter().map(|c| ours(&c.user_agent)).collect(),
            },
            Parser {
                id: "woothee".into(),
                label: format!("woothee {}", locked_version("woothee")),
                verdicts: vectors
                    .iter()
                    .map(|c| woothee_verdict(&woothee, &c.user_agent))
                    .collect(),
            },
        ];
        let mut uap_origins = Vec::new();
        for regexes in uap_regexes() {
            let parser = uap_parser(&regexes, true);
            let sha = command("sha256sum", &[&regexes.path.to_string_lossy()])
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned();
            uap_origins.push((regexes.label.clone(), regexes.origin.clone(), sha));
            parsers.push(Parser {
                id: format!("uaparser_{}", regexes.label),
                label: format!(
                    "uaparser {} + {}",
                    locked_version("uaparser"),
                    regexes.label
                ),
                verdicts: vectors
                    .iter()
                    .map(|c| uap_verdict(&parser, &c.user_agent))
                    .collect(),
            });
        }
        let (in_app_cases, browser_cases): (Vec<_>, Vec<_>) =
            vectors.into_iter().enumerate().partition(|(_, c)| c.in_app);
        let in_app_index: Vec<usize> = in_app_cases.iter().map(|(i, _)| *i).collect();
        for parser in &mut parsers {
            // Keep the in-app cases' verdicts first, in order, then the browsers'.
            let mut reordered: Vec<Verdict> = in_app_index
                .iter()
                .map(|&i| parser.verdicts[i].clone())
                .collect();
            reordered.extend(
                browser_cases
                    .iter()
                    .map(|(i, _)| parser.verdicts[*i].clone()),
            );
            parser.verdicts = reordered;
        }

        Report {
            criterion: criterion_results(),
            status,
            load,
            first_use: samples("first_use.txt"),
            paired: paired_ratios(),
            rss: samples("rss.txt"),
            kotlin: foreign("kotlin.txt"),
            kotlin_profile: kotlin_profile(),
            kotlin_cold: samples("kotlin_cold.txt"),
            diagnose_ir: samples("diagnose_ir.txt"),
            opt_z: samples("opt_z.txt"),
            web_size: web_sizes(),
            swift: foreign("swift.txt"),
            corpus_len: corpus().len(),
            browser_cases: browser_cases.len(),
            in_app_cases: in_app_cases.into_iter().map(|(_, c)| c).collect(),
            parsers,
            uap_origins,
        }
    }

    fn bench(&self, id: &str) -> Option<Estimate> {
        self.criterion.get(id).copied()
    }

    fn median_of(&self, id: &str) -> f64 {
        self.bench(id).map_or(f64::NAN, |e| e.median)
    }

    /// Why a step did not measure, for the document.
    fn why_not(&self, keys: &[&str]) -> String {
        let reasons: Vec<String> = keys
            .iter()
            .filter_map(|k| match self.status.get(*k) {
                Some(Err(e)) => Some(format!("step `{k}` failed: {e}")),
                None => Some(format!("step `{k}` did not run")),
                Some(Ok(())) => None,
            })
            .collect();
        if reasons.is_empty() {
            "no results were found".to_owned()
        } else {
            reasons.join("; ")
        }
    }

    fn accuracy(&self, parser: &Parser) -> Accuracy {
        let n = self.in_app_cases.len();
        let (in_app, browsers) = parser.verdicts.split_at(n.min(parser.verdicts.len()));
        Accuracy {
            platform: in_app
                .iter()
                .zip(&self.in_app_cases)
                .filter(|(v, c)| v.platform == c.platform)
                .count(),
            browser: in_app
                .iter()
                .zip(&self.in_app_cases)
                .filter(|(v, c)| v.browser == c.browser)
                .count(),
            in_app: in_app.iter().filter(|v| v.in_app == Some(true)).count(),
            false_in_app: browsers.iter().filter(|v| v.in_app == Some(true)).count(),
        }
    }

    /// Per-user-agent median of a parser over the corpus.
    fn per_ua(&self, parser_id: &str) -> f64 {
        self.median_of(&format!("user_agent_corpus/{parser_id}")) / self.corpus_len as f64
    }

    fn kotlin_of(&self, id: &str) -> f64 {
        self.kotlin
            .as_ref()
            .and_then(|k| k.results.get(id))
            .map_or(f64::NAN, |r| r.0)
    }

    fn swift_of(&self, id: &str) -> f64 {
        self.swift
            .as_ref()
            .and_then(|k| k.results.get(id))
            .map_or(f64::NAN, |r| r.0)
    }

    fn ctx(&self) -> Ctx<'_> {
        let examples = examples();
        let worst = |prefix: &str, results: &dyn Fn(&str) -> f64| -> (f64, String) {
            examples
                .iter()
                .map(|e| (results(&format!("{prefix}{}", e.name)), e.name.clone()))
                .filter(|(v, _)| !v.is_nan())
                .fold((f64::NAN, String::new()), |acc, x| {
                    if acc.0.is_nan() || x.0 > acc.0 {
                        x
                    } else {
                        acc
                    }
                })
        };
        let crit = |id: &str| self.median_of(id);
        let kotlin_of = |id: &str| {
            self.kotlin
                .as_ref()
                .and_then(|k| k.results.get(id))
                .map_or(f64::NAN, |r| r.0)
        };
        let swift_of = |id: &str| {
            self.swift
                .as_ref()
                .and_then(|k| k.results.get(id))
                .map_or(f64::NAN, |r| r.0)
        };

        // ---- Figures the targets need.
        let (eval_worst, eval_worst_name) = worst("evaluate/", &crit);
        let (sdk_worst, sdk_worst_name) = worst("sdk_evaluate/", &crit);
        let with_service = crit("content/with_service");
        let cold = self.first_use.get("bundle").map_or(f64::NAN, |v| median(v));
        let cold_sdk = self.first_use.get("sdk").map_or(f64::NAN, |v| median(v));
        let warm_embedded = crit("content/bundle_embedded");
        let ours_ua = self.per_ua("passkey_ready");
        let woothee_ua = self.per_ua("woothee");
        let (kotlin_worst, kotlin_worst_name) = worst("kotlin_evaluate/", &kotlin_of);
        let (swift_worst, swift_worst_name) = worst("swift_evaluate/", &swift_of);
        let kotlin_call = kotlin_of("kotlin_call/check_id_string");
        let swift_call = swift_of("swift_call/check_id_string");
        let size_dir = bench_dir().join("size");
        let lib_name = format!(
            "{}passkey_ready_ffi{}",
            std::env::consts::DLL_PREFIX,
            std::env::consts::DLL_SUFFIX
        );
        let empty_name = format!(
            "{}empty_uniffi{}",
            std::env::consts::DLL_PREFIX,
            std::env::consts::DLL_SUFFIX
        );
        let lib_unstripped = target_dir().join("release").join(&lib_name);
        let empty_unstripped = bench_dir().join("empty-uniffi/release").join(&empty_name);
        let lib_stripped = size_dir.join(&lib_name);
        let empty_stripped = size_dir.join(&empty_name);
        let lib_size = file_size(&lib_stripped);
        let empty_size = file_size(&empty_stripped);
        let ja = repo_root().join("core/content/ja.json");
        let en = repo_root().join("core/content/en.json");
        let content_bytes = file_size(&ja).unwrap_or(0) + file_size(&en).unwrap_or(0);
        let accuracies: Vec<(&Parser, Accuracy)> =
            self.parsers.iter().map(|p| (p, self.accuracy(p))).collect();
        let ours_acc = accuracies.first().map(|(_, a)| a.in_app).unwrap_or(0);
        let general = accuracies
            .iter()
            .find(|(p, _)| p.id.starts_with("uaparser_"))
            .map(|(p, a)| (p, a.in_app));
        Ctx {
            eval_worst,
            eval_worst_name,
            sdk_worst,
            sdk_worst_name,
            with_service,
            cold,
            cold_sdk,
            warm_embedded,
            ours_ua,
            woothee_ua,
            kotlin_worst,
            kotlin_worst_name,
            swift_worst,
            swift_worst_name,
            kotlin_call,
            swift_call,
            lib_unstripped,
            empty_unstripped,
            lib_stripped,
            empty_stripped,
            lib_size,
            empty_size,
            content_bytes,
            ours_acc,
            general: general.map(|(p, a)| (*p, a)),
            accuracies,
        }
    }

    /// The document: each section writes its own part; the targets table gathers a row from
    /// each section that has a target.
    fn render(&self) -> String {
        let ctx = self.ctx();
        let mut d = String::new();
        self.machine(&mut d);
        d.push_str("## Targets\n\n| target | measured | verdict | why |\n|---|---|---|---|\n");
        self.rust_targets(&ctx, &mut d);
        self.ffi_targets(&ctx, &mut d);
        self.size_target(&ctx, &mut d);
        self.web_targets(&mut d);
        self.what_would_move(&ctx, &mut d);
        self.rust_section(&ctx, &mut d);
        self.ffi_section(&ctx, &mut d);
        self.size_section(&ctx, &mut d);
        self.web_section(&mut d);
        self.memory_section(&mut d);
        self.rerun_section(&mut d);
        d
    }
}

/// The mean of a figure over the examples that have it.
fn mean_of(examples: &[passkey_ready_benchmarks::Example], figure: impl Fn(&str) -> f64) -> f64 {
    let values: Vec<f64> = examples
        .iter()
        .map(|e| figure(&e.name))
        .filter(|v| !v.is_nan())
        .collect();
    if values.is_empty() {
        f64::NAN
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}
