package com.passkeyready.framework

import android.app.Application
import android.content.ComponentName
import android.content.Intent
import android.content.IntentFilter
import com.passkeyready.device.DeviceReaders
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf

/** The sandbox's application: the context a bank's app hands to the SDK. */
internal fun application(): Application = RuntimeEnvironment.getApplication()

/** What the device's real readers ([DeviceReaders.android]) put in the snapshot for [check]. */
internal fun snapshotSignal(check: CheckId): Signal? =
    DeviceReaders.android(application()).snapshot().signals[check]

/** Installs an activity of [packageName] that handles [filter] (as its manifest would declare). */
internal fun installActivity(packageName: String, activityName: String, filter: IntentFilter) {
    val packageManager = shadowOf(application().packageManager)
    val component = ComponentName(packageName, activityName)
    packageManager.addActivityIfNotPresent(component)
    packageManager.addIntentFilterForActivity(component, filter)
}

/** A browser: opens https links from other apps. */
internal fun installBrowser(packageName: String) = installActivity(
    packageName,
    "$packageName.BrowserActivity",
    IntentFilter(Intent.ACTION_VIEW).apply {
        addCategory(Intent.CATEGORY_DEFAULT)
        addCategory(Intent.CATEGORY_BROWSABLE)
        addDataScheme("https")
    },
)
