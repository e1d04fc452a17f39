package com.passkeyready

import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.ReadinessStatus
import com.passkeyready.ffi.Signal
import com.passkeyready.ffi.checkIdString
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/**
 * The customer's answers survive the process being killed while they were in Settings: saved
 * by check id, restored into a new instance, which then asks nothing already answered.
 */
class SavedAnswersTest {
    private val device = readyDeviceWith(reads(CheckId.GOOGLE_AUTOFILL, Signal.UNKNOWN), 1_000)

    @Test
    fun `keys are the check ids of the content, reports and CLI`() {
        for (check in CheckId.entries) {
            assertEquals(checkIdString(check), SavedAnswers.id(check), check.name)
        }
        assertEquals(
            mapOf("google_account" to true, "google_autofill" to false),
            SavedAnswers.save(mapOf(CheckId.GOOGLE_ACCOUNT to true, CheckId.GOOGLE_AUTOFILL to false)),
        )
    }

    @Test
    fun `unknown keys and values of another type are ignored`() {
        val saved = mapOf(
            "google_autofill" to true,
            "already_uses_passkeys" to false,
            // A check a later version may add, an app's own key, a value that is not a boolean.
            "quantum_lock" to true,
            "scroll_position" to 120,
            "google_account" to "yes",
            "standard_browser" to null,
        )
        assertEquals(
            mapOf(CheckId.GOOGLE_AUTOFILL to true, CheckId.ALREADY_USES_PASSKEYS to false),
            SavedAnswers.restore(saved),
        )
    }

    @Test
    fun `a new instance with the restored answers asks only what is still open`() {
        val before = PasskeyReadiness.withReaders(device, { "en" }, noLauncher)
        before.answer(CheckId.ALREADY_USES_PASSKEYS, false)
        before.answer(CheckId.GOOGLE_AUTOFILL, true)
        assertEquals(ReadinessStatus.READY, before.check().status)
        val saved = SavedAnswers.save(before.answers)

        // The process is killed; the activity is recreated with its saved state.
        val after = PasskeyReadiness.withReaders(device, { "en" }, noLauncher)
        assertEquals(listOf(CheckId.ALREADY_USES_PASSKEYS, CheckId.GOOGLE_AUTOFILL), after.check().questions.map { it.check })
        after.restore(SavedAnswers.restore(saved))
        assertEquals(before.answers, after.answers)
        assertEquals(before.check(), after.check())
    }

    @Test
    fun `a restored answer the core does not ask on Android is dropped, not an error`() {
        val readiness = PasskeyReadiness.withReaders(device, { "en" }, noLauncher)
        readiness.restore(SavedAnswers.restore(mapOf("passcode" to true, "google_autofill" to true)))
        // The autofill answer applies (every required check passes now), the passcode one is gone.
        assertEquals(ReadinessStatus.READY, readiness.check().status)
        assertEquals(mapOf(CheckId.GOOGLE_AUTOFILL to true), readiness.answers)
    }

    /**
     * The `Bundle` adapter, through the real `android.os.Bundle` of android-all (plain Java
     * maps inside; only a value of the wrong type would reach `Log`, which needs a device or
     * Robolectric, so that case is tested on the map function above).
     */
    @Test
    fun `saveAnswers and restoreAnswers through a Bundle`() {
        val before = PasskeyReadiness.withReaders(device, { "en" }, noLauncher)
        before.answer(CheckId.GOOGLE_AUTOFILL, true)
        before.answer(CheckId.ALREADY_USES_PASSKEYS, false)
        val bundle = before.saveAnswers()
        assertEquals(setOf("google_autofill", "already_uses_passkeys"), bundle.keySet())
        bundle.putInt("scroll_position", 120) // an app's own key in the same Bundle

        val after = PasskeyReadiness.withReaders(device, { "en" }, noLauncher)
        after.restoreAnswers(bundle)
        assertEquals(before.answers, after.answers)
        after.restoreAnswers(null)
        assertEquals(before.answers, after.answers)
    }
}
