//! [`snapshot_from_browser`]: the readings as a [`DeviceSnapshot`], with a signal only where a
//! reading really implies it. The rules, each with where it comes from:
//!
//! - Platform: the user agent's (the classifier the whole SDK uses), else the client hints'
//!   `platform` (an Android tablet asking for desktop sites sends a Linux user agent but
//!   `platform: "Android"`). When the two name different systems the page's user agent was
//!   overridden (developer tools, an app's custom agent) and the client hints are not used.
//! - OS version on Windows: the user agent says `Windows NT 10.0` on 10 and 11 alike; the
//!   high-entropy `platformVersion` tells them apart: 13 or more is Windows 11, 1 to 10 is
//!   Windows 10, 0 is an older Windows (Microsoft Edge docs, "Detect Windows 11 and CPU
//!   architecture using User-Agent Client Hints"). On Windows 10 the major is the version of
//!   `Windows.Foundation.UniversalApiContract` (User-Agent Client Hints spec, "get the platform
//!   version"), which each release raised: 7 is 1809 (build 17763), 8 is 1903 (18362), 10 is
//!   2004 (19041) — the Windows SDK's PreviousPlatforms.xml. The snapshot gets the first build
//!   of that contract, so the guide's "1903 and later" is decided instead of asked. 0 takes the
//!   user agent's own `6.x`, which names the old Windows exactly; nothing is made up when it
//!   does not.
//! - OS version on Android and macOS: `platformVersion` is the OS version (MDN,
//!   Sec-CH-UA-Platform-Version), while the user agent is frozen there (`Android 10; K`,
//!   `Mac OS X 10_15_7`); elsewhere, and without client hints, the user agent's version.
//! - `uvpaa` (isUserVerifyingPlatformAuthenticatorAvailable), or the equivalent
//!   `userVerifyingPlatformAuthenticator` capability of getClientCapabilities (WebAuthn Level
//!   3, §5.1.7; MDN): read only in the standard browser of the guide, never in an app's
//!   browser, whose web view answers for the app's entitlements, not the device (WebKit
//!   "WKWebViews should correctly indicate whether passkeys are available"). When the two
//!   disagree, neither is used.
//!   - Windows (Edge, Chrome, Firefox all ask Windows' WebAuthn API): `false` means no Windows
//!     Hello, so registering asks for a USB security key — the seed's second troubleshooting
//!     answer, predicted before the customer meets it; `true` means Windows Hello is set up
//!     (a PIN is enough) → `windows_hello: yes` (Microsoft, WebAuthNIsUserVerifyingPlatform-
//!     AuthenticatorAvailable; passkeys.dev device support).
//!   - Android, Chrome: `false` without a screen lock (PIN, pattern or password), `true`
//!     with one, biometrics or not (passkeys.dev "user verification" research, Chrome 120) →
//!     `screen_lock: no` / `yes`. It says nothing about the Google account (true without
//!     one, the account is asked for at registration).
//!   - iOS, iPadOS, macOS: nothing. Safari answers `true` on iOS 17 without a passcode, and
//!     on iOS 26.2 other browsers' web views answer `false` on a ready device, so neither
//!     value tells the passcode or iCloud Keychain apart.
//! - `passkeyPlatformAuthenticator` and `hybridTransport`: true when a phone nearby could
//!   hold the passkey; no check of the guide asks that (it registers on this device), so
//!   they imply nothing. `ua_mobile` neither: the platform already says phone or PC.

use std::collections::HashMap;

use super::readings::BrowserReadings;
use super::BrowserError;
use crate::readiness::{CheckId, DeviceSnapshot, Signal};
use crate::useragent::{classify_user_agent, Browser, UserAgentInfo};
use crate::Platform;

/// The Windows `platformVersion` majors: 13 and up is Windows 11, 1 to 12 Windows 10, 0 an
/// older Windows.
const WINDOWS_11_FIRST_PLATFORM_VERSION: u32 = 13;

/// Windows 10's UniversalApiContract versions and the first build that has each (the Windows
/// SDK's PreviousPlatforms.xml); a major between two rows has at least the lower row's build.
const WINDOWS_10_CONTRACT_BUILDS: [(u32, u32); 9] = [
    (1, 10240),
    (2, 10586),
    (3, 14393),
    (4, 15063),
    (5, 16299),
    (6, 17134),
    (7, 17763),
    (8, 18362),
    (10, 19041),
];

/// The first Windows 10 build with UniversalApiContract `major` (1 to 12).
fn windows_10_build(major: u32) -> Option<u32> {
    WINDOWS_10_CONTRACT_BUILDS
        .iter()
        .rev()
        .find(|(contract, _)| *contract <= major)
        .map(|(_, build)| *build)
}

