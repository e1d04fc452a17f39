//! Bounds: every outside input has a documented size limit, and an input beyond it gets the
//! typed "too large / too long" error before anything is parsed. "Before anything is parsed"
//! is shown by giving inputs that are also invalid in every other way (not JSON, unknown
//! fields, garbage): the size error still wins. No timing asserts.
//!
//! | input | limit | error |
//! |---|---|---|
//! | content bundle (JSON) | 512 KiB | `BundleError::TooLarge` |
//! | device snapshot (JSON) | 16 KiB | `SnapshotError::TooLarge` |
//! | user agent | 1024 bytes | `UserAgentError::TooLong`, `SnapshotError::UserAgentTooLong` |
//! | diagnose message | 2048 bytes | `DiagnoseError::TooLong` |
//! | snapshot signals | number of check ids (16) | `SnapshotError::TooManySignals` |
//! | OS version | 64 bytes | `SnapshotError::InvalidOsVersion` (the value not echoed) |
//!
//! The limits inside a bundle (items, ids, texts, problems) are in `content::limits`, tested
//! by `hostile_input.rs` and `allocation_bounds.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashMap;

use passkey_ready_core::content::{
    Bundle, BundleError, ContentStore, LoadPolicy, MAX_BUNDLE_BYTES,
};
use passkey_ready_core::diagnose::{diagnose, DiagnoseError, MAX_MESSAGE_BYTES};
use passkey_ready_core::readiness::{
    evaluate, CheckId, DeviceSnapshot, Signal, SnapshotError, MAX_OS_VERSION_BYTES, MAX_SIGNALS,
    MAX_SNAPSHOT_BYTES,
};
use passkey_ready_core::useragent::{classify_user_agent, UserAgentError, MAX_USER_AGENT_BYTES};
use passkey_ready_core::Platform;

#[test]
fn the_limits_are_the_documented_ones() {
    assert_eq!(MAX_BUNDLE_BYTES, 512 * 1024);
    assert_eq!(MAX_SNAPSHOT_BYTES, 16 * 1024);
    assert_eq!(MAX_USER_AGENT_BYTES, 1024);
    assert_eq!(MAX_MESSAGE_BYTES, 2048);
    assert_eq!(MAX_SIGNALS, CheckId::ALL.len());
    assert_eq!(MAX_OS_VERSION_BYTES, 64);
}

#[test]
fn a_bundle_over_the_limit_is_too_large_whatever_it_holds() {
    let size = MAX_BUNDLE_BYTES + 1;
    for json in [
        // Not JSON at all.
        "{".repeat(size),
        // JSON, but not a bundle.
        format!("[{}]", "1,".repeat((size - 1) / 2)),
        // The real bundle, padded with whitespace.
        format!(
            "{}{}",
            Bundle::embedded().unwrap().to_json(),
            " ".repeat(MAX_BUNDLE_BYTES)
        ),
    ] {
        assert!(json.len() > MAX_BUNDLE_BYTES);
        let policy = LoadPolicy::allowing_links_to(["www.bank.example"]);
        for result in [
            Bundle::from_json(&json),
            Bundle::from_json_with(&json, &policy),
        ] {
            match result {
                Err(BundleError::TooLarge { size, max }) => {
                    assert_eq!((size, max), (json.len(), MAX_BUNDLE_BYTES));
                }
                other => panic!("expected TooLarge, got {:?}", other.map(|_| ())),
            }
        }
        let store = ContentStore::embedded().unwrap();
        let before = store.current();
        assert!(matches!(
            store.load_json(&json),
            Err(BundleError::TooLarge { .. })
        ));
        assert!(std::sync::Arc::ptr_eq(&before, &store.current()));
    }
    // At the limit the bundle is read: the error is about what it holds.
    let at_limit = "{".repeat(MAX_BUNDLE_BYTES);
    assert!(matches!(
        Bundle::from_json(&at_limit),
        Err(BundleError::Malformed { .. })
    ));
}

#[test]
fn the_limit_counts_utf8_bytes() {
    // 3 bytes per character: fewer characters than the limit, more bytes.
    let json = "あ".repeat(MAX_BUNDLE_BYTES / 3 + 1);
    assert!(json.chars().count() < MAX_BUNDLE_BYTES && json.len() > MAX_BUNDLE_BYTES);
    assert!(matches!(
        Bundle::from_json(&json),
        Err(BundleError::TooLarge { .. })
    ));
}

#[test]
fn a_snapshot_over_the_limit_is_too_large_whatever_it_holds() {
    let size = MAX_SNAPSHOT_BYTES + 1;
    let padded_valid = format!(
        "{{\"platform\": \"android\"{}}}",
        " ".repeat(MAX_SNAPSHOT_BYTES)
    );
    for json in [
        "x".repeat(size),
        format!("{{\"platform\": \"{}\"}}", "z".repeat(size)),
        format!("{{\"signals\": {{\"{}\": 1}}}}", "q".repeat(size)),
        padded_valid,
    ] {
        assert!(json.len() > MAX_SNAPSHOT_BYTES);
        assert_eq!(
            DeviceSnapshot::from_json(&json),
            Err(SnapshotError::TooLarge {
                size: json.len(),
                max: MAX_SNAPSHOT_BYTES
            })
        );
    }
    let at_limit = "x".repeat(MAX_SNAPSHOT_BYTES);
    assert!(matches!(
        DeviceSnapshot::from_json(&at_limit),
        Err(SnapshotError::Malformed { .. })
    ));
}

