//! The help screen's flows through `ReadinessSession` (the object the Kotlin and Swift
//! shells hold): a question answered, a settings screen opened and returned from, a ready
//! device, and every label filled in for every example device in both languages.

#![cfg(feature = "uniffi")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashMap;
use std::sync::Arc;

use passkey_ready_core::content::{Locale, ScreenText};
use passkey_ready_core::ffi::{snapshot_from_json, PasskeyReady, PasskeyReadyError};
use passkey_ready_core::readiness::{
    CheckId, DeviceSnapshot, FindingStatus, ReadinessStatus, SettingsAction, Signal,
};
use passkey_ready_core::session::ffi::ReadinessSession;
use passkey_ready_core::session::{BannerKind, HelpRow, HelpScreen, RowKind};
use passkey_ready_core::Platform;

fn session(platform: Platform) -> Arc<ReadinessSession> {
    ReadinessSession::new(PasskeyReady::new(None).unwrap(), platform).unwrap()
}

fn example(name: &str) -> DeviceSnapshot {
    let path = format!("{}/../examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    snapshot_from_json(std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The help screen's labels in the content.
fn labels(locale: Locale) -> ScreenText {
    PasskeyReady::new(None)
        .unwrap()
        .guide(locale)
        .unwrap()
        .screen
}

fn row(screen: &HelpScreen, check: CheckId) -> &HelpRow {
    screen
        .rows
        .iter()
        .chain(&screen.already_using)
        .find(|r| r.check == check)
        .unwrap_or_else(|| panic!("no row {check}"))
}

#[test]
fn unknown_then_question_then_answer_then_the_row_changes() {
    let observed = example("iphone-unknowns");
    let session = session(Platform::Ios);
    let screen = session.screen(observed.clone(), Locale::Ja).unwrap();
    assert_eq!(screen.banner.kind, BannerKind::NeedsAnswers);
    let asked = row(&screen, CheckId::IcloudKeychainSync);
    assert_eq!(asked.kind, RowKind::ToAnswer);
    let question = asked.question.as_ref().unwrap();
    assert_eq!(question.check, CheckId::IcloudKeychainSync);
    let ja = labels(Locale::Ja);
    assert_eq!(
        (&question.yes_label, &question.no_label),
        (&ja.answer_yes, &ja.answer_no)
    );
    assert!(asked.button.is_none());
    assert_eq!(asked.section.as_ref().unwrap().id, "ios.icloud_keychain");

    session.answer(CheckId::IcloudKeychainSync, true).unwrap();
    let screen = session.screen(observed.clone(), Locale::Ja).unwrap();
    let answered = row(&screen, CheckId::IcloudKeychainSync);
    assert_eq!(
        (answered.kind, answered.status),
        (RowKind::Done, FindingStatus::Pass)
    );
    assert!(answered.question.is_none() && answered.section.is_none());
    assert_eq!(answered.status_label, ja.status_pass);

    // "No": the setting is missing, and the row shows how to set it up (no screen of
    // iOS can be opened for it, so no button).
    session.answer(CheckId::IcloudKeychainSync, false).unwrap();
    let screen = session.screen(observed.clone(), Locale::Ja).unwrap();
    assert_eq!(screen.banner.kind, BannerKind::NotReady);
    let missing = row(&screen, CheckId::IcloudKeychainSync);
    assert_eq!(missing.kind, RowKind::ToFix);
    assert!(missing.button.is_none());
    assert!(!missing.section.as_ref().unwrap().steps.is_empty());

    // Every question answered yes: ready.
    for check in [
        CheckId::AlreadyUsesPasskeys,
        CheckId::AppleAccount,
        CheckId::IcloudKeychainSync,
        CheckId::AutofillPasswordsPasskeys,
    ] {
        session
            .answer(check, check != CheckId::AlreadyUsesPasskeys)
            .unwrap();
    }
    let report = session.evaluate(observed, Locale::En).unwrap();
    assert_eq!(report.status, ReadinessStatus::Ready);
}

#[test]
fn open_settings_forgets_the_answer_and_the_return_checks_again() {
    let session = session(Platform::Android);
    let mut observed = example("android-ready");
    observed
        .signals
        .insert(CheckId::GoogleAccount, Signal::Unknown);
    session.answer(CheckId::GoogleAccount, false).unwrap();
    let screen = session.screen(observed.clone(), Locale::En).unwrap();
    let missing = row(&screen, CheckId::GoogleAccount);
    assert_eq!(missing.kind, RowKind::ToFix);
    let button = missing.button.as_ref().unwrap();
    assert_eq!(button.action, SettingsAction::AddGoogleAccount);
    assert_eq!(button.label, labels(Locale::En).open_settings);
    assert_eq!(button.section.as_deref(), Some("android.google_account"));

    // The shell opens the screen, then tells the session.
    session.settings_opened(CheckId::GoogleAccount).unwrap();
    assert!(session.answers().unwrap().is_empty());
    // Back in the app, the device still cannot tell: the question is asked again.
    let screen = session.screen(observed.clone(), Locale::En).unwrap();
    assert_eq!(row(&screen, CheckId::GoogleAccount).kind, RowKind::ToAnswer);
    // The device can tell now: its reading is the row.
    observed.signals.insert(CheckId::GoogleAccount, Signal::Yes);
    let screen = session.screen(observed, Locale::En).unwrap();
    assert_eq!(row(&screen, CheckId::GoogleAccount).kind, RowKind::Done);
    assert_eq!(screen.banner.kind, BannerKind::Ready);
}

#[test]
fn a_missing_screen_lock_has_its_button_and_the_device_reading_wins_on_return() {
    let session = session(Platform::Android);
    let mut observed = example("android-no-screen-lock");
    // An answer never hides what the device reads.
    session.answer(CheckId::ScreenLock, true).unwrap();
    let screen = session.screen(observed.clone(), Locale::Ja).unwrap();
    let lock = row(&screen, CheckId::ScreenLock);
    assert_eq!(lock.kind, RowKind::ToFix);
    assert_eq!(
        lock.button.as_ref().unwrap().label,
        labels(Locale::Ja).open_settings
    );
    assert_eq!(
        lock.button.as_ref().unwrap().action,
        SettingsAction::ScreenLockSettings
    );
    let steps = &lock.section.as_ref().unwrap().steps;
    assert_eq!(steps[0].number, "1.");
    session.settings_opened(CheckId::ScreenLock).unwrap();
    observed.signals.insert(CheckId::ScreenLock, Signal::Yes);
    let screen = session.screen(observed, Locale::Ja).unwrap();
    assert_eq!(row(&screen, CheckId::ScreenLock).kind, RowKind::Done);
}

#[test]
fn a_ready_device_says_so_and_has_no_button_or_question() {
    for locale in Locale::ALL {
        let screen = session(Platform::Android)
            .screen(example("android-ready"), locale)
            .unwrap();
        assert_eq!(screen.banner.kind, BannerKind::Ready);
        assert_eq!(screen.banner.status, ReadinessStatus::Ready);
        let sdk = PasskeyReady::new(None).unwrap();
        assert_eq!(
            screen.banner.heading,
            sdk.guide(locale).unwrap().screen.banner_ready
        );
        assert!(screen
            .rows
            .iter()
            .all(|r| r.button.is_none() && r.question.is_none() && r.section.is_none()));
        assert!(screen.already_using.is_none());
        assert_eq!(screen.troubleshooting.faqs.len(), 2);
    }
}

#[test]
fn answers_are_typed_bounded_and_refused_when_not_asked_here() {
    let session = session(Platform::Ios);
    let err = session.answer(CheckId::ScreenLock, true).unwrap_err();
    assert_eq!(
        err,
        PasskeyReadyError::InvalidSnapshot {
            field: "signals.screen_lock".into(),
            reason: "signals.screen_lock: this check does not apply to ios".into(),
        }
    );
    session.answer(CheckId::Passcode, true).unwrap();
    session.answer(CheckId::Passcode, false).unwrap();
    assert_eq!(
        session.answers().unwrap(),
        HashMap::from([(CheckId::Passcode, false)])
    );
    session
        .restore_answers(HashMap::from([
            (CheckId::GoogleAccount, true),
            (CheckId::AppleAccount, true),
        ]))
        .unwrap();
    assert_eq!(
        session.answers().unwrap(),
        HashMap::from([(CheckId::AppleAccount, true)])
    );
    let err = session
        .screen(example("android-ready"), Locale::Ja)
        .unwrap_err();
    assert!(
        matches!(&err, PasskeyReadyError::InvalidSnapshot { field, .. } if field == "platform"),
        "{err:?}"
    );
    session.forget_answers().unwrap();
    assert!(session.answers().unwrap().is_empty());
}

#[test]
fn the_session_is_the_shells_snapshot_rule() {
    // What PasskeyReadiness.snapshot() did in Kotlin and Swift: answers only where unknown.
    let session = session(Platform::Android);
    session.answer(CheckId::GoogleAutofill, true).unwrap();
    session.answer(CheckId::ScreenLock, true).unwrap();
    let observed = example("android-no-screen-lock");
    let snapshot = session.snapshot(observed.clone()).unwrap();
    assert_eq!(snapshot.signal(CheckId::ScreenLock), Signal::No);
    assert_eq!(snapshot.signal(CheckId::GoogleAutofill), Signal::Yes);
    let mut unknown = observed;
    unknown.signals.remove(&CheckId::GoogleAutofill);
    unknown.signals.remove(&CheckId::ScreenLock);
    let snapshot = session.snapshot(unknown).unwrap();
    assert_eq!(snapshot.signal(CheckId::ScreenLock), Signal::Yes);
}

#[test]
fn labels_follow_the_content_in_use() {
    let sdk = PasskeyReady::new(Some("テスト銀行".into())).unwrap();
    let mut bundle: serde_json::Value =
        serde_json::from_str(&sdk.export_bundle().unwrap()).unwrap();
    for (locale, label) in [
        ("ja", "{service}の設定へ"),
        ("en", "Go to {service} settings"),
    ] {
        bundle["locales"][locale]["screen"]["open_settings"] = label.into();
    }
    sdk.load_bundle(bundle.to_string()).unwrap();
    let session = ReadinessSession::new(Arc::clone(&sdk), Platform::Android).unwrap();
    let screen = session
        .screen(example("android-no-screen-lock"), Locale::En)
        .unwrap();
    let button = row(&screen, CheckId::ScreenLock).button.clone().unwrap();
    assert_eq!(button.label, "Go to テスト銀行 settings");
}