/// The snapshot a page's readings make. Errors name the field: a bad reading, or a user agent
/// whose system the guide does not cover (Linux, ChromeOS) with no client hint that does.
pub fn snapshot_from_browser(readings: &BrowserReadings) -> Result<DeviceSnapshot, BrowserError> {
    readings.validate()?;
    let info = classify_user_agent(&readings.user_agent)
        .map_err(|e| BrowserError::new("user_agent", e.to_string()))?;
    let hinted = readings
        .ua_platform
        .as_deref()
        .and_then(client_hint_platform);
    // `conflict`: the client hints name another system than the user agent, so the user
    // agent was overridden and the browser's own answers are about another device.
    let (platform, hints_agree, conflict) = match (info.platform, hinted) {
        (Some(ua), Some(hint)) => (ua, ua == hint, ua != hint),
        (Some(ua), None) => (ua, false, false),
        (None, Some(hint)) => (hint, true, false),
        (None, None) => {
            return Err(BrowserError::new(
                "user_agent",
                "neither the user agent nor ua_platform names a system the guide covers \
                 (android, ios, ipados, macos, windows)",
            ))
        }
    };
    let platform_version = readings
        .platform_version
        .as_deref()
        .filter(|v| hints_agree && !v.is_empty());
    let os_version = os_version(platform, platform_version, &info);

    let mut signals = HashMap::new();
    if let Some(available) = platform_authenticator(readings).filter(|_| !conflict) {
        if let Some(check) = implied_check(platform, &info, hints_agree) {
            signals.insert(check, Signal::from_bool(Some(available)));
        }
    }
    let snapshot = DeviceSnapshot {
        platform,
        os_version,
        user_agent: Some(readings.user_agent.clone()),
        signals,
    };
    snapshot
        .validate()
        .map_err(|e| BrowserError::new("user_agent", e.to_string()))?;
    Ok(snapshot)
}

/// `navigator.userAgentData.platform`'s values (MDN, Sec-CH-UA-Platform) for the systems of
/// the guide; the others ("Linux", "Chrome OS", "Unknown", "") name none.
fn client_hint_platform(name: &str) -> Option<Platform> {
    match name {
        "Android" => Some(Platform::Android),
        "iOS" => Some(Platform::Ios),
        "macOS" => Some(Platform::Macos),
        "Windows" => Some(Platform::Windows),
        _ => None,
    }
}

fn os_version(
    platform: Platform,
    platform_version: Option<&str>,
    info: &UserAgentInfo,
) -> Option<String> {
    // A Mac user agent on an iPad says nothing about iPadOS's version.
    let from_user_agent = || {
        info.os_version
            .clone()
            .filter(|_| info.platform == Some(platform) && !info.ipad_ambiguous)
    };
    let Some(version) = platform_version else {
        return from_user_agent();
    };
    match platform {
        Platform::Windows => {
            let major: u32 = version.split('.').next()?.parse().ok()?;
            if major >= WINDOWS_11_FIRST_PLATFORM_VERSION {
                Some("11".to_owned())
            } else if major >= 1 {
                windows_10_build(major).map(|build| format!("10.0.{build}"))
            } else {
                // Windows 7, 8 or 8.1: their user agents say `Windows NT 6.1` … `6.3`.
                from_user_agent().filter(|v| v.split('.').next() != Some("10"))
            }
        }
        Platform::Android | Platform::Macos => Some(version.to_owned()),
        Platform::Ios | Platform::Ipados => from_user_agent(),
    }
}

/// isUVPAA, or the capability that is its equivalent; `None` when neither was read or they
/// disagree.
fn platform_authenticator(readings: &BrowserReadings) -> Option<bool> {
    let capability = readings
        .client_capabilities
        .as_ref()
        .and_then(|c| c.get("userVerifyingPlatformAuthenticator").copied());
    match (readings.uvpaa, capability) {
        (Some(a), Some(b)) if a != b => None,
        (a, b) => a.or(b),
    }
}

/// The check isUVPAA answers on `platform` in this browser, if any (see the module comment).
/// `hints_agree`: the client hints name `platform` too, which vouches for a user agent that
/// names no system (Chrome on an Android tablet asking for desktop sites says Linux).
fn implied_check(platform: Platform, info: &UserAgentInfo, hints_agree: bool) -> Option<CheckId> {
    let same_system = match info.platform {
        Some(p) => p == platform,
        None => hints_agree,
    };
    if info.in_app.is_some() || !same_system {
        return None;
    }
    match (platform, info.browser?) {
        (Platform::Windows, Browser::Edge | Browser::Chrome | Browser::Firefox) => {
            Some(CheckId::WindowsHello)
        }
        (Platform::Android, Browser::Chrome) => Some(CheckId::ScreenLock),
        _ => None,
    }
}
