//! Reading the measurements the steps left, and small statistics.

use super::*;

// --- Reading the measurements ----------------------------------------------------------------

/// A criterion estimate, in nanoseconds per iteration.
#[derive(Clone, Copy)]
pub(super) struct Estimate {
    pub(super) median: f64,
    pub(super) lower: f64,
    pub(super) upper: f64,
}

/// Every criterion result under `<target>/criterion`, by full id (`group/function`).
pub(super) fn criterion_results() -> BTreeMap<String, Estimate> {
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
pub(super) struct Foreign {
    pub(super) results: BTreeMap<String, (f64, f64, f64, u64)>,
    pub(super) notes: Vec<String>,
}

pub(super) fn foreign(file: &str) -> Option<Foreign> {
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
pub(super) struct Profile {
    pub(super) samples: usize,
    pub(super) shares: Vec<(&'static str, usize)>,
}

pub(super) const PROFILE_CATEGORIES: [(&str, &[&str]); 3] = [
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

pub(super) fn kotlin_profile() -> Option<Profile> {
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
pub(super) fn paired_ratios() -> BTreeMap<String, (f64, f64, f64, u64)> {
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
/// `web_size.txt`: one line per file of the web package, `name bytes gzipped`.
pub(super) fn web_sizes() -> Vec<(String, u64, u64)> {
    let text = std::fs::read_to_string(bench_dir().join("web_size.txt")).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            Some((
                f.next()?.to_owned(),
                f.next()?.parse().ok()?,
                f.next()?.parse().ok()?,
            ))
        })
        .collect()
}

/// Instructions of one warm diagnosis and of the first (which prepares the bundle's
/// messages), from the three callgrind totals of `diagnose-cost`.
pub(super) fn diagnose_counts(totals: &BTreeMap<String, Vec<f64>>) -> Option<(f64, f64)> {
    let one = |key: &str| totals.get(key).and_then(|v| v.first()).copied();
    let calls = one("round_count")? * one("messages")?;
    let warm = (one("rounds")? - one("first")?) / calls;
    let first = one("first")? - one("none")?;
    Some((warm, first))
}

pub(super) fn samples(file: &str) -> BTreeMap<String, Vec<f64>> {
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

pub(super) fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

pub(super) fn min(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

pub(super) fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

pub(super) fn command(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

/// Sections of an ELF file (`size -A`), by name, in bytes.
pub(super) fn sections(path: &Path) -> BTreeMap<String, u64> {
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

pub(super) fn file_size(path: &Path) -> Option<u64> {
    std::fs::metadata(path).ok().map(|m| m.len())
}

pub(super) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The version of a dependency in Cargo.lock.
pub(super) fn locked_version(name: &str) -> String {
    let lock = std::fs::read_to_string(repo_root().join("Cargo.lock")).unwrap_or_default();
    lock.split(&format!("name = \"{name}\"\n"))
        .nth(1)
        .and_then(|after| after.lines().next())
        .and_then(|l| l.strip_prefix("version = \""))
        .and_then(|l| l.strip_suffix('"'))
        .unwrap_or("?")
        .to_owned()
}
