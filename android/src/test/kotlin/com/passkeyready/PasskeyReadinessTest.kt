package com.passkeyready

import com.passkeyready.device.BuildVersionSource
import com.passkeyready.device.DeviceReaders
import com.passkeyready.device.OsVersionReader
import com.passkeyready.device.SignalReader
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.FindingStatus
import com.passkeyready.ffi.GuideLocale
import com.passkeyready.ffi.PasskeyReadyException
import com.passkeyready.ffi.ReadinessReport
import com.passkeyready.ffi.ReadinessStatus
import com.passkeyready.ffi.SettingsAction
import com.passkeyready.ffi.Signal
import com.passkeyready.settings.SettingsLauncher
import com.passkeyready.settings.SettingsLauncherFactory
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** A device whose readings the test sets; every other check is not observed (unknown). */
private class FakeDevice(var release: String = "14", var sdk: Int = 34) {
    val signals = mutableMapOf(
        CheckId.SCREEN_LOCK to Signal.YES,
        CheckId.BIOMETRICS to Signal.YES,
        // Android 8+: Google accounts are usually invisible to the bank's app.
        CheckId.GOOGLE_ACCOUNT to Signal.UNKNOWN,
        CheckId.GOOGLE_AUTOFILL to Signal.YES,
        CheckId.STANDARD_BROWSER to Signal.YES,
    )

    val readers = DeviceReaders(
        OsVersionReader(object : BuildVersionSource {
            override val release get() = this@FakeDevice.release
            override val sdkInt get() = this@FakeDevice.sdk
        }),
        CheckId.entries.map { id ->
            object : SignalReader {
                override val check = id
                override fun read() = signals[id] ?: Signal.UNKNOWN
            }
        }.filter { it.check in signals },
    )
}

private val noActivity = SettingsLauncherFactory { error("host tests open settings through a fake launcher") }

private fun ReadinessReport.status(check: CheckId) = findings.single { it.check == check }.status

/** The public API with fake readers, against the real core. */
class PasskeyReadinessTest {
    private val device = FakeDevice()
    private var language: String? = "ja"
    private val readiness = PasskeyReadiness.withReaders(device.readers, { language }, noActivity)

    @Test
    fun `a Japanese device gets the report in Japanese, any other in English`() {
        language = "ja"
        val ja = readiness.check()
        val jaGuide = readiness.guide(GuideLocale.JA)
        assertEquals(GuideLocale.JA, readiness.deviceLocale())
        assertEquals(jaGuide.report.needsConfirmation, ja.summary)
        assertEquals(listOf(CheckId.ALREADY_USES_PASSKEYS, CheckId.GOOGLE_ACCOUNT), ja.questions.map { it.check })
        assertEquals(jaGuide.checks.single { it.id == "google_account" }.question, ja.questions[1].text)

        language = "en"
        val en = readiness.check()
        val enGuide = readiness.guide(GuideLocale.EN)
        assertEquals(GuideLocale.EN, readiness.deviceLocale())
        assertEquals(enGuide.report.needsConfirmation, en.summary)
        assertEquals(enGuide.checks.single { it.id == "google_account" }.question, en.questions[1].text)
        assertTrue(ja.summary != en.summary)

        language = "fr"
        assertEquals(enGuide.report.needsConfirmation, readiness.check().summary)
        assertEquals(enGuide.title, readiness.guide().title)
    }

    @Test
    fun `the service name fills the texts`() {
        device.signals[CheckId.STANDARD_BROWSER] = Signal.UNKNOWN
        val named = PasskeyReadiness.withReaders(device.readers, { "ja" }, noActivity, service = "テスト銀行")
        val question = named.check().questions.single { it.check == CheckId.STANDARD_BROWSER }.text
        assertTrue("テスト銀行" in question, question)
        assertTrue("{service}" !in question, question)
    }

