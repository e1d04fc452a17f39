// Fake readers and opener: what an iPhone would report, set by the test.

import Foundation
import PasskeyReady

/// A device whose readings a test sets and changes. Thread-safe.
final class FakeDevice: @unchecked Sendable {
    // @unchecked: every stored property is guarded by `lock`.
    struct State {
        var platform: Platform = .ios
        var osVersion: OperatingSystemVersion? = OperatingSystemVersion(majorVersion: 17, minorVersion: 4, patchVersion: 1)
        var passcode: LocalAuthenticationOutcome = .canEvaluate
        var biometrics: LocalAuthenticationOutcome = .canEvaluate
        var biometry: BiometryKind = .faceID
        var ubiquityToken = true
    }

    private let lock = NSLock()
    private var state = State()

    init(_ configure: (inout State) -> Void = { _ in }) {
        configure(&state)
    }

    func update(_ change: (inout State) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&state)
    }

    var current: State {
        lock.lock()
        defer { lock.unlock() }
        return state
    }

    var readers: DeviceReaders {
        DeviceReaders(system: System(device: self), localAuthentication: Authentication(device: self), appleAccount: Account(device: self))
    }

    struct System: SystemReader {
        let device: FakeDevice
        func platform() -> Platform { device.current.platform }
        func osVersion() -> OperatingSystemVersion? { device.current.osVersion }
    }

    struct Authentication: LocalAuthenticationReader {
        let device: FakeDevice
        func passcode() -> LocalAuthenticationOutcome { device.current.passcode }
        func biometrics() -> (outcome: LocalAuthenticationOutcome, kind: BiometryKind) {
            (device.current.biometrics, device.current.biometry)
        }
    }

    struct Account: AppleAccountReader {
        let device: FakeDevice
        func hasUbiquityIdentityToken() -> Bool { device.current.ubiquityToken }
    }
}

/// Records what it was asked to open; fails for the targets it is told to.
actor FakeOpener: SettingsOpener {
    private(set) var attempts: [SettingsTarget] = []
    private let failing: Set<SettingsTarget>

    init(failing: Set<SettingsTarget> = []) {
        self.failing = failing
    }

    func open(_ target: SettingsTarget) async -> Bool {
        attempts.append(target)
        return !failing.contains(target)
    }
}
