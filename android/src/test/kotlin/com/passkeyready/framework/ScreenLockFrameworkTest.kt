package com.passkeyready.framework

import android.app.KeyguardManager
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal
import org.junit.Assert.assertEquals
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf

/** `screen_lock` from the real KeyguardManager. */
@RunWith(RobolectricTestRunner::class)
class ScreenLockFrameworkTest {
    private val keyguard = shadowOf(application().getSystemService(KeyguardManager::class.java))

    @Test
    fun `a PIN, pattern or password is yes`() {
        keyguard.setIsDeviceSecure(true)
        assertEquals(Signal.YES, snapshotSignal(CheckId.SCREEN_LOCK))
    }

    @Test
    fun `none or swipe is no`() {
        keyguard.setIsDeviceSecure(false)
        assertEquals(Signal.NO, snapshotSignal(CheckId.SCREEN_LOCK))
    }

    @Test
    fun `a locked SIM card without a screen lock is no`() {
        keyguard.setIsKeyguardSecure(true)
        keyguard.setIsDeviceSecure(false)
        assertEquals(Signal.NO, snapshotSignal(CheckId.SCREEN_LOCK))
    }
}
