//! `passkey-ready guide`: one device's guide carries what applies to it, English output uses
//! English typography, and `--os-version` picks the steps written for that version.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::process::Output;

fn run(args: &[&str]) -> Output {
    support::run(args, b"")
}

fn passkey_ready(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const DEVICES: [&str; 5] = [
    "android",
    "iphone",
    "mac",
    "windows-hello",
    "windows-chrome",
];

/// The footnote texts and the "already using passkeys" note, as the content has them.
fn preparation(lang: &str) -> (String, String, String) {
    let json: serde_json::Value = serde_json::from_str(&passkey_ready(&["export-bundle"])).unwrap();
    let p = &json["locales"][lang]["preparation"];
    let footnote = |n: usize| {
        p["device_table"]["footnotes"][n]["text"]
            .as_str()
            .unwrap()
            .replace(
                "{service}",
                json["locales"][lang]["service_name"].as_str().unwrap(),
            )
    };
    (
        p["already_using_note"].as_str().unwrap().to_owned(),
        footnote(0),
        footnote(1),
    )
}

#[test]
fn a_device_guide_carries_the_notes_that_apply_to_that_device() {
    for lang in ["ja", "en"] {
        let (already, standard_browser, chrome) = preparation(lang);
        for device in DEVICES {
            let text = passkey_ready(&["guide", "--lang", lang, "--device", device]);
            let smartphone = matches!(device, "android" | "iphone");
            let chrome_route = matches!(device, "android" | "windows-chrome");
            assert!(text.contains(&already), "{lang} {device}: {text}");
            assert_eq!(
                text.contains(&standard_browser),
                smartphone,
                "{lang} {device}: the standard-browser footnote is about smartphones"
            );
            assert_eq!(
                text.contains(&chrome),
                chrome_route,
                "{lang} {device}: the signed-in Chrome footnote"
            );
            let md = passkey_ready(&[
                "guide", "--lang", lang, "--device", device, "--format", "markdown",
            ]);
            assert_eq!(md.contains("Chrome"), text.contains("Chrome"), "{device}");
        }
    }
}

#[test]
fn english_output_uses_english_typography() {
    let page = passkey_ready(&["guide", "--lang", "en"]);
    let md = passkey_ready(&["guide", "--lang", "en", "--format", "markdown"]);
    for out in [&page, &md] {
        for mark in ["※", "■", "【", "】", "＜", "①", "<Setting"] {
            assert!(!out.contains(mark), "{mark:?} in English output:\n{out}");
        }
    }
    assert!(page.contains("- 1. Click the [Start] button"), "{page}");
    assert!(page.contains("Note: If none is set up"), "{page}");
    assert!(page.contains("Standard browser *1"), "{page}");
    assert!(page.contains("\n*1 On a smartphone"), "{page}");
    assert!(
        page.contains("Part 1: Sign in to your Google Account in Chrome"),
        "{page}"
    );
    // The Japanese page keeps the page's own typography.
    let ja = passkey_ready(&["guide", "--lang", "ja"]);
    for mark in [
        "※1 ",
        "■ ",
        "【ご利用端末別の対応表】",
        "- 1.[スタート]",
        "  - ①PIN",
    ] {
        assert!(ja.contains(mark), "{mark:?} missing:\n{ja}");
    }
}

#[test]
fn japanese_headings_keep_the_page_spacing() {
    let ja = passkey_ready(&["guide", "--lang", "ja"]);
    let lines: Vec<&str> = ja.lines().collect();
    assert!(lines.contains(&"4. MacでiCloudキーチェーンの設定をする場合（Safari）"));
    assert!(lines.contains(&"＜設定3＞パスワードとパスキーの自動入力の確認"));
    assert!(lines.contains(&"<設定1> ChromeでGoogleアカウントにログイン"));
    // A full-width bracket carries its own spacing: no part heading adds one after it.
    let full_width: Vec<&&str> = lines.iter().filter(|l| l.starts_with('＜')).collect();
    assert_eq!(full_width.len(), 5, "{full_width:?}");
    assert!(
        full_width.iter().all(|l| !l.contains("＞ ")),
        "{full_width:?}"
    );
}

#[test]
fn english_wording_fixes() {
    let page = passkey_ready(&["guide", "--lang", "en"]);
    for wanted in [
        "(for example, digits)",
        "tap [Turn Passcode On]",
        "you do not need to do this setup",
    ] {
        assert!(page.contains(wanted), "{wanted:?} missing");
    }
    assert!(!page.contains("Android OS"));
    // Steps the Japanese source does not have are not in the translation either.
    assert!(!page.contains("Turn on sync…"));
    assert!(!page.contains("[You and Google]"));
}

#[test]
fn os_version_picks_the_steps_for_that_version() {
    let default = passkey_ready(&["guide", "--lang", "en", "--device", "iphone"]);
    let ios18 = passkey_ready(&[
        "guide",
        "--lang",
        "en",
        "--device",
        "iphone",
        "--os-version",
        "18.1",
    ]);
    let ios17 = passkey_ready(&[
        "guide",
        "--lang",
        "en",
        "--device",
        "iphone",
        "--os-version",
        "17.5.1",
    ]);
    let ios16 = passkey_ready(&[
        "guide",
        "--lang",
        "en",
        "--device",
        "iphone",
        "--os-version",
        "16",
    ]);
    // Without a version every variant is shown under its own label.
    assert!(default.contains("Tap [General]") && default.contains("On iOS 17"));
    assert!(ios18.contains("Tap [General]") && !ios18.contains("Password Options"));
    assert!(ios17.contains("[Password Options]") && !ios17.contains("Tap [General]"));
    assert!(ios17.contains("[AutoFill Passwords and Passkeys]"));
    assert!(ios16.contains("[AutoFill Passwords]") && !ios16.contains("and Passkeys]"));
    for resolved in [&ios18, &ios17, &ios16] {
        assert!(!resolved.contains("On iOS 1"), "one version's steps only");
    }
    let android14 = passkey_ready(&[
        "guide",
        "--lang",
        "ja",
        "--device",
        "android",
        "--os-version",
        "14",
    ]);
    let android13 = passkey_ready(&[
        "guide",
        "--lang",
        "ja",
        "--device",
        "android",
        "--os-version",
        "13",
    ]);
    assert!(android14.contains("[パスワード、パスキー、アカウント]"));
    assert!(!android13.contains("[パスワード、パスキー、アカウント]"));
    assert!(android13.contains("[すべてのサービス]"));
}

#[test]
fn the_version_the_steps_are_for_is_said_where_it_is_not_the_customers() {
    let windows = |version: &str| {
        passkey_ready(&[
            "guide",
            "--lang",
            "en",
            "--device",
            "windows-hello",
            "--os-version",
            version,
        ])
    };
    assert!(windows("10.0.19045").contains("On Windows 10, menu names"));
    assert!(!windows("10.0.22631").contains("On Windows 10, menu names"));
    let page = passkey_ready(&["guide", "--lang", "ja"]);
    assert!(page.contains("この手順はiOS 18以降の画面で説明しています。"));
}

#[test]
fn a_bad_os_version_is_a_named_input_error() {
    let out = run(&["guide", "--device", "iphone", "--os-version", "latest"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("os_version"));
    // A version means nothing without the device it is of.
    let out = run(&["guide", "--os-version", "17"]);
    assert_eq!(out.status.code(), Some(2));
}
