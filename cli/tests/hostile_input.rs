//! Issue 11 through the CLI: hostile bundles, snapshots and service names exit 1 with a short
//! error that names the field and echoes nothing raw.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::process::Output;

use support::run;

use serde_json::{json, Value};

fn embedded() -> Value {
    let out = run(&["export-bundle"], b"");
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Exit 1, and a short stderr without terminal or bidi controls, containing `expected`.
fn refused(out: &Output, expected: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.len() < 8192, "{} bytes on stderr", err.len());
    for c in ['\u{1b}', '\u{7}', '\u{0}', '\u{202e}'] {
        assert!(!err.contains(c), "{c:?} in {err:?}");
    }
    assert!(err.contains(expected), "{expected:?} not in {err}");
    err
}

#[test]
fn validate_refuses_the_issues_200_kb_bundle_quickly_and_briefly() {
    let mut value = embedded();
    let faq = &mut value["locales"]["ja"]["troubleshooting"]["faqs"][0];
    faq["id"] = json!("a".repeat(40_000));
    faq["messages"] = json!(vec![""; 40_000]);
    let out = run(&["validate", "-"], value.to_string().as_bytes());
    refused(&out, "locales.ja.troubleshooting.faqs[0]");
    assert!(out.stdout.is_empty());
}

#[test]
fn validate_refuses_the_issues_links() {
    for (link, hosts) in [
        ("[login](http:evil.example)", &[][..]),
        ("<bankapp:transfer>", &[]),
        ("[x](&#106;avascript:alert(1))", &[]),
        (
            "https://www.bank.example。evil.example/login",
            &["www.bank.example"][..],
        ),
        (
            "https://www.bank.example\u{FF0E}evil.example/login",
            &["www.bank.example"],
        ),
    ] {
        let mut value = embedded();
        value["locales"]["ja"]["guides"][4]["parts"][0]["steps"][0]["text"] = json!(link);
        let mut args = vec!["validate", "-"];
        for host in hosts {
            args.extend(["--allow-link-host", host]);
        }
        let out = run(&args, value.to_string().as_bytes());
        refused(
            &out,
            "ja.guides[android].parts[android.screen_lock].steps[1].text",
        );
    }
}

#[test]
fn validate_echoes_no_escape_from_a_key() {
    let mut value = embedded();
    value["locales"]["ja"]["\u{1b}]0;pwned\u{7}"] = json!(1);
    refused(
        &run(&["validate", "-"], value.to_string().as_bytes()),
        "locales.ja",
    );
    let mut value = embedded();
    value["locales"]["ja"][&"k".repeat(100_000)] = json!(1);
    refused(
        &run(&["validate", "-"], value.to_string().as_bytes()),
        "locales.ja",
    );
}

#[test]
fn validate_accepts_a_byte_order_mark_and_refuses_repeated_keys() {
    let json = embedded().to_string();
    let out = run(&["validate", "-"], format!("\u{FEFF}{json}").as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doubled = json.replacen(
        "\"schema_version\":4",
        "\"schema_version\":4,\"schema_version\":4",
        1,
    );
    assert_ne!(doubled, json);
    refused(
        &run(&["validate", "-"], doubled.as_bytes()),
        "schema_version",
    );
}

#[test]
fn check_refuses_hostile_snapshots_without_echoing_them() {
    for (snapshot, expected) in [
        (
            json!({"platform": "android", "signals": {"google_account": "taro.yamada@example.com"}}),
            "signals.google_account",
        ),
        (
            json!({"platform": "android", "signals": {"taro.yamada@example.com": "yes"}}),
            "signals",
        ),
        (
            json!({"platform": "android", "os_version": "14\u{0}"}),
            "os_version",
        ),
        (
            json!({"platform": "android", "os_version": "8\u{1b}[31mRED"}),
            "os_version",
        ),
        (
            json!({"platform": "android", "signals": {"\u{1b}[2J": "yes"}}),
            "signals",
        ),
    ] {
        let out = run(&["check", "--json"], snapshot.to_string().as_bytes());
        let err = refused(&out, expected);
        assert!(!err.contains("taro"), "{err}");
    }
    let out = run(
        &["check", "--json"],
        br#"{"platform": "android", "platform": "ios"}"#,
    );
    refused(&out, "platform");
    let out = run(
        &["check", "--json"],
        "\u{FEFF}{\"platform\": \"android\", \"os_version\": \"14\"}".as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn service_names_are_checked() {
    let snapshot = br#"{"platform": "android", "os_version": "14"}"#;
    for bad in [
        "Bank\n<script>alert(1)</script>".to_owned(),
        "\u{1b}[31mRED".to_owned(),
        "Bank\u{202E}knaB".to_owned(),
        "{os_version}".to_owned(),
        "B".repeat(10_000),
    ] {
        refused(&run(&["guide", "--service", &bad], b""), "--service");
        refused(&run(&["check", "--service", &bad], snapshot), "--service");
    }
    let out = run(&["guide", "--service", "テスト銀行"], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("テスト銀行"));
}
