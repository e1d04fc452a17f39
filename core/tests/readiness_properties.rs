//! Properties of `evaluate` over arbitrary snapshots.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashMap;

use passkey_ready_core::content::{Bundle, Locale};
use passkey_ready_core::readiness::{
    evaluate, rules, CheckId, DeviceSnapshot, FindingStatus, ReadinessReport, ReadinessStatus,
    Signal, SnapshotError,
};
use passkey_ready_core::useragent::classify_user_agent;
use passkey_ready_core::Platform;
use proptest::prelude::*;

fn signal() -> impl Strategy<Value = Signal> {
    prop_oneof![Just(Signal::Yes), Just(Signal::No), Just(Signal::Unknown)]
}

fn platform() -> impl Strategy<Value = Platform> {
    proptest::sample::select(Platform::ALL.to_vec())
}

/// Snapshots with any signals of the platform, any version-like text, and user agents from a
/// small realistic set plus arbitrary text.
fn snapshot() -> impl Strategy<Value = DeviceSnapshot> {
    (
        platform(),
        proptest::option::of(prop_oneof![
            "[0-9]{1,2}(\\.[0-9]{1,2}){0,2}",
            Just("10.0.22631".to_owned()),
            Just("10.0.19045".to_owned()),
        ]),
        proptest::option::of(prop_oneof![
            Just("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36".to_owned()),
            Just("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0".to_owned()),
            Just("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/311.0.622579862 Mobile/15E148 Safari/604.1".to_owned()),
            ".{0,200}",
        ]),
        proptest::collection::vec(signal(), CheckId::ALL.len()),
        proptest::collection::vec(any::<bool>(), CheckId::ALL.len()),
    )
        .prop_map(|(platform, os_version, user_agent, signals, present)| {
            let signals: HashMap<CheckId, Signal> = CheckId::ALL
                .into_iter()
                .zip(signals)
                .zip(present)
                .filter(|((check, _), present)| *present && rules::applies(platform, *check))
                .map(|((check, signal), _)| (check, signal))
                .collect();
            DeviceSnapshot {
                platform,
                os_version,
                user_agent,
                signals,
            }
        })
}

/// A user agent from another system than the platform is refused (an iPad or iPhone may send
/// a Mac's); the properties below are about the snapshots that are accepted.
fn conflicts(snapshot: &DeviceSnapshot) -> bool {
    let ua = snapshot
        .user_agent
        .as_deref()
        .and_then(|ua| classify_user_agent(ua).ok())
        .and_then(|info| info.platform);
    let family = |p: Platform| {
        if p == Platform::Ipados {
            Platform::Ios
        } else {
            p
        }
    };
    ua.is_some_and(|ua| {
        family(ua) != family(snapshot.platform)
            && !(ua == Platform::Macos && family(snapshot.platform) == Platform::Ios)
    })
}

