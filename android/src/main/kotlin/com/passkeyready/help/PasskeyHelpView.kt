package com.passkeyready.help

import android.app.Activity
import android.app.Application
import android.content.Context
import android.content.ContextWrapper
import android.os.Bundle
import android.os.Handler
import android.os.Looper
import android.util.AttributeSet
import android.widget.LinearLayout
import android.widget.ScrollView
import com.passkeyready.BackgroundThreads
import com.passkeyready.OpenResult
import com.passkeyready.Outcome
import com.passkeyready.PasskeyReadiness
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.GuideLocale
import com.passkeyready.ffi.HelpRow
import com.passkeyready.ffi.HelpScreen
import com.passkeyready.ffi.PasskeyReadyException
import com.passkeyready.ffi.SettingsAction
import java.util.concurrent.Executor

/**
 * The ready-made passkey help screen, as a View to put in an activity's layout: the core's
 * [HelpScreen] drawn with framework views — banner, one row per finding with its button or
 * question, the guide's steps of a row when it is tapped, the troubleshooting answers.
 *
 * ```
 * val help = PasskeyHelpView(activity, PasskeyReadiness(activity, service = "プラスネット"))
 * setContentView(help)
 * ```
 *
 * It checks the device when it is attached and again each time its activity resumes (back
 * from a settings screen), on the SDK's threads, and draws the result on the main thread. A
 * button opens the finding's settings screen and forgets the answer about it; "yes"/"no"
 * records the answer and checks again. Every text is the core's, in the device's language
 * (or [locale]); colours come from the context's theme. Save the answers with the activity's
 * state: `readiness.saveAnswers()` / `restoreAnswers(...)`.
 *
 * The view must live in an [Activity] (settings screens are started from it).
 */
