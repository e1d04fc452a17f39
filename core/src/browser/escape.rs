//! [`escape_route`]: the seed's first troubleshooting answer done for the customer. In an
//! app's built-in browser (the Google app, Yahoo! JAPAN, LINE…) a passkey cannot be
//! registered; the route gets the current page into the standard browser:
//!
//! - LINE, on Android and iOS: the page with `openExternalBrowser=1`, which LINE opens in the
//!   default browser (LINE's in-app browser behaviour, widely documented by LINE developers).
//! - Android otherwise (an app's web view, or a browser that is not the guide's Chrome):
//!   Chrome's `intent:` link for the page, falling back to the page itself.
//! - iOS and iPadOS otherwise: no link (Apple documents no way for a page to open itself in
//!   Safari from an app's web view), the manual steps only.
//!
//! Always the manual steps (the content's `faq.in_app_browser` answer, under its question) and
//! the page's own URL with the content's copy-link labels. The answer sends the customer to
//! "the standard browser for your device, listed below": the route carries that device's row
//! of the guide's device table, so the page can show it below the answer. The links are built
//! from the page URL only, never taken from content.

use serde::Serialize;

use super::page_url::PageUrl;
use super::BrowserError;
use crate::content::Guide;
use crate::readiness::rules;
use crate::useragent::{classify_user_agent, InAppBrowser};
use crate::Platform;

/// The content's answer for an app's browser: the manual steps.
pub const IN_APP_BROWSER_FAQ: &str = "faq.in_app_browser";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum EscapeKind {
    /// The page is in a browser that can register (or a PC browser the guide does not rule
    /// out): nothing to escape from.
    NotNeeded,
    /// Android: Chrome's `intent:` link.
    AndroidIntent,
    /// LINE (Android, iOS): the page with `openExternalBrowser=1`.
    LineExternalBrowser,
    /// No link is known to work: the manual steps and the link to copy.
    Manual,
}

/// The device table's standard browser for the page's device: what the answer's "listed
/// below" points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct StandardBrowser {
    /// The table's column heading ("Standard browser").
    pub label: String,
    /// The device's row: its OS ("Android") and browser ("Chrome").
    pub os: String,
    pub browser: String,
    /// The cell's footnote ("When using Chrome signed in to a Google Account"), if any.
    pub note: Option<String>,
}

/// How to get the current page into the standard browser, with every label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct EscapeRoute {
    pub kind: EscapeKind,
    /// The content's question for an app's browser, the block's heading.
    pub heading: String,
    /// The link that opens the page in the standard browser; `None` for `manual` and
    /// `not_needed`.
    pub open_url: Option<String>,
    /// The link's label ("Open in Chrome", "Open in Safari", "Open in the standard
    /// browser"), with `open_url`.
    pub open_label: Option<String>,
    /// The page's own URL without its fragment, for the copy-link button.
    pub page_url: String,
    pub copy_label: String,
    /// Shown once the link is copied.
    pub copied_label: String,
    /// The content's answer for an app's browser ([`IN_APP_BROWSER_FAQ`]): what to do by hand.
    pub manual_steps: String,
    /// The standard browser of the device the user agent names; `None` when it names none.
    pub standard_browser: Option<StandardBrowser>,
}

/// The route out of the browser `user_agent` names, for the page at `page_url`, with the
/// labels of `guide` (service name filled in). Errors name `user_agent` or `page_url`.
pub fn escape_route(
    user_agent: &str,
    page_url: &str,
    guide: &Guide,
) -> Result<EscapeRoute, BrowserError> {
    let info = classify_user_agent(user_agent)
        .map_err(|e| BrowserError::new("user_agent", e.to_string()))?;
    let page = PageUrl::parse(page_url)?;
    let labels = &guide.screen;
    let mobile = info.platform.is_some_and(Platform::is_mobile);
    let needed = info.in_app.is_some() || (mobile && info.standard_browser == Some(false));
    let (kind, open_url, open_label) = if !needed {
        (EscapeKind::NotNeeded, None, None)
    } else {
        match (info.in_app, info.platform) {
            (Some(InAppBrowser::Line), Some(platform)) if platform.is_mobile() => {
                // LINE opens the default browser: Safari on iOS, whichever is set on Android.
                let label = if platform == Platform::Android {
                    &labels.open_in_standard_browser
                } else {
                    &labels.open_in_safari
                };
                (
                    EscapeKind::LineExternalBrowser,
                    Some(page.with_line_external_browser()),
                    Some(label.clone()),
                )
            }
            (_, Some(Platform::Android)) => (
                EscapeKind::AndroidIntent,
                Some(page.chrome_intent()),
                Some(labels.open_in_chrome.clone()),
            ),
            _ => (EscapeKind::Manual, None, None),
        }
    };
    let faq = guide
        .faq(IN_APP_BROWSER_FAQ)
        .ok_or_else(|| BrowserError::new("content", "the in-app browser answer is missing"))?;
    Ok(EscapeRoute {
        kind,
        heading: faq.question.clone(),
        open_url,
        open_label,
        page_url: page.href(),
        copy_label: labels.copy_link.clone(),
        copied_label: labels.link_copied.clone(),
        manual_steps: faq.answer.clone(),
        standard_browser: info.platform.and_then(|p| standard_browser(guide, p)),
    })
}

/// The device table's row of `platform`'s guide (a Windows PC: the Windows Hello row, whose
/// browsers are Edge, Chrome and Firefox).
fn standard_browser(guide: &Guide, platform: Platform) -> Option<StandardBrowser> {
    let table = &guide.preparation.device_table;
    let row = table
        .rows
        .iter()
        .find(|row| row.guide == rules::guide(platform))?;
    let note = row.standard_browser.footnote.as_deref().and_then(|id| {
        table
            .footnotes
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.text.clone())
    });
    Some(StandardBrowser {
        label: table.header.standard_browser.text.clone(),
        os: row.os.clone(),
        browser: row.standard_browser.text.clone(),
        note,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::content::{Bundle, Locale};

    const GOOGLE_APP_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.81 Mobile Safari/537.36 GSA/15.46.34.29.arm64";
    const LINE_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.9.0";

    #[test]
    fn the_answer_comes_with_its_question_and_the_browser_it_says_is_listed_below() {
        for locale in Locale::ALL {
            let guide = Bundle::embedded().unwrap().guide(locale).with_service(None);
            let faq = guide.faq(IN_APP_BROWSER_FAQ).unwrap();
            let table = &guide.preparation.device_table;
            for (ua, device_guide, browser) in [
                (GOOGLE_APP_ANDROID, "android", "Chrome"),
                (LINE_IPHONE, "ios", "Safari"),
            ] {
                let route = escape_route(ua, "https://bank.example/passkey", &guide).unwrap();
                assert_eq!(route.heading, faq.question);
                assert_eq!(route.manual_steps, faq.answer);
                let row = table.rows.iter().find(|r| r.guide == device_guide).unwrap();
                let shown = route.standard_browser.expect("the device's row");
                assert_eq!(shown.browser, browser, "{locale:?} {device_guide}");
                assert_eq!(shown.os, row.os);
                assert_eq!(shown.label, table.header.standard_browser.text);
                // Chrome's cell has the "signed in to a Google account" footnote; Safari's none.
                assert_eq!(shown.note.is_some(), browser == "Chrome", "{locale:?}");
            }
        }
    }
}
