//! User agent classification: the shared conformance vectors (which Kotlin and Swift run too),
//! the corpus of real user agents, and the input limits.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use passkey_ready_core::useragent::{
    classify_user_agent, InAppBrowser, UserAgentError, MAX_USER_AGENT_BYTES,
};
use passkey_ready_core::Platform;
use serde_json::{Map, Value};

const VECTORS: &str = include_str!("../../tests/vectors/user_agents.json");
const CORPUS: &str = include_str!("../../tests/corpus/user_agents.txt");

const FIELDS: [&str; 7] = [
    "platform",
    "os_version",
    "browser",
    "in_app",
    "standard_browser",
    "can_register",
    "ipad_ambiguous",
];

struct Case {
    name: String,
    user_agent: String,
    expect: Map<String, Value>,
}

fn cases() -> Vec<Case> {
    let doc: Value = serde_json::from_str(VECTORS).expect("user_agents.json is not JSON");
    doc["cases"]
        .as_array()
        .expect("user_agents.json has no `cases` array")
        .iter()
        .map(|case| Case {
            name: case["name"]
                .as_str()
                .expect("a case without a name")
                .to_owned(),
            user_agent: case["user_agent"]
                .as_str()
                .unwrap_or_else(|| panic!("case {}: no user_agent", case["name"]))
                .to_owned(),
            expect: case["expect"]
                .as_object()
                .unwrap_or_else(|| panic!("case {}: no expect object", case["name"]))
                .clone(),
        })
        .collect()
}

fn corpus() -> Vec<&'static str> {
    CORPUS
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .collect()
}

