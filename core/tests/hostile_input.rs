//! Issue 11's reproducers, each refused with a typed error (or given the right answer),
//! quickly and with a short error: hostile bundles (memory, links, invisible characters,
//! echoes, duplicate keys, a byte order mark) and hostile snapshots (privacy, NUL).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use passkey_ready_core::content::{Bundle, BundleError, ContentStore, LoadPolicy};
use passkey_ready_core::readiness::DeviceSnapshot;
use serde_json::{json, Value};

const STEP: &str = "/locales/ja/guides/4/parts/0/steps/0/text";

fn embedded() -> Value {
    serde_json::from_str(&Bundle::embedded().unwrap().to_json()).unwrap()
}

fn with_step_text(text: &str) -> String {
    let mut value = embedded();
    *value.pointer_mut(STEP).unwrap() = json!(text);
    value.to_string()
}

/// Refused by a store holding the embedded guide, which keeps it; the error as text.
fn refused(json: &str, policy: &LoadPolicy) -> String {
    let store = ContentStore::embedded().unwrap();
    let before = store.current();
    let err = store
        .load_json_with(json, policy)
        .expect_err("the bundle must be refused");
    assert!(std::sync::Arc::ptr_eq(&before, &store.current()));
    err.to_string()
}

/// An error that is safe to print: short, and without terminal or bidi controls.
fn assert_safe_echo(what: &str, text: &str) {
    assert!(text.len() < 4096, "{what}: error of {} bytes", text.len());
    for c in ['\u{1b}', '\u{7}', '\u{0}', '\u{202e}', '\u{9b}'] {
        assert!(!text.contains(c), "{what}: {c:?} in {text:?}");
    }
}

// Item 1: memory.

#[test]
fn the_issues_200_kb_bundle_is_refused_with_a_short_error() {
    let mut value = embedded();
    let faq = &mut value["locales"]["ja"]["troubleshooting"]["faqs"][0];
    faq["id"] = json!("a".repeat(40_000));
    faq["messages"] = json!(vec![""; 40_000]);
    let json = value.to_string();
    assert!(
        json.len() > 150_000 && json.len() < 260_000,
        "{}",
        json.len()
    );
    let text = refused(&json, &LoadPolicy::default());
    assert_safe_echo("200 KB bundle", &text);
    // The message names the item and the limit.
    assert!(
        text.contains("locales.ja.troubleshooting.faqs[0]"),
        "{text}"
    );
}

