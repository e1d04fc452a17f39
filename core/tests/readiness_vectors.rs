//! Every scenario of tests/vectors/readiness.json gives the expected report.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use passkey_ready_core::content::{Bundle, Locale};
use passkey_ready_core::readiness::{evaluate, DeviceSnapshot, FindingStatus, ReadinessReport};
use serde_json::Value;

const VECTORS: &str = include_str!("../../tests/vectors/readiness.json");

fn as_str(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

fn checks_with(report: &ReadinessReport, status: FindingStatus) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.status == status)
        .map(|f| f.check.to_string())
        .collect()
}

/// What differs between a case's report and its expectation, in one locale; empty when
/// nothing does. Every case is checked so that one run lists every failing case.
fn mismatches(name: &str, case: &Value, locale: Locale, bundle: &Bundle) -> Vec<String> {
    let expect = &case["expect"];
    let snapshot = match DeviceSnapshot::from_json(&case["snapshot"].to_string()) {
        Ok(snapshot) => snapshot,
        Err(e) => return vec![format!("{name}: snapshot refused: {e}")],
    };
    let report = match evaluate(&snapshot, &bundle.guide(locale).with_service(None)) {
        Ok(report) => report,
        Err(e) => return vec![format!("{name}: evaluate refused: {e}")],
    };
    let mut out = Vec::new();
    let mut differ = |what: &str, got: Value, want: &Value| {
        if got != *want {
            out.push(format!(
                "{name} ({locale:?}): {what}: expected {want}, got {got}"
            ));
        }
    };
    let mut missing = Vec::new();
    differ(
        "status",
        Value::from(as_str(report.status)),
        &expect["status"],
    );
    differ("guide", Value::from(report.guide.clone()), &expect["guide"]);
    let order: Vec<String> = report
        .findings
        .iter()
        .map(|f| f.check.to_string())
        .collect();
    differ("order", Value::from(order), &expect["order"]);
    for (key, status) in [
        ("fail", FindingStatus::Fail),
        ("unknown", FindingStatus::Unknown),
        ("not_applicable", FindingStatus::NotApplicable),
    ] {
        differ(key, Value::from(checks_with(&report, status)), &expect[key]);
    }
    let asked: Vec<String> = report
        .questions
        .iter()
        .map(|q| q.check.to_string())
        .collect();
    differ("questions", Value::from(asked), &expect["questions"]);
    if let Some(actions) = expect["actions"].as_object() {
        for (check, action) in actions {
            match report.findings.iter().find(|f| f.check.as_str() == check) {
                Some(finding) => differ(
                    &format!("action of {check}"),
                    Value::from(as_str(finding.action)),
                    action,
                ),
                None => missing.push(format!("{name}: no finding {check}")),
            }
        }
    }
    for finding in &report.findings {
        if finding.reason.is_empty() {
            missing.push(format!("{name}: {} has no reason", finding.check));
        }
    }
    out.extend(missing);
    out
}

#[test]
fn every_readiness_vector() {
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    let bundle = Bundle::embedded().unwrap();
    let cases = vectors["cases"].as_array().unwrap();
    assert!(cases.len() >= 16);
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        for locale in Locale::ALL {
            failures.extend(mismatches(name, case, locale, &bundle));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatch(es):\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}
