// Every scenario of tests/vectors/readiness.json through the Swift bindings, in both
// languages; mirrors core/tests/readiness_vectors.rs.

import PasskeyReady
import PasskeyReadyFFI
import Testing

struct ReadinessCase: Sendable, CustomTestStringConvertible {
    let name: String
    let snapshotJSON: String
    let status: String
    let guide: String
    let order: [String]
    let fail: [String]
    let unknown: [String]
    let notApplicable: [String]
    let questions: [String]
    /// check id → action; only some findings' actions are given.
    let actions: [String: String]?

    var testDescription: String { name }

    static func all() throws -> [ReadinessCase] {
        try Vectors.load("readiness.json") { value in
            let expect = try Vectors.field(value, "expect")
            var actions: [String: String]?
            if let given = expect["actions"] {
                guard case .object(let fields) = given else { throw VectorError(description: "`actions` is not an object") }
                actions = try fields.mapValues { action in
                    guard let name = action.string else { throw VectorError(description: "an action is not a string") }
                    return name
                }
            }
            return ReadinessCase(
                name: try Vectors.string(value, "name"),
                snapshotJSON: try Vectors.field(value, "snapshot").json,
                status: try Vectors.string(expect, "status"),
                guide: try Vectors.string(expect, "guide"),
                order: try Vectors.strings(expect, "order"),
                fail: try Vectors.strings(expect, "fail"),
                unknown: try Vectors.strings(expect, "unknown"),
                notApplicable: try Vectors.strings(expect, "not_applicable"),
                questions: try Vectors.strings(expect, "questions"),
                actions: actions
            )
        }
    }
}

@Suite("readiness vectors")
struct ReadinessVectorTests {
    static let core: PasskeyReadyFFI.PasskeyReady? = try? PasskeyReadyFFI.PasskeyReady(service: nil)

    @Test("the vector file has every scenario the Rust test requires")
    func count() throws {
        #expect(try ReadinessCase.all().count >= 16)
    }

    // This file imports both modules, so `GuideLocale` names the generated enum and the
    // PasskeyReady module's alias of it: spelled with its module here.
    @Test("vector", arguments: try ReadinessCase.all(), [PasskeyReadyFFI.GuideLocale.ja, .en])
    func vector(_ vector: ReadinessCase, locale: PasskeyReadyFFI.GuideLocale) throws {
        let core = try #require(Self.core)
        let snapshot = try snapshotFromJson(json: vector.snapshotJSON)
        let report = try core.evaluate(snapshot: snapshot, locale: locale)
        let checks = { (status: FindingStatus) in
            report.findings.filter { $0.status == status }.map(\.check.id)
        }

        #expect(Names.of(report.status) == vector.status, "status")
        #expect(report.guide == vector.guide, "guide")
        #expect(report.findings.map(\.check.id) == vector.order, "order")
        #expect(checks(.fail) == vector.fail, "fail")
        #expect(checks(.unknown) == vector.unknown, "unknown")
        #expect(checks(.notApplicable) == vector.notApplicable, "not_applicable")
        #expect(report.questions.map(\.check.id) == vector.questions, "questions")
        for (check, action) in vector.actions ?? [:] {
            let finding = try #require(report.findings.first { $0.check.id == check }, "no finding \(check)")
            #expect(Names.of(finding.action) == action, "action of \(check)")
        }
        for finding in report.findings {
            #expect(!finding.reason.isEmpty, "\(finding.check.id) has no reason")
        }
        // The same through the public API: a snapshot from JSON, evaluated by PasskeyReadiness.
        let readiness = try PasskeyReadiness(readers: FakeDevice().readers, opener: FakeOpener())
        #expect(try readiness.evaluate(PasskeyReadiness.snapshot(json: vector.snapshotJSON), locale: locale) == report)
    }
}
