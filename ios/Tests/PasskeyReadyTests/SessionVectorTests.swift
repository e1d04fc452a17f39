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

/// A vector's iPhone or iPad snapshot as fake readings, so that the case runs through the
/// SDK's own path (readers → PasskeyReadiness → session → PasskeyHelpModel); nil when the
/// readers could not produce it (another platform; a reading no iOS API gives).
private func readings(_ signals: [String: JSONValue], platform: Platform, osVersion: String?) -> ((inout FakeDevice.State) -> Void)? {
    guard platform == .ios || platform == .ipados else { return nil }
    let signal = { (check: String) in signals[check]?.string ?? "unknown" }
    // iCloud Keychain and AutoFill cannot be read (always unknown); an Apple Account is only
    // ever read as signed in.
    let readable: Set<String> = ["passcode", "biometrics", "apple_account"]
    guard signals.allSatisfy({ readable.contains($0.key) || $0.value.string == "unknown" }),
          signal("apple_account") != "no" else { return nil }
    let version = osVersion.map { text -> OperatingSystemVersion in
        let parts = text.split(separator: ".").map { Int($0) ?? 0 } + [0, 0, 0]
        return OperatingSystemVersion(majorVersion: parts[0], minorVersion: parts[1], patchVersion: parts[2])
    }
    return { state in
        state.platform = platform
        state.osVersion = version
        state.passcode = ["yes": .canEvaluate, "no": .passcodeNotSet][signal("passcode")] ?? .otherError(code: -1)
        state.biometrics = ["yes": .canEvaluate, "no": .biometryNotEnrolled][signal("biometrics")] ?? .biometryNotAvailable
        state.ubiquityToken = signal("apple_account") == "yes"
    }
}

extension SessionVectorTests {
    @MainActor
    @Test("iPhone and iPad vectors through the help screen model", arguments: [PasskeyReadyFFI.GuideLocale.ja, .en])
    func throughTheModel(locale: PasskeyReadyFFI.GuideLocale) async throws {
        var ran = 0
        for vector in try SessionCase.all() {
            guard case let .object(device) = vector.snapshot, case var .object(signals)? = device["signals"] else {
                throw VectorError(description: "\(vector.name): `snapshot.signals` is not an object")
            }
            let osVersion = device["os_version"]?.string
            guard let setUp = readings(signals, platform: vector.platform, osVersion: osVersion) else { continue }
            ran += 1
            let fake = FakeDevice(setUp)
            let model = PasskeyHelpModel(readiness: try PasskeyReadiness(
                readers: fake.readers,
                opener: FakeOpener(),
                userAgent: device["user_agent"]?.string,
                preferredLanguages: { [locale.code] }
            ))
            for (number, step) in vector.steps.enumerated() {
                let at = "\(vector.name) step \(number + 1)"
                if let answer = step["answer"] {
                    let check = try Names.check(Vectors.string(answer, "check"))
                    guard let yes = answer["yes"]?.bool else { throw VectorError(description: "\(at): `yes` is not a bool") }
                    await model.answer(check, yes: yes).value
                    if let field = answer["refused"]?.string {
                        guard case let .invalidSnapshot(got, _)? = model.state.error else {
                            Issue.record("\(at): expected refusal naming \(field), got \(String(describing: model.state.error))")
                            continue
                        }
                        #expect(got == field, "\(at)")
                    } else {
                        #expect(model.state.error == nil, "\(at)")
                    }
                } else if let check = step["settings_opened"]?.string {
                    try model.readiness.settingsOpened(Names.check(check))
                } else if case let .object(changes)? = step["observe"] {
                    signals.merge(changes) { _, new in new }
                    guard let update = readings(signals, platform: vector.platform, osVersion: osVersion) else {
                        Issue.record("\(at): the fake readers cannot read \(signals)")
                        break
                    }
                    fake.update(update)
                } else if let expect = step["expect"] {
                    await model.refresh().value
                    let screen = try #require(model.state.screen, "\(at): no screen; error \(String(describing: model.state.error))")
                    #expect(screen.locale == locale)
                    let got = observed(screen, answers: try model.readiness.answers, expect: expect)
                    guard case let .object(wanted) = expect else { throw VectorError(description: "\(at): `expect` is not an object") }
                    for (key, want) in wanted {
                        #expect(got[key] == want, "\(at): \(key)")
                    }
                }
            }
        }
        #expect(ran >= 2, "the fake readers could produce only \(ran) of the iPhone/iPad cases")
    }
}
