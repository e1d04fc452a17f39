package com.passkeyready.settings

import android.app.admin.DevicePolicyManager
import android.provider.Settings
import com.passkeyready.device.BiometricsReader
import com.passkeyready.device.GoogleAccountReader
import com.passkeyready.ffi.SettingsAction

/**
 * Each [SettingsAction] of the core → the screens to try on the running API level, preferred
 * first, fallbacks after. An empty list means no settings screen does it: the guide section's
 * steps are the way ([com.passkeyready.OpenResult.ManualSteps]).
 *
 * The framework constants used here are compile-time constants, inlined: this object never
 * touches an Android class at run time.
 */
object SettingsTargets {
    /**
     * "Passwords, passkeys & accounts" (Credential Manager providers). The intent exists from
     * Android 14 (API 34); its `Settings.ACTION_CREDENTIAL_PROVIDER` constant became public only
     * in API 35, so the string is spelled out (as androidx.credentials does for API 34).
     */
    const val ACTION_CREDENTIAL_PROVIDER: String = "android.settings.CREDENTIAL_PROVIDER"

    /** Android 14: credential providers moved out of the autofill settings. */
    const val CREDENTIAL_PROVIDER_MIN_SDK: Int = 34

    /** `ACTION_BIOMETRIC_ENROLL` and its authenticator extra: Android 11. */
    const val BIOMETRIC_ENROLL_MIN_SDK: Int = 30

    /** `ACTION_FINGERPRINT_ENROLL`: Android 9 (deprecated from 11 by the one above). */
    const val FINGERPRINT_ENROLL_MIN_SDK: Int = 28

    private val SETTINGS = SettingsTarget(Settings.ACTION_SETTINGS)
    private val SECURITY = SettingsTarget(Settings.ACTION_SECURITY_SETTINGS)

    /**
     * The targets for [action] on API level [sdkInt]; [appPackage] is the calling app's
     * package, which the credential provider screen takes as its data URI.
     */
    @JvmStatic
    fun forAction(action: SettingsAction, sdkInt: Int, appPackage: String): List<SettingsTarget> =
        when (action) {
            SettingsAction.SCREEN_LOCK_SETTINGS -> listOf(
                SettingsTarget(DevicePolicyManager.ACTION_SET_NEW_PASSWORD),
                SECURITY,
                SETTINGS,
            )
            SettingsAction.BIOMETRIC_ENROLL -> biometricEnroll(sdkInt) + listOf(SECURITY, SETTINGS)
            SettingsAction.ADD_GOOGLE_ACCOUNT -> listOf(
                SettingsTarget(
                    Settings.ACTION_ADD_ACCOUNT,
                    listOf(
                        IntentExtra.StringArrayValue(
                            Settings.EXTRA_ACCOUNT_TYPES,
                            listOf(GoogleAccountReader.GOOGLE_ACCOUNT_TYPE),
                        ),
                    ),
                ),
                SettingsTarget(Settings.ACTION_SYNC_SETTINGS),
                SETTINGS,
            )
            // No documented screen lets the customer choose the autofill service:
            // ACTION_REQUEST_SET_AUTOFILL_SERVICE is documented only for an autofill service
            // asking to be chosen itself, and with a bank's package what it shows is left to the
            // device. Settings, where the guide's steps start.
            SettingsAction.AUTOFILL_SERVICE -> listOf(SETTINGS)
            SettingsAction.CREDENTIAL_PROVIDER_SETTINGS -> buildList {
                if (sdkInt >= CREDENTIAL_PROVIDER_MIN_SDK) {
                    // As androidx.credentials' createSettingsPendingIntent() builds it; without the
                    // package for a Settings app whose filter takes no data.
                    add(SettingsTarget(ACTION_CREDENTIAL_PROVIDER, data = "package:$appPackage"))
                    add(SettingsTarget(ACTION_CREDENTIAL_PROVIDER))
                }
                add(SETTINGS)
            }
            // The page has to be reopened in Chrome; the guide's FAQ says how.
            SettingsAction.OPEN_IN_STANDARD_BROWSER,
            // Not on this device.
            SettingsAction.WINDOWS_SIGN_IN_OPTIONS,
            SettingsAction.MANUAL_STEPS_ONLY,
            -> emptyList()
        }

    private fun biometricEnroll(sdkInt: Int): List<SettingsTarget> = when {
        sdkInt >= BIOMETRIC_ENROLL_MIN_SDK -> listOf(
            SettingsTarget(
                Settings.ACTION_BIOMETRIC_ENROLL,
                listOf(
                    IntentExtra.IntValue(
                        Settings.EXTRA_BIOMETRIC_AUTHENTICATORS_ALLOWED,
                        BiometricsReader.AUTHENTICATORS,
                    ),
                ),
            ),
        )
        sdkInt >= FINGERPRINT_ENROLL_MIN_SDK -> listOf(fingerprintEnroll())
        else -> emptyList()
    }

    @Suppress("DEPRECATION")
    private fun fingerprintEnroll() = SettingsTarget(Settings.ACTION_FINGERPRINT_ENROLL)
}
