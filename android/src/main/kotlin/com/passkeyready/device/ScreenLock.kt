package com.passkeyready.device

import android.app.KeyguardManager
import android.content.Context
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal

/** The OS call behind `screen_lock`: [KeyguardManager.isDeviceSecure]. */
fun interface KeyguardSource {
    /**
     * True when a PIN, pattern or password is set. (A locked SIM card counts for
     * `isKeyguardSecure`, not for `isDeviceSecure`, which is why this one is read.)
     */
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

/** [KeyguardSource] on a device: `isDeviceSecure` exists on every supported level (API 23+). */
class AndroidKeyguardSource(context: Context) : KeyguardSource {
    private val keyguard: KeyguardManager? = context.getSystemService(KeyguardManager::class.java)

    override fun isDeviceSecure(): Boolean =
        checkNotNull(keyguard) { "KeyguardManager is not available" }.isDeviceSecure
}
