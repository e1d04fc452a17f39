package com.passkeyready.sample

import android.app.Activity
import android.os.Bundle
import android.widget.Button
import android.widget.LinearLayout
import android.widget.ScrollView
import android.widget.TextView
import com.passkeyready.OpenResult
import com.passkeyready.PasskeyReadiness
import com.passkeyready.ffi.FindingStatus
import com.passkeyready.ffi.GuideLocale
import com.passkeyready.ffi.ReadinessReport

/**
 * The help-screen flow of docs/android.md, compiled with the tests so that the sample keeps
 * up with the API (it is not run: there is no Android runtime on the host).
 *
 * check → show findings and questions → open settings → check again in onResume.
 */
class PasskeyHelpActivity : Activity() {
    private lateinit var readiness: PasskeyReadiness
    private lateinit var list: LinearLayout

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        readiness = PasskeyReadiness(this, service = "プラスネット")
        list = LinearLayout(this).apply { orientation = LinearLayout.VERTICAL }
        setContentView(ScrollView(this).apply { addView(list) })
    }

    override fun onResume() {
        super.onResume()
        // First visit, and every return from a settings screen: read the device again.
        show(readiness.check())
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
                    when (val result = readiness.open(this@PasskeyHelpActivity, finding)) {
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
                setOnClickListener { show(readiness.answer(question.check, true)) }
            })
            list.addView(Button(this).apply {
                text = if (ja) "いいえ" else "No"
                setOnClickListener { show(readiness.answer(question.check, false)) }
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
}
