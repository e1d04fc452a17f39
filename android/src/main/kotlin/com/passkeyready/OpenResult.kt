package com.passkeyready

/** What [PasskeyReadiness.open] did. */
sealed class OpenResult {
    /**
     * A settings screen was started. [target] is the intent action that opened, e.g.
     * `android.settings.BIOMETRIC_ENROLL`, or a fallback such as
     * `android.settings.SECURITY_SETTINGS` when the preferred screen does not exist here.
     */
    data class Opened(val target: String) : OpenResult()

    /**
     * No screen can do it on this device (or none of the candidates exists): show the guide's
     * steps. [section] is the guide part (or FAQ) id that holds them, as passed to `open` —
     * usually the finding's `section` — or `null` when none was given.
     */
    data class ManualSteps(val section: String?) : OpenResult()
}
