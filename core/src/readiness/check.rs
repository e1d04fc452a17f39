//! The check ids: one name per prerequisite, used by the content, the signals of a
//! `DeviceSnapshot`, the findings of a report, the CLI, Kotlin and Swift alike.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    /// The customer already uses passkeys on this device (the guide's first note): then no
    /// setting is needed. No OS lets an app read it, so it is always a question.
    AlreadyUsesPasskeys,
    /// The OS is recent enough for passkeys.
    OsVersion,
    /// The registration page is open in the device's standard browser, not an in-app one.
    StandardBrowser,
    /// Fingerprint or face: information only, never required (the guide requires a screen
    /// lock, a passcode or Windows Hello, which biometrics build on).
    Biometrics,
    // android
    ScreenLock,
    GoogleAccount,
    GoogleAutofill,
    // ios, ipados
    Passcode,
    AppleAccount,
    IcloudKeychainSync,
    AutofillPasswordsPasskeys,
    // macos
    TwoFactorAuth,
    // windows, Windows Hello guide
    WindowsHello,
    DevicePassword,
    // windows, Chrome + Google Password Manager guide
    ChromeSignedIn,
    ChromeSync,
    GooglePasswordManager,
}

impl CheckId {
    pub const ALL: [CheckId; 17] = [
        CheckId::AlreadyUsesPasskeys,
        CheckId::OsVersion,
        CheckId::StandardBrowser,
        CheckId::Biometrics,
        CheckId::ScreenLock,
        CheckId::GoogleAccount,
        CheckId::GoogleAutofill,
        CheckId::Passcode,
        CheckId::AppleAccount,
        CheckId::IcloudKeychainSync,
        CheckId::AutofillPasswordsPasskeys,
        CheckId::TwoFactorAuth,
        CheckId::WindowsHello,
        CheckId::DevicePassword,
        CheckId::ChromeSignedIn,
        CheckId::ChromeSync,
        CheckId::GooglePasswordManager,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::AlreadyUsesPasskeys => "already_uses_passkeys",
            CheckId::OsVersion => "os_version",
            CheckId::StandardBrowser => "standard_browser",
            CheckId::Biometrics => "biometrics",
            CheckId::ScreenLock => "screen_lock",
            CheckId::GoogleAccount => "google_account",
            CheckId::GoogleAutofill => "google_autofill",
            CheckId::Passcode => "passcode",
            CheckId::AppleAccount => "apple_account",
            CheckId::IcloudKeychainSync => "icloud_keychain_sync",
            CheckId::AutofillPasswordsPasskeys => "autofill_passwords_passkeys",
            CheckId::TwoFactorAuth => "two_factor_auth",
            CheckId::WindowsHello => "windows_hello",
            CheckId::DevicePassword => "device_password",
            CheckId::ChromeSignedIn => "chrome_signed_in",
            CheckId::ChromeSync => "chrome_sync",
            CheckId::GooglePasswordManager => "google_password_manager",
        }
    }

    pub fn parse(id: &str) -> Option<CheckId> {
        CheckId::ALL.into_iter().find(|c| c.as_str() == id)
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_ids_match_serde_names() {
        for check in CheckId::ALL {
            let json = serde_json::to_string(&check).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", check.as_str()));
            assert_eq!(CheckId::parse(check.as_str()), Some(check));
        }
    }
}
