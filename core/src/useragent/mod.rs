//! Browser detection from a user agent string: which system and browser the customer is in,
//! whether it is an app's built-in browser, and whether the bank's guide lets a passkey be
//! registered there.
//!
//! The guide's device table names one set of standard browsers per system: Edge, Chrome and
//! Firefox on Windows 11; Safari on macOS, iOS and iPadOS; Chrome on Android. Its footnote ※1
//! says that on a smartphone only the standard browser works, and never through the Google
//! app, the Yahoo! JAPAN app or another app's built-in browser. On a PC the footnote does not
//! apply, so another PC browser is "not standard" but not known to fail.
//!
//! Detection is a few ordered token tables (see `rules.rs`) searched with plain substring
//! search: no regular expressions, and no allocation except the `os_version` string.
//! `can_register` judges the browser, and also the OS version where the user agent states a
//! real one: below the minimum (the readiness check's own table, `readiness::os_version`)
//! nothing registers. Internet Explorer has no WebAuthn at all.
//!
//! Chrome on an Android tablet asks for desktop sites by default and sends a desktop Linux
//! user agent (`X11; Linux x86_64`): that is `platform: None`, like any Linux, so a tablet's
//! own app must report the platform in its snapshot.

mod rules;
mod version;

use serde::Serialize;

use crate::readiness::os_version::{self, Version};
use crate::Platform;

/// User agents longer than this are refused before any parsing. Real ones are 100 to 400
/// bytes; in-app browsers with the longest suffixes (TikTok, Facebook) stay under 600.
pub const MAX_USER_AGENT_BYTES: usize = 1024;

/// What a user agent says about the customer's browser. Every field is `None` when the user
/// agent does not tell; garbage input is not an error, it is simply unrecognised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct UserAgentInfo {
    /// `None` for systems the guide does not cover (Linux, ChromeOS) and for crawlers.
    pub platform: Option<Platform>,
    /// As the user agent states it (`17.4`, `14`, `10.0`), or `None` when it hides it, which
    /// includes the frozen values current browsers send instead of the real version (macOS
    /// `10_15_7`, Chrome on Android's `Android 10; K`). On Windows `10.0` is both Windows 10
    /// and Windows 11.
    pub os_version: Option<String>,
    /// The browser or engine brand the user agent shows. Inside an app this is the engine
    /// the app embeds: Chrome on Android, Safari (WebKit) on Apple systems.
    pub browser: Option<Browser>,
    /// Set when the page is open inside an app rather than a browser.
    pub in_app: Option<InAppBrowser>,
    /// Whether this is the guide's standard browser for the system; `None` when the system
    /// or browser is unknown.
    pub standard_browser: Option<bool>,
    /// `Some(true)` in a standard browser, `Some(false)` in an app's browser, in a
    /// non-standard browser on a smartphone or tablet, in Internet Explorer, or when
    /// `os_version` is below the minimum for passkeys (iOS/iPadOS 16, Android 9, macOS 13,
    /// Windows 10 version 1903); `None` when it cannot be told (which includes a
    /// non-standard PC browser: the guide only rules those out on smartphones).
    pub can_register: Option<bool>,
    /// A Mac user agent stating macOS `10_15_7` from Safari or a WebKit view, which is what
    /// an iPad sends: iPadOS asks for desktop sites by default, and an iPhone does when the
    /// customer asks. The answers above hold either way (Safari is standard on both), but
    /// `platform` may be wrong. A Mac user agent stating another version is a Mac.
    pub ipad_ambiguous: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Browser {
    Safari,
    Chrome,
    Edge,
    Firefox,
    SamsungInternet,
    Opera,
    /// A browser the guide does not name (Yandex, DuckDuckGo, Internet Explorer, the old
    /// Android browser, …).
    Other,
}

