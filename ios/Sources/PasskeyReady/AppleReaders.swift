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
/// Apple Account with iCloud Drive on. Nil does not mean signed out (iCloud Drive may be off),
/// so it maps to unknown, never to no (see `SignalMapping.appleAccount`). The token is an
/// opaque value; the SDK only checks that there is one and never keeps it.
public struct UbiquityIdentityReader: AppleAccountReader {
    public init() {}

    public func hasUbiquityIdentityToken() -> Bool {
        FileManager.default.ubiquityIdentityToken != nil
    }
}
#endif

#if canImport(UIKit) && os(iOS)
import UIKit

/// iOS or iPadOS from `UIDevice.current.userInterfaceIdiom`, the version from `ProcessInfo`.
public struct UIKitSystemReader: SystemReader {
    /// Whether this is an iPad, once read: it never changes while the app runs.
    private static let isPad = Locked<Bool?>(nil)

    public init() {
        // Read it now if we can: the SDK is usually made on the main thread.
        if Thread.isMainThread { _ = Self.readIsPad() }
    }

    public func platform() -> Platform {
        let info = ProcessInfo.processInfo
        let runsOnMac = info.isiOSAppOnMac || info.isMacCatalystApp
        return SignalMapping.platform(isPad: Self.readIsPad(), runsOnMac: runsOnMac)
    }

    public func osVersion() -> OperatingSystemVersion? {
        ProcessInfo.processInfo.operatingSystemVersion
    }

    /// `UIDevice` belongs to the main actor, while `check()` may run on any thread. Off the
    /// main thread, before the first read on it, this waits for the main thread once.
    private static func readIsPad() -> Bool {
        if let known = isPad.withLock({ $0 }) { return known }
        let read: @Sendable () -> Bool = {
            MainActor.assumeIsolated { UIDevice.current.userInterfaceIdiom == .pad }
        }
        let value = Thread.isMainThread ? read() : DispatchQueue.main.sync(execute: read)
        isPad.withLock { $0 = value }
        return value
    }
}
#elseif os(macOS)
/// For `swift test` on a Mac: the Mac itself.
public struct MacSystemReader: SystemReader {
    public init() {}
    public func platform() -> Platform { .macos }
    public func osVersion() -> OperatingSystemVersion? { ProcessInfo.processInfo.operatingSystemVersion }
}
#endif

#if canImport(LocalAuthentication) && canImport(Darwin) && (os(iOS) || os(macOS))
extension DeviceReaders {
    /// The real device: LocalAuthentication, the ubiquity identity token and the OS version.
    public static var device: DeviceReaders {
        #if os(iOS)
        let system: any SystemReader = UIKitSystemReader()
        #else
        let system: any SystemReader = MacSystemReader()
        #endif
        return DeviceReaders(
            system: system,
            localAuthentication: LAContextReader(),
            appleAccount: UbiquityIdentityReader()
        )
    }
}
#endif
