// The help screen's model, driven as PasskeyHelpView drives it, with fake readers and a fake
// opener: questions answered, settings opened and re-checked on return, the fallback's steps,
// errors as state, the check off the main actor.

import Foundation
import PasskeyReady
import Testing

/// Records, at each reading of the device, whether the main actor was free meanwhile: it
/// asks the main actor to run a task and waits for it. A reading made on the main actor
/// would wait in vain (the timeout keeps a failing test from hanging).
private final class MainActorProbe: @unchecked Sendable {
    // @unchecked: `free` is only touched with `lock` held.
    private let lock = NSLock()
    private var free: [Bool] = []

    func probe() {
        let ran = DispatchSemaphore(value: 0)
        Task { @MainActor in ran.signal() }
        let wasFree = ran.wait(timeout: .now() + 5) == .success
        lock.lock()
        defer { lock.unlock() }
        free.append(wasFree)
    }

    var readings: [Bool] {
        lock.lock()
        defer { lock.unlock() }
        return free
    }
}

private struct ProbingSystem: SystemReader {
    let device: FakeDevice
    let probe: MainActorProbe
    func platform() -> Platform { device.current.platform }
    func osVersion() -> OperatingSystemVersion? {
        probe.probe()
        return device.current.osVersion
    }
}

@MainActor
private func makeModel(
    _ device: FakeDevice = FakeDevice(),
    opener: FakeOpener = FakeOpener(),
    userAgent: String? = nil,
    languages: [String] = ["ja-JP"]
) throws -> PasskeyHelpModel {
    let readiness = try PasskeyReadiness(
        readers: device.readers,
        opener: opener,
        userAgent: userAgent,
        preferredLanguages: { languages }
    )
    return PasskeyHelpModel(readiness: readiness)
}

private func row(_ check: CheckId, of state: PasskeyHelpState) throws -> HelpRow {
    let screen = try #require(state.screen, "no screen")
    return try #require(([screen.alreadyUsing].compactMap { $0 } + screen.rows).first { $0.check == check }, "no row \(check.id)")
}

@Suite("help screen model")
@MainActor
struct PasskeyHelpModelTests {
    @Test("unknown → question → answer: the row changes, every label from the content")
    func answerChangesTheRow() async throws {
        let model = try makeModel(languages: ["en-GB"])
        var published: [PasskeyHelpState] = []
        model.onChange = { published.append($0) }
        let labels = try model.readiness.guide(locale: .en).screen

        #expect(model.state.screen == nil)
        await model.refresh().value
        let screen = try #require(model.state.screen)
        #expect(screen.locale == .en)
        #expect(screen.banner.kind == .needsAnswers)
        #expect(screen.banner.heading == labels.bannerNeedsAnswers)
        var keychain = try row(.icloudKeychainSync, of: model.state)
        #expect(keychain.kind == .toAnswer)
        #expect(keychain.statusLabel == labels.statusUnknown)
        let question = try #require(keychain.question)
        #expect(question.yesLabel == labels.answerYes)
        #expect(question.noLabel == labels.answerNo)
        // Loading, then the screen: what a view is told.
        #expect(published.map(\.isLoading) == [true, false])

        await model.answer(question.check, yes: false).value
        keychain = try row(.icloudKeychainSync, of: model.state)
        #expect(keychain.kind == .toFix)
        #expect(keychain.statusLabel == labels.statusFail)
        #expect(keychain.question == nil)
        #expect(model.state.screen?.banner.kind == .notReady)
        #expect(try model.readiness.answers == [.icloudKeychainSync: false])

        await model.answer(question.check, yes: true).value
        #expect(try row(.icloudKeychainSync, of: model.state).kind == .done)
        #expect(model.state.error == nil)
        #expect(!model.state.isLoading)
    }

    @Test("open settings: the answer is forgotten; back in the app the device is read again")
    func openSettingsThenComeBack() async throws {
        let device = FakeDevice()
        let opener = FakeOpener()
        let model = try makeModel(device, opener: opener)
        await model.answer(.autofillPasswordsPasskeys, yes: false).value
        let autofill = try row(.autofillPasswordsPasskeys, of: model.state)
        let button = try #require(autofill.button, "a setting to fix with a screen has a button")
        #expect(button.action == .credentialProviderSettings)
        #expect(try button.label == model.readiness.guide().screen.openSettings)

        await model.openSettings(autofill).value
        #expect(await opener.attempts == [.credentialProviderSettings])
        #expect(try model.readiness.answers.isEmpty)
        // iOS 17: the setting's own screen opened, no steps needed.
        #expect(!model.showsSteps(autofill))
        // Nothing is re-read until the customer is back.
        #expect(try row(.autofillPasswordsPasskeys, of: model.state).kind == .toFix)

        // Meanwhile the customer also removed the passcode.
        device.update { $0.passcode = .passcodeNotSet; $0.biometrics = .passcodeNotSet }
        await model.sceneBecameActive().value
        #expect(try row(.autofillPasswordsPasskeys, of: model.state).kind == .toAnswer)
        #expect(try row(.passcode, of: model.state).kind == .toFix)
    }