#[test]
fn a_user_agent_over_the_limit_is_too_long() {
    let real = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) \
                Chrome/124.0.6367.82 Mobile Safari/537.36";
    let padded = format!("{real}{}", " x".repeat(MAX_USER_AGENT_BYTES));
    for ua in [
        "a".repeat(MAX_USER_AGENT_BYTES + 1),
        " ".repeat(MAX_USER_AGENT_BYTES + 1),
        "あ".repeat(MAX_USER_AGENT_BYTES / 3 + 1),
        padded,
    ] {
        assert_eq!(
            classify_user_agent(&ua),
            Err(UserAgentError::TooLong {
                len: ua.len(),
                max: MAX_USER_AGENT_BYTES
            })
        );
    }
    // At the limit the user agent is read.
    let at_limit = format!("{real}{}", " ".repeat(MAX_USER_AGENT_BYTES - real.len()));
    assert_eq!(at_limit.len(), MAX_USER_AGENT_BYTES);
    assert_eq!(
        classify_user_agent(&at_limit).unwrap().platform,
        Some(Platform::Android)
    );
}

#[test]
fn a_snapshot_with_a_user_agent_over_the_limit_is_refused() {
    let mut snapshot = DeviceSnapshot::new(Platform::Android);
    snapshot.user_agent = Some("a".repeat(MAX_USER_AGENT_BYTES + 1));
    let expected = SnapshotError::UserAgentTooLong {
        len: MAX_USER_AGENT_BYTES + 1,
        max: MAX_USER_AGENT_BYTES,
    };
    assert_eq!(snapshot.validate(), Err(expected.clone()));
    let guide = Bundle::embedded().unwrap().locales.en;
    assert_eq!(evaluate(&snapshot, &guide), Err(expected.clone()));
    let json = serde_json::json!({
        "platform": "android",
        "user_agent": snapshot.user_agent,
    });
    assert_eq!(DeviceSnapshot::from_json(&json.to_string()), Err(expected));
}

#[test]
fn a_message_over_the_limit_is_too_long() {
    let bundle = Bundle::embedded().unwrap();
    // The guide's own message, padded: it would match if it were read.
    let message = &bundle.locales.ja.troubleshooting.faqs[0].messages[0];
    let padded = format!("{message}{}", " ".repeat(MAX_MESSAGE_BYTES));
    for input in [
        "x".repeat(MAX_MESSAGE_BYTES + 1),
        "あ".repeat(MAX_MESSAGE_BYTES / 3 + 1),
        padded,
    ] {
        for platform in [None, Some(Platform::Ios)] {
            assert_eq!(
                diagnose(&bundle, &input, platform),
                Err(DiagnoseError::TooLong {
                    len: input.len(),
                    max: MAX_MESSAGE_BYTES
                })
            );
        }
    }
    let at_limit = format!("{message}{}", " ".repeat(MAX_MESSAGE_BYTES - message.len()));
    assert!(!diagnose(&bundle, &at_limit, None).unwrap().is_empty());
}

#[test]
fn more_signals_than_check_ids_are_refused_before_they_are_read() {
    // Keys that are not check ids and values that are not signals: the count is checked
    // first.
    let signals: Vec<String> = (0..=MAX_SIGNALS)
        .map(|n| format!("\"not_a_check_{n}\": 42"))
        .collect();
    let json = format!(
        "{{\"platform\": \"android\", \"signals\": {{{}}}}}",
        signals.join(", ")
    );
    assert_eq!(
        DeviceSnapshot::from_json(&json),
        Err(SnapshotError::TooManySignals {
            count: MAX_SIGNALS + 1,
            max: MAX_SIGNALS
        })
    );
    // Built in code, the same limit holds (every check id, plus none: the map cannot hold
    // more than one entry per id, so the limit is reached but never passed).
    let mut snapshot = DeviceSnapshot::new(Platform::Android);
    snapshot.signals = CheckId::ALL
        .into_iter()
        .map(|c| (c, Signal::Unknown))
        .collect::<HashMap<_, _>>();
    assert_eq!(snapshot.signals.len(), MAX_SIGNALS);
    assert!(!matches!(
        snapshot.validate(),
        Err(SnapshotError::TooManySignals { .. })
    ));
}

#[test]
fn an_os_version_over_the_limit_is_refused_and_not_echoed_whole() {
    let long = format!("14{}", ".0".repeat(MAX_OS_VERSION_BYTES));
    let json = format!("{{\"platform\": \"android\", \"os_version\": \"{long}\"}}");
    match DeviceSnapshot::from_json(&json) {
        Err(err @ SnapshotError::InvalidOsVersion) => {
            assert!(!err.to_string().contains(".0.0"), "{err}");
        }
        other => panic!("expected InvalidOsVersion, got {other:?}"),
    }
    let at_limit = format!("14{}", ".0".repeat((MAX_OS_VERSION_BYTES - 2) / 2));
    assert!(at_limit.len() <= MAX_OS_VERSION_BYTES);
    let json = format!("{{\"platform\": \"android\", \"os_version\": \"{at_limit}\"}}");
    assert!(!matches!(
        DeviceSnapshot::from_json(&json),
        Err(SnapshotError::InvalidOsVersion) | Err(SnapshotError::TooLarge { .. })
    ));
}
