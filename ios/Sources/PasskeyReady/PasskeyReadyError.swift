// The SDK's own error type. UniFFI 0.32's Swift names error cases after the Rust variants
// (`InvalidInput`, its template applies `class_name` to them and has no option to change
// that), and its `errorDescription` is a debug dump. An app should match `.invalidInput`
// and show or log a sentence, so every call into the core goes through `bridged`, which
// maps whatever the generated code throws to this type: nothing generated is thrown
// through the public API.

import Foundation
import PasskeyReadyFFI

/// Every error the SDK throws. The texts are for developers and logs (English); what a
/// customer reads comes from the guide's content.
public enum PasskeyReadyError: Error, LocalizedError, Equatable, Hashable, Sendable {
    /// A content bundle was refused; the content in use is unchanged. `problems` has one line
    /// per problem, each naming the item (`ja.guides[android]…`), at most the core's limit
    /// plus one line saying how many more there are.
    case invalidBundle(reason: String, problems: [String])
    /// A device snapshot is malformed or out of bounds; `field` names it (`os_version`,
    /// `signals.passcode`, `snapshot` for the whole of it).
    case invalidSnapshot(field: String, reason: String)
    /// An argument was refused (`service`, `user_agent`, `message`, `os_version`, `device`),
    /// e.g. empty or longer than its documented limit; `reason` says which limit.
    case invalidInput(field: String, reason: String)
    /// The native core failed in a way it never should (a Rust panic, caught at the
    /// boundary, or a value the bindings could not read). The SDK stays usable; report it.
    case coreFailure(reason: String)

    public var errorDescription: String? {
        switch self {
        case let .invalidBundle(reason, problems):
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            return "Content bundle refused (\(count); the content in use is unchanged): \(reason)"
        case let .invalidSnapshot(field, reason):
            return "Invalid device snapshot, field \(field): \(reason)"
        case let .invalidInput(field, reason):
            return "Invalid input \(field): \(reason)"
        case let .coreFailure(reason):
            return "The PasskeyReady core failed unexpectedly: \(reason)"
        }
    }

    /// The SDK's error for anything a core call threw.
    init(bridging error: any Error) {
        switch error {
        case let own as PasskeyReadyError:
            self = own
        case let generated as PasskeyReadyFFI.PasskeyReadyError:
            switch generated {
            case let .InvalidBundle(reason, problems):
                self = .invalidBundle(reason: reason, problems: problems)
            case let .InvalidSnapshot(field, reason):
                self = .invalidSnapshot(field: field, reason: reason)
            case let .InvalidInput(field, reason):
                self = .invalidInput(field: field, reason: reason)
            }
        default:
            // UniFFI's internal error (a panic's message, a buffer that did not parse).
            self = .coreFailure(reason: error.localizedDescription)
        }
    }
}

/// Calls the core, throwing only `PasskeyReadyError`.
func bridged<Value>(_ call: () throws -> Value) throws -> Value {
    do {
        return try call()
    } catch {
        throw PasskeyReadyError(bridging: error)
    }
}
