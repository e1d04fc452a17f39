// A Rust panic must reach the host app as an error it can catch, never as a crash: the library
// unwinds, UniFFI turns the panic into its internal error, and the SDK's boundary (`bridged`,
// which every call into the core goes through) makes it `PasskeyReadyError.coreFailure`.
// `panicProbe` exists only in the test build of the library (feature `panic-probe`).

import Foundation
@testable import PasskeyReady
import PasskeyReadyFFI
import Testing

@Test func aPanicInRustArrivesAsACatchableErrorAndTheLibraryKeepsWorking() throws {
    // As the generated code throws it: UniFFI's own error, not the core's typed one.
    var raw: (any Error)?
    do {
        try panicProbe(message: "probe: boom")
    } catch {
        raw = error
    }
    let rawError = try #require(raw)
    #expect(!(rawError is PasskeyReadyFFI.PasskeyReadyError))

    // As the SDK throws it.
    var caught: (any Error)?
    do {
        try bridged { try panicProbe(message: "probe: boom") }
    } catch {
        caught = error
    }
    guard case let .coreFailure(reason)? = caught as? SDKError else {
        Issue.record("not a coreFailure: \(String(describing: caught))")
        return
    }
    #expect(reason.contains("probe: boom"))
    #expect(caught?.localizedDescription == "The PasskeyReady core failed unexpectedly: \(reason)")

    // The library is still usable after the panic.
    let snapshot = try PasskeyReadiness.snapshot(json: #"{"platform": "ios"}"#)
    #expect(snapshot.platform == .ios)
}