class PasskeyHelpView @JvmOverloads constructor(
    context: Context,
    attrs: AttributeSet? = null,
) : ScrollView(context, attrs) {

    /** A [PasskeyHelpView] for [readiness] (its service name, readers and answers). */
    constructor(context: Context, readiness: PasskeyReadiness) : this(context) {
        this.readiness = readiness
    }

    /**
     * The SDK the screen asks; set it before the view is attached (default: the real device
     * with the content's own service name).
     */
    var readiness: PasskeyReadiness
        get() = given ?: PasskeyReadiness(context).also { given = it }
        set(value) {
            given = value
        }
    private var given: PasskeyReadiness? = null

    /** The screen's language; `null` (the default): the device's ([PasskeyReadiness.deviceLocale]). */
    var locale: GuideLocale? = null

    /**
     * The bank's https page where a passkey is registered. A row whose button opens the
     * standard browser opens it there; without it, that row's steps are shown instead.
     */
    var registrationUrl: String? = null

    /**
     * Told when the native core cannot load here (or refused the service name): the screen
     * has nothing to show, every text being the core's. Show the bank's web help instead.
     */
    var onUnavailable: UnavailableListener? = null

    /** Gets the screen each time one is drawn (e.g. to title the activity). */
    var onScreenShown: ScreenListener? = null

    private val style = HelpStyle(context)
    private val content = LinearLayout(context).apply {
        orientation = LinearLayout.VERTICAL
        val padding = style.dp(PADDING_DP)
        setPadding(padding, padding, padding, padding)
    }
    private val layout = HelpScreenLayout(style, Actions())
    private val main = Handler(Looper.getMainLooper())
    private val mainExecutor = Executor { main.post(it) }

    /** Rows whose steps are open: the view's own state, kept across re-checks. */
    private val expanded = LinkedHashSet<CheckId>()

    /** Each request's number: a result older than the latest request is not drawn. */
    private var requested = 0

    /** The screen drawn last, for tests and [onScreenShown]. */
    internal var screen: HelpScreen? = null
        private set

    /** How many results were drawn or reported (tests wait on it). */
    internal var results = 0
        private set

    private var resumes: Application.ActivityLifecycleCallbacks? = null

    init {
        isFillViewport = true
        addView(content)
    }

    /** Checks the device again and redraws. The view does it itself on attach and each resume. */
    fun recheck() {
        request { readiness.screen(locale ?: readiness.deviceLocale()) }
    }

    override fun onAttachedToWindow() {
        super.onAttachedToWindow()
        val activity = activity()
        if (activity != null && resumes == null) {
            resumes = ResumeListener(activity) { recheck() }.also { activity.application.registerActivityLifecycleCallbacks(it) }
        }
        recheck()
    }

    override fun onDetachedFromWindow() {
        resumes?.let { activity()?.application?.unregisterActivityLifecycleCallbacks(it) }
        resumes = null
        // A result that arrives later is for a screen nobody sees.
        requested++
        super.onDetachedFromWindow()
    }

    private fun request(work: () -> HelpScreen) {
        val number = ++requested
        BackgroundThreads.run(mainExecutor, work) { outcome ->
            if (number == requested) show(outcome)
        }
    }

    private fun show(outcome: Outcome<HelpScreen>) {
        results++
        when (outcome) {
            is Outcome.Done -> {
                screen = outcome.value
                layout.fill(content, outcome.value, expanded)
                onScreenShown?.onScreenShown(outcome.value)
            }
            is Outcome.Unavailable -> onUnavailable?.onUnavailable(outcome.error)
            is Outcome.Failed -> onUnavailable?.onUnavailable(outcome.error)
        }
    }

    private fun redraw() {
        screen?.let { layout.fill(content, it, expanded) }
    }

    private fun activity(): Activity? {
        var context = context
        while (context is ContextWrapper) {
            if (context is Activity) return context
            context = context.baseContext
        }
        return null
    }

    private inner class Actions : HelpActions {
        override fun open(row: HelpRow) {
            val activity = activity() ?: return
            val url = registrationUrl
            val result = if (row.button?.action == SettingsAction.OPEN_IN_STANDARD_BROWSER && url != null) {
                try {
                    readiness.openInStandardBrowser(activity, url).also { readiness.settingsOpened(row.check) }
                } catch (e: PasskeyReadyException) {
                    // The app's URL is not an https one: the guide's steps still help the customer.
                    OpenResult.ManualSteps(row.section?.id)
                }
            } else {
                readiness.open(activity, row)
            }
            // Nothing opened: the guide's steps are the way; show them. (Opened: the activity
            // resumes when the customer comes back, and the view checks again.)
            if (result is OpenResult.ManualSteps && row.section != null && expanded.add(row.check)) redraw()
        }

        override fun answer(check: CheckId, yes: Boolean) {
            request {
                readiness.record(check, yes)
                readiness.screen(locale ?: readiness.deviceLocale())
            }
        }

        override fun toggleSteps(check: CheckId) {
            if (!expanded.remove(check)) expanded.add(check)
            redraw()
        }
    }

    /** Calls [resumed] when [activity] (the view's) resumes; other activities are not its business. */
    private class ResumeListener(private val activity: Activity, private val resumed: () -> Unit) :
        Application.ActivityLifecycleCallbacks {
        override fun onActivityResumed(activity: Activity) {
            if (activity === this.activity) resumed()
        }

        override fun onActivityCreated(activity: Activity, savedInstanceState: Bundle?) = Unit
        override fun onActivityStarted(activity: Activity) = Unit
        override fun onActivityPaused(activity: Activity) = Unit
        override fun onActivityStopped(activity: Activity) = Unit
        override fun onActivitySaveInstanceState(activity: Activity, outState: Bundle) = Unit
        override fun onActivityDestroyed(activity: Activity) = Unit
    }

    /** Receives why the screen cannot be shown: a [com.passkeyready.SdkUnavailableException], or the core's refusal. */
    fun interface UnavailableListener {
        fun onUnavailable(error: Exception)
    }

    /** Receives each screen drawn. */
    fun interface ScreenListener {
        fun onScreenShown(screen: HelpScreen)
    }

    private companion object {
        const val PADDING_DP = 16f
    }
}
