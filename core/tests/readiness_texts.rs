//! What the customer reads in a readiness report, in ja and en: versions named from the parsed
//! numbers (never the raw text), the minimum named in the OS question, Windows 10 never
//! "cannot register", route-specific "not needed" texts, PC browser notes, the browser-only
//! summary, the already-using-passkeys answer, and the errors for contradicting snapshots.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use passkey_ready_core::content::{Bundle, CheckText, Guide, Locale};
use passkey_ready_core::readiness::{
    evaluate, CheckId, DeviceSnapshot, Finding, FindingStatus, ReadinessReport, ReadinessStatus,
    Signal, SnapshotError,
};
use passkey_ready_core::Platform;

const EDGE: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like \
                    Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67";
const WINDOWS_CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 \
                              (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const MAC_CHROME: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 \
                          (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const WINDOWS_OPERA: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 \
                             (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0";
const ANDROID_CHROME: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 \
                              (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36";
const YAHOO_APP: &str = "Mozilla/5.0 (Linux; Android 13; SO-51C Build/64.1.C.0.142; wv) \
                         AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 \
                         Chrome/124.0.6367.82 Mobile Safari/537.36 YJApp-ANDROID \
                         jp.co.yahoo.android.yjtop/4.100.0";
const IOS_15_7: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 15_7 like Mac OS X) \
                        AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.1 \
                        Mobile/15E148 Safari/604.1";

fn guides() -> Vec<(Locale, Guide)> {
    let bundle = Bundle::embedded().unwrap();
    Locale::ALL
        .into_iter()
        .map(|l| (l, bundle.guide(l).with_service(None)))
        .collect()
}

fn snapshot(
    platform: Platform,
    os_version: Option<&str>,
    user_agent: Option<&str>,
    signals: &[(CheckId, Signal)],
) -> DeviceSnapshot {
    DeviceSnapshot {
        platform,
        os_version: os_version.map(str::to_owned),
        user_agent: user_agent.map(str::to_owned),
        signals: signals.iter().copied().collect(),
    }
}

fn finding(report: &ReadinessReport, check: CheckId) -> &Finding {
    report.findings.iter().find(|f| f.check == check).unwrap()
}

fn texts(report: &ReadinessReport) -> Vec<&str> {
    let mut all = vec![report.summary.as_str()];
    all.extend(report.findings.iter().map(|f| f.reason.as_str()));
    all.extend(report.questions.iter().map(|q| q.text.as_str()));
    all
}

fn check_text(guide: &Guide, check: CheckId) -> &CheckText {
    guide.check(check.as_str()).unwrap()
}

#[test]
fn windows_10_is_never_cannot_register_and_is_named_windows_10() {
    use Signal::*;
    for (locale, guide) in guides() {
        for hello in [Yes, No, Unknown] {
            let s = snapshot(
                Platform::Windows,
                Some("10.0.19045"),
                Some(EDGE),
                &[(CheckId::WindowsHello, hello)],
            );
            let report = evaluate(&s, &guide).unwrap();
            assert_ne!(report.status, ReadinessStatus::Unsupported, "{locale:?}");
            let os = finding(&report, CheckId::OsVersion);
            assert_eq!(os.status, FindingStatus::Pass);
            let note = guide
                .report
                .windows_10_note
                .replace("{os_version}", "Windows 10");
            assert_eq!(os.reason, note, "{locale:?}");
            assert!(os.reason.contains("Windows 10") && os.reason.contains("Windows 11"));
            for text in texts(&report) {
                assert!(
                    !text.contains("10.0.19045"),
                    "{locale:?}: raw build in {text:?}"
                );
                assert!(!text.contains("登録できません"), "{locale:?}: {text:?}");
                assert!(
                    !text.contains("cannot be registered on"),
                    "{locale:?}: {text:?}"
                );
                assert!(!text.contains('{'), "{locale:?}: {text:?}");
            }
        }
        let ready = evaluate(
            &snapshot(
                Platform::Windows,
                Some("10.0.19045"),
                Some(EDGE),
                &[(CheckId::WindowsHello, Signal::Yes)],
            ),
            &guide,
        )
        .unwrap();
        assert_eq!(ready.status, ReadinessStatus::Ready);
        assert_eq!(ready.summary, guide.report.ready);
    }
}

#[test]
fn the_menus_may_differ_note_is_said_in_both_languages() {
    let guides = guides();
    let note = |locale| {
        guides
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, g)| g.report.windows_10_note.clone())
            .unwrap()
    };
    assert!(note(Locale::Ja).contains("メニュー"));
    assert!(note(Locale::En).contains("menu"));
}

#[test]
fn unsupported_reports_name_the_parsed_version_and_the_minimum() {
    for (locale, guide) in guides() {
        for (platform, raw, shown, min) in [
            (
                Platform::Windows,
                "6.1.7601",
                "Windows 7",
                "Windows 10 (1903)",
            ),
            (
                Platform::Windows,
                "10.0.17763",
                "Windows 10 (1809)",
                "Windows 10 (1903)",
            ),
            (Platform::Android, "8.1.0", "Android 8.1", "Android 9"),
            (Platform::Ipados, "15.7", "iPadOS 15.7", "iPadOS 16"),
            (Platform::Macos, "12.7.4", "macOS 12.7.4", "macOS 13"),
        ] {
            let report = evaluate(&snapshot(platform, Some(raw), None, &[]), &guide).unwrap();
            assert_eq!(report.status, ReadinessStatus::Unsupported, "{raw}");
            let expected = guide
                .report
                .unsupported
                .replace("{os_version}", shown)
                .replace("{min_version}", min);
            assert_eq!(report.summary, expected, "{locale:?} {raw}");
            assert_eq!(finding(&report, CheckId::OsVersion).reason, expected);
            assert!(
                report.questions.is_empty(),
                "{raw}: an unsupported OS asks nothing"
            );
        }
    }
}

/// The version a shell sent is never echoed: markup, escape sequences, placeholders and
/// personal data after the number are refused (a version is ASCII digits and dots), and the
/// error does not quote them either.
#[test]
fn the_raw_os_version_is_never_echoed_or_expanded() {
    for (_, guide) in guides() {
        for raw in [
            "8\u{1b}[31mRED",
            "8<img src=x onerror=alert(1)>",
            "8{min_version}",
            "8 (taro@example.com)",
        ] {
            let s = snapshot(Platform::Android, Some(raw), None, &[]);
            let err = evaluate(&s, &guide).unwrap_err();
            assert!(
                matches!(err, SnapshotError::InvalidOsVersion),
                "{raw:?}: {err}"
            );
            let text = err.to_string();
            for bad in ["\u{1b}", "RED", "<img", "{min", "taro"] {
                assert!(!text.contains(bad), "{raw:?}: {text:?}");
            }
        }
    }
}

#[test]
fn an_overflowing_build_number_is_refused_not_read_as_build_0() {
    let err =
        DeviceSnapshot::from_json(r#"{"platform":"windows","os_version":"10.0.99999999999"}"#)
            .unwrap_err();
    assert!(matches!(err, SnapshotError::InvalidOsVersion), "{err}");
    assert!(err.to_string().starts_with("os_version"), "{err}");
}

#[test]
fn the_os_question_names_the_minimum_from_one_template() {
    let expected = [
        (Locale::Ja, Platform::Ios, "iOS 16", "iOS 16以降ですか？"),
        (
            Locale::Ja,
            Platform::Android,
            "Android 9",
            "Android 9以降ですか？",
        ),
        (
            Locale::Ja,
            Platform::Windows,
            "Windows 10 (1903)",
            "Windows 10 (1903)以降ですか？",
        ),
        (
            Locale::En,
            Platform::Android,
            "Android 9",
            "Android 9 or later?",
        ),
        (
            Locale::En,
            Platform::Macos,
            "macOS 13",
            "macOS 13 or later?",
        ),
        (
            Locale::En,
            Platform::Ipados,
            "iPadOS 16",
            "iPadOS 16 or later?",
        ),
    ];
    let guides = guides();
    for (locale, platform, min, wanted) in expected {
        let guide = &guides.iter().find(|(l, _)| *l == locale).unwrap().1;
        let report = evaluate(&DeviceSnapshot::new(platform), guide).unwrap();
        let question = report
            .questions
            .iter()
            .find(|q| q.check == CheckId::OsVersion)
            .unwrap();
        assert!(
            question.text.ends_with(wanted),
            "{locale:?}: {}",
            question.text
        );
        // One template per language, filled from the rule.
        let template = &check_text(guide, CheckId::OsVersion).question;
        assert_eq!(question.text, template.replace("{min_version}", min));
    }
}

#[test]
fn a_snapshot_with_only_a_user_agent_uses_its_os_version() {
    for (locale, guide) in guides() {
        let report = evaluate(&snapshot(Platform::Ios, None, Some(IOS_15_7), &[]), &guide).unwrap();
        assert_eq!(report.status, ReadinessStatus::Unsupported);
        assert!(
            report.summary.contains("iOS 15.7"),
            "{locale:?}: {}",
            report.summary
        );
        assert!(report.questions.is_empty());
        // Safari is the standard browser: the OS is at fault, not the browser.
        assert_eq!(
            finding(&report, CheckId::StandardBrowser).status,
            FindingStatus::Pass
        );

        let report = evaluate(
            &snapshot(Platform::Android, None, Some(ANDROID_CHROME), &[]),
            &guide,
        )
        .unwrap();
        assert_eq!(
            finding(&report, CheckId::OsVersion).status,
            FindingStatus::Pass
        );
        assert!(report
            .questions
            .iter()
            .all(|q| q.check != CheckId::OsVersion));
    }
}

#[test]
fn a_pc_browser_outside_the_table_is_a_named_note_not_the_in_app_failure() {
    for (locale, guide) in guides() {
        let mobile_fail = &check_text(&guide, CheckId::StandardBrowser).fail;
        for (platform, ua, brand) in [
            (Platform::Macos, MAC_CHROME, "Chrome"),
            (Platform::Windows, WINDOWS_OPERA, "Opera"),
        ] {
            let report = evaluate(
                &snapshot(
                    platform,
                    Some("14.4").filter(|_| platform == Platform::Macos),
                    Some(ua),
                    &[],
                ),
                &guide,
            )
            .unwrap();
            let browser = finding(&report, CheckId::StandardBrowser);
            assert!(!browser.required, "{locale:?} {brand}: a note only");
            assert_eq!(
                browser.reason,
                guide.report.pc_browser_note.replace("{browser}", brand),
                "{locale:?}"
            );
            assert_eq!(
                browser.section, None,
                "the smartphone FAQ is not the fix on a PC"
            );
            assert!(report
                .questions
                .iter()
                .all(|q| q.check != CheckId::StandardBrowser));
        }
        // Answering no on a Mac: a note with its own text, not 「アプリ内ブラウザ…」.
        let s = snapshot(
            Platform::Macos,
            Some("14.4"),
            None,
            &[
                (CheckId::AppleAccount, Signal::Yes),
                (CheckId::TwoFactorAuth, Signal::Yes),
                (CheckId::IcloudKeychainSync, Signal::Yes),
                (CheckId::StandardBrowser, Signal::No),
            ],
        );
        let report = evaluate(&s, &guide).unwrap();
        assert_eq!(report.status, ReadinessStatus::Ready);
        let browser = finding(&report, CheckId::StandardBrowser);
        assert_eq!(browser.reason, guide.report.pc_browser_fail);
        assert_ne!(&browser.reason, mobile_fail);
    }
}

#[test]
fn windows_not_needed_texts_name_the_route() {
    for (locale, guide) in guides() {
        let hello_route = evaluate(
            &snapshot(
                Platform::Windows,
                Some("11"),
                Some(EDGE),
                &[(CheckId::WindowsHello, Signal::No)],
            ),
            &guide,
        )
        .unwrap();
        assert_eq!(hello_route.guide, "windows_hello");
        for check in [
            CheckId::ChromeSignedIn,
            CheckId::ChromeSync,
            CheckId::GooglePasswordManager,
        ] {
            let f = finding(&hello_route, check);
            assert_eq!(f.status, FindingStatus::NotApplicable);
            assert_eq!(
                f.reason, guide.report.not_needed_windows_hello_route,
                "{locale:?}"
            );
            assert_ne!(f.reason, guide.report.not_applicable);
        }
        let chrome_route = evaluate(
            &snapshot(
                Platform::Windows,
                Some("11"),
                Some(WINDOWS_CHROME),
                &[
                    (CheckId::WindowsHello, Signal::No),
                    (CheckId::ChromeSignedIn, Signal::Yes),
                    (CheckId::ChromeSync, Signal::Yes),
                    (CheckId::GooglePasswordManager, Signal::Yes),
                ],
            ),
            &guide,
        )
        .unwrap();
        assert_eq!(chrome_route.guide, "windows_chrome");
        for check in [CheckId::DevicePassword, CheckId::WindowsHello] {
            let f = finding(&chrome_route, check);
            assert_eq!(f.status, FindingStatus::NotApplicable);
            assert_eq!(f.reason, guide.report.not_needed_chrome_route, "{locale:?}");
        }
    }
}

#[test]
fn when_only_the_browser_fails_the_summary_says_so() {
    for (locale, guide) in guides() {
        let s = snapshot(
            Platform::Android,
            Some("13"),
            Some(YAHOO_APP),
            &[
                (CheckId::ScreenLock, Signal::Yes),
                (CheckId::GoogleAccount, Signal::Yes),
                (CheckId::GoogleAutofill, Signal::Yes),
            ],
        );
        let report = evaluate(&s, &guide).unwrap();
        assert_eq!(report.status, ReadinessStatus::ActionRequired);
        assert_eq!(report.summary, guide.report.browser_only, "{locale:?}");
        assert_ne!(report.summary, guide.report.action_required);
        // With a setting missing or not known as well, the general summary stays.
        for (check, signal) in [
            (CheckId::ScreenLock, Signal::No),
            (CheckId::GoogleAccount, Signal::Unknown),
        ] {
            let mut other = s.clone();
            other.signals.insert(check, signal);
            let report = evaluate(&other, &guide).unwrap();
            assert_eq!(report.status, ReadinessStatus::ActionRequired);
            assert_eq!(report.summary, guide.report.action_required, "{check}");
        }
    }
}

#[test]
fn a_platform_contradicting_the_user_agent_is_an_error_naming_both() {
    let guide = &guides()[0].1;
    let s = snapshot(Platform::Windows, Some("11"), Some(ANDROID_CHROME), &[]);
    let err = evaluate(&s, guide).unwrap_err();
    assert_eq!(
        err,
        SnapshotError::PlatformConflict {
            platform: Platform::Windows,
            user_agent: Platform::Android
        }
    );
    let message = err.to_string();
    assert!(
        message.contains("windows") && message.contains("android"),
        "{message}"
    );
    // Refused when read, too: a snapshot that parses always evaluates (fuzz/ `snapshot`).
    let json = serde_json::json!({"platform": "windows", "user_agent": ANDROID_CHROME});
    assert_eq!(DeviceSnapshot::from_json(&json.to_string()), Err(err));
    // An iPad asking for desktop sites sends a Mac's user agent: not a conflict.
    let ipad_desktop = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 \
                        (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    assert!(evaluate(
        &snapshot(Platform::Ipados, None, Some(ipad_desktop), &[]),
        guide
    )
    .is_ok());
    // An Android tablet's Chrome sends a desktop Linux one: not a conflict either.
    let linux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/131.0.0.0 Safari/537.36";
    assert!(evaluate(&snapshot(Platform::Android, None, Some(linux), &[]), guide).is_ok());
}

#[test]
fn already_using_passkeys_is_asked_first_and_yes_means_ready() {
    for (locale, guide) in guides() {
        let s = snapshot(
            Platform::Android,
            Some("14"),
            None,
            &[(CheckId::ScreenLock, Signal::No)],
        );
        let report = evaluate(&s, &guide).unwrap();
        let first = report.questions.first().unwrap();
        assert_eq!(first.check, CheckId::AlreadyUsesPasskeys);
        assert_eq!(
            first.text,
            check_text(&guide, CheckId::AlreadyUsesPasskeys).question
        );

        let yes = s.answered(CheckId::AlreadyUsesPasskeys, true).unwrap();
        let report = evaluate(&yes, &guide).unwrap();
        assert_eq!(report.status, ReadinessStatus::Ready, "{locale:?}");
        assert_eq!(report.summary, guide.report.already_uses_passkeys);
        assert!(report.questions.is_empty());
        let already = finding(&report, CheckId::AlreadyUsesPasskeys);
        assert_eq!(already.status, FindingStatus::Pass);
        assert_eq!(
            already.reason,
            check_text(&guide, CheckId::AlreadyUsesPasskeys).pass
        );
        let lock = finding(&report, CheckId::ScreenLock);
        assert_eq!(lock.status, FindingStatus::NotApplicable);
        assert_eq!(lock.reason, guide.report.not_needed_already_uses_passkeys);
    }
    // The seed's note is the text shown while it is not known.
    let ja = &guides()[0].1;
    assert_eq!(
        check_text(ja, CheckId::AlreadyUsesPasskeys).unknown,
        "お客様の端末で既にパスキーをご利用の場合はこの設定は不要です。"
    );
}

#[test]
fn the_device_password_is_asked_only_after_windows_hello_is_no() {
    for (_, guide) in guides() {
        let unknown =
            evaluate(&snapshot(Platform::Windows, Some("11"), None, &[]), &guide).unwrap();
        let asked: Vec<CheckId> = unknown.questions.iter().map(|q| q.check).collect();
        assert!(asked.contains(&CheckId::WindowsHello));
        assert!(!asked.contains(&CheckId::DevicePassword));
        let no = unknown_to_no(&guide);
        assert!(no.contains(&CheckId::DevicePassword));
    }
}

fn unknown_to_no(guide: &Guide) -> Vec<CheckId> {
    let s = snapshot(
        Platform::Windows,
        Some("11"),
        None,
        &[(CheckId::WindowsHello, Signal::No)],
    );
    evaluate(&s, guide)
        .unwrap()
        .questions
        .iter()
        .map(|q| q.check)
        .collect()
}
