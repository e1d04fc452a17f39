//! The help screen's model for every example device and every readiness vector, in both
//! languages: every label filled in, one row per finding, the guide steps for the device's
//! OS version.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use passkey_ready_core::content::{Bundle, Guide, Locale};
use passkey_ready_core::readiness::{evaluate, CheckId, DeviceSnapshot};
use passkey_ready_core::session::{help_screen, os_version_of, GuidePage, HelpScreen};
use serde_json::Value;

const VECTORS: &str = include_str!("../../tests/vectors/readiness.json");

/// Every snapshot of examples/ and of the readiness vectors, by name.
fn snapshots() -> Vec<(String, DeviceSnapshot)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut out: Vec<(String, DeviceSnapshot)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let json = std::fs::read_to_string(&path).unwrap();
            (
                path.display().to_string(),
                DeviceSnapshot::from_json(&json).unwrap(),
            )
        })
        .collect();
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    for case in vectors["cases"].as_array().unwrap() {
        let snapshot = DeviceSnapshot::from_json(&case["snapshot"].to_string()).unwrap();
        out.push((case["name"].as_str().unwrap().to_owned(), snapshot));
    }
    assert!(out.len() > 20, "{} snapshots", out.len());
    out
}

fn guide(locale: Locale) -> Guide {
    Bundle::embedded().unwrap().guide(locale).with_service(None)
}

fn screen_of(snapshot: &DeviceSnapshot, guide: &Guide) -> HelpScreen {
    let report = evaluate(snapshot, guide).unwrap();
    help_screen(&report, guide, os_version_of(snapshot, &report).as_ref())
}

/// The paths of every empty string in `value`.
fn empty_texts(path: &str, value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s.trim().is_empty() => out.push(path.to_owned()),
        Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                empty_texts(&format!("{path}[{n}]"), item, out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                empty_texts(&format!("{path}.{key}"), item, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_label_is_filled_in_for_every_device_in_both_languages() {
    for locale in Locale::ALL {
        let guide = guide(locale);
        for (name, snapshot) in snapshots() {
            let screen = screen_of(&snapshot, &guide);
            let mut empty = Vec::new();
            empty_texts(
                "screen",
                &serde_json::to_value(&screen).unwrap(),
                &mut empty,
            );
            // A note's mark is empty by design for alternatives and cautions.
            empty.retain(|path| !path.ends_with(".mark"));
            assert!(empty.is_empty(), "{name} ({locale:?}): empty {empty:?}");
            assert_eq!(screen.locale, locale);
            // No placeholder is left for a renderer to fill.
            let text = serde_json::to_string(&screen).unwrap();
            assert!(!text.contains('{') || !text.contains("{service}"), "{name}");
            for label in [&screen.banner.heading, &screen.findings_heading] {
                assert!(!label.is_empty());
            }
        }
    }
}

#[test]
fn one_row_per_finding_in_the_reports_order() {
    let guide = guide(Locale::En);
    for (name, snapshot) in snapshots() {
        let report = evaluate(&snapshot, &guide).unwrap();
        let screen = screen_of(&snapshot, &guide);
        let rows: Vec<CheckId> = screen.rows.iter().map(|r| r.check).collect();
        let findings: Vec<CheckId> = report
            .findings
            .iter()
            .map(|f| f.check)
            .filter(|c| *c != CheckId::AlreadyUsesPasskeys)
            .collect();
        assert_eq!(rows, findings, "{name}");
        // Every question of the report is asked on the screen, once.
        let asked: Vec<CheckId> = screen
            .already_using
            .iter()
            .chain(&screen.rows)
            .filter_map(|r| r.question.as_ref().map(|q| q.check))
            .collect();
        let mut questions: Vec<CheckId> = report.questions.iter().map(|q| q.check).collect();
        let mut sorted = asked.clone();
        sorted.sort();
        questions.sort();
        assert_eq!(sorted, questions, "{name}");
        // A row either asks or offers a button, never both.
        for row in screen.rows.iter().chain(&screen.already_using) {
            assert!(row.button.is_none() || row.question.is_none(), "{name}");
        }
    }
}

#[test]
fn the_steps_are_those_of_the_devices_os_version() {
    let guide = guide(Locale::Ja);
    let json = r#"{"platform": "ios", "os_version": "17.4",
        "signals": {"autofill_passwords_passkeys": "no"}}"#;
    let snapshot = DeviceSnapshot::from_json(json).unwrap();
    let screen = screen_of(&snapshot, &guide);
    let row = screen
        .rows
        .iter()
        .find(|r| r.check == CheckId::AutofillPasswordsPasskeys)
        .unwrap();
    let section = row.section.as_ref().unwrap();
    let part = guide.part("ios.autofill").unwrap();
    let ios17 = part
        .variants
        .iter()
        .find(|v| v.os.from.as_deref() == Some("17"))
        .unwrap();
    let texts: Vec<&str> = section.steps.iter().map(|s| s.text.as_str()).collect();
    let want: Vec<&str> = ios17.steps.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, want);
    assert!(section.variants.is_empty());
    // On iOS 18 the guide's own steps, whose sub-steps are numbered ①②③ in Japanese; the
    // guide's note on versions is not needed there.
    let ios18 = DeviceSnapshot::from_json(
        r#"{"platform": "ios", "os_version": "18.1", "signals": {"autofill_passwords_passkeys": "no"}}"#,
    )
    .unwrap();
    let screen = screen_of(&ios18, &guide);
    let section = screen
        .rows
        .iter()
        .find(|r| r.check == CheckId::AutofillPasswordsPasskeys)
        .and_then(|r| r.section.clone())
        .unwrap();
    let texts: Vec<&str> = section.steps.iter().map(|s| s.text.as_str()).collect();
    let want: Vec<&str> = part.steps.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, want);
    assert!(section.written_for.is_none());
    let numbers: Vec<&str> = section
        .steps
        .iter()
        .flat_map(|s| &s.substeps)
        .map(|s| s.number.as_str())
        .collect();
    assert_eq!(numbers, ["①", "②", "③"]);

    // Without a version: the steps of the guide's own version, the others as variants, and
    // the note saying which version the screens are from.
    let unknown = DeviceSnapshot::from_json(
        r#"{"platform": "ios", "signals": {"autofill_passwords_passkeys": "no"}}"#,
    )
    .unwrap();
    let screen = screen_of(&unknown, &guide);
    let row = screen
        .rows
        .iter()
        .find(|r| r.check == CheckId::AutofillPasswordsPasskeys)
        .unwrap();
    let section = row.section.as_ref().unwrap();
    assert_eq!(section.variants.len(), part.variants.len());
    assert!(section.written_for.is_some());
}

