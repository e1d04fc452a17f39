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
 * as the guide asks. On API 28+: the service is Google Play services' → yes; the OS failing to
 * answer, or no autofill framework → unknown. Below API 28 the service cannot be read: unknown.
 *
 * Another service or none: no on API 28–33. On Android 14+ (API 34) → **unknown**, a question
 * for the customer: "Passwords, passkeys & accounts" lets Google Password Manager be on as an
 * *additional* provider behind another preferred service, and no public API tells an app about
 * additional providers. The core points Android 14+ customers to that screen
 * (`credential_provider_settings`).
 */
class GoogleAutofillReader(
    private val sdkInt: Int,
    internal val autofill: AutofillSource,
) : SignalReader {
    override val check: CheckId = CheckId.GOOGLE_AUTOFILL

    override fun read(): Signal {
        if (sdkInt < MIN_SDK) return Signal.UNKNOWN
        return readOrUnknown {
            when {
                !autofill.isAutofillSupported() -> Signal.UNKNOWN
                autofill.autofillServicePackage() == GOOGLE_PLAY_SERVICES -> Signal.YES
                sdkInt >= ADDITIONAL_PROVIDERS_MIN_SDK -> Signal.UNKNOWN
                else -> Signal.NO
            }
        }
    }

    companion object {
        /** `getAutofillServiceComponentName()` arrived in Android 9. */
        const val MIN_SDK: Int = 28

        /** Android 14: several credential providers, only the preferred one is visible. */
        const val ADDITIONAL_PROVIDERS_MIN_SDK: Int = 34

        /** Autofill with Google is a service of Google Play services. */
        const val GOOGLE_PLAY_SERVICES: String = "com.google.android.gms"

        /**
         * The reader of a real device. Below [MIN_SDK] the [AndroidAutofillSource] is never
         * built: [AutofillManager] does not exist before API 26, and resolving it there throws
         * `NoClassDefFoundError` in the host app.
         */
        @JvmStatic
        fun android(context: Context): GoogleAutofillReader {
            val sdkInt = Build.VERSION.SDK_INT
            return GoogleAutofillReader(
                sdkInt,
                if (sdkInt >= MIN_SDK) AndroidAutofillSource(context) else NoAutofillFramework,
            )
        }
    }
}

/** Before API 26 there is no autofill framework. */
object NoAutofillFramework : AutofillSource {
    override fun isAutofillSupported(): Boolean = false

    override fun autofillServicePackage(): String? = null
}

/** [AutofillSource] on a device; only built on API 28+ ([GoogleAutofillReader.android]). */
@RequiresApiLevel(GoogleAutofillReader.MIN_SDK)
class AndroidAutofillSource(context: Context) : AutofillSource {
    private val manager: AutofillManager? = context.getSystemService(AutofillManager::class.java)

    override fun isAutofillSupported(): Boolean = manager?.isAutofillSupported == true

    override fun autofillServicePackage(): String? =
        checkNotNull(manager) { "AutofillManager is not available" }
            .autofillServiceComponentName
            ?.packageName
}
