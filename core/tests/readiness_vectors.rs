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

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_readiness_vector() {
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    let bundle = Bundle::embedded().unwrap();
    let cases = vectors["cases"].as_array().unwrap();
    assert!(cases.len() >= 16);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let expect = &case["expect"];
        let snapshot = DeviceSnapshot::from_json(&case["snapshot"].to_string())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for locale in Locale::ALL {
            let report = evaluate(&snapshot, &bundle.guide(locale).with_service(None)).unwrap();
            assert_eq!(as_str(report.status), expect["status"], "{name}: status");
            assert_eq!(report.guide, expect["guide"], "{name}: guide");
            let order: Vec<String> = report
                .findings
                .iter()
                .map(|f| f.check.to_string())
                .collect();
            assert_eq!(order, strings(&expect["order"]), "{name}: order");
            for (key, status) in [
                ("fail", FindingStatus::Fail),
                ("unknown", FindingStatus::Unknown),
                ("not_applicable", FindingStatus::NotApplicable),
            ] {
                assert_eq!(
                    checks_with(&report, status),
                    strings(&expect[key]),
                    "{name}: {key}"
                );
            }
            let asked: Vec<String> = report
                .questions
                .iter()
                .map(|q| q.check.to_string())
                .collect();
            assert_eq!(asked, strings(&expect["questions"]), "{name}: questions");
            if let Some(actions) = expect["actions"].as_object() {
                for (check, action) in actions {
                    let finding = report
                        .findings
                        .iter()
                        .find(|f| f.check.as_str() == check)
                        .unwrap_or_else(|| panic!("{name}: no finding {check}"));
                    assert_eq!(as_str(finding.action), *action, "{name}: action of {check}");
                }
            }
            for finding in &report.findings {
                assert!(
                    !finding.reason.is_empty(),
                    "{name}: {} has no reason",
                    finding.check
                );
            }
        }
    }
}
