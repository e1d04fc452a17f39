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

// The targets of issue 7.
const EVALUATE_TARGET_NS: f64 = 5_000.0;
const FIRST_USE_TARGET_NS: f64 = 1_000_000.0;
const GENERAL_PARSER_FACTOR: f64 = 10.0;
const KOTLIN_TARGET_NS: f64 = 50_000.0;
const SWIFT_TARGET_NS: f64 = 20_000.0;
const SIZE_FACTOR: f64 = 2.0;

fn main() {
    let report = Report::load();
    let doc = report.render();
    let path = repo_root().join("docs/PERFORMANCE.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, doc).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    eprintln!("wrote {}", path.display());
}

// --- Reading the measurements ----------------------------------------------------------------

/// A criterion estimate, in nanoseconds per iteration.
#[derive(Clone, Copy)]
struct Estimate {
    median: f64,
    lower: f64,
    upper: f64,
}

/// Every criterion result under `<target>/criterion`, by full id (`group/function`).
fn criterion_results() -> BTreeMap<String, Estimate> {
    let mut results = BTreeMap::new();
    let root = target_dir().join("criterion");
    let Ok(groups) = std::fs::read_dir(&root) else {
        return results;
    };
    for group in groups.filter_map(Result::ok) {
        let Ok(benches) = std::fs::read_dir(group.path()) else {
            continue;
        };
        for bench in benches.filter_map(Result::ok) {
            let new = bench.path().join("new");
            let (Ok(meta), Ok(estimates)) = (
                std::fs::read_to_string(new.join("benchmark.json")),
                std::fs::read_to_string(new.join("estimates.json")),
            ) else {
                continue;
            };
            let meta: Value = serde_json::from_str(&meta).unwrap();
            let estimates: Value = serde_json::from_str(&estimates).unwrap();
            let median = &estimates["median"];
            let id = meta["full_id"].as_str().unwrap_or_default().to_owned();
            results.insert(
                id,
                Estimate {
                    median: median["point_estimate"].as_f64().unwrap_or(f64::NAN),
                    lower: median["confidence_interval"]["lower_bound"]
                        .as_f64()
                        .unwrap_or(f64::NAN),
                    upper: median["confidence_interval"]["upper_bound"]
                        .as_f64()
                        .unwrap_or(f64::NAN),
                },
            );
        }
    }
    results
}

/// `RESULT <id> <median> <min> <max> <calls>` lines of the Kotlin and Swift programs, and
/// their `#` comment lines.
struct Foreign {
    results: BTreeMap<String, (f64, f64, f64, u64)>,
    notes: Vec<String>,
}

fn foreign(file: &str) -> Option<Foreign> {
    let text = std::fs::read_to_string(bench_dir().join(file)).ok()?;
    let mut results = BTreeMap::new();
    let mut notes = Vec::new();
    for line in text.lines() {
        if let Some(note) = line.strip_prefix("# ") {
            notes.push(note.to_owned());
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() == 6 && fields[0] == "RESULT" {
            let num = |s: &str| s.parse::<f64>().unwrap_or(f64::NAN);
            results.insert(
                fields[1].to_owned(),
                (
                    num(fields[2]),
                    num(fields[3]),
                    num(fields[4]),
                    fields[5].parse().unwrap_or(0),
                ),
            );
        }
    }
    (!results.is_empty()).then_some(Foreign { results, notes })
}

/// Java Flight Recorder's execution samples of the Kotlin benchmark (`jfr print`), each
/// sample put in the first category that one of its frames matches. Only Java code is
/// sampled: time inside the Rust library does not appear.
struct Profile {
    samples: usize,
    shares: Vec<(&'static str, usize)>,
}

const PROFILE_CATEGORIES: [(&str, &[&str]); 3] = [
    (
        "JNA's native-memory bookkeeping (every `Memory` is registered in a global map and \
         freed by JNA's cleaner thread)",
        &[
            "com.sun.jna.Memory.<init>",
            "com.sun.jna.Memory$MemoryDisposer",
            "com.sun.jna.internal.Cleaner",
        ],
    ),
    (
        "the rest of JNA (`Structure` reads and writes, the call itself)",
        &["com.sun.jna."],
    ),
    (
        "the generated converters (lowering the snapshot, lifting the report)",
        &["com.passkeyready.ffi."],
    ),
];

fn kotlin_profile() -> Option<Profile> {
    let text = std::fs::read_to_string(bench_dir().join("kotlin-profile.txt")).ok()?;
    let mut samples = 0;
    let mut counts = [0usize; PROFILE_CATEGORIES.len()];
    for sample in text.split("jdk.ExecutionSample").skip(1) {
        let frames: Vec<&str> = sample
            .lines()
            .map(str::trim)
            .filter(|l| l.contains('(') && !l.contains('='))
            .collect();
        if frames.is_empty() {
            continue;
        }
        samples += 1;
        if let Some(i) = PROFILE_CATEGORIES.iter().position(|(_, prefixes)| {
            frames
                .iter()
                .any(|f| prefixes.iter().any(|p| f.starts_with(p)))
        }) {
            counts[i] += 1;
        }
    }
    (samples > 0).then(|| Profile {
        samples,
        shares: PROFILE_CATEGORIES
            .iter()
            .zip(counts)
            .map(|((label, _), n)| (*label, n))
            .collect(),
    })
}

/// `ua-paired`'s lines: `<peer> <median> <q1> <q3> <rounds>`.
fn paired_ratios() -> BTreeMap<String, (f64, f64, f64, u64)> {
    let text = std::fs::read_to_string(bench_dir().join("ua_paired.txt")).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            if f.len() != 5 {
                return None;
            }
            let n = |s: &str| s.parse::<f64>().ok();
            Some((
                f[0].to_owned(),
                (n(f[1])?, n(f[2])?, n(f[3])?, f[4].parse().ok()?),
            ))
        })
        .collect()
}

/// `<label> <number>` lines, grouped by label.
fn samples(file: &str) -> BTreeMap<String, Vec<f64>> {
    let mut map: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let Ok(text) = std::fs::read_to_string(bench_dir().join(file)) else {
        return map;
    };
    for line in text.lines() {
        if let Some((label, value)) = line.split_once(' ') {
            if let Ok(v) = value.trim().parse::<f64>() {
                map.entry(label.to_owned()).or_default().push(v);
            }
        }
    }
    map
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn min(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

fn command(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

/// Sections of an ELF file (`size -A`), by name, in bytes.
fn sections(path: &Path) -> BTreeMap<String, u64> {
    command("size", &["-A", &path.to_string_lossy()])
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let name = f.next()?;
            let size = f.next()?.parse().ok()?;
            name.starts_with('.').then(|| (name.to_owned(), size))
        })
        .collect()
}

fn file_size(path: &Path) -> Option<u64> {
    std::fs::metadata(path).ok().map(|m| m.len())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

// --- Formatting ------------------------------------------------------------------------------

fn t(ns: f64) -> String {
    if ns.is_nan() {
        "–".to_owned()
    } else if ns < 1_000.0 {
        format!("{ns:.0} ns")
    } else if ns < 1_000_000.0 {
        format!("{:.2} µs", ns / 1_000.0)
    } else {
        format!("{:.2} ms", ns / 1_000_000.0)
    }
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn ratio(x: f64) -> String {
    if x.is_nan() || x.is_infinite() {
        "–".to_owned()
    } else if x >= 10.0 {
        format!("{x:.0}×")
    } else {
        format!("{x:.1}×")
    }
}

fn verdict(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "**met**",
        Some(false) => "**not met**",
        None => "**not measured**",
    }
}

fn code(text: &str) -> String {
    format!("`{}`", text.replace('`', "'"))
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
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
    swift: Option<Foreign>,
    corpus_len: usize,
    in_app_cases: Vec<VectorCase>,
    browser_cases: usize,
    parsers: Vec<Parser>,
    uap_origins: Vec<(String, String, String)>,
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

    fn render(&self) -> String {
        let mut d = String::new();
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

        // ---- Header.
        d.push_str("# Performance\n\n");
        d.push_str(
            "Generated by `cargo xtask bench` from the figures it measured; do not edit by \
             hand, rerun it (see [How to rerun](#how-to-rerun)). Every time is a median. One \
             run on one machine: treat differences of a few percent as noise.\n\n",
        );

        // ---- Machine.
        d.push_str("## Machine\n\n| | |\n|---|---|\n");
        let lscpu = command("lscpu", &[]);
        let model = lscpu
            .lines()
            .find_map(|l| l.strip_prefix("Model name:"))
            .map(str::trim)
            .unwrap_or("unknown");
        let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
        d.push_str(&format!("| CPU | {} |\n", cell(model)));
        d.push_str(&format!("| cores | {cores} |\n"));
        d.push_str(&format!("| system | {} |\n", command("uname", &["-srm"])));
        d.push_str(&format!(
            "| Rust | {} |\n",
            command("rustc", &["--version"])
        ));
        if let Some(k) = &self.kotlin {
            for note in &k.notes {
                d.push_str(&format!("| JVM | {} |\n", cell(note)));
            }
        }
        if let Some(s) = &self.swift {
            for note in &s.notes {
                d.push_str(&format!("| Swift | {} |\n", cell(note)));
            }
        }
        // Written by xtask when the run started.
        let source = std::fs::read_to_string(bench_dir().join("source.txt")).unwrap_or_default();
        let field = |key: &str| -> Vec<String> {
            source
                .lines()
                .filter_map(|l| l.strip_prefix(key))
                .map(|v| v.trim().to_owned())
                .collect()
        };
        d.push_str(&format!(
            "| measured | run started {} |\n",
            field("started ").first().map_or("–", String::as_str)
        ));
        let changed: Vec<String> = field("changed ").iter().map(|p| code(p)).collect();
        d.push_str(&format!(
            "| source | commit {}{} |\n",
            field("commit ").first().map_or("–", String::as_str),
            if changed.is_empty() {
                String::new()
            } else {
                format!(
                    ", with uncommitted changes (work in progress of others) in {}",
                    changed.join(", ")
                )
            }
        ));
        let loads: Vec<f64> = self
            .load
            .iter()
            .filter_map(|(_, _, l)| l.split_whitespace().next()?.parse().ok())
            .collect();
        if !loads.is_empty() {
            d.push_str(&format!(
                "| load average (1 min) during the run | {:.1} to {:.1}, on {cores} cores{} |\n",
                min(&loads),
                max(&loads),
                if max(&loads) > cores as f64 {
                    ": other work shared the machine, so absolute times are pessimistic \
                     (ratios measured in the same run less so)"
                } else {
                    ""
                }
            ));
        }
        d.push_str(
            "\nRust is measured with the workspace's release profile (`cargo bench` inherits it: \
             `lto = true`, `opt-level = \"s\"`, `codegen-units = 1`), that is, as the library \
             ships.\n\n",
        );

        // ---- Targets.
        d.push_str("## Targets\n\n| target | measured | verdict | why |\n|---|---|---|---|\n");
        // evaluate
        {
            let met = (!eval_worst.is_nan()).then_some(eval_worst <= EVALUATE_TARGET_NS);
            let sdk_extra = mean_of(&examples, |n| crit(&format!("sdk_evaluate/{n}")))
                - mean_of(&examples, |n| crit(&format!("evaluate/{n}")));
            let entry = if sdk_extra > with_service * 0.5 {
                format!(
                    "it adds {} on average, about what localizing the guide costs \
                     (`Guide::with_service`, {}): the entry point fills the service name into the \
                     whole guide on every call",
                    t(sdk_extra),
                    t(with_service)
                )
            } else {
                format!(
                    "it adds {} on average (the instance's content and localized guide are \
                     looked up, not rebuilt: filling the service name into a guide, \
                     `Guide::with_service`, would cost {})",
                    t(sdk_extra),
                    t(with_service)
                )
            };
            d.push_str(&format!(
                "| evaluate ≤ {} in Rust | slowest example `{}`: {} ({} of the target) | {} | \
                 `readiness::evaluate` with the Japanese guide, every example at most {}. \
                 Through the SDK's entry point (`ffi::PasskeyReady::evaluate`, still in Rust, \
                 no marshalling) the slowest is {} (`{}`); {entry}. |\n",
                t(EVALUATE_TARGET_NS),
                eval_worst_name,
                t(eval_worst),
                ratio(eval_worst / EVALUATE_TARGET_NS),
                verdict(met),
                t(eval_worst),
                t(sdk_worst),
                sdk_worst_name,
            ));
        }
        // first use
        {
            let met = (!cold.is_nan()).then_some(cold <= FIRST_USE_TARGET_NS);
            let why = if cold.is_nan() {
                self.why_not(&["first_use"])
            } else {
                let parse = crit("content/parse_guides");
                let validate = crit("content/validate");
                let what = if cold >= parse + validate * 0.5 {
                    format!(
                        "It includes validating the bundle: parsing both documents takes {} \
                         (warm), `content::validate` {}.",
                        t(parse),
                        t(validate)
                    )
                } else {
                    format!(
                        "That is the parse: both documents deserialized take {} in a warm \
                         process, and the embedded content is not validated at run time \
                         (validating it, as a bundle loaded with `loadBundle` is, would add {}).",
                        t(parse),
                        t(validate)
                    )
                };
                format!(
                    "Median of {} fresh processes timing their first `Bundle::embedded()`: {}, \
                     range {} to {}. {what} The rest of a fresh process's figure is the cold \
                     start (caches, the first touch of the library's pages, the allocator's \
                     first growth). An app's whole first check (`PasskeyReady::new` then one \
                     `evaluate`) takes {} in a fresh process. Later calls of \
                     `Bundle::embedded()` take {}; look-ups in the loaded content: \
                     `ContentStore::current()` {}, `guide.part(id)` {}.",
                    self.first_use.get("bundle").map_or(0, Vec::len),
                    t(cold),
                    t(self.first_use.get("bundle").map_or(f64::NAN, |v| min(v))),
                    t(self.first_use.get("bundle").map_or(f64::NAN, |v| max(v))),
                    t(cold_sdk),
                    t(warm_embedded),
                    t(crit("content/store_current")),
                    t(crit("content/guide_part")),
                )
            };
            d.push_str(&format!(
                "| first content use ≤ {} | {} (fresh process) | {} | {} |\n",
                t(FIRST_USE_TARGET_NS),
                t(cold),
                verdict(met),
                why
            ));
        }
        // woothee
        {
            let speedup = woothee_ua / ours_ua;
            let paired = self.paired.get("woothee");
            let decisive = paired.map_or(speedup, |p| p.0);
            let met = (!decisive.is_nan()).then_some(decisive > 1.0);
            d.push_str(&format!(
                "| user-agent classification faster than woothee | {} faster in paired rounds{}; \
                 criterion medians {} vs {} per user agent ({}) | {} | Same {} user agents \
                 (`tests/corpus/user_agents.txt`), same run. The verdict uses the paired \
                 rounds (see [User-agent classification](#user-agent-classification-side-by-side)), \
                 which the machine's changing load cannot skew. PasskeyReady looks for a few fixed \
                 tokens with substring search; woothee runs its dataset's regular expressions. |\n",
                ratio(decisive),
                paired.map_or(String::new(), |p| format!(
                    " (middle half of {} rounds: {} to {})",
                    p.3,
                    ratio(p.1),
                    ratio(p.2)
                )),
                t(ours_ua),
                t(woothee_ua),
                ratio(speedup),
                verdict(met),
                self.corpus_len,
            ));
        }
        // general parser
        {
            let (met, measured, why) = match general {
                Some((p, acc)) => {
                    let theirs = self.per_ua(&p.id);
                    let speedup = self.paired.get(&p.id).map_or(theirs / ours_ua, |r| r.0);
                    let fast = speedup >= GENERAL_PARSER_FACTOR;
                    let accurate = ours_acc >= acc;
                    let variants: Vec<String> = self
                        .criterion
                        .keys()
                        .filter_map(|k| k.strip_prefix("user_agent_corpus/uaparser_"))
                        .map(|v| {
                            format!(
                                "{v}: {}",
                                ratio(self.per_ua(&format!("uaparser_{v}")) / ours_ua)
                            )
                        })
                        .collect();
                    (
                        (!speedup.is_nan()).then_some(fast && accurate),
                        format!(
                            "{} faster in paired rounds (criterion medians {} vs {} per user \
                             agent); in-app cases right: {} vs {} of {}",
                            ratio(speedup),
                            t(ours_ua),
                            t(theirs),
                            ours_acc,
                            acc,
                            self.in_app_cases.len()
                        ),
                        format!(
                            "{} with uap-core's default settings (device, OS and browser \
                             regexes, Unicode on). Every variant measured, as speed-up from the \
                             criterion medians: {}. \
                             Accuracy: see [In-app accuracy](#in-app-accuracy){}.",
                            p.label,
                            variants.join(", "),
                            if accurate {
                                ""
                            } else {
                                "; PasskeyReady is less accurate here"
                            }
                        ),
                    )
                }
                None => (
                    None,
                    "–".to_owned(),
                    "uap-core's regexes.yaml was found nowhere (neither fetched from npm nor \
                     in the uaparser crate)"
                        .to_owned(),
                ),
            };
            d.push_str(&format!(
                "| ≥ {}× faster than the general parser, at equal or better in-app accuracy | \
                 {measured} | {} | {why} |\n",
                GENERAL_PARSER_FACTOR,
                verdict(met)
            ));
        }
        // Kotlin and Swift
        let single_of = |lang: &str, name: &str| match lang {
            "kotlin" => kotlin_of(&format!("kotlin_single/{name}")),
            _ => swift_of(&format!("swift_single/{name}")),
        };
        let kotlin_extra = self.kotlin_profile.as_ref().map_or(String::new(), |p| {
            let shares: Vec<String> = p
                .shares
                .iter()
                .map(|(label, n)| {
                    format!("{:.0} % in {label}", *n as f64 * 100.0 / p.samples as f64)
                })
                .collect();
            format!(
                " Java Flight Recorder on back-to-back evaluates ({} samples of Java code; the \
                 Rust library is not sampled): {}.",
                p.samples,
                shares.join(", ")
            )
        });
        let typical = |prefix: &str, of: &dyn Fn(&str) -> f64| {
            let v: Vec<f64> = examples
                .iter()
                .map(|e| of(&format!("{prefix}{}", e.name)))
                .filter(|x| !x.is_nan())
                .collect();
            median(&v)
        };
        d.push_str(&self.foreign_target(
            "Kotlin/JNA",
            KOTLIN_TARGET_NS,
            typical("kotlin_evaluate/", &kotlin_of),
            (kotlin_worst, &kotlin_worst_name),
            single_of("kotlin", &kotlin_worst_name),
            kotlin_call,
            crit(&format!("sdk_evaluate/{kotlin_worst_name}")),
            with_service,
            &kotlin_extra,
            &["bindings", "kotlin"],
        ));
        d.push_str(&self.foreign_target(
            "Swift",
            SWIFT_TARGET_NS,
            typical("swift_evaluate/", &swift_of),
            (swift_worst, &swift_worst_name),
            single_of("swift", &swift_worst_name),
            swift_call,
            crit(&format!("sdk_evaluate/{swift_worst_name}")),
            with_service,
            "",
            &["bindings", "swift"],
        ));
        // size
        {
            let (met, measured, why) = match (lib_size, empty_size) {
                (Some(lib), Some(empty)) => {
                    let r = lib as f64 / empty as f64;
                    let without = lib.saturating_sub(content_bytes);
                    let a = sections(&lib_stripped);
                    let b = sections(&empty_stripped);
                    let grew = |name: &str| {
                        a.get(name).copied().unwrap_or(0) as f64
                            - b.get(name).copied().unwrap_or(0) as f64
                    };
                    let unwind =
                        grew(".eh_frame") + grew(".eh_frame_hdr") + grew(".gcc_except_table");
                    let top: Vec<String> = crate_growth(&lib_unstripped, &empty_unstripped)
                        .into_iter()
                        .take(5)
                        .map(|(c, d)| format!("{c} {:+.0} KiB", d / 1024.0))
                        .collect();
                    (
                        Some(r <= SIZE_FACTOR),
                        format!("{} vs {}: {}", kib(lib), kib(empty), ratio(r)),
                        format!(
                            "Both stripped (`strip --strip-all`), same profile. The library is \
                             {:+.0} KiB larger: code {:+.0} KiB (`.text`), unwinding tables \
                             {:+.0} KiB (`panic = \"unwind\"`, which UniFFI needs to turn a \
                             panic into an exception), read-only data {:+.0} KiB, of which the \
                             embedded content (ja.json + en.json) is {}. Without the content it \
                             would still be {} the empty one: the growth is code. By crate \
                             (symbol bytes, generic code counted where it was instantiated): {}. \
                             It exports {} UniFFI items. See [Size](#size).",
                            (lib as f64 - empty as f64) / 1024.0,
                            grew(".text") / 1024.0,
                            unwind / 1024.0,
                            grew(".rodata") / 1024.0,
                            kib(content_bytes),
                            ratio(without as f64 / empty as f64),
                            top.join(", "),
                            uniffi_exports(&lib_unstripped),
                        ),
                    )
                }
                _ => (
                    None,
                    "–".to_owned(),
                    self.why_not(&["release", "empty", "strip"]),
                ),
            };
            d.push_str(&format!(
                "| stripped release library ≤ {}× the empty UniFFI library | {measured} | {} | \
                 {why} |\n",
                SIZE_FACTOR,
                verdict(met)
            ));
        }
        d.push('\n');

        // ---- Rust details.
        // ---- What would move the numbers (from the figures above; changes are the core's
        // owners' to make).
        d.push_str("### What would move the numbers\n\n");
        let sdk_mean = mean_of(&examples, |n| crit(&format!("sdk_evaluate/{n}")));
        let eval_mean = mean_of(&examples, |n| crit(&format!("evaluate/{n}")));
        if !sdk_mean.is_nan() && !with_service.is_nan() && sdk_mean - eval_mean > with_service * 0.5
        {
            d.push_str(&format!(
                "- **The SDK entry point localizes the whole guide on every call.** \
                 `PasskeyReady::evaluate` averages {} over the examples, `readiness::evaluate` \
                 {}. The difference, {}, is the per-call `Guide::with_service`: a deep copy of \
                 one locale's guide with `{{service}}` filled in, then dropped ({} when measured \
                 on its own). Keeping the localized guide per (locale, service) in \
                 `PasskeyReady`, rebuilt when a bundle is loaded or reset, would bring every \
                 evaluate through Kotlin and Swift that much closer to `readiness::evaluate`.\n",
                t(sdk_mean),
                t(eval_mean),
                t(sdk_mean - eval_mean),
                t(with_service),
            ));
        }
        let parse = crit("content/parse_guides");
        let validate = crit("content/validate");
        let load = crit("content/load_bundle");
        if !validate.is_nan() && !parse.is_nan() && cold >= parse + validate * 0.5 {
            d.push_str(&format!(
                "- **First use validates content that cannot change.** Parsing the embedded \
                 guide takes {} and `content::validate` {}. The embedded guide is compiled in \
                 and validated by the test suite on every build, so validating it again at run \
                 time could be skipped (bundles loaded at run time must stay validated); first \
                 use would then cost about the parse.\n",
                t(parse),
                t(validate),
            ));
        }
        if !load.is_nan() && !validate.is_nan() {
            d.push_str(&format!(
                "- **A bundle loaded at run time pays for validation.** `loadBundle` with the \
                 whole guide (`Bundle::from_json`) takes {}, of which `content::validate` is \
                 about {}; the content-safety rules run over every text. It happens once per \
                 bundle, off the customer's path if the app loads bundles at start-up in the \
                 background.\n",
                t(load),
                t(validate),
            ));
        }
        if let (Some(k), Some(s)) = (
            kotlin_worst.is_finite().then_some(kotlin_worst),
            swift_worst.is_finite().then_some(swift_worst),
        ) {
            d.push_str(&format!(
                "- **Crossing the bindings costs more than the work.** The slowest evaluate costs \
                 {} through Kotlin/JNA and {} through Swift against {} for the Rust side alone. \
                 The report crosses as one serialized buffer that the generated code turns into \
                 objects, every text a new string; JNA adds its own per-call allocations of \
                 `Structure`s and native `Memory`. An app calls evaluate once per screen, so this \
                 is invisible to a customer; it matters only against the targets.\n",
                t(k),
                t(s),
                t(crit(&format!("sdk_evaluate/{kotlin_worst_name}"))),
            ));
        }
        if let Some((krate, bytes)) = crate_growth(&lib_unstripped, &empty_unstripped).first() {
            d.push_str(&format!(
                "- **Size is code, not content.** The crate that adds most is `{krate}` ({:+.0} \
                 KiB of symbols); see [Size](#size) for the rest.\n",
                bytes / 1024.0
            ));
        }
        d.push('\n');

        d.push_str("## Rust (criterion)\n\n");
        d.push_str(
            "`cargo bench -p passkey-ready-benchmarks` (benchmarks/benches/): warm-up 0.5 s, \
             3 s of measurement, 20 samples per benchmark. The interval is criterion's 95 % \
             confidence interval of the median.\n\n",
        );
        d.push_str("### evaluate, per example snapshot\n\n");
        d.push_str(
            "`evaluate`: `readiness::evaluate(&snapshot, &guide)` with the Japanese guide \
             (service name filled in once). `SDK entry point`: `ffi::PasskeyReady::evaluate`, \
             the Rust side of the call Kotlin and Swift make, without the marshalling. Kotlin \
             and Swift: the same call through the generated bindings (see below).\n\n",
        );
        d.push_str(
            "| example | status | findings | evaluate | (95 % CI) | SDK entry point | Kotlin/JNA \
             | Swift |\n|---|---|---:|---:|---|---:|---:|---:|\n",
        );
        let bundle = Bundle::embedded().unwrap();
        let guide = bundle.guide(Locale::Ja).with_service(None);
        for e in &examples {
            let report = evaluate(&e.snapshot, &guide).ok();
            let est = self.bench(&format!("evaluate/{}", e.name));
            d.push_str(&format!(
                "| `{}` | {} | {} | {} | {} | {} | {} | {} |\n",
                e.name,
                report
                    .as_ref()
                    .map_or("–".into(), |r| format!("{:?}", r.status)),
                report.as_ref().map_or(0, |r| r.findings.len()),
                t(est.map_or(f64::NAN, |e| e.median)),
                est.map_or("–".into(), |e| format!("{} – {}", t(e.lower), t(e.upper))),
                t(crit(&format!("sdk_evaluate/{}", e.name))),
                t(kotlin_of(&format!("kotlin_evaluate/{}", e.name))),
                t(swift_of(&format!("swift_evaluate/{}", e.name))),
            ));
        }
        d.push('\n');

        d.push_str("### Content: first use and cached look-ups\n\n");
        d.push_str(
            "The content is two JSON documents compiled into the library (`include_str!`). \
             Nothing is parsed when the library loads: the first use of the content \
             (`Bundle::embedded()`, behind `ContentStore::embedded()`, the CLI and the SDK's \
             `PasskeyReady` constructor) deserializes both, and later look-ups read the \
             result. The first use is \
             measured where it happens, in a fresh process: `first-use` \
             (benchmarks/src/bin/first_use.rs) times the call with `Instant` and prints it; \
             xtask runs it many times and takes the median. That is the cost of the first \
             use itself, without process start-up, which an app has paid long before.\n\n",
        );
        d.push_str("| what | median | range / 95 % CI | runs |\n|---|---:|---|---:|\n");
        for (label, key) in [
            ("`Bundle::embedded()`, fresh process", "bundle"),
            (
                "`PasskeyReady::new(None)` + one `evaluate` (`android-ready`), fresh process",
                "sdk",
            ),
        ] {
            let v = self.first_use.get(key).cloned().unwrap_or_default();
            d.push_str(&format!(
                "| {label} | {} | {} – {} | {} |\n",
                t(median(&v)),
                t(min(&v)),
                t(max(&v)),
                v.len()
            ));
        }
        for (label, id) in [
            (
                "`Bundle::embedded()`, warm process",
                "content/bundle_embedded",
            ),
            (
                "parse both JSON documents (serde_json + serde_path_to_error, as the core parses)",
                "content/parse_guides",
            ),
            (
                "`content::validate(&bundle)` (what a bundle loaded at run time goes through)",
                "content/validate",
            ),
            (
                "`Bundle::from_json` of the whole guide as one bundle (what `loadBundle` does)",
                "content/load_bundle",
            ),
            (
                "`ContentStore::current()` (an `Arc` clone under a read lock)",
                "content/store_current",
            ),
            (
                "`guide.part(\"android.screen_lock\")`",
                "content/guide_part",
            ),
            ("`guide.check(\"screen_lock\")`", "content/guide_check"),
            (
                "`guide.with_service(Some(…))` (a full copy of one locale's guide)",
                "content/with_service",
            ),
        ] {
            let est = self.bench(id);
            d.push_str(&format!(
                "| {label} | {} | {} | criterion |\n",
                t(est.map_or(f64::NAN, |e| e.median)),
                est.map_or("–".into(), |e| format!("{} – {}", t(e.lower), t(e.upper))),
            ));
        }
        d.push('\n');

        d.push_str("### diagnose, per message of the seed\n\n");
        d.push_str(
            "Every 「…」 of the help page's questions (`tests/seed/help_page_ja.txt`, lines \
             starting with `Q`) and every English message of `core/content/en.json`'s FAQs, \
             each given alone to `diagnose::diagnose(&bundle, message, None)`.\n\n",
        );
        d.push_str("| id | message | median | (95 % CI) | best answer |\n|---|---|---:|---|---|\n");
        for m in seed_messages() {
            let est = self.bench(&format!("diagnose/{}", m.id));
            let best = diagnose(&bundle, &m.text, None)
                .ok()
                .and_then(|v| v.into_iter().next())
                .map_or("no match".into(), |b| {
                    format!(
                        "{} ({})",
                        b.faq.as_deref().unwrap_or("no FAQ"),
                        b.confidence
                    )
                });
            d.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                m.id,
                cell(&m.text),
                t(est.map_or(f64::NAN, |e| e.median)),
                est.map_or("–".into(), |e| format!("{} – {}", t(e.lower), t(e.upper))),
                best
            ));
        }
        d.push('\n');

        // ---- User agents.
        d.push_str("### User-agent classification, side by side\n\n");
        d.push_str(&format!(
            "All parsers classify the same {} user agents (`tests/corpus/user_agents.txt`) in \
             the same run; one criterion iteration is the whole corpus, shown here per user \
             agent. Parsers are built before timing (uaparser compiles its regexes once).\n\n",
            self.corpus_len
        ));
        d.push_str(
            "| parser | per user agent | (95 % CI) | PasskeyReady is faster by |\n\
             |---|---:|---|---:|\n",
        );
        for (id, est) in self
            .criterion
            .iter()
            .filter_map(|(k, e)| Some((k.strip_prefix("user_agent_corpus/")?, e)))
        {
            let n = self.corpus_len as f64;
            d.push_str(&format!(
                "| `{id}` | {} | {} – {} | {} |\n",
                t(est.median / n),
                t(est.lower / n),
                t(est.upper / n),
                if id == "passkey_ready" {
                    "–".to_owned()
                } else {
                    ratio(est.median / n / ours_ua)
                }
            ));
        }
        d.push('\n');
        if !self.paired.is_empty() {
            d.push_str(
                "Paired rounds (`ua-paired`, benchmarks/src/bin/ua_paired.rs): each round \
                 classifies the whole corpus with PasskeyReady and with the peer back to back, \
                 order swapped every round, and keeps the ratio of the two times; the median \
                 ratio cannot be skewed by load that changes between two criterion benchmarks a \
                 minute apart. The targets use these.\n\n| peer | PasskeyReady is faster by \
                 (median) | middle half | rounds |\n|---|---:|---|---:|\n",
            );
            for (peer, (m, q1, q3, n)) in &self.paired {
                d.push_str(&format!(
                    "| `{peer}` | {} | {} – {} | {n} |\n",
                    ratio(*m),
                    ratio(*q1),
                    ratio(*q3)
                ));
            }
            d.push('\n');
        }
        d.push_str(
            "`uaparser_<regexes>`: the `uaparser` crate with uap-core's default settings; \
             `_no_unicode`: with `with_unicode_support(false)`, the crate's documented faster \
             setting (same answers on this corpus). Where each `regexes.yaml` came from:\n\n",
        );
        d.push_str("| regexes | from | sha256 |\n|---|---|---|\n");
        for (label, origin, sha) in &self.uap_origins {
            d.push_str(&format!("| `{label}` | {origin} | `{sha}` |\n"));
        }
        d.push('\n');

        d.push_str("### In-app accuracy\n\n");
        d.push_str(&format!(
            "The {} in-app cases of `tests/vectors/user_agents.json` (an app's browser or a web \
             view: Google, Yahoo! JAPAN, LINE, Instagram, Facebook, X, TikTok, plain web \
             views), and for false alarms its {} other cases (browsers, crawlers, garbage). \
             Each parser's answer is put in the SDK's terms: the system, the browser, and \
             whether the page is in an app. An app's browser is credited with the system's \
             engine (WebKit/Safari on Apple systems, Chrome on Android), as the SDK reports \
             it. Counted as \"in an app\": woothee's names {}; uap-core's families {}.\n\n",
            self.in_app_cases.len(),
            self.browser_cases,
            WOOTHEE_IN_APP_NAMES
                .iter()
                .map(|n| code(n))
                .collect::<Vec<_>>()
                .join(", "),
            UAP_IN_APP_FAMILIES
                .iter()
                .map(|n| code(n))
                .collect::<Vec<_>>()
                .join(", "),
        ));
        let n = self.in_app_cases.len();
        d.push_str(
            "| parser | system right / wrong | browser right / wrong | in an app: right / \
             wrong | false \"in an app\" on browsers |\n|---|---|---|---|---|\n",
        );
        for (p, a) in &accuracies {
            d.push_str(&format!(
                "| {} | {} / {} | {} / {} | {} / {} | {} of {} |\n",
                p.label,
                a.platform,
                n - a.platform,
                a.browser,
                n - a.browser,
                a.in_app,
                n - a.in_app,
                a.false_in_app,
                self.browser_cases
            ));
        }
        d.push_str(
            "\nThe vectors were written with PasskeyReady's classifier, so it passes all of them \
             by construction; the peers' misses below are what matters. Case by case (the \
             parser's own words; ✗ marks a wrong system, browser or in-app answer):\n\n",
        );
        let shown: Vec<&Parser> = self
            .parsers
            .iter()
            .filter(|p| !p.id.ends_with("-crate"))
            .collect();
        d.push_str("| case | expected |");
        for p in &shown {
            d.push_str(&format!(" {} |", p.label));
        }
        d.push_str("\n|---|---|");
        for _ in &shown {
            d.push_str("---|");
        }
        d.push('\n');
        for (i, c) in self.in_app_cases.iter().enumerate() {
            d.push_str(&format!(
                "| `{}` | {} / {} / app |",
                c.name,
                c.platform.map_or("-".into(), |p| p.to_string()),
                c.browser.map_or("-".into(), |b| format!("{b:?}")),
            ));
            for p in &shown {
                let v = &p.verdicts[i];
                let mut wrong = Vec::new();
                if v.platform != c.platform {
                    wrong.push("system");
                }
                if v.browser != c.browser {
                    wrong.push("browser");
                }
                if v.in_app != Some(true) {
                    wrong.push("in-app");
                }
                let mark = if wrong.is_empty() {
                    "✓".to_owned()
                } else {
                    format!("✗ {}", wrong.join(", "))
                };
                d.push_str(&format!(" {} {} |", cell(&v.raw), mark));
            }
            d.push('\n');
        }
        d.push('\n');

        // ---- Kotlin and Swift.
        d.push_str("## Through the bindings: Kotlin/JNA and Swift\n\n");
        d.push_str(
            "One `evaluate(snapshot, GuideLocale.JA)` on an SDK instance made once, the call the \
             SDKs' `check()` makes, through UniFFI 0.32.2 bindings that `cargo xtask bench` \
             generates from the release library it loads (`target/release`, into \
             `target/bench/bindings/`), so that the bindings match the shipped library. Each program \
             warms up (Kotlin 3 s, so the JIT has compiled the bindings; Swift 2 s), then \
             measures 15 rounds of about 100 ms of back-to-back calls and reports the median \
             round's time per call; then 101 single calls, each after a 2 ms pause, as an \
             app makes them (one per screen), and reports the median call. The JVM collects \
             garbage (`System.gc()`) before each measurement, because JNA frees a call's \
             native buffers only once their Java objects are collected and tracks them until \
             then. \
             `check_id_string` is the smallest call that crosses (one enum in, one short \
             string out): the fixed cost of a call. Kotlin: benchmarks/kotlin \
             (`EvaluateBench.kt` and the generated Kotlin, compiled with JNA 5.18.1 as in \
             android/, run on the host JVM). Swift: benchmarks/swift (SwiftPM, `-c release`; \
             the generated Swift and C header laid out as in ios/).\n\n",
        );
        d.push_str(
            "| example | Rust, SDK entry point | Kotlin/JNA, back to back | Kotlin, single call \
             | Swift, back to back | Swift, single call |\n|---|---:|---:|---:|---:|---:|\n",
        );
        for e in &examples {
            d.push_str(&format!(
                "| `{}` | {} | {} | {} | {} | {} |\n",
                e.name,
                t(crit(&format!("sdk_evaluate/{}", e.name))),
                t(kotlin_of(&format!("kotlin_evaluate/{}", e.name))),
                t(kotlin_of(&format!("kotlin_single/{}", e.name))),
                t(swift_of(&format!("swift_evaluate/{}", e.name))),
                t(swift_of(&format!("swift_single/{}", e.name))),
            ));
        }
        d.push_str(&format!(
            "| `check_id_string` (the fixed cost of a call) | – | {} | – | {} | – |\n\n",
            t(kotlin_call),
            t(swift_call)
        ));
        if let Some(p) = &self.kotlin_profile {
            d.push_str(&format!(
                "Where the JVM's time goes in back-to-back evaluates (Java Flight Recorder, {} \
                 execution samples of Java code, each counted once in the first category it \
                 matches; time inside the Rust library is not sampled):\n\n| where | share \
                 |\n|---|---:|\n",
                p.samples
            ));
            let mut counted = 0;
            for (label, n) in &p.shares {
                counted += n;
                d.push_str(&format!(
                    "| {label} | {:.0} % |\n",
                    *n as f64 * 100.0 / p.samples as f64
                ));
            }
            d.push_str(&format!(
                "| everything else (the benchmark loop, the JVM's own Java code) | {:.0} % |\n\n",
                (p.samples - counted) as f64 * 100.0 / p.samples as f64
            ));
        }
        if self.kotlin.is_none() {
            d.push_str(&format!(
                "Kotlin was not measured: {}.\n\n",
                self.why_not(&["bindings", "kotlin"])
            ));
        }
        if self.swift.is_none() {
            d.push_str(&format!(
                "Swift was not measured: {}.\n\n",
                self.why_not(&["bindings", "swift"])
            ));
        }

        // ---- Size.
        d.push_str("## Size\n\n");
        d.push_str(
            "The host's release library (`cargo build --release -p passkey-ready-ffi`, the \
             workspace profile: `lto = true`, `opt-level = \"s\"`, `codegen-units = 1`, \
             `panic = \"unwind\"`) against an empty UniFFI library built with the same profile \
             and the same UniFFI (benchmarks/empty-uniffi: `uniffi::setup_scaffolding!()` and \
             one exported function), both stripped with `strip --strip-all`. Sections from \
             `size -A` of the stripped files.\n\n",
        );
        let lib_sections = sections(&lib_stripped);
        let empty_sections = sections(&empty_stripped);
        d.push_str("| | passkey_ready_ffi | empty UniFFI | difference |\n|---|---:|---:|---:|\n");
        let row = |label: &str, a: Option<u64>, b: Option<u64>| {
            format!(
                "| {label} | {} | {} | {} |\n",
                a.map_or("–".into(), kib),
                b.map_or("–".into(), kib),
                match (a, b) {
                    (Some(a), Some(b)) => format!("{:+.1} KiB", (a as f64 - b as f64) / 1024.0),
                    _ => "–".into(),
                }
            )
        };
        d.push_str(&row(
            "file, unstripped",
            file_size(&lib_unstripped),
            file_size(&empty_unstripped),
        ));
        d.push_str(&row("file, stripped", lib_size, empty_size));
        for section in [
            ".text",
            ".rodata",
            ".eh_frame",
            ".eh_frame_hdr",
            ".data.rel.ro",
            ".gcc_except_table",
            ".dynsym",
            ".dynstr",
        ] {
            d.push_str(&row(
                &format!("`{section}`"),
                lib_sections.get(section).copied(),
                empty_sections.get(section).copied(),
            ));
        }
        d.push('\n');
        let lib_bytes = std::fs::read(&lib_stripped).unwrap_or_default();
        let mut content_rows = String::new();
        for path in [&ja, &en] {
            let bytes = std::fs::read(path).unwrap_or_default();
            content_rows.push_str(&format!(
                "| `{}` | {} | {} |\n",
                path.strip_prefix(repo_root()).unwrap_or(path).display(),
                kib(bytes.len() as u64),
                if lib_bytes.is_empty() {
                    "–"
                } else if contains(&lib_bytes, &bytes) {
                    "yes, verbatim"
                } else {
                    "not found verbatim"
                }
            ));
        }
        d.push_str(&format!(
            "The content's share: the two JSON documents are embedded as they are \
             (`include_str!`, in `.rodata`), {} in all, {} of the stripped library ({} of its \
             `.rodata`).\n\n| document | bytes | in the stripped library |\n|---|---:|---|\n{}\n",
            kib(content_bytes),
            lib_size.map_or("–".into(), |l| format!(
                "{:.0} %",
                content_bytes as f64 * 100.0 / l as f64
            )),
            lib_sections.get(".rodata").map_or("–".into(), |r| format!(
                "{:.0} %",
                content_bytes as f64 * 100.0 / *r as f64
            )),
            content_rows
        ));
        let growth = crate_growth(&lib_unstripped, &empty_unstripped);
        if !growth.is_empty() {
            let a = crate_sizes(&lib_unstripped);
            let b = crate_sizes(&empty_unstripped);
            d.push_str(
                "Symbol bytes by crate (`nm --size-sort -S -C` on the unstripped libraries; \
                 generic code counts for the crate whose item was instantiated, e.g. serde's \
                 visitors for the guide's types under `serde_path_to_error` or \
                 `passkey_ready_core`), the 12 that grow most:\n\n| crate | passkey_ready_ffi \
                 | empty UniFFI | difference |\n|---|---:|---:|---:|\n",
            );
            for (krate, diff) in growth.iter().take(12) {
                d.push_str(&format!(
                    "| `{krate}` | {} | {} | {:+.1} KiB |\n",
                    kib(a.get(krate).copied().unwrap_or(0)),
                    kib(b.get(krate).copied().unwrap_or(0)),
                    diff / 1024.0
                ));
            }
            d.push('\n');
        }
        let symbols = largest_symbols(&lib_unstripped, 12);
        if !symbols.is_empty() {
            d.push_str(
                "The largest symbols of the unstripped release library (`nm --size-sort -S -C`; \
                 anonymous constants such as the embedded JSON are not named symbols):\n\n\
                 | size | symbol |\n|---:|---|\n",
            );
            for (size, name) in symbols {
                d.push_str(&format!("| {} | {} |\n", kib(size), code(&name)));
            }
            d.push('\n');
        }
        if lib_size.is_none() || empty_size.is_none() {
            d.push_str(&format!(
                "Not measured: {}.\n\n",
                self.why_not(&["release", "empty", "strip"])
            ));
        }

        // ---- Memory.
        d.push_str("## Memory\n\n");
        d.push_str(
            "Peak resident set size (`/usr/bin/time -v`, \"Maximum resident set size\"), median \
             of 5 runs each, release builds:\n\n| command | peak RSS | range |\n|---|---:|---|\n",
        );
        for (label, key) in [
            (
                "`passkey-ready check --snapshot examples/android-ready.json`",
                "check",
            ),
            (
                "`first-use sdk examples/android-ready.json` (`PasskeyReady::new` + one `evaluate`)",
                "sdk",
            ),
            ("`first-use noop` (a Rust process that does nothing: the floor)", "noop"),
        ] {
            let v = self.rss.get(key).cloned().unwrap_or_default();
            d.push_str(&format!(
                "| {label} | {} | {} – {} |\n",
                if v.is_empty() {
                    "–".into()
                } else {
                    format!("{:.0} KiB", median(&v))
                },
                if v.is_empty() {
                    "–".into()
                } else {
                    format!("{:.0}", min(&v))
                },
                if v.is_empty() {
                    "–".into()
                } else {
                    format!("{:.0} KiB", max(&v))
                },
            ));
        }
        if let (Some(check), Some(noop)) = (self.rss.get("check"), self.rss.get("noop")) {
            d.push_str(&format!(
                "\nThe check itself (the content parsed, the guide localized once, the report \
                 rendered) adds about {:.0} KiB above an idle Rust process.\n",
                median(check) - median(noop)
            ));
        }
        if self.rss.is_empty() {
            d.push_str(&format!("\nNot measured: {}.\n", self.why_not(&["rss"])));
        }
        d.push('\n');

        // ---- Rerun.
        d.push_str("## How to rerun\n\n");
        d.push_str(
            "```sh\ncargo xtask bench\n```\n\nIt needs what `cargo xtask test` needs (Rust, \
             Maven and a JDK, Swift or root for the Swift chroot), plus `npm` (uap-core's \
             regexes from the npm registry), binutils (`strip`, `size`, `nm`) and GNU time \
             (`apt-get install time`). It takes about 10 minutes on 2 cores, most of it release \
             builds; a step that cannot run is reported here as not measured, and the command \
             then exits non-zero. Its steps, each also runnable alone:\n\n",
        );
        d.push_str(
            "1. `cargo build --release -p passkey-ready-ffi -p passkey-ready-cli` and \
             `cargo build --release -p passkey-ready-benchmarks --bins`\n\
             2. the native-library step of `cargo xtask bindings` (for `uniffi-bindgen`), then \
             `uniffi-bindgen generate --library target/release/libpasskey_ready_ffi.so \
             --language kotlin|swift --config bindings/uniffi.toml --out-dir \
             target/bench/bindings/<language>`; the Swift files are copied into \
             benchmarks/swift/Sources\n\
             3. `mvn -q -Duniffi.generated=target/bench/bindings/kotlin clean package` in \
             benchmarks/kotlin, then `java -Djna.library.path=target/release -cp \
             'benchmarks/kotlin/target/classes:benchmarks/kotlin/target/lib/*' \
             com.passkeyready.bench.EvaluateBenchKt examples 15 100 3000`, and once more with \
             `-XX:StartFlightRecording` and `… examples profile 8000` for the profile (`jfr print \
             --events jdk.ExecutionSample`)\n\
             4. `PASSKEY_READY_LIB_DIR=target/release LD_LIBRARY_PATH=target/release \
             ios/scripts/swift.sh build -c release --package-path benchmarks/swift`, then \
             `… run -c release --skip-build --package-path benchmarks/swift EvaluateBench \
             examples 15 100 2000` (xtask passes absolute paths and the chroot's variables, as \
             for `swift test`)\n\
             5. `cargo build --release --locked --manifest-path benchmarks/empty-uniffi/Cargo.toml \
             --target-dir target/bench/empty-uniffi`\n\
             6. `strip --strip-all` on copies of both libraries in `target/bench/size/`\n\
             7. `npm pack uap-core@<version> --pack-destination target/bench/npm` and `tar xzf` \
             (the version is pinned in xtask/src/bench.rs)\n\
             8. `cargo bench -p passkey-ready-benchmarks` (criterion; results in \
             `target/criterion/`)\n\
             9. `target/release/ua-paired` (the paired speed ratios of the user-agent parsers)\n\
             10. `target/release/first-use bundle` and `first-use sdk examples/android-ready.json`, \
             31 fresh processes each\n\
             11. `/usr/bin/time -v target/release/passkey-ready check --snapshot \
             examples/android-ready.json` (and the `first-use` baselines), 5 runs each\n\
             12. `target/release/report`: reads `target/bench/` and `target/criterion/`, \
             writes this file (it also reruns the parsers on the vectors for the accuracy \
             tables)\n\n",
        );
        d.push_str(
            "Step status of this run (`target/bench/status.tsv`):\n\n| step | result |\n|---|---|\n",
        );
        for (key, result) in &self.status {
            d.push_str(&format!(
                "| `{key}` | {} |\n",
                match result {
                    Ok(()) => "ok".to_owned(),
                    Err(e) => format!("failed: {}", cell(e)),
                }
            ));
        }
        d
    }

    #[allow(clippy::too_many_arguments)]
    fn foreign_target(
        &self,
        language: &str,
        target: f64,
        typical: f64,
        (worst, worst_name): (f64, &str),
        single: f64,
        call: f64,
        rust: f64,
        with_service: f64,
        extra: &str,
        steps: &[&str],
    ) -> String {
        if worst.is_nan() {
            return format!(
                "| one evaluate through {language} ≤ {} | – | {} | {} |\n",
                t(target),
                verdict(None),
                self.why_not(steps)
            );
        }
        let crossing = worst - rust;
        format!(
            "| one evaluate through {language} ≤ {} | slowest example `{worst_name}`: {} \
             back to back ({} of the target); median over the examples {}; {} for a single \
             call after a pause | {} | Of \
             the {}: {} is the Rust side (the same `PasskeyReady::evaluate` measured in Rust{}), \
             {} is crossing the bindings. The \
             smallest call (`check_id_string`) costs {} by itself; the rest is lowering the \
             snapshot and lifting the report, every text of every finding a new string.{extra} \
             |\n",
            t(target),
            t(worst),
            ratio(worst / target),
            t(typical),
            t(single),
            verdict(Some(
                worst <= target && (single.is_nan() || single <= target)
            )),
            t(worst),
            t(rust),
            if rust > with_service * 0.5 {
                format!(
                    "; it localizes the guide on every call, `with_service` alone is {}",
                    t(with_service)
                )
            } else {
                String::new()
            },
            t(crossing),
            t(call),
        )
    }
}

/// The version of a dependency in Cargo.lock.
fn locked_version(name: &str) -> String {
    let lock = std::fs::read_to_string(repo_root().join("Cargo.lock")).unwrap_or_default();
    lock.split(&format!("name = \"{name}\"\n"))
        .nth(1)
        .and_then(|after| after.lines().next())
        .and_then(|l| l.strip_prefix("version = \""))
        .and_then(|l| l.strip_suffix('"'))
        .unwrap_or("?")
        .to_owned()
}

/// Crates by how many symbol bytes they add over the empty library, largest first (bytes).
fn crate_growth(lib: &Path, empty: &Path) -> Vec<(String, f64)> {
    let a = crate_sizes(lib);
    let b = crate_sizes(empty);
    let mut growth: Vec<(String, f64)> = a
        .iter()
        .map(|(c, &n)| (c.clone(), n as f64 - b.get(c).copied().unwrap_or(0) as f64))
        .collect();
    growth.sort_by(|x, y| y.1.total_cmp(&x.1));
    growth
}

/// The number of UniFFI metadata records in a library (one per exported item).
fn uniffi_exports(path: &Path) -> usize {
    command("nm", &["-D", "--defined-only", &path.to_string_lossy()])
        .lines()
        .filter(|l| l.contains("UNIFFI_META_"))
        .count()
}

/// Symbol bytes by crate (`nm --size-sort -S -C`): the first path segment of each demangled
/// name, the type's crate for `<Type as Trait>::f`. Generic code counts for the crate whose
/// item was instantiated, so a crate's figure includes code it instantiated in the library.
fn crate_sizes(path: &Path) -> BTreeMap<String, u64> {
    let mut sizes = BTreeMap::new();
    for line in command("nm", &["--size-sort", "-S", "-C", &path.to_string_lossy()]).lines() {
        let mut f = line.splitn(4, ' ');
        let (Some(_), Some(size), Some(_), Some(name)) = (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let Ok(size) = u64::from_str_radix(size, 16) else {
            continue;
        };
        let name = name
            .trim_start_matches(['<', '&', '*'])
            .trim_start_matches("dyn ")
            .trim_start_matches("impl ")
            .trim_start_matches("mut ");
        let krate = name
            .split_once("::")
            .map(|(first, _)| first)
            .filter(|c| c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'))
            .unwrap_or("(not Rust, or no path)");
        *sizes.entry(krate.to_owned()).or_insert(0) += size;
    }
    sizes
}

fn largest_symbols(path: &Path, n: usize) -> Vec<(u64, String)> {
    let listing = command("nm", &["--size-sort", "-S", "-C", &path.to_string_lossy()]);
    let mut symbols: Vec<(u64, String)> = listing
        .lines()
        .filter_map(|l| {
            let mut f = l.splitn(4, ' ');
            let _address = f.next()?;
            let size = u64::from_str_radix(f.next()?, 16).ok()?;
            let _kind = f.next()?;
            Some((size, f.next()?.to_owned()))
        })
        .collect();
    symbols.sort_by_key(|s| std::cmp::Reverse(s.0));
    symbols.truncate(n);
    symbols
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