    @Test
    fun `a question answered yes is remembered across checks`() {
        val first = readiness.check()
        assertEquals(ReadinessStatus.NEEDS_CONFIRMATION, first.status)
        assertEquals(listOf(CheckId.ALREADY_USES_PASSKEYS, CheckId.GOOGLE_ACCOUNT), first.questions.map { it.check })

        val answered = readiness.answer(CheckId.GOOGLE_ACCOUNT, true)
        assertEquals(ReadinessStatus.READY, answered.status)
        assertEquals(FindingStatus.PASS, answered.status(CheckId.GOOGLE_ACCOUNT))

        val later = readiness.check()
        assertEquals(ReadinessStatus.READY, later.status)
        assertEquals(emptyList<Any>(), later.questions)
        assertEquals(mapOf(CheckId.GOOGLE_ACCOUNT to true), readiness.answers)
    }

    @Test
    fun `an answer no turns the question into something to fix`() {
        val report = readiness.answer(CheckId.GOOGLE_ACCOUNT, false)
        assertEquals(ReadinessStatus.ACTION_REQUIRED, report.status)
        val finding = report.findings.single { it.check == CheckId.GOOGLE_ACCOUNT }
        assertEquals(FindingStatus.FAIL, finding.status)
        assertEquals(SettingsAction.ADD_GOOGLE_ACCOUNT, finding.action)
        assertEquals(ReadinessStatus.ACTION_REQUIRED, readiness.check().status)
    }

    @Test
    fun `opening the screen for a finding forgets its answer, so the next check asks again`() {
        readiness.answer(CheckId.GOOGLE_AUTOFILL, false) // read as yes: the reading wins, the answer is kept
        val report = readiness.answer(CheckId.GOOGLE_ACCOUNT, false)
        val finding = report.findings.single { it.check == CheckId.GOOGLE_ACCOUNT }
        val started = mutableListOf<String>()
        val launcher = SettingsLauncher(34, "jp.example.bank", { true }, { started += it.action })

        assertEquals(OpenResult.Opened("android.settings.ADD_ACCOUNT_SETTINGS"), readiness.open(launcher, finding))
        assertEquals(listOf("android.settings.ADD_ACCOUNT_SETTINGS"), started)

        // Back in onResume: the account still cannot be seen, so the question comes back.
        val back = readiness.check()
        assertEquals(ReadinessStatus.NEEDS_CONFIRMATION, back.status)
        assertEquals(listOf(CheckId.ALREADY_USES_PASSKEYS, CheckId.GOOGLE_ACCOUNT), back.questions.map { it.check })
        assertEquals(mapOf(CheckId.GOOGLE_AUTOFILL to false), readiness.answers)
    }

    @Test
    fun `a finding with nothing to open gives its guide section`() {
        device.signals[CheckId.STANDARD_BROWSER] = Signal.NO
        val finding = readiness.check().findings.single { it.check == CheckId.STANDARD_BROWSER }
        val launcher = SettingsLauncher(34, "jp.example.bank", { true }, { error("nothing may be started") })
        assertEquals(OpenResult.ManualSteps(finding.section), readiness.open(launcher, finding))
        assertEquals("faq.in_app_browser", finding.section)
    }

    @Test
    fun `what the device reads wins over an answer`() {
        device.signals[CheckId.SCREEN_LOCK] = Signal.NO
        val report = readiness.answer(CheckId.SCREEN_LOCK, true)
        assertEquals(FindingStatus.FAIL, report.status(CheckId.SCREEN_LOCK))
        assertEquals(ReadinessStatus.ACTION_REQUIRED, report.status)

        // The customer sets a screen lock; the next check sees it.
        device.signals[CheckId.SCREEN_LOCK] = Signal.YES
        assertEquals(FindingStatus.PASS, readiness.check().status(CheckId.SCREEN_LOCK))
    }

