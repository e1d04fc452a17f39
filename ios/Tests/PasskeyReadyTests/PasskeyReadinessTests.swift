// The public API with fake readers: the customer's language, answers remembered and
// thread-safe, readings winning over stale answers, the service name.

import Foundation
import PasskeyReady
import Testing

let safariOnIOS17 = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1"

func readiness(
    _ device: FakeDevice = FakeDevice(),
    languages: [String] = ["ja-JP"],
    userAgent: String? = nil,
    service: String? = nil
) throws -> PasskeyReadiness {
    try PasskeyReadiness(
        service: service,
        readers: device.readers,
        opener: FakeOpener(),
        userAgent: userAgent,
        preferredLanguages: { languages }
    )
}

@Suite("PasskeyReadiness")
struct PasskeyReadinessTests {
    @Test("Japanese when the first preferred language is Japanese, else English")
    func preferredLocale() {
        for languages in [["ja"], ["ja-JP"], ["ja_JP"], ["JA-jp"], ["ja-Jpan-JP"], ["ja-JP", "en-US"]] {
            #expect(GuideLocale.preferred(from: languages) == .ja, "\(languages)")
        }
        for languages in [[], ["en"], ["en-JP", "ja-JP"], ["jv"], ["jav"], ["zh-Hant-JP"], [""]] {
            #expect(GuideLocale.preferred(from: languages) == .en, "\(languages)")
        }
        #expect(GuideLocale.ja.code == "ja")
        #expect(GuideLocale.en.code == "en")
    }

    @Test("check() is in the customer's language")
    func checkLocale() throws {
        let japanese = try readiness(languages: ["ja-JP"])
        let english = try readiness(languages: ["en-GB", "ja-JP"])
        #expect(japanese.locale == .ja)
        #expect(english.locale == .en)
        let ja = try japanese.check()
        let en = try english.check()
        #expect(ja.status == .needsConfirmation)
        #expect(try ja.summary == japanese.guide(locale: .ja).report.needsConfirmation)
        #expect(try en.summary == english.guide(locale: .en).report.needsConfirmation)
        #expect(ja.summary != en.summary)
        #expect(try japanese.guide().locale == .ja)
        #expect(try english.guide().locale == .en)
        #expect(try japanese.evaluate(japanese.snapshot(), locale: .en) == en)
    }

    @Test("an iPhone with a passcode: what the app cannot read becomes questions")
    func questions() throws {
        let report = try readiness().check()
        #expect(report.platform == .ios)
        #expect(report.guide == "ios")
        #expect(report.status == .needsConfirmation)
        // First: whether passkeys are already in use here (no API can read it).
        #expect(report.questions.map(\.check) == [.alreadyUsesPasskeys, .icloudKeychainSync, .autofillPasswordsPasskeys, .standardBrowser])
        #expect(report.questions.allSatisfy { !$0.text.isEmpty })
        #expect(report.findings.first { $0.check == .passcode }?.status == .pass)
    }

    @Test("no passcode: action required, passcode first, manual steps")
    func noPasscode() throws {
        let device = FakeDevice { $0.passcode = .passcodeNotSet; $0.biometrics = .passcodeNotSet }
        let report = try readiness(device).check()
        #expect(report.status == .actionRequired)
        let failed = report.findings.filter { $0.status == .fail }
        #expect(failed.map(\.check) == [.passcode, .biometrics])
        #expect(failed.first?.action == .manualStepsOnly)
        #expect(failed.first?.section == "ios.passcode")
    }

    @Test("answers are remembered until every question is answered")
    func answers() throws {
        let sdk = try readiness()
        var report = try sdk.answer(.icloudKeychainSync, yes: true)
        #expect(report.questions.map(\.check) == [.alreadyUsesPasskeys, .autofillPasswordsPasskeys, .standardBrowser])
        #expect(try sdk.check() == report)
        report = try sdk.answer(.autofillPasswordsPasskeys, yes: true)
        report = try sdk.answer(.standardBrowser, yes: true)
        #expect(report.status == .ready)
        #expect(report.questions.isEmpty)
        #expect(try sdk.answers == [.icloudKeychainSync: true, .autofillPasswordsPasskeys: true, .standardBrowser: true])
        #expect(try sdk.snapshot().signals[.autofillPasswordsPasskeys] == .yes)
        #expect(sdk.observe().signals[.autofillPasswordsPasskeys] == .unknown)

        report = try sdk.answer(.autofillPasswordsPasskeys, yes: false)
        #expect(report.status == .actionRequired)
        let autofill = try #require(report.findings.first { $0.check == .autofillPasswordsPasskeys })
        #expect(autofill.status == .fail)
        #expect(autofill.action == .credentialProviderSettings)

        try sdk.forgetAnswer(.standardBrowser)
        #expect(try sdk.check().questions.map(\.check) == [.alreadyUsesPasskeys, .standardBrowser])
        try sdk.forgetAnswers()
        #expect(try sdk.answers.isEmpty)
        #expect(try sdk.check().questions.count == 4)
    }

