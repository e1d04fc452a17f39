package com.passkeyready.framework

import android.app.Activity
import android.app.admin.DevicePolicyManager
import android.content.Intent
import android.content.IntentFilter
import android.os.Build
import android.provider.Settings
import com.passkeyready.OpenResult
import com.passkeyready.PasskeyReadiness
import com.passkeyready.device.BiometricsReader
import com.passkeyready.ffi.SettingsAction
import com.passkeyready.settings.SettingsTargets
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config

/**
 * Each settings action through the real launcher: the intent that is really started (action,
 * data, extras, flags) from the customer's activity, and the fallback when a screen does not
 * exist on the device.
 */
@RunWith(RobolectricTestRunner::class)
class SettingsFrameworkTest {
    // Resumed but not made visible: in Robolectric 4.17's SDK-33 sandbox, attaching the window
    // initialises BluetoothDevice, whose shadow needs an API 34 class (NoClassDefFoundError).
    private val activity: Activity = Robolectric.buildActivity(Activity::class.java).create().start().resume().get()

    /** A settings app with the screen for [action] (as the device's Settings manifest declares). */
    private fun screenExists(action: String) = installActivity(
        "com.android.settings",
        "com.android.settings.Screen_$action",
        IntentFilter(action).apply { addCategory(Intent.CATEGORY_DEFAULT) },
    )

    /** Every screen the launcher may try on this level exists. */
    private fun allScreensExist() {
        SettingsAction.entries
            .flatMap { SettingsTargets.forAction(it, Build.VERSION.SDK_INT, activity.packageName) }
            .map { it.action }
            .distinct()
            .forEach(::screenExists)
    }

    private fun open(action: SettingsAction, section: String? = null): OpenResult =
        PasskeyReadiness(activity).use { it.open(activity, action, section) }

    private fun started(): Intent? = shadowOf(activity).nextStartedActivity

    private fun assertStartedPlain(action: String) {
        val intent = checkNotNull(started()) { "nothing was started" }
        assertEquals(action, intent.action)
        assertNull(intent.data)
        assertNull(intent.extras)
        // Started from the customer's activity: back returns to the bank's app.
        assertEquals(0, intent.flags)
        assertNull("one screen only", started())
    }

    @Test
    fun `screen lock opens set-new-password`() {
        allScreensExist()
        assertEquals(OpenResult.Opened(DevicePolicyManager.ACTION_SET_NEW_PASSWORD), open(SettingsAction.SCREEN_LOCK_SETTINGS))
        assertStartedPlain(DevicePolicyManager.ACTION_SET_NEW_PASSWORD)
    }

    @Test
    fun `screen lock falls back to security settings when set-new-password does not exist`() {
        screenExists(Settings.ACTION_SECURITY_SETTINGS)
        screenExists(Settings.ACTION_SETTINGS)
        assertEquals(OpenResult.Opened(Settings.ACTION_SECURITY_SETTINGS), open(SettingsAction.SCREEN_LOCK_SETTINGS))
        assertStartedPlain(Settings.ACTION_SECURITY_SETTINGS)
    }

    @Test
    @Config(sdk = [30, 33, 34, 35])
    fun `biometric enrolment asks for strong or weak biometrics`() {
        allScreensExist()
        assertEquals(OpenResult.Opened(Settings.ACTION_BIOMETRIC_ENROLL), open(SettingsAction.BIOMETRIC_ENROLL))
        val intent = checkNotNull(started())
        assertEquals(Settings.ACTION_BIOMETRIC_ENROLL, intent.action)
        assertEquals(BiometricsReader.AUTHENTICATORS, intent.getIntExtra(Settings.EXTRA_BIOMETRIC_AUTHENTICATORS_ALLOWED, -1))
        assertEquals(0, intent.flags)
    }

    @Test
    @Config(sdk = [28, 29])
    fun `biometric enrolment is fingerprint enrolment on API 28 and 29`() {
        allScreensExist()
        @Suppress("DEPRECATION")
        val fingerprint = Settings.ACTION_FINGERPRINT_ENROLL
        assertEquals(OpenResult.Opened(fingerprint), open(SettingsAction.BIOMETRIC_ENROLL))
        assertStartedPlain(fingerprint)
    }

    @Test
    @Config(sdk = [23, 26])
    fun `biometric enrolment is the security settings before API 28`() {
        allScreensExist()
        assertEquals(OpenResult.Opened(Settings.ACTION_SECURITY_SETTINGS), open(SettingsAction.BIOMETRIC_ENROLL))
        assertStartedPlain(Settings.ACTION_SECURITY_SETTINGS)
    }

