package com.passkeyready.device

import android.content.Context
import android.hardware.biometrics.BiometricManager
import android.os.Build
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal

/** The OS call behind `biometrics`: [BiometricManager.canAuthenticate] (API 30+). */
fun interface BiometricSource {
    /** One of the `BiometricManager.BIOMETRIC_*` result codes for [authenticators]. */
    fun canAuthenticate(authenticators: Int): Int
}

/**
 * `biometrics` (information only: the guide requires a screen lock, which biometrics build
 * on). On API 30+: an enrolled strong or weak biometric → yes, hardware present but nothing
 * enrolled → no, anything else (no hardware, hardware unavailable, a security update needed)
 * → unknown. Below API 30 the per-strength query does not exist: unknown.
 */
class BiometricsReader(
    private val sdkInt: Int,
    private val biometrics: BiometricSource,
) : SignalReader {
    override val check: CheckId = CheckId.BIOMETRICS

    override fun read(): Signal {
        if (sdkInt < MIN_SDK) return Signal.UNKNOWN
        return readOrUnknown {
            when (biometrics.canAuthenticate(AUTHENTICATORS)) {
                BiometricManager.BIOMETRIC_SUCCESS -> Signal.YES
                BiometricManager.BIOMETRIC_ERROR_NONE_ENROLLED -> Signal.NO
                else -> Signal.UNKNOWN
            }
        }
    }

    companion object {
        /** `canAuthenticate(int)` arrived in Android 11. */
        const val MIN_SDK: Int = 30

        /** Fingerprint or face, of either class: what a passkey prompt may offer. */
        const val AUTHENTICATORS: Int =
            BiometricManager.Authenticators.BIOMETRIC_STRONG or
                BiometricManager.Authenticators.BIOMETRIC_WEAK
    }
}

/** [BiometricSource] on a device; only called on API 30+. */
class AndroidBiometricSource(context: Context) : BiometricSource {
    private val manager: BiometricManager? =
        if (Build.VERSION.SDK_INT >= BiometricsReader.MIN_SDK) {
            context.getSystemService(BiometricManager::class.java)
        } else {
            null
        }

    override fun canAuthenticate(authenticators: Int): Int =
        checkNotNull(manager) { "BiometricManager.canAuthenticate(int) needs API 30" }
            .canAuthenticate(authenticators)
}