    @Test
    fun `observe is what the device reads, snapshot adds the answers`() {
        readiness.answer(CheckId.GOOGLE_ACCOUNT, true)
        assertEquals(Signal.UNKNOWN, readiness.observe().signals[CheckId.GOOGLE_ACCOUNT])
        val snapshot = readiness.snapshot()
        assertEquals(Signal.YES, snapshot.signals[CheckId.GOOGLE_ACCOUNT])
        assertEquals("14", snapshot.osVersion)
        assertEquals(readiness.check(), readiness.evaluate(snapshot))
    }

    @Test
    fun `a check that is not asked on Android is refused and not remembered`() {
        val error = assertThrows<PasskeyReadyException.InvalidSnapshot> { readiness.answer(CheckId.PASSCODE, true) }
        assertEquals("signals.passcode", error.field)
        assertEquals(emptyMap<CheckId, Boolean>(), readiness.answers)
    }

    @Test
    fun `forgetting answers asks again`() {
        device.signals[CheckId.STANDARD_BROWSER] = Signal.UNKNOWN
        readiness.answer(CheckId.GOOGLE_ACCOUNT, true)
        readiness.answer(CheckId.STANDARD_BROWSER, true)
        assertEquals(emptyList<Any>(), readiness.check().questions)

        readiness.forgetAnswer(CheckId.STANDARD_BROWSER)
        assertEquals(
            listOf(CheckId.ALREADY_USES_PASSKEYS, CheckId.STANDARD_BROWSER),
            readiness.check().questions.map { it.check },
        )

        readiness.forgetAnswers()
        assertEquals(
            listOf(CheckId.ALREADY_USES_PASSKEYS, CheckId.GOOGLE_ACCOUNT, CheckId.STANDARD_BROWSER),
            readiness.check().questions.map { it.check },
        )
    }

    @Test
    fun `an old Android is unsupported whatever the answers`() {
        device.release = "8.1.0"
        device.sdk = 27
        val report = readiness.answer(CheckId.GOOGLE_ACCOUNT, true)
        assertEquals(ReadinessStatus.UNSUPPORTED, report.status)
        assertEquals(FindingStatus.FAIL, report.status(CheckId.OS_VERSION))
    }

    @Test
    fun `Android 14 points Google autofill to the credential provider settings, 13 to autofill`() {
        device.signals[CheckId.GOOGLE_AUTOFILL] = Signal.NO
        val on14 = readiness.check().findings.single { it.check == CheckId.GOOGLE_AUTOFILL }
        assertEquals(SettingsAction.CREDENTIAL_PROVIDER_SETTINGS, on14.action)
        assertEquals("android.google_autofill", on14.section)

        device.release = "13"
        device.sdk = 33
        val on13 = readiness.check().findings.single { it.check == CheckId.GOOGLE_AUTOFILL }
        assertEquals(SettingsAction.AUTOFILL_SERVICE, on13.action)
    }

    @Test
    fun `the Android guide as Markdown, in the device language`() {
        val markdown = readiness.guideMarkdown("android")
        val title = readiness.guide(GuideLocale.JA).guides.single { it.id == "android" }.title
        assertTrue(title in markdown, markdown.take(200))
        assertThrows<PasskeyReadyException.InvalidInput> { readiness.guideMarkdown("blackberry") }
    }

    @Test
    fun `diagnose defaults to Android`() {
        val best = readiness.diagnose("パスキー登録が中断されました。").first()
        assertEquals("faq.in_app_browser", best.faq)
        assertEquals(listOf(CheckId.STANDARD_BROWSER), best.checks)
    }

    @Test
    fun `a rejected bundle leaves the guide in use`() {
        val before = readiness.guide(GuideLocale.JA)
        val error = assertThrows<PasskeyReadyException.InvalidBundle> { readiness.loadBundle("""{"schema_version": 1}""") }
        assertTrue(error.problems.isNotEmpty())
        assertEquals(before, readiness.guide(GuideLocale.JA))
    }
}