fn position(report: &ReadinessReport, check: CheckId) -> Option<usize> {
    report.findings.iter().position(|f| f.check == check)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn deterministic_and_total(snapshot in snapshot()) {
        let bundle = Bundle::embedded().unwrap();
        let guide = bundle.guide(Locale::Ja).with_service(None);
        let first = evaluate(&snapshot, &guide);
        let second = evaluate(&snapshot.clone(), &guide);
        prop_assert_eq!(&first, &second);
        if conflicts(&snapshot) {
            let conflict = matches!(first, Err(SnapshotError::PlatformConflict { platform, .. }) if platform == snapshot.platform);
            prop_assert!(conflict, "{:?}", first);
            return Ok(());
        }
        let report = first.unwrap();
        // Every check of the platform is reported, once.
        let expected: Vec<CheckId> = rules::for_platform(snapshot.platform).iter().map(|r| r.check).collect();
        let got: Vec<CheckId> = report.findings.iter().map(|f| f.check).collect();
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn ready_exactly_when_no_required_finding_fails_or_is_unknown(snapshot in snapshot()) {
        prop_assume!(!conflicts(&snapshot));
        let bundle = Bundle::embedded().unwrap();
        let report = evaluate(&snapshot, &bundle.guide(Locale::En).with_service(None)).unwrap();
        let blocking = report.findings.iter().any(|f| {
            f.required && matches!(f.status, FindingStatus::Fail | FindingStatus::Unknown)
        });
        prop_assert_eq!(report.status == ReadinessStatus::Ready, !blocking);
        let any_fail = report.findings.iter().any(|f| f.required && f.status == FindingStatus::Fail);
        if report.status == ReadinessStatus::NeedsConfirmation {
            prop_assert!(!any_fail);
            prop_assert!(!report.questions.is_empty());
        }
        // Nothing to ask on an unsupported or ready device; otherwise whether passkeys are
        // already in use first (when not known), then one question per required unknown,
        // the device password only once Windows Hello is known to be missing.
        let asks_anything = matches!(
            report.status,
            ReadinessStatus::ActionRequired | ReadinessStatus::NeedsConfirmation
        );
        let hello_missing = snapshot.signals.get(&CheckId::WindowsHello) == Some(&Signal::No);
        let expected: Vec<CheckId> = report.findings.iter()
            .filter(|_| asks_anything)
            .filter(|f| f.status == FindingStatus::Unknown)
            .filter(|f| f.required || f.check == CheckId::AlreadyUsesPasskeys)
            .filter(|f| f.check != CheckId::DevicePassword || hello_missing)
            .map(|f| f.check).collect();
        let asked: Vec<CheckId> = report.questions.iter().map(|q| q.check).collect();
        prop_assert_eq!(asked, expected);
        // Every text is filled: no placeholder reaches the customer.
        for text in report.questions.iter().map(|q| &q.text)
            .chain(report.findings.iter().map(|f| &f.reason))
            .chain([&report.summary])
        {
            prop_assert!(!text.contains('{') && !text.is_empty(), "{:?}", text);
        }
    }

    #[test]
    fn prerequisites_come_first(snapshot in snapshot()) {
        prop_assume!(!conflicts(&snapshot));
        let bundle = Bundle::embedded().unwrap();
        let report = evaluate(&snapshot, &bundle.guide(Locale::Ja).with_service(None)).unwrap();
        let first: Vec<CheckId> = report.findings.iter().take(2).map(|f| f.check).collect();
        prop_assert_eq!(first, [CheckId::AlreadyUsesPasskeys, CheckId::OsVersion]);
        for (before, after) in [
            (CheckId::AppleAccount, CheckId::IcloudKeychainSync),
            (CheckId::Passcode, CheckId::IcloudKeychainSync),
            (CheckId::TwoFactorAuth, CheckId::IcloudKeychainSync),
            (CheckId::DevicePassword, CheckId::WindowsHello),
            (CheckId::WindowsHello, CheckId::Biometrics),
            (CheckId::ScreenLock, CheckId::Biometrics),
            (CheckId::Passcode, CheckId::Biometrics),
            (CheckId::GoogleAccount, CheckId::GoogleAutofill),
            (CheckId::ChromeSignedIn, CheckId::ChromeSync),
            (CheckId::ChromeSync, CheckId::GooglePasswordManager),
        ] {
            if let (Some(a), Some(b)) = (position(&report, before), position(&report, after)) {
                prop_assert!(a < b, "{} must come before {}", before, after);
            }
        }
    }

    #[test]
    fn answering_every_question_yes_leaves_nothing_to_ask(snapshot in snapshot()) {
        prop_assume!(!conflicts(&snapshot));
        let bundle = Bundle::embedded().unwrap();
        let guide = bundle.guide(Locale::Ja).with_service(None);
        let mut current = snapshot;
        let mut report = evaluate(&current, &guide).unwrap();
        // Windows may switch guides once as answers arrive; a few rounds always settle it.
        for _ in 0..3 {
            for q in &report.questions {
                current = current.answered(q.check, true).unwrap();
            }
            report = evaluate(&current, &guide).unwrap();
        }
        prop_assert!(report.questions.is_empty());
        prop_assert_ne!(report.status, ReadinessStatus::NeedsConfirmation);
    }
}

#[test]
fn a_device_on_which_nothing_can_be_read_gets_the_whole_checklist_as_questions() {
    let bundle = Bundle::embedded().unwrap();
    let guide = bundle.guide(Locale::Ja).with_service(None);
    for platform in Platform::ALL {
        let report = evaluate(&DeviceSnapshot::new(platform), &guide).unwrap();
        assert_eq!(
            report.status,
            ReadinessStatus::NeedsConfirmation,
            "{platform}"
        );
        assert_eq!(
            report.questions.first().map(|q| q.check),
            Some(CheckId::AlreadyUsesPasskeys),
            "{platform}"
        );
        // The device password is asked only once Windows Hello is known to be missing.
        for finding in report.findings.iter().filter(|f| {
            f.required
                && f.status != FindingStatus::NotApplicable
                && f.check != CheckId::DevicePassword
        }) {
            assert!(
                report
                    .questions
                    .iter()
                    .any(|q| q.check == finding.check && !q.text.is_empty()),
                "{platform}: no question for {}",
                finding.check
            );
        }
    }
}
