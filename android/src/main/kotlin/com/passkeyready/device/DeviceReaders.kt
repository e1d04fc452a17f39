package com.passkeyready.device

import android.content.Context
import com.passkeyready.ffi.DeviceSnapshot
import com.passkeyready.ffi.Platform

/**
 * Everything the SDK reads from the OS, turned into the core's [DeviceSnapshot].
 *
 * What it reads: whether a screen lock is set, whether a biometric is enrolled, whether Google's
 * autofill service is selected, whether any Google account is visible to the app (a count, never
 * a name), which app opens https links by default, and the OS version. What it never reads:
 * account names, e-mail addresses, phone numbers, device identifiers (Android ID, IMEI,
 * serial, advertising ID), installed-app lists, or anything on the network.
 *
 * @param osVersion the `os_version` of the snapshot.
 * @param readers one per observed check; a check no reader observes stays unknown.
 */
class DeviceReaders(
    private val osVersion: OsVersionReader,
    private val readers: List<SignalReader>,
) {
    /** A fresh observation: call it again after the customer comes back from settings. */
    fun snapshot(): DeviceSnapshot = DeviceSnapshot(
        platform = Platform.ANDROID,
        osVersion = osVersion.osVersion(),
        // The SDK runs in the bank's app, not in the browser the page opens in.
        userAgent = null,
        signals = readers.associate { it.check to it.read() },
    )

    companion object {
        /** The readers of a real device. */
        @JvmStatic
        fun android(context: Context): DeviceReaders {
            return DeviceReaders(
                OsVersionReader(AndroidBuildVersion),
                listOf(
                    ScreenLockReader(AndroidKeyguardSource(context)),
                    BiometricsReader.android(context),
                    GoogleAccountReader(AndroidGoogleAccountSource(context)),
                    GoogleAutofillReader.android(context),
                    StandardBrowserReader(AndroidBrowserSource(context)),
                ),
            )
        }
    }
}
