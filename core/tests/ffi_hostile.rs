//! Issue 11 over FFI (`--features uniffi`): what a host app gets back from hostile input is a
//! typed error with a short reason, never a process abort or a megabyte of text.

#![cfg(feature = "uniffi")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use passkey_ready_core::content::{Bundle, Locale, MAX_SERVICE_NAME_CHARS};
use passkey_ready_core::ffi::{snapshot_from_json, PasskeyReady, PasskeyReadyError};
use serde_json::{json, Value};

fn embedded() -> Value {
    serde_json::from_str(&Bundle::embedded().unwrap().to_json()).unwrap()
}

#[test]
fn load_bundle_of_the_issues_bundle_is_invalid_with_a_short_reason() {
    let sdk = PasskeyReady::new(None).unwrap();
    let before = sdk.export_bundle().unwrap();
    let mut value = embedded();
    let faq = &mut value["locales"]["ja"]["troubleshooting"]["faqs"][0];
    faq["id"] = json!("a".repeat(40_000));
    faq["messages"] = json!(vec![""; 40_000]);
    match sdk.load_bundle(value.to_string()) {
        Err(PasskeyReadyError::InvalidBundle { reason, problems }) => {
            assert!(reason.chars().count() <= 301, "{} chars", reason.len());
            assert!(problems.len() <= 51);
            assert!(problems.iter().all(|p| p.len() < 1024));
        }
        other => panic!("expected InvalidBundle, got {other:?}"),
    }
    assert_eq!(sdk.export_bundle().unwrap(), before);
}

#[test]
fn load_bundle_with_a_problem_in_every_text_has_a_one_line_reason() {
    let sdk = PasskeyReady::new(None).unwrap();
    let mut value = embedded();
    for locale in ["ja", "en"] {
        for faq in value["locales"][locale]["troubleshooting"]["faqs"]
            .as_array_mut()
            .unwrap()
        {
            faq["messages"] = json!(vec!["<b>x</b>"; 16]);
        }
    }
    match sdk.load_bundle(value.to_string()) {
        Err(PasskeyReadyError::InvalidBundle { reason, problems }) => {
            assert!(!reason.contains('\n'), "{reason}");
            assert!(
                reason.starts_with("bundle has more than 50 problem(s); first: "),
                "{reason}"
            );
            assert_eq!(problems.len(), 51);
        }
        other => panic!("expected InvalidBundle, got {other:?}"),
    }
}

#[test]
fn a_megabyte_device_id_gets_a_short_error() {
    let sdk = PasskeyReady::new(None).unwrap();
    let device = format!("\u{1b}[31m{}", "x".repeat(1 << 20));
    match sdk.guide_markdown(Locale::Ja, Some(device), None) {
        Err(PasskeyReadyError::InvalidInput { field, reason }) => {
            assert_eq!(field, "device");
            assert!(reason.len() < 200, "{} bytes", reason.len());
            assert!(!reason.contains('\u{1b}'));
        }
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[test]
fn the_service_name_is_checked() {
    for bad in [
        "Bank\n<script>alert(1)</script>".to_owned(),
        "<img src=x onerror=alert(1)>".to_owned(),
        "\u{1b}[31mRED".to_owned(),
        "Bank\u{202E}knaB".to_owned(),
        "Bank\u{200B}".to_owned(),
        "[Bank](https://evil.example)".to_owned(),
        "{os_version}".to_owned(),
        "銀".repeat(MAX_SERVICE_NAME_CHARS + 1),
    ] {
        match PasskeyReady::new(Some(bad.clone())) {
            Err(PasskeyReadyError::InvalidInput { field, reason }) => {
                assert_eq!(field, "service", "{bad:?}");
                assert!(reason.len() < 300, "{bad:?}: {reason}");
                assert!(!reason.contains('\u{1b}') && !reason.contains('\u{202E}'));
            }
            other => panic!(
                "{bad:?}: expected InvalidInput, got {:?}",
                other.map(|_| ())
            ),
        }
    }
    for good in [
        "テスト銀行".to_owned(),
        "PlusNet".to_owned(),
        "Bank & Trust (Online)".to_owned(),
        "銀".repeat(MAX_SERVICE_NAME_CHARS),
    ] {
        let sdk = PasskeyReady::new(Some(good.clone())).unwrap();
        let answer = &sdk.guide(Locale::Ja).unwrap().troubleshooting.faqs[0].answer;
        assert!(answer.contains(&good), "{answer}");
    }
}

#[test]
fn snapshot_errors_name_the_field_and_not_the_address() {
    const EMAIL: &str = "taro.yamada@example.com";
    for (json, expected) in [
        (
            json!({"platform": "android", "signals": {"google_account": EMAIL}}),
            "signals.google_account",
        ),
        (
            json!({"platform": "android", "signals": {EMAIL: "yes"}}),
            "signals",
        ),
        (
            json!({"platform": "android", "os_version": format!("8 ({EMAIL})")}),
            "os_version",
        ),
    ] {
        match snapshot_from_json(json.to_string()) {
            Err(PasskeyReadyError::InvalidSnapshot { field, reason }) => {
                assert_eq!(field, expected);
                assert!(
                    !reason.contains("taro") && !field.contains("taro"),
                    "{reason}"
                );
            }
            other => panic!("{json}: expected InvalidSnapshot, got {other:?}"),
        }
    }
}

/// The fields the Kotlin and Swift error tests expect stay what they were.
#[test]
fn the_shells_snapshot_error_fields_are_unchanged() {
    let long_ua = format!(
        "{{\"platform\": \"ios\", \"user_agent\": \"{}\"}}",
        "a".repeat(1025)
    );
    let cases = [
        (
            r#"{"platform": "ios", "signals": {"passcode": "maybe"}}"#.to_owned(),
            "signals.passcode",
        ),
        (
            r#"{"platform": "ios", "signals": {"screen_lock": "yes"}}"#.to_owned(),
            "signals.screen_lock",
        ),
        (
            r#"{"platform": "ios", "signals": {"face_id": "yes"}}"#.to_owned(),
            "signals.face_id",
        ),
        (r#"{"platform": "blackberry"}"#.to_owned(), "platform"),
        (
            r#"{"platform": "ios", "os_version": "beta"}"#.to_owned(),
            "os_version",
        ),
        (r#"{"platform": 16}"#.to_owned(), "platform"),
        (
            r#"{"platform": "ios", "colour": "red"}"#.to_owned(),
            "colour",
        ),
        ("[]".to_owned(), "(root)"),
        (long_ua, "user_agent"),
        (" ".repeat(16 * 1024 + 1), "snapshot"),
    ];
    for (json, expected) in cases {
        match snapshot_from_json(json.clone()) {
            Err(PasskeyReadyError::InvalidSnapshot { field, reason }) => {
                assert_eq!(field, expected, "{}", &json[..json.len().min(80)]);
                if expected == "platform" && json.contains("blackberry") {
                    assert!(reason.contains("blackberry"), "{reason}");
                }
            }
            other => panic!("{json}: expected InvalidSnapshot, got {other:?}"),
        }
    }
    match snapshot_from_json("{\"platform\": ".to_owned()) {
        Err(PasskeyReadyError::InvalidSnapshot { field, .. }) => assert!(!field.is_empty()),
        other => panic!("expected InvalidSnapshot, got {other:?}"),
    }
}
