// The idiom (iPhone or iPad) is read once, on the main actor, and handed to the reader as a
// value: it reaches the core's report, and a check never waits for the main thread.

import Foundation
import PasskeyReady
import Testing
import XCTest

final class SystemReaderTests: XCTestCase {
    private func sdk(isPad: Bool, runsOnMac: Bool = false, major: Int = 15) throws -> PasskeyReadiness {
        let device = FakeDevice()
        let system = AppleSystemReader(isPad: isPad, runsOnMac: runsOnMac) {
            OperatingSystemVersion(majorVersion: major, minorVersion: 7, patchVersion: 0)
        }
        let readers = DeviceReaders(
            system: system,
            localAuthentication: FakeDevice.Authentication(device: device),
            appleAccount: FakeDevice.Account(device: device)
        )
        return try PasskeyReadiness(readers: readers, opener: FakeOpener(), preferredLanguages: { ["en"] })
    }

    func testTheInjectedIdiomDecidesWhatTheCoreReports() throws {
        let iPad = try sdk(isPad: true).check()
        let iPhone = try sdk(isPad: false).check()
        XCTAssertEqual(iPad.platform, .ipados)
        XCTAssertEqual(iPhone.platform, .ios)
        // iOS 15 is too old on both; the core names the system the customer has.
        let reason = { (report: ReadinessReport) in report.findings.first { $0.check == .osVersion }?.reason ?? "" }
        XCTAssertTrue(reason(iPad).contains("iPadOS 15.7"), reason(iPad))
        XCTAssertTrue(reason(iPhone).contains("iOS 15.7"), reason(iPhone))
        XCTAssertFalse(reason(iPhone).contains("iPadOS"), reason(iPhone))

        let onMac = try sdk(isPad: true, runsOnMac: true, major: 14).check()
        XCTAssertEqual(onMac.platform, .macos)
        XCTAssertEqual(onMac.guide, "mac")
    }

    /// The deadlock the old reader had: the main thread blocks waiting for a check that runs
    /// on another thread. A reader that needs the main thread (the old
    /// `DispatchQueue.main.sync`) never finishes here; the wait times out and the test fails.
    func testACheckOffTheMainThreadNeverWaitsForTheMainThread() throws {
        XCTAssertTrue(Thread.isMainThread, "XCTest runs synchronous tests on the main thread")
        let sdk = try sdk(isPad: true)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Thread {
            outcome.set(Result { try sdk.check() })
            done.signal()
        }.start()
        // The main thread blocks, as an app's does when it waits synchronously for the check.
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success, "check() waited for the blocked main thread")
        XCTAssertEqual(try outcome.get()?.get().platform, .ipados)
    }
}

/// The same from Swift concurrency: the main actor awaits a check made off it.
@MainActor
@Test func aCheckFromABackgroundTaskWhileTheMainActorAwaits() async throws {
    let system = AppleSystemReader(isPad: false, runsOnMac: false) {
        OperatingSystemVersion(majorVersion: 17, minorVersion: 4, patchVersion: 0)
    }
    let device = FakeDevice()
    let readers = DeviceReaders(
        system: system,
        localAuthentication: FakeDevice.Authentication(device: device),
        appleAccount: FakeDevice.Account(device: device)
    )
    let sdk = try PasskeyReadiness(readers: readers, opener: FakeOpener())
    let report = try await Task.detached { try sdk.check() }.value
    #expect(report.platform == .ios)
}

/// A result handed from one thread to another.
private final class Outcome: @unchecked Sendable {
    // @unchecked: `value` is only touched with `lock` held.
    private let lock = NSLock()
    private var value: Result<ReadinessReport, any Error>?

    func set(_ result: Result<ReadinessReport, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        value = result
    }

    func get() -> Result<ReadinessReport, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
