package com.passkeyready

import android.app.Activity
import android.content.ActivityNotFoundException
import android.content.Intent
import android.content.pm.ApplicationInfo
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import com.passkeyready.device.RequiresApiLevel
import com.passkeyready.device.StandardBrowserReader
import com.passkeyready.ffi.PasskeyReadyException
import java.net.URI
import java.net.URISyntaxException

/** Whether an app is installed and enabled (`PackageManager.getApplicationInfo(…).enabled`). */
fun interface PackageLookup {
    fun isEnabled(packageName: String): Boolean
}

/**
 * Starts `ACTION_VIEW` for an https URL, in [packageName] or, when it is null, in whatever
 * the system chooses (the default browser, or its chooser). May throw
 * [ActivityNotFoundException] or [SecurityException], which moves on to the next choice.
 */
fun interface UrlStarter {
    fun start(url: String, packageName: String?)
}

/**
 * Opens the bank's page in the standard browser, the fix for the seed's first troubleshooting
 * answer (a passkey cannot be registered from an app's built-in browser): Chrome when it is
 * installed and enabled, else the default browser, else the guide's steps. Needs no native
 * code, so it works even when the SDK is unavailable.
 */
class StandardBrowserOpener(private val packages: PackageLookup, private val starter: UrlStarter) {

    /**
     * @throws PasskeyReadyException.InvalidInput naming `url` when [url] is not an absolute
     *   https URL with a host (no user info, at most [MAX_URL_LENGTH] characters).
     */
    @Throws(PasskeyReadyException::class)
    fun open(url: String): OpenResult {
        checkHttpsUrl(url)
        if (enabled(CHROME)) {
            start(url, CHROME)?.let { return it }
        }
        return start(url, null) ?: OpenResult.ManualSteps(SECTION)
    }

    private fun enabled(packageName: String): Boolean =
        try {
            packages.isEnabled(packageName)
        } catch (e: RuntimeException) {
            false
        }

    private fun start(url: String, packageName: String?): OpenResult? =
        try {
            starter.start(url, packageName)
            OpenResult.Opened(Intent.ACTION_VIEW, packageName)
        } catch (e: ActivityNotFoundException) {
            null
        } catch (e: SecurityException) {
            null
        }

    companion object {
        /** The guide's standard browser on Android. */
        const val CHROME: String = StandardBrowserReader.CHROME

        /**
         * The guide section that says how to open the page in the standard browser by hand:
         * the section of the core's `standard_browser` finding (a test keeps them equal).
         */
        const val SECTION: String = "faq.in_app_browser"

        /** Longer is not a bank's page: refused, like every other unbounded input. */
        const val MAX_URL_LENGTH: Int = 2_048

        private fun checkHttpsUrl(url: String) {
            fun refuse(reason: String): Nothing = throw PasskeyReadyException.InvalidInput("url", reason)
            if (url.length > MAX_URL_LENGTH) refuse("longer than $MAX_URL_LENGTH characters")
            val uri = try {
                URI(url)
            } catch (e: URISyntaxException) {
                refuse("not a URL")
            }
            if (!uri.scheme.equals("https", ignoreCase = true)) refuse("only https URLs are opened")
            if (uri.host.isNullOrEmpty()) refuse("the URL has no host")
            // `https://bank.example@evil.example/` goes to evil.example.
            if (uri.rawUserInfo != null) refuse("the URL has user info")
        }

        /** The opener of a real device, starting from [activity]. */
        @JvmStatic
        fun android(activity: Activity): StandardBrowserOpener = StandardBrowserOpener(
            AndroidPackageLookup(activity.packageManager),
            AndroidUrlStarter(activity),
        )
    }
}

/** [PackageLookup] with the app's package manager; needs the `<package>` query on API 30+. */
class AndroidPackageLookup(private val packageManager: PackageManager) : PackageLookup {
    override fun isEnabled(packageName: String): Boolean =
        try {
            val info = if (Build.VERSION.SDK_INT >= APPLICATION_INFO_FLAGS_MIN_SDK) {
                applicationInfoApi33(packageName)
            } else {
                @Suppress("DEPRECATION")
                packageManager.getApplicationInfo(packageName, 0)
            }
            info.enabled
        } catch (e: PackageManager.NameNotFoundException) {
            false
        }

    @RequiresApiLevel(APPLICATION_INFO_FLAGS_MIN_SDK)
    private fun applicationInfoApi33(packageName: String): ApplicationInfo =
        packageManager.getApplicationInfo(packageName, PackageManager.ApplicationInfoFlags.of(0L))

    private companion object {
        /** `PackageManager.ApplicationInfoFlags` arrived in Android 13. */
        const val APPLICATION_INFO_FLAGS_MIN_SDK: Int = 33
    }
}

/** [UrlStarter] from the customer's activity: a browsable `ACTION_VIEW`. */
class AndroidUrlStarter(private val activity: Activity) : UrlStarter {
    override fun start(url: String, packageName: String?) {
        val intent = Intent(Intent.ACTION_VIEW, Uri.parse(url)).addCategory(Intent.CATEGORY_BROWSABLE)
        if (packageName != null) intent.setPackage(packageName)
        activity.startActivity(intent)
    }
}
