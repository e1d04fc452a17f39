// What the SDK reads on the device, behind small protocols so that the logic (which reading
// means yes, no or unknown) is plain Swift, tested on Linux with fakes. The real readers are
// in AppleReaders.swift.

import Foundation

/// The system the app runs on and its version.
public protocol SystemReader: Sendable {
    /// `.ios` or `.ipados` (`.macos` for an iPhone/iPad app running on a Mac).
    func platform() -> Platform
    /// `ProcessInfo.processInfo.operatingSystemVersion`; nil when unknown.
    func osVersion() -> OperatingSystemVersion?
}

/// iOS, iPadOS or an iPhone/iPad app on a Mac, from values read once when the SDK is made.
///
/// The UIKit idiom (`UIDevice.current.userInterfaceIdiom`) belongs to the main actor, while
/// `check()` may run on any thread. Reading it on demand meant waiting for the main thread
/// from a background one, a deadlock whenever the main thread waited for that `check()`.
/// So it is read once, on the main actor (`AppleSystemReader.current`, `DeviceReaders.device`),
/// and this reader only holds the answer: it never touches the main thread.
public struct AppleSystemReader: SystemReader {
    /// `userInterfaceIdiom == .pad`.
    public let isPad: Bool
    /// `ProcessInfo.isiOSAppOnMac || isMacCatalystApp`.
    public let runsOnMac: Bool
    private let version: @Sendable () -> OperatingSystemVersion?

    /// - Parameter osVersion: read on every check (thread-safe); the default is
    ///   `ProcessInfo.processInfo.operatingSystemVersion`.
    public init(
        isPad: Bool,
        runsOnMac: Bool,
        osVersion: @escaping @Sendable () -> OperatingSystemVersion? = { ProcessInfo.processInfo.operatingSystemVersion }
    ) {
        self.isPad = isPad
        self.runsOnMac = runsOnMac
        self.version = osVersion
    }

    public func platform() -> Platform {
        SignalMapping.platform(isPad: isPad, runsOnMac: runsOnMac)
    }

    public func osVersion() -> OperatingSystemVersion? {
        version()
    }
}

/// What `LAContext.canEvaluatePolicy(_:error:)` said, without the `LAError` type (which only
/// exists on Apple platforms).
public enum LocalAuthenticationOutcome: Sendable, Hashable {
    /// `canEvaluatePolicy` returned true.
    case canEvaluate
    /// `LAError.passcodeNotSet`.
    case passcodeNotSet
    /// `LAError.biometryNotEnrolled`.
    case biometryNotEnrolled
    /// `LAError.biometryNotAvailable`: no sensor, or the customer turned Face ID off for the app.
    case biometryNotAvailable
    /// `LAError.biometryLockout`: too many failed attempts; biometrics are enrolled.
    case biometryLockout
    /// Any other error, with its code.
    case otherError(code: Int)
}

/// The device's biometric sensor, from `LAContext.biometryType`.
public enum BiometryKind: Sendable, Hashable {
    case none
    case touchID
    case faceID
    /// A kind this SDK does not name (Optic ID on Vision Pro, future kinds).
    case other
}

/// Reads LocalAuthentication. Never prompts: `canEvaluatePolicy` only, never `evaluatePolicy`.
public protocol LocalAuthenticationReader: Sendable {
    /// `canEvaluatePolicy(.deviceOwnerAuthentication)`: is a passcode set?
    func passcode() -> LocalAuthenticationOutcome
    /// `canEvaluatePolicy(.deviceOwnerAuthenticationWithBiometrics)` and then `biometryType`.
    func biometrics() -> (outcome: LocalAuthenticationOutcome, kind: BiometryKind)
}

/// A hint whether the device is signed in to an Apple Account.
public protocol AppleAccountReader: Sendable {
    /// `FileManager.default.ubiquityIdentityToken != nil`.
    func hasUbiquityIdentityToken() -> Bool
}

/// The three readers the SDK uses. `DeviceReaders.device` (Apple platforms, on the main
/// actor) reads the real device; tests and previews pass fakes.
public struct DeviceReaders: Sendable {
    public var system: any SystemReader
    public var localAuthentication: any LocalAuthenticationReader
    public var appleAccount: any AppleAccountReader

    public init(
        system: any SystemReader,
        localAuthentication: any LocalAuthenticationReader,
        appleAccount: any AppleAccountReader
    ) {
        self.system = system
        self.localAuthentication = localAuthentication
        self.appleAccount = appleAccount
    }

