import Foundation
import PasskeyReadyFFI

/// The SDK: reads the device, asks the Rust core what stops a passkey registration, and opens
/// settings screens. The customer's answers are kept by the core's `ReadinessSession`, with
/// the same rules as on Android: an answer stands in for an unknown reading only, and is
/// forgotten when its settings screen is opened.
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
    private let session: PasskeyReadyFFI.ReadinessSession

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
        let core = try bridged { try PasskeyReadyFFI.PasskeyReady(service: service) }
        self.core = core
        // The platform is read once: the device does not turn from an iPhone into an iPad,
        // and the session keeps answers only to the checks of its platform.
        let platform = readers.system.platform()
        session = try bridged { try PasskeyReadyFFI.ReadinessSession(sdk: core, platform: platform) }
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
        let observed = observed()
        return try bridged { try session.snapshot(observed: observed) }
    }

    /// Reads the device, applies the answers given so far and evaluates, in `locale`.
    public func check() throws -> ReadinessReport {
        let observed = observed()
        return try bridged { try session.evaluate(observed: observed, locale: locale) }
    }

    /// Reads the device, applies the answers given so far and makes the help screen, in
    /// `locale` (default: the customer's). `PasskeyHelpModel` draws it; an app may draw it
    /// itself.
    public func screen(locale: GuideLocale? = nil) throws -> HelpScreen {
        let observed = observed()
        let locale = locale ?? self.locale
        return try bridged { try session.screen(observed: observed, locale: locale) }
    }

    /// Records the customer's answer to a question ("yes" means the check passes) and checks
    /// again. An answer only stands in for what the device cannot read: a later reading of the
    /// same check wins. Throws `.invalidSnapshot` for a check that does not apply to this
    /// device (e.g. `screen_lock` on an iPhone); nothing is recorded then.
    @discardableResult
    public func answer(_ check: CheckId, yes: Bool) throws -> ReadinessReport {
        try record(check, yes: yes)
        return try self.check()
    }

    /// Records an answer without checking again (the help screen's model checks off the
    /// main actor afterwards).
    func record(_ check: CheckId, yes: Bool) throws {
        try bridged { try session.answer(check: check, yes: yes) }
    }

    /// The answers given so far (to keep with a screen's saved state).
    public var answers: [CheckId: Bool] {
        get throws { try bridged { try session.answers() } }
    }

    /// Replaces the answers with saved ones; answers to checks that do not apply to this
    /// device are dropped.
    public func restoreAnswers(_ answers: [CheckId: Bool]) throws {
        try bridged { try session.restoreAnswers(answers: answers) }
    }

    /// Forgets one answer, so that the question is asked again.
    public func forgetAnswer(_ check: CheckId) throws {
        try bridged { try session.forgetAnswer(check: check) }
    }

    /// Forgets every answer.
    public func forgetAnswers() throws {
        try bridged { try session.forgetAnswers() }
    }

    /// Evaluates any snapshot (e.g. one a support agent received), in `locale` or the
    /// customer's language.
    public func evaluate(_ snapshot: DeviceSnapshot, locale: GuideLocale? = nil) throws -> ReadinessReport {
        try bridged { try core.evaluate(snapshot: snapshot, locale: locale ?? self.locale) }
    }

    private func observed() -> DeviceSnapshot {
        observe().snapshot(userAgent: userAgent)
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

    /// Opens the screen for a finding. Its answer, if the customer gave one, is forgotten
    /// first (`settingsOpened` of the session): the customer is about to change that
    /// setting, so the next `check()` asks again. Throws only if the core fails to forget
    /// it, and then opens nothing.
    public func open(_ finding: Finding) async throws -> OpenResult {
        try settingsOpened(finding.check)
        return await open(finding.action, section: finding.section)
    }

    /// Opens the screen of a help screen row's button, as `open(_ finding:)` does. A row
    /// without a button has no screen to open: its answer is forgotten all the same and the
    /// result is `.manualSteps` with the row's section.
    public func open(_ row: HelpRow) async throws -> OpenResult {
        try settingsOpened(row.check)
        guard let button = row.button else { return .manualSteps(section: row.section?.id) }
        return await open(button.action, section: button.section)
    }

    /// Tells the session that the customer went to change `check`'s setting (its screen,
    /// or its steps, are in front): its answer is forgotten, so the next check asks again.
    public func settingsOpened(_ check: CheckId) throws {
        try bridged { try session.settingsOpened(check: check) }
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
