// Which screen each action opens, per iOS version, with a fake opener that can fail.

import PasskeyReady
import Testing

let allActions: [SettingsAction] = [
    .screenLockSettings, .biometricEnroll, .addGoogleAccount, .autofillService,
    .credentialProviderSettings, .openInStandardBrowser, .windowsSignInOptions, .manualStepsOnly,
]

/// Every action but the one with a screen on iOS. (A closure inside `@Test(arguments:)`
/// crashes Swift 6.0.3's compiler, so the list is computed here.)
let manualActions = allActions.filter { $0 != .credentialProviderSettings }

@Suite("settings route")
struct SettingsRouteTests {
    @Test("AutoFill & Passwords: ASSettingsHelper from iOS 17, the app's settings page before")
    func credentialProvider() {
        #expect(SettingsRoute.targets(for: .credentialProviderSettings, osMajorVersion: 16) == [.appSettings])
        #expect(SettingsRoute.targets(for: .credentialProviderSettings, osMajorVersion: 15) == [.appSettings])
        #expect(SettingsRoute.targets(for: .credentialProviderSettings, osMajorVersion: 17) == [.credentialProviderSettings, .appSettings])
        #expect(SettingsRoute.targets(for: .credentialProviderSettings, osMajorVersion: 26) == [.credentialProviderSettings, .appSettings])
        // Unknown version: try both; the real opener checks availability itself.
        #expect(SettingsRoute.targets(for: .credentialProviderSettings, osMajorVersion: nil) == [.credentialProviderSettings, .appSettings])
    }

    @Test("no public API reaches the other screens on iOS", arguments: manualActions)
    func manualOnly(_ action: SettingsAction) {
        for version in [nil, 15, 16, 17, 18] {
            #expect(SettingsRoute.targets(for: action, osMajorVersion: version).isEmpty)
        }
    }

    @Test("iOS 17: AutoFill & Passwords opens")
    func opensOn17() async throws {
        let opener = FakeOpener()
        let readiness = try PasskeyReadiness(readers: FakeDevice().readers, opener: opener)
        let result = await readiness.open(.credentialProviderSettings, section: "ios.autofill")
        #expect(result == .opened(.credentialProviderSettings))
        #expect(await opener.attempts == [.credentialProviderSettings])
    }

    @Test("iOS 17: when ASSettingsHelper fails, the app's settings page, with the steps")
    func fallsThroughOn17() async throws {
        let opener = FakeOpener(failing: [.credentialProviderSettings])
        let readiness = try PasskeyReadiness(readers: FakeDevice().readers, opener: opener)
        let result = await readiness.open(.credentialProviderSettings, section: "ios.autofill")
        #expect(result == .openedFallback(section: "ios.autofill"))
        #expect(result.sectionToShow == "ios.autofill")
        #expect(await opener.attempts == [.credentialProviderSettings, .appSettings])
    }

    @Test("iOS 16: the app's settings page only, and the steps are still shown")
    func appSettingsOn16() async throws {
        let device = FakeDevice { $0.osVersion = .init(majorVersion: 16, minorVersion: 7, patchVersion: 8) }
        let opener = FakeOpener()
        let readiness = try PasskeyReadiness(readers: device.readers, opener: opener)
        let result = await readiness.open(.credentialProviderSettings, section: "ios.autofill")
        #expect(result == .openedFallback(section: "ios.autofill"))
        #expect(result.sectionToShow == "ios.autofill")
        #expect(await opener.attempts == [.appSettings])
    }

    @Test("the result per OS version: done only where the AutoFill screen itself opens", arguments: [nil, 15, 16, 17, 18, 26])
    func resultPerVersion(_ major: Int?) async throws {
        let device = FakeDevice { $0.osVersion = major.map { .init(majorVersion: $0, minorVersion: 0, patchVersion: 0) } }
        let readiness = try PasskeyReadiness(readers: device.readers, opener: FakeOpener())
        let result = await readiness.open(.credentialProviderSettings, section: "ios.autofill")
        if let major, major < 17 {
            #expect(result == .openedFallback(section: "ios.autofill"))
            #expect(result.sectionToShow == "ios.autofill")
        } else {
            #expect(result == .opened(.credentialProviderSettings))
            #expect(result.sectionToShow == nil)
        }
    }

    @Test("when every target fails, the guide section's steps")
    func everythingFails() async throws {
        for major in [16, 17] {
            let device = FakeDevice { $0.osVersion = .init(majorVersion: major, minorVersion: 0, patchVersion: 0) }
            let opener = FakeOpener(failing: [.credentialProviderSettings, .appSettings])
            let readiness = try PasskeyReadiness(readers: device.readers, opener: opener)
            #expect(await readiness.open(.credentialProviderSettings, section: "ios.autofill") == .manualSteps(section: "ios.autofill"))
            #expect(await opener.attempts == SettingsRoute.targets(for: .credentialProviderSettings, osMajorVersion: major))
        }
    }

    @Test("manual steps never touch the opener", arguments: manualActions)
    func manualSteps(_ action: SettingsAction) async throws {
        let opener = FakeOpener()
        let readiness = try PasskeyReadiness(readers: FakeDevice().readers, opener: opener)
        let result = await readiness.open(action, section: "ios.icloud_keychain")
        #expect(result == .manualSteps(section: "ios.icloud_keychain"))
        #expect(result.sectionToShow == "ios.icloud_keychain")
        #expect(await readiness.open(action) == .manualSteps(section: nil))
        #expect(await opener.attempts.isEmpty)
    }

    @Test("every finding of an iPhone opens what its action says")
    func findings() async throws {
        let device = FakeDevice { $0.passcode = .passcodeNotSet; $0.ubiquityToken = false }
        let opener = FakeOpener()
        let readiness = try PasskeyReadiness(readers: device.readers, opener: opener)
        let report = try readiness.check()
        for finding in report.findings {
            let result = try await readiness.open(finding)
            if finding.action == .credentialProviderSettings {
                #expect(result == .opened(.credentialProviderSettings), "\(finding.check.id)")
            } else {
                #expect(result == .manualSteps(section: finding.section), "\(finding.check.id)")
            }
        }
        #expect(await opener.attempts == [.credentialProviderSettings])
    }

    @Test("before iOS 17 the AutoFill finding opens the app's page and carries the core's section")
    func findingsBefore17() async throws {
        let device = FakeDevice { $0.osVersion = .init(majorVersion: 16, minorVersion: 7, patchVersion: 8) }
        let readiness = try PasskeyReadiness(readers: device.readers, opener: FakeOpener())
        let report = try readiness.check()
        let autofill = try #require(report.findings.first { $0.action == .credentialProviderSettings })
        let section = try #require(autofill.section, "the core gives the AutoFill finding a guide section")
        let result = try await readiness.open(autofill)
        #expect(result == .openedFallback(section: section))
        #expect(result.sectionToShow == section)
        // The section is one the guide has, with steps to show.
        let guide = try readiness.guide()
        let part = try #require(guide.guides.flatMap(\.parts).first { $0.id == section })
        #expect(!part.steps.isEmpty || !part.variants.isEmpty)
    }
}
