// Opening the settings screen for a finding: which screens to try, in order (plain Swift,
// tested on Linux), and the opener that opens them (SystemSettingsOpener.swift on iOS).

/// A screen the SDK can open with a public API. There is none for the Apple Account, iCloud
/// Keychain or passcode screens, and private `App-prefs:` URLs are never used: those
/// findings get `OpenResult.manualSteps` and the app shows the guide section's steps.
public enum SettingsTarget: Sendable, Hashable {
    /// `ASSettingsHelper.openCredentialProviderAppSettings()` (iOS 17+): Settings' AutoFill &
    /// Passwords screen, where "AutoFill Passwords and Passkeys" and the provider are set.
    case credentialProviderSettings
    /// `UIApplication.openSettingsURLString`: the app's own page in Settings, from where the
    /// customer goes back to the Settings list and follows the guide.
    case appSettings
}

/// Opens a settings screen. Apps do not implement it (the SDK's is `SystemSettingsOpener`);
/// tests and previews do.
public protocol SettingsOpener: Sendable {
    /// Returns false when the target could not be opened; the next one is then tried.
    func open(_ target: SettingsTarget) async -> Bool
}

extension SettingsTarget {
    /// Whether the target is the screen where the setting itself is changed. The app's own
    /// page in Settings is not: from there the customer needs the guide's steps.
    public var isTheSettingsScreen: Bool {
        switch self {
        case .credentialProviderSettings: true
        case .appSettings: false
        }
    }
}

/// What `PasskeyReadiness.open` did.
public enum OpenResult: Sendable, Hashable {
    /// The screen where the setting is changed opened (AutoFill & Passwords, iOS 17+).
    case opened(SettingsTarget)
    /// Only the app's own page in Settings opened (before iOS 17, or when the AutoFill &
    /// Passwords screen failed to open): it is not where the setting is, so show the steps
    /// of `section` too; the customer goes from there to the setting.
    case openedFallback(section: String?)
    /// No screen could be opened for the action (none exists, or every one failed): show the
    /// steps of `section` (a guide part id such as `ios.icloud_keychain`) instead.
    case manualSteps(section: String?)

    /// The guide section whose steps the screen must show now; nil when the setting's own
    /// screen opened and nothing more is needed. (A `.openedFallback` or `.manualSteps`
    /// without a section, from `open(_:section:)` called with none, is nil too.)
    public var sectionToShow: String? {
        switch self {
        case .opened: nil
        case let .openedFallback(section), let .manualSteps(section): section
        }
    }
}

/// Which screens an action may open on iOS/iPadOS, preferred first.
public enum SettingsRoute {
    /// The first iOS version with `ASSettingsHelper.openCredentialProviderAppSettings()`.
    public static let credentialProviderMinimumMajorVersion = 17

    /// - `credential_provider_settings` (AutoFill Passwords and Passkeys): on iOS 17+ the
    ///   AutoFill & Passwords screen, then the app's settings page; before 17 the app's
    ///   settings page only. An unknown version tries both (the opener checks availability).
    /// - Everything else has no public API on iOS: `manual_steps_only` (passcode, Apple
    ///   Account, iCloud Keychain, OS update), `open_in_standard_browser` (the customer copies
    ///   the link into Safari) and the Android and Windows actions. Empty list → manual steps.
    public static func targets(for action: SettingsAction, osMajorVersion: Int?) -> [SettingsTarget] {
        switch action {
        case .credentialProviderSettings:
            if let major = osMajorVersion, major < credentialProviderMinimumMajorVersion {
                return [.appSettings]
            }
            return [.credentialProviderSettings, .appSettings]
        case .manualStepsOnly, .openInStandardBrowser,
             .screenLockSettings, .biometricEnroll, .addGoogleAccount, .autofillService,
             .windowsSignInOptions:
            return []
        }
    }

    /// Tries each target in order; the first that opens wins. Opening the app's own page
    /// is `.openedFallback`, carrying `section`: a screen must not treat it as done.
    public static func open(
        _ action: SettingsAction,
        section: String?,
        osMajorVersion: Int?,
        with opener: any SettingsOpener
    ) async -> OpenResult {
        for target in targets(for: action, osMajorVersion: osMajorVersion) {
            if await opener.open(target) {
                return target.isTheSettingsScreen ? .opened(target) : .openedFallback(section: section)
            }
        }
        return .manualSteps(section: section)
    }
}
