//! Which checks apply on each platform, in the order a customer should fix them, with the
//! guide section and the settings action that fix each one.
//!
//! The order is the guide's, except where a setting cannot be made before another one:
//! - iOS/iPadOS: the passcode first (iCloud Keychain cannot be turned on without one), then
//!   the Apple Account before iCloud Keychain, then AutoFill.
//! - macOS: the Apple Account, then two-factor authentication, which iCloud Keychain requires.
//! - Windows: the device password before Windows Hello (a PIN cannot be set without it).
//! - Android: the guide's order (screen lock, Google account, Google autofill) already is.
//!
//! Whether the customer already uses passkeys comes first (the guide's first note: then no
//! setting is needed), the OS version next, and the browser last: it is the last thing the
//! customer does before registering. On a smartphone the browser is required (the guide's
//! ※1); on a PC a browser outside the guide's table is only a note, with no FAQ to follow.

use super::action::SettingsAction;
use super::check::CheckId;
use crate::Platform;

/// One check as it applies on a platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub check: CheckId,
    /// The guide item (part or FAQ id) whose steps fix it.
    pub section: Option<&'static str>,
    pub action: SettingsAction,
    /// Informational checks (biometrics) never decide the status.
    pub required: bool,
    /// Windows offers two ways to store a passkey; the rule belongs to one of them.
    pub route: Option<WindowsRoute>,
}

/// The two Windows guides: either one is enough where the browser is Chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowsRoute {
    Hello,
    Chrome,
}

impl WindowsRoute {
    pub fn guide(self) -> &'static str {
        match self {
            WindowsRoute::Hello => "windows_hello",
            WindowsRoute::Chrome => "windows_chrome",
        }
    }
}

const fn rule(check: CheckId, section: &'static str, action: SettingsAction) -> Rule {
    Rule {
        check,
        section: Some(section),
        action,
        required: true,
        route: None,
    }
}

const OS: Rule = Rule {
    check: CheckId::OsVersion,
    section: None,
    action: SettingsAction::ManualStepsOnly,
    required: true,
    route: None,
};

const ALREADY_USES_PASSKEYS: Rule = Rule {
    check: CheckId::AlreadyUsesPasskeys,
    section: None,
    action: SettingsAction::ManualStepsOnly,
    required: false,
    route: None,
};

const BROWSER: Rule = rule(
    CheckId::StandardBrowser,
    "faq.in_app_browser",
    SettingsAction::OpenInStandardBrowser,
);

/// The FAQ behind [`BROWSER`] is about smartphones' in-app browsers.
const PC_BROWSER: Rule = Rule {
    check: CheckId::StandardBrowser,
    section: None,
    action: SettingsAction::OpenInStandardBrowser,
    required: false,
    route: None,
};

const fn info(check: CheckId, section: &'static str, action: SettingsAction) -> Rule {
    Rule {
        required: false,
        ..rule(check, section, action)
    }
}

const fn route(r: Rule, route: WindowsRoute) -> Rule {
    Rule {
        route: Some(route),
        ..r
    }
}

use CheckId as C;
use SettingsAction as A;

const ANDROID: [Rule; 7] = [
    ALREADY_USES_PASSKEYS,
    OS,
    rule(C::ScreenLock, "android.screen_lock", A::ScreenLockSettings),
    info(C::Biometrics, "android.screen_lock", A::BiometricEnroll),
    rule(
        C::GoogleAccount,
        "android.google_account",
        A::AddGoogleAccount,
    ),
    // The action for Android 14+ is replaced in `evaluate`: passkey providers moved there.
    rule(
        C::GoogleAutofill,
        "android.google_autofill",
        A::AutofillService,
    ),
    BROWSER,
];

const APPLE_MOBILE: [Rule; 8] = [
    ALREADY_USES_PASSKEYS,
    OS,
    rule(C::Passcode, "ios.passcode", A::ManualStepsOnly),
    info(C::Biometrics, "ios.passcode", A::ManualStepsOnly),
    rule(C::AppleAccount, "ios.apple_account", A::ManualStepsOnly),
    rule(
        C::IcloudKeychainSync,
        "ios.icloud_keychain",
        A::ManualStepsOnly,
    ),
    rule(
        C::AutofillPasswordsPasskeys,
        "ios.autofill",
        A::CredentialProviderSettings,
    ),
    BROWSER,
];

const MACOS: [Rule; 6] = [
    ALREADY_USES_PASSKEYS,
    OS,
    rule(C::AppleAccount, "mac.apple_account", A::ManualStepsOnly),
    rule(C::TwoFactorAuth, "mac.two_factor_auth", A::ManualStepsOnly),
    rule(
        C::IcloudKeychainSync,
        "mac.icloud_keychain",
        A::ManualStepsOnly,
    ),
    PC_BROWSER,
];

const WINDOWS: [Rule; 9] = [
    ALREADY_USES_PASSKEYS,
    OS,
    route(
        rule(
            C::DevicePassword,
            "windows_hello.setup",
            A::WindowsSignInOptions,
        ),
        WindowsRoute::Hello,
    ),
    route(
        rule(
            C::WindowsHello,
            "windows_hello.setup",
            A::WindowsSignInOptions,
        ),
        WindowsRoute::Hello,
    ),
    route(
        info(
            C::Biometrics,
            "windows_hello.setup",
            A::WindowsSignInOptions,
        ),
        WindowsRoute::Hello,
    ),
    route(
        rule(
            C::ChromeSignedIn,
            "windows_chrome.sign_in",
            A::ManualStepsOnly,
        ),
        WindowsRoute::Chrome,
    ),
    route(
        rule(C::ChromeSync, "windows_chrome.sync", A::ManualStepsOnly),
        WindowsRoute::Chrome,
    ),
    route(
        rule(
            C::GooglePasswordManager,
            "windows_chrome.password_manager",
            A::ManualStepsOnly,
        ),
        WindowsRoute::Chrome,
    ),
    PC_BROWSER,
];

/// The rules of a platform, in fixing order.
pub fn for_platform(platform: Platform) -> &'static [Rule] {
    match platform {
        Platform::Android => &ANDROID,
        Platform::Ios | Platform::Ipados => &APPLE_MOBILE,
        Platform::Macos => &MACOS,
        Platform::Windows => &WINDOWS,
    }
}

/// The device guide of a platform (Windows: see [`WindowsRoute`]).
pub fn guide(platform: Platform) -> &'static str {
    match platform {
        Platform::Android => "android",
        Platform::Ios | Platform::Ipados => "ios",
        Platform::Macos => "mac",
        Platform::Windows => WindowsRoute::Hello.guide(),
    }
}

pub fn applies(platform: Platform, check: CheckId) -> bool {
    for_platform(platform).iter().any(|r| r.check == check)
}

/// Every guide item a rule points to: the content must have each one.
pub fn sections() -> impl Iterator<Item = &'static str> {
    Platform::ALL
        .into_iter()
        .flat_map(|p| for_platform(p).iter().filter_map(|r| r.section))
}
