//! Diagnosis: every scenario of tests/vectors/diagnoses.json, the invariants every answer keeps
//! (sections exist and fit the platform, ranking, confidence range), input limits, and a bank's
//! replacement bundle with its own wording.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use passkey_ready_core::content::{Bundle, Locale};
use passkey_ready_core::diagnose::{
    diagnose, explanation, DiagnoseError, DiagnosisCause, DiagnosisMatch, MatchSource,
    EXPLANATIONS, MAX_MESSAGE_BYTES,
};
use passkey_ready_core::readiness::{rules, CheckId};
use passkey_ready_core::Platform;
use serde_json::{json, Value};

const VECTORS: &str = include_str!("../../tests/vectors/diagnoses.json");

fn vectors() -> Vec<Value> {
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    vectors["cases"].as_array().unwrap().clone()
}

fn platform_of(case: &Value) -> Option<Platform> {
    match &case["platform"] {
        Value::Null => None,
        Value::String(p) => Some(Platform::parse(p).unwrap_or_else(|| panic!("platform {p}"))),
        other => panic!("platform {other}"),
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

fn check_names(m: &DiagnosisMatch) -> Vec<String> {
    m.checks.iter().map(|c| c.to_string()).collect()
}

/// What every answer must keep, whatever the input.
fn assert_invariants(
    bundle: &Bundle,
    what: &str,
    platform: Option<Platform>,
    matches: &[DiagnosisMatch],
) {
    for pair in matches.windows(2) {
        assert!(
            pair[0].confidence >= pair[1].confidence,
            "{what}: not ranked best first: {matches:?}"
        );
    }
    for (n, m) in matches.iter().enumerate() {
        assert!(m.confidence <= 100, "{what}: confidence {}", m.confidence);
        assert!(
            m.confidence > 0,
            "{what}: a match with no confidence: {m:?}"
        );
        if let Some(faq) = &m.faq {
            for locale in Locale::ALL {
                assert!(
                    bundle.guide(locale).faq(faq).is_some(),
                    "{what}: {faq} is not a FAQ"
                );
            }
        }
        for section in &m.sections {
            for locale in Locale::ALL {
                assert!(
                    bundle.guide(locale).part(section).is_some(),
                    "{what}: section {section} is not a part of the {} guide",
                    locale.code()
                );
            }
            if let Some(p) = platform {
                assert!(
                    rules::for_platform(p)
                        .iter()
                        .any(|r| r.section == Some(section.as_str())),
                    "{what}: section {section} is not for {p}"
                );
            }
        }
        if let Some(p) = platform {
            for &check in &m.checks {
                assert!(
                    rules::applies(p, check),
                    "{what}: check {check} is not for {p}"
                );
            }
        }
        let mut seen = m.checks.clone();
        seen.dedup();
        assert_eq!(seen, m.checks, "{what}: a check twice");
        // Every answer can be explained with the content's words: its FAQ or its explanation.
        assert_eq!(
            m.faq.is_some(),
            m.explanation.is_none(),
            "{what}: a FAQ or an explanation: {m:?}"
        );
        if let Some(id) = &m.explanation {
            assert!(EXPLANATIONS.contains(&id.as_str()), "{what}: {id}");
            for locale in Locale::ALL {
                assert!(
                    explanation(bundle.guide(locale), id).is_some(),
                    "{what}: no text for {id} in {}",
                    locale.code()
                );
            }
        }
        for other in matches.iter().skip(n + 1) {
            assert!(
                (&m.faq, &m.checks, &m.sections, m.cause)
                    != (&other.faq, &other.checks, &other.sections, other.cause),
                "{what}: the same answer twice: {matches:?}"
            );
        }
    }
}

#[test]
fn every_diagnosis_vector() {
    let bundle = Bundle::embedded().unwrap();
    let cases = vectors();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let input = case["input"].as_str().unwrap();
        let platform = platform_of(case);
        let expect = &case["expect"];
        let matches = diagnose(&bundle, input, platform).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_invariants(&bundle, name, platform, &matches);

        let empty = expect["empty"].as_bool().unwrap();
        assert_eq!(matches.is_empty(), empty, "{name}: {matches:#?}");
        let Some(first) = matches.first() else {
            assert!(
                expect["first_faq"].is_null(),
                "{name}: first_faq of an empty case"
            );
            continue;
        };
        assert_eq!(
            first.faq.as_deref(),
            expect["first_faq"].as_str(),
            "{name}: first faq in {matches:#?}"
        );
        assert_eq!(
            check_names(first),
            strings(&expect["first_checks"]),
            "{name}: first checks in {matches:#?}"
        );
        assert_eq!(
            first.sections,
            strings(&expect["first_sections"]),
            "{name}: first sections in {matches:#?}"
        );
        if let Some(cause) = expect.get("first_cause") {
            assert_eq!(
                serde_json::to_value(first.cause).unwrap(),
                *cause,
                "{name}: first cause in {matches:#?}"
            );
        }
    }
}

#[test]
fn vectors_hold_on_every_platform() {
    let bundle = Bundle::embedded().unwrap();
    for case in vectors() {
        let input = case["input"].as_str().unwrap();
        for platform in std::iter::once(None).chain(Platform::ALL.map(Some)) {
            let matches = diagnose(&bundle, input, platform).unwrap();
            assert_invariants(&bundle, input, platform, &matches);
        }
    }
}

#[test]
fn vector_inputs_cover_every_source() {
    let bundle = Bundle::embedded().unwrap();
    let mut sources = Vec::new();
    for case in vectors() {
        let matches =
            diagnose(&bundle, case["input"].as_str().unwrap(), platform_of(&case)).unwrap();
        if let Some(first) = matches.first() {
            if !sources.contains(&first.matched_by) {
                sources.push(first.matched_by);
            }
        }
    }
    for source in [
        MatchSource::Message,
        MatchSource::DomException,
        MatchSource::CredentialManager,
        MatchSource::AuthorizationError,
    ] {
        assert!(
            sources.contains(&source),
            "no vector is found by {source:?}"
        );
    }
}

#[test]
fn confidence_orders_exact_contained_partial() {
    let bundle = Bundle::embedded().unwrap();
    let confidence = |input: &str, platform: Option<Platform>| {
        diagnose(&bundle, input, platform).unwrap()[0].confidence
    };
    assert_eq!(confidence("パスキー登録が中断されました。", None), 100);
    assert_eq!(
        confidence("画面に「パスキー登録が中断されました」と出ました", None),
        90
    );
    let partial = confidence("パスキー登録が中断", None);
    assert!((60..80).contains(&partial), "{partial}");
    // The FAQ is about smartphones: on Windows the message is worth half.
    assert_eq!(
        confidence("パスキー登録が中断されました。", Some(Platform::Windows)),
        50
    );
    // Already registered: one meaning.
    assert_eq!(confidence("InvalidStateError", None), 90);
    assert_eq!(
        confidence(
            "android.credentials.CreateCredentialException.TYPE_NO_CREATE_OPTIONS",
            None
        ),
        90
    );
    // A platform-dependent code without a platform is a guess.
    assert!(confidence("NotAllowedError", None) < 30);
    assert!(confidence("NotAllowedError", Some(Platform::Windows)) >= 30);
}

#[test]
fn the_answer_is_found_by_what_the_input_is() {
    let bundle = Bundle::embedded().unwrap();
    let first = |input: &str| diagnose(&bundle, input, Some(Platform::Android)).unwrap()[0].clone();
    assert_eq!(
        first("パスキー登録が中断されました").matched_by,
        MatchSource::Message
    );
    assert_eq!(
        first("NotSupportedError").matched_by,
        MatchSource::DomException
    );
    assert_eq!(
        first("androidx.credentials.TYPE_CREATE_PUBLIC_KEY_CREDENTIAL_DOM_EXCEPTION/androidx.credentials.TYPE_NOT_ALLOWED_ERROR")
            .matched_by,
        MatchSource::CredentialManager
    );
    let ios = diagnose(&bundle, "ASAuthorizationError.failed", Some(Platform::Ios)).unwrap();
    assert_eq!(ios[0].matched_by, MatchSource::AuthorizationError);
}

#[test]
fn unrelated_text_gives_no_match() {
    let bundle = Bundle::embedded().unwrap();
    for input in [
        "こんにちは",
        "password reset",
        "パスワードを忘れました",
        "ログインできません",
        "パスキーとは何ですか",
        "セキュリティキーとは何ですか",
        "USBポートが壊れています",
        "パスワードのセットアップ",
        "I can't register my passkey",
        "security key not working",
        "setup failed",
        "Your passkey registration was successful",
        "Error: failed with code 1004",
        "x",
        "ﾞﾟ",
        "\u{3099}\u{309A}",
        "?!",
    ] {
        for platform in std::iter::once(None).chain(Platform::ALL.map(Some)) {
            assert_eq!(
                diagnose(&bundle, input, platform).unwrap(),
                [],
                "{input:?} on {platform:?}"
            );
        }
    }
}

#[test]
fn empty_and_too_long_inputs_are_refused() {
    let bundle = Bundle::embedded().unwrap();
    for blank in ["", " ", "\n\t", "\u{3000}"] {
        assert_eq!(
            diagnose(&bundle, blank, None),
            Err(DiagnoseError::Empty),
            "{blank:?}"
        );
    }
    assert!(DiagnoseError::Empty.to_string().contains("empty"));

    let at_limit = "a".repeat(MAX_MESSAGE_BYTES);
    assert_eq!(diagnose(&bundle, &at_limit, None), Ok(vec![]));
    let over = "a".repeat(MAX_MESSAGE_BYTES + 1);
    let err = diagnose(&bundle, &over, None).unwrap_err();
    assert_eq!(
        err,
        DiagnoseError::TooLong {
            len: MAX_MESSAGE_BYTES + 1,
            max: MAX_MESSAGE_BYTES
        }
    );
    assert!(err.to_string().contains("2049") && err.to_string().contains("2048"));
    // Bytes, not characters: 683 kana are 2049 bytes.
    let kana = "あ".repeat(683);
    assert!(matches!(
        diagnose(&bundle, &kana, None),
        Err(DiagnoseError::TooLong { len: 2049, .. })
    ));
    // Refused before any work: even a blank text over the limit is "too long".
    let spaces = " ".repeat(MAX_MESSAGE_BYTES + 1);
    assert!(matches!(
        diagnose(&bundle, &spaces, None),
        Err(DiagnoseError::TooLong { .. })
    ));
}

#[test]
fn a_message_at_the_end_of_a_long_text_is_found() {
    let bundle = Bundle::embedded().unwrap();
    let mut text = "あ".repeat(600);
    text.push_str("「セキュリティキーのセットアップ」");
    assert!(text.len() <= MAX_MESSAGE_BYTES);
    let matches = diagnose(&bundle, &text, None).unwrap();
    assert_eq!(matches[0].faq.as_deref(), Some("faq.security_key_prompt"));
}

/// Inputs of every kind of character never panic and keep the invariants.
#[test]
fn odd_inputs_keep_the_invariants() {
    let bundle = Bundle::embedded().unwrap();
    let pool: Vec<char> = "パスキー登録が中断されました。セキュリティキUSBポート挿入のセットアップ\
        ｾｷｭﾘﾃｨｰﾞﾟ\u{3099}\u{309A}ａｂＡＢ１２　 \t\n「」『』“”.,!?-_/:=()1000410061NotAllowedError\
        ASAuthorizationError TYPE_NO_CREATE_OPTIONS androidx.credentials insert your security key \
        😀é\u{0301}\u{200B}\u{FEFF}\u{0000}ヵヶゝゞ〆"
        .chars()
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    for _ in 0..1500 {
        let len = next(80);
        let text: String = (0..len).map(|_| pool[next(pool.len())]).collect();
        let platform = [
            None,
            Some(Platform::Android),
            Some(Platform::Ios),
            Some(Platform::Windows),
        ][next(4)];
        match diagnose(&bundle, &text, platform) {
            Ok(matches) => assert_invariants(&bundle, &text, platform, &matches),
            Err(DiagnoseError::Empty) => assert!(text.trim().is_empty(), "{text:?}"),
            Err(e) => panic!("{text:?}: {e}"),
        }
    }
}

#[test]
fn a_replacement_bundles_new_message_is_recognised() {
    let mut value: Value = serde_json::from_str(&Bundle::embedded().unwrap().to_json()).unwrap();
    let faqs = |value: &mut Value, lang: &str| -> Vec<Value> {
        value
            .pointer(&format!("/locales/{lang}/troubleshooting/faqs"))
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let index = faqs(&mut value, "ja")
        .iter()
        .position(|f| f["id"] == "faq.in_app_browser")
        .unwrap();
    for (lang, message) in [
        ("ja", "この画面ではパスキーを作成できません。"),
        ("en", "Passkeys cannot be created on this screen."),
    ] {
        *value
            .pointer_mut(&format!(
                "/locales/{lang}/troubleshooting/faqs/{index}/messages"
            ))
            .unwrap() = json!([message]);
    }
    let bank = Bundle::from_json(&value.to_string()).unwrap();

    for input in [
        "この画面ではパスキーを作成できません。",
        "「この画面ではﾊﾟｽｷｰを作成できません」と表示されました",
        "passkeys cannot be created on this screen",
    ] {
        let matches = diagnose(&bank, input, Some(Platform::Ios)).unwrap();
        assert_eq!(
            matches[0].faq.as_deref(),
            Some("faq.in_app_browser"),
            "{input}"
        );
        assert_eq!(matches[0].matched_by, MatchSource::Message, "{input}");
        assert_eq!(matches[0].checks, [CheckId::StandardBrowser], "{input}");
        assert!(matches[0].confidence >= 90, "{input}");
    }
    // The old wording is the embedded content's, not the bank's.
    assert_eq!(
        diagnose(&bank, "パスキー登録が中断されました。", None).unwrap(),
        []
    );
    let embedded = Bundle::embedded().unwrap();
    assert_eq!(
        diagnose(&embedded, "この画面ではパスキーを作成できません。", None).unwrap(),
        []
    );
}

#[test]
fn a_replacement_bundle_without_a_faq_still_answers_codes() {
    let mut value: Value = serde_json::from_str(&Bundle::embedded().unwrap().to_json()).unwrap();
    for lang in ["ja", "en"] {
        let faqs = value
            .pointer_mut(&format!("/locales/{lang}/troubleshooting/faqs"))
            .unwrap()
            .as_array_mut()
            .unwrap();
        faqs.retain(|f| f["id"] != "faq.security_key_prompt");
    }
    let bank = Bundle::from_json(&value.to_string()).unwrap();
    let matches = diagnose(&bank, "NotAllowedError", Some(Platform::Windows)).unwrap();
    assert_eq!(matches[0].faq, None);
    assert_eq!(
        matches[0].checks,
        [CheckId::DevicePassword, CheckId::WindowsHello]
    );
    assert_eq!(matches[0].sections, ["windows_hello.setup"]);
    assert_eq!(
        diagnose(&bank, "セキュリティキーのセットアップ", None).unwrap(),
        []
    );
}

#[test]
fn serialises_with_snake_case_names() {
    let bundle = Bundle::embedded().unwrap();
    let matches = diagnose(&bundle, "NotAllowedError", Some(Platform::Windows)).unwrap();
    let json = serde_json::to_value(&matches[0]).unwrap();
    assert_eq!(
        json,
        json!({
            "faq": "faq.security_key_prompt",
            "checks": ["device_password", "windows_hello"],
            "sections": ["windows_hello.setup"],
            "matched_by": "dom_exception",
            "confidence": 45,
            "cause": "customer_device",
            "explanation": null
        })
    );
    let matches = diagnose(&bundle, "InvalidStateError", None).unwrap();
    assert_eq!(
        serde_json::to_value(&matches[0]).unwrap()["explanation"],
        json!("diagnosis.already_registered")
    );
    for (cause, name) in [
        (DiagnosisCause::CustomerDevice, "customer_device"),
        (DiagnosisCause::SiteConfiguration, "site_configuration"),
        (DiagnosisCause::AlreadyRegistered, "already_registered"),
        (DiagnosisCause::Cancelled, "cancelled"),
        (DiagnosisCause::Interrupted, "interrupted"),
    ] {
        assert_eq!(serde_json::to_value(cause).unwrap(), json!(name));
    }
    for (source, name) in [
        (MatchSource::Message, "message"),
        (MatchSource::DomException, "dom_exception"),
        (MatchSource::CredentialManager, "credential_manager"),
        (MatchSource::AuthorizationError, "authorization_error"),
    ] {
        assert_eq!(serde_json::to_value(source).unwrap(), json!(name));
    }
}

/// A message of a bank's bundle is held to the same rule as the seed's: a part of it matches
/// only with what makes it about passkeys, and one with no such word only as the whole input.
#[test]
fn a_replacement_bundles_messages_need_a_domain_word_in_part() {
    let mut value: Value = serde_json::from_str(&Bundle::embedded().unwrap().to_json()).unwrap();
    for (lang, messages) in [
        (
            "ja",
            [
                "パスキーの作成がタイムアウトしました。",
                "通信エラーが発生しました。",
            ],
        ),
        (
            "en",
            ["Passkey creation timed out.", "A network error occurred."],
        ),
    ] {
        *value
            .pointer_mut(&format!("/locales/{lang}/troubleshooting/faqs/0/messages"))
            .unwrap() = json!(messages);
    }
    let bank = Bundle::from_json(&value.to_string()).unwrap();
    let first = |input: &str| {
        diagnose(&bank, input, Some(Platform::Android))
            .unwrap()
            .first()
            .and_then(|m| m.faq.clone())
    };
    assert_eq!(
        first("パスキーの作成がタイムアウト").as_deref(),
        Some("faq.in_app_browser")
    );
    assert_eq!(
        first("passkey creation timed"),
        Some("faq.in_app_browser".into())
    );
    assert_eq!(
        first("通信エラーが発生しました。").as_deref(),
        Some("faq.in_app_browser")
    );
    for input in [
        "タイムアウトしました",
        "ダウンロードがタイムアウトしました",
        "creation timed out",
        "「通信エラーが発生しました」と出ました",
        "A network error occurred while downloading",
    ] {
        assert_eq!(first(input), None, "{input}");
    }
}

/// Credential Manager's "no create option" when a provider is set up: its settings, and the
/// third-party provider chosen instead of Google Password Manager.
#[test]
fn no_create_option_also_points_to_the_provider_settings() {
    let bundle = Bundle::embedded().unwrap();
    let matches = diagnose(
        &bundle,
        "androidx.credentials.exceptions.CreateCredentialNoCreateOptionException",
        Some(Platform::Android),
    )
    .unwrap();
    let provider = matches
        .iter()
        .find(|m| m.explanation.as_deref() == Some("diagnosis.provider_settings"))
        .unwrap_or_else(|| panic!("{matches:#?}"));
    assert_eq!(provider.checks, [CheckId::GoogleAutofill]);
    assert_eq!(provider.sections, ["android.google_autofill"]);
    for locale in Locale::ALL {
        let text = explanation(bundle.guide(locale), "diagnosis.provider_settings").unwrap();
        assert!(text.contains("Google"), "{text}");
    }
}

/// A configuration error's text replaces the device answers of its code.
#[test]
fn a_configuration_text_replaces_the_codes_device_answers() {
    let bundle = Bundle::embedded().unwrap();
    for (input, platform) in [
        (
            "Error Domain=com.apple.AuthenticationServices.AuthorizationError Code=1004 \"Application with identifier A1B2C3D4E5.com.example.bank is not associated with domain www.bank.example\"",
            Some(Platform::Ios),
        ),
        (
            "DOMException: SecurityError: The relying party ID is not a registrable domain suffix of, nor equal to the current domain.",
            None,
        ),
        (
            "androidx.credentials.exceptions.CreateCredentialUnknownException: The incoming request cannot be validated",
            Some(Platform::Android),
        ),
    ] {
        let matches = diagnose(&bundle, input, platform).unwrap();
        assert!(!matches.is_empty(), "{input}");
        for m in &matches {
            assert_eq!(m.cause, DiagnosisCause::SiteConfiguration, "{input}: {matches:#?}");
            assert!(m.checks.is_empty() && m.faq.is_none(), "{input}: {matches:#?}");
        }
    }
}

/// Every bundle must explain the answers diagnosis gives.
#[test]
fn a_bundle_without_an_explanation_is_invalid() {
    let mut bundle = Bundle::embedded().unwrap();
    assert!(passkey_ready_core::content::validate(&bundle).is_empty());
    bundle
        .locales
        .en
        .troubleshooting
        .explanations
        .retain(|e| e.id != "diagnosis.site_configuration");
    let problems = passkey_ready_core::content::validate(&bundle);
    assert!(
        problems.iter().any(|p| {
            let text = p.to_string();
            text.contains("en.troubleshooting.explanations")
                && text.contains("diagnosis.site_configuration")
        }),
        "{problems:#?}"
    );
}
