// What an app sees with `import PasskeyReady` alone: every type it needs, and no clash with
// Foundation's `Locale` (the core's locale is `GuideLocale` here).

import Foundation
import PasskeyReady
import Testing

@Suite("an app's view of the module")
struct ClientViewTests {
    @Test("SDK types and Foundation.Locale side by side")
    func names() throws {
        let systemLocale: Locale = Locale(identifier: "ja_JP")
        let guideLocale: GuideLocale = systemLocale.identifier.hasPrefix("ja") ? .ja : .en
        let sdk = try PasskeyReadiness(
            readers: FakeDevice().readers,
            opener: FakeOpener(),
            preferredLanguages: { [systemLocale.identifier] }
        )
        let report: ReadinessReport = try sdk.check()
        let findings: [Finding] = report.findings
        let status: ReadinessStatus = report.status
        #expect(guideLocale == sdk.locale)
        #expect(status == .needsConfirmation)
        #expect(findings.map(\.check.id).prefix(2) == ["already_uses_passkeys", "os_version"])
        let guide: Guide = try sdk.guide()
        let parts: [Part] = guide.guides.flatMap(\.parts)
        #expect(parts.contains { $0.id == "ios.autofill" })
        let snapshot: DeviceSnapshot = try sdk.snapshot()
        #expect(snapshot.signals[CheckId.passcode] == Signal.yes)
    }
}
