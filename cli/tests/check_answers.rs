//! `passkey-ready check` gives a support engineer the right answer, in ja and en: Windows 10
//! is supported (with a note that the guide shows Windows 11), a snapshot with only a user
//! agent takes the OS version from it, and the OS question names the minimum.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::process::Output;

use support::run;

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn check(lang: &str, snapshot: &str, extra: &[&str]) -> String {
    let args = [
        &["check", "--lang", lang, "--snapshot", snapshot][..],
        extra,
    ]
    .concat();
    stdout(&run(&args, b""))
}

fn check_json(lang: &str, snapshot: &str) -> serde_json::Value {
    serde_json::from_str(&check(lang, snapshot, &["--json"])).unwrap()
}

#[test]
fn windows_10_is_ready_with_a_note_in_both_languages() {
    for (lang, note, never) in [
        (
            "ja",
            "Windows 10でもWindows Helloでパスキーを登録できます。",
            "登録できません",
        ),
        (
            "en",
            "Windows 10 can register passkeys with Windows Hello too.",
            "cannot be registered",
        ),
    ] {
        let text = check(lang, "examples/windows-10.json", &[]);
        assert!(text.starts_with("windows [ready]"), "{lang}: {text}");
        assert!(text.contains(note), "{lang}: {text}");
        assert!(!text.contains(never), "{lang}: {text}");
        assert!(
            !text.contains("10.0.19045"),
            "{lang}: the raw build: {text}"
        );
        let report = check_json(lang, "examples/windows-10.json");
        assert_eq!(report["status"], "ready");
        assert_eq!(report["guide"], "windows_hello");
    }
}

#[test]
fn windows_10_without_windows_hello_needs_it_not_an_os_update() {
    let snapshot =
        br#"{"platform":"windows","os_version":"10.0.19045","signals":{"windows_hello":"no"}}"#;
    for lang in ["ja", "en"] {
        let out = run(&["check", "--json", "--lang", lang], snapshot);
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(report["status"], "action_required", "{lang}");
        let fails: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] == "fail" && f["required"] == true)
            .map(|f| f["check"].as_str().unwrap())
            .collect();
        assert_eq!(fails, ["windows_hello"], "{lang}");
        let asked: Vec<&str> = report["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["check"].as_str().unwrap())
            .collect();
        assert_eq!(
            asked,
            ["already_uses_passkeys", "device_password"],
            "{lang}"
        );
    }
}

#[test]
fn a_snapshot_with_only_a_user_agent_uses_its_os_version() {
    for (lang, summary) in [
        (
            "ja",
            "このOSのバージョン（iOS 15.7）ではパスキーを登録できません。iOS 16以降に更新してください。",
        ),
        (
            "en",
            "Passkeys cannot be registered on this OS version (iOS 15.7). Please update to iOS 16 or later.",
        ),
    ] {
        let text = check(lang, "examples/iphone-user-agent-only.json", &[]);
        assert!(
            text.starts_with(&format!("ios [unsupported] {summary}")),
            "{lang}: {text}"
        );
        // An unsupported device is asked nothing.
        assert!(!text.contains("\nQ ["), "{lang}: {text}");
    }
}

#[test]
fn a_user_agent_that_hides_the_version_leads_to_a_question_naming_the_minimum() {
    let snapshot = br#"{"platform":"android","user_agent":"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"}"#;
    for (lang, question) in [
        (
            "ja",
            "Q [os_version] お使いの端末のOSはAndroid 9以降ですか？",
        ),
        (
            "en",
            "Q [os_version] Is your device's OS Android 9 or later?",
        ),
    ] {
        let text = stdout(&run(&["check", "--lang", lang], snapshot));
        assert!(text.contains(question), "{lang}: {text}");
        let first_question = text.lines().find(|l| l.starts_with("Q [")).unwrap();
        assert!(
            first_question.starts_with("Q [already_uses_passkeys]"),
            "{lang}: {text}"
        );
    }
}

#[test]
fn a_platform_contradicting_the_user_agent_is_refused_naming_both() {
    let snapshot = br#"{"platform":"windows","user_agent":"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36"}"#;
    let out = run(&["check"], snapshot);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("windows") && err.contains("android"), "{err}");
}
