//! What a shell opens to fix a finding. Typed, never a free string: content cannot add one.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum SettingsAction {
    /// Android: set a pattern, PIN or password.
    ScreenLockSettings,
    /// Android: enrol a fingerprint or face (information only; never required).
    BiometricEnroll,
    /// Android: add a Google account.
    AddGoogleAccount,
    /// Android before 14: choose the autofill service.
    AutofillService,
    /// Android 14+: "Passwords, passkeys & accounts"; iOS 17+: AutoFill & Passwords.
    CredentialProviderSettings,
    /// Reopen the page in the device's standard browser (not an in-app browser).
    OpenInStandardBrowser,
    /// Windows: Settings > Accounts > Sign-in options.
    WindowsSignInOptions,
    /// No public API reaches the screen: the guide section's steps are the way.
    ManualStepsOnly,
}

impl SettingsAction {
    pub fn as_str(self) -> &'static str {
        match self {
            SettingsAction::ScreenLockSettings => "screen_lock_settings",
            SettingsAction::BiometricEnroll => "biometric_enroll",
            SettingsAction::AddGoogleAccount => "add_google_account",
            SettingsAction::AutofillService => "autofill_service",
            SettingsAction::CredentialProviderSettings => "credential_provider_settings",
            SettingsAction::OpenInStandardBrowser => "open_in_standard_browser",
            SettingsAction::WindowsSignInOptions => "windows_sign_in_options",
            SettingsAction::ManualStepsOnly => "manual_steps_only",
        }
    }
}
