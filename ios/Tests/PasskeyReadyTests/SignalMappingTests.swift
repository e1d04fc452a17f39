// What each OS reading means: plain Swift, so it is tested here rather than on a device.

import Foundation
import PasskeyReady
import XCTest

final class SignalMappingTests: XCTestCase {
    static let otherErrors: [LocalAuthenticationOutcome] = [.otherError(code: -1), .otherError(code: -1004), .otherError(code: 0)]

    func testPasscode() {
        XCTAssertEqual(SignalMapping.passcode(.canEvaluate), .yes)
        XCTAssertEqual(SignalMapping.passcode(.passcodeNotSet), .no)
        // Errors that say nothing about the passcode.
        for outcome in [.biometryNotEnrolled, .biometryNotAvailable, .biometryLockout] + Self.otherErrors {
            XCTAssertEqual(SignalMapping.passcode(outcome), .unknown, "\(outcome)")
        }
    }

    func testBiometrics() {
        XCTAssertEqual(SignalMapping.biometrics(.canEvaluate), .yes)
        XCTAssertEqual(SignalMapping.biometrics(.biometryLockout), .yes, "locked out means enrolled")
        XCTAssertEqual(SignalMapping.biometrics(.biometryNotEnrolled), .no)
        XCTAssertEqual(SignalMapping.biometrics(.passcodeNotSet), .no, "no biometrics without a passcode")
        XCTAssertEqual(SignalMapping.biometrics(.biometryNotAvailable), .unknown, "no sensor, or Face ID off for the app")
        for outcome in Self.otherErrors {
            XCTAssertEqual(SignalMapping.biometrics(outcome), .unknown, "\(outcome)")
        }
    }

    func testAppleAccountIsNeverNo() {
        XCTAssertEqual(SignalMapping.appleAccount(hasUbiquityIdentityToken: true), .yes)
        // iCloud Drive may be off: no token is not "signed out".
        XCTAssertEqual(SignalMapping.appleAccount(hasUbiquityIdentityToken: false), .unknown)
    }

    func testPlatform() {
        XCTAssertEqual(SignalMapping.platform(isPad: false, runsOnMac: false), .ios)
        XCTAssertEqual(SignalMapping.platform(isPad: true, runsOnMac: false), .ipados)
        XCTAssertEqual(SignalMapping.platform(isPad: true, runsOnMac: true), .macos)
        XCTAssertEqual(SignalMapping.platform(isPad: false, runsOnMac: true), .macos)
    }

    func testVersionString() {
        XCTAssertEqual(SignalMapping.versionString(OperatingSystemVersion(majorVersion: 17, minorVersion: 4, patchVersion: 1)), "17.4.1")
        XCTAssertEqual(SignalMapping.versionString(OperatingSystemVersion(majorVersion: 16, minorVersion: 0, patchVersion: 0)), "16.0.0")
    }

    func testObservationOfAnIPhone() {
        let device = FakeDevice {
            $0.passcode = .canEvaluate
            $0.biometrics = .biometryNotEnrolled
            $0.biometry = .touchID
            $0.ubiquityToken = false
        }
        let observation = device.readers.observe()
        XCTAssertEqual(observation.platform, .ios)
        XCTAssertEqual(observation.osVersion, "17.4.1")
        XCTAssertEqual(observation.biometry, .touchID)
        XCTAssertEqual(observation.signals, [
            .passcode: .yes,
            .biometrics: .no,
            .appleAccount: .unknown,
            // Cannot be read by an app: always questions.
            .icloudKeychainSync: .unknown,
            .autofillPasswordsPasskeys: .unknown,
        ])
        let snapshot = observation.snapshot(userAgent: "UA")
        XCTAssertEqual(snapshot.platform, .ios)
        XCTAssertEqual(snapshot.osVersion, "17.4.1")
        XCTAssertEqual(snapshot.userAgent, "UA")
        XCTAssertEqual(snapshot.signals, observation.signals)
    }

    func testObservationOfAnIPhoneAppOnAMacHasOnlyMacChecks() throws {
        let device = FakeDevice { $0.platform = .macos }
        let observation = device.readers.observe()
        XCTAssertEqual(Set(observation.signals.keys), [.appleAccount, .twoFactorAuth, .icloudKeychainSync])
        // The core accepts it: every signal applies to macOS.
        let readiness = try PasskeyReadiness(readers: device.readers, opener: FakeOpener())
        XCTAssertEqual(try readiness.check().platform, .macos)
    }

    func testUnknownOSVersion() throws {
        let device = FakeDevice { $0.osVersion = nil }
        XCTAssertNil(device.readers.observe().osVersion)
        let report = try PasskeyReadiness(readers: device.readers, opener: FakeOpener()).check()
        XCTAssertEqual(report.findings.first { $0.check == .osVersion }?.status, .unknown)
    }
}
