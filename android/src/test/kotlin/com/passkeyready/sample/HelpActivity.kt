package com.passkeyready.sample

import android.app.Activity
import android.os.Bundle
import com.passkeyready.PasskeyReadiness
import com.passkeyready.help.PasskeyHelpView

/**
 * docs/android.md's "As a view" example, compiled with the tests so that it follows the API:
 * the ready-made help screen in a bank's own activity, the answers kept across process death.
 */
class HelpActivity : Activity() {
    private lateinit var readiness: PasskeyReadiness

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        readiness = PasskeyReadiness(this, service = "プラスネット")
        readiness.restoreAnswers(savedInstanceState?.getBundle("passkey_answers"))
        setContentView(PasskeyHelpView(this, readiness).apply {
            registrationUrl = "https://www.bank.example/passkey/register"
            onUnavailable = PasskeyHelpView.UnavailableListener { showWebHelp() }
        })
    }

    override fun onSaveInstanceState(outState: Bundle) {
        super.onSaveInstanceState(outState)
        outState.putBundle("passkey_answers", readiness.saveAnswers())
    }

    /** The bank's own fallback where the SDK cannot run: its web help in the browser. */
    private fun showWebHelp() {
        readiness.openInStandardBrowser(this, "https://www.bank.example/help/passkey")
    }
}
