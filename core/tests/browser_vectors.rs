//! Every case of tests/vectors/browser.json: readings → snapshot, user agent + page URL →
//! escape route, and the refusals, in ja and en. Every mismatch of every case in one run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use passkey_ready_core::browser::{escape_route, snapshot_from_browser, BrowserReadings};
use passkey_ready_core::content::{Bundle, Locale};
use serde_json::{json, Value};

const VECTORS: &str = include_str!("../../tests/vectors/browser.json");

fn vectors() -> Value {
    serde_json::from_str(VECTORS).unwrap()
}

fn cases<'v>(vectors: &'v Value, key: &str) -> &'v [Value] {
    let cases = vectors[key].as_array().unwrap();
    assert!(!cases.is_empty(), "{key}");
    cases
}

#[test]
fn every_reading_vector_gives_its_snapshot() {
    let vectors = vectors();
    let mut problems = Vec::new();
    for case in cases(&vectors, "snapshots") {
        let name = case["name"].as_str().unwrap();
        let result = BrowserReadings::from_json(&case["readings"].to_string())
            .and_then(|readings| snapshot_from_browser(&readings));
        let snapshot = match result {
            Ok(snapshot) => snapshot,
            Err(e) => {
                problems.push(format!("{name}: refused: {e}"));
                continue;
            }
        };
        if let Err(e) = snapshot.validate() {
            problems.push(format!("{name}: the snapshot does not validate: {e}"));
        }
        let got = json!({
            "platform": snapshot.platform,
            "os_version": snapshot.os_version,
            "signals": snapshot.signals,
        });
        if got != case["expect"] {
            problems.push(format!("{name}: expected {}, got {got}", case["expect"]));
        }
        if snapshot.user_agent.as_deref() != case["readings"]["user_agent"].as_str() {
            problems.push(format!("{name}: the user agent is not the page's"));
        }
    }
    for case in cases(&vectors, "refused_readings") {
        let name = case["name"].as_str().unwrap();
        let result = BrowserReadings::from_json(&case["readings"].to_string())
            .and_then(|readings| snapshot_from_browser(&readings));
        match result {
            Err(e) if e.field == case["field"] => {}
            other => problems.push(format!(
                "{name}: expected field {}, got {other:?}",
                case["field"]
            )),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_escape_vector_gives_its_route_in_both_languages() {
    let vectors = vectors();
    let bundle = Bundle::embedded().unwrap();
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        let guide = bundle.guide(locale).with_service(None);
        for case in cases(&vectors, "escape_routes") {
            let name = case["name"].as_str().unwrap();
            let ua = case["user_agent"].as_str().unwrap();
            let url = case["page_url"].as_str().unwrap();
            let route = match escape_route(ua, url, &guide) {
                Ok(route) => route,
                Err(e) => {
                    problems.push(format!("{name} ({locale:?}): refused: {e}"));
                    continue;
                }
            };
            let got = json!({
                "kind": route.kind,
                "open_url": route.open_url,
                "page_url": route.page_url,
            });
            if got != case["expect"] {
                problems.push(format!("{name}: expected {}, got {got}", case["expect"]));
            }
            // Every label comes from the content, in the page's language.
            let labels = &guide.screen;
            let faq = guide.faq("faq.in_app_browser").unwrap();
            if route.manual_steps != faq.answer
                || route.copy_label != labels.copy_link
                || route.copied_label != labels.link_copied
                || route.open_label.is_some() != route.open_url.is_some()
            {
                problems.push(format!("{name} ({locale:?}): labels {route:?}"));
            }
        }
        for case in cases(&vectors, "refused_routes") {
            let name = case["name"].as_str().unwrap();
            let result = escape_route(
                case["user_agent"].as_str().unwrap(),
                case["page_url"].as_str().unwrap(),
                &guide,
            );
            match result {
                Err(e) if e.field == case["field"] => {}
                other => problems.push(format!(
                    "{name}: expected field {}, got {other:?}",
                    case["field"]
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
