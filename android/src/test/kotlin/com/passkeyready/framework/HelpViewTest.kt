package com.passkeyready.framework

import android.app.Activity
import android.os.Looper
import com.passkeyready.NativeCore
import com.passkeyready.PasskeyReadiness
import com.passkeyready.SdkUnavailableException
import com.passkeyready.android14
import com.passkeyready.device.DeviceReaders
import com.passkeyready.settings.AndroidSettingsLaunchers
import android.os.Build
import android.util.TypedValue
import android.view.ContextThemeWrapper
import android.widget.Button
import android.widget.TextView
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.HelpRow
import com.passkeyready.ffi.RowKind
import com.passkeyready.ffi.Signal
import com.passkeyready.help.PasskeyHelpView
import com.passkeyready.settings.SettingsTargets
import com.passkeyready.ffi.SettingsAction
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.android.controller.ActivityController
import org.robolectric.annotation.Config

/**
 * [PasskeyHelpView] in a bank's activity, driven as a customer drives it: the phone's readings
 * are fakes a test changes, the core and the settings launcher are real. At the minimum API
 * level, the first with the accessibility heading flag, and Android 14. (Not 33: attaching a
 * window there needs an API 34 class in Robolectric 4.17's sandbox, see SettingsFrameworkTest.)
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [23, 28, 34])
class HelpViewTest {
    private val phone = FakePhone()
    private val controller: ActivityController<Activity> = Robolectric.buildActivity(Activity::class.java).setup()
    private val activity: Activity = controller.get()
    private val readiness = phone.readiness("ja")

    private fun shown(view: PasskeyHelpView = PasskeyHelpView(activity, readiness)): PasskeyHelpView {
        activity.setContentView(view)
        view.awaitScreen(0)
        return view
    }

    @Test
    fun `an answer changes the row, its button opens the settings screen and forgets the answer`() {
        everySettingsScreenExists()
        val view = shown()
        val asked = view.screen!!.row(CheckId.GOOGLE_ACCOUNT)
        assertEquals(RowKind.TO_ANSWER, asked.kind)
        val question = asked.question!!

        view.buttonNamed("${asked.title} ${question.noLabel}").performClick()
        val answered = view.awaitScreen(1).row(CheckId.GOOGLE_ACCOUNT)
        assertEquals(RowKind.TO_FIX, answered.kind)
        assertTrue(answered.statusLabel in view.shownTexts())
        assertEquals(mapOf(CheckId.GOOGLE_ACCOUNT to false), readiness.answers)

        val button = answered.button!!
        view.buttonNamed("${answered.title} ${button.label}").performClick()
        val started = shadowOf(activity).nextStartedActivity
        val expected = SettingsTargets.forAction(SettingsAction.ADD_GOOGLE_ACCOUNT, Build.VERSION.SDK_INT, activity.packageName).first()
        assertEquals(expected.action, started?.action)
        assertEquals(emptyMap<CheckId, Boolean>(), readiness.answers)
    }

    @Test
    fun `the standard-browser row opens the bank's page in the browser, or its steps without a usable page`() {
        installBrowser("com.android.chrome")
        phone.set(CheckId.STANDARD_BROWSER, Signal.NO)
        val view = PasskeyHelpView(activity, readiness).apply { registrationUrl = "https://www.bank.example/passkey/register" }
        val row = shown(view).screen!!.row(CheckId.STANDARD_BROWSER)
        val button = row.button!!
        assertEquals(SettingsAction.OPEN_IN_STANDARD_BROWSER, button.action)

        view.buttonNamed("${row.title} ${button.label}").performClick()
        val started = shadowOf(activity).nextStartedActivity
        assertEquals("https://www.bank.example/passkey/register", started?.dataString)

        view.registrationUrl = "http://www.bank.example/not-https"
        view.buttonNamed("${row.title} ${button.label}").performClick()
        assertEquals(null, shadowOf(activity).nextStartedActivity)
        // Its section is the FAQ on opening the page in the standard browser.
        assertTrue(row.section!!.heading in view.shownTexts())
        assertTrue(row.section!!.intro in view.shownTexts())
    }

    @Test
    fun `back from Settings, onResume checks again and the row shows what the phone reads now`() {
        phone.set(CheckId.SCREEN_LOCK, Signal.NO)
        val view = shown()
        assertEquals(RowKind.TO_FIX, view.screen!!.row(CheckId.SCREEN_LOCK).kind)
        val reads = phone.screenLockReads.get()

        // The customer sets a screen lock in Settings and comes back.
        controller.pause().stop()
        phone.set(CheckId.SCREEN_LOCK, Signal.YES)
        controller.restart().resume()
        val back = view.awaitScreen(1)
        assertEquals(RowKind.DONE, back.row(CheckId.SCREEN_LOCK).kind)
        assertEquals(reads + 1, phone.screenLockReads.get())
        assertTrue(back.row(CheckId.SCREEN_LOCK).statusLabel in view.shownTexts())
    }

    @Test
    fun `tapping a row shows its section's steps, tapping again hides them`() {
        phone.set(CheckId.SCREEN_LOCK, Signal.NO)
        val view = shown()
        val row = view.screen!!.row(CheckId.SCREEN_LOCK)
        val section = row.section!!
        val firstStep = section.steps.first()
        assertFalse(firstStep.text in view.shownTexts())

        view.rowBox(row).performClick()
        val texts = view.shownTexts()
        assertTrue(section.heading in texts)
        for (step in section.steps) {
            assertTrue(step.text in texts)
            assertTrue(step.number.trimEnd() in texts)
            for (substep in step.substeps) assertTrue(substep.text in texts)
            for (note in step.notes) assertTrue(note.mark + note.text in texts)
        }

        view.rowBox(row).performClick()
        assertFalse(firstStep.text in view.shownTexts())
    }

    @Test
    fun `every text is the model's, in order, with headings and touch targets`() {
        phone.set(CheckId.SCREEN_LOCK, Signal.NO)
        val view = shown()
        val screen = view.screen!!
        val expected = buildList {
            add(screen.title)
            add(screen.banner.heading)
            add(screen.banner.text)
            fun add(row: HelpRow) {
                add(row.title)
                add(row.statusLabel)
                add(row.reason)
                row.button?.let { add(it.label) }
                row.question?.let { add(it.text); add(it.yesLabel); add(it.noLabel) }
                row.section?.let { add(it.label) }
            }
            screen.alreadyUsing?.let(::add)
            add(screen.findingsHeading)
            screen.rows.forEach(::add)
            add(screen.troubleshooting.heading)
            for (faq in screen.troubleshooting.faqs) {
                add(faq.question)
                add(faq.answer)
            }
        }
        val texts = view.shownTexts()
        // Every text of the model is drawn, in the model's order, and nothing else.
        assertEquals(expected, texts)

        val headings = view.descendants().filterIsInstance<TextView>().filter(::isHeading).map { it.text.toString() }.toList()
        for (heading in listOf(screen.title, screen.banner.heading, screen.findingsHeading, screen.troubleshooting.heading)) {
            assertTrue("$heading is a heading", heading in headings)
        }
        assertFalse(screen.banner.text in headings)

        val touchTarget = TypedValue.applyDimension(TypedValue.COMPLEX_UNIT_DIP, 48f, activity.resources.displayMetrics)
        val buttons = view.descendants().filterIsInstance<Button>().toList()
        assertTrue(buttons.isNotEmpty())
        for (button in buttons) {
            assertTrue("${button.text} is ${button.height} px high", button.height >= touchTarget)
            assertTrue(button.contentDescription.toString().endsWith(button.text.toString()))
        }
        val rowBox = view.rowBox(screen.row(CheckId.SCREEN_LOCK))
        assertTrue(rowBox.isClickable)
        assertTrue(rowBox.height >= touchTarget)
    }

    @Test
    fun `text follows the customer's font size`() {
        val view = shown()
        val reason = view.screen!!.row(CheckId.SCREEN_LOCK).reason
        val normal = view.descendants().filterIsInstance<TextView>().first { it.text.toString() == reason }.textSize

        RuntimeEnvironment.setFontScale(1.5f)
        val large = shown(PasskeyHelpView(activity, readiness))
        val scaled = large.descendants().filterIsInstance<TextView>().first { it.text.toString() == reason }.textSize
        // Android 14 scales large text less than small text (non-linear font scaling): the
        // framework's own sp conversion is the measure.
        assertTrue("$scaled px at 1.5 against $normal px", scaled > normal * 1.3f)
        assertEquals(TypedValue.applyDimension(TypedValue.COMPLEX_UNIT_SP, 16f, activity.resources.displayMetrics), scaled, 0.5f)
    }

    @Test
    fun `colours come from the host app's theme`() {
        fun titleColour(theme: Int): Int {
            val view = shown(PasskeyHelpView(ContextThemeWrapper(activity, theme), readiness))
            val themed = TypedValue().also { view.context.theme.resolveAttribute(android.R.attr.textColorPrimary, it, true) }
            val expected = view.context.resources.getColorStateList(themed.resourceId, view.context.theme).defaultColor
            val title = view.descendants().filterIsInstance<TextView>().first { it.text.toString() == view.screen!!.title }
            assertEquals(expected, title.currentTextColor)
            return title.currentTextColor
        }
        assertNotEquals(
            titleColour(android.R.style.Theme_Material_Light_NoActionBar),
            titleColour(android.R.style.Theme_Material_NoActionBar),
        )
    }

    @Test
    fun `where the native core cannot load, the app is told and nothing is drawn`() {
        val unavailable = PasskeyReadiness.withCore(
            { throw UnsatisfiedLinkError("libpasskey_ready_ffi.so: not found") },
            NativeCore(),
            DeviceReaders(android14, emptyList()),
            { "ja" },
            AndroidSettingsLaunchers,
        )
        val errors = mutableListOf<Exception>()
        val view = PasskeyHelpView(activity, unavailable).apply { onUnavailable = PasskeyHelpView.UnavailableListener { errors += it } }
        activity.setContentView(view)
        val deadline = System.nanoTime() + 10_000_000_000L
        while (errors.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5)
            shadowOf(Looper.getMainLooper()).idle()
        }
        assertEquals(SdkUnavailableException.Kind.NATIVE_LIBRARY, (errors.single() as SdkUnavailableException).kind)
        assertEquals(emptyList<String>(), view.shownTexts())
    }

    /** The flag from API 28; before it, the collection item's heading bit (deprecated since 28). */
    @Suppress("DEPRECATION")
    private fun isHeading(view: TextView): Boolean {
        val info = view.createAccessibilityNodeInfo()
        return if (Build.VERSION.SDK_INT >= 28) info.isHeading else info.collectionItemInfo?.isHeading == true
    }

}
