package com.passkeyready.settings

import android.app.Activity
import android.content.ActivityNotFoundException
import com.passkeyready.OpenResult
import com.passkeyready.ffi.SettingsAction

/** Whether a target has an activity to open it (`PackageManager.resolveActivity`). */
fun interface IntentResolver {
    fun resolves(target: SettingsTarget): Boolean
}

/**
 * Starts a target's activity. May throw [ActivityNotFoundException], [SecurityException] (a
 * screen that resolved but cannot be started by this app) or another runtime exception from
 * the framework: the launcher then moves on to the next target, never to the host app.
 */
fun interface ActivityStarter {
    fun start(target: SettingsTarget)
}

/** Builds the launcher for the activity that will start the settings screen. */
fun interface SettingsLauncherFactory {
    fun launcherFor(activity: Activity): SettingsLauncher
}

/**
 * Opens the settings screen for an action: tries [SettingsTargets.forAction] in order and
 * starts the first one that resolves and starts; reports which one, or that only the guide's
 * manual steps remain. [OpenResult.Opened] means an activity really was started: the intent
 * resolved and `startActivity` returned normally.
 */
class SettingsLauncher(
    private val sdkInt: Int,
    private val appPackage: String,
    private val resolver: IntentResolver,
    private val starter: ActivityStarter,
) {
    /** [section]: the guide section to show when nothing opens (the finding's `section`). */
    @JvmOverloads
    fun open(action: SettingsAction, section: String? = null): OpenResult {
        for (target in SettingsTargets.forAction(action, sdkInt, appPackage)) {
            if (!resolves(target)) continue
            try {
                starter.start(target)
                return OpenResult.Opened(target.action)
            } catch (e: RuntimeException) {
                // ActivityNotFoundException, SecurityException, or an OEM framework's own.
                continue
            }
        }
        return OpenResult.ManualSteps(section)
    }

    private fun resolves(target: SettingsTarget): Boolean =
        try {
            resolver.resolves(target)
        } catch (e: RuntimeException) {
            false
        }
}
