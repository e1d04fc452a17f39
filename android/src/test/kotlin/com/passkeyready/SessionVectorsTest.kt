package com.passkeyready

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.node.ObjectNode
import com.passkeyready.device.DeviceReaders
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.GuideLocale
import com.passkeyready.ffi.HelpScreen
import com.passkeyready.ffi.PasskeyReady
import com.passkeyready.ffi.PasskeyReadyException
import com.passkeyready.ffi.Platform
import com.passkeyready.ffi.ReadinessSession
import com.passkeyready.ffi.Vectors
import com.passkeyready.ffi.checkIdString
import com.passkeyready.ffi.snapshotFromJson
import com.passkeyready.ffi.wireName
import com.passkeyready.settings.SettingsLauncherFactory
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/**
 * tests/vectors/session.json step by step, as core/tests/session_vectors.rs runs it: every case
 * through the generated `ReadinessSession`, and the Android cases through [PasskeyReadiness]
 * itself (its answers, `settingsOpened` and screen), which keeps no answers of its own.
 */
class SessionVectorsTest {
    /** What a step does to whichever keeps the answers. */
    private interface Keeper {
        fun answer(check: CheckId, yes: Boolean)
        fun settingsOpened(check: CheckId)
        fun screen(device: JsonNode, locale: GuideLocale): HelpScreen
        fun answers(): Map<CheckId, Boolean>
    }

    private class Session(platform: Platform) : Keeper {
        private val session = ReadinessSession(PasskeyReady(null), platform)
        override fun answer(check: CheckId, yes: Boolean) = session.answer(check, yes)
        override fun settingsOpened(check: CheckId) = session.settingsOpened(check)
        override fun screen(device: JsonNode, locale: GuideLocale) = session.screen(snapshotFromJson(device.toString()), locale)
        override fun answers() = session.answers()
    }

    /**
     * [PasskeyReadiness] itself, handed the case's snapshot as what its readers observed (the
     * vectors' snapshots carry a user agent, which the Android readers never send).
     */
    private class Shell : Keeper {
        private val readiness = PasskeyReadiness.withReaders(
            DeviceReaders(android14, emptyList()),
            { null },
            SettingsLauncherFactory { error("the vectors open nothing") },
        )

        override fun answer(check: CheckId, yes: Boolean) = readiness.record(check, yes)
        override fun settingsOpened(check: CheckId) = readiness.settingsOpened(check)
        override fun screen(device: JsonNode, locale: GuideLocale) =
            readiness.screen(snapshotFromJson(device.toString()), locale)
        override fun answers() = readiness.answers
    }

    @TestFactory
    fun `every session vector through ReadinessSession`(): List<DynamicTest> = cases { Session(it) }

    @TestFactory
    fun `every Android session vector through PasskeyReadiness`(): List<DynamicTest> =
        cases { if (it == Platform.ANDROID) Shell() else null }

    private fun cases(keeper: (Platform) -> Keeper?): List<DynamicTest> =
        Vectors.cases("session.json").mapNotNull { case ->
            val platform = Platform.valueOf(case["platform"].asText().uppercase())
            if (keeper(platform) == null) return@mapNotNull null
            DynamicTest.dynamicTest(case["name"].asText()) {
                val problems = GuideLocale.entries.flatMap { run(case, it, keeper(platform)!!) }
                assertTrue(problems.isEmpty(), problems.joinToString("\n"))
            }
        }.also { assertTrue(it.isNotEmpty()) }

    private fun run(case: JsonNode, locale: GuideLocale, keeper: Keeper): List<String> {
        val device = case["snapshot"].deepCopy<ObjectNode>()
        val problems = mutableListOf<String>()
        for ((n, step) in case["steps"].withIndex()) {
            val at = "${case["name"].asText()} ($locale) step ${n + 1}"
            when {
                step.has("answer") -> {
                    val answer = step["answer"]
                    val refused = answer["refused"]?.asText()
                    try {
                        keeper.answer(check(answer["check"]), answer["yes"].asBoolean())
                        if (refused != null) problems += "$at: answer recorded, expected refusal naming $refused"
                    } catch (e: PasskeyReadyException.InvalidSnapshot) {
                        if (refused != e.field) problems += "$at: answer refused naming ${e.field}, expected ${refused ?: "no refusal"}"
                    }
                }
                step.has("settings_opened") -> keeper.settingsOpened(check(step["settings_opened"]))
                step.has("observe") -> step["observe"].properties().forEach { (check, signal) ->
                    (device["signals"] as ObjectNode).set<JsonNode>(check, signal)
                }
                step.has("expect") -> {
                    val screen = keeper.screen(device, locale)
                    val expect = step["expect"]
                    val got = observed(screen, keeper, expect)
                    for ((key, want) in expect.properties()) {
                        if (got[key] != want) problems += "$at: $key: expected $want, got ${got[key]}"
                    }
                }
                else -> problems += "$at: not a step: $step"
            }
        }
        return problems
    }

    /** The parts of [screen] an `expect` speaks of, in the vector's terms. */
    private fun observed(screen: HelpScreen, keeper: Keeper, expect: JsonNode): ObjectNode {
        val json = ObjectMapper()
        val rows = listOfNotNull(screen.alreadyUsing) + screen.rows
        return json.createObjectNode().apply {
            put("banner", screen.banner.kind.wireName())
            expect["rows"]?.let { wanted ->
                putObject("rows").apply {
                    for (check in wanted.fieldNames()) {
                        val row = rows.firstOrNull { checkIdString(it.check) == check }
                        if (row == null) putNull(check) else put(check, row.kind.wireName())
                    }
                }
            }
            putObject("buttons").apply {
                for (row in rows) row.button?.let { put(checkIdString(row.check), it.action.wireName()) }
            }
            putArray("questions").apply { rows.mapNotNull { it.question }.forEach { add(checkIdString(it.check)) } }
            if (expect.has("answers")) {
                putObject("answers").apply {
                    keeper.answers().entries.sortedBy { checkIdString(it.key) }.forEach { (check, yes) -> put(checkIdString(check), yes) }
                }
            }
        }
    }

    private fun check(node: JsonNode): CheckId = CheckId.valueOf(node.asText().uppercase())
}
