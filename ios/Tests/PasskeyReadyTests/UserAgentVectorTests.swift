// Every case of tests/vectors/user_agents.json through the Swift bindings, and the input
// limits; mirrors core/tests/useragent.rs.

import PasskeyReady
import PasskeyReadyFFI
import Testing

struct UserAgentCase: Sendable, CustomTestStringConvertible {
    static let fields = ["platform", "os_version", "browser", "in_app", "standard_browser", "can_register", "ipad_ambiguous"]

    let name: String
    let userAgent: String
    let expect: [String: JSONValue]

    var testDescription: String { name }

    static func all() throws -> [UserAgentCase] {
        try Vectors.load("user_agents.json") { value in
            guard case .object(let expect) = try Vectors.field(value, "expect") else {
                throw VectorError(description: "`expect` is not an object")
            }
            return UserAgentCase(
                name: try Vectors.string(value, "name"),
                userAgent: try Vectors.string(value, "user_agent"),
                expect: expect
            )
        }
    }
}

/// The result in the vectors' JSON form: snake_case names, null where Rust has None.
func vectorForm(_ info: UserAgentInfo) -> [String: JSONValue] {
    [
        "platform": .optional(info.platform.map(Names.of)),
        "os_version": .optional(info.osVersion),
        "browser": .optional(info.browser.map(Names.of)),
        "in_app": .optional(info.inApp.map(Names.of)),
        "standard_browser": .optional(info.standardBrowser),
        "can_register": .optional(info.canRegister),
        "ipad_ambiguous": .bool(info.ipadAmbiguous),
    ]
}

@Suite("user agent vectors")
struct UserAgentVectorTests {
    @Test("the vector file has enough cases, with unique names")
    func count() throws {
        let cases = try UserAgentCase.all()
        #expect(cases.count >= 30)
        #expect(Set(cases.map(\.name)).count == cases.count)
    }

    @Test("vector", arguments: try UserAgentCase.all())
    func vector(_ vector: UserAgentCase) throws {
        #expect(Set(vector.expect.keys) == Set(UserAgentCase.fields), "expect must list every field, null where None")
        let actual = vectorForm(try classifyUserAgent(userAgent: vector.userAgent))
        #expect(Set(actual.keys) == Set(UserAgentCase.fields))
        for field in UserAgentCase.fields {
            #expect(actual[field] == vector.expect[field], "\(field); user agent: \(vector.userAgent)")
        }
        #expect(try PasskeyReadiness.classify(userAgent: vector.userAgent) == classifyUserAgent(userAgent: vector.userAgent))
    }

    @Test("empty and whitespace-only user agents are refused", arguments: ["", " ", "\t\r\n", "\u{3000}"])
    func empty(_ userAgent: String) {
        let error = thrownError { try classifyUserAgent(userAgent: userAgent) }
        guard case .InvalidInput(let field, let message)? = error as? PasskeyReadyFFI.PasskeyReadyError else {
            Issue.record("not refused as InvalidInput: \(String(describing: error))")
            return
        }
        #expect(field == "user_agent")
        #expect(message.contains("empty"))
    }

    @Test("the limit is 1024 bytes, before anything else")
    func limit() throws {
        let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
        let atLimit = chrome + String(repeating: " ", count: 1024 - chrome.utf8.count)
        #expect(atLimit.utf8.count == 1024)
        #expect(try classifyUserAgent(userAgent: atLimit) == classifyUserAgent(userAgent: chrome))

        // Bytes, not characters; and the limit comes before the emptiness check.
        for userAgent in [atLimit + "x", String(repeating: "あ", count: 1024 / 3 + 1), String(repeating: " ", count: 1025)] {
            #expect(invalidInputField { try PasskeyReadiness.classify(userAgent: userAgent) } == "user_agent")
            let error = thrownError { try classifyUserAgent(userAgent: userAgent) }
            #expect(String(describing: error).contains("1024"), "too long, not empty: \(String(describing: error))")
        }
    }
}