    @Test("before iOS 17, or when nothing opens, the row's steps are shown")
    func fallbackShowsSteps() async throws {
        let iOS16 = FakeDevice { $0.osVersion = .init(majorVersion: 16, minorVersion: 7, patchVersion: 8) }
        let cases: [(FakeDevice, FakeOpener, [SettingsTarget])] = [
            (iOS16, FakeOpener(), [.appSettings]),
            (FakeDevice(), FakeOpener(failing: [.credentialProviderSettings, .appSettings]), [.credentialProviderSettings, .appSettings]),
        ]
        for (device, opener, attempts) in cases {
            let model = try makeModel(device, opener: opener)
            await model.answer(.autofillPasswordsPasskeys, yes: false).value
            let autofill = try row(.autofillPasswordsPasskeys, of: model.state)
            let section = try #require(autofill.section)
            #expect(section.id == autofill.button?.section)
            #expect(!section.steps.isEmpty)
            #expect(!model.showsSteps(autofill))

            await model.openSettings(autofill).value
            #expect(await opener.attempts == attempts)
            #expect(model.showsSteps(autofill), "\(attempts)")
        }
    }

    @Test("showing a row's steps forgets its answer: the next check asks again")
    func stepsForgetTheAnswer() async throws {
        let model = try makeModel()
        await model.answer(.icloudKeychainSync, yes: false).value
        let keychain = try row(.icloudKeychainSync, of: model.state)
        #expect(keychain.button == nil, "iCloud Keychain has no screen to open: its steps are the way")
        #expect(keychain.section?.id == "ios.icloud_keychain")

        await model.toggleSteps(keychain)?.value
        #expect(model.showsSteps(keychain))
        #expect(try model.readiness.answers.isEmpty)
        #expect(try row(.icloudKeychainSync, of: model.state).kind == .toFix, "the screen on show stays")
        await model.sceneBecameActive().value
        #expect(try row(.icloudKeychainSync, of: model.state).kind == .toAnswer)
        #expect(model.showsSteps(keychain), "the steps stay open across checks")

        #expect(model.toggleSteps(keychain) == nil)
        #expect(!model.showsSteps(keychain))
    }

    @Test("errors are state: the SDK's error, the screen kept, cleared by the next success")
    func errorsAreState() async throws {
        let model = try makeModel()
        await model.refresh().value
        let before = try #require(model.state.screen)

        await model.answer(.screenLock, yes: true).value
        guard case let .invalidSnapshot(field, _)? = model.state.error else {
            Issue.record("expected .invalidSnapshot, got \(String(describing: model.state.error))")
            return
        }
        #expect(field == "signals.screen_lock")
        #expect(model.state.screen == before)
        #expect(!model.state.isLoading)
        #expect(try model.readiness.answers.isEmpty)

        await model.refresh().value
        #expect(model.state.error == nil)

        // A user agent over the core's limit: no screen can be made at all.
        let refused = try makeModel(userAgent: String(repeating: "a", count: 2000))
        await refused.refresh().value
        #expect(refused.state.screen == nil)
        #expect(refused.state.error?.field == "user_agent")
    }

    @Test("the device is read off the main actor, and intents run in the order called")
    func offTheMainActorInOrder() async throws {
        let device = FakeDevice()
        let probe = MainActorProbe()
        let readers = DeviceReaders(
            system: ProbingSystem(device: device, probe: probe),
            localAuthentication: device.readers.localAuthentication,
            appleAccount: device.readers.appleAccount
        )
        let model = PasskeyHelpModel(readiness: try PasskeyReadiness(readers: readers, opener: FakeOpener()))

        model.answer(.icloudKeychainSync, yes: true)
        model.answer(.icloudKeychainSync, yes: false)
        await model.refresh().value
        #expect(try model.readiness.answers == [.icloudKeychainSync: false])
        #expect(try row(.icloudKeychainSync, of: model.state).kind == .toFix)
        #expect(probe.readings.count == 3)
        #expect(probe.readings.allSatisfy { $0 }, "the main actor was busy during a reading: \(probe.readings)")
    }
}

extension PasskeyReadyError {
    /// The field an `.invalidInput` or `.invalidSnapshot` names.
    fileprivate var field: String? {
        switch self {
        case let .invalidInput(field, _), let .invalidSnapshot(field, _): field
        case .invalidBundle, .coreFailure: nil
        }
    }
}
