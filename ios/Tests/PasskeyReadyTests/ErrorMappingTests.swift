// The SDK's PasskeyReadyError: every generated error maps to its lowerCamelCase case at the
// boundary, and every case describes itself in a sentence naming the problem.

import Foundation
@testable import PasskeyReady
import PasskeyReadyFFI
import Testing

private struct Unrelated: Error, LocalizedError {
    var errorDescription: String? { "buffer did not parse" }
}

@Suite("errors")
struct ErrorMappingTests {
    @Test("each generated error becomes the SDK's case with the same fields")
    func mapping() {
        let cases: [(any Error, SDKError)] = [
            (PasskeyReadyFFI.PasskeyReadyError.InvalidBundle(reason: "bundle has 2 problem(s)", problems: ["ja.title: empty", "en.title: empty"]),
             .invalidBundle(reason: "bundle has 2 problem(s)", problems: ["ja.title: empty", "en.title: empty"])),
            (PasskeyReadyFFI.PasskeyReadyError.InvalidSnapshot(field: "os_version", reason: "not a version"),
             .invalidSnapshot(field: "os_version", reason: "not a version")),
            (PasskeyReadyFFI.PasskeyReadyError.InvalidInput(field: "user_agent", reason: "user agent is empty"),
             .invalidInput(field: "user_agent", reason: "user agent is empty")),
            (Unrelated(), .coreFailure(reason: "buffer did not parse")),
            (SDKError.invalidInput(field: "service", reason: "too long"), .invalidInput(field: "service", reason: "too long")),
        ]
        for (thrown, expected) in cases {
            #expect(SDKError(bridging: thrown) == expected)
            #expect(throws: expected) { try bridged { throw thrown } }
        }
    }

    @Test("every case's description names the problem")
    func descriptions() {
        let described: [(SDKError, String)] = [
            (.invalidBundle(reason: "bundle has 2 problem(s); first: ja.title: empty", problems: ["ja.title: empty", "en.title: empty"]),
             "Content bundle refused (2 problems; the content in use is unchanged): bundle has 2 problem(s); first: ja.title: empty"),
            (.invalidBundle(reason: "not JSON", problems: ["not JSON"]),
             "Content bundle refused (1 problem; the content in use is unchanged): not JSON"),
            (.invalidSnapshot(field: "signals.passcode", reason: "not yes, no or unknown"),
             "Invalid device snapshot, field signals.passcode: not yes, no or unknown"),
            (.invalidInput(field: "user_agent", reason: "user agent is 2000 bytes; the limit is 1024 bytes"),
             "Invalid input user_agent: user agent is 2000 bytes; the limit is 1024 bytes"),
            (.coreFailure(reason: "probe"), "The PasskeyReady core failed unexpectedly: probe"),
        ]
        for (error, text) in described {
            #expect(error.errorDescription == text)
            #expect(error.localizedDescription == text)
        }
    }

    @Test("the core's real errors arrive as the SDK's, with the field and the limit")
    func realErrors() throws {
        let tooLong = String(repeating: "a", count: 2000)
        #expect(throws: SDKError.invalidInput(field: "user_agent", reason: "user agent is 2000 bytes; the limit is 1024 bytes")) {
            try PasskeyReadiness.classify(userAgent: tooLong)
        }
        do {
            _ = try PasskeyReadiness.snapshot(json: #"{"platform": "ios", "os_version": "beta"}"#)
            Issue.record("accepted")
        } catch let error as SDKError {
            guard case let .invalidSnapshot(field, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(field == "os_version")
            #expect(error.localizedDescription.hasPrefix("Invalid device snapshot, field os_version: "))
        }
        do {
            _ = try PasskeyReadiness(service: "{bank}", readers: FakeDevice().readers, opener: FakeOpener())
            Issue.record("accepted")
        } catch let error as SDKError {
            guard case let .invalidInput(field, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(field == "service")
        }
    }
}
