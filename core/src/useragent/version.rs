//! The OS version a user agent states, where it states a true one.
//!
//! Browsers have frozen parts of the user agent to cut fingerprinting, so a version that is
//! present may still be a constant. Those constants are reported as `None`: a frozen number
//! looks like a real old version and would send a customer to the wrong guide.

use crate::Platform;

/// Longer runs of digits are not a version any system has shipped; treating them as unknown
/// keeps garbage input from coming back as a huge `os_version`.
const MAX_VERSION_LEN: usize = 16;

/// macOS versions that every current Mac browser sends whatever the Mac runs: Safari, Chrome
/// and Edge send `10_15_7`, Firefox `10.15`. A Mac that really runs Catalina looks the same,
/// and is below the guide's minimum (macOS 13) anyway.
const FROZEN_MACOS: &[&str] = &["10_15_7", "10.15"];

/// Chrome on Android (and browsers built on it) since version 110 sends this in place of the
/// real Android version and model.
const FROZEN_ANDROID: &str = "Android 10; K)";

/// Safari 26 froze the iOS version at the last iOS 18 (`18_6`, later `18_7`) while its own
/// `Version/` keeps following the OS; see [`apple_mobile`].
const FIRST_UNFROZEN_SAFARI: u32 = 26;
const FROZEN_IOS_MAJOR: u32 = 18;

pub(super) fn os_version(ua: &str, platform: Platform) -> Option<String> {
    let raw = match platform {
        Platform::Ios | Platform::Ipados => apple_mobile(ua),
        Platform::Macos => number_after(ua, "Mac OS X ").filter(|v| !FROZEN_MACOS.contains(v)),
        Platform::Android if ua.contains(FROZEN_ANDROID) => None,
        Platform::Android => number_after(ua, "Android "),
        // Windows 10 and 11 both send `Windows NT 10.0`: the user agent cannot tell them
        // apart, so this is "10.0" for both and the shell's own report must decide.
        Platform::Windows => number_after(ua, "Windows NT "),
    }?;
    let trimmed = raw.trim_end_matches(['.', '_']);
    (!trimmed.is_empty() && trimmed.len() <= MAX_VERSION_LEN).then(|| trimmed.replace('_', "."))
}

/// `CPU iPhone OS 17_4_1` (iPhone, iPod) or `CPU OS 17_4` (iPad). On iOS 26 and later the
/// OS token is frozen at 18.x, but Safari (and browsers reusing its `Version/`) still states
/// the release, and on iOS Safari's version is the OS version because Safari only updates
/// with the OS. Apps' web views have no `Version/` and keep the frozen 18.x: nothing better
/// is in their user agent.
fn apple_mobile(ua: &str) -> Option<&str> {
    let os = number_after(ua, " OS ")?;
    if major(os) == Some(FROZEN_IOS_MAJOR) {
        if let Some(safari) = number_after(ua, "Version/") {
            if major(safari).is_some_and(|m| m >= FIRST_UNFROZEN_SAFARI) {
                return Some(safari);
            }
        }
    }
    Some(os)
}

fn major(version: &str) -> Option<u32> {
    version.split(['.', '_']).next()?.parse().ok()
}

/// The run of digits, dots and underscores right after the first `marker` that is followed
/// by a digit. Later occurrences are tried because some markers also appear in words
/// (`like Mac OS X)`, Instagram's `Android (34/14; …`).
fn number_after<'a>(ua: &'a str, marker: &str) -> Option<&'a str> {
    ua.match_indices(marker).find_map(|(at, _)| {
        let rest = ua.get(at + marker.len()..)?;
        let len = rest
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b'_')
            .count();
        let number = rest.get(..len)?;
        number
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit())
            .then_some(number)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_after_skips_markers_not_followed_by_a_digit() {
        let ua = "(iPhone; CPU iPhone OS 17_4_1 like Mac OS X)";
        assert_eq!(number_after(ua, " OS "), Some("17_4_1"));
        assert_eq!(number_after(ua, "Mac OS X "), None);
        assert_eq!(
            number_after("Android (34/14; Android 14;", "Android "),
            Some("14")
        );
        assert_eq!(number_after("Android ", "Android "), None);
    }

    #[test]
    fn versions_are_dotted_and_bounded() {
        let ios = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X)";
        assert_eq!(os_version(ios, Platform::Ios).as_deref(), Some("17.4.1"));
        assert_eq!(
            os_version("(Windows NT 10.0; Win64; x64)", Platform::Windows).as_deref(),
            Some("10.0")
        );
        assert_eq!(
            os_version("Android 14.;", Platform::Android).as_deref(),
            Some("14")
        );
        let long = format!("Android {};", "1".repeat(MAX_VERSION_LEN + 1));
        assert_eq!(os_version(&long, Platform::Android), None);
    }

    #[test]
    fn frozen_versions_are_unknown() {
        let mac = "(Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15";
        assert_eq!(os_version(mac, Platform::Macos), None);
        let firefox = "(Macintosh; Intel Mac OS X 10.15; rv:126.0) Gecko/20100101 Firefox/126.0";
        assert_eq!(os_version(firefox, Platform::Macos), None);
        let mojave = "(Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/605.1.15";
        assert_eq!(
            os_version(mojave, Platform::Macos).as_deref(),
            Some("10.14.6")
        );
        let chrome = "(Linux; Android 10; K) AppleWebKit/537.36";
        assert_eq!(os_version(chrome, Platform::Android), None);
        let webview = "(Linux; Android 10; SO-41A Build/59.1.A.2.169; wv)";
        assert_eq!(
            os_version(webview, Platform::Android).as_deref(),
            Some("10")
        );
    }

    #[test]
    fn ios_26_safari_reports_its_own_version() {
        let safari_26 = "(iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 \
                         (KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1";
        assert_eq!(
            os_version(safari_26, Platform::Ios).as_deref(),
            Some("26.0")
        );
        let safari_18 = "(iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 \
                         (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1";
        assert_eq!(
            os_version(safari_18, Platform::Ios).as_deref(),
            Some("18.6")
        );
    }
}
