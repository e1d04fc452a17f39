//! The token tables. Each is an ordered list of `(token, answer)`: the first token found in
//! the user agent gives the answer. Tokens are case-sensitive substrings because browsers
//! and apps write them in one fixed spelling, and a case-sensitive search needs no
//! lowercased copy of the input.
//!
//! Order is the whole design: a user agent carries the tokens of everything it imitates
//! (Edge says `Chrome/` and `Safari/`, Instagram on Android says `; wv)` and `Chrome/`), so
//! the more specific token must come first.

use super::{Browser, InAppBrowser};
use crate::Platform;

pub(super) type Rules<T> = &'static [(&'static str, T)];

/// The answer of the first rule whose token occurs in `ua`.
pub(super) fn first_match<T: Copy>(ua: &str, rules: Rules<T>) -> Option<T> {
    rules
        .iter()
        .find(|(token, _)| ua.contains(token))
        .map(|&(_, answer)| answer)
}

/// Crawlers and link-preview fetchers. Googlebot's smartphone agent is a complete Android
/// Chrome user agent with `Googlebot/` appended, so these are looked for before anything
/// else; `+http` is the contact address most crawlers append.
pub(super) const BOTS: &[&str] = &["+http", "bot/", "Bot/", "Slurp", "crawler", "spider"];

/// `None` stops the search: the user agent names a system the guide does not cover. Windows
/// Phone and Xbox are listed because their user agents also say `Android` or `Windows NT`.
/// iOS comes before Android and macOS only for clarity: iOS user agents say `like Mac OS X`,
/// never `Macintosh`.
pub(super) const PLATFORMS: Rules<Option<Platform>> = &[
    ("Windows Phone", None),
    ("Xbox", None),
    ("iPhone", Some(Platform::Ios)),
    ("iPod", Some(Platform::Ios)),
    ("iPad", Some(Platform::Ipados)),
    ("Android", Some(Platform::Android)),
    ("CrOS", None),
    ("Windows NT", Some(Platform::Windows)),
    ("Macintosh", Some(Platform::Macos)),
];

/// Apps that show web pages in their own browser. Looked for before any browser token,
/// on every platform, because an app's browser carries the tokens of the engine it embeds.
/// Instagram precedes Facebook (Meta's apps share code, so a token may leak across);
/// everything precedes the generic web-view tests, which run only when no app is named.
pub(super) const IN_APP: Rules<InAppBrowser> = &[
    ("GSA/", InAppBrowser::GoogleApp),
    ("YJApp-IOS", InAppBrowser::YahooJapanApp),
    ("YJApp-ANDROID", InAppBrowser::YahooJapanApp),
    // Package names of Yahoo! JAPAN's apps, for builds that drop the YJApp- prefix.
    ("jp.co.yahoo.", InAppBrowser::YahooJapanApp),
    // With the leading space: LINE writes `Safari Line/` (iOS) and `Safari/537.36 Line/`.
    (" Line/", InAppBrowser::Line),
    ("Instagram", InAppBrowser::Instagram),
    ("FBAN/", InAppBrowser::Facebook),
    ("FBAV/", InAppBrowser::Facebook),
    ("FB_IAB/", InAppBrowser::Facebook),
    // `Twitter for iPhone/…` on iOS, `TwitterAndroid` on Android.
    ("Twitter", InAppBrowser::X),
    // `musical_ly_` is TikTok's global build, `trill_` the Japanese and Asian one.
    ("musical_ly", InAppBrowser::Tiktok),
    ("trill_", InAppBrowser::Tiktok),
    ("BytedanceWebview", InAppBrowser::Tiktok),
    ("TikTok", InAppBrowser::Tiktok),
];

/// An Android app's WebView: Chrome's engine inside an app. `; wv)` since Android 5;
/// before that the only sign was Chrome's version after the old browser's `Version/4.0`.
pub(super) const ANDROID_WEBVIEW: &[&str] = &["; wv)", "Version/4.0 Chrome/"];

/// Internet Explorer (`Trident/` up to 11, `MSIE ` before): no WebAuthn, so no passkeys.
pub(super) const INTERNET_EXPLORER: &[&str] = &["Trident/", "MSIE "];

/// The macOS version an iPad sends when it asks for desktop sites (Safari and WebKit views).
/// Macs send it too (it is frozen), but a Mac user agent with another version is a Mac.
pub(super) const IPAD_DESKTOP_MAC_VERSION: &str = "Mac OS X 10_15_7";

