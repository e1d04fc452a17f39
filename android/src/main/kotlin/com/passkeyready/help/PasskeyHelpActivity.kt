package com.passkeyready.help

import android.app.Activity
import android.content.Context
import android.content.Intent
import android.os.Bundle
import com.passkeyready.PasskeyReadiness

/**
 * The ready-made help screen as an activity: a [PasskeyHelpView] filling it. Declared in the
 * SDK's manifest (merged into the app's), not exported, in the app's theme:
 *
 * ```
 * startActivity(PasskeyHelpActivity.intent(this, service = "プラスネット",
 *     registrationUrl = "https://www.bank.example/passkey/register"))
 * ```
 *
 * The customer's answers survive the activity being recreated (and the process being killed
 * while they are in Settings). Where the native core cannot load, the screen has nothing to
 * show: the activity finishes with [RESULT_SDK_UNAVAILABLE], for the app to open its web help.
 */
class PasskeyHelpActivity : Activity() {
    private lateinit var readiness: PasskeyReadiness

    /** The view this activity shows. */
    lateinit var helpView: PasskeyHelpView
        private set

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        // Loads no native code and reads nothing: cheap on the main thread.
        readiness = PasskeyReadiness(this, intent.getStringExtra(EXTRA_SERVICE))
        readiness.restoreAnswers(savedInstanceState?.getBundle(STATE_ANSWERS))
        helpView = PasskeyHelpView(this, readiness).apply {
            registrationUrl = intent.getStringExtra(EXTRA_REGISTRATION_URL)
            onScreenShown = PasskeyHelpView.ScreenListener { title = it.title }
            onUnavailable = PasskeyHelpView.UnavailableListener {
                setResult(RESULT_SDK_UNAVAILABLE)
                finish()
            }
        }
        setContentView(helpView)
    }

    override fun onSaveInstanceState(outState: Bundle) {
        super.onSaveInstanceState(outState)
        outState.putBundle(STATE_ANSWERS, readiness.saveAnswers())
    }

    companion object {
        /** The service name that fills `{service}` in the texts (a String; optional). */
        const val EXTRA_SERVICE = "com.passkeyready.extra.SERVICE"

        /** The bank's https registration page, for the standard-browser row (a String; optional). */
        const val EXTRA_REGISTRATION_URL = "com.passkeyready.extra.REGISTRATION_URL"

        /** The result when the SDK cannot run on this device: show the bank's web help instead. */
        const val RESULT_SDK_UNAVAILABLE = RESULT_FIRST_USER

        private const val STATE_ANSWERS = "com.passkeyready.answers"

        /** The intent that starts the help screen. */
        @JvmStatic
        @JvmOverloads
        fun intent(context: Context, service: String? = null, registrationUrl: String? = null): Intent =
            Intent(context, PasskeyHelpActivity::class.java)
                .putExtra(EXTRA_SERVICE, service)
                .putExtra(EXTRA_REGISTRATION_URL, registrationUrl)
    }
}
