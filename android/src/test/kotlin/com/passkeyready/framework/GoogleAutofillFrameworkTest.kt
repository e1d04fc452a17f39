package com.passkeyready.framework

import android.content.ComponentName
import android.view.autofill.AutofillManager
import com.passkeyready.device.AndroidAutofillSource
import com.passkeyready.device.GoogleAutofillReader
import com.passkeyready.device.NoAutofillFramework
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal
import org.junit.Assert.assertEquals
import org.junit.Assert.assertSame
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.shadows.ShadowAutofillManager

/** `google_autofill` from the real AutofillManager, and the levels where it must not be touched. */
@RunWith(RobolectricTestRunner::class)
class GoogleAutofillFrameworkTest {
    private fun autofill(): ShadowAutofillManager =
        shadowOf(application().getSystemService(AutofillManager::class.java))

    private fun selectService(packageName: String) {
        autofill().setAutofillSupported(true)
        autofill().setAutofillServiceComponentName(ComponentName(packageName, "$packageName.AutofillService"))
    }

    /**
     * The crash of API 23–25 (AutofillManager resolved in the source's constructor): the source is
     * not built at all before the service name can be read. (Robolectric's SDK-23 sandbox still
     * loads AutofillManager, so the missing class itself is caught by the build's API-level check.)
     */
    @Test
    @Config(sdk = [23, 26])
    fun `below API 28 the autofill source is never built and the signal is unknown`() {
        assertSame(NoAutofillFramework, GoogleAutofillReader.android(application()).autofill)
        assertEquals(Signal.UNKNOWN, snapshotSignal(CheckId.GOOGLE_AUTOFILL))
    }

    @Test
    @Config(sdk = [28, 29, 30, 33, 34, 35])
    fun `Autofill with Google is yes`() {
        assertTrue(GoogleAutofillReader.android(application()).autofill is AndroidAutofillSource)
        selectService(GoogleAutofillReader.GOOGLE_PLAY_SERVICES)
        assertEquals(Signal.YES, snapshotSignal(CheckId.GOOGLE_AUTOFILL))
    }

    @Test
    @Config(sdk = [28, 29, 30, 33])
    fun `another autofill service is no before Android 14`() {
        selectService("com.x8bit.bitwarden")
        assertEquals(Signal.NO, snapshotSignal(CheckId.GOOGLE_AUTOFILL))
    }

    @Test
    @Config(sdk = [34, 35])
    fun `another preferred service is a question on Android 14+`() {
        selectService("com.x8bit.bitwarden")
        assertEquals(Signal.UNKNOWN, snapshotSignal(CheckId.GOOGLE_AUTOFILL))
    }

    @Test
    @Config(sdk = [28, 29, 30, 33, 34, 35])
    fun `a device without the autofill framework is unknown`() {
        autofill().setAutofillSupported(false)
        assertEquals(Signal.UNKNOWN, snapshotSignal(CheckId.GOOGLE_AUTOFILL))
    }
}
