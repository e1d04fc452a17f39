package com.passkeyready.device

import android.content.Context
import android.hardware.biometrics.BiometricManager
import android.os.Build
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal

/** The OS call behind `biometrics`: [BiometricManager.canAuthenticate] (API 29+). */
fun interface BiometricSource {
    /**
     * One of the `BiometricManager.BIOMETRIC_*` result codes for [authenticators] (API 30+;
     * on API 29 the framework asks about every biometric the prompt can use).
     */
    fun canAuthenticate(authenticators: Int): Int
}

/**
 * `biometrics` (information only: the guide requires a screen lock, which biometrics build
 * on). On API 29+: an enrolled biometric → yes, hardware present but nothing enrolled → no,
 * anything else (no hardware, hardware unavailable, a security update needed) → unknown. Below
 * API 29 there is no framework query an app may make without a permission: unknown.
 */
class BiometricsReader(
    private val sdkInt: Int,
    internal val biometrics: BiometricSource,
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
        /** `BiometricManager.canAuthenticate()` arrived in Android 10. */
        const val MIN_SDK: Int = 29

        /** `canAuthenticate(int)`, asking per strength: Android 11. */
        const val AUTHENTICATORS_MIN_SDK: Int = 30

        /** Fingerprint or face, of either class: what a passkey prompt may offer. */
        const val AUTHENTICATORS: Int =
            BiometricManager.Authenticators.BIOMETRIC_STRONG or
                BiometricManager.Authenticators.BIOMETRIC_WEAK

        /** The reader of a real device; below [MIN_SDK] its [AndroidBiometricSource] is never built. */
        @JvmStatic
        fun android(context: Context): BiometricsReader {
            val sdkInt = Build.VERSION.SDK_INT
            return BiometricsReader(
                sdkInt,
                if (sdkInt >= MIN_SDK) AndroidBiometricSource(context, sdkInt) else NoBiometricQuery,
            )
        }
    }
}

/** Before API 29: nothing to ask (the reader answers unknown without asking). */
object NoBiometricQuery : BiometricSource {
    override fun canAuthenticate(authenticators: Int): Int = BiometricManager.BIOMETRIC_ERROR_HW_UNAVAILABLE
}

/** [BiometricSource] on a device; only built on API 29+ ([BiometricsReader.android]). */
@RequiresApiLevel(BiometricsReader.MIN_SDK)
class AndroidBiometricSource(context: Context, private val sdkInt: Int) : BiometricSource {
    private val manager: BiometricManager? = context.getSystemService(BiometricManager::class.java)

    override fun canAuthenticate(authenticators: Int): Int {
        val biometrics = checkNotNull(manager) { "BiometricManager is not available" }
        return if (sdkInt >= BiometricsReader.AUTHENTICATORS_MIN_SDK) {
            biometrics.canAuthenticate(authenticators)
        } else {
            @Suppress("DEPRECATION")
            biometrics.canAuthenticate()
        }
    }
}
