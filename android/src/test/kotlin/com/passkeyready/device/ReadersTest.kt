package com.passkeyready.device

import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.GuideLocale
import com.passkeyready.ffi.Signal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Nested
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.CsvSource

/** Each reader's mapping from what the OS answers to yes / no / unknown, with fake OS calls. */
class ReadersTest {
    private fun failing(): Nothing = throw SecurityException("not allowed")

    @Nested
    inner class ScreenLock {
        @Test
        fun `secure device is yes, insecure is no, an OS failure is unknown`() {
            assertEquals(Signal.YES, ScreenLockReader { true }.read())
            assertEquals(Signal.NO, ScreenLockReader { false }.read())
            assertEquals(Signal.UNKNOWN, ScreenLockReader { failing() }.read())
            assertEquals(CheckId.SCREEN_LOCK, ScreenLockReader { true }.check)
        }
    }

    @Nested
    inner class Biometrics {
        // BiometricManager: SUCCESS 0, HW_UNAVAILABLE 1, NONE_ENROLLED 11, NO_HARDWARE 12, SECURITY_UPDATE_REQUIRED 15
        @ParameterizedTest(name = "API {0}, canAuthenticate → {1}: {2}")
        @CsvSource(
            "30, 0, YES",
            "34, 0, YES",
            "30, 11, NO",
            "33, 12, UNKNOWN",
            "33, 1, UNKNOWN",
            "34, 15, UNKNOWN",
            "29, 0, YES",
            "29, 11, NO",
            "29, 12, UNKNOWN",
            "28, 0, UNKNOWN",
            "23, 11, UNKNOWN",
        )
        fun `result codes map to signals from API 29 on`(sdk: Int, result: Int, expected: Signal) {
            assertEquals(expected, BiometricsReader(sdk) { result }.read())
        }

        @Test
        fun `asks for strong or weak biometrics`() {
            var asked = -1
            BiometricsReader(30) { asked = it; 0 }.read()
            // BIOMETRIC_STRONG (0x0F) | BIOMETRIC_WEAK (0xFF)
            assertEquals(0x0F or 0xFF, asked)
        }

        @Test
        fun `below API 29 the OS is not even asked`() {
            var calls = 0
            assertEquals(Signal.UNKNOWN, BiometricsReader(28) { calls++; 0 }.read())
            assertEquals(0, calls)
        }

        @Test
        fun `an OS failure is unknown`() {
            assertEquals(Signal.UNKNOWN, BiometricsReader(34) { failing() }.read())
        }
    }

    @Nested
    inner class GoogleAutofill {
        private fun source(supported: Boolean, service: () -> String?) = object : AutofillSource {
            override fun isAutofillSupported() = supported
            override fun autofillServicePackage() = service()
        }

        @Test
        fun `Google's service is yes`() {
            assertEquals(Signal.YES, GoogleAutofillReader(28, source(true) { "com.google.android.gms" }).read())
            assertEquals(Signal.YES, GoogleAutofillReader(34, source(true) { "com.google.android.gms" }).read())
        }

        @Test
        fun `another service or none is no before Android 14`() {
            assertEquals(Signal.NO, GoogleAutofillReader(33, source(true) { "com.samsung.android.samsungpassautofill" }).read())
            assertEquals(Signal.NO, GoogleAutofillReader(30, source(true) { null }).read())
        }

        @Test
        fun `another service or none is a question on Android 14+ (Google may be an additional provider)`() {
            assertEquals(Signal.UNKNOWN, GoogleAutofillReader(34, source(true) { "com.x8bit.bitwarden" }).read())
            assertEquals(Signal.UNKNOWN, GoogleAutofillReader(35, source(true) { null }).read())
        }

        @Test
        fun `unsupported, too old or failing is unknown`() {
            assertEquals(Signal.UNKNOWN, GoogleAutofillReader(30, source(false) { "com.google.android.gms" }).read())
            assertEquals(Signal.UNKNOWN, GoogleAutofillReader(27, source(true) { "com.google.android.gms" }).read())
            assertEquals(Signal.UNKNOWN, GoogleAutofillReader(31, source(true) { failing() }).read())
        }
    }

    @Nested
    inner class GoogleAccount {
        @Test
        fun `a visible Google account is yes`() {
            assertEquals(Signal.YES, GoogleAccountReader { 1 }.read())
            assertEquals(Signal.YES, GoogleAccountReader { 3 }.read())
        }

        @Test
        fun `none visible is unknown, never no`() {
            assertEquals(Signal.UNKNOWN, GoogleAccountReader { 0 }.read())
        }

        @Test
        fun `an OS failure is unknown`() {
            assertEquals(Signal.UNKNOWN, GoogleAccountReader { failing() }.read())
        }
    }

    @Nested
    inner class StandardBrowser {
        private fun reader(handler: ResolvedActivity?) = StandardBrowserReader { handler }

        @Test
        fun `Chrome as the default browser is yes, in every release channel`() {
            for (chrome in listOf("com.android.chrome", "com.chrome.beta", "com.chrome.dev", "com.chrome.canary")) {
                assertEquals(Signal.YES, reader(ResolvedActivity(chrome, "com.google.android.apps.chrome.IntentDispatcher")).read(), chrome)
            }
        }

        @Test
        fun `another default browser is no`() {
            assertEquals(Signal.NO, reader(ResolvedActivity("com.sec.android.app.sbrowser", "com.sec.android.app.sbrowser.SBrowserMainActivity")).read())
            assertEquals(Signal.NO, reader(ResolvedActivity("org.mozilla.firefox", "org.mozilla.firefox.App")).read())
        }

        @Test
        fun `no default (the system chooser), nothing, or a failure is unknown`() {
            assertEquals(Signal.UNKNOWN, reader(ResolvedActivity("android", "com.android.internal.app.ResolverActivity")).read())
            assertEquals(Signal.UNKNOWN, reader(ResolvedActivity("com.huawei.android.internal.app", "com.huawei.android.internal.app.HwResolverActivity")).read())
            assertEquals(Signal.UNKNOWN, reader(null).read())
            assertEquals(Signal.UNKNOWN, StandardBrowserReader { failing() }.read())
        }
    }

    @Nested
    inner class OsVersion {
        private fun version(release: String?, sdk: Int) = OsVersionReader(object : BuildVersionSource {
            override val release = release
            override val sdkInt = sdk
        }).osVersion()

        @Test
        fun `the release number as Android states it`() {
            assertEquals("14", version("14", 34))
            assertEquals("8.1.0", version("8.1.0", 27))
            assertEquals("12", version(" 12 ", 31))
        }

        @Test
        fun `a code name falls back to the release of the API level`() {
            assertEquals("15", version("VanillaIceCream", 35))
            assertEquals("9", version("", 28))
            assertEquals("13", version(null, 33))
        }

        @Test
        fun `unknown when neither tells`() {
            assertEquals(null, version("Baklava", 99))
        }
    }

    @Nested
    inner class Language {
        @Test
        fun `Japanese devices get the Japanese guide, every other language English`() {
            assertEquals(GuideLocale.JA, GuideLocale.forLanguage("ja"))
            assertEquals(GuideLocale.EN, GuideLocale.forLanguage("en"))
            assertEquals(GuideLocale.EN, GuideLocale.forLanguage("ko"))
            assertEquals(GuideLocale.EN, GuideLocale.forLanguage(null))
        }
    }
}
