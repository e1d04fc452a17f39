//! Privacy: what the core produces never carries an e-mail address, an account name or a
//! device identifier, and the core does no I/O.
//!
//! The serialised forms checked are the ones that leave the core: snapshots (`to_json`),
//! readiness reports (ja and en), diagnoses and user-agent results, for every vector of
//! tests/vectors/ and every example of examples/. Inputs are also given an e-mail address
//! where they can carry free text (user agent, diagnose message): it must not come back.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use passkey_ready_core::content::{Bundle, Locale};
use passkey_ready_core::diagnose::diagnose;
use passkey_ready_core::readiness::{evaluate, CheckId, DeviceSnapshot};
use passkey_ready_core::useragent::classify_user_agent;
use passkey_ready_core::Platform;
use serde_json::Value;

const READINESS: &str = include_str!("../../tests/vectors/readiness.json");
const DIAGNOSES: &str = include_str!("../../tests/vectors/diagnoses.json");
const USER_AGENTS: &str = include_str!("../../tests/vectors/user_agents.json");

const EMAIL: &str = "taro.yamada@example.co.jp";

/// Key fragments that would mean a personal field: an account's name or address, a user,
/// a device identifier.
const PERSONAL_KEYS: [&str; 14] = [
    "name",
    "mail",
    "user",
    "login",
    "address",
    "phone",
    "device_id",
    "android_id",
    "serial",
    "imei",
    "idfa",
    "idfv",
    "advertising",
    "token",
];

/// Whether `text` holds something shaped like an e-mail address: `local@domain.tld`.
fn has_email(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        if c != '@' || i == 0 {
            return false;
        }
        let local_ok = chars[i - 1].is_alphanumeric() || "._%+-".contains(chars[i - 1]);
        let domain: String = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_alphanumeric() || **c == '.' || **c == '-')
            .collect();
        let tld_ok = domain
            .rsplit_once('.')
            .is_some_and(|(host, tld)| !host.is_empty() && tld.chars().count() >= 2);
        local_ok && tld_ok
    })
}

/// Whether `text` holds something shaped like a device or advertising identifier: a UUID, or
/// a run of 16 or more hex digits with both letters and digits (an Android ID).
fn has_device_id(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
        .any(|run| {
            let groups: Vec<usize> = run.split('-').map(str::len).collect();
            let uuid = groups == [8, 4, 4, 4, 12];
            let hex = run.replace('-', "");
            let android_id = hex.len() >= 16
                && hex.chars().any(|c| c.is_ascii_digit())
                && hex.chars().any(|c| c.is_ascii_alphabetic());
            uuid || android_id
        })
}

