package com.passkeyready.framework

import android.app.Activity
import android.graphics.Bitmap
import android.graphics.Canvas
import android.graphics.Paint
import android.view.ContextThemeWrapper
import android.view.View
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.HelpScreen
import com.passkeyready.ffi.Signal
import com.passkeyready.help.PasskeyHelpView
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode
import java.io.File

/**
 * The help screen drawn by Robolectric's native graphics (Android's own Skia and fonts, from
 * nativeruntime-dist-compat, which carries Noto Sans CJK) at phone size, in Japanese and
 * English, light and dark: PNGs a person can look at. Written to target/help-screen-pictures;
 * with `-Dpasskeyready.pictures=<dir>` (docs/android.md) also to that directory, which is how
 * docs/images/android-help-*.png are made.
 *
 * A phone with no screen lock and the Google account unknown, the screen lock's steps open.
 */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [34], qualifiers = "w360dp-h800dp-xhdpi")
class HelpScreenPicturesTest {
    private val activity: Activity = Robolectric.buildActivity(Activity::class.java).setup().get()

    @Test
    fun `Japanese, light and dark`() = draw("ja")

    @Test
    fun `English, light and dark`() = draw("en")

    private fun draw(language: String) {
        for ((theme, name) in listOf(
            android.R.style.Theme_Material_Light_NoActionBar to "light",
            android.R.style.Theme_Material_NoActionBar to "dark",
        )) {
            val phone = FakePhone().apply { set(CheckId.SCREEN_LOCK, Signal.NO) }
            val view = PasskeyHelpView(ContextThemeWrapper(activity, theme), phone.readiness(language))
            activity.setContentView(view)
            val screen = view.awaitScreen(0)
            view.rowBox(screen.row(CheckId.SCREEN_LOCK)).performClick()
            // The screen is laid out anew with the steps: the row's box is a new view.
            val row = view.rowBox(screen.row(CheckId.SCREEN_LOCK))
            assertEveryGlyphDrawable(view, screen)
            // Light: the top of the screen; dark: scrolled to the steps just opened.
            write(picture(view, scrolledTo = if (name == "dark") row else null), "android-help-$language-$name.png")
        }
    }

    /** No tofu: the fonts the screen is drawn with have a glyph for every character shown. */
    private fun assertEveryGlyphDrawable(view: View, screen: HelpScreen) {
        val paint = Paint()
        val missing = view.shownTexts().joinToString("").codePoints().toArray().distinct()
            .map { String(Character.toChars(it)) }
            .filter { it.isNotBlank() && !paint.hasGlyph(it) }
        assertTrue("no glyph for ${missing.joinToString(" ")} (${screen.locale})", missing.isEmpty())
    }

    /** The screen at the phone's size, as the window shows it: the theme's background, then the view. */
    private fun picture(view: PasskeyHelpView, scrolledTo: View?): Bitmap {
        val metrics = activity.resources.displayMetrics
        val width = metrics.widthPixels
        val height = metrics.heightPixels
        view.measure(View.MeasureSpec.makeMeasureSpec(width, View.MeasureSpec.EXACTLY), View.MeasureSpec.makeMeasureSpec(height, View.MeasureSpec.EXACTLY))
        view.layout(0, 0, width, height)
        scrolledTo?.let { view.scrollTo(0, it.top - (MARGIN_DP * metrics.density).toInt()) }
        // The scroll bar fades on a phone; a picture would keep it forever.
        view.isVerticalScrollBarEnabled = false
        val bitmap = Bitmap.createBitmap(width, height, Bitmap.Config.ARGB_8888)
        val canvas = Canvas(bitmap)
        val background = android.util.TypedValue()
        view.context.theme.resolveAttribute(android.R.attr.colorBackground, background, true)
        canvas.drawColor(background.data)
        // What the window does when it draws a scrolled view: View.draw leaves it to the parent.
        canvas.translate(-view.scrollX.toFloat(), -view.scrollY.toFloat())
        view.draw(canvas)
        return bitmap
    }

    private fun write(bitmap: Bitmap, name: String) {
        val dirs = listOfNotNull(File("target/help-screen-pictures"), System.getProperty("passkeyready.pictures")?.let(::File))
        for (dir in dirs) {
            dir.mkdirs()
            File(dir, name).outputStream().use { assertTrue(bitmap.compress(Bitmap.CompressFormat.PNG, 100, it)) }
        }
    }

    private companion object {
        /** What is left above the row scrolled to. */
        const val MARGIN_DP = 12
    }
}
