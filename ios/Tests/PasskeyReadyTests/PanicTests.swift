// A Rust panic must reach the host app as an error it can catch, never as a crash: the library
// unwinds and UniFFI turns the panic into its internal error (not a PasskeyReadyError).
// `panicProbe` exists only in the test build of the library (feature `panic-probe`).

import Foundation
import PasskeyReady
import PasskeyReadyFFI
import Testing

@Test func aPanicInRustArrivesAsACatchableErrorAndTheLibraryKeepsWorking() throws {
    var caught: (any Error)?
    do {
        try panicProbe(message: "probe: boom")
    } catch {
        caught = error
    }
    let error = try #require(caught)
    let isTypedError = error is PasskeyReadyError
    #expect(!isTypedError)
    #expect(error.localizedDescription.contains("probe: boom"))

    // The library is still usable after the panic.
    let snapshot = try PasskeyReadiness.snapshot(json: #"{"platform": "ios"}"#)
    #expect(snapshot.platform == .ios)
}