#[test]
fn problems_are_capped_and_say_there_are_more() {
    // A bundle within every limit with a problem in every text.
    let mut value = embedded();
    for locale in ["ja", "en"] {
        for faq in value["locales"][locale]["troubleshooting"]["faqs"]
            .as_array_mut()
            .unwrap()
        {
            faq["messages"] = json!(vec!["<b>"; 16]);
        }
    }
    match Bundle::from_json(&value.to_string()) {
        Err(BundleError::Invalid { problems }) => {
            assert!(problems.len() <= 51, "{}", problems.len());
            let last = problems.last().unwrap().to_string();
            assert!(last.contains("stopped after 50 problems"), "{last}");
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

// Item 2: links.

#[test]
fn the_issues_links_are_refused_without_an_allowed_host() {
    for link in [
        "[login](http:evil.example)",
        "[x](https:/\\evil.example)",
        "[x](/\\evil.example)",
        "<https:evil.example>",
        "[送金](bankapp:transfer?to=1)",
        "<bankapp:transfer>",
        "x-safari-https:evil.example/login",
        "[x](whatsapp:send?text=hi)",
        "[x](javascript&colon;alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](javascript\\:alert(1))",
        "[x](https:\\/\\/evil.example)",
        "\\\\evil.example/login",
        "[x](https:evil.example)",
        "[x](//%65vil.example)",
    ] {
        let text = refused(&with_step_text(link), &LoadPolicy::default());
        assert!(text.contains("steps[1].text"), "{link}: {text}");
    }
}

#[test]
fn a_host_ends_only_where_a_url_parser_ends_it() {
    let policy = LoadPolicy::allowing_links_to(["www.bank.example"]);
    for dot in [
        '。', '\u{FF0E}', '\u{FF61}', '\u{00AD}', '\u{200B}', '\u{3002}',
    ] {
        let link = format!("https://www.bank.example{dot}evil.example/login");
        let text = refused(&with_step_text(&link), &policy);
        assert!(text.contains("steps[1].text"), "{link}: {text}");
    }
    for link in [
        "https://www.bank.example\\@evil.example/",
        "https://www.bank.example%2Eevil.example/",
        "https://www.bank.example\nevil.example/",
        "https://www.bank.example:443@evil.example/",
    ] {
        refused(&with_step_text(link), &policy);
    }
    // What a bank writes still loads.
    for ok in [
        "詳しくは https://www.bank.example/passkey をご覧ください。",
        "[こちら](https://www.bank.example/faq)",
        "<https://www.bank.example/help>",
        "See https://www.bank.example.",
        "Note: a PIN is needed first.",
    ] {
        let json = with_step_text(ok);
        assert!(Bundle::from_json_with(&json, &policy).is_ok(), "{ok}");
    }
}

// Item 5: echoes.

#[test]
fn unknown_keys_and_placeholder_names_are_not_echoed_raw() {
    let mut value = embedded();
    value["locales"]["ja"]["x\u{1b}[31m\u{7}"] = json!(1);
    let text = refused(&value.to_string(), &LoadPolicy::default());
    assert_safe_echo("unknown key with ESC", &text);

    let mut value = embedded();
    value["locales"]["ja"][&"k".repeat(100_000)] = json!(1);
    let text = refused(&value.to_string(), &LoadPolicy::default());
    assert_safe_echo("100 KB key", &text);

    for placeholder in [
        "{\u{1b}[31mred}".to_owned(),
        format!("{{{}}}", "n".repeat(1_900)),
        "{\u{202e}}".to_owned(),
    ] {
        let text = refused(&with_step_text(&placeholder), &LoadPolicy::default());
        assert_safe_echo("placeholder name", &text);
    }
    // An id with an escape, in the path of every problem about it.
    let mut value = embedded();
    value["locales"]["ja"]["guides"][0]["id"] = json!("a\u{1b}[2J");
    let text = refused(&value.to_string(), &LoadPolicy::default());
    assert_safe_echo("id with ESC", &text);
}

#[test]
fn snapshot_signal_ids_are_not_echoed_raw() {
    for id in ["\u{1b}]0;pwned\u{7}".to_owned(), "s".repeat(10_000)] {
        let json = json!({"platform": "android", "signals": {id: "yes"}}).to_string();
        let err = DeviceSnapshot::from_json(&json).unwrap_err().to_string();
        assert_safe_echo("signal id", &err);
    }
    let json = json!({"platform": "android", "signals": {"screen_lock": "\u{1b}[31m"}});
    let err = DeviceSnapshot::from_json(&json.to_string())
        .unwrap_err()
        .to_string();
    assert_safe_echo("signal value", &err);
}

// Item 6: privacy.

#[test]
fn an_address_in_a_snapshot_is_not_echoed() {
    const EMAIL: &str = "taro.yamada@example.com";
    for json in [
        json!({"platform": "android", "signals": {"google_account": EMAIL}}),
        json!({"platform": "android", "signals": {EMAIL: "yes"}}),
        json!({"platform": EMAIL}),
        json!({"platform": "android", "os_version": format!("8 ({EMAIL})")}),
        json!({"platform": "android", "os_version": EMAIL}),
    ] {
        let err = DeviceSnapshot::from_json(&json.to_string()).unwrap_err();
        let text = format!("{err} {err:?}");
        assert!(!text.contains("taro"), "{json}: {text}");
    }
}

#[test]
fn an_exported_snapshot_keeps_the_user_agent_only_as_its_classification() {
    let ua = "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240605.024; wv) \
              AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.0.0 \
              Mobile Safari/537.36 Line/14.5.0 (taro.yamada@example.com)";
    let json = json!({"platform": "android", "os_version": "14", "user_agent": ua});
    let snapshot = DeviceSnapshot::from_json(&json.to_string()).unwrap();
    let exported = snapshot.to_json();
    assert!(!exported.contains("taro"), "{exported}");
    assert!(!exported.contains("Pixel 8"), "{exported}");
    let value: Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(value["browser_info"]["in_app"], "line", "{exported}");
    // It reads back, without a user agent.
    let again = DeviceSnapshot::from_json(&exported).unwrap();
    assert_eq!(again.user_agent, None);
    assert_eq!(again.os_version.as_deref(), Some("14"));
}

// Item 7: invisible characters.

#[test]
fn format_characters_and_separators_are_refused() {
    for c in [
        '\u{200E}',
        '\u{200F}',
        '\u{061C}',
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{2060}',
        '\u{FEFF}',
        '\u{E0041}',
        '\u{E007F}',
        '\u{FFF9}',
        '\u{FFFA}',
        '\u{FFFB}',
        '\u{2028}',
        '\u{2029}',
        '\u{00AD}',
        '\u{180E}',
    ] {
        let text = refused(
            &with_step_text(&format!("設定{c}を開く")),
            &LoadPolicy::default(),
        );
        let code = format!("U+{:04X}", u32::from(c));
        assert!(text.contains(&code), "{code}: {text}");
    }
    // The joiner inside an emoji sequence is how the emoji is written.
    let json = with_step_text("👩\u{200D}💻 と 👨\u{200D}👩\u{200D}👧 のアイコン");
    assert!(Bundle::from_json(&json).is_ok());
}

// Item 8: small ones.

#[test]
fn a_nul_after_the_version_is_refused() {
    for version in [
        "14\u{0}",
        "14\u{1b}[31m",
        "8<img src=x>",
        "8{min_version}",
        "14 ",
    ] {
        let json = json!({"platform": "android", "os_version": version});
        let err = DeviceSnapshot::from_json(&json.to_string()).unwrap_err();
        assert!(
            err.to_string().starts_with("os_version"),
            "{version:?}: {err}"
        );
    }
}

#[test]
fn repeated_keys_are_refused_naming_the_key() {
    let err = DeviceSnapshot::from_json(
        r#"{"platform": "android", "signals": {"screen_lock": "no", "screen_lock": "yes"}}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("signals.screen_lock"), "{err}");
    let err = DeviceSnapshot::from_json(r#"{"platform": "ios", "platform": "android"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("platform"), "{err}");

    let json = Bundle::embedded().unwrap().to_json();
    let doubled = json.replacen(
        "\"schema_version\": 4,",
        "\"schema_version\": 4, \"schema_version\": 4,",
        1,
    );
    assert_ne!(doubled, json);
    let text = refused(&doubled, &LoadPolicy::default());
    assert!(text.contains("schema_version"), "{text}");
    let mut value = embedded();
    let title = value["locales"]["ja"]["title"].as_str().unwrap().to_owned();
    value["locales"]["ja"]["title"] = json!("PLACEHOLDER_TITLE");
    let doubled = value.to_string().replace(
        "\"title\":\"PLACEHOLDER_TITLE\"",
        &format!("\"title\":\"<script>\",\"title\":{}", json!(title)),
    );
    let text = refused(&doubled, &LoadPolicy::default());
    assert!(text.contains("locales.ja.title"), "{text}");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let json = Bundle::embedded().unwrap().to_json();
    let bundle = Bundle::from_json(&format!("\u{FEFF}{json}")).unwrap();
    assert_eq!(bundle, Bundle::embedded().unwrap());
    let snapshot =
        DeviceSnapshot::from_json("\u{FEFF}{\"platform\": \"ios\", \"os_version\": \"17.4\"}")
            .unwrap();
    assert_eq!(snapshot.os_version.as_deref(), Some("17.4"));
    // Only at the start: anywhere else it is not JSON.
    assert!(DeviceSnapshot::from_json("{\"platform\": \u{FEFF}\"ios\"}").is_err());
}