impl Browser {
    /// The brand as its maker writes it, the same in every language; `None` for browsers
    /// the guide does not name.
    pub fn brand(self) -> Option<&'static str> {
        match self {
            Browser::Safari => Some("Safari"),
            Browser::Chrome => Some("Chrome"),
            Browser::Edge => Some("Edge"),
            Browser::Firefox => Some("Firefox"),
            Browser::SamsungInternet => Some("Samsung Internet"),
            Browser::Opera => Some("Opera"),
            Browser::Other => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum InAppBrowser {
    GoogleApp,
    YahooJapanApp,
    Line,
    Instagram,
    Facebook,
    X,
    Tiktok,
    /// Another app's web view: Android's `; wv` form, or on Apple systems a WebKit user
    /// agent without Safari's `Version/… Safari/` pair.
    Webview,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserAgentError {
    #[error("user agent is {len} bytes; the limit is {max} bytes")]
    TooLong { len: usize, max: usize },
    #[error("user agent is empty")]
    Empty,
}

const UNKNOWN: UserAgentInfo = UserAgentInfo {
    platform: None,
    os_version: None,
    browser: None,
    in_app: None,
    standard_browser: None,
    can_register: None,
    ipad_ambiguous: false,
};

/// Classifies a user agent. Errors only for input that is not a user agent at all (empty,
/// or longer than [`MAX_USER_AGENT_BYTES`]); anything else gets an answer, `None` where
/// the user agent does not tell.
pub fn classify_user_agent(ua: &str) -> Result<UserAgentInfo, UserAgentError> {
    if ua.len() > MAX_USER_AGENT_BYTES {
        return Err(UserAgentError::TooLong {
            len: ua.len(),
            max: MAX_USER_AGENT_BYTES,
        });
    }
    if ua.trim().is_empty() {
        return Err(UserAgentError::Empty);
    }
    // A crawler imitating a phone must not be reported as a customer's phone.
    if rules::BOTS.iter().any(|token| ua.contains(token)) {
        return Ok(UNKNOWN);
    }

    let platform = rules::first_match(ua, rules::PLATFORMS).flatten();
    let apple = matches!(
        platform,
        Some(Platform::Ios | Platform::Ipados | Platform::Macos)
    );
    let brands = match platform {
        Some(Platform::Android) => rules::ANDROID_BROWSERS,
        Some(Platform::Ios | Platform::Ipados) => rules::IOS_BROWSERS,
        _ => rules::DESKTOP_BROWSERS,
    };
    let (browser, apple_webview) = match rules::first_match(ua, brands) {
        Some(brand) => (Some(brand), false),
        // Without a brand token an Apple user agent is WebKit, so Safari's engine. Only
        // Safari itself sends both `Version/` and `Safari/`; an app's WKWebView sends
        // neither unless the app adds them, and the apps that do are in `IN_APP`.
        None if apple && ua.contains("AppleWebKit/") => (
            Some(Browser::Safari),
            !(ua.contains("Version/") && ua.contains("Safari/")),
        ),
        // Elsewhere only Safari for Windows, or a Linux WebKit browser posing as Safari.
        None if ua.contains("Safari/") => (Some(Browser::Safari), false),
        None => (None, false),
    };
    let in_app = rules::first_match(ua, rules::IN_APP).or_else(|| {
        let webview = match platform {
            Some(Platform::Android) => {
                browser == Some(Browser::Chrome)
                    && rules::ANDROID_WEBVIEW
                        .iter()
                        .any(|token| ua.contains(token))
            }
            _ => apple_webview,
        };
        webview.then_some(InAppBrowser::Webview)
    });

    let (standard_browser, can_register) = match (in_app, platform, browser) {
        (Some(_), _, _) => (Some(false), Some(false)),
        (None, Some(platform), Some(browser)) => {
            let standard = is_standard(platform, browser);
            let can_register = if standard {
                Some(true)
            } else if platform.is_mobile() {
                Some(false)
            } else {
                None
            };
            (Some(standard), can_register)
        }
        (None, _, _) => (None, None),
    };

    let os_version = platform.and_then(|p| version::os_version(ua, p));
    // Below the minimum OS no browser registers, and Internet Explorer has no WebAuthn at
    // all: both are known failures, whatever the browser table says.
    let below_minimum = platform.zip(os_version.as_deref()).is_some_and(|(p, v)| {
        Version::parse(v).and_then(|v| os_version::support(p, v)) == Some(false)
    });
    let internet_explorer = rules::INTERNET_EXPLORER.iter().any(|t| ua.contains(t));
    let can_register = if below_minimum || internet_explorer {
        Some(false)
    } else {
        can_register
    };

    Ok(UserAgentInfo {
        platform,
        os_version,
        browser,
        in_app,
        standard_browser,
        can_register,
        ipad_ambiguous: platform == Some(Platform::Macos)
            && browser == Some(Browser::Safari)
            && ua.contains(rules::IPAD_DESKTOP_MAC_VERSION),
    })
}

/// The guide's device table.
fn is_standard(platform: Platform, browser: Browser) -> bool {
    match platform {
        Platform::Windows => matches!(browser, Browser::Edge | Browser::Chrome | Browser::Firefox),
        Platform::Macos | Platform::Ios | Platform::Ipados => browser == Browser::Safari,
        Platform::Android => browser == Browser::Chrome,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(ua: &str) -> UserAgentInfo {
        classify_user_agent(ua).unwrap()
    }

    #[test]
    fn an_app_token_wins_over_the_web_view_it_runs_in() {
        let info = classify(
            "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240605.024; wv) \
             AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile \
             Safari/537.36 Instagram 337.0.0.35.102 Android (34/14; 420dpi; 1080x2400; \
             Google/google; Pixel 8; shiba; shiba; ja_JP; 615001093)",
        );
        assert_eq!(info.in_app, Some(InAppBrowser::Instagram));
        assert_eq!(info.browser, Some(Browser::Chrome));
        assert_eq!(
            (info.standard_browser, info.can_register),
            (Some(false), Some(false))
        );
        assert_eq!(info.os_version.as_deref(), Some("14"));
    }

    #[test]
    fn a_mac_safari_user_agent_may_be_an_ipad() {
        let info = classify(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 \
             (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        );
        assert_eq!(info.platform, Some(Platform::Macos));
        assert!(info.ipad_ambiguous);
        assert_eq!(info.os_version, None);
        assert_eq!(
            (info.standard_browser, info.can_register),
            (Some(true), Some(true))
        );
    }

    #[test]
    fn a_non_standard_browser_fails_on_a_phone_but_is_unknown_on_a_pc() {
        let android_firefox =
            classify("Mozilla/5.0 (Android 14; Mobile; rv:126.0) Gecko/126.0 Firefox/126.0");
        assert_eq!(android_firefox.can_register, Some(false));
        let windows_opera = classify(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) \
             Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
        );
        assert_eq!(windows_opera.browser, Some(Browser::Opera));
        assert_eq!(windows_opera.standard_browser, Some(false));
        assert_eq!(windows_opera.can_register, None);
    }

    #[test]
    fn an_ios_user_agent_without_safaris_tokens_is_a_web_view() {
        let info = classify(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 \
             (KHTML, like Gecko) Mobile/15E148",
        );
        assert_eq!(info.in_app, Some(InAppBrowser::Webview));
        assert_eq!(info.browser, Some(Browser::Safari));
        assert_eq!(info.can_register, Some(false));
    }

    #[test]
    fn crawlers_and_garbage_are_unknown_but_not_errors() {
        for ua in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "curl/8.5.0",
            "\u{1F600} not a user agent",
        ] {
            assert_eq!(classify(ua), UNKNOWN, "{ua}");
        }
    }

    #[test]
    fn errors_name_the_problem() {
        let long = "a".repeat(MAX_USER_AGENT_BYTES + 1);
        let err = classify_user_agent(&long).unwrap_err();
        assert_eq!(
            err,
            UserAgentError::TooLong {
                len: MAX_USER_AGENT_BYTES + 1,
                max: MAX_USER_AGENT_BYTES
            }
        );
        assert_eq!(
            err.to_string(),
            "user agent is 1025 bytes; the limit is 1024 bytes"
        );
        assert_eq!(classify_user_agent(" \t\r\n"), Err(UserAgentError::Empty));
        assert_eq!(UserAgentError::Empty.to_string(), "user agent is empty");
    }

    #[test]
    fn serialised_names_are_snake_case() {
        let json = |v: serde_json::Value| v.to_string();
        assert_eq!(
            json(serde_json::json!(Browser::SamsungInternet)),
            "\"samsung_internet\""
        );
        assert_eq!(
            json(serde_json::json!(InAppBrowser::YahooJapanApp)),
            "\"yahoo_japan_app\""
        );
        assert_eq!(json(serde_json::json!(InAppBrowser::X)), "\"x\"");
        assert_eq!(json(serde_json::json!(InAppBrowser::Tiktok)), "\"tiktok\"");
        assert_eq!(json(serde_json::json!(Platform::Ipados)), "\"ipados\"");
    }
}
