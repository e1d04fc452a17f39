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
//! Always the manual steps (the content's `faq.in_app_browser` answer) and the page's own URL
//! with the content's copy-link labels. The links are built from the page URL only, never
//! taken from content.

use serde::Serialize;

use super::page_url::PageUrl;
use super::BrowserError;
use crate::content::Guide;
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

/// How to get the current page into the standard browser, with every label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct EscapeRoute {
    pub kind: EscapeKind,
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
    let manual_steps = guide
        .faq(IN_APP_BROWSER_FAQ)
        .map(|faq| faq.answer.clone())
        .ok_or_else(|| BrowserError::new("content", "the in-app browser answer is missing"))?;
    Ok(EscapeRoute {
        kind,
        open_url,
        open_label,
        page_url: page.href(),
        copy_label: labels.copy_link.clone(),
        copied_label: labels.link_copied.clone(),
        manual_steps,
    })
}
