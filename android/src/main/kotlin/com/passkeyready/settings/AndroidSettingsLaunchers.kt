package com.passkeyready.settings

import android.app.Activity
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import com.passkeyready.device.resolveDefault

/** The launcher of a real device: resolves with the activity's package manager, starts from it. */
object AndroidSettingsLaunchers : SettingsLauncherFactory {
    override fun launcherFor(activity: Activity): SettingsLauncher = SettingsLauncher(
        sdkInt = Build.VERSION.SDK_INT,
        appPackage = activity.packageName,
        resolver = AndroidIntentResolver(activity.packageManager),
        starter = AndroidActivityStarter(activity),
    )
}

/** [IntentResolver] with `resolveActivity(…, MATCH_DEFAULT_ONLY)`, as `startActivity` resolves. */
class AndroidIntentResolver(private val packageManager: PackageManager) : IntentResolver {
    override fun resolves(target: SettingsTarget): Boolean =
        resolveDefault(packageManager, target.toIntent()) != null
}

/** [ActivityStarter] that starts from the customer's activity (no new task). */
class AndroidActivityStarter(private val activity: Activity) : ActivityStarter {
    override fun start(target: SettingsTarget) {
        activity.startActivity(target.toIntent())
    }
}

/** The target as an `Intent`; the only place one is built. */
fun SettingsTarget.toIntent(): Intent {
    val intent = Intent(action)
    data?.let { intent.data = Uri.parse(it) }
    for (extra in extras) {
        when (extra) {
            is IntentExtra.IntValue -> intent.putExtra(extra.key, extra.value)
            is IntentExtra.StringArrayValue -> intent.putExtra(extra.key, extra.values.toTypedArray())
        }
    }
    return intent
}
