import Foundation
import PasskeyReadyFFI

/// The SDK: reads the device, asks the Rust core what stops a passkey registration, remembers
/// the customer's answers and opens settings screens.
///
/// ```swift
/// let readiness = try PasskeyReadiness()          // iOS: the real device
/// let report = try readiness.check()              // findings in fixing order, questions
/// try readiness.answer(.icloudKeychainSync, yes: true)
/// let result = await readiness.open(report.findings[0])
/// ```
///
/// Every decision (status, order, texts, guide sections, actions) is the core's; this class
/// only observes and acts. Thread-safe: one instance can serve the whole app, and `check()`
/// may run on any thread (it never waits for the main thread; only making the SDK for this
/// device, `init(service:userAgent:)`, is on the main actor).
/// Every error thrown is a `PasskeyReadyError` (`.invalidInput`, `.invalidSnapshot`,
/// `.invalidBundle`, `.coreFailure`).
public final class PasskeyReadiness: Sendable {
    private let core: PasskeyReadyFFI.PasskeyReady
    private let readers: DeviceReaders
    private let opener: any SettingsOpener
    private let userAgent: String?
    private let preferredLanguages: @Sendable () -> [String]
    private let givenAnswers = Locked<[CheckId: Bool]>([:])

    /// - Parameters:
    ///   - service: replaces `{service}` in every text (default: the content's own name).
    ///   - readers: where the device state comes from (`.device` on iOS).
    ///   - opener: opens settings screens (`SystemSettingsOpener()` on iOS).
    ///   - userAgent: the user agent of the page the customer will register on, when the app
    ///     knows it; without it the browser check becomes a question.
    ///   - preferredLanguages: the customer's languages, first preferred; the guide is in
    ///     Japanese when the first is Japanese, else in English. Default: the system's
    ///     (`Locale.preferredLanguages`); pass `{ Bundle.main.preferredLocalizations }` to
    ///     follow the app's own language instead.
    public init(
        service: String? = nil,
        readers: DeviceReaders,
        opener: any SettingsOpener,
        userAgent: String? = nil,
        preferredLanguages: @escaping @Sendable () -> [String] = { Foundation.Locale.preferredLanguages }
    ) throws {
        core = try bridged { try PasskeyReadyFFI.PasskeyReady(service: service) }
        self.readers = readers
        self.opener = opener
        self.userAgent = userAgent
        self.preferredLanguages = preferredLanguages
    }

    #if canImport(UIKit) && canImport(LocalAuthentication) && canImport(AuthenticationServices) && os(iOS)
    /// The SDK on this iPhone or iPad: real readers, the system settings opener. On the main
    /// actor because it reads the device idiom there, once (`DeviceReaders.device`); the
    /// instance itself is then used from any thread. Not in app extensions, which have no
    /// `UIApplication` to open Settings with: pass `readers: .device` and an opener there.
    @MainActor
    @available(iOSApplicationExtension, unavailable)
    @available(macCatalystApplicationExtension, unavailable)
    public convenience init(service: String? = nil, userAgent: String? = nil) throws {
        try self.init(
            service: service,
            readers: .device,
            opener: SystemSettingsOpener(),
            userAgent: userAgent
        )
    }
    #endif

    // MARK: Readiness

    /// The language texts are in: `.ja` when the customer's first language is Japanese.
    public var locale: GuideLocale {
        GuideLocale.preferred(from: preferredLanguages())
    }

    /// What the readers see now, before the customer's answers.
    public func observe() -> DeviceObservation {
        readers.observe()
    }

    /// The device as the core sees it: the observation plus the customer's answers to the
    /// checks the device could not read.
    public func snapshot() throws -> DeviceSnapshot {
        try applyAnswers(to: observe().snapshot(userAgent: userAgent))
    }

    /// Reads the device, applies the answers given so far and evaluates, in `locale`.
    public func check() throws -> ReadinessReport {
        try evaluate(snapshot(), locale: locale)
    }

    /// Records the customer's answer to a question ("yes" means the check passes) and checks
    /// again. An answer only stands in for what the device cannot read: a later reading of the
    /// same check wins. Throws `.invalidSnapshot` for a check that does not apply to this
    /// device (e.g. `screen_lock` on an iPhone); nothing is recorded then.
    @discardableResult
    public func answer(_ check: CheckId, yes: Bool) throws -> ReadinessReport {
        // The core refuses a check that does not apply to the platform; nothing else is read.
        let platformOnly = DeviceSnapshot(platform: readers.system.platform(), osVersion: nil, userAgent: nil, signals: [:])
        _ = try bridged { try PasskeyReadyFFI.answer(snapshot: platformOnly, check: check, yes: yes) }
        givenAnswers.withLock { $0[check] = yes }
        return try self.check()
    }

