package com.passkeyready.device

import android.content.Context
import android.os.Build
import android.view.autofill.AutofillManager
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal

/** The OS calls behind `google_autofill`: [AutofillManager] (API 26+; the service name 28+). */
interface AutofillSource {
    /** False when the device has no autofill framework at all. */
    fun isAutofillSupported(): Boolean

    /**
     * The package of the selected autofill service
     * ([AutofillManager.getAutofillServiceComponentName]), `null` when none is selected.
     */
    fun autofillServicePackage(): String?
}

/**
 * `google_autofill`: "Autofill with Google (Google Password Manager)" is the autofill service,
 * as the guide asks. On API 28+: the service is Google Play services' → yes, another service or
 * none → no; the OS failing to answer, or no autofill framework → unknown. Below API 28 the
 * service cannot be read: unknown.
 *
 * Android 14 lists passkey providers under "Passwords, passkeys & accounts", where Google
 * Password Manager can also be on as an *additional* provider behind another preferred
 * service; no public API tells an app about other providers, so the reader follows the guide's
 * requirement (the preferred autofill service) and the core then points Android 14+ customers to
 * that screen (`credential_provider_settings`).
 */
class GoogleAutofillReader(
    private val sdkInt: Int,
    private val autofill: AutofillSource,
) : SignalReader {
    override val check: CheckId = CheckId.GOOGLE_AUTOFILL

    override fun read(): Signal {
        if (sdkInt < MIN_SDK) return Signal.UNKNOWN
        return readOrUnknown {
            when {
                !autofill.isAutofillSupported() -> Signal.UNKNOWN
                autofill.autofillServicePackage() == GOOGLE_PLAY_SERVICES -> Signal.YES
                else -> Signal.NO
            }
        }
    }

    companion object {
        /** `getAutofillServiceComponentName()` arrived in Android 9. */
        const val MIN_SDK: Int = 28

        /** Autofill with Google is a service of Google Play services. */
        const val GOOGLE_PLAY_SERVICES: String = "com.google.android.gms"
    }
}

/** [AutofillSource] on a device. */
class AndroidAutofillSource(context: Context) : AutofillSource {
    private val manager: AutofillManager? = context.getSystemService(AutofillManager::class.java)

    override fun isAutofillSupported(): Boolean = manager?.isAutofillSupported == true

    override fun autofillServicePackage(): String? {
        check(Build.VERSION.SDK_INT >= GoogleAutofillReader.MIN_SDK) {
            "getAutofillServiceComponentName() needs API 28"
        }
        return checkNotNull(manager) { "AutofillManager is not available" }
            .autofillServiceComponentName
            ?.packageName
    }
}
