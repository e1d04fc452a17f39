package com.passkeyready

/** What [PasskeyReadiness.open] or [PasskeyReadiness.openInStandardBrowser] did. */
sealed class OpenResult {
    /**
     * A screen was started. [target] is the intent action that opened, e.g.
     * `android.settings.BIOMETRIC_ENROLL`, or a fallback such as
     * `android.settings.SECURITY_SETTINGS` when the preferred screen does not exist here;
     * `android.intent.action.VIEW` for a page opened in a browser. [packageName] is the app
     * the intent was addressed to (`com.android.chrome`), or `null` when the system chose.
     */
    data class Opened @JvmOverloads constructor(val target: String, val packageName: String? = null) : OpenResult()

    /**
     * No screen can do it on this device (or none of the candidates exists): show the guide's
     * steps. [section] is the guide part (or FAQ) id that holds them, as passed to `open` —
     * usually the finding's `section` — or `null` when none was given.
     */
    data class ManualSteps(val section: String?) : OpenResult()
}