    /// The answers given so far.
    public var answers: [CheckId: Bool] {
        givenAnswers.withLock { $0 }
    }

    /// Forgets one answer, so that the question is asked again.
    public func forgetAnswer(_ check: CheckId) {
        _ = givenAnswers.withLock { $0.removeValue(forKey: check) }
    }

    /// Forgets every answer.
    public func forgetAnswers() {
        givenAnswers.withLock { $0.removeAll() }
    }

    /// Evaluates any snapshot (e.g. one a support agent received), in `locale` or the
    /// customer's language.
    public func evaluate(_ snapshot: DeviceSnapshot, locale: GuideLocale? = nil) throws -> ReadinessReport {
        try bridged { try core.evaluate(snapshot: snapshot, locale: locale ?? self.locale) }
    }

    private func applyAnswers(to observed: DeviceSnapshot) throws -> DeviceSnapshot {
        var snapshot = observed
        for (check, yes) in answers where (observed.signals[check] ?? .unknown) == .unknown {
            let answered = snapshot
            snapshot = try bridged { try PasskeyReadyFFI.answer(snapshot: answered, check: check, yes: yes) }
        }
        return snapshot
    }

    // MARK: Settings

    /// Opens the best screen for `action`: tries each target of `SettingsRoute` in order
    /// (which ones depends on the iOS version) and falls back to `.manualSteps(section:)`
    /// when none exists or none opens. Only `.opened` means the setting's own screen is up;
    /// for the other results show the steps of `result.sectionToShow`.
    public func open(_ action: SettingsAction, section: String? = nil) async -> OpenResult {
        await SettingsRoute.open(
            action,
            section: section,
            osMajorVersion: readers.system.osVersion()?.majorVersion,
            with: opener
        )
    }

    /// Opens the screen for a finding. Its answer, if the customer gave one, is forgotten:
    /// the customer is about to change that setting, so the next `check()` asks again.
    public func open(_ finding: Finding) async -> OpenResult {
        forgetAnswer(finding.check)
        return await open(finding.action, section: finding.section)
    }

    // MARK: Guide and content

    /// The whole guide, `{service}` filled in, for a native help screen, with every OS
    /// version's steps (each part's `variants`).
    public func guide(locale: GuideLocale? = nil) throws -> Guide {
        try bridged { try core.guide(locale: locale ?? self.locale) }
    }

    /// The guide with the steps written for `osVersion` of `platform` (e.g. `.ios` and
    /// `UIDevice.current.systemVersion`) instead of every version's.
    /// Throws `.invalidInput` naming `os_version` when it is not a version number.
    public func guide(locale: GuideLocale? = nil, platform: Platform, osVersion: String) throws -> Guide {
        try bridged { try core.guideForOs(locale: locale ?? self.locale, platform: platform, osVersion: osVersion) }
    }

    /// The guide as Markdown: the whole page, or one device guide by id (`ios`, `android`…);
    /// with `osVersion`, that device guide's steps for that version of its OS.
    public func guideMarkdown(locale: GuideLocale? = nil, device: String? = nil, osVersion: String? = nil) throws -> String {
        try bridged { try core.guideMarkdown(locale: locale ?? self.locale, device: device, osVersion: osVersion) }
    }

    /// Replaces the content with a bundle (JSON), validated first. On error
    /// (`PasskeyReadyError.invalidBundle`, one problem per offending item) the content in use
    /// stays exactly as it was.
    public func loadBundle(_ json: String) throws {
        try bridged { try core.loadBundle(json: json) }
    }

    /// Goes back to the embedded content.
    public func resetContent() throws {
        try bridged { try core.resetContent() }
    }

    /// The content in use as a bundle (JSON).
    public func exportBundle() throws -> String {
        try bridged { try core.exportBundle() }
    }

    // MARK: Troubleshooting

    /// Troubleshooting answers for what the customer saw (an error message, a
    /// `DOMException` name, an `ASAuthorizationError` code…), best first, for this device's
    /// platform.
    public func diagnose(_ input: String) throws -> [DiagnosisMatch] {
        try diagnose(input, platform: readers.system.platform())
    }

    /// The same for a given platform; nil for every platform.
    public func diagnose(_ input: String, platform: Platform?) throws -> [DiagnosisMatch] {
        try bridged { try core.diagnose(input: input, platform: platform) }
    }

    // MARK: Without an instance

    /// A snapshot from its JSON form. `.invalidSnapshot` names the field at fault.
    public static func snapshot(json: String) throws -> DeviceSnapshot {
        try bridged { try snapshotFromJson(json: json) }
    }

    /// Platform, browser and in-app browser from a user agent.
    public static func classify(userAgent: String) throws -> UserAgentInfo {
        try bridged { try classifyUserAgent(userAgent: userAgent) }
    }
}
