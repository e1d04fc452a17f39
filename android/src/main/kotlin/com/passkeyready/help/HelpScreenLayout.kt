package com.passkeyready.help

import android.util.TypedValue
import android.view.Gravity
import android.view.View
import android.view.accessibility.AccessibilityNodeInfo
import android.widget.Button
import android.widget.LinearLayout
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.HelpRow
import com.passkeyready.ffi.HelpScreen

/** What the customer can do on the screen; [PasskeyHelpView] carries it out. */
internal interface HelpActions {
    fun open(row: HelpRow)
    fun answer(check: CheckId, yes: Boolean)
    fun toggleSteps(check: CheckId)
}

/**
 * Lays out a [HelpScreen] top to bottom in [content]: title, banner, the "already using
 * passkeys" row, the findings, the troubleshooting answers. Every text is the model's; which
 * row has a button, a question or steps is the model's too. Only [expanded] rows show their
 * steps.
 */
internal class HelpScreenLayout(
    private val style: HelpStyle,
    private val actions: HelpActions,
) {
    private val sections = HelpSectionViews(style)

    fun fill(content: LinearLayout, screen: HelpScreen, expanded: Set<CheckId>) {
        content.removeAllViews()
        content.addView(style.text(screen.title, TITLE_SP, bold = true).also(::markHeading), block(0f))
        content.addView(banner(content, screen), block(GAP))
        screen.alreadyUsing?.let { content.addView(row(content, it, it.check in expanded), block(GAP)) }
        content.addView(style.text(screen.findingsHeading, HEADING_SP, bold = true).also(::markHeading), block(SECTION_GAP))
        for (row in screen.rows) content.addView(row(content, row, row.check in expanded), block(GAP))
        content.addView(
            style.text(screen.troubleshooting.heading, HEADING_SP, bold = true).also(::markHeading),
            block(SECTION_GAP),
        )
        for (faq in screen.troubleshooting.faqs) {
            content.addView(style.text(faq.question, BODY_SP, bold = true).also(::markHeading), block(GAP))
            content.addView(style.text(faq.answer, BODY_SP), block(SMALL_GAP))
        }
    }

    private fun banner(content: LinearLayout, screen: HelpScreen): View {
        val color = style.bannerColor(screen.banner.kind)
        return vertical(content).apply {
            background = style.box(color, fill = true)
            pad(this)
            // A new result after a re-check is announced without moving TalkBack's focus.
            accessibilityLiveRegion = View.ACCESSIBILITY_LIVE_REGION_POLITE
            addView(style.text(screen.banner.heading, HEADING_SP, bold = true).also(::markHeading))
            addView(style.text(screen.banner.text, BODY_SP), block(SMALL_GAP))
        }
    }

    private fun row(content: LinearLayout, row: HelpRow, expanded: Boolean): View {
        val color = style.kindColor(row.kind)
        val box = vertical(content).apply {
            background = style.box(color, fill = false)
            pad(this)
        }
        val header = LinearLayout(content.context).apply {
            orientation = LinearLayout.HORIZONTAL
            gravity = Gravity.CENTER_VERTICAL
        }
        header.addView(
            style.text(row.title, ROW_TITLE_SP, bold = true).also(::markHeading),
            LinearLayout.LayoutParams(0, LinearLayout.LayoutParams.WRAP_CONTENT, 1f),
        )
        // The status in words, never by colour alone; coloured as the row's outline.
        header.addView(
            style.text(row.statusLabel, SMALL_SP, bold = true).apply {
                setTextColor(color)
                background = style.box(color, fill = true)
                setPadding(style.dp(8f), style.dp(2f), style.dp(8f), style.dp(2f))
            },
        )
        box.addView(header)
        box.addView(style.text(row.reason, BODY_SP, secondary = true), block(SMALL_GAP))

        row.button?.let { button ->
            box.addView(button(content, button.label, row.title, primary = true) { actions.open(row) }, block(GAP))
        }
        row.question?.let { question ->
            box.addView(style.text(question.text, BODY_SP), block(GAP))
            val answers = LinearLayout(content.context).apply { orientation = LinearLayout.HORIZONTAL }
            val weight = { LinearLayout.LayoutParams(0, LinearLayout.LayoutParams.WRAP_CONTENT, 1f) }
            answers.addView(button(content, question.yesLabel, row.title) { actions.answer(question.check, true) }, weight())
            answers.addView(button(content, question.noLabel, row.title) { actions.answer(question.check, false) }, weight())
            box.addView(answers, block(SMALL_GAP))
        }
        row.section?.let { section ->
            // The section's own label discloses the steps; the whole row is the touch target.
            box.addView(
                style.text(section.label, BODY_SP, bold = true).apply {
                    setTextColor(style.accent)
                    minHeight = style.touchTarget
                    gravity = Gravity.CENTER_VERTICAL
                },
                block(SMALL_GAP),
            )
            box.isClickable = true
            box.isFocusable = true
            box.setOnClickListener { actions.toggleSteps(row.check) }
            box.accessibilityDelegate = ClickLabel(section.label)
            if (expanded) sections.section(box, section)
        }
        return box
    }

    /**
     * A framework button in the theme's style — [primary]: filled with the theme's accent
     * colour, for the one thing to do — at least 48 dp high, named with its row for TalkBack.
     */
    private fun button(
        content: LinearLayout,
        label: String,
        rowTitle: String,
        primary: Boolean = false,
        onClick: () -> Unit,
    ): Button =
        (if (primary) Button(content.context, null, 0, android.R.style.Widget_Material_Button_Colored) else Button(content.context)).apply {
            text = label
            setTextSize(TypedValue.COMPLEX_UNIT_SP, BODY_SP)
            minHeight = style.touchTarget
            minimumHeight = style.touchTarget
            isAllCaps = false
            // "はい" alone says nothing to a customer moving between buttons: say whose.
            contentDescription = "$rowTitle $label"
            setOnClickListener { onClick() }
        }

    private fun vertical(content: LinearLayout) = LinearLayout(content.context).apply { orientation = LinearLayout.VERTICAL }

    private fun pad(view: View) {
        val p = style.dp(PADDING)
        view.setPadding(p, p, p, p)
    }

    private fun block(top: Float) = LinearLayout.LayoutParams(
        LinearLayout.LayoutParams.MATCH_PARENT,
        LinearLayout.LayoutParams.WRAP_CONTENT,
    ).apply { topMargin = style.dp(top) }

    /** TalkBack says what a tap on the row does ("double-tap to 設定方法"). */
    private class ClickLabel(private val label: String) : View.AccessibilityDelegate() {
        override fun onInitializeAccessibilityNodeInfo(host: View, info: AccessibilityNodeInfo) {
            super.onInitializeAccessibilityNodeInfo(host, info)
            info.addAction(AccessibilityNodeInfo.AccessibilityAction(AccessibilityNodeInfo.ACTION_CLICK, label))
        }
    }

    private companion object {
        const val TITLE_SP = 22f
        const val HEADING_SP = 18f
        const val ROW_TITLE_SP = 17f
        const val BODY_SP = 16f
        const val SMALL_SP = 14f
        const val PADDING = 14f
        const val GAP = 12f
        const val SMALL_GAP = 6f
        const val SECTION_GAP = 24f
    }
}
