package com.passkeyready.settings

import android.content.ActivityNotFoundException
import com.passkeyready.OpenResult
import com.passkeyready.ffi.SettingsAction
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Nested
import org.junit.jupiter.api.Test

/** A device where some screens exist; records what was started. */
private class FakeDevice(
    private val sdkInt: Int,
    exists: Set<String>? = null,
    private val failsToStart: Map<String, () -> Nothing> = emptyMap(),
) {
    private val exists: (String) -> Boolean = { exists?.contains(it) ?: true }
    val started = mutableListOf<SettingsTarget>()
    val resolved = mutableListOf<String>()

    val launcher = SettingsLauncher(
        sdkInt,
        APP,
        resolver = { target -> resolved += target.action; this.exists(target.action) },
        starter = { target -> failsToStart[target.action]?.invoke(); started += target },
    )

    fun open(action: SettingsAction, section: String? = null) = launcher.open(action, section)
}

private const val APP = "jp.example.bank"

private const val SETTINGS = "android.settings.SETTINGS"
private const val SECURITY = "android.settings.SECURITY_SETTINGS"
private const val SET_NEW_PASSWORD = "android.app.action.SET_NEW_PASSWORD"
private const val BIOMETRIC_ENROLL = "android.settings.BIOMETRIC_ENROLL"
private const val FINGERPRINT_ENROLL = "android.settings.FINGERPRINT_ENROLL"
private const val ADD_ACCOUNT = "android.settings.ADD_ACCOUNT_SETTINGS"
private const val SYNC = "android.settings.SYNC_SETTINGS"
private const val CREDENTIAL_PROVIDER = "android.settings.CREDENTIAL_PROVIDER"

/** Which settings screen opens for each action, per API level, and the fallbacks. */
class SettingsLauncherTest {

    @Nested
    inner class Choice {
        @Test
        fun `screen lock opens set-new-password first`() {
            val device = FakeDevice(34)
            assertEquals(OpenResult.Opened(SET_NEW_PASSWORD), device.open(SettingsAction.SCREEN_LOCK_SETTINGS))
            assertEquals(listOf(SettingsTarget(SET_NEW_PASSWORD)), device.started)
        }

        @Test
        fun `biometric enroll on 30+ asks for strong or weak biometrics`() {
            val device = FakeDevice(30)
            assertEquals(OpenResult.Opened(BIOMETRIC_ENROLL), device.open(SettingsAction.BIOMETRIC_ENROLL))
            assertEquals(
                listOf(IntentExtra.IntValue("android.provider.extra.BIOMETRIC_AUTHENTICATORS_ALLOWED", 0x0F or 0xFF)),
                device.started.single().extras,
            )
        }

        @Test
        fun `biometric enroll on 29 and 28 is fingerprint enroll`() {
            for (sdk in listOf(28, 29)) {
                assertEquals(OpenResult.Opened(FINGERPRINT_ENROLL), FakeDevice(sdk).open(SettingsAction.BIOMETRIC_ENROLL), "API $sdk")
            }
        }

        @Test
        fun `biometric enroll below 28 is the security settings`() {
            assertEquals(OpenResult.Opened(SECURITY), FakeDevice(27).open(SettingsAction.BIOMETRIC_ENROLL))
        }

        @Test
        fun `add a Google account, for the Google account type only`() {
            val device = FakeDevice(33)
            assertEquals(OpenResult.Opened(ADD_ACCOUNT), device.open(SettingsAction.ADD_GOOGLE_ACCOUNT))
            assertEquals(
                listOf(IntentExtra.StringArrayValue("account_types", listOf("com.google"))),
                device.started.single().extras,
            )
        }

        @Test
        fun `the autofill service opens Settings, where the guide's steps start, never the self-request picker`() {
            for (sdk in listOf(23, 26, 33, 34)) {
                val device = FakeDevice(sdk)
                assertEquals(OpenResult.Opened(SETTINGS), device.open(SettingsAction.AUTOFILL_SERVICE), "API $sdk")
                assertEquals(listOf(SETTINGS), device.resolved, "API $sdk")
            }
        }

        @Test
        fun `credential provider settings on 34 with the app's package, Settings on 33`() {
            val on34 = FakeDevice(34)
            assertEquals(OpenResult.Opened(CREDENTIAL_PROVIDER), on34.open(SettingsAction.CREDENTIAL_PROVIDER_SETTINGS))
            assertEquals(SettingsTarget(CREDENTIAL_PROVIDER, data = "package:$APP"), on34.started.single())

            val on33 = FakeDevice(33)
            assertEquals(OpenResult.Opened(SETTINGS), on33.open(SettingsAction.CREDENTIAL_PROVIDER_SETTINGS))
            assertEquals(listOf(SETTINGS), on33.resolved, "API 33 must not even try the credential provider screen")
        }
    }

