package com.passkeyready.framework

import android.os.Build
import com.passkeyready.PasskeyReadiness
import com.passkeyready.device.AndroidLocaleSource
import com.passkeyready.device.DeviceReaders
import com.passkeyready.ffi.GuideLocale
import org.junit.Assert.assertEquals
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config

/** The device language (LocaleList from API 24, Configuration.locale before) and os_version. */
@RunWith(RobolectricTestRunner::class)
class LocaleAndVersionFrameworkTest {
    @Test
    @Config(qualifiers = "ja-rJP")
    fun `a Japanese device gets the Japanese guide`() {
        assertEquals("ja", AndroidLocaleSource(application()).primaryLanguage())
        PasskeyReadiness(application()).use { assertEquals(GuideLocale.JA, it.deviceLocale()) }
    }

    @Test
    @Config(qualifiers = "fr-rFR")
    fun `any other language gets the English guide`() {
        assertEquals("fr", AndroidLocaleSource(application()).primaryLanguage())
        PasskeyReadiness(application()).use { assertEquals(GuideLocale.EN, it.deviceLocale()) }
    }

    @Test
    fun `os_version is the release the device shows`() {
        val release = mapOf(23 to "6.0.1", 26 to "8.0.0", 28 to "9", 29 to "10", 30 to "11", 33 to "13", 34 to "14", 35 to "15")
        assertEquals(release[Build.VERSION.SDK_INT], DeviceReaders.android(application()).snapshot().osVersion)
    }
}
