//! Every case of tests/vectors/session.json, driven through `ReadinessSession` step by step
//! as a shell drives it. Every mismatch of every case is listed in one run.

#![cfg(feature = "uniffi")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use passkey_ready_core::content::Locale;
use passkey_ready_core::ffi::{snapshot_from_json, PasskeyReady, PasskeyReadyError};
use passkey_ready_core::readiness::CheckId;
use passkey_ready_core::session::ffi::ReadinessSession;
use passkey_ready_core::session::HelpScreen;
use passkey_ready_core::Platform;
use serde_json::{json, Value};

const VECTORS: &str = include_str!("../../tests/vectors/session.json");

fn name_of(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap()
}

fn parsed<T: serde::de::DeserializeOwned>(value: &Value) -> T {
    serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"))
}

/// The parts of a screen a case's `expect` speaks of, in the vector's terms.
fn observed(screen: &HelpScreen, session: &ReadinessSession, expect: &Value) -> Value {
    let rows = screen.already_using.iter().chain(&screen.rows);
    let mut out = serde_json::Map::new();
    out.insert("banner".into(), name_of(screen.banner.kind));
    if let Some(wanted) = expect["rows"].as_object() {
        let kinds: serde_json::Map<String, Value> = wanted
            .keys()
            .map(|check| {
                let kind = rows
                    .clone()
                    .find(|r| r.check.as_str() == check)
                    .map_or(Value::Null, |r| name_of(r.kind));
                (check.clone(), kind)
            })
            .collect();
        out.insert("rows".into(), kinds.into());
    }
    let buttons: serde_json::Map<String, Value> = rows
        .clone()
        .filter_map(|r| Some((r.check.to_string(), name_of(r.button.as_ref()?.action))))
        .collect();
    out.insert("buttons".into(), buttons.into());
    let questions: Vec<Value> = rows
        .filter_map(|r| Some(name_of(r.question.as_ref()?.check)))
        .collect();
    out.insert("questions".into(), questions.into());
    if expect.get("answers").is_some() {
        let answers: BTreeMap<String, bool> = session
            .answers()
            .unwrap()
            .into_iter()
            .map(|(check, yes)| (check.to_string(), yes))
            .collect();
        out.insert("answers".into(), json!(answers));
    }
    Value::Object(out)
}

fn run_case(case: &Value, locale: Locale) -> Vec<String> {
    let name = case["name"].as_str().unwrap();
    let platform: Platform = parsed(&case["platform"]);
    let session = ReadinessSession::new(PasskeyReady::new(None).unwrap(), platform).unwrap();
    let mut device = case["snapshot"].clone();
    let mut problems = Vec::new();
    for (n, step) in (1..).zip(case["steps"].as_array().unwrap()) {
        let at = format!("{name} ({locale:?}) step {n}");
        if let Some(answer) = step.get("answer") {
            let check: CheckId = parsed(&answer["check"]);
            let result = session.answer(check, answer["yes"].as_bool().unwrap());
            match (result, answer["refused"].as_str()) {
                (Ok(()), None) => {}
                (Err(PasskeyReadyError::InvalidSnapshot { field, .. }), Some(want))
                    if field == want => {}
                (got, want) => problems.push(format!(
                    "{at}: answer gave {got:?}, expected refusal {want:?}"
                )),
            }
        } else if let Some(check) = step.get("settings_opened") {
            session.settings_opened(parsed(check)).unwrap();
        } else if let Some(signals) = step["observe"].as_object() {
            for (check, signal) in signals {
                device["signals"][check] = signal.clone();
            }
        } else if let Some(expect) = step.get("expect") {
            let snapshot = snapshot_from_json(device.to_string()).unwrap();
            let screen = match session.screen(snapshot, locale) {
                Ok(screen) => screen,
                Err(e) => {
                    problems.push(format!("{at}: refused: {e:?}"));
                    continue;
                }
            };
            let got = observed(&screen, &session, expect);
            for (key, want) in expect.as_object().unwrap() {
                if got[key] != *want {
                    problems.push(format!("{at}: {key}: expected {want}, got {}", got[key]));
                }
            }
        } else {
            problems.push(format!("{at}: not a step: {step}"));
        }
    }
    problems
}

#[test]
fn every_session_vector_gives_its_screens() {
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    let cases = vectors["cases"].as_array().unwrap();
    assert!(cases.len() >= 5);
    let problems: Vec<String> = cases
        .iter()
        .flat_map(|case| Locale::ALL.map(|locale| run_case(case, locale)))
        .flatten()
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
