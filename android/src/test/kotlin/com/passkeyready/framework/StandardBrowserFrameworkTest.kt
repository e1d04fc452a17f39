package com.passkeyready.framework

import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal
import org.junit.Assert.assertEquals
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner

/** `standard_browser` from the real PackageManager resolving an https link. */
@RunWith(RobolectricTestRunner::class)
class StandardBrowserFrameworkTest {
    @Test
    fun `Chrome is yes`() {
        installBrowser("com.android.chrome")
        assertEquals(Signal.YES, snapshotSignal(CheckId.STANDARD_BROWSER))
    }

    @Test
    fun `Chrome Beta is yes`() {
        installBrowser("com.chrome.beta")
        assertEquals(Signal.YES, snapshotSignal(CheckId.STANDARD_BROWSER))
    }

    @Test
    fun `Chrome Dev is yes`() {
        installBrowser("com.chrome.dev")
        assertEquals(Signal.YES, snapshotSignal(CheckId.STANDARD_BROWSER))
    }

    @Test
    fun `Chrome Canary is yes`() {
        installBrowser("com.chrome.canary")
        assertEquals(Signal.YES, snapshotSignal(CheckId.STANDARD_BROWSER))
    }

    @Test
    fun `another browser is no`() {
        installBrowser("org.mozilla.firefox")
        assertEquals(Signal.NO, snapshotSignal(CheckId.STANDARD_BROWSER))
    }

    @Test
    fun `no browser at all is unknown`() {
        assertEquals(Signal.UNKNOWN, snapshotSignal(CheckId.STANDARD_BROWSER))
    }
}
