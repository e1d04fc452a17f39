// The real readers. Only the OS calls live here; what a reading means is decided in
// DeviceReaders.swift (SignalMapping), which is tested on Linux. Nothing here is compiled on
// Linux, so keep it to documented APIs and keep it thin.

import Foundation

#if canImport(LocalAuthentication)
import LocalAuthentication

/// `LAContext.canEvaluatePolicy(_:error:)`, a fresh context per call. Never shows a prompt.
public struct LAContextReader: LocalAuthenticationReader {
    public init() {}

    public func passcode() -> LocalAuthenticationOutcome {
        let context = LAContext()
        var error: NSError?
        let canEvaluate = context.canEvaluatePolicy(.deviceOwnerAuthentication, error: &error)
        return canEvaluate ? .canEvaluate : LocalAuthenticationOutcome(error)
    }

    public func biometrics() -> (outcome: LocalAuthenticationOutcome, kind: BiometryKind) {
        let context = LAContext()
        var error: NSError?
        let canEvaluate = context.canEvaluatePolicy(.deviceOwnerAuthenticationWithBiometrics, error: &error)
        // `biometryType` is set by `canEvaluatePolicy`, whatever it returned.
        let kind: BiometryKind
        switch context.biometryType {
        case .none: kind = .none
        case .touchID: kind = .touchID
        case .faceID: kind = .faceID
        default: kind = .other
        }
        return (canEvaluate ? .canEvaluate : LocalAuthenticationOutcome(error), kind)
    }
}

extension LocalAuthenticationOutcome {
    /// From the error `canEvaluatePolicy` filled in.
    init(_ error: NSError?) {
        guard let error else {
            self = .otherError(code: 0)
            return
        }
        guard error.domain == LAErrorDomain, let code = LAError.Code(rawValue: error.code) else {
            self = .otherError(code: error.code)
            return
        }
        switch code {
        case .passcodeNotSet: self = .passcodeNotSet
        case .biometryNotEnrolled: self = .biometryNotEnrolled
        case .biometryNotAvailable: self = .biometryNotAvailable
        case .biometryLockout: self = .biometryLockout
        default: self = .otherError(code: error.code)
        }
    }
}
#endif

#if canImport(Darwin)
/// `FileManager.default.ubiquityIdentityToken`: non-nil when the device is signed in to an
/// Apple Account with iCloud Drive on *and* the app has the iCloud (iCloud Documents)
/// entitlement; without it the token is always nil. Nil does not mean signed out, so it maps
/// to unknown, never to no (see `SignalMapping.appleAccount`), and the customer is asked.
/// The SDK asks for no entitlement. The token is an opaque value; the SDK only checks that
/// there is one and never keeps it.
public struct UbiquityIdentityReader: AppleAccountReader {
    public init() {}

    public func hasUbiquityIdentityToken() -> Bool {
        FileManager.default.ubiquityIdentityToken != nil
    }
}
#endif

#if canImport(UIKit) && os(iOS)
import UIKit

extension AppleSystemReader {
    /// This iPhone or iPad. Reads the idiom now, on the main actor where `UIDevice` belongs,
    /// so that no later check waits for the main thread (see `AppleSystemReader`).
    @MainActor
    public static var current: AppleSystemReader {
        let info = ProcessInfo.processInfo
        return AppleSystemReader(
            isPad: UIDevice.current.userInterfaceIdiom == .pad,
            runsOnMac: info.isiOSAppOnMac || info.isMacCatalystApp
        )
    }
}
#elseif os(macOS)
extension AppleSystemReader {
    /// For `swift test` on a Mac: the Mac itself. Main actor like the iOS one, so that code
    /// using it compiles the same on both.
    @MainActor
    public static var current: AppleSystemReader {
        AppleSystemReader(isPad: false, runsOnMac: true)
    }
}
#endif

#if canImport(LocalAuthentication) && canImport(Darwin) && (os(iOS) || os(macOS))
extension DeviceReaders {
    /// The real device: LocalAuthentication, the ubiquity identity token and the system as
    /// read by `AppleSystemReader.current` (on the main actor, once).
    @MainActor
    public static var device: DeviceReaders {
        DeviceReaders(
            system: AppleSystemReader.current,
            localAuthentication: LAContextReader(),
            appleAccount: UbiquityIdentityReader()
        )
    }
}
#endif
