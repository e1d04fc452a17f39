package com.passkeyready.ffi

import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.node.ObjectNode
import com.fasterxml.jackson.databind.node.TextNode
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Errors cross the boundary as the specific PasskeyReadyException subclasses, naming the input at fault. */
class TypedErrorsTest {
    private val mapper = ObjectMapper()

    @Test
    fun `malformed snapshot JSON names the field`() {
        val error = assertThrows<PasskeyReadyException.InvalidSnapshot> {
            snapshotFromJson("""{"platform": "android", "signals": {"screen_lock": true}}""")
        }
        assertEquals("signals.screen_lock", error.field)
        assertTrue(error.reason.isNotBlank())
    }

    @Test
    fun `snapshot that is not JSON at all`() {
        val error = assertThrows<PasskeyReadyException.InvalidSnapshot> { snapshotFromJson("{\"platform\": ") }
        assertTrue(error.field.isNotBlank(), "field: ${error.field}")
    }

    @Test
    fun `unknown signal id names it`() {
        val error = assertThrows<PasskeyReadyException.InvalidSnapshot> {
            snapshotFromJson("""{"platform": "android", "signals": {"face_id": "yes"}}""")
        }
        assertEquals("signals.face_id", error.field)
    }

    @Test
    fun `unknown platform names the platform field`() {
        val error = assertThrows<PasskeyReadyException.InvalidSnapshot> {
            snapshotFromJson("""{"platform": "symbian"}""")
        }
        assertEquals("platform", error.field)
        assertTrue("symbian" in error.reason, error.reason)
    }

    @Test
    fun `a signal of another platform is refused by evaluate and answer alike`() {
        val core = PasskeyReady(null)
        val snapshot = DeviceSnapshot(Platform.ANDROID, "14", null, mapOf(CheckId.PASSCODE to Signal.YES))
        val evaluated = assertThrows<PasskeyReadyException.InvalidSnapshot> { core.evaluate(snapshot, GuideLocale.EN) }
        assertEquals("signals.passcode", evaluated.field)
        val answered = assertThrows<PasskeyReadyException.InvalidSnapshot> {
            answer(DeviceSnapshot(Platform.ANDROID, null, null, emptyMap()), CheckId.ICLOUD_KEYCHAIN_SYNC, true)
        }
        assertEquals("signals.icloud_keychain_sync", answered.field)
    }

    @Test
    fun `an unparseable OS version names os_version`() {
        val error = assertThrows<PasskeyReadyException.InvalidSnapshot> {
            PasskeyReady(null).evaluate(DeviceSnapshot(Platform.ANDROID, "UpsideDownCake", null, emptyMap()), GuideLocale.JA)
        }
        assertEquals("os_version", error.field)
    }

    @Test
    fun `empty user agent and empty diagnosis input are invalid input`() {
        val ua = assertThrows<PasskeyReadyException.InvalidInput> { classifyUserAgent("   ") }
        assertEquals("user_agent", ua.field)
        val message = assertThrows<PasskeyReadyException.InvalidInput> { PasskeyReady(null).diagnose("", Platform.ANDROID) }
        assertEquals("message", message.field)
    }

    @Test
    fun `an invalid bundle is refused naming the item, and the guide in use stays`() {
        val core = PasskeyReady("テスト銀行")
        val before = core.guide(GuideLocale.JA)
        val exportedBefore = core.exportBundle()

        val bundle = mapper.readTree(exportedBefore) as ObjectNode
        val firstGuide = bundle.at("/locales/en/guides/0") as ObjectNode
        val guideId = firstGuide["id"].asText()
        firstGuide.set<ObjectNode>("id", TextNode("Windows Hello"))

        val error = assertThrows<PasskeyReadyException.InvalidBundle> { core.loadBundle(bundle.toString()) }
        assertTrue(error.problems.isNotEmpty())
        assertTrue(
            // An id that is not an id is quoted in the path, so that it reads as a value.
            error.problems.any { "en.guides[\"Windows Hello\"]" in it },
            "no problem names en.guides[\"Windows Hello\"] (was $guideId): ${error.problems}",
        )
        assertEquals(before, core.guide(GuideLocale.JA))
        assertEquals(exportedBefore, core.exportBundle())
    }

    @Test
    fun `a bundle that is not JSON is refused too`() {
        val core = PasskeyReady(null)
        val before = core.exportBundle()
        val error = assertThrows<PasskeyReadyException.InvalidBundle> { core.loadBundle("{ not json") }
        assertTrue(error.problems.isNotEmpty())
        assertEquals(before, core.exportBundle())
    }

    @Test
    fun `a valid bundle replaces the guide, and reset brings the embedded one back`() {
        val core = PasskeyReady(null)
        val embedded = core.guide(GuideLocale.EN)
        val bundle = mapper.readTree(core.exportBundle()) as ObjectNode
        (bundle.at("/locales/en") as ObjectNode).set<ObjectNode>("title", TextNode("Before you register a passkey"))
        core.loadBundle(bundle.toString())
        assertEquals("Before you register a passkey", core.guide(GuideLocale.EN).title)
        assertNotEquals(embedded, core.guide(GuideLocale.EN))
        core.resetContent()
        assertEquals(embedded, core.guide(GuideLocale.EN))
    }

    @Test
    fun `a guide for an OS version shows that version's steps, and a bad version names os_version`() {
        val core = PasskeyReady(null)
        val autofill = { guide: Guide ->
            guide.guides.single { it.id == "ios" }.parts.single { it.id == "ios.autofill" }
        }
        val all = core.guide(GuideLocale.EN)
        val ios17 = core.guideForOs(GuideLocale.EN, Platform.IOS, "17.4")
        assertEquals(autofill(all).variants.first().steps, autofill(ios17).steps)
        assertTrue(autofill(ios17).variants.isEmpty())
        val error = assertThrows<PasskeyReadyException.InvalidInput> {
            core.guideForOs(GuideLocale.EN, Platform.IOS, "latest")
        }
        assertEquals("os_version", error.field)
    }

    @Test
    fun `the service name fills every text`() {
        val guide = PasskeyReady("テスト銀行").guide(GuideLocale.JA)
        val texts = guide.checks.flatMap { listOf(it.question, it.pass, it.fail, it.unknown) }
        assertTrue(texts.any { "テスト銀行" in it }, "no text names the service")
        assertTrue(texts.none { "{service}" in it }, "a placeholder is left")
    }
}
