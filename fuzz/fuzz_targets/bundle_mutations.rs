//! Structure-aware: the embedded bundle, changed by a list of edits the fuzzer chooses (ids,
//! message lists, link texts, repeated and nested items), then loaded. Reaches what random
//! bytes rarely do: bundles that parse and stress validation. Checks, beyond "no panic":
//! - a refused bundle gets a short error (summary at most MAX_SUMMARY_CHARS + 1 characters,
//!   at most MAX_PROBLEMS + 1 problems) and leaves the content in use as it was;
//! - a bundle that loads survives export → load unchanged.
//! Memory is bounded by the run's -rss_limit_mb (fuzz/run.sh).

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use passkey_ready_core::content::limits::MAX_PROBLEMS;
use passkey_ready_core::content::{
    Bundle, BundleError, ContentStore, LoadPolicy, MAX_BUNDLE_BYTES, MAX_SUMMARY_CHARS,
};
use serde_json::{json, Value};

fn embedded() -> &'static (Bundle, Value) {
    static EMBEDDED: OnceLock<(Bundle, Value)> = OnceLock::new();
    EMBEDDED.get_or_init(|| {
        let bundle = Bundle::embedded().expect("the embedded bundle is valid");
        let value = serde_json::from_str(&bundle.to_json()).expect("it exports as JSON");
        (bundle, value)
    })
}

/// Pieces texts and ids are made of: the link, markup, entity and invisible-character tricks.
const PIECES: &[&str] = &[
    "https://www.bank.example/", "https://evil.example", "http:evil.example", "/\\evil.example",
    "[x](", ")", "<", ">", "bankapp:", "javascript:", "&#106;", "&colon;", "\\:", "。",
    "\u{FF0E}", "\u{200B}", "\u{200D}", "👩", "\u{202E}", "\u{1b}", "{service}", "{bad}", "{",
    "<b>", "onload=", "Note: ", "a", "設定", "\n", "android", ".", "_", "A",
];

fn text(u: &mut Unstructured) -> Result<String> {
    let n = u.int_in_range(0..=12)?;
    let mut out = String::new();
    for _ in 0..n {
        if u.ratio(1, 6)? {
            let s: String = u.arbitrary()?;
            out.push_str(&s);
        } else {
            out.push_str(u.choose(PIECES)?);
        }
    }
    if u.ratio(1, 16)? {
        let times = u.int_in_range(1..=4000)?;
        out = out.repeat(times.min(MAX_BUNDLE_BYTES / (out.len() + 1)));
    }
    Ok(out)
}

/// Every path (as JSON pointers) to a value of the kind `want` in `value`.
fn pointers(value: &Value, at: &str, want: fn(&Value) -> bool, out: &mut Vec<String>) {
    if want(value) {
        out.push(at.to_owned());
    }
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(v, &format!("{at}/{k}"), want, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, &format!("{at}/{i}"), want, out);
            }
        }
        _ => {}
    }
}

fn edit(u: &mut Unstructured, value: &mut Value) -> Result<()> {
    let mut strings = Vec::new();
    pointers(value, "", Value::is_string, &mut strings);
    let mut lists = Vec::new();
    pointers(value, "", Value::is_array, &mut lists);
    match u.int_in_range(0..=5)? {
        // Any string (a text, an id, a reference) becomes another.
        0 => {
            let at = u.choose(&strings)?.clone();
            let new = text(u)?;
            if let Some(slot) = value.pointer_mut(&at) {
                *slot = json!(new);
            }
        }
        // A list grows by copies of one of its items (many messages, steps, guides …).
        1 => {
            let at = u.choose(&lists)?.clone();
            let times = u.int_in_range(1..=20_000)?;
            if let Some(Value::Array(items)) = value.pointer_mut(&at) {
                if let Some(first) = items.first().cloned() {
                    // Up to a little over the bundle cap: the harness's own copies must not
                    // be what the run's memory limit measures.
                    let size = first.to_string().len() + 1;
                    let times = times.min((MAX_BUNDLE_BYTES + 4096) / size);
                    items.extend(std::iter::repeat(first).take(times));
                }
            }
        }
        // A list is emptied or loses an item.
        2 => {
            let at = u.choose(&lists)?.clone();
            let keep = u.int_in_range(0..=3)?;
            if let Some(Value::Array(items)) = value.pointer_mut(&at) {
                items.truncate(keep);
            }
        }
        // An item is replaced by a nested list.
        3 => {
            let at = u.choose(&strings)?.clone();
            let depth = u.int_in_range(1..=200)?;
            let mut nested = json!("x");
            for _ in 0..depth {
                nested = json!([nested]);
            }
            if let Some(slot) = value.pointer_mut(&at) {
                *slot = nested;
            }
        }
        // An unknown key, named by the fuzzer.
        4 => {
            let key = text(u)?;
            if let Some(Value::Object(map)) = value.pointer_mut("/locales/ja") {
                map.insert(key, json!(1));
            }
        }
        // The same id in both locales, so that the shapes still match.
        _ => {
            let id = text(u)?;
            for locale in ["ja", "en"] {
                if let Some(slot) = value.pointer_mut(&format!("/locales/{locale}/guides/0/id")) {
                    *slot = json!(id.clone());
                }
            }
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let (bundle, value) = embedded();
    let mut value = value.clone();
    let mut u = Unstructured::new(data);
    for _ in 0..u.int_in_range(1..=6).unwrap_or(1) {
        if edit(&mut u, &mut value).is_err() {
            break;
        }
    }
    let json = value.to_string();
    let policy = LoadPolicy::allowing_links_to(["www.bank.example"]);
    let store = ContentStore::with(bundle.clone());
    match store.load_json_with(&json, &policy) {
        Ok(()) => {
            let loaded = store.current();
            let again = Bundle::from_json_with(&loaded.to_json(), &policy).expect("export loads");
            assert_eq!(&again, &*loaded);
        }
        Err(err) => {
            assert_eq!(&*store.current(), bundle);
            assert!(err.summary().chars().count() <= MAX_SUMMARY_CHARS + 1);
            if let BundleError::Invalid { problems } = &err {
                assert!(problems.len() <= MAX_PROBLEMS + 1);
            }
            let text = err.to_string();
            assert!(text.len() < 64 * 1024, "{} bytes of error", text.len());
            assert!(!text.contains('\u{1b}') && !text.contains('\u{202E}'));
            if json.len() > MAX_BUNDLE_BYTES {
                assert!(matches!(err, BundleError::TooLarge { .. }));
            }
        }
    }
});
