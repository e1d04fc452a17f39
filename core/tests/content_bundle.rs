//! Content bundles: every kind of problem is caught and named, loading is all-or-nothing, and
//! the embedded content survives export → validate → load unchanged.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use passkey_ready_core::content::{
    Bundle, BundleError, ContentStore, Locale, Problem, MAX_BUNDLE_BYTES,
};
use serde_json::{json, Value};

fn embedded_value() -> Value {
    serde_json::from_str(&Bundle::embedded().unwrap().to_json()).unwrap()
}

/// Applies `edit` to the embedded bundle and returns the problems it is rejected with.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut value = embedded_value();
    edit(&mut value);
    match Bundle::from_json(&value.to_string()) {
        Err(BundleError::Invalid { problems }) => problems,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn in_both(value: &mut Value, pointer: &str, new: Value) {
    for lang in ["ja", "en"] {
        *value
            .pointer_mut(&format!("/locales/{lang}{pointer}"))
            .unwrap_or_else(|| panic!("{pointer}")) = new.clone();
    }
}

#[test]
fn embedded_content_is_valid_and_round_trips() {
    let embedded = Bundle::embedded().unwrap();
    // The SDK does not validate its own content at run time: this test is what does.
    assert_eq!(passkey_ready_core::content::validate(&embedded), []);
    let exported = embedded.to_json();
    let loaded = Bundle::from_json(&exported).unwrap();
    assert_eq!(loaded, embedded);
    let store = ContentStore::embedded().unwrap();
    store.load_json(&exported).unwrap();
    assert_eq!(*store.current(), embedded);
}

#[test]
fn invalid_id() {
    let problems = problems_after(|v| in_both(v, "/guides/0/id", json!("Windows Hello")));
    assert!(problems.contains(&Problem::InvalidId {
        path: "ja.guides[\"Windows Hello\"]".into(),
        id: "Windows Hello".into()
    }));
}

#[test]
fn duplicate_id() {
    let problems =
        problems_after(|v| in_both(v, "/troubleshooting/faqs/1/id", json!("faq.in_app_browser")));
    assert!(problems.contains(&Problem::DuplicateId {
        locale: "ja".into(),
        path: "ja.troubleshooting.faqs[faq.in_app_browser]".into(),
        id: "faq.in_app_browser".into()
    }));
}

#[test]
fn part_outside_its_guide() {
    let problems = problems_after(|v| in_both(v, "/guides/4/parts/0/id", json!("ios.screen_lock")));
    assert!(problems.iter().any(|p| matches!(p,
        Problem::PartOutsideGuide { id, guide, .. } if id == "ios.screen_lock" && guide == "android")));
}

#[test]
fn empty_text() {
    let problems = problems_after(|v| {
        *v.pointer_mut("/locales/en/guides/4/parts/0/steps/3/text")
            .unwrap() = json!("  ");
    });
    assert_eq!(
        problems,
        [Problem::EmptyText {
            path: "en.guides[android].parts[android.screen_lock].steps[4].text".into()
        }]
    );
}

#[test]
fn unbalanced_and_unknown_placeholders() {
    let problems = problems_after(|v| {
        *v.pointer_mut("/locales/ja/title").unwrap() = json!("{service の案内");
        *v.pointer_mut("/locales/en/title").unwrap() = json!("Guide for {bank}");
    });
    let paths: Vec<String> = problems
        .iter()
        .filter_map(|p| match p {
            Problem::Placeholder { path, .. } => Some(path.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(paths, ["ja.title", "en.title"]);
}

#[test]
fn unresolved_references() {
    let problems = problems_after(|v| {
        in_both(
            v,
            "/preparation/device_table/rows/0/guide",
            json!("windows_10"),
        );
        in_both(
            v,
            "/troubleshooting/faqs/1/sections",
            json!(["windows_hello.pin"]),
        );
        in_both(
            v,
            "/preparation/device_table/rows/1/standard_browser/footnote",
            json!("table.x"),
        );
    });
    for (path, target) in [
        ("ja.preparation.device_table.rows[1].guide", "windows_10"),
        (
            "ja.troubleshooting.faqs[faq.security_key_prompt].sections",
            "windows_hello.pin",
        ),
        (
            "en.preparation.device_table.rows[2].standard_browser.footnote",
            "table.x",
        ),
    ] {
        assert!(
            problems.contains(&Problem::UnresolvedReference {
                path: path.into(),
                target: target.into()
            }),
            "{path} in {problems:#?}"
        );
    }
}

#[test]
fn step_reference_out_of_range() {
    let problems =
        problems_after(|v| in_both(v, "/guides/0/parts/0/steps/4/notes/0/see_step", json!(9)));
    assert!(problems.contains(&Problem::StepOutOfRange {
        path: "ja.guides[windows_hello].parts[windows_hello.setup].steps[5].notes.see_step".into(),
        step: 9,
        steps: 8
    }));
}

#[test]
fn unknown_and_missing_checks() {
    let problems = problems_after(|v| {
        in_both(v, "/checks/3/id", json!("screen_lok"));
        in_both(v, "/troubleshooting/faqs/0/checks", json!(["browser"]));
    });
    assert!(problems.contains(&Problem::UnknownCheck {
        path: "ja.checks[screen_lok]".into(),
        target: "screen_lok".into()
    }));
    assert!(problems.contains(&Problem::UnknownCheck {
        path: "en.troubleshooting.faqs[faq.in_app_browser].checks".into(),
        target: "browser".into()
    }));
    assert!(problems.contains(&Problem::MissingCheck {
        locale: "en".into(),
        id: "screen_lock".into()
    }));
}

#[test]
fn a_section_the_readiness_rules_need_is_missing() {
    let problems =
        problems_after(|v| in_both(v, "/guides/4/parts/2/id", json!("android.autofill")));
    for locale in ["ja", "en"] {
        assert!(problems.contains(&Problem::MissingSection {
            locale: locale.into(),
            id: "android.google_autofill".into()
        }));
    }
}

#[test]
fn wrong_locale() {
    let problems = problems_after(|v| *v.pointer_mut("/locales/en/locale").unwrap() = json!("ja"));
    assert_eq!(
        problems,
        [Problem::WrongLocale {
            path: "en.locale".into(),
            found: "ja".into(),
            expected: "en".into()
        }]
    );
}

#[test]
fn locales_must_have_the_same_structure() {
    let problems = problems_after(|v| {
        v.pointer_mut("/locales/en/guides/2/parts/0/steps")
            .and_then(Value::as_array_mut)
            .unwrap()
            .pop();
        *v.pointer_mut("/locales/en/troubleshooting/faqs/0/answer")
            .unwrap() = json!("Use the standard browser.");
        *v.pointer_mut("/locales/en/guides/3/parts/0/steps/1/notes/0/kind")
            .unwrap() = json!("hint");
    });
    let mismatches: Vec<&str> = problems
        .iter()
        .filter_map(|p| match p {
            Problem::LocaleMismatch { path, .. } => Some(path.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        mismatches,
        [
            "en.guides[ios].parts[ios.apple_account].steps",
            "en.guides[mac].parts[mac.apple_account].steps[2].notes[1].kind",
            "en.troubleshooting.faqs[faq.in_app_browser].answer",
        ],
        "{problems:#?}"
    );
}

#[test]
fn too_large_is_refused_before_parsing() {
    let huge = format!(
        "{{\"schema_version\": 1, \"pad\": \"{}\"}}",
        "x".repeat(MAX_BUNDLE_BYTES)
    );
    assert!(matches!(
        Bundle::from_json(&huge),
        Err(BundleError::TooLarge {
            max: MAX_BUNDLE_BYTES,
            ..
        })
    ));
}

#[test]
fn malformed_json_names_the_field() {
    assert!(matches!(
        Bundle::from_json("{\"schema_version\": 1, "),
        Err(BundleError::Malformed { .. })
    ));
    let mut value = embedded_value();
    *value
        .pointer_mut("/locales/ja/guides/1/parts/0/steps")
        .unwrap() = json!("not a list");
    match Bundle::from_json(&value.to_string()) {
        Err(BundleError::Malformed { path, .. }) => {
            assert_eq!(path, "locales.ja.guides[1].parts[0].steps")
        }
        other => panic!("{other:?}"),
    }
    value = embedded_value();
    value["locales"]["en"]["surprise"] = json!(true);
    match Bundle::from_json(&value.to_string()) {
        Err(BundleError::Malformed { path, message }) => {
            assert_eq!(path, "locales.en.surprise");
            assert!(message.contains("unknown field"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unsupported_schema_version() {
    // Version 1 came before OS-version variants, 2 before the help screen's labels, 3 before
    // the web page's escape labels; 5 is from a newer SDK.
    for found in [1, 2, 3, 5] {
        let mut value = embedded_value();
        value["schema_version"] = json!(found);
        assert_eq!(
            Bundle::from_json(&value.to_string()),
            Err(BundleError::UnsupportedSchema { found, expected: 4 })
        );
    }
}

#[test]
fn the_web_escape_labels_are_required_and_validated_in_both_languages() {
    for key in [
        "open_in_chrome",
        "open_in_safari",
        "copy_link",
        "link_copied",
    ] {
        let mut missing = embedded_value();
        missing["locales"]["en"]["screen"]
            .as_object_mut()
            .unwrap()
            .remove(key);
        let err = Bundle::from_json(&missing.to_string())
            .unwrap_err()
            .to_string();
        assert!(err.contains(key), "{key}: {err}");

        let mut markup = embedded_value();
        markup["locales"]["ja"]["screen"][key] = json!("<b>コピー</b>");
        let err = Bundle::from_json(&markup.to_string())
            .unwrap_err()
            .to_string();
        assert!(err.contains(&format!("ja.screen.{key}")), "{key}: {err}");
    }
}

#[test]
fn a_rejected_bundle_leaves_the_content_in_use_unchanged() {
    let store = ContentStore::embedded().unwrap();
    let mut custom = embedded_value();
    custom["locales"]["ja"]["service_name"] = json!("ためしネット");
    store.load_json(&custom.to_string()).unwrap();
    let before = store.current();
    assert_eq!(before.guide(Locale::Ja).service_name, "ためしネット");

    let mut broken = custom.clone();
    broken["locales"]["ja"]["title"] = json!("");
    assert!(store.load_json(&broken.to_string()).is_err());
    assert!(store.load_json("not json").is_err());
    assert_eq!(store.current(), before);

    store.reset().unwrap();
    assert_eq!(
        store.current().guide(Locale::Ja).service_name,
        "プラスネット"
    );
}

#[test]
fn the_help_screens_labels_are_checked_like_every_text() {
    // Missing in one language: refused, naming the key and where it is missing.
    let mut value = embedded_value();
    value["locales"]["en"]["screen"]
        .as_object_mut()
        .unwrap()
        .remove("answer_yes");
    match Bundle::from_json(&value.to_string()) {
        Err(BundleError::Malformed { path, message }) => {
            assert_eq!(path, "locales.en.screen");
            assert!(message.contains("answer_yes"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    // Empty, or carrying markup: named by its path.
    let problems = problems_after(|v| v["locales"]["ja"]["screen"]["open_settings"] = json!(" "));
    assert!(problems.contains(&Problem::EmptyText {
        path: "ja.screen.open_settings".into()
    }));
    let problems = problems_after(|v| {
        v["locales"]["en"]["screen"]["steps"] = json!("<script>alert(1)</script>");
    });
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, Problem::Markup { path, .. } if path == "en.screen.steps")),
        "{problems:?}"
    );
    // A placeholder only one language has.
    let problems = problems_after(|v| {
        v["locales"]["en"]["screen"]["banner_ready"] = json!("{service} is ready")
    });
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, Problem::LocaleMismatch { path, .. } if path == "en.screen.banner_ready")),
        "{problems:?}"
    );
}