    /// Reads everything once.
    public func observe() -> DeviceObservation {
        let platform = system.platform()
        var signals: [CheckId: Signal] = [:]
        var biometry = BiometryKind.none
        switch platform {
        case .ios, .ipados:
            signals[.passcode] = SignalMapping.passcode(localAuthentication.passcode())
            let reading = localAuthentication.biometrics()
            signals[.biometrics] = SignalMapping.biometrics(reading.outcome)
            biometry = reading.kind
            signals[.appleAccount] = SignalMapping.appleAccount(
                hasUbiquityIdentityToken: appleAccount.hasUbiquityIdentityToken())
            // No API tells an app whether iCloud Keychain syncs or whether "AutoFill Passwords
            // and Passkeys" is on: the customer is asked.
            signals[.icloudKeychainSync] = .unknown
            signals[.autofillPasswordsPasskeys] = .unknown
        case .macos:
            // An iPhone/iPad app on a Mac: the Mac guide's checks (no passcode check there).
            signals[.appleAccount] = SignalMapping.appleAccount(
                hasUbiquityIdentityToken: appleAccount.hasUbiquityIdentityToken())
            signals[.twoFactorAuth] = .unknown
            signals[.icloudKeychainSync] = .unknown
        case .android, .windows:
            break
        }
        return DeviceObservation(
            platform: platform,
            osVersion: system.osVersion().map(SignalMapping.versionString),
            signals: signals,
            biometry: biometry
        )
    }
}

/// What the readers saw, before the customer's answers.
public struct DeviceObservation: Sendable, Hashable {
    public var platform: Platform
    /// `17.4.1`; nil when unknown.
    public var osVersion: String?
    /// Only what could be observed; `.unknown` where an app cannot read the setting.
    public var signals: [CheckId: Signal]
    /// For the app's wording ("Face ID", "Touch ID"); not a check of its own.
    public var biometry: BiometryKind

    public init(platform: Platform, osVersion: String?, signals: [CheckId: Signal], biometry: BiometryKind) {
        self.platform = platform
        self.osVersion = osVersion
        self.signals = signals
        self.biometry = biometry
    }

    /// The snapshot the core evaluates.
    public func snapshot(userAgent: String? = nil) -> DeviceSnapshot {
        DeviceSnapshot(platform: platform, osVersion: osVersion, userAgent: userAgent, signals: signals)
    }
}

/// From what the OS said to a tri-state signal. Plain Swift: tested on Linux.
public enum SignalMapping {
    /// `.deviceOwnerAuthentication` can be evaluated → a passcode is set; `.passcodeNotSet` →
    /// none is; any other error says nothing about the passcode.
    public static func passcode(_ outcome: LocalAuthenticationOutcome) -> Signal {
        switch outcome {
        case .canEvaluate: .yes
        case .passcodeNotSet: .no
        case .biometryNotEnrolled, .biometryNotAvailable, .biometryLockout, .otherError: .unknown
        }
    }

    /// Biometrics (information only): usable or locked out → enrolled; not enrolled, or no
    /// passcode (biometrics cannot be on without one) → no; not available (no sensor, or Face
    /// ID turned off for this app) and anything else → unknown.
    public static func biometrics(_ outcome: LocalAuthenticationOutcome) -> Signal {
        switch outcome {
        case .canEvaluate, .biometryLockout: .yes
        case .biometryNotEnrolled, .passcodeNotSet: .no
        case .biometryNotAvailable, .otherError: .unknown
        }
    }

    /// A ubiquity identity token means the device is signed in to an Apple Account with
    /// iCloud Drive on. No token is *not* "signed out": iCloud Drive may simply be off, or the
    /// app may have no iCloud entitlement. So nil → unknown, and the customer is asked.
    public static func appleAccount(hasUbiquityIdentityToken: Bool) -> Signal {
        hasUbiquityIdentityToken ? .yes : .unknown
    }

    /// `ios`/`ipados` from the UIKit idiom; `macos` for an iPhone/iPad app on a Mac
    /// (`ProcessInfo.isiOSAppOnMac`, `isMacCatalystApp`).
    public static func platform(isPad: Bool, runsOnMac: Bool) -> Platform {
        if runsOnMac { return .macos }
        return isPad ? .ipados : .ios
    }

    /// `17.4.1` (always three numbers: the core reads the leading ones).
    public static func versionString(_ version: OperatingSystemVersion) -> String {
        "\(version.majorVersion).\(version.minorVersion).\(version.patchVersion)"
    }
}