/// Browsers built on Chromium append their own token to Chrome's, so they come before
/// `Chrome/`. The old Android browser said only `Safari/`, and is not Safari.
pub(super) const ANDROID_BROWSERS: Rules<Browser> = &[
    ("SamsungBrowser/", Browser::SamsungInternet),
    ("EdgA/", Browser::Edge),
    ("OPR/", Browser::Opera),
    ("Opera", Browser::Opera),
    ("Firefox/", Browser::Firefox),
    ("YaBrowser/", Browser::Other),
    ("UCBrowser/", Browser::Other),
    ("HuaweiBrowser/", Browser::Other),
    ("MiuiBrowser/", Browser::Other),
    ("DuckDuckGo/", Browser::Other),
    ("Silk/", Browser::Other),
    ("Chrome/", Browser::Chrome),
    ("Safari/", Browser::Other),
];

/// Every iOS browser is WebKit with its own brand token; a user agent without one is Safari
/// or an app's web view, told apart in `classify_user_agent`.
pub(super) const IOS_BROWSERS: Rules<Browser> = &[
    ("CriOS/", Browser::Chrome),
    ("FxiOS/", Browser::Firefox),
    ("EdgiOS/", Browser::Edge),
    ("OPiOS/", Browser::Opera),
    ("OPT/", Browser::Opera),
    ("DuckDuckGo/", Browser::Other),
    ("YaBrowser/", Browser::Other),
];

/// Windows, macOS and the systems we do not cover. On a Mac a user agent with no brand
/// token is Safari or an app's web view, told apart in `classify_user_agent`.
/// `Edge/` is the pre-Chromium Edge; Electron apps (chat and office clients) embed Chromium
/// but are not a browser the guide names.
pub(super) const DESKTOP_BROWSERS: Rules<Browser> = &[
    ("Edg/", Browser::Edge),
    ("Edge/", Browser::Edge),
    ("OPR/", Browser::Opera),
    ("Opera", Browser::Opera),
    ("Firefox/", Browser::Firefox),
    ("SamsungBrowser/", Browser::SamsungInternet),
    ("YaBrowser/", Browser::Other),
    ("Sleipnir", Browser::Other),
    ("Electron/", Browser::Other),
    ("Trident/", Browser::Other),
    ("MSIE ", Browser::Other),
    ("Chrome/", Browser::Chrome),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn all_tokens() -> Vec<&'static str> {
        let mut tokens: Vec<&str> = BOTS.to_vec();
        tokens.extend(PLATFORMS.iter().map(|r| r.0));
        tokens.extend(IN_APP.iter().map(|r| r.0));
        tokens.extend(ANDROID_WEBVIEW);
        tokens.extend(INTERNET_EXPLORER);
        tokens.push(IPAD_DESKTOP_MAC_VERSION);
        tokens.extend(ANDROID_BROWSERS.iter().map(|r| r.0));
        tokens.extend(IOS_BROWSERS.iter().map(|r| r.0));
        tokens.extend(DESKTOP_BROWSERS.iter().map(|r| r.0));
        tokens
    }

    #[test]
    fn tokens_are_non_empty_ascii() {
        for token in all_tokens() {
            assert!(!token.is_empty() && token.is_ascii(), "{token:?}");
        }
    }

    /// A rule can never match if an earlier rule's token is inside its own: every user agent
    /// containing the later token contains the earlier one too.
    #[test]
    fn no_rule_is_shadowed_by_an_earlier_one() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(name: &str, rules: Rules<T>) {
            for (i, (later, later_answer)) in rules.iter().enumerate() {
                for (earlier, earlier_answer) in rules.iter().take(i) {
                    assert!(
                        !later.contains(earlier) || later_answer == earlier_answer,
                        "{name}: {later:?} is shadowed by {earlier:?}"
                    );
                }
            }
        }
        check("PLATFORMS", PLATFORMS);
        check("IN_APP", IN_APP);
        check("ANDROID_BROWSERS", ANDROID_BROWSERS);
        check("IOS_BROWSERS", IOS_BROWSERS);
        check("DESKTOP_BROWSERS", DESKTOP_BROWSERS);
    }

    #[test]
    fn first_match_takes_the_earliest_rule_not_the_earliest_position() {
        let rules: Rules<u8> = &[("B", 1), ("A", 2)];
        assert_eq!(first_match("A B", rules), Some(1));
        assert_eq!(first_match("A", rules), Some(2));
        assert_eq!(first_match("C", rules), None);
    }
}