/// Every key and string of a serialised form passes the checks; `what` names it in failures.
fn assert_private(what: &str, value: &Value) {
    fn walk(what: &str, at: &str, value: &Value) {
        match value {
            Value::String(s) => {
                assert!(!has_email(s), "{what}: {at} holds an e-mail address: {s:?}");
                assert!(!has_device_id(s), "{what}: {at} holds a device id: {s:?}");
            }
            Value::Array(items) => {
                for (n, item) in items.iter().enumerate() {
                    walk(what, &format!("{at}[{n}]"), item);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    let path = format!("{at}.{key}");
                    if at.ends_with(".signals") {
                        // A snapshot's signals: check ids only, and tri-state values.
                        assert!(CheckId::parse(key).is_some(), "{what}: {path}");
                        assert!(
                            matches!(item.as_str(), Some("yes" | "no" | "unknown")),
                            "{what}: {path} = {item}"
                        );
                        continue;
                    }
                    let lower = key.to_ascii_lowercase();
                    // The browser's user agent is not about the person (and is checked
                    // as a string like every other).
                    if lower == "user_agent" {
                        walk(what, &path, item);
                        continue;
                    }
                    for fragment in PERSONAL_KEYS {
                        assert!(
                            !lower.contains(fragment),
                            "{what}: field {path} looks personal ({fragment})"
                        );
                    }
                    assert!(!has_email(key), "{what}: {path}");
                    walk(what, &path, item);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
    walk(what, "", value);
}

fn json(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn the_detectors_detect() {
    assert!(has_email(EMAIL) && has_email("mail: a@b.jp here") && has_email("山田@例え.日本"));
    assert!(!has_email("@example") && !has_email("a@b") && !has_email("Version/17.4 @2x"));
    assert!(has_device_id("idfv 6F9619FF-8B86-D011-B42D-00C04FC964FF"));
    assert!(has_device_id("android_id=9774d56d682e549c"));
    assert!(!has_device_id(
        "Chrome/124.0.6367.82 Build/AP2A.240605.024 GSA/311.0.622579862"
    ));
}

/// Reports in both languages for a snapshot, checked, with the snapshot itself.
fn check_snapshot(what: &str, snapshot: &DeviceSnapshot, bundle: &Bundle) {
    assert_private(what, &serde_json::from_str(&snapshot.to_json()).unwrap());
    for locale in Locale::ALL {
        let guide = bundle.guide(locale).with_service(None);
        if let Ok(report) = evaluate(snapshot, &guide) {
            assert_private(
                &format!("{what} report ({})", locale.code()),
                &json(&report),
            );
        }
    }
}

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn snapshots_and_reports_of_every_vector_and_example() {
    let bundle = Bundle::embedded().unwrap();
    let vectors: Value = serde_json::from_str(READINESS).unwrap();
    let mut count = 0;
    for case in vectors["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let snapshot = DeviceSnapshot::from_json(&case["snapshot"].to_string()).unwrap();
        check_snapshot(name, &snapshot, &bundle);
        // A user agent carrying an e-mail address: the report does not repeat it.
        let mut with_email = snapshot.clone();
        let ua = with_email.user_agent.take().unwrap_or_default();
        with_email.user_agent = Some(format!("{ua} ({EMAIL})"));
        for locale in Locale::ALL {
            let report = evaluate(&with_email, &bundle.guide(locale).with_service(None)).unwrap();
            assert_private(&format!("{name} + e-mail"), &json(&report));
        }
        count += 1;
    }
    for file in examples() {
        let text = std::fs::read_to_string(&file).unwrap();
        let snapshot = DeviceSnapshot::from_json(&text).unwrap();
        check_snapshot(&file.display().to_string(), &snapshot, &bundle);
        count += 1;
    }
    assert!(count >= 20, "{count}");
}

#[test]
fn diagnoses_of_every_vector() {
    let bundle = Bundle::embedded().unwrap();
    let vectors: Value = serde_json::from_str(DIAGNOSES).unwrap();
    for case in vectors["cases"].as_array().unwrap() {
        let input = case["input"].as_str().unwrap();
        let platform: Option<Platform> = serde_json::from_value(case["platform"].clone()).unwrap();
        let matches = diagnose(&bundle, input, platform).unwrap();
        assert_private(input, &json(&matches));
        // The customer pasted a message with their address in it.
        let with_email = format!("{input} {EMAIL}");
        if let Ok(matches) = diagnose(&bundle, &with_email, platform) {
            assert_private(&with_email, &json(&matches));
        }
    }
}

#[test]
fn user_agent_results_of_every_vector_and_corpus_line() {
    let vectors: Value = serde_json::from_str(USER_AGENTS).unwrap();
    let corpus = include_str!("../../tests/corpus/user_agents.txt");
    let uas = vectors["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["user_agent"].as_str().unwrap())
        .chain(
            corpus
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#')),
        );
    for ua in uas {
        assert_private(ua, &json(classify_user_agent(ua).unwrap()));
        let with_email = format!("{ua} {EMAIL}");
        if let Ok(info) = classify_user_agent(&with_email) {
            assert_private(&with_email, &json(info));
        }
    }
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a Rust file without its comments (line comments, doc comments, block
/// comments), so that documentation may name what the code does not use.
fn without_comments(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.find('\n').map_or("", |n| &after[n..]);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.find("*/").map_or("", |n| &after[n + 2..]);
        } else if rest.starts_with('"') {
            // A string literal, kept whole so that `"//"` inside it is not a comment.
            let end = rest[1..]
                .char_indices()
                .scan(false, |escaped, (i, c)| {
                    let done = c == '"' && !*escaped;
                    *escaped = c == '\\' && !*escaped;
                    Some((i, done))
                })
                .find(|(_, done)| *done)
                .map_or(rest.len(), |(i, _)| i + 2);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if let Some(len) = char_literal(rest) {
            // `'"'` is a character, not the start of a string.
            out.push_str(&rest[..len]);
            rest = &rest[len..];
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The length of the character literal `rest` starts with (`'x'`, `'\\n'`, `'\\''`), if it
/// starts with one rather than a lifetime.
fn char_literal(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix('\'')?;
    let mut chars = body.char_indices();
    let (_, first) = chars.next()?;
    if first == '\\' {
        let (_, _escaped) = chars.next()?;
        let close = body.get(2..)?.find('\'')?;
        return (close <= 8).then_some(close + 4);
    }
    let (i, next) = chars.next()?;
    (next == '\'').then_some(i + 2)
}

#[test]
fn the_core_does_no_io() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 10);
    // Paths into the I/O parts of std, written out or imported in a group (`use std::{fs,`).
    const FORBIDDEN: [&str; 8] = [
        "std::fs",
        "std::net",
        "std::process",
        "std::env",
        "std::os",
        "std::io::stdin",
        "File::open",
        "TcpStream",
    ];
    for file in files {
        let code = without_comments(&std::fs::read_to_string(&file).unwrap());
        let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        for forbidden in FORBIDDEN {
            assert!(
                !compact.contains(forbidden),
                "{}: uses {forbidden}",
                file.display()
            );
        }
        // `use std::{…}` groups: no fs, net, process, env, os inside.
        for group in compact.split("std::{").skip(1) {
            let group = group.split('}').next().unwrap_or_default();
            for item in group.split(',') {
                let head = item.split("::").next().unwrap_or_default();
                assert!(
                    !["fs", "net", "process", "env", "os"].contains(&head),
                    "{}: uses std::{head}",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn the_no_io_scan_sees_through_formatting_and_groups() {
    // The scanner itself, on code that would break the rule.
    let code = "use std::{collections::HashMap, fs};\n// std::net in a comment is fine\n";
    let compact: String = without_comments(code)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(!compact.contains("std::net"));
    assert!(compact.contains("std::{collections::HashMap,fs}"));
    assert!(without_comments("let s = \"// not a comment\"; std :: env").contains("std :: env"));
    assert!(without_comments("b'\"' // x\nstd::fs").ends_with("std::fs"));
    assert!(without_comments("'\\'' // x\nstd::fs").ends_with("std::fs"));
    assert!(without_comments("fn f<'a>() // x\n").starts_with("fn f<'a>()"));
}
