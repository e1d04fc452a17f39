package com.passkeyready.ffi

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/**
 * tests/vectors/user_agents.json through the bindings: every field of `expect` against the
 * result, null where the Rust field is None (as core/tests/useragent.rs does).
 */
class UserAgentVectorsTest {
    private val fields = setOf(
        "platform", "os_version", "browser", "in_app", "standard_browser", "can_register", "ipad_ambiguous",
    )

    @TestFactory
    fun `every user agent vector`(): List<DynamicTest> = Vectors.cases("user_agents.json").map { case ->
        val name = case["name"].asText()
        DynamicTest.dynamicTest(name) {
            val expect = case["expect"]
            assertEquals(fields, expect.fieldNames().asSequence().toSet(), "$name: expect must list every field")
            val info = classifyUserAgent(case["user_agent"].asText())
            val actual = mapOf(
                "platform" to info.platform?.wireName(),
                "os_version" to info.osVersion,
                "browser" to info.browser?.wireName(),
                "in_app" to info.inApp?.wireName(),
                "standard_browser" to info.standardBrowser,
                "can_register" to info.canRegister,
                "ipad_ambiguous" to info.ipadAmbiguous,
            )
            for (field in fields) {
                val wanted = expect[field]
                val expected: Any? = when {
                    wanted.isNull -> null
                    wanted.isBoolean -> wanted.booleanValue()
                    else -> wanted.asText()
                }
                assertEquals(expected, actual[field], "$name: $field")
            }
        }
    }
}
