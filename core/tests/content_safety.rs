//! Hostile bundles: content cannot widen what the SDK does. Each test puts something hostile
//! into a text of the embedded bundle and checks that the bundle is refused with the typed
//! problem naming the item, and that the content in use stays as it was.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use passkey_ready_core::content::limits::MAX_TEXT_CHARS;
use passkey_ready_core::content::{Bundle, BundleError, ContentStore, LoadPolicy, Problem};
use serde_json::{json, Value};

/// `ja.guides[android].parts[android.screen_lock].steps[1].text`: the first step of the
/// Android guide's first part.
const STEP: &str = "/locales/ja/guides/4/parts/0/steps/0/text";
const STEP_PATH: &str = "ja.guides[android].parts[android.screen_lock].steps[1].text";

fn embedded_value() -> Value {
    serde_json::from_str(&Bundle::embedded().unwrap().to_json()).unwrap()
}

/// The embedded bundle with `text` as the first step of the Android guide (ja).
fn with_step_text(text: &str) -> String {
    let mut value = embedded_value();
    *value.pointer_mut(STEP).unwrap() = json!(text);
    value.to_string()
}

fn problems(json: &str, policy: &LoadPolicy) -> Vec<Problem> {
    match Bundle::from_json_with(json, policy) {
        Err(BundleError::Invalid { problems }) => problems,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

/// Loads `json` into a store holding the embedded guide: it must be refused, and the store
/// must still hold the very same bundle. Returns the problems.
fn refused(json: &str) -> Vec<Problem> {
    let store = ContentStore::embedded().unwrap();
    let before = store.current();
    let err = store.load_json(json).unwrap_err();
    assert!(
        std::sync::Arc::ptr_eq(&before, &store.current()),
        "content in use changed"
    );
    match err {
        BundleError::Invalid { problems } => problems,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn the_embedded_guide_passes_the_safety_rules() {
    // Its labels (<設定1>, ＜設定3＞) and menu paths ([A]>[B]) are text.
    let bundle = Bundle::embedded().unwrap();
    let json = bundle.to_json();
    assert!(json.contains("<設定1>") && json.contains("＜設定3＞") && json.contains("]>["));
    assert_eq!(Bundle::from_json(&json).unwrap(), bundle);
}

#[test]
fn scripts_and_markup_are_refused() {
    for (text, found) in [
        ("<script>alert(1)</script>", "<script>"),
        (
            "<SCRIPT SRC=//evil.example/x.js>",
            "<SCRIPT SRC=//evil.example/x.js>",
        ),
        (
            "<a href=\"https://www.bank.example/\">ここ</a>をタップ",
            "<a href=\"https://www.bank.example/\">",
        ),
        (
            "<img src=x onerror=alert(1)>",
            "<img src=x onerror=alert(1)>",
        ),
        ("<iframe srcdoc='x'>", "<iframe srcdoc='x'>"),
        ("<svg/onload=alert(1)>", "<svg/onload=alert(1)>"),
        ("<style>body{display:none}</style>", "<style>"),
        ("[設定]をタップ</p>", "</p>"),
        ("<!-- 隠し -->[設定]をタップ", "<!-- 隠し -->"),
        ("<Setting 1 data-x=1>", "<Setting 1 data-x=1>"),
        ("<x-widget src=evil>", "<x-widget src=evil>"),
        ("[設定]をタップ onclick=steal()", "onclick="),
    ] {
        let problems = refused(&with_step_text(text));
        let expected = Problem::Markup {
            path: STEP_PATH.into(),
            found: found.into(),
        };
        assert!(problems.contains(&expected), "{text}: {problems:#?}");
    }
}

#[test]
fn links_other_than_https_to_allowed_hosts_are_refused() {
    for (text, scheme) in [
        ("javascript:alert(document.cookie)", "javascript"),
        ("JavaScript: void(0)", "javascript"),
        (
            "intent://scan/#Intent;scheme=zxing;package=com.evil;end",
            "intent",
        ),
        (
            "intent:#Intent;action=android.settings.SETTINGS;end",
            "intent",
        ),
        ("data:text/html;base64,PHNjcmlwdD4=", "data"),
        ("file:///data/data/com.bank/shared_prefs/x.xml", "file"),
        ("bankapp://transfer?to=evil", "bankapp"),
        ("foo://bar", "foo"),
        ("http://www.bank.example/passkey", "http"),
        ("tel:0120000000 に電話", "tel"),
        ("prefs:root=General", "prefs"),
    ] {
        let problems = refused(&with_step_text(&format!("[設定]をタップ {text}")));
        assert!(
            problems.iter().any(|p| matches!(p,
                Problem::ForbiddenScheme { path, scheme: s, .. } if path == STEP_PATH && s == scheme)),
            "{text}: {problems:#?}"
        );
    }
    for text in ["www.evil.example を開く", "[ここ](//evil.example/x)"] {
        let problems = refused(&with_step_text(text));
        assert!(
            problems.iter().any(|p| matches!(p,
                Problem::LinkWithoutScheme { path, .. } if path == STEP_PATH)),
            "{text}: {problems:#?}"
        );
    }
}

#[test]
fn https_links_need_the_app_to_allow_the_host() {
    let json = with_step_text("詳しくは https://www.bank.example/passkey をご覧ください");
    // By default no link is allowed: the embedded content has none.
    assert_eq!(
        problems(&json, &LoadPolicy::default()),
        [Problem::LinkNotAllowed {
            path: STEP_PATH.into(),
            url: "https://www.bank.example/passkey".into(),
            host: "www.bank.example".into(),
        }]
    );
    assert!(refused(&json).len() == 1);

    let policy = LoadPolicy::allowing_links_to(["www.bank.example"]);
    let bundle = Bundle::from_json_with(&json, &policy).unwrap();
    let store = ContentStore::embedded().unwrap();
    store.load_json_with(&json, &policy).unwrap();
    assert_eq!(*store.current(), bundle);

    // The same policy does not allow other hosts, user info tricks or other schemes.
    for (text, host) in [
        ("https://evil.example/", "evil.example"),
        ("https://bank.example/", "bank.example"),
        (
            "https://www.bank.example.evil.example/",
            "www.bank.example.evil.example",
        ),
        (
            "https://www.bank.example@evil.example/",
            "www.bank.example@evil.example",
        ),
        (
            "https://www.bank.example%2eevil.example/",
            "www.bank.example%2eevil.example",
        ),
    ] {
        let problems = problems(&with_step_text(text), &policy);
        assert!(
            problems.iter().any(|p| matches!(p,
                Problem::LinkNotAllowed { path, host: h, .. } if path == STEP_PATH && h == host)),
            "{text}: {problems:#?}"
        );
    }
    assert!(!problems(&with_step_text("http://www.bank.example/"), &policy).is_empty());
}

#[test]
fn control_and_bidi_characters_are_refused() {
    for (text, problem) in [
        (
            "[設定]を\tタップ",
            Problem::ControlCharacter {
                path: STEP_PATH.into(),
                code_point: "U+0009".into(),
            },
        ),
        (
            "[設定]を\u{0}タップ",
            Problem::ControlCharacter {
                path: STEP_PATH.into(),
                code_point: "U+0000".into(),
            },
        ),
        (
            "[設定]を\u{1b}[2Jタップ",
            Problem::ControlCharacter {
                path: STEP_PATH.into(),
                code_point: "U+001B".into(),
            },
        ),
        (
            "[設定]を\rタップ",
            Problem::ControlCharacter {
                path: STEP_PATH.into(),
                code_point: "U+000D".into(),
            },
        ),
        (
            "[設定]を\u{202E}プッタ",
            Problem::BidiControl {
                path: STEP_PATH.into(),
                code_point: "U+202E".into(),
            },
        ),
        (
            "[設定]を\u{2066}タップ\u{2069}",
            Problem::BidiControl {
                path: STEP_PATH.into(),
                code_point: "U+2066".into(),
            },
        ),
    ] {
        let problems = refused(&with_step_text(text));
        assert!(problems.contains(&problem), "{text:?}: {problems:#?}");
    }
    // The newline is the one control character texts may use.
    let json = with_step_text("[設定]を\nタップ");
    assert!(Bundle::from_json(&json).is_ok());
}

#[test]
fn every_kind_of_text_is_checked_and_named() {
    // Not only steps: titles, FAQ answers and messages, table cells, notes, check texts,
    // report texts, labels, the service name.
    for (pointer, path) in [
        ("/locales/en/title", "en.title"),
        ("/locales/en/service_name", "en.service_name"),
        (
            "/locales/ja/troubleshooting/faqs/0/messages/0",
            "ja.troubleshooting.faqs[faq.in_app_browser].messages[1]",
        ),
        (
            "/locales/ja/preparation/device_table/rows/0/standard_browser/text",
            "ja.preparation.device_table.rows[1].standard_browser.text",
        ),
        (
            "/locales/en/guides/4/parts/0/label",
            "en.guides[android].parts[android.screen_lock].label",
        ),
        ("/locales/en/checks/3/fail", "en.checks[screen_lock].fail"),
        ("/locales/ja/report/ready", "ja.report.ready"),
    ] {
        let mut value = embedded_value();
        *value.pointer_mut(pointer).unwrap() = json!("<script>x</script>");
        let problems = refused(&value.to_string());
        assert!(
            problems.iter().any(|p| matches!(p,
                Problem::Markup { path: at, .. } if at == path)),
            "{pointer}: {problems:#?}"
        );
    }
}

#[test]
fn a_bundle_cannot_add_an_action_or_any_other_field() {
    // Actions are `SettingsAction`, a Rust enum chosen by the readiness rules; no struct of
    // the bundle has a field for one, and every struct refuses unknown fields.
    for (pointer, field, path) in [
        (
            "/locales/ja/guides/4/parts/0/steps/0",
            "action",
            "locales.ja.guides[4].parts[0].steps[0].action",
        ),
        (
            "/locales/en/checks/3",
            "action",
            "locales.en.checks[3].action",
        ),
        (
            "/locales/ja/troubleshooting/faqs/0",
            "url",
            "locales.ja.troubleshooting.faqs[0].url",
        ),
        ("", "actions", "actions"),
    ] {
        let mut value = embedded_value();
        value
            .pointer_mut(pointer)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert(
                field.into(),
                json!("intent:#Intent;action=android.settings.SETTINGS;end"),
            );
        let store = ContentStore::embedded().unwrap();
        let before = store.current();
        match store.load_json(&value.to_string()) {
            Err(BundleError::Malformed { path: at, message }) => {
                assert_eq!(at, path);
                assert!(message.contains("unknown field"), "{message}");
            }
            other => panic!("{pointer}: {other:?}"),
        }
        assert!(std::sync::Arc::ptr_eq(&before, &store.current()));
    }
    // A note kind is an enum as well: no `script` kind.
    let mut value = embedded_value();
    value
        .pointer_mut("/locales/ja/guides/4/parts/0/steps/0")
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert("notes".into(), json!([{ "kind": "script", "text": "x" }]));
    assert!(matches!(
        Bundle::from_json(&value.to_string()),
        Err(BundleError::Malformed { .. })
    ));
}

#[test]
fn legitimate_text_that_looks_like_markup_or_links_is_accepted() {
    for text in [
        "<設定1>を開く",
        // `<` then a non-ASCII letter is text to the HTML tokenizer, attributes or not.
        "<設定1 data-x=1>",
        "<Setting 1> then <Part 2>",
        "＜設定3＞",
        "[設定]>[自動ログイン]をオン",
        "1 < 2 > 0 and a <= b",
        "Note: a PIN is needed first.",
        "Data: on, Chrome: 120 or later",
        "Turn on = enabled",
        "Passwords, passkeys & accounts",
        "A/B and/or C",
    ] {
        let json = with_step_text(text);
        assert!(
            Bundle::from_json(&json).is_ok(),
            "{text}: {:?}",
            Bundle::from_json(&json)
        );
    }
}

#[test]
fn a_huge_hostile_text_reports_a_bounded_number_of_problems() {
    // 300 KB of `<i>` tags: refused while it is read, as a text over the limit.
    let text = "<i>".repeat(100_000);
    let store = ContentStore::embedded().unwrap();
    match store.load_json(&with_step_text(&text)) {
        Err(BundleError::OverLimit { path, max, unit }) => {
            assert_eq!(path, "locales.ja.guides[4].parts[0].steps[0].text");
            assert_eq!((max, unit), (MAX_TEXT_CHARS, "characters"));
        }
        other => panic!("expected OverLimit, got {other:?}"),
    }
    // At the limit, every `<i>` is markup and eight are reported.
    let text = "<i>".repeat(MAX_TEXT_CHARS / 3);
    let problems = refused(&with_step_text(&text));
    let markup = problems
        .iter()
        .filter(|p| matches!(p, Problem::Markup { .. }))
        .count();
    assert_eq!(
        markup,
        passkey_ready_core::content::safety::MAX_PROBLEMS_PER_TEXT
    );
}