#[test]
fn every_vector_matches() {
    let mut failures = Vec::new();
    for case in cases() {
        let keys: BTreeSet<&str> = case.expect.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            BTreeSet::from(FIELDS),
            "case `{}`: expect must list every field, null where None",
            case.name
        );
        let info = match classify_user_agent(&case.user_agent) {
            Ok(info) => info,
            Err(err) => {
                failures.push(format!("case `{}`: error {err:?}", case.name));
                continue;
            }
        };
        let actual = serde_json::to_value(&info).unwrap();
        let actual = actual.as_object().unwrap();
        assert_eq!(
            actual.keys().map(String::as_str).collect::<BTreeSet<_>>(),
            BTreeSet::from(FIELDS),
            "UserAgentInfo serialises other fields than the vectors check"
        );
        for field in FIELDS {
            if actual[field] != case.expect[field] {
                failures.push(format!(
                    "case `{}`: {field}: expected {}, got {}\n    user agent: {:?}",
                    case.name, case.expect[field], actual[field], case.user_agent
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatch(es):\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

/// The vectors are what Kotlin and Swift rely on, so they must keep covering every answer
/// the classifier can give.
#[test]
fn vectors_cover_every_kind_of_answer() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} vectors", cases.len());
    let names: BTreeSet<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), cases.len(), "vector names must be unique");

    let seen =
        |field: &str| -> Vec<Value> { cases.iter().map(|c| c.expect[field].clone()).collect() };
    let in_app = seen("in_app");
    for kind in ALL_IN_APP {
        let name = serde_json::to_value(kind).unwrap();
        assert!(in_app.contains(&name), "no vector for in_app {name}");
    }
    let platforms = seen("platform");
    for platform in Platform::ALL {
        let name = serde_json::to_value(platform).unwrap();
        assert!(platforms.contains(&name), "no vector for platform {name}");
    }
    assert!(
        platforms.contains(&Value::Null),
        "no vector for an unknown platform"
    );

    let any = |pred: &dyn Fn(&Map<String, Value>) -> bool, what: &str| {
        assert!(
            cases.iter().any(|c| pred(&c.expect)),
            "no vector for {what}"
        );
    };
    any(&|e| e["ipad_ambiguous"] == true, "the iPad ambiguity");
    any(
        &|e| e["in_app"].is_null() && e["standard_browser"] == false && e["can_register"] == false,
        "a non-standard browser on a smartphone",
    );
    any(
        &|e| e["in_app"].is_null() && e["standard_browser"] == false && e["can_register"].is_null(),
        "a non-standard browser on a PC",
    );
    any(
        &|e| {
            FIELDS
                .iter()
                .all(|f| *f == "ipad_ambiguous" || e[*f].is_null())
        },
        "unrecognised input",
    );
}

const ALL_IN_APP: [InAppBrowser; 8] = [
    InAppBrowser::GoogleApp,
    InAppBrowser::YahooJapanApp,
    InAppBrowser::Line,
    InAppBrowser::Instagram,
    InAppBrowser::Facebook,
    InAppBrowser::X,
    InAppBrowser::Tiktok,
    InAppBrowser::Webview,
];

/// Fails to compile when a variant is added, as a reminder to extend `ALL_IN_APP`.
#[allow(dead_code)]
fn all_in_app_is_complete(kind: InAppBrowser) {
    match kind {
        InAppBrowser::GoogleApp
        | InAppBrowser::YahooJapanApp
        | InAppBrowser::Line
        | InAppBrowser::Instagram
        | InAppBrowser::Facebook
        | InAppBrowser::X
        | InAppBrowser::Tiktok
        | InAppBrowser::Webview => {}
    }
}

#[test]
fn every_corpus_line_classifies() {
    let lines = corpus();
    assert!(lines.len() >= 60, "only {} corpus lines", lines.len());
    let unique: BTreeSet<&str> = lines.iter().copied().collect();
    assert_eq!(unique.len(), lines.len(), "the corpus has duplicate lines");
    for line in lines {
        if let Err(err) = classify_user_agent(line) {
            panic!("corpus line refused ({err}): {line:?}");
        }
    }
}

/// Truncated user agents turn up in logs and proxies: no cut of a real one may panic, and
/// only an empty remainder is an error.
#[test]
fn every_cut_of_a_corpus_line_classifies() {
    for line in corpus() {
        for (at, _) in line.char_indices().skip(1) {
            for part in [&line[..at], &line[at..]] {
                let result = classify_user_agent(part);
                if part.trim().is_empty() {
                    assert_eq!(result, Err(UserAgentError::Empty), "{part:?}");
                } else {
                    assert!(result.is_ok(), "{part:?}: {result:?}");
                }
            }
        }
    }
}

#[test]
fn input_longer_than_the_limit_is_refused() {
    let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 \
                  (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    let at_limit = format!("{chrome:<width$}", width = MAX_USER_AGENT_BYTES);
    assert_eq!(at_limit.len(), MAX_USER_AGENT_BYTES);
    assert_eq!(
        classify_user_agent(&at_limit).unwrap(),
        classify_user_agent(chrome).unwrap()
    );

    let over = format!("{at_limit}x");
    let err = classify_user_agent(&over).unwrap_err();
    assert_eq!(
        err,
        UserAgentError::TooLong {
            len: MAX_USER_AGENT_BYTES + 1,
            max: MAX_USER_AGENT_BYTES
        }
    );
    assert!(err.to_string().contains("1025") && err.to_string().contains("1024"));

    // The limit is in bytes, which is what is stored and sent, not characters.
    let japanese = "あ".repeat(MAX_USER_AGENT_BYTES / 3 + 1);
    assert!(japanese.chars().count() < MAX_USER_AGENT_BYTES);
    assert!(matches!(
        classify_user_agent(&japanese),
        Err(UserAgentError::TooLong { .. })
    ));
    // Whitespace past the limit is still refused as too long, not as empty: the limit
    // comes before anything else.
    assert!(matches!(
        classify_user_agent(&" ".repeat(MAX_USER_AGENT_BYTES + 1)),
        Err(UserAgentError::TooLong { .. })
    ));
}

#[test]
fn empty_input_is_refused() {
    for ua in ["", " ", "\t\r\n", "\u{3000}"] {
        assert_eq!(
            classify_user_agent(ua),
            Err(UserAgentError::Empty),
            "{ua:?}"
        );
    }
    assert!(UserAgentError::Empty.to_string().contains("empty"));
}