#[test]
fn the_guide_page_of_one_device_has_its_notes_and_parts() {
    let guide = guide(Locale::En);
    let page = GuidePage::new(&guide, Some("android")).unwrap();
    assert_eq!(page.devices.len(), 1);
    let android = &page.devices[0];
    let parts: Vec<&str> = guide
        .device_guide("android")
        .unwrap()
        .parts
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let sections: Vec<&str> = android.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sections, parts);
    assert_eq!(android.notes[0].text, guide.preparation.already_using_note);
    assert!(
        android.notes.iter().any(|n| n.mark == "*1 "),
        "{:?}",
        android.notes
    );
    assert!(GuidePage::new(&guide, Some("nokia")).is_none());
    assert!(page.preparation.is_none());
    let whole = GuidePage::new(&guide, None).unwrap();
    assert_eq!(whole.devices.len(), guide.guides.len());
    let table = &whole.preparation.as_ref().unwrap().table;
    assert_eq!(table.rows.len(), guide.preparation.device_table.rows.len());
    assert!(table.header[2].ends_with(" *1"), "{:?}", table.header);
    // The note on OS versions is said once per device guide, not once per part.
    let ios = whole.devices.iter().find(|d| d.id == "ios").unwrap();
    assert!(ios.written_for.is_some());
    assert!(ios.sections.iter().all(|s| s.written_for.is_none()));
}

#[test]
fn the_banner_says_which_case_it_is() {
    use passkey_ready_core::session::BannerKind;
    for locale in Locale::ALL {
        let guide = guide(locale);
        let labels = &guide.screen;
        for (file, kind, heading) in [
            ("android-ready", BannerKind::Ready, &labels.banner_ready),
            (
                "android-no-screen-lock",
                BannerKind::NotReady,
                &labels.banner_not_ready,
            ),
            (
                "iphone-unknowns",
                BannerKind::NeedsAnswers,
                &labels.banner_needs_answers,
            ),
            (
                "iphone-user-agent-only",
                BannerKind::NotReady,
                &labels.banner_unsupported,
            ),
        ] {
            let path = format!("{}/../examples/{file}.json", env!("CARGO_MANIFEST_DIR"));
            let snapshot =
                DeviceSnapshot::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
            let report = evaluate(&snapshot, &guide).unwrap();
            let screen = screen_of(&snapshot, &guide);
            assert_eq!(screen.banner.kind, kind, "{file}");
            assert_eq!(&screen.banner.heading, heading, "{file}");
            assert_eq!(screen.banner.text, report.summary, "{file}");
        }
    }
}

#[test]
fn every_signal_of_every_platform_gives_a_consistent_screen() {
    use passkey_ready_core::readiness::{rules, Signal};
    use passkey_ready_core::session::RowKind;
    use passkey_ready_core::Platform;
    let guide = guide(Locale::Ja);
    for platform in Platform::ALL {
        let checks: Vec<CheckId> = rules::for_platform(platform)
            .iter()
            .map(|r| r.check)
            .collect();
        for base in [Signal::Yes, Signal::No, Signal::Unknown] {
            for (changed, value) in checks
                .iter()
                .flat_map(|c| [Signal::Yes, Signal::No, Signal::Unknown].map(|v| (*c, v)))
            {
                let mut snapshot = DeviceSnapshot::new(platform);
                for check in &checks {
                    snapshot.signals.insert(*check, base);
                }
                snapshot.signals.insert(changed, value);
                let screen = screen_of(&snapshot, &guide);
                let rows = screen.already_using.iter().chain(&screen.rows);
                for row in rows {
                    let at = format!("{platform} {base:?} {changed}={value:?}: {}", row.check);
                    assert!(
                        !row.status_label.is_empty() && !row.reason.is_empty(),
                        "{at}"
                    );
                    if row.button.is_some() {
                        assert_eq!(row.kind, RowKind::ToFix, "{at}");
                    }
                    if row.question.is_some() {
                        assert_eq!(row.kind, RowKind::ToAnswer, "{at}");
                    }
                    if row.kind == RowKind::ToFix && row.button.is_some() {
                        assert!(row.section.is_some(), "{at}: a button without steps");
                    }
                }
            }
        }
    }
}
