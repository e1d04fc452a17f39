// Typed errors: the core's errors arrive as the SDK's PasskeyReadyError, naming the field or
// item at fault; a refused bundle leaves the content as it was.

import Foundation
import PasskeyReady
import XCTest

final class ErrorTests: XCTestCase {
    /// The `field` of an `InvalidSnapshot` error, failing the test for anything else.
    private func snapshotErrorField(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            _ = try PasskeyReadiness.snapshot(json: json)
            XCTFail("accepted \(json)", file: file, line: line)
        } catch let PasskeyReadyError.invalidSnapshot(field, message) {
            XCTAssertFalse(message.isEmpty, file: file, line: line)
            return field
        } catch {
            XCTFail("\(json): \(error)", file: file, line: line)
        }
        return nil
    }

    func testMalformedSnapshotsNameTheField() {
        let cases: [(json: String, field: String)] = [
            (#"{"platform": "ios", "signals": {"passcode": "maybe"}}"#, "signals.passcode"),
            (#"{"platform": "ios", "signals": {"screen_lock": "yes"}}"#, "signals.screen_lock"),
            (#"{"platform": "ios", "signals": {"face_id": "yes"}}"#, "signals.face_id"),
            (#"{"platform": "blackberry"}"#, "platform"),
            (#"{"platform": "ios", "os_version": "beta"}"#, "os_version"),
            (#"{"platform": 16}"#, "platform"),
            (#"{"platform": "ios", "colour": "red"}"#, "colour"),
            ("[]", "(root)"),
            ("{\"platform\": \"ios\", \"user_agent\": \"\(String(repeating: "a", count: 1025))\"}", "user_agent"),
            (String(repeating: " ", count: 16 * 1024 + 1), "snapshot"),
        ]
        for (json, field) in cases {
            XCTAssertEqual(snapshotErrorField(json), field, json.count > 80 ? String(json.prefix(80)) + "…" : json)
        }
    }

    func testAWellFormedSnapshotRoundTrips() throws {
        let snapshot = try PasskeyReadiness.snapshot(json: #"{"platform": "ipados", "os_version": "17.4", "signals": {"passcode": "no"}}"#)
        XCTAssertEqual(snapshot.platform, .ipados)
        XCTAssertEqual(snapshot.osVersion, "17.4")
        XCTAssertEqual(snapshot.signals, [.passcode: .no])
    }

    func testAnInvalidBundleIsRefusedAndTheContentStaysAsItWas() throws {
        let sdk = try readiness()
        let before = try sdk.exportBundle()
        let guideBefore = try sdk.guide(locale: .ja)

        // Empty both titles: the problems name each item.
        var bundle = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(before.utf8)) as? [String: Any])
        var locales = try XCTUnwrap(bundle["locales"] as? [String: Any])
        for code in ["ja", "en"] {
            var guide = try XCTUnwrap(locales[code] as? [String: Any])
            guide["title"] = ""
            locales[code] = guide
        }
        bundle["locales"] = locales
        let invalid = String(decoding: try JSONSerialization.data(withJSONObject: bundle), as: UTF8.self)

        XCTAssertThrowsError(try sdk.loadBundle(invalid)) { error in
            guard case let PasskeyReadyError.invalidBundle(message, problems) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertFalse(message.isEmpty)
            XCTAssertTrue(problems.contains { $0.hasPrefix("ja.title") }, "\(problems)")
            XCTAssertTrue(problems.contains { $0.hasPrefix("en.title") }, "\(problems)")
        }
        for json in ["", "{", "[]", #"{"schema_version": 999, "locales": {}}"#] {
            XCTAssertThrowsError(try sdk.loadBundle(json), json) { error in
                guard case let PasskeyReadyError.invalidBundle(_, problems) = error else {
                    return XCTFail("\(json): \(error)")
                }
                XCTAssertFalse(problems.isEmpty, json)
            }
        }
        XCTAssertEqual(try sdk.exportBundle(), before)
        XCTAssertEqual(try sdk.guide(locale: .ja), guideBefore)
    }

    func testAValidBundleReplacesTheContentUntilReset() throws {
        let sdk = try readiness()
        let before = try sdk.exportBundle()
        var bundle = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(before.utf8)) as? [String: Any])
        var locales = try XCTUnwrap(bundle["locales"] as? [String: Any])
        var ja = try XCTUnwrap(locales["ja"] as? [String: Any])
        ja["title"] = "パスキーの準備"
        locales["ja"] = ja
        bundle["locales"] = locales
        try sdk.loadBundle(String(decoding: try JSONSerialization.data(withJSONObject: bundle), as: UTF8.self))
        XCTAssertEqual(try sdk.guide(locale: .ja).title, "パスキーの準備")
        try sdk.resetContent()
        XCTAssertEqual(try sdk.exportBundle(), before)
    }
}
