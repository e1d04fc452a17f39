package com.passkeyready.framework

import android.content.Intent
import android.content.IntentFilter
import android.os.Build
import android.os.Looper
import android.view.View
import android.view.ViewGroup
import android.widget.Button
import android.widget.TextView
import com.passkeyready.PasskeyReadiness
import com.passkeyready.android14
import com.passkeyready.device.DeviceReaders
import com.passkeyready.device.SignalReader
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.HelpRow
import com.passkeyready.ffi.HelpScreen
import com.passkeyready.ffi.SettingsAction
import com.passkeyready.ffi.Signal
import com.passkeyready.help.PasskeyHelpView
import com.passkeyready.settings.AndroidSettingsLaunchers
import com.passkeyready.settings.SettingsTargets
import org.robolectric.Shadows.shadowOf
import java.util.concurrent.atomic.AtomicInteger

/**
 * An Android 14 phone whose readings a test sets and changes (between resumes, say): screen
 * lock and Google autofill set up, the Google account invisible to the app (unknown), Chrome
 * the default browser.
 */
internal class FakePhone {
    val signals = mutableMapOf(
        CheckId.SCREEN_LOCK to Signal.YES,
        CheckId.BIOMETRICS to Signal.YES,
        CheckId.GOOGLE_AUTOFILL to Signal.YES,
        CheckId.GOOGLE_ACCOUNT to Signal.UNKNOWN,
        CheckId.STANDARD_BROWSER to Signal.YES,
    )

    /** How many times the screen lock was read: once per check. */
    val screenLockReads = AtomicInteger()

    private val readers = DeviceReaders(
        android14,
        signals.keys.map { id ->
            object : SignalReader {
                override val check = id
                override fun read(): Signal {
                    if (id == CheckId.SCREEN_LOCK) screenLockReads.incrementAndGet()
                    return synchronized(signals) { signals.getValue(id) }
                }
            }
        },
    )

    fun set(check: CheckId, signal: Signal) = synchronized(signals) { signals[check] = signal }

    /** The SDK on this phone in [language], opening settings screens for real. */
    fun readiness(language: String): PasskeyReadiness =
        PasskeyReadiness.withReaders(readers, { language }, AndroidSettingsLaunchers, service = "テスト銀行")
}

/** Every settings screen the launcher may try on this API level exists on the device. */
internal fun everySettingsScreenExists() {
    SettingsAction.entries
        .flatMap { SettingsTargets.forAction(it, Build.VERSION.SDK_INT, application().packageName) }
        .map { it.action }
        .distinct()
        .forEach { action ->
            installActivity(
                "com.android.settings",
                "com.android.settings.Screen_$action",
                IntentFilter(action).apply { addCategory(Intent.CATEGORY_DEFAULT) },
            )
        }
}

/**
 * Runs the main looper until the view has drawn a result after its first [seen] ones (the
 * check runs on the SDK's threads and posts back), at most 10 s.
 */
internal fun PasskeyHelpView.awaitScreen(seen: Int): HelpScreen {
    val deadline = System.nanoTime() + 10_000_000_000L
    while (results <= seen) {
        check(System.nanoTime() < deadline) { "no screen drawn within 10 s" }
        Thread.sleep(5)
        shadowOf(Looper.getMainLooper()).idle()
    }
    return checkNotNull(screen) { "the check failed instead of drawing a screen" }
}

internal fun View.descendants(): Sequence<View> =
    if (this is ViewGroup) sequenceOf(this) + (0 until childCount).asSequence().flatMap { getChildAt(it).descendants() }
    else sequenceOf(this)

/** The texts on screen, in order (what is hidden or collapsed is not there). */
internal fun View.shownTexts(): List<String> =
    descendants().filterIsInstance<TextView>().filter { it.isShown }.map { it.text.toString() }.toList()

/** The button TalkBack calls [description] (a row's title and the button's label). */
internal fun View.buttonNamed(description: String): Button =
    descendants().filterIsInstance<Button>().filter { it.contentDescription == description }.toList().singleOrNull()
        ?: throw AssertionError("no single button named \"$description\" among ${descendants().filterIsInstance<Button>().map { it.contentDescription }.toList()}")

/** The box of [row] on screen: what a tap opens the steps of. */
internal fun View.rowBox(row: HelpRow): View {
    val title = descendants().filterIsInstance<TextView>().first { it.text.toString() == row.title && it !is Button }
    return title.parent.parent as View
}

internal fun HelpScreen.row(check: CheckId): HelpRow =
    (listOfNotNull(alreadyUsing) + rows).singleOrNull { it.check == check } ?: throw AssertionError("no row $check")
