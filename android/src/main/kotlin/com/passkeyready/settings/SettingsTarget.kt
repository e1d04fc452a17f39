package com.passkeyready.settings

/**
 * One screen to try, as pure data: the intent action, its extras and its data URI. Only the
 * Android adapter ([AndroidSettingsLaunchers]) turns it into an `Intent`, so the choice of
 * targets is tested on the host JVM.
 */
data class SettingsTarget @JvmOverloads constructor(
    /** The intent action, e.g. `android.settings.SECURITY_SETTINGS`. Also the name reported. */
    val action: String,
    val extras: List<IntentExtra> = emptyList(),
    /** The intent's data URI, e.g. `package:com.example.bank`. */
    val data: String? = null,
)

/** An intent extra of the few kinds the settings targets use. */
sealed class IntentExtra {
    abstract val key: String

    data class IntValue(override val key: String, val value: Int) : IntentExtra()

    data class StringArrayValue(override val key: String, val values: List<String>) : IntentExtra()
}
