//! The text guide carries every line of the bank's help page, in the page's order, and the
//! English guide has the same items.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::process::Command;

const SEED: &str = include_str!("../../tests/seed/help_page_ja.txt");

fn passkey_ready(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_passkey-ready"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Only whitespace is normalised: all of it is removed, including full-width spaces.
fn squeeze(line: &str) -> String {
    line.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_line_of_the_seed_is_in_the_japanese_text_guide() {
    let output = passkey_ready(&["guide", "--lang", "ja", "--format", "text"]);
    let lines: Vec<String> = output.lines().map(squeeze).collect();
    // In the page's order: each seed line is found at or after the previous one's line.
    let mut at = 0;
    let mut missing = Vec::new();
    for line in SEED.lines().filter(|line| !squeeze(line).is_empty()) {
        let wanted = squeeze(line);
        match lines.iter().skip(at).position(|l| l.contains(&wanted)) {
            Some(offset) => at += offset,
            None => missing.push(line),
        }
    }
    assert!(
        missing.is_empty(),
        "seed lines not in the guide, or not in the page's order:\n{}",
        missing.join("\n")
    );
    // Guards against an empty or truncated copy of the seed passing vacuously.
    assert_eq!(SEED.lines().filter(|l| !squeeze(l).is_empty()).count(), 129);
}

fn ids(value: &serde_json::Value, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                match (key.as_str(), item) {
                    ("id" | "guide" | "footnote", serde_json::Value::String(id)) => {
                        out.insert(format!("{key}:{id}"));
                    }
                    _ => ids(item, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| ids(i, out)),
        _ => {}
    }
}

#[test]
fn english_guide_has_exactly_the_japanese_ids() {
    let mut by_lang = Vec::new();
    for lang in ["ja", "en"] {
        let json = passkey_ready(&["guide", "--lang", lang, "--format", "json"]);
        let mut found = BTreeSet::new();
        ids(&serde_json::from_str(&json).unwrap(), &mut found);
        by_lang.push(found);
    }
    assert_eq!(by_lang[0], by_lang[1]);
    for id in [
        "id:android.screen_lock",
        "id:ios.icloud_keychain",
        "id:faq.in_app_browser",
    ] {
        assert!(by_lang[0].contains(id), "{id}");
    }
}

#[test]
fn one_device_guide_and_the_service_name() {
    let android = passkey_ready(&["guide", "--lang", "en", "--device", "android"]);
    assert!(android.starts_with("5."), "{android}");
    assert!(!android.contains("Windows Hello"));
    let page = passkey_ready(&["guide", "--service", "ExampleBank Online"]);
    assert!(page.contains("ExampleBank Onlineにアクセスしてお試しください"));
    assert!(!page.contains("プラスネット") && !page.contains("{service}"));
}

#[test]
fn markdown_escapes_and_links_the_table() {
    let md = passkey_ready(&["guide", "--format", "markdown"]);
    assert!(
        md.contains("](#android) |"),
        "the table links each row to its guide"
    );
    assert!(md.contains("\\<設定1\\>"), "labels are escaped, not HTML");
}
