// UniFFI's Swift calls a non-throwing export with `try!`: a Rust panic there would trap the
// app. Every export of the core returns a Result (core/src/ffi.rs), so no call to an exported
// function, method or constructor in the generated bindings may be a `try!`. The `try!` the
// generated code keeps for its own helpers (RustBuffer, clone and free of a handle) are not
// exports and are allowed.

import Foundation
import Testing

@Suite("generated bindings")
struct GeneratedBindingsTests {
    static let bindings = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/PasskeyReadyFFI/PasskeyReadyFFI.swift")

    static let exportedCall = "uniffi_passkey_ready_core_fn_"

    @Test("no exported call is made with try!")
    func noTryBang() throws {
        let text = try String(contentsOf: Self.bindings, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        // Names as in the checksum functions: `func_answer`, `method_passkeyready_guide`.
        var calls: Set<String> = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(Self.exportedCall), trimmed.hasSuffix("(") else { continue }
            let name = String(trimmed.dropFirst(Self.exportedCall.count).dropLast())
            guard name.hasPrefix("func_") || name.hasPrefix("method_") || name.hasPrefix("constructor_") else { continue }
            calls.insert(name)
            // The call's statement starts on the nearest line above that enters the Rust call.
            let start = try #require(lines[..<index].lastIndex { $0.contains("rustCall") }, "\(name)")
            let statement = lines[start...index].joined(separator: "\n")
            #expect(!statement.contains("try!"), "\(name) is called with try!:\n\(statement)")
            #expect(statement.contains("rustCallWithError(FfiConverterTypePasskeyReadyError_lift)"), "\(name) is not fallible:\n\(statement)")
        }
        // Every export has a checksum function: each must have been seen as a call above.
        let checksum = "uniffi_passkey_ready_core_checksum_"
        let exports = Set(lines.compactMap { line -> String? in
            guard let range = line.range(of: checksum) else { return nil }
            return String(line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        })
        #expect(exports.count >= 10, "the scan found the exports: \(exports.sorted())")
        #expect(calls == exports)
    }
}
