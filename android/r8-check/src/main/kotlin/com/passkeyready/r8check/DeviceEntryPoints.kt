package com.passkeyready.r8check

import android.app.Activity
import android.content.Context
import com.passkeyready.PasskeyReadiness
import com.passkeyready.StandardBrowserOpener
import com.passkeyready.device.DeviceReaders
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.SettingsAction
import com.passkeyready.help.PasskeyHelpActivity
import com.passkeyready.help.PasskeyHelpView

/** Every entry point that needs the Android framework, as an app calls them. */
internal fun onDevice(context: Context?, activity: Activity?) {
    if (context == null || activity == null) return
    PasskeyReadiness(context).use { readiness ->
        val report = readiness.check()
        readiness.open(activity, SettingsAction.SCREEN_LOCK_SETTINGS)
        readiness.open(activity, SettingsAction.SCREEN_LOCK_SETTINGS, "screen_lock")
        report.findings.firstOrNull()?.let { readiness.open(activity, it) }
        readiness.restoreAnswers(readiness.saveAnswers())
        readiness.openInStandardBrowser(activity, "https://bank.example/passkeys")
        val screen = readiness.screen()
        readiness.screen(screen.locale)
        screen.rows.firstOrNull()?.let { readiness.open(activity, it) }
        readiness.settingsOpened(CheckId.SCREEN_LOCK)
        PasskeyHelpView(activity, readiness).apply {
            registrationUrl = "https://bank.example/passkeys"
            onUnavailable = PasskeyHelpView.UnavailableListener { }
            onScreenShown = PasskeyHelpView.ScreenListener { }
            recheck()
        }
    }
    PasskeyHelpView(activity).recheck()
    activity.startActivity(PasskeyHelpActivity.intent(activity, "Example Bank", "https://bank.example/passkeys"))
    PasskeyReadiness(context, "Example Bank").close()
    DeviceReaders.android(context).snapshot()
    DeviceReaders.android(context, DeviceReaders.DEFAULT_TIMEOUT_MILLIS).snapshot()
    StandardBrowserOpener.android(activity).open("https://bank.example/passkeys")
}
