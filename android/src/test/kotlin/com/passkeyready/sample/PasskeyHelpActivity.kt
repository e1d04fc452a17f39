package com.passkeyready.sample

import android.app.Activity
import android.os.Bundle
import android.os.Handler
import android.os.Looper
import android.widget.Button
import android.widget.LinearLayout
import android.widget.ScrollView
import android.widget.TextView
import com.passkeyready.OpenResult
import com.passkeyready.PasskeyReadiness
import com.passkeyready.ReadinessResult
import com.passkeyready.ffi.FindingStatus
import com.passkeyready.ffi.GuideLocale
import com.passkeyready.ffi.ReadinessReport
import com.passkeyready.ffi.SettingsAction
import java.util.concurrent.Executor

/**
 * The help-screen flow of docs/android.md, compiled with the tests so that the sample keeps
 * up with the API (it is not run: there is no Android runtime on the host).
 *
 * check (off the main thread) → show findings and questions → open settings → check again in
 * onResume; the answers survive the process being killed while the customer is in Settings.
 */
class PasskeyHelpActivity : Activity() {
    private lateinit var readiness: PasskeyReadiness
    private lateinit var list: LinearLayout

    /** Results come back on the main thread (`mainExecutor` from API 28). */
    private val main = Executor { Handler(Looper.getMainLooper()).post(it) }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        // Loads no native code and reads nothing yet: cheap on the main thread.
        readiness = PasskeyReadiness(this, service = "プラスネット")
        readiness.restoreAnswers(savedInstanceState?.getBundle(ANSWERS))
        list = LinearLayout(this).apply { orientation = LinearLayout.VERTICAL }
        setContentView(ScrollView(this).apply { addView(list) })
    }

    override fun onSaveInstanceState(outState: Bundle) {
        super.onSaveInstanceState(outState)
        outState.putBundle(ANSWERS, readiness.saveAnswers())
    }

    override fun onResume() {
        super.onResume()
        // First visit, and every return from a settings screen: read the device again, off
        // the main thread (system-service calls can block).
        readiness.checkAsync(main, ::show)
    }

    private fun show(result: ReadinessResult) {
        if (isFinishing || isDestroyed) return
        when (result) {
            is ReadinessResult.Report -> show(result.report)
            // No native library for this device: offer the bank's web guide instead.
            is ReadinessResult.Unavailable -> showWebGuideOnly()
            is ReadinessResult.Failed -> showWebGuideOnly()
        }
    }

    private fun show(report: ReadinessReport) {
        val ja = readiness.deviceLocale() == GuideLocale.JA
        list.removeAllViews()
        list.addView(TextView(this).apply { text = report.summary })

        // Findings come in fixing order; biometrics is information only (required = false).
        for (finding in report.findings.filter { it.status == FindingStatus.FAIL }) {
            list.addView(TextView(this).apply { text = "${finding.label}: ${finding.reason}" })
            list.addView(Button(this).apply {
                text = if (ja) "設定を開く" else "Open settings"
                setOnClickListener {
                    val result = if (finding.action == SettingsAction.OPEN_IN_STANDARD_BROWSER) {
                        readiness.openInStandardBrowser(this@PasskeyHelpActivity, REGISTRATION_PAGE)
                    } else {
                        readiness.open(this@PasskeyHelpActivity, finding)
                    }
                    when (result) {
                        is OpenResult.Opened -> Unit // onResume checks again
                        is OpenResult.ManualSteps -> showSteps(result.section)
                    }
                }
            })
        }

        // What the device cannot read is asked; the answer is remembered by `readiness`.
        for (question in report.questions) {
            list.addView(TextView(this).apply { text = question.text })
            list.addView(Button(this).apply {
                text = if (ja) "はい" else "Yes"
                setOnClickListener { readiness.answerAsync(question.check, true, main, ::show) }
            })
            list.addView(Button(this).apply {
                text = if (ja) "いいえ" else "No"
                setOnClickListener { readiness.answerAsync(question.check, false, main, ::show) }
            })
        }
    }

    /** The guide's own steps for a section: a part of a device guide, or a FAQ. */
    private fun showSteps(section: String?) {
        val guide = readiness.guide()
        val part = guide.guides.flatMap { it.parts }.firstOrNull { it.id == section }
        val faq = guide.troubleshooting.faqs.firstOrNull { it.id == section }
        val text = when {
            part != null -> part.steps.mapIndexed { i, step -> "${i + 1}. ${step.text}" }.joinToString("\n")
            faq != null -> faq.answer
            else -> return
        }
        list.addView(TextView(this).apply { this.text = text })
    }

    /** The app's own fallback (its texts, not the SDK's): the help page in the browser. */
    private fun showWebGuideOnly() {
        list.removeAllViews()
        list.addView(Button(this).apply {
            text = if (readiness.deviceLocale() == GuideLocale.JA) "ヘルプページを開く" else "Open the help page"
            setOnClickListener { readiness.openInStandardBrowser(this@PasskeyHelpActivity, HELP_PAGE) }
        })
    }

    private companion object {
        const val ANSWERS = "passkey_answers"
        const val REGISTRATION_PAGE = "https://www.bank.example/passkey/register"
        const val HELP_PAGE = "https://www.bank.example/help/passkey"
    }
}
