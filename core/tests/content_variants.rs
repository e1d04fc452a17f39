//! OS-version variants: the steps a customer sees follow the OS version, and a bundle's
//! version ranges are validated like every other item (each problem naming its item).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use passkey_ready_core::content::variants::parse_os_version;
use passkey_ready_core::content::{validate, Bundle, Guide, Locale, Part, Problem};
use passkey_ready_core::Platform;
use serde_json::{json, Value};

fn embedded() -> Bundle {
    Bundle::embedded().unwrap()
}

fn part<'a>(guide: &'a Guide, id: &str) -> &'a Part {
    guide.part(id).unwrap()
}

fn step_texts(part: &Part) -> Vec<String> {
    part.steps.iter().map(|s| s.text.clone()).collect()
}

fn for_os(locale: Locale, platform: Platform, version: &str) -> Guide {
    embedded()
        .guide(locale)
        .for_os(platform, &parse_os_version(version).unwrap())
}

#[test]
fn the_embedded_guide_says_which_versions_its_steps_are_for() {
    let bundle = embedded();
    for locale in Locale::ALL {
        let guide = bundle.guide(locale);
        for (id, platforms) in [
            ("ios", vec![Platform::Ios, Platform::Ipados]),
            ("android", vec![Platform::Android]),
            ("mac", vec![Platform::Macos]),
            ("windows_hello", vec![Platform::Windows]),
            ("windows_chrome", vec![Platform::Windows]),
        ] {
            let written = guide
                .device_guide(id)
                .unwrap()
                .written_for
                .as_ref()
                .unwrap();
            assert_eq!(written.platforms, platforms, "{id}");
        }
        let ios = guide
            .device_guide("ios")
            .unwrap()
            .written_for
            .clone()
            .unwrap();
        assert_eq!(ios.os.from.as_deref(), Some("18"));
        assert!(ios.text.contains("iOS 18"), "{}", ios.text);
    }
}

#[test]
fn each_version_gets_its_own_steps() {
    let bundle = embedded();
    for locale in Locale::ALL {
        let default = part(bundle.guide(locale), "ios.autofill").clone();
        assert_eq!(default.variants.len(), 2);
        let ios18 = for_os(locale, Platform::Ios, "18.2");
        let ios26 = for_os(locale, Platform::Ios, "26.1");
        let ios17 = for_os(locale, Platform::Ipados, "17.7.2");
        let ios16 = for_os(locale, Platform::Ios, "16.0");
        assert_eq!(
            step_texts(part(&ios18, "ios.autofill")),
            step_texts(&default)
        );
        assert_eq!(
            step_texts(part(&ios26, "ios.autofill")),
            step_texts(&default)
        );
        let v17 = &default.variants[0];
        let v16 = &default.variants[1];
        assert_eq!(v17.os.from.as_deref(), Some("17"));
        assert_eq!(
            step_texts(part(&ios17, "ios.autofill")),
            step_texts_of(&v17.steps)
        );
        assert_eq!(
            step_texts(part(&ios16, "ios.autofill")),
            step_texts_of(&v16.steps)
        );
        for resolved in [&ios18, &ios17, &ios16] {
            assert!(resolved
                .guides
                .iter()
                .filter(|g| g.id == "ios")
                .flat_map(|g| &g.parts)
                .all(|p| p.variants.is_empty()));
        }
        // The version text stays only where the screens shown are not the customer's.
        assert!(ios18.device_guide("ios").unwrap().written_for.is_none());
        assert!(ios17.device_guide("ios").unwrap().written_for.is_some());

        // Another platform's guides are untouched: iOS 17 is no Android version.
        assert_eq!(
            ios17.device_guide("android"),
            bundle.guide(locale).device_guide("android")
        );

        let android14 = for_os(locale, Platform::Android, "14");
        let android13 = for_os(locale, Platform::Android, "13");
        let autofill = part(bundle.guide(locale), "android.google_autofill");
        assert_eq!(
            step_texts(part(&android14, "android.google_autofill")),
            step_texts_of(&autofill.variants[0].steps)
        );
        assert_eq!(
            step_texts(part(&android13, "android.google_autofill")),
            step_texts(autofill)
        );
    }
}

fn step_texts_of(steps: &[passkey_ready_core::content::Step]) -> Vec<String> {
    steps.iter().map(|s| s.text.clone()).collect()
}

#[test]
fn versions_from_outside_are_bounded_and_named() {
    assert!(parse_os_version("17.5.1").is_ok());
    assert!(parse_os_version("10.0.22631").is_ok());
    assert!(parse_os_version("latest").is_err());
    assert!(parse_os_version("").is_err());
    assert!(parse_os_version(&"1".repeat(65)).is_err());
}

/// The embedded bundle as JSON, edited by `f`, and the problems of the result.
fn problems_after(f: impl Fn(&mut Value)) -> Vec<String> {
    let mut value: Value = serde_json::from_str(&embedded().to_json()).unwrap();
    f(&mut value);
    let bundle: Bundle = serde_json::from_value(value).unwrap();
    validate(&bundle).iter().map(ToString::to_string).collect()
}

