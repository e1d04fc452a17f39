package com.passkeyready.device

import android.app.KeyguardManager
import android.content.Context
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal

/** The OS call behind `screen_lock`: [KeyguardManager.isDeviceSecure]. */
fun interface KeyguardSource {
    /** True when a PIN, pattern or password (or a SIM lock) protects the device. */
    fun isDeviceSecure(): Boolean
}

/**
 * `screen_lock`: a pattern, PIN or password is set. Secure → yes, not secure ("None" or
 * "Swipe") → no, the OS failing to answer → unknown.
 */
class ScreenLockReader(private val keyguard: KeyguardSource) : SignalReader {
    override val check: CheckId = CheckId.SCREEN_LOCK

    override fun read(): Signal = readOrUnknown {
        if (keyguard.isDeviceSecure()) Signal.YES else Signal.NO
    }
}

/** [KeyguardSource] on a device (API 23+). */
class AndroidKeyguardSource(context: Context) : KeyguardSource {
    private val keyguard: KeyguardManager? = context.getSystemService(KeyguardManager::class.java)

    override fun isDeviceSecure(): Boolean =
        checkNotNull(keyguard) { "KeyguardManager is not available" }.isDeviceSecure
}
