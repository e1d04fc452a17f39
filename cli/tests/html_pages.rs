//! `check --format html` and `guide --format html`: standalone, accessible pages. Checked by
//! structure, not by snapshot: the language, one `h1`, headings that never skip a level,
//! the landmarks, every row of the model, nothing fetched and nothing run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use passkey_ready_core::content::{Bundle, Locale};
use passkey_ready_core::readiness::{evaluate, DeviceSnapshot};
use passkey_ready_core::session::{help_screen, os_version_of};
use support::run;

fn page(args: &[&str]) -> String {
    let out = run(args, b"");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A text as the page writes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The levels of the page's headings, in order.
fn headings(html: &str) -> Vec<u8> {
    html.match_indices("<h")
        .filter_map(|(at, _)| html.as_bytes().get(at + 2).copied())
        .filter(u8::is_ascii_digit)
        .map(|d| d - b'0')
        .collect()
}

/// What every page must be, whatever it shows.
fn assert_accessible_page(html: &str, lang: &str) {
    assert!(html.starts_with("<!DOCTYPE html>\n"), "{html}");
    assert!(html.contains(&format!("<html lang=\"{lang}\">")));
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert_eq!(html.matches("<h1>").count(), 1);
    assert_eq!(html.matches("<header>").count(), 1);
    assert_eq!(html.matches("<main>").count(), 1);
    let levels = headings(html);
    assert_eq!(levels.first(), Some(&1));
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "a heading skips a level: {levels:?}"
        );
    }
    // Standalone: no script, nothing fetched, both colour schemes in the inline CSS.
    for never in [
        "<script", "<link", "src=", "url(", "@import", "<iframe", "<object",
    ] {
        assert!(!html.contains(never), "{never}");
    }
    // Links only within the page, to an element it has.
    for (at, _) in html.match_indices("href=\"") {
        let target = &html[at + 6..];
        let target = &target[..target.find('"').unwrap()];
        let id = target
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("a link out: {target}"));
        assert!(html.contains(&format!("id=\"{id}\"")), "no element {id}");
    }
    assert!(html.contains("@media (prefers-color-scheme: dark)"));
    // Every element opened is closed (the ones this page uses).
    for tag in [
        "section", "ul", "ol", "li", "details", "p", "h2", "h3", "h4",
    ] {
        let open =
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        assert_eq!(open, html.matches(&format!("</{tag}>")).count(), "<{tag}>");
    }
}

#[test]
fn the_help_screen_page_of_every_example_shows_every_row() {
    let bundle = Bundle::embedded().unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let file = format!("examples/{}", path.file_name().unwrap().to_string_lossy());
        for (lang, locale) in [("ja", Locale::Ja), ("en", Locale::En)] {
            let html = page(&[
                "check",
                "--lang",
                lang,
                "--snapshot",
                &file,
                "--format",
                "html",
            ]);
            assert_accessible_page(&html, lang);
            // The page is the model's: its banner, every row with its status and reason.
            let json = std::fs::read_to_string(&path).unwrap();
            let snapshot = DeviceSnapshot::from_json(&json).unwrap();
            let guide = bundle.guide(locale).with_service(None);
            let report = evaluate(&snapshot, &guide).unwrap();
            let screen = help_screen(&report, &guide, os_version_of(&snapshot, &report).as_ref());
            assert!(html.contains(&escaped(&screen.banner.heading)), "{file}");
            for row in screen.rows.iter().chain(&screen.already_using) {
                let at = html
                    .find(&format!("id=\"check-{}\"", row.check))
                    .unwrap_or_else(|| panic!("{file} ({lang}): no row {}", row.check));
                let rest = &html[at..];
                let end = rest.find("</li>\n<li class=\"row").unwrap_or(rest.len());
                let item = &rest[..end];
                assert!(
                    item.contains(&escaped(&row.status_label))
                        && item.contains(&escaped(&row.reason)),
                    "{file}: {}",
                    row.check
                );
                if let Some(question) = &row.question {
                    let asked = format!("<p class=\"question\">{}</p>", escaped(&question.text));
                    assert!(item.contains(&asked), "{file}: {}", row.check);
                }
                if let Some(section) = &row.section {
                    assert!(
                        item.contains(&format!("<summary>{}</summary>", escaped(&section.label)))
                    );
                }
            }
            for faq in &screen.troubleshooting.faqs {
                assert!(html.contains(&escaped(&faq.answer)), "{file}: {}", faq.id);
            }
        }
    }
}

#[test]
fn the_guide_page_of_a_device_lists_its_steps() {
    for (lang, step, substep) in [("ja", "1.", "①"), ("en", "1. ", "a. ")] {
        let html = page(&[
            "guide",
            "--lang",
            lang,
            "--device",
            "windows-hello",
            "--format",
            "html",
        ]);
        assert_accessible_page(&html, lang);
        assert!(html.contains(&format!("<span class=\"num\">{step}</span>")));
        assert!(html.contains(&format!("<span class=\"num\">{substep}</span>")));
        assert!(html.contains("id=\"windows_hello-setup\""));
        assert!(!html.contains("id=\"android-screen_lock\""));
    }
    // Every device's guide, and the steps for one OS version.
    let all = page(&["guide", "--format", "html"]);
    assert_accessible_page(&all, "ja");
    // The device table, each row leading to its guide on the page.
    assert!(
        all.contains("<th scope=\"col\">標準ブラウザ※1</th>"),
        "{all}"
    );
    assert_eq!(all.matches("<td><a href=\"#guide-").count(), 5);
    for part in [
        "android-screen_lock",
        "ios-autofill",
        "mac-two_factor_auth",
        "windows_chrome-sync",
    ] {
        assert!(all.contains(&format!("id=\"{part}\"")), "{part}");
    }
    let ios17 = page(&[
        "guide",
        "--device",
        "iphone",
        "--os-version",
        "17.4",
        "--format",
        "html",
        "--lang",
        "en",
    ]);
    assert!(ios17.contains("Password Options"), "{ios17}");
    assert!(!ios17.contains("On iOS 16"), "{ios17}");
}

#[test]
fn a_service_name_is_escaped_into_the_page() {
    // The service name is the one text a command line brings in; the content's rules
    // refuse markup in it, and what passes is escaped all the same.
    let html = page(&[
        "check",
        "--snapshot",
        "examples/android-in-app-browser.json",
        "--service",
        "A&B \"Bank\"",
        "--format",
        "html",
    ]);
    assert!(html.contains("A&amp;B &quot;Bank&quot;"), "{html}");
    assert!(!html.contains("A&B"));
}
