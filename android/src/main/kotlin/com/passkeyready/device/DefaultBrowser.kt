package com.passkeyready.device

import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.content.pm.ResolveInfo
import android.net.Uri
import android.os.Build
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal

/** The activity an intent resolves to: names only, nothing about the customer. */
data class ResolvedActivity(val packageName: String, val activityName: String)

/**
 * The OS call behind `standard_browser`: the default handler of an https link
 * (`PackageManager.resolveActivity(Intent(ACTION_VIEW, https://…), MATCH_DEFAULT_ONLY)`).
 * The library manifest declares the `<queries>` entry this needs on API 30+.
 */
fun interface BrowserSource {
    /** The default https handler, the system's chooser when none is set, or `null`. */
    fun defaultHttpsHandler(): ResolvedActivity?
}

/**
 * `standard_browser`: the guide's standard browser on Android is Chrome. Chrome (stable, Beta, Dev
 * or Canary: the same browser and passkey support) is the default browser → yes; another
 * browser is → no; no default yet (the system's chooser answers), nothing
 * at all, or the OS failing to answer → unknown.
 */
class StandardBrowserReader(private val browser: BrowserSource) : SignalReader {
    override val check: CheckId = CheckId.STANDARD_BROWSER

    override fun read(): Signal = readOrUnknown {
        val handler = browser.defaultHttpsHandler()
        when {
            handler == null || isChooser(handler) -> Signal.UNKNOWN
            handler.packageName in CHROME_CHANNELS -> Signal.YES
            else -> Signal.NO
        }
    }

    companion object {
        const val CHROME: String = "com.android.chrome"

        /** Chrome's release channels, each its own package. */
        @JvmField
        val CHROME_CHANNELS: Set<String> =
            setOf(CHROME, "com.chrome.beta", "com.chrome.dev", "com.chrome.canary")

        /**
         * With no default browser the system answers with its chooser (AOSP's
         * `com.android.internal.app.ResolverActivity` in package `android`; some makers ship
         * their own `…ResolverActivity`).
         */
        @JvmStatic
        fun isChooser(handler: ResolvedActivity): Boolean =
            handler.packageName == "android" ||
                handler.activityName.endsWith("ResolverActivity") ||
                handler.activityName.endsWith("ChooserActivity")
    }
}

/** [BrowserSource] on a device. */
class AndroidBrowserSource(context: Context) : BrowserSource {
    private val packageManager: PackageManager = context.packageManager

    override fun defaultHttpsHandler(): ResolvedActivity? {
        val intent = Intent(Intent.ACTION_VIEW, Uri.parse(PROBE_URL))
            .addCategory(Intent.CATEGORY_BROWSABLE)
        val info = resolveDefault(packageManager, intent) ?: return null
        val activity = info.activityInfo ?: return null
        return ResolvedActivity(activity.packageName, activity.name)
    }

    private companion object {
        /** Any https address: only which app opens it matters. Never opened. */
        const val PROBE_URL = "https://www.example.com/"
    }
}

/** `PackageManager.ResolveInfoFlags`: Android 13. */
private const val RESOLVE_INFO_FLAGS_MIN_SDK = 33

/** `resolveActivity(intent, MATCH_DEFAULT_ONLY)` with the non-deprecated overload on API 33+. */
internal fun resolveDefault(packageManager: PackageManager, intent: Intent): ResolveInfo? =
    if (Build.VERSION.SDK_INT >= RESOLVE_INFO_FLAGS_MIN_SDK) {
        resolveDefaultWithFlags(packageManager, intent)
    } else {
        @Suppress("DEPRECATION")
        packageManager.resolveActivity(intent, PackageManager.MATCH_DEFAULT_ONLY)
    }

@RequiresApiLevel(RESOLVE_INFO_FLAGS_MIN_SDK)
private fun resolveDefaultWithFlags(packageManager: PackageManager, intent: Intent): ResolveInfo? =
    packageManager.resolveActivity(
        intent,
        PackageManager.ResolveInfoFlags.of(PackageManager.MATCH_DEFAULT_ONLY.toLong()),
    )
