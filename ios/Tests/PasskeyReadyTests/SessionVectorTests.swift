// Every case of tests/vectors/session.json through the core's ReadinessSession, step by step
// as a shell drives it, in both languages; mirrors core/tests/session_vectors.rs. The
// session is the one PasskeyReadiness delegates its answers to.

import Foundation
import PasskeyReady
import PasskeyReadyFFI
import Testing

struct SessionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let platform: Platform
    let snapshot: JSONValue
    let steps: [JSONValue]

    var testDescription: String { name }

    static func all() throws -> [SessionCase] {
        try Vectors.load("session.json") { value in
            guard let steps = try Vectors.field(value, "steps").array else {
                throw VectorError(description: "`steps` is not an array")
            }
            return SessionCase(
                name: try Vectors.string(value, "name"),
                platform: try Names.platform(Vectors.string(value, "platform")),
                snapshot: try Vectors.field(value, "snapshot"),
                steps: steps
            )
        }
    }
}

/// The parts of a screen an `expect` step speaks of, in the vector's terms.
private func observed(_ screen: HelpScreen, answers: [CheckId: Bool], expect: JSONValue) -> [String: JSONValue] {
    let rows = (screen.alreadyUsing.map { [$0] } ?? []) + screen.rows
    var out: [String: JSONValue] = ["banner": .string(Names.of(screen.banner.kind))]
    if case let .object(wanted)? = expect["rows"] {
        out["rows"] = .object(Dictionary(uniqueKeysWithValues: wanted.keys.map { check in
            (check, rows.first { $0.check.id == check }.map { .string(Names.of($0.kind)) } ?? .null)
        }))
    }
    out["buttons"] = .object(Dictionary(uniqueKeysWithValues: rows.compactMap { row in
        row.button.map { (row.check.id, .string(Names.of($0.action))) }
    }))
    out["questions"] = .array(rows.compactMap { $0.question.map { .string($0.check.id) } })
    out["answers"] = .object(Dictionary(uniqueKeysWithValues: answers.map { ($0.key.id, .bool($0.value)) }))
    return out
}

@Suite("session vectors")
struct SessionVectorTests {
    @Test("the vector file has every flow the Rust test requires")
    func count() throws {
        #expect(try SessionCase.all().count >= 5)
    }

    @Test("vector", arguments: try SessionCase.all(), [PasskeyReadyFFI.GuideLocale.ja, .en])
    func vector(_ vector: SessionCase, locale: PasskeyReadyFFI.GuideLocale) throws {
        let session = try ReadinessSession(sdk: PasskeyReadyFFI.PasskeyReady(service: nil), platform: vector.platform)
        guard case var .object(device) = vector.snapshot, case var .object(signals)? = device["signals"] else {
            throw VectorError(description: "`snapshot.signals` is not an object")
        }
        for (number, step) in vector.steps.enumerated() {
            let at = "step \(number + 1)"
            if let answer = step["answer"] {
                let check = try Names.check(Vectors.string(answer, "check"))
                guard let yes = answer["yes"]?.bool else { throw VectorError(description: "\(at): `yes` is not a bool") }
                var refused: (any Error)?
                do { try session.answer(check: check, yes: yes) } catch { refused = error }
                if let field = answer["refused"]?.string {
                    guard case let .InvalidSnapshot(got, _)? = refused as? PasskeyReadyFFI.PasskeyReadyError else {
                        Issue.record("\(at): answer gave \(String(describing: refused)), expected refusal naming \(field)")
                        continue
                    }
                    #expect(got == field, "\(at)")
                } else {
                    #expect(refused == nil, "\(at): answer refused: \(String(describing: refused))")
                }
            } else if let check = step["settings_opened"]?.string {
                try session.settingsOpened(check: Names.check(check))
            } else if case let .object(readings)? = step["observe"] {
                signals.merge(readings) { _, new in new }
            } else if let expect = step["expect"] {
                device["signals"] = .object(signals)
                let snapshot = try snapshotFromJson(json: JSONValue.object(device).json)
                let screen = try session.screen(observed: snapshot, locale: locale)
                let got = observed(screen, answers: try session.answers(), expect: expect)
                guard case let .object(wanted) = expect else { throw VectorError(description: "\(at): `expect` is not an object") }
                for (key, want) in wanted {
                    #expect(got[key] == want, "\(at): \(key)")
                }
            } else {
                throw VectorError(description: "\(at): not a step: \(step)")
            }
        }
    }
}
