//! Memory: reading, loading and validating a bundle allocates at most a small multiple of
//! its size, for hostile shapes too (issue 11, item 1: a 200 KB bundle with a 40,000-char FAQ
//! id and 40,000 empty messages made validation use 4.9 GB). Counted with a counting global
//! allocator (the `counting-alloc` test crate), never timed.
//!
//! One `#[test]` only: the allocator's counts are process-wide, and the harness runs tests
//! of one binary on several threads.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use counting_alloc::{Counting, Stats};
use passkey_ready_core::content::{validate, Bundle, BundleError, ContentStore, MAX_BUNDLE_BYTES};
use serde_json::{json, Value};

#[global_allocator]
static ALLOC: Counting = Counting::new();

/// Per byte of input, at most this much in use at once …
const PEAK_PER_BYTE: usize = 4;
/// … and this much allocated in all,
const TOTAL_PER_BYTE: usize = 8;
/// above what the smallest input of the same shape costs.
const FIXED: usize = 1 << 20;

fn embedded() -> Value {
    serde_json::from_str(&Bundle::embedded().unwrap().to_json()).unwrap()
}

/// What is left of `n` bytes besides the embedded bundle (as compact JSON, with a margin).
fn room(n: usize) -> usize {
    let embedded = embedded().to_string().len();
    n.saturating_sub(embedded + (8 << 10)).max(1024)
}

/// Builds a bundle of about the given size in bytes.
type Shape = fn(usize) -> String;

/// The hostile shapes, each as a function of a size in bytes; every one is refused.
fn shapes() -> Vec<(&'static str, Shape)> {
    vec![
        ("long FAQ id and many empty messages (the issue's)", |n| {
            let mut v = embedded();
            let faq = &mut v["locales"]["ja"]["troubleshooting"]["faqs"][0];
            faq["id"] = json!("a".repeat(room(n) / 4));
            faq["messages"] = json!(vec![""; room(n) / 4]);
            v.to_string()
        }),
        ("many empty messages", |n| {
            let mut v = embedded();
            v["locales"]["en"]["troubleshooting"]["faqs"][1]["messages"] =
                json!(vec![""; room(n) / 3]);
            v.to_string()
        }),
        ("deeply nested lists", |n| {
            let depth = n / 2;
            format!(
                "{{\"schema_version\":1,\"locales\":{}{}}}",
                "[".repeat(depth),
                "]".repeat(depth)
            )
        }),
        ("many unknown keys", |n| {
            let keys: Vec<String> = (0..n / 13).map(|i| format!("\"k{i:07}\":0")).collect();
            format!("{{\"schema_version\":1,{}}}", keys.join(","))
        }),
        ("one long text of escapes", |n| {
            let mut v = embedded();
            v["locales"]["ja"]["title"] = json!("\u{1}".repeat(room(n) / 6));
            v.to_string()
        }),
        ("every text full of markup, within the limits", |n| {
            // As many repeats as fit in `n` bytes, given how many texts the content has.
            let mut empty = embedded();
            fill_texts(&mut empty, "");
            let mut v = embedded();
            let count = count_texts(&v).max(1);
            let room = n.saturating_sub(empty.to_string().len());
            let repeats = (room / (3 * count) * 9 / 10).clamp(1, 600);
            fill_texts(&mut v, &"<i>".repeat(repeats));
            v.to_string()
        }),
        ("a link problem in every message of every FAQ", |n| {
            let mut v = embedded();
            let count = (n / 2_000).clamp(1, 16);
            for locale in ["ja", "en"] {
                for faq in v["locales"][locale]["troubleshooting"]["faqs"]
                    .as_array_mut()
                    .unwrap()
                {
                    faq["messages"] = json!(vec!["http:evil.example <b> &#106;"; count]);
                }
            }
            v.to_string()
        }),
    ]
}

fn count_texts(value: &Value) -> usize {
    let mut probe = value.clone();
    fill_texts(&mut probe, "\u{0}");
    probe.to_string().matches("\\u0000").count()
}

fn fill_texts(value: &mut Value, text: &str) {
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                if item.is_string()
                    && ![
                        "id", "guide", "footnote", "kind", "locale", "from", "before",
                    ]
                    .contains(&key.as_str())
                {
                    *item = json!(text);
                } else {
                    fill_texts(item, text);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| fill_texts(i, text)),
        _ => {}
    }
}

fn check_linear(what: &str, sizes: &[(usize, Stats)]) {
    let (base_len, base) = sizes[0];
    for &(len, stats) in sizes {
        let grown = len - base_len;
        assert!(
            stats.peak <= base.peak + PEAK_PER_BYTE * grown + FIXED,
            "{what}: peak {} B for {len} B (smallest: {} B for {base_len} B)",
            stats.peak,
            base.peak
        );
        assert!(
            stats.total <= base.total + TOTAL_PER_BYTE * grown + FIXED,
            "{what}: total {} B for {len} B (smallest: {} B for {base_len} B)",
            stats.total,
            base.total
        );
        // And a small multiple of the input outright.
        assert!(
            stats.peak <= 2 * PEAK_PER_BYTE * len + FIXED,
            "{what}: peak {} for {len}",
            stats.peak
        );
    }
}

#[test]
fn reading_loading_and_validating_allocate_linearly_in_the_bundle_size() {
    // Warm up what every load shares (the embedded bundle), outside the measurements.
    let store = ContentStore::embedded().unwrap();
    let embedded_bundle = Bundle::embedded().unwrap();

    for (what, make) in shapes() {
        let mut from_json = Vec::new();
        let mut loads = Vec::new();
        for size in [56 << 10, 128 << 10, 256 << 10, MAX_BUNDLE_BYTES - 4096] {
            let json = make(size);
            assert!(json.len() <= MAX_BUNDLE_BYTES, "{what}: {}", json.len());
            let (result, stats) = ALLOC.measure(|| Bundle::from_json(&json));
            let err = result.expect_err(what);
            // The error itself is small whatever the input.
            let text = err.to_string();
            assert!(text.len() < 8 * 1024, "{what}: {} B error", text.len());
            assert!(err.summary().chars().count() <= 301, "{what}");
            if let BundleError::Invalid { problems } = &err {
                assert!(problems.len() <= 51, "{what}: {}", problems.len());
            }
            from_json.push((json.len(), stats));
            let (result, stats) = ALLOC.measure(|| store.load_json(&json));
            assert!(result.is_err(), "{what}");
            loads.push((json.len(), stats));
        }
        check_linear(&format!("Bundle::from_json, {what}"), &from_json);
        check_linear(&format!("ContentStore::load_json, {what}"), &loads);
    }

    // validate on a bundle built in code, which no JSON pass has bounded: the shape.
    let mut sizes = Vec::new();
    for n in [4_000, 16_000, 40_000, 100_000] {
        let mut bundle = embedded_bundle.clone();
        for guide in [&mut bundle.locales.ja, &mut bundle.locales.en] {
            let faq = &mut guide.troubleshooting.faqs[0];
            faq.id = "a".repeat(n);
            faq.messages = vec![String::new(); n];
        }
        let len = bundle.to_json().len();
        let (problems, stats) = ALLOC.measure(|| validate(&bundle));
        assert!(
            !problems.is_empty() && problems.len() <= 51,
            "{}",
            problems.len()
        );
        sizes.push((len, stats));
    }
    check_linear("validate, long id and many messages built in code", &sizes);
}
