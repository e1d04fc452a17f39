// The shared conformance vectors (tests/vectors/*.json, also run by Rust and Kotlin), read
// from the repository through #filePath, and the snake_case names the vectors use.

import Foundation
import PasskeyReady
import PasskeyReadyFFI

/// A JSON value that keeps what the vectors say, null included.
enum JSONValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a tree of plain values cannot fail.
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "null"
    }

    var description: String { json }

    subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// `["a", "b"]` → ["a", "b"]; nil when it is anything else.
    var strings: [String]? {
        array.flatMap { items in
            let strings = items.compactMap(\.string)
            return strings.count == items.count ? strings : nil
        }
    }

    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    static func optional(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }
}

struct VectorError: Error, CustomStringConvertible {
    let description: String
}

enum Vectors {
    /// tests/vectors/ at the top of the repository: this file is
    /// ios/Tests/PasskeyReadyTests/Vectors.swift.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PasskeyReadyTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // ios
        .deletingLastPathComponent()  // the repository
        .appendingPathComponent("tests/vectors", isDirectory: true)

    /// The `cases` array of a vector file.
    static func cases(_ file: String) throws -> [JSONValue] {
        let url = directory.appendingPathComponent(file)
        let document = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
        guard let cases = document["cases"]?.array else {
            throw VectorError(description: "\(file): no `cases` array")
        }
        return cases
    }

    /// Loads a file's cases as `T`; a malformed case fails the load, naming the case.
    static func load<T>(_ file: String, _ make: (JSONValue) throws -> T) throws -> [T] {
        try cases(file).enumerated().map { index, value in
            do {
                return try make(value)
            } catch {
                throw VectorError(description: "\(file) case \(index) (\(value["name"]?.string ?? "?")): \(error)")
            }
        }
    }

    static func field(_ value: JSONValue, _ key: String) throws -> JSONValue {
        guard let field = value[key] else { throw VectorError(description: "no `\(key)`") }
        return field
    }

    static func string(_ value: JSONValue, _ key: String) throws -> String {
        guard let string = try field(value, key).string else { throw VectorError(description: "`\(key)` is not a string") }
        return string
    }

    static func strings(_ value: JSONValue, _ key: String) throws -> [String] {
        guard let strings = try field(value, key).strings else {
            throw VectorError(description: "`\(key)` is not an array of strings")
        }
        return strings
    }
}

/// The names the vectors, the content and the CLI use. Each switch is exhaustive, so a new
/// variant in the core fails to compile here until it is named.
enum Names {
    static func of(_ status: ReadinessStatus) -> String {
        switch status {
        case .ready: "ready"
        case .actionRequired: "action_required"
        case .needsConfirmation: "needs_confirmation"
        case .unsupported: "unsupported"
        }
    }

    static func of(_ action: SettingsAction) -> String {
        switch action {
        case .screenLockSettings: "screen_lock_settings"
        case .biometricEnroll: "biometric_enroll"
        case .addGoogleAccount: "add_google_account"
        case .autofillService: "autofill_service"
        case .credentialProviderSettings: "credential_provider_settings"
        case .openInStandardBrowser: "open_in_standard_browser"
        case .windowsSignInOptions: "windows_sign_in_options"
        case .manualStepsOnly: "manual_steps_only"
        }
    }

    static func of(_ cause: DiagnosisCause) -> String {
        switch cause {
        case .customerDevice: "customer_device"
        case .siteConfiguration: "site_configuration"
        case .alreadyRegistered: "already_registered"
        case .cancelled: "cancelled"
        case .interrupted: "interrupted"
        }
    }

    static func of(_ platform: Platform) -> String {
        switch platform {
        case .android: "android"
        case .ios: "ios"
        case .ipados: "ipados"
        case .macos: "macos"
        case .windows: "windows"
        }
    }

    static func of(_ browser: Browser) -> String {
        switch browser {
        case .safari: "safari"
        case .chrome: "chrome"
        case .edge: "edge"
        case .firefox: "firefox"
        case .samsungInternet: "samsung_internet"
        case .opera: "opera"
        case .other: "other"
        }
    }

    static func of(_ inApp: InAppBrowser) -> String {
        switch inApp {
        case .googleApp: "google_app"
        case .yahooJapanApp: "yahoo_japan_app"
        case .line: "line"
        case .instagram: "instagram"
        case .facebook: "facebook"
        case .x: "x"
        case .tiktok: "tiktok"
        case .webview: "webview"
        }
    }

    static func of(_ banner: BannerKind) -> String {
        switch banner {
        case .ready: "ready"
        case .notReady: "not_ready"
        case .needsAnswers: "needs_answers"
        }
    }

    static func of(_ kind: RowKind) -> String {
        switch kind {
        case .done: "done"
        case .toFix: "to_fix"
        case .toAnswer: "to_answer"
        case .notNeeded: "not_needed"
        case .information: "information"
        }
    }

    /// Every check; a vector naming one missing here fails to load, naming it.
    static let checks: [CheckId] = [
        .alreadyUsesPasskeys, .osVersion, .standardBrowser, .biometrics, .screenLock, .googleAccount,
        .googleAutofill, .passcode, .appleAccount, .icloudKeychainSync, .autofillPasswordsPasskeys,
        .twoFactorAuth, .windowsHello, .devicePassword, .chromeSignedIn, .chromeSync,
        .googlePasswordManager,
    ]

    static func check(_ name: String) throws -> CheckId {
        guard let check = checks.first(where: { $0.id == name }) else {
            throw VectorError(description: "\(name) is not a check")
        }
        return check
    }

    static let platforms: [Platform] = [.android, .ios, .ipados, .macos, .windows]

    static func platform(_ name: String) throws -> Platform {
        guard let platform = platforms.first(where: { of($0) == name }) else {
            throw VectorError(description: "\(name) is not a platform")
        }
        return platform
    }
}

/// The error `body` throws; nil when it returns.
func thrownError(_ body: () throws -> Any) -> (any Error)? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// The `field` of the `.invalidInput` error `body` throws; nil when it throws nothing or
/// another error — the generated bindings' error included: the SDK must never let it through.
func invalidInputField(_ body: () throws -> Any) -> String? {
    guard case let .invalidInput(field, _)? = thrownError(body) as? SDKError else { return nil }
    return field
}

/// The `field` of the `.invalidSnapshot` error `body` throws, as `invalidInputField` does.
func invalidSnapshotField(_ body: () throws -> Any) -> String? {
    guard case let .invalidSnapshot(field, _)? = thrownError(body) as? SDKError else { return nil }
    return field
}