fn autofill_variants<'a>(value: &'a mut Value, locale: &str) -> &'a mut Value {
    let guides = value["locales"][locale]["guides"].as_array_mut().unwrap();
    let ios = guides.iter_mut().find(|g| g["id"] == "ios").unwrap();
    let parts = ios["parts"].as_array_mut().unwrap();
    let autofill = parts
        .iter_mut()
        .find(|p| p["id"] == "ios.autofill")
        .unwrap();
    &mut autofill["variants"]
}

fn assert_problem(problems: &[String], path: &str, detail: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&format!("{path}:")) && p.contains(detail)),
        "no {path:?} problem with {detail:?} in {problems:#?}"
    );
}

#[test]
fn the_embedded_variants_are_valid() {
    assert_eq!(validate(&embedded()), Vec::<Problem>::new());
}

#[test]
fn overlapping_ranges_are_refused() {
    // iOS 17's variant reaching into the guide's own iOS 18.
    let problems = problems_after(|v| {
        for locale in ["ja", "en"] {
            autofill_variants(v, locale)[0]["os"]["before"] = json!("18.1");
        }
    });
    assert_problem(
        &problems,
        "ja.guides[ios].parts[ios.autofill].variants[1].os",
        "overlaps the guide's written_for",
    );
    // Two variants for the same versions.
    let problems = problems_after(|v| {
        for locale in ["ja", "en"] {
            autofill_variants(v, locale)[1]["os"] = json!({ "from": "16", "before": "17.5" });
        }
    });
    assert_problem(
        &problems,
        "en.guides[ios].parts[ios.autofill].variants[2].os",
        "overlaps variants[1]",
    );
}

#[test]
fn malformed_ranges_are_refused() {
    for (os, path, detail) in [
        (
            json!({ "from": "17", "before": "16" }),
            "",
            "from must be lower than before",
        ),
        (json!({ "from": "17 beta" }), ".from", "is not a version"),
        (json!({ "before": "" }), ".before", "is not a version"),
        (json!({}), "", "has neither from nor before"),
    ] {
        let problems = problems_after(|v| {
            for locale in ["ja", "en"] {
                autofill_variants(v, locale)[0]["os"] = os.clone();
            }
        });
        assert_problem(
            &problems,
            &format!("ja.guides[ios].parts[ios.autofill].variants[1].os{path}"),
            detail,
        );
    }
}

#[test]
fn every_locale_has_the_same_variants() {
    let problems = problems_after(|v| {
        autofill_variants(v, "en")[0]["os"]["from"] = json!("17.1");
    });
    assert_problem(
        &problems,
        "en.guides[ios].parts[ios.autofill].variants[1].os.from",
        "ja has \"17\", en has \"17.1\"",
    );
    let problems = problems_after(|v| {
        autofill_variants(v, "en").as_array_mut().unwrap().pop();
    });
    assert_problem(
        &problems,
        "en.guides[ios].parts[ios.autofill].variants",
        "ja has 2 items, en has 1",
    );
}

#[test]
fn variant_texts_pass_the_same_checks_as_other_texts() {
    let problems = problems_after(|v| {
        autofill_variants(v, "ja")[0]["steps"][1]["text"] = json!("<script>x</script>");
        autofill_variants(v, "ja")[0]["label"] = json!(" ");
        autofill_variants(v, "en")[1]["steps"][0]["text"] = json!("Open {bank}");
    });
    assert_problem(
        &problems,
        "ja.guides[ios].parts[ios.autofill].variants[1].steps[2].text",
        "markup",
    );
    assert_problem(
        &problems,
        "ja.guides[ios].parts[ios.autofill].variants[1].label",
        "text is empty",
    );
    assert_problem(
        &problems,
        "en.guides[ios].parts[ios.autofill].variants[2].steps[1].text",
        "bank",
    );
}

#[test]
fn variants_need_a_written_for_and_steps() {
    let problems = problems_after(|v| {
        for locale in ["ja", "en"] {
            let guides = v["locales"][locale]["guides"].as_array_mut().unwrap();
            let ios = guides.iter_mut().find(|g| g["id"] == "ios").unwrap();
            ios.as_object_mut().unwrap().remove("written_for");
            autofill_variants(v, locale)[1]["steps"] = json!([]);
        }
    });
    assert_problem(
        &problems,
        "ja.guides[ios].parts[ios.autofill].variants",
        "no written_for",
    );
    assert_problem(
        &problems,
        "en.guides[ios].parts[ios.autofill].variants[2].steps",
        "has no step",
    );
}

#[test]
fn a_footnote_scope_names_existing_guides() {
    let problems = problems_after(|v| {
        v["locales"]["ja"]["preparation"]["device_table"]["footnotes"][0]["applies_to"] =
            json!(["ios", "blackberry"]);
    });
    assert_problem(
        &problems,
        "ja.preparation.device_table.footnotes[table.standard_browser_only].applies_to",
        "blackberry",
    );
}

#[test]
fn a_platform_listed_twice_is_named() {
    let problems = problems_after(|v| {
        for locale in ["ja", "en"] {
            let guides = v["locales"][locale]["guides"].as_array_mut().unwrap();
            let ios = guides.iter_mut().find(|g| g["id"] == "ios").unwrap();
            ios["written_for"]["platforms"] = json!(["ios", "ipados", "ios"]);
        }
    });
    assert_problem(
        &problems,
        "ja.guides[ios].written_for.platforms[3]",
        "is listed twice",
    );
}
