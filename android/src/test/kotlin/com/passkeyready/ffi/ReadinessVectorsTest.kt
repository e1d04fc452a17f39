package com.passkeyready.ffi

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/**
 * tests/vectors/readiness.json through the generated Kotlin bindings and the real native
 * library: the same checks as core/tests/readiness_vectors.rs, in both languages.
 */
class ReadinessVectorsTest {
    private val core = PasskeyReady(null)

    @TestFactory
    fun `every readiness vector`(): List<DynamicTest> = Vectors.cases("readiness.json").map { case ->
        val name = case["name"].asText()
        DynamicTest.dynamicTest(name) {
            val expect = case["expect"]
            val snapshot = snapshotFromJson(case["snapshot"].toString())
            for (locale in GuideLocale.entries) {
                val report = core.evaluate(snapshot, locale)
                val at = "$name ($locale)"
                assertEquals(expect["status"].asText(), report.status.wireName(), "$at: status")
                assertEquals(expect["guide"].asText(), report.guide, "$at: guide")
                assertEquals(
                    expect["order"].strings(),
                    report.findings.map { checkIdString(it.check) },
                    "$at: order",
                )
                for ((key, status) in listOf(
                    "fail" to FindingStatus.FAIL,
                    "unknown" to FindingStatus.UNKNOWN,
                    "not_applicable" to FindingStatus.NOT_APPLICABLE,
                )) {
                    assertEquals(
                        expect[key].strings(),
                        report.findings.filter { it.status == status }.map { checkIdString(it.check) },
                        "$at: $key",
                    )
                }
                assertEquals(
                    expect["questions"].strings(),
                    report.questions.map { checkIdString(it.check) },
                    "$at: questions",
                )
                expect["actions"]?.properties()?.forEach { (check, action) ->
                    val finding = report.findings.singleOrNull { checkIdString(it.check) == check }
                        ?: throw AssertionError("$at: no finding $check")
                    assertEquals(action.asText(), finding.action.wireName(), "$at: action of $check")
                }
                for (finding in report.findings) {
                    assertTrue(finding.reason.isNotBlank(), "$at: ${finding.check} has no reason")
                }
                for (question in report.questions) {
                    assertTrue(question.text.isNotBlank(), "$at: question ${question.check} has no text")
                }
                assertTrue(report.summary.isNotBlank(), "$at: no summary")
            }
        }
    }
}
