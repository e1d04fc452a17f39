//! Standalone, accessible HTML5 pages drawn from the core's models: the help screen of a
//! device (`check --format html`) and a device's guide (`guide --format html`).
//!
//! One document shell for both: `lang`, one `h1` in a `header`, the content in `main`,
//! inline CSS only (light and dark, readable from 320 px wide), no script and nothing
//! fetched. Every text comes from the model, which comes from the content: a content bundle
//! is external input, so every text goes through [`escape`] on its way into the page.
//!
//! A static page cannot open a device's settings or record an answer, so it shows no
//! button for them: a finding's way forward is its guide steps, in a `details` element whose
//! `summary` (a real control, named by the content's steps label) opens them without
//! script. A question is shown as a question.

mod guide_page;
mod screen;
mod section;
mod style;

pub use guide_page::guide_page;
pub use screen::help_screen;

use std::fmt::Write;

use passkey_ready_core::content::Locale;

/// The text with `&`, `<`, `>`, `"` and `'` replaced by character references: safe in an
/// element's content and in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The whole document around `main` (already HTML), titled `title` (text).
fn document(locale: Locale, title: &str, main: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{title}</title>\n\
         <style>\n{css}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n</header>\n\
         <main>\n{main}</main>\n</body>\n</html>\n",
        lang = locale.code(),
        title = escape(title),
        css = style::css(),
    );
    out
}

/// An `id` attribute's value from a content id (`faq.in_app_browser` →
/// `faq-in_app_browser`): anything but ASCII letters, digits and `_` becomes `-`, so that
/// even an id of a bundle that skipped validation cannot leave the attribute.
fn anchor(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use passkey_ready_core::content::{Bundle, Guide, Locale};
    use passkey_ready_core::readiness::{evaluate, DeviceSnapshot};
    use passkey_ready_core::session::{help_screen, GuidePage};

    use super::*;

    const HOSTILE: &str = "</title><script>alert(\"x\")</script><img src=x onerror='y'> & co";

    /// A guide whose texts carry markup, as a bundle that skipped validation (which
    /// refuses markup) would: the page must still show it as text.
    fn hostile_guide() -> Guide {
        let bundle = Bundle::embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut guide = bundle.guide(Locale::En).with_service(None);
        guide.title = HOSTILE.to_owned();
        guide.screen.steps = HOSTILE.to_owned();
        guide.screen.banner_not_ready = HOSTILE.to_owned();
        guide.troubleshooting.faqs[0].answer = HOSTILE.to_owned();
        for check in &mut guide.checks {
            check.label = HOSTILE.to_owned();
        }
        for g in &mut guide.guides {
            for part in &mut g.parts {
                part.steps[0].text = HOSTILE.to_owned();
            }
        }
        guide
    }

    fn assert_escaped(page: &str) {
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(!page.contains("</title><"), "{page}");
        assert!(page.contains(
            "&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt; &amp; co"
        ));
    }

    #[test]
    fn every_text_of_a_hostile_bundle_comes_out_escaped() {
        let guide = hostile_guide();
        let json =
            r#"{"platform": "android", "os_version": "13", "signals": {"screen_lock": "no"}}"#;
        let snapshot = DeviceSnapshot::from_json(json).unwrap_or_else(|e| panic!("{e}"));
        let report = evaluate(&snapshot, &guide).unwrap_or_else(|e| panic!("{e}"));
        let page = super::help_screen(&help_screen(&report, &guide, None));
        assert_escaped(&page);
        let page = guide_page(&GuidePage::new(&guide, Some("android")).unwrap_or_else(|| panic!()));
        assert_escaped(&page);
    }

    #[test]
    fn escape_covers_element_and_attribute_contexts() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(anchor("faq.in_app_browser\"><x"), "faq-in_app_browser---x");
    }
}
