//! The command-line contract scripts and reviewers rely on: output shapes and exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::process::{Command, Output, Stdio};

use support::run;

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn check_json_reads_stdin_and_a_file() {
    let snapshot = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/android-no-screen-lock.json"
    ))
    .unwrap();
    let from_stdin = json(&run(&["check", "--json"], &snapshot));
    let from_file = json(&run(
        &[
            "check",
            "--json",
            "--snapshot",
            "examples/android-no-screen-lock.json",
        ],
        b"",
    ));
    assert_eq!(from_stdin, from_file);
    assert_eq!(from_stdin["status"], "action_required");
    let first_fail = from_stdin["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["status"] == "fail")
        .unwrap();
    assert_eq!(first_fail["check"], "screen_lock");
    assert_eq!(first_fail["section"], "android.screen_lock");
    assert_eq!(first_fail["action"], "screen_lock_settings");
}

#[test]
fn check_answers_change_the_report() {
    let args = [
        "check",
        "--json",
        "--snapshot",
        "examples/iphone-unknowns.json",
    ];
    assert_eq!(json(&run(&args, b""))["status"], "needs_confirmation");
    let mut answered = args.to_vec();
    answered.extend([
        "--answer",
        "already_uses_passkeys=no",
        "--answer",
        "apple_account=yes",
        "--answer",
        "icloud_keychain_sync=no",
        "--answer",
        "autofill_passwords_passkeys=yes",
    ]);
    let report = json(&run(&answered, b""));
    assert_eq!(report["status"], "action_required");
    assert_eq!(report["questions"], serde_json::json!([]));
}

#[test]
fn check_text_report_is_localised() {
    let args = ["check", "--snapshot", "examples/windows-no-hello.json"];
    let ja = run(&args, b"");
    assert!(String::from_utf8_lossy(&ja.stdout)
        .contains("Windows Hello（PIN・指紋認証・顔認証）が設定されていません。"));
    let en = run(&[&args[..], &["--lang", "en"]].concat(), b"");
    assert!(String::from_utf8_lossy(&en.stdout)
        .contains("windows_hello.setup (windows_sign_in_options)"));
}

#[test]
fn bad_snapshots_exit_1_naming_the_problem() {
    for (input, expected) in [
        (&b"{not json"[..], "(root)"),
        (br#"{"platform": "andriod"}"#, "platform: \"andriod\""),
        (
            br#"{"platform": "android", "signals": {"screen_lok": "yes"}}"#,
            "signals.screen_lok",
        ),
        (
            br#"{"platform": "android", "signals": {"screen_lock": "maybe"}}"#,
            "signals.screen_lock",
        ),
        (
            br#"{"platform": "android", "signals": {"passcode": "yes"}}"#,
            "signals.passcode: this check does not apply to android",
        ),
        (
            br#"{"platform": "android", "os_version": "fourteen"}"#,
            "os_version",
        ),
        (br#"{"platform": "android", "colour": "blue"}"#, "colour"),
        (&[0xff, 0xfe][..], "not UTF-8"),
    ] {
        let out = run(&["check", "--json"], input);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(input)
        );
        assert!(
            stderr(&out).contains(expected),
            "{expected:?} not in {:?}",
            stderr(&out)
        );
    }
    let huge = vec![b' '; 10 * 1024 * 1024];
    let out = run(&["check", "--json"], &huge);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("limit"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["guide", "--lang", "fr"],
        &["check", "--answer", "screen_lock=maybe"],
        &["diagnose", "--platform", "symbian", "x"],
        &[],
    ] {
        assert_eq!(run(args, b"").status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn ua_json_contract() {
    let gsa = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/311.0.622579862 Mobile/15E148 Safari/604.1";
    let info = json(&run(&["ua", "--json", gsa], b""));
    assert_eq!(info["platform"], "ios");
    assert_eq!(info["os_version"], "17.4");
    assert_eq!(info["in_app"], "google_app");
    assert_eq!(info["standard_browser"], false);
    assert_eq!(info["can_register"], false);
    for key in ["browser", "ipad_ambiguous"] {
        assert!(info.get(key).is_some(), "{key}");
    }
    let out = run(&["ua", "--json", &"x".repeat(100_000)], b"");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn diagnose_json_contract() {
    let found = json(&run(
        &[
            "diagnose",
            "--json",
            "--platform",
            "windows",
            "「セキュリティキーのセットアップ」と表示された",
        ],
        b"",
    ));
    let first = &found["matches"][0];
    assert_eq!(first["faq"], "faq.security_key_prompt");
    assert!(first["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "windows_hello"));
    assert_eq!(first["sections"][0], "windows_hello.setup");
    let none = json(&run(&["diagnose", "--json", "今日はいい天気ですね"], b""));
    assert_eq!(none, serde_json::json!({"matches": []}));
}

#[test]
fn validate_and_export_bundle() {
    let exported = run(&["export-bundle"], b"");
    assert!(exported.status.success());
    let ok = run(&["validate", "-"], &exported.stdout);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));

    let mut broken: serde_json::Value = serde_json::from_slice(&exported.stdout).unwrap();
    broken["locales"]["en"]["guides"][4]["parts"][0]["steps"][3]["text"] = "".into();
    broken["locales"]["ja"]["troubleshooting"]["faqs"][1]["sections"] =
        serde_json::json!(["nowhere"]);
    let out = run(&["validate", "-"], broken.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("en.guides[android].parts[android.screen_lock].steps[4].text: text is empty"),
        "{err}"
    );
    assert!(
        err.contains(
            "ja.troubleshooting.faqs[faq.security_key_prompt].sections: \"nowhere\" does not exist"
        ),
        "{err}"
    );

    let out = run(&["validate", "-"], b"{\"schema_version\": 1,");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not valid"), "{}", stderr(&out));
}

#[test]
fn links_in_a_bundle_need_the_apps_allowlist() {
    let exported = run(&["export-bundle"], b"");
    let mut bundle: serde_json::Value = serde_json::from_slice(&exported.stdout).unwrap();
    for lang in ["ja", "en"] {
        let answer = &mut bundle["locales"][lang]["troubleshooting"]["faqs"][0]["answer"];
        *answer = format!("{} https://www.bank.example/help", answer.as_str().unwrap()).into();
    }
    let json = bundle.to_string();
    let refused = run(&["validate", "-"], json.as_bytes());
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("troubleshooting.faqs[faq.in_app_browser].answer"),
        "{}",
        stderr(&refused)
    );
    let allowed = run(
        &["validate", "--allow-link-host", "www.bank.example", "-"],
        json.as_bytes(),
    );
    assert_eq!(allowed.status.code(), Some(0), "{}", stderr(&allowed));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_passkey-ready"))
        .args(["export-bundle"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Closed before the command writes (it has a bundle to build first): its write meets a
    // broken pipe, as with `passkey-ready export-bundle | head -0`.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}
