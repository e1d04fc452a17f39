package com.passkeyready.device

import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Platform
import com.passkeyready.ffi.Signal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

/** The snapshot the readers build, in the core's shape. */
class DeviceReadersTest {
    @Test
    fun `an Android snapshot with the version and every reader's signal`() {
        val readers = DeviceReaders(
            OsVersionReader(object : BuildVersionSource {
                override val release = "13"
                override val sdkInt = 33
            }),
            listOf(
                ScreenLockReader { true },
                BiometricsReader(33) { 11 },
                GoogleAccountReader { 0 },
                GoogleAutofillReader(33, object : AutofillSource {
                    override fun isAutofillSupported() = true
                    override fun autofillServicePackage() = "com.google.android.gms"
                }),
                StandardBrowserReader { ResolvedActivity("com.android.chrome", "Main") },
            ),
        )
        val snapshot = readers.snapshot()
        assertEquals(Platform.ANDROID, snapshot.platform)
        assertEquals("13", snapshot.osVersion)
        assertNull(snapshot.userAgent)
        assertEquals(
            mapOf(
                CheckId.SCREEN_LOCK to Signal.YES,
                CheckId.BIOMETRICS to Signal.NO,
                CheckId.GOOGLE_ACCOUNT to Signal.UNKNOWN,
                CheckId.GOOGLE_AUTOFILL to Signal.YES,
                CheckId.STANDARD_BROWSER to Signal.YES,
            ),
            snapshot.signals,
        )
    }

    @Test
    fun `every read is fresh`() {
        var secure = false
        val readers = DeviceReaders(
            OsVersionReader(object : BuildVersionSource {
                override val release = "14"
                override val sdkInt = 34
            }),
            listOf(ScreenLockReader { secure }),
        )
        assertEquals(Signal.NO, readers.snapshot().signals[CheckId.SCREEN_LOCK])
        secure = true
        assertEquals(Signal.YES, readers.snapshot().signals[CheckId.SCREEN_LOCK])
    }
}