    @Test("opening a finding's settings forgets its answer, so the customer is asked again")
    func openForgets() async throws {
        let sdk = try readiness()
        let report = try sdk.answer(.autofillPasswordsPasskeys, yes: false)
        let autofill = try #require(report.findings.first { $0.check == .autofillPasswordsPasskeys })
        #expect(try await sdk.open(autofill) == .opened(.credentialProviderSettings))
        #expect(try sdk.answers[.autofillPasswordsPasskeys] == nil)
        #expect(try sdk.check().questions.map(\.check).contains(.autofillPasswordsPasskeys))
    }

    @Test("a reading wins over an earlier answer")
    func readingWins() throws {
        let device = FakeDevice { $0.ubiquityToken = false }
        let sdk = try readiness(device)
        #expect(try sdk.check().questions.map(\.check).contains(.appleAccount))
        var report = try sdk.answer(.appleAccount, yes: false)
        #expect(report.findings.first { $0.check == .appleAccount }?.status == .fail)
        device.update { $0.ubiquityToken = true }  // signed in to iCloud with iCloud Drive on
        report = try sdk.check()
        #expect(report.findings.first { $0.check == .appleAccount }?.status == .pass)
    }

    @Test("a check that does not apply to this device is refused and not remembered")
    func inapplicableAnswer() throws {
        let sdk = try readiness()
        #expect(invalidSnapshotField { try sdk.answer(.screenLock, yes: true) } == "signals.screen_lock")
        #expect(try sdk.answers.isEmpty)
        #expect(try sdk.check().status == .needsConfirmation)
    }

    @Test("a known standard browser is not asked about")
    func userAgent() throws {
        let report = try readiness(userAgent: safariOnIOS17).check()
        #expect(report.questions.map(\.check) == [.alreadyUsesPasskeys, .icloudKeychainSync, .autofillPasswordsPasskeys])
        #expect(report.browser?.browser == .safari)
        #expect(report.findings.first { $0.check == .standardBrowser }?.status == .pass)
    }

    @Test("an iPad is an iPad; iOS 15 is too old")
    func platformsAndVersions() throws {
        let iPad = FakeDevice { $0.platform = .ipados }
        #expect(try readiness(iPad).check().platform == .ipados)
        let old = FakeDevice { $0.osVersion = .init(majorVersion: 15, minorVersion: 8, patchVersion: 0) }
        let report = try readiness(old).check()
        #expect(report.status == .unsupported)
        #expect(report.findings.first { $0.check == .osVersion }?.status == .fail)
        #expect(report.questions.isEmpty)
    }

    @Test("answers from many threads at once are all kept")
    func concurrentAnswers() async throws {
        let sdk = try readiness()
        let checks: [CheckId] = [.icloudKeychainSync, .autofillPasswordsPasskeys, .standardBrowser]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for round in 0..<60 {
                group.addTask {
                    let check = checks[round % checks.count]
                    _ = try sdk.answer(check, yes: true)
                    _ = try sdk.check()
                }
            }
            try await group.waitForAll()
        }
        #expect(try sdk.answers == Dictionary(uniqueKeysWithValues: checks.map { ($0, true) }))
        #expect(try sdk.check().status == .ready)
    }

    @Test("the bank's service name replaces the content's")
    func serviceName() throws {
        let bank = String(describing: try readiness(service: "MyBank").guide())
        #expect(bank.contains("MyBank"))
        #expect(!bank.contains("{service}"))
        let plain = String(describing: try readiness().guide())
        #expect(plain.contains("プラスネット"))
        #expect(!plain.contains("MyBank"))
    }

    @Test("the guide for an OS version shows that version's steps")
    func guideForOsVersion() throws {
        let sdk = try readiness()
        let autofill = { (guide: Guide) -> Part in
            guide.guides.first { $0.id == "ios" }!.parts.first { $0.id == "ios.autofill" }!
        }
        let all = try sdk.guide()
        let ios17 = try sdk.guide(platform: .ios, osVersion: "17.4")
        #expect(autofill(ios17).steps == autofill(all).variants[0].steps)
        #expect(autofill(ios17).variants.isEmpty)
        #expect(invalidInputField { try sdk.guide(platform: .ios, osVersion: "latest") } == "os_version")
        #expect(try sdk.guideMarkdown(device: "ios", osVersion: "17.4").contains("パスワードオプション"))
    }

    @Test("the guide as Markdown, whole or one device")
    func markdown() throws {
        let sdk = try readiness()
        let whole = try sdk.guideMarkdown()
        let iPhone = try sdk.guideMarkdown(device: "ios")
        #expect(!iPhone.isEmpty)
        #expect(whole.count > iPhone.count)
        #expect(invalidInputField { try sdk.guideMarkdown(device: "blackberry") } == "device")
    }
}
