package com.passkeyready.framework

import android.accounts.Account
import android.accounts.AccountManager
import android.app.KeyguardManager
import android.content.ComponentName
import android.os.Build
import android.view.autofill.AutofillManager
import com.passkeyready.PasskeyReadiness
import com.passkeyready.device.GoogleAutofillReader
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.FindingStatus
import com.passkeyready.ffi.ReadinessStatus
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config

/**
 * `PasskeyReadiness(context)` on each API level: the real readers on the real framework, the real
 * native core through JNA, as a bank's app calls it.
 */
@RunWith(RobolectricTestRunner::class)
class EndToEndTest {
    /** Screen lock, a Google account, Chrome as the browser; the autofill service [autofill]. */
    private fun preparedDevice(autofill: String?) {
        shadowOf(application().getSystemService(KeyguardManager::class.java)).setIsDeviceSecure(true)
        shadowOf(AccountManager.get(application())).addAccount(Account("customer", "com.google"))
        installBrowser("com.android.chrome")
        if (autofill != null) {
            val manager = shadowOf(application().getSystemService(AutofillManager::class.java))
            manager.setAutofillSupported(true)
            manager.setAutofillServiceComponentName(ComponentName(autofill, "$autofill.AutofillService"))
        }
    }

    private fun check() = PasskeyReadiness(application()).use { it.check() }

    @Test
    @Config(sdk = [23, 26])
    fun `Android 6 and 8 are too old for passkeys, and nothing crashes on the way`() {
        preparedDevice(autofill = null)
        val report = check()
        assertEquals(ReadinessStatus.UNSUPPORTED, report.status)
        assertEquals(FindingStatus.FAIL, report.findings.single { it.check == CheckId.OS_VERSION }.status)
    }

    @Test
    @Config(sdk = [28, 29, 30, 33, 34, 35])
    fun `a device set up as the guide asks is ready`() {
        preparedDevice(autofill = GoogleAutofillReader.GOOGLE_PLAY_SERVICES)
        assertEquals(ReadinessStatus.READY, check().status)
    }

    @Test
    @Config(sdk = [28, 29, 30, 33])
    fun `another autofill service before Android 14 is a setting to change`() {
        preparedDevice(autofill = "com.x8bit.bitwarden")
        val report = check()
        assertEquals(ReadinessStatus.ACTION_REQUIRED, report.status)
        assertEquals(FindingStatus.FAIL, report.findings.single { it.check == CheckId.GOOGLE_AUTOFILL }.status)
    }

    @Test
    @Config(sdk = [34, 35])
    fun `another preferred provider on Android 14+ is a question, not a failure`() {
        preparedDevice(autofill = "com.x8bit.bitwarden")
        val report = check()
        assertEquals(ReadinessStatus.NEEDS_CONFIRMATION, report.status)
        assertEquals(FindingStatus.UNKNOWN, report.findings.single { it.check == CheckId.GOOGLE_AUTOFILL }.status)
        assertTrue(report.questions.any { it.check == CheckId.GOOGLE_AUTOFILL })
    }

    @Test
    fun `a device with nothing set up needs action`() {
        val report = check()
        val expected = if (Build.VERSION.SDK_INT < 28) ReadinessStatus.UNSUPPORTED else ReadinessStatus.ACTION_REQUIRED
        assertEquals(expected, report.status)
        assertEquals(FindingStatus.FAIL, report.findings.single { it.check == CheckId.SCREEN_LOCK }.status)
    }
}
