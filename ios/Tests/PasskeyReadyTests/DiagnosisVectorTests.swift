// Every scenario of tests/vectors/diagnoses.json through the Swift bindings, the invariants
// every answer keeps, and the input limits; mirrors core/tests/diagnose.rs.

import PasskeyReady
import PasskeyReadyFFI
import Testing

struct DiagnosisCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let platform: Platform?
    let empty: Bool
    let firstFaq: String?
    let firstChecks: [String]
    let firstSections: [String]
    /// `first_cause`, when the case gives one.
    let firstCause: String?

    var testDescription: String { name }

    static func all() throws -> [DiagnosisCase] {
        try Vectors.load("diagnoses.json") { value in
            let expect = try Vectors.field(value, "expect")
            let platform: Platform? = switch try Vectors.field(value, "platform") {
            case .null: nil
            case .string(let name): try Names.platform(name)
            default: throw VectorError(description: "`platform` is neither null nor a string")
            }
            let firstFaq: String? = switch try Vectors.field(expect, "first_faq") {
            case .null: nil
            case .string(let id): id
            default: throw VectorError(description: "`first_faq` is neither null nor a string")
            }
            let firstCause: String? = switch expect["first_cause"] {
            case nil: nil
            case .string(let name)?: name
            default: throw VectorError(description: "`first_cause` is not a string")
            }
            guard let empty = try Vectors.field(expect, "empty").bool else {
                throw VectorError(description: "`empty` is not a boolean")
            }
            return DiagnosisCase(
                name: try Vectors.string(value, "name"),
                input: try Vectors.string(value, "input"),
                platform: platform,
                empty: empty,
                firstFaq: firstFaq,
                firstChecks: try Vectors.strings(expect, "first_checks"),
                firstSections: try Vectors.strings(expect, "first_sections"),
                firstCause: firstCause
            )
        }
    }
}

@Suite("diagnosis vectors")
struct DiagnosisVectorTests {
    static let readiness: PasskeyReadiness? = try? PasskeyReadiness(readers: FakeDevice().readers, opener: FakeOpener())

    /// What every answer keeps: ranked best first, confidence in 1...100, each FAQ and
    /// section exists in both languages, a FAQ or an explanation (whose text exists in both
    /// languages), no answer twice.
    static func expectInvariants(_ matches: [DiagnosisMatch], _ readiness: PasskeyReadiness) {
        let guides = [try? readiness.guide(locale: .ja), try? readiness.guide(locale: .en)].compactMap { $0 }
        #expect(guides.count == 2, "the guide in both languages")
        for (better, worse) in zip(matches, matches.dropFirst()) {
            #expect(better.confidence >= worse.confidence, "not ranked best first")
        }
        for (index, match) in matches.enumerated() {
            #expect((1...100).contains(match.confidence), "confidence \(match.confidence)")
            for guide in guides {
                if let faq = match.faq {
                    #expect(guide.troubleshooting.faqs.contains { $0.id == faq }, "\(faq) is not a FAQ")
                }
                for section in match.sections {
                    #expect(guide.guides.contains { $0.parts.contains { $0.id == section } }, "\(section) is not a part")
                }
            }
            #expect((match.faq == nil) != (match.explanation == nil), "a FAQ or an explanation")
            if let explanation = match.explanation {
                for guide in guides {
                    #expect(guide.troubleshooting.explanations.contains { $0.id == explanation }, "\(explanation) has no text")
                }
            }
            #expect(Set(match.checks.map(\.id)).count == match.checks.count, "a check twice")
            for other in matches.dropFirst(index + 1) {
                #expect(
                    (match.faq, match.checks, match.sections, Names.of(match.cause))
                        != (other.faq, other.checks, other.sections, Names.of(other.cause)),
                    "the same answer twice"
                )
            }
        }
    }

    @Test("the vector file has every scenario the Rust test requires")
    func count() throws {
        #expect(try DiagnosisCase.all().count >= 30)
    }

    @Test("vector", arguments: try DiagnosisCase.all())
    func vector(_ vector: DiagnosisCase) throws {
        let readiness = try #require(Self.readiness)
        let matches = try readiness.diagnose(vector.input, platform: vector.platform)
        Self.expectInvariants(matches, readiness)
        #expect(matches.isEmpty == vector.empty, "\(matches)")
        guard let first = matches.first else {
            #expect(vector.firstFaq == nil, "first_faq of an empty case")
            return
        }
        #expect(first.faq == vector.firstFaq, "first faq in \(matches)")
        #expect(first.checks.map(\.id) == vector.firstChecks, "first checks in \(matches)")
        #expect(first.sections == vector.firstSections, "first sections in \(matches)")
        if let cause = vector.firstCause {
            #expect(Names.of(first.cause) == cause, "first cause in \(matches)")
        }
        // The bindings' free function and the SDK agree.
        let core = try PasskeyReadyFFI.PasskeyReady(service: nil)
        #expect(try core.diagnose(input: vector.input, platform: vector.platform) == matches)
    }

    /// `any` (nil) and every platform. (Spelled as names: Swift 6.0.3's `@Test` macro cannot
    /// take an optional parameter type.)
    @Test("every vector keeps the invariants on every platform", arguments: ["any", "android", "ios", "ipados", "macos", "windows"])
    func everyPlatform(_ name: String) throws {
        let readiness = try #require(Self.readiness)
        let platform = name == "any" ? nil : try Names.platform(name)
        for vector in try DiagnosisCase.all() {
            Self.expectInvariants(try readiness.diagnose(vector.input, platform: platform), readiness)
        }
    }

    @Test("the device's own platform is used by default")
    func devicePlatform() throws {
        let device = FakeDevice { $0.platform = .ipados }
        let readiness = try PasskeyReadiness(readers: device.readers, opener: FakeOpener())
        let input = "NotAllowedError"
        #expect(try readiness.diagnose(input) == readiness.diagnose(input, platform: .ipados))
    }

    @Test("empty and too long inputs are refused with the field named")
    func limits() throws {
        let readiness = try #require(Self.readiness)
        for input in ["", " ", "\n\t", "\u{3000}", String(repeating: "a", count: 2049), String(repeating: "あ", count: 683)] {
            #expect(invalidInputField { try readiness.diagnose(input, platform: nil) } == "message", "\(input.prefix(20))")
        }
        #expect(try readiness.diagnose(String(repeating: "a", count: 2048), platform: nil).isEmpty)
    }
}
