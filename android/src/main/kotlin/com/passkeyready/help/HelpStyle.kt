package com.passkeyready.help

import android.content.Context
import android.content.res.Resources
import android.graphics.Color
import android.graphics.Typeface
import android.graphics.drawable.GradientDrawable
import android.util.TypedValue
import android.widget.TextView
import com.passkeyready.ffi.BannerKind
import com.passkeyready.ffi.RowKind

/**
 * How the help screen looks, taken from the host app's theme (the context's): its text
 * colours, accent and error colours and background. The fixed colours below are only used
 * where a theme does not define the attribute. Sizes are in dp, text in sp, so the customer's
 * font size applies.
 */
internal class HelpStyle(private val context: Context) {
    val textPrimary = color(android.R.attr.textColorPrimary, Color.rgb(0x1C, 0x1B, 0x1F))
    val textSecondary = color(android.R.attr.textColorSecondary, Color.rgb(0x49, 0x45, 0x4F))
    val accent = color(android.R.attr.colorAccent, Color.rgb(0x00, 0x5A, 0xC1))

    /**
     * `android:colorError` exists from API 26 (the constant is compiled in; an older theme
     * simply lacks the attribute); the fallback is a red readable on light and dark.
     */
    val error = color(android.R.attr.colorError, Color.rgb(0xD3, 0x2F, 0x2F))

    /** The window's background, for drawing the screen outside a window (the pictures). */
    val background = color(android.R.attr.colorBackground, Color.WHITE)

    fun dp(value: Float): Int =
        TypedValue.applyDimension(TypedValue.COMPLEX_UNIT_DIP, value, context.resources.displayMetrics).toInt()

    /** The smallest touch target Android's accessibility guidelines ask for. */
    val touchTarget: Int get() = dp(48f)

    fun kindColor(kind: RowKind): Int = when (kind) {
        RowKind.TO_FIX -> error
        RowKind.TO_ANSWER -> accent
        RowKind.DONE, RowKind.NOT_NEEDED, RowKind.INFORMATION -> textSecondary
    }

    fun bannerColor(kind: BannerKind): Int = when (kind) {
        BannerKind.NOT_READY -> error
        BannerKind.NEEDS_ANSWERS, BannerKind.READY -> accent
    }

    /** A rounded box outlined in [stroke], filled with a faint tint of it. */
    fun box(stroke: Int, fill: Boolean): GradientDrawable = GradientDrawable().apply {
        cornerRadius = dp(12f).toFloat()
        setStroke(dp(1.5f), stroke)
        setColor(if (fill) withAlpha(stroke, 0x1F) else Color.TRANSPARENT)
    }

    /** A text in the theme's colours at [sp] scaled pixels. */
    fun text(value: String, sp: Float, bold: Boolean = false, secondary: Boolean = false): TextView =
        TextView(context).apply {
            text = value
            setTextSize(TypedValue.COMPLEX_UNIT_SP, sp)
            setTextColor(if (secondary) textSecondary else textPrimary)
            // Japanese lines need air between them; Latin text does not suffer from it.
            setLineSpacing(0f, LINE_SPACING)
            if (bold) setTypeface(typeface, Typeface.BOLD)
        }

    private fun color(attr: Int, fallback: Int): Int {
        val value = TypedValue()
        if (!context.theme.resolveAttribute(attr, value, true)) return fallback
        return when {
            value.type in TypedValue.TYPE_FIRST_COLOR_INT..TypedValue.TYPE_LAST_COLOR_INT -> value.data
            value.resourceId != 0 -> try {
                context.resources.getColorStateList(value.resourceId, context.theme).defaultColor
            } catch (e: Resources.NotFoundException) {
                fallback
            }
            else -> fallback
        }
    }

    private companion object {
        const val LINE_SPACING = 1.15f

        fun withAlpha(color: Int, alpha: Int): Int =
            Color.argb(alpha, Color.red(color), Color.green(color), Color.blue(color))
    }
}
