package com.passkeyready.help

import android.graphics.Typeface
import android.view.View
import android.widget.LinearLayout
import com.passkeyready.ffi.HelpNote
import com.passkeyready.ffi.HelpSection
import com.passkeyready.ffi.HelpStep
import com.passkeyready.ffi.HelpSubstep
import com.passkeyready.ffi.NoteKind

/**
 * A guide section's steps as the model gives them: heading, the version the screens are from,
 * why it is needed, numbered steps with their ①②③ sub-steps and notes, and other versions'
 * steps. Numbers and marks are the model's, written before their text with a hanging indent.
 */
internal class HelpSectionViews(private val style: HelpStyle) {
    fun section(parent: LinearLayout, section: HelpSection) {
        parent.addView(style.text(section.heading, HEADING_SP, bold = true).also(::markHeading), spaced(TOP_GAP))
        section.writtenFor?.let { parent.addView(style.text(it, SMALL_SP, secondary = true), spaced(SMALL_GAP)) }
        if (section.intro.isNotEmpty()) parent.addView(style.text(section.intro, BODY_SP), spaced(SMALL_GAP))
        steps(parent, section.steps)
        for (variant in section.variants) {
            parent.addView(style.text(variant.label, BODY_SP, bold = true).also(::markHeading), spaced(TOP_GAP))
            steps(parent, variant.steps)
        }
    }

    private fun steps(parent: LinearLayout, steps: List<HelpStep>) {
        for (step in steps) {
            val column = numbered(parent, step.number, step.text, BODY_SP, indent = 0f)
            notes(column, step.notes)
            for (substep in step.substeps) substep(column, substep)
        }
    }

    private fun substep(parent: LinearLayout, substep: HelpSubstep) {
        val column = numbered(parent, substep.number, substep.text, BODY_SP, indent = SUBSTEP_INDENT)
        notes(column, substep.notes)
    }

    private fun notes(parent: LinearLayout, notes: List<HelpNote>) {
        for (note in notes) {
            val text = style.text(note.mark + note.text, SMALL_SP, secondary = note.kind != NoteKind.CAUTION)
            when (note.kind) {
                NoteKind.CAUTION -> text.setTextColor(style.error)
                // Other names the menu has on some phones: set apart from the step's own words.
                NoteKind.ALTERNATIVE -> text.setTypeface(text.typeface, Typeface.ITALIC)
                NoteKind.CONDITION, NoteKind.PREREQUISITE, NoteKind.HINT -> Unit
            }
            parent.addView(text, spaced(SMALL_GAP))
        }
    }

    /**
     * A number and its text side by side, so that wrapped lines stay under the text; returns
     * the text's column, where notes and sub-steps go.
     */
    private fun numbered(parent: LinearLayout, number: String, text: String, sp: Float, indent: Float): LinearLayout {
        val row = LinearLayout(parent.context).apply {
            orientation = LinearLayout.HORIZONTAL
            // TalkBack reads the number with its text, as one item.
            isFocusable = true
            importantForAccessibility = View.IMPORTANT_FOR_ACCESSIBILITY_YES
        }
        row.setPaddingRelative(style.dp(indent), 0, 0, 0)
        val numberView = style.text(number.trimEnd(), sp, bold = true)
        numberView.setPaddingRelative(0, 0, style.dp(NUMBER_GAP), 0)
        row.addView(numberView, LinearLayout.LayoutParams(LinearLayout.LayoutParams.WRAP_CONTENT, LinearLayout.LayoutParams.WRAP_CONTENT))
        val column = LinearLayout(parent.context).apply { orientation = LinearLayout.VERTICAL }
        column.addView(style.text(text, sp))
        row.addView(column, LinearLayout.LayoutParams(0, LinearLayout.LayoutParams.WRAP_CONTENT, 1f))
        parent.addView(row, spaced(STEP_GAP))
        return column
    }

    private fun spaced(top: Float) = LinearLayout.LayoutParams(
        LinearLayout.LayoutParams.MATCH_PARENT,
        LinearLayout.LayoutParams.WRAP_CONTENT,
    ).apply { topMargin = style.dp(top) }

    private companion object {
        const val HEADING_SP = 17f
        const val BODY_SP = 16f
        const val SMALL_SP = 14f
        const val TOP_GAP = 12f
        const val STEP_GAP = 8f
        const val SMALL_GAP = 4f
        const val SUBSTEP_INDENT = 4f
        const val NUMBER_GAP = 6f
    }
}