    @Test
    fun `adding a Google account opens add-account for Google accounts only`() {
        allScreensExist()
        assertEquals(OpenResult.Opened(Settings.ACTION_ADD_ACCOUNT), open(SettingsAction.ADD_GOOGLE_ACCOUNT))
        val intent = checkNotNull(started())
        assertEquals(Settings.ACTION_ADD_ACCOUNT, intent.action)
        assertArrayEquals(arrayOf("com.google"), intent.getStringArrayExtra(Settings.EXTRA_ACCOUNT_TYPES))
        assertNull(intent.data)
        assertEquals(0, intent.flags)
    }

    @Test
    fun `adding a Google account falls back to sync settings`() {
        screenExists(Settings.ACTION_SYNC_SETTINGS)
        assertEquals(OpenResult.Opened(Settings.ACTION_SYNC_SETTINGS), open(SettingsAction.ADD_GOOGLE_ACCOUNT))
        assertStartedPlain(Settings.ACTION_SYNC_SETTINGS)
    }

    @Test
    fun `the autofill service opens Settings, not the self-request picker`() {
        allScreensExist()
        assertEquals(OpenResult.Opened(Settings.ACTION_SETTINGS), open(SettingsAction.AUTOFILL_SERVICE))
        assertStartedPlain(Settings.ACTION_SETTINGS)
    }

    @Test
    @Config(sdk = [34, 35])
    fun `Android 14+ opens Passwords, passkeys and accounts with the app's package`() {
        installActivity(
            "com.android.settings",
            "com.android.settings.CredentialProviders",
            IntentFilter(SettingsTargets.ACTION_CREDENTIAL_PROVIDER).apply {
                addCategory(Intent.CATEGORY_DEFAULT)
                addDataScheme("package")
            },
        )
        screenExists(Settings.ACTION_SETTINGS)
        val opened = open(SettingsAction.CREDENTIAL_PROVIDER_SETTINGS)
        assertEquals(OpenResult.Opened(SettingsTargets.ACTION_CREDENTIAL_PROVIDER), opened)
        val intent = checkNotNull(started())
        assertEquals(SettingsTargets.ACTION_CREDENTIAL_PROVIDER, intent.action)
        assertEquals("package:${activity.packageName}", intent.dataString)
        assertEquals(0, intent.flags)
    }

    @Test
    @Config(sdk = [34, 35])
    fun `Android 14+ opens Passwords, passkeys and accounts without a package where the screen takes none`() {
        allScreensExist()
        val opened = open(SettingsAction.CREDENTIAL_PROVIDER_SETTINGS)
        assertEquals(OpenResult.Opened(SettingsTargets.ACTION_CREDENTIAL_PROVIDER), opened)
        assertStartedPlain(SettingsTargets.ACTION_CREDENTIAL_PROVIDER)
    }

    @Test
    @Config(sdk = [34, 35])
    fun `Android 14+ without the credential provider screen falls back to Settings`() {
        screenExists(Settings.ACTION_SETTINGS)
        assertEquals(OpenResult.Opened(Settings.ACTION_SETTINGS), open(SettingsAction.CREDENTIAL_PROVIDER_SETTINGS))
        assertStartedPlain(Settings.ACTION_SETTINGS)
    }

    @Test
    @Config(sdk = [23, 26, 28, 29, 30, 33])
    fun `before Android 14 credential provider settings are Settings`() {
        allScreensExist()
        assertEquals(OpenResult.Opened(Settings.ACTION_SETTINGS), open(SettingsAction.CREDENTIAL_PROVIDER_SETTINGS))
        assertStartedPlain(Settings.ACTION_SETTINGS)
    }

    @Test
    fun `no screen exists - manual steps, nothing started`() {
        for (action in SettingsAction.entries) {
            assertEquals("$action", OpenResult.ManualSteps("android.screen_lock"), open(action, "android.screen_lock"))
            assertNull("$action", started())
        }
    }

    @Test
    fun `the browser action starts nothing even where every screen exists`() {
        allScreensExist()
        assertEquals(OpenResult.ManualSteps("faq.in_app_browser"), open(SettingsAction.OPEN_IN_STANDARD_BROWSER, "faq.in_app_browser"))
        assertNull(started())
    }
}
