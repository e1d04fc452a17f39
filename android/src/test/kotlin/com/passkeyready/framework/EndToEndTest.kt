package com.passkeyready.framework

import android.os.Build
import org.robolectric.RuntimeEnvironment
import com.passkeyready.PasskeyReadiness
import com.passkeyready.ffi.ReadinessStatus
import org.junit.Assert.assertEquals
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner

/** `PasskeyReadiness(context)` on each API level: the real readers, the real native core. */
@RunWith(RobolectricTestRunner::class)
class EndToEndTest {
    @Test
    fun `check() reads the device and the core evaluates it`() {
        PasskeyReadiness(RuntimeEnvironment.getApplication()).use { readiness ->
            val report = readiness.check()
            val expected = if (Build.VERSION.SDK_INT < 28) ReadinessStatus.UNSUPPORTED else ReadinessStatus.ACTION_REQUIRED
            assertEquals(expected, report.status)
        }
    }
}
