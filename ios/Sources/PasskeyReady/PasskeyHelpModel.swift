// The help screen's state and intents: everything but the drawing, so that it is compiled
// and tested on Linux. `PasskeyHelpView` (SwiftUI) and `PasskeyHelpViewController` (UIKit)
// only draw `state` and call the intents; what the screen says and which rows have a
// button, a question or steps are the core's (`HelpScreen`).

#if canImport(Combine)
import Combine
#endif
import Foundation

/// What the help screen shows now.
public struct PasskeyHelpState: Sendable, Equatable {
    /// The last screen the SDK made; nil before the first check. Kept while a check runs and
    /// when one fails, so the customer never loses what they were reading.
    public var screen: HelpScreen?
    /// A check, an answer or an opening is under way.
    public var isLoading: Bool
    /// What the last call threw; nil again after the next one succeeds. The content has no
    /// text for it: log it, or show the app's own message.
    public var error: PasskeyReadyError?
    /// The rows whose guide steps are shown, by check.
    public var expandedSteps: Set<CheckId>

    public init(
        screen: HelpScreen? = nil,
        isLoading: Bool = false,
        error: PasskeyReadyError? = nil,
        expandedSteps: Set<CheckId> = []
    ) {
        self.screen = screen
        self.isLoading = isLoading
        self.error = error
        self.expandedSteps = expandedSteps
    }
}

/// The model of the ready-made help screen. Check with `refresh()` when the screen appears,
/// and call `sceneBecameActive()` when the app is active again (back from Settings).
///
/// Changes are published through `state`: on Apple platforms it is `@Published` (the model is
/// an `ObservableObject` for SwiftUI); everywhere, `onChange` is called after each change.
/// Each intent returns its `Task`: a view ignores it, a test awaits it. Intents run one after
/// another, in the order they were called, so a check never overtakes an earlier answer.
@MainActor
public final class PasskeyHelpModel {
    #if canImport(Combine)
    @Published public private(set) var state = PasskeyHelpState() {
        didSet { onChange?(state) }
    }
    #else
    public private(set) var state = PasskeyHelpState() {
        didSet { onChange?(state) }
    }
    #endif

    /// Called on the main actor after every change of `state` (UIKit hosts, tests).
    public var onChange: ((PasskeyHelpState) -> Void)?

    /// The SDK the screen is made with; the app may keep using it (guide, diagnose).
    public let readiness: PasskeyReadiness

    /// The last intent started; the next one waits for it.
    private var last: Task<Void, Never>?
    /// Intents started and not yet finished.
    private var pending = 0

    /// Nonisolated, so that a view's `@StateObject` or a controller's initializer can make it
    /// anywhere; it only stores `readiness`.
    public nonisolated init(readiness: PasskeyReadiness) {
        self.readiness = readiness
    }

    /// Whether `row`'s guide steps are shown.
    public func showsSteps(_ row: HelpRow) -> Bool {
        state.expandedSteps.contains(row.check)
    }

    // MARK: Intents

    /// Reads the device and makes the screen again, off the main actor, then publishes it.
    @discardableResult
    public func refresh() -> Task<Void, Never> {
        enqueue { readiness in
            try readiness.screen()
        }
    }

    /// The app is active again: the customer may have changed a setting meanwhile.
    @discardableResult
    public func sceneBecameActive() -> Task<Void, Never> {
        refresh()
    }

    /// Records the customer's answer to a row's question, then checks again.
    @discardableResult
    public func answer(_ check: CheckId, yes: Bool) -> Task<Void, Never> {
        enqueue { readiness in
            try readiness.record(check, yes: yes)
            return try readiness.screen()
        }
    }

    /// Opens the screen of a row's button. Its answer is forgotten (the session's
    /// `settingsOpened`), so the check when the customer comes back asks again. When only
    /// the app's own page in Settings opened, or nothing did, the row's steps are shown.
    @discardableResult
    public func openSettings(_ row: HelpRow) -> Task<Void, Never> {
        enqueue(opening: row)
    }

    /// Shows or hides a row's guide steps. Showing them is how a setting without a screen
    /// to open gets changed: like opening a screen, it forgets the row's answer (the screen
    /// on show does not change until the next check, which asks again); otherwise a
    /// customer who answered "no" and then followed the steps could never say "yes".
    @discardableResult
    public func toggleSteps(_ row: HelpRow) -> Task<Void, Never>? {
        var next = state
        guard next.expandedSteps.remove(row.check) == nil else {
            state = next
            return nil
        }
        next.expandedSteps.insert(row.check)
        state = next
        return enqueue { readiness in
            try readiness.settingsOpened(row.check)
            return nil
        }
    }

    // MARK: Running them in order

    /// Runs `work` off the main actor after the intents before it; publishes the screen it
    /// returns (nil: the screen stays), or its error.
    private func enqueue(_ work: @escaping @Sendable (PasskeyReadiness) throws -> HelpScreen?) -> Task<Void, Never> {
        start { readiness in
            do {
                return .success(Outcome(screen: try work(readiness)))
            } catch {
                return .failure(PasskeyReadyError(bridging: error))
            }
        }
    }

    private func enqueue(opening row: HelpRow) -> Task<Void, Never> {
        start { readiness in
            do {
                let result = try await readiness.open(row)
                return .success(Outcome(showSteps: result.sectionToShow == nil ? nil : row.check))
            } catch {
                return .failure(PasskeyReadyError(bridging: error))
            }
        }
    }

    private struct Outcome: Sendable {
        var screen: HelpScreen?
        var showSteps: CheckId?
    }

    private func start(
        _ work: @escaping @Sendable (PasskeyReadiness) async -> Result<Outcome, PasskeyReadyError>
    ) -> Task<Void, Never> {
        let previous = last
        let readiness = readiness
        pending += 1
        if !state.isLoading { state.isLoading = true }
        let task = Task {
            await previous?.value
            // `work` is a nonisolated async closure: it runs on the global executor, so the
            // device is read and the core called off the main actor.
            let result = await work(readiness)
            pending -= 1
            var next = state
            switch result {
            case let .success(outcome):
                next.screen = outcome.screen ?? next.screen
                if let check = outcome.showSteps { next.expandedSteps.insert(check) }
                next.error = nil
            case let .failure(error):
                next.error = error
            }
            next.isLoading = pending > 0
            state = next
        }
        last = task
        return task
    }
}

#if canImport(Combine)
extension PasskeyHelpModel: ObservableObject {}
#endif
