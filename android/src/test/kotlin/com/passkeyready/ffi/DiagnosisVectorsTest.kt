package com.passkeyready.ffi

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/**
 * tests/vectors/diagnoses.json through the bindings, with the semantics of
 * core/tests/diagnose.rs: whether any match comes back, and the FAQ, checks (in fixing order),
 * sections and (when the case gives `first_cause`) cause of the best one; the ranking, the
 * confidence range and "a FAQ or an explanation" hold for every answer.
 */
class DiagnosisVectorsTest {
    private val core = PasskeyReady(null)

    @TestFactory
    fun `every diagnosis vector`(): List<DynamicTest> = Vectors.cases("diagnoses.json").map { case ->
        val name = case["name"].asText()
        DynamicTest.dynamicTest(name) {
            val platform = case["platform"].textOrNull()?.let { p ->
                Platform.entries.singleOrNull { it.wireName() == p } ?: throw AssertionError("$name: platform $p")
            }
            val expect = case["expect"]
            val matches = core.diagnose(case["input"].asText(), platform)

            for ((better, worse) in matches.zipWithNext()) {
                assertTrue(better.confidence >= worse.confidence, "$name: not ranked best first: $matches")
            }
            for (match in matches) {
                assertTrue(match.confidence.toInt() in 1..100, "$name: confidence ${match.confidence}")
                assertTrue((match.faq == null) != (match.explanation == null), "$name: a FAQ or an explanation: $match")
            }

            assertEquals(expect["empty"].booleanValue(), matches.isEmpty(), "$name: $matches")
            val first = matches.firstOrNull()
            if (first == null) {
                assertNull(expect["first_faq"].textOrNull(), "$name: first_faq of an empty case")
                return@dynamicTest
            }
            assertEquals(expect["first_faq"].textOrNull(), first.faq, "$name: first faq in $matches")
            assertEquals(expect["first_checks"].strings(), first.checks.map { checkIdString(it) }, "$name: first checks in $matches")
            assertEquals(expect["first_sections"].strings(), first.sections, "$name: first sections in $matches")
            expect.path("first_cause").textOrNull()?.let { cause ->
                assertEquals(cause, first.cause.wireName(), "$name: first cause in $matches")
            }
        }
    }
}