    @Nested
    inner class Fallbacks {
        @Test
        fun `a target that does not resolve falls through to the next`() {
            val device = FakeDevice(34, exists = setOf(SECURITY, SETTINGS))
            assertEquals(OpenResult.Opened(SECURITY), device.open(SettingsAction.SCREEN_LOCK_SETTINGS))
            assertEquals(listOf(SET_NEW_PASSWORD, SECURITY), device.resolved)
            assertEquals(listOf(SettingsTarget(SECURITY)), device.started)
        }

        @Test
        fun `credential provider missing on a 34 device falls to settings`() {
            assertEquals(
                OpenResult.Opened(SETTINGS),
                FakeDevice(34, exists = setOf(SETTINGS)).open(SettingsAction.CREDENTIAL_PROVIDER_SETTINGS),
            )
        }

        @Test
        fun `ActivityNotFoundException falls through to the next target`() {
            val device = FakeDevice(
                30,
                failsToStart = mapOf(BIOMETRIC_ENROLL to { throw ActivityNotFoundException("gone") }),
            )
            assertEquals(OpenResult.Opened(SECURITY), device.open(SettingsAction.BIOMETRIC_ENROLL))
            assertEquals(listOf(SettingsTarget(SECURITY)), device.started)
        }

        @Test
        fun `SecurityException falls through to the next target`() {
            val device = FakeDevice(
                33,
                failsToStart = mapOf(ADD_ACCOUNT to { throw SecurityException("not exported") }),
            )
            assertEquals(OpenResult.Opened(SYNC), device.open(SettingsAction.ADD_GOOGLE_ACCOUNT))
        }

        @Test
        fun `any other failure to start falls through too, never reaching the host app`() {
            val device = FakeDevice(
                34,
                failsToStart = mapOf(SET_NEW_PASSWORD to { throw IllegalStateException("OEM framework") }),
            )
            assertEquals(OpenResult.Opened(SECURITY), device.open(SettingsAction.SCREEN_LOCK_SETTINGS))
            assertEquals(listOf(SettingsTarget(SECURITY)), device.started)
        }

        @Test
        fun `nothing resolves - manual steps with the section`() {
            val device = FakeDevice(34, exists = emptySet())
            assertEquals(
                OpenResult.ManualSteps("android.screen_lock"),
                device.open(SettingsAction.SCREEN_LOCK_SETTINGS, "android.screen_lock"),
            )
            assertEquals(emptyList<SettingsTarget>(), device.started)
        }

        @Test
        fun `a resolver that throws counts as not resolving`() {
            val launcher = SettingsLauncher(34, APP, resolver = { throw IllegalStateException("binder died") }, starter = { })
            assertEquals(OpenResult.ManualSteps(null), launcher.open(SettingsAction.SCREEN_LOCK_SETTINGS))
        }
    }

    @Nested
    inner class ManualSteps {
        @Test
        fun `browser, Windows and manual-only actions open nothing`() {
            for (action in listOf(
                SettingsAction.OPEN_IN_STANDARD_BROWSER,
                SettingsAction.WINDOWS_SIGN_IN_OPTIONS,
                SettingsAction.MANUAL_STEPS_ONLY,
            )) {
                val device = FakeDevice(34)
                assertEquals(OpenResult.ManualSteps("faq.in_app_browser"), device.open(action, "faq.in_app_browser"), "$action")
                assertEquals(emptyList<String>(), device.resolved, "$action")
            }
        }
    }

    @Test
    fun `every action that opens something ends with the general settings`() {
        for (sdk in 23..36) {
            for (action in SettingsAction.entries) {
                val targets = SettingsTargets.forAction(action, sdk, APP)
                if (targets.isNotEmpty()) {
                    assertEquals(SETTINGS, targets.last().action, "$action on $sdk")
                }
            }
        }
    }
}
