package com.passkeyready

import android.app.Activity
import android.content.Context
import android.os.Bundle
import com.passkeyready.device.AndroidLocaleSource
import com.passkeyready.device.DeviceReaders
import com.passkeyready.device.forLanguage
import com.passkeyready.device.LocaleSource
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.DeviceSnapshot
import com.passkeyready.ffi.DiagnosisMatch
import com.passkeyready.ffi.Finding
import com.passkeyready.ffi.Guide
import com.passkeyready.ffi.GuideLocale
import com.passkeyready.ffi.HelpRow
import com.passkeyready.ffi.HelpScreen
import com.passkeyready.ffi.PasskeyReady
import com.passkeyready.ffi.PasskeyReadyException
import com.passkeyready.ffi.Platform
import com.passkeyready.ffi.ReadinessReport
import com.passkeyready.ffi.ReadinessSession
import com.passkeyready.ffi.SettingsAction
import com.passkeyready.ffi.UserAgentInfo
import com.passkeyready.settings.AndroidSettingsLaunchers
import com.passkeyready.settings.SettingsLauncher
import com.passkeyready.settings.SettingsLauncherFactory
import java.util.concurrent.Executor
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException
import kotlin.coroutines.suspendCoroutine

/**
 * Passkey readiness for the bank's in-app help screen.
 *
 * ```
 * val readiness = PasskeyReadiness(context)
 * readiness.checkAsync(mainExecutor) { result ->  // off the main thread; the callback on it
 *     if (result is ReadinessResult.Report) show(result.report)
 * }
 * readiness.open(activity, finding)               // the settings screen that fixes it
 * readiness.answer(CheckId.GOOGLE_ACCOUNT, true)  // the customer's answer to a question
 * ```
 *
 * Every rule and text comes from the Rust core; this class reads the device, hands it with the
 * customer's answers to the core's [ReadinessSession] (which keeps the answers, applies them and
 * forgets one when its settings screen is opened) and opens settings screens. Nothing is stored
 * on disk or sent anywhere. [com.passkeyready.help.PasskeyHelpView] draws the whole help screen.
 *
 * **Threads.** [check], [answer] and [snapshot] read the device: system-service calls that can
 * block (up to each reader's time limit, 2 s by default), so call them off the main thread,
 * or use [checkAsync] / [answerAsync] (Java) or [awaitCheck] / [awaitAnswer] (Kotlin). The
 * guide, [evaluate] and [diagnose] only ask the core. Instances are safe to share between
 * threads.
 *
 * **The native core** loads on the first call that needs it, not in the constructor. If it
 * cannot load (no library for this ABI, JNA missing, a library not aligned for a 16 KB page
 * size device), that call and every later one throw [SdkUnavailableException] — never an
 * `Error` that would crash the app. The core's own errors are the typed
 * [PasskeyReadyException] subclasses.
 */
class PasskeyReadiness private constructor(
    private val makeCore: () -> PasskeyReady,
    private val native: NativeCore,
    private val device: DeviceReaders,
    private val locales: LocaleSource,
    private val launchers: SettingsLauncherFactory,
) : AutoCloseable {

    /**
     * The SDK on a real device, with the embedded guide. [service] replaces `{service}` in every
     * text (default: the content's own service name); the core checks it at the first call
     * that needs the core, which throws `InvalidInput` naming `service` if it refuses it. Only
     * the application context is kept. Loads no native code and reads nothing yet.
     */
    @JvmOverloads
    constructor(context: Context, service: String? = null) : this(
        { PasskeyReady(service) },
        NativeCore.PROCESS,
        DeviceReaders.android(context.applicationContext ?: context),
        AndroidLocaleSource(context.applicationContext ?: context),
        AndroidSettingsLaunchers,
    )

    private val coreLock = Any()
    private var loaded: PasskeyReady? = null
    private var loadedSession: ReadinessSession? = null
    private var closed = false

    /** The core, made on first use; every call into it goes through [native]. */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    private fun <T> core(call: (PasskeyReady) -> T): T = native.use {
        val core = synchronized(coreLock) {
            check(!closed) { "this PasskeyReadiness is closed" }
            loaded ?: makeCore().also { loaded = it }
        }
        call(core)
    }

    /** The session that keeps the customer's answers, made with the core. */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    private fun <T> session(call: (ReadinessSession) -> T): T = native.use {
        val session = synchronized(coreLock) {
            check(!closed) { "this PasskeyReadiness is closed" }
            loadedSession ?: ReadinessSession(loaded ?: makeCore().also { loaded = it }, Platform.ANDROID)
                .also { loadedSession = it }
        }
        call(session)
    }

    /**
     * [call] on the session, for the calls that only look at or drop answers. Before the
     * session exists no answer can have been recorded, so nothing is loaded for them; where
     * the core cannot load (or refused the service name) there is nothing held either.
     */
    private fun <T> ifAnswersHeld(none: T, call: (ReadinessSession) -> T): T {
        val session = synchronized(coreLock) {
            check(!closed) { "this PasskeyReadiness is closed" }
            loadedSession
        } ?: return none
        return orNone(none) { native.use { call(session) } }
    }

    private inline fun <T> orNone(none: T, call: () -> T): T =
        try {
            call()
        } catch (e: SdkUnavailableException) {
            none
        } catch (e: PasskeyReadyException) {
            none
        }

    /**
     * Whether the native core loads here: `null` when it does (loading it now if needed), else
     * the reason, which a help screen can show instead of the report.
     */
    fun sdkUnavailable(): SdkUnavailableException? =
        try {
            core { }
            null
        } catch (e: SdkUnavailableException) {
            e
        } catch (e: PasskeyReadyException) {
            // The library loaded; the core refused something else (the service name), which
            // the first real call reports.
            null
        }

    /**
     * Reads the device, applies the customer's answers so far and evaluates, in the device's
     * language ([deviceLocale]). Blocks while the device is read: not on the main thread
     * (see [checkAsync]). Call it again in `onResume` after [open].
     */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun check(): ReadinessReport = check(deviceLocale())

    /** [check] in a given language. */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun check(locale: GuideLocale): ReadinessReport {
        val observed = observe()
        return session { it.evaluate(observed, locale) }
    }

    /**
     * The help screen for this device now: [check]'s report as the core lays it out (banner,
     * rows with their buttons, questions and guide steps, troubleshooting), every label in the
     * device's language. Blocks while the device is read: not on the main thread.
     * [com.passkeyready.help.PasskeyHelpView] draws it.
     */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun screen(): HelpScreen = screen(deviceLocale())

    /** [screen] in a given language. */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun screen(locale: GuideLocale): HelpScreen = screen(observe(), locale)

    /** The help screen of an observed snapshot, with the answers applied. */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    internal fun screen(observed: DeviceSnapshot, locale: GuideLocale): HelpScreen =
        session { it.screen(observed, locale) }

    /**
     * [check] on the SDK's own threads; [callback] gets the result exactly once, on
     * [executor] (for a help screen, the main thread's: `context.mainExecutor` on API 28+,
     * `Handler(Looper.getMainLooper())::post` before). A reader that has not answered within
     * its time limit is a question in the report; an error is a [ReadinessResult], never
     * thrown. If [executor] refuses the task (shut down), there is no callback.
     */
    fun checkAsync(executor: Executor, callback: ReadinessCallback) {
        reportInBackground(executor, callback) { check() }
    }

    /** [checkAsync] in a given language. */
    fun checkAsync(locale: GuideLocale, executor: Executor, callback: ReadinessCallback) {
        reportInBackground(executor, callback) { check(locale) }
    }

    /**
     * [check] for coroutines, without blocking the caller's thread: suspends until the report
     * is ready (at most about the readers' time limit) and resumes in the caller's context.
     * Throws what [check] throws. (Plain `kotlin.coroutines`: the SDK does not depend on
     * kotlinx-coroutines.)
     */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    suspend fun awaitCheck(): ReadinessReport = await { executor, callback -> checkAsync(executor, callback) }

    /** [awaitCheck] in a given language. */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    suspend fun awaitCheck(locale: GuideLocale): ReadinessReport =
        await { executor, callback -> checkAsync(locale, executor, callback) }

    /**
     * The device as the core sees it: what the readers observe now, plus the customer's
     * answers for the checks the device could not read. Its JSON form is what
     * `passkey-ready check` reads, which helps support reproduce a report. Blocks while the
     * device is read.
     */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun snapshot(): DeviceSnapshot {
        val observed = observe()
        return session { it.snapshot(observed) }
    }

    /** What the readers observe now, before the customer's answers. Blocks while the device is read. */
    fun observe(): DeviceSnapshot = device.snapshot()

    /** Evaluates any snapshot (e.g. one a support agent received). */
    @JvmOverloads
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun evaluate(snapshot: DeviceSnapshot, locale: GuideLocale = deviceLocale()): ReadinessReport =
        core { it.evaluate(snapshot, locale) }

    /**
     * The customer's answer to one of the report's questions ("yes" means the check passes).
     * It is remembered for every later [check] and applies while the device cannot read that
     * setting itself; what the device does read wins. Returns the report with it applied,
     * which reads the device: not on the main thread (see [answerAsync]).
     *
     * @throws PasskeyReadyException.InvalidSnapshot for a check that is not asked on Android
     *   (`field` is `signals.<check id>`); nothing is remembered then.
     */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun answer(check: CheckId, yes: Boolean): ReadinessReport = answer(check, yes, deviceLocale())

    /** [answer], with the report in a given language. */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun answer(check: CheckId, yes: Boolean, locale: GuideLocale): ReadinessReport {
        record(check, yes)
        return check(locale)
    }

    /** Records an answer without checking again ([answer] without the report). */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    internal fun record(check: CheckId, yes: Boolean) {
        // The core decides which checks exist on Android; it throws for any other.
        session { it.answer(check, yes) }
    }

    /** [answer] on the SDK's threads, like [checkAsync]; a refused check is a [ReadinessResult.Failed]. */
    fun answerAsync(check: CheckId, yes: Boolean, executor: Executor, callback: ReadinessCallback) {
        reportInBackground(executor, callback) { answer(check, yes) }
    }

    /** [answer] for coroutines, like [awaitCheck]. */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    suspend fun awaitAnswer(check: CheckId, yes: Boolean): ReadinessReport =
        await { executor, callback -> answerAsync(check, yes, executor, callback) }

    /** The answers given so far (none where the native core cannot load: none can be given). */
    val answers: Map<CheckId, Boolean>
        get() = ifAnswersHeld(emptyMap()) { it.answers() }

    /** Forgets one answer, so that the question is asked again. */
    fun forgetAnswer(check: CheckId) {
        ifAnswersHeld(Unit) { it.forgetAnswer(check) }
    }

    /** Forgets every answer. */
    fun forgetAnswers() {
        ifAnswersHeld(Unit) { it.forgetAnswers() }
    }

    /**
     * The answers, for `onSaveInstanceState`: `outState.putBundle("passkey", readiness.saveAnswers())`.
     * Keys are check ids (`google_account`), values booleans.
     */
    fun saveAnswers(): Bundle = SavedAnswers.toBundle(answers)

    /**
     * The answers [saveAnswers] saved, after the process was recreated:
     * `restoreAnswers(savedInstanceState?.getBundle("passkey"))`. They replace the answers
     * held; keys this version does not know, values that are not booleans and checks not asked
     * on Android are ignored; `null` changes nothing. Answers to restore load the native core
     * (once per process) to hand them to the session; where it cannot load they are dropped,
     * as no check can use them.
     */
    fun restoreAnswers(saved: Bundle?) {
        if (saved == null) return
        restore(SavedAnswers.fromBundle(saved))
    }

    internal fun restore(restored: Map<CheckId, Boolean>) {
        // Nothing saved and nothing held (the usual first onCreate): no need to load the core.
        if (restored.isEmpty()) return ifAnswersHeld(Unit) { it.forgetAnswers() }
        orNone(Unit) { session { it.restoreAnswers(restored) } }
    }

    /** The language the reports and the guide use here: Japanese on a Japanese device, else English. */
    fun deviceLocale(): GuideLocale = GuideLocale.forLanguage(locales.primaryLanguage())

    /**
     * The whole guide, service name filled in, for a native help screen, with every OS
     * version's steps (each part's `variants`).
     */
    @JvmOverloads
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun guide(locale: GuideLocale = deviceLocale()): Guide = core { it.guide(locale) }

    /**
     * The guide with the steps written for [osVersion] of [platform] (e.g. [Platform.ANDROID]
     * and `Build.VERSION.RELEASE`) instead of every version's.
     *
     * @throws PasskeyReadyException.InvalidInput naming `os_version` when it is not a version.
     */
    @JvmOverloads
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun guide(platform: Platform, osVersion: String, locale: GuideLocale = deviceLocale()): Guide =
        core { it.guideForOs(locale, platform, osVersion) }

    /**
     * The guide as Markdown: the whole page, or one device guide by id (`android`, `ios`,
     * `mac`, `windows_hello`, `windows_chrome`); with [osVersion], that device guide's steps
     * for that version of its OS.
     *
     * @throws PasskeyReadyException.InvalidInput for an unknown device guide id, or naming
     *   `os_version` when it is not a version.
     */
    @JvmOverloads
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun guideMarkdown(
        device: String? = null,
        locale: GuideLocale = deviceLocale(),
        osVersion: String? = null,
    ): String = core { it.guideMarkdown(locale, device, osVersion) }

    /**
     * Troubleshooting answers for what the customer saw: a message, a DOMException name or a
     * Credential Manager error type; ranked best first, empty when nothing is recognised.
     *
     * @throws PasskeyReadyException.InvalidInput when [message] is empty or too long.
     */
    @JvmOverloads
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun diagnose(message: String, platform: Platform? = Platform.ANDROID): List<DiagnosisMatch> =
        core { it.diagnose(message, platform) }

    /**
     * Replaces the guide with a content bundle (JSON), validated first.
     *
     * @throws PasskeyReadyException.InvalidBundle naming each problem; the guide in use is
     *   unchanged then.
     */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun loadBundle(json: String) {
        core { it.loadBundle(json) }
    }

    /** Goes back to the embedded guide. */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun resetContent() {
        core { it.resetContent() }
    }

    /** The guide in use as a bundle (JSON). */
    @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
    fun exportBundle(): String = core { it.exportBundle() }

    /**
     * Opens the settings screen for [action] from [activity]: the first screen that exists on
     * this device and API level, or [OpenResult.ManualSteps] with [section] when the guide's
     * steps are the only way.
     */
    @JvmOverloads
    fun open(activity: Activity, action: SettingsAction, section: String? = null): OpenResult =
        launchers.launcherFor(activity).open(action, section)

    /**
     * Opens the screen that fixes [finding] (its action; its section for manual steps). The
     * customer's answer about that check, if any, is forgotten: they are about to change the
     * setting, so the next [check] asks again.
     */
    fun open(activity: Activity, finding: Finding): OpenResult = open(launchers.launcherFor(activity), finding)

    internal fun open(launcher: SettingsLauncher, finding: Finding): OpenResult {
        settingsOpened(finding.check)
        return launcher.open(finding.action, finding.section)
    }

    /**
     * Opens the screen behind a help screen row's button ([HelpScreen]'s `rows`: its action;
     * its section for manual steps) and forgets the customer's answer about the row's check,
     * like [open] for a finding. A row without a button gives [OpenResult.ManualSteps] with its
     * steps' section. A button whose action is `OPEN_IN_STANDARD_BROWSER` needs the bank's page:
     * use [openInStandardBrowser] for it.
     */
    fun open(activity: Activity, row: HelpRow): OpenResult = open(launchers.launcherFor(activity), row)

    internal fun open(launcher: SettingsLauncher, row: HelpRow): OpenResult {
        val button = row.button ?: return OpenResult.ManualSteps(row.section?.id)
        settingsOpened(row.check)
        return launcher.open(button.action, button.section)
    }

    /**
     * The customer went to the settings screen (or the steps) of [check]: its answer is
     * forgotten, so the next check asks again unless the device can now tell. [open] does this
     * itself; call it when the app opens a screen its own way.
     */
    fun settingsOpened(check: CheckId) {
        ifAnswersHeld(Unit) { it.settingsOpened(check) }
    }

    /**
     * Opens [url] (the bank's registration page) in the standard browser from [activity]:
     * Chrome when it is installed and enabled, else the default browser; when neither can
     * start, [OpenResult.ManualSteps] with the guide's section on opening the page in the
     * standard browser. Needs no native code: it works when the SDK is unavailable too.
     *
     * @throws PasskeyReadyException.InvalidInput naming `url` unless [url] is an https URL
     *   with a host.
     */
    @Throws(PasskeyReadyException::class)
    fun openInStandardBrowser(activity: Activity, url: String): OpenResult =
        StandardBrowserOpener.android(activity).open(url)

    /** Frees the native object now instead of when it is collected. Later calls throw `IllegalStateException`. */
    override fun close() {
        val (session, core) = synchronized(coreLock) {
            closed = true
            (loadedSession to loaded).also {
                loadedSession = null
                loaded = null
            }
        }
        session?.close()
        core?.close()
    }

    /** [work] on the SDK's threads; its report or error goes to [callback] on [executor], once. */
    private fun reportInBackground(executor: Executor, callback: ReadinessCallback, work: () -> ReadinessReport) {
        BackgroundThreads.run(executor, work) { outcome ->
            callback.onResult(
                when (outcome) {
                    is Outcome.Done -> ReadinessResult.Report(outcome.value)
                    is Outcome.Unavailable -> ReadinessResult.Unavailable(outcome.error)
                    is Outcome.Failed -> ReadinessResult.Failed(outcome.error)
                },
            )
        }
    }

    companion object {
        /**
         * The SDK with explicit readers and launcher: for tests, or to replace a reader.
         * [DeviceReaders.android] and [AndroidSettingsLaunchers] are the real ones.
         */
        @JvmStatic
        @JvmOverloads
        fun withReaders(
            device: DeviceReaders,
            locales: LocaleSource,
            launchers: SettingsLauncherFactory,
            service: String? = null,
        ): PasskeyReadiness = PasskeyReadiness({ PasskeyReady(service) }, NativeCore.PROCESS, device, locales, launchers)

        /** With a core of the test's making (e.g. one whose library cannot load). */
        internal fun withCore(
            makeCore: () -> PasskeyReady,
            native: NativeCore,
            device: DeviceReaders,
            locales: LocaleSource,
            launchers: SettingsLauncherFactory,
        ): PasskeyReadiness = PasskeyReadiness(makeCore, native, device, locales, launchers)

        /** A snapshot from its JSON form (what `passkey-ready check` reads). */
        @JvmStatic
        @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
        fun snapshotFromJson(json: String): DeviceSnapshot =
            NativeCore.PROCESS.use { com.passkeyready.ffi.snapshotFromJson(json) }

        /** Platform, browser and in-app browser of a user agent (e.g. a WebView's). */
        @JvmStatic
        @Throws(PasskeyReadyException::class, SdkUnavailableException::class)
        fun classifyUserAgent(userAgent: String): UserAgentInfo =
            NativeCore.PROCESS.use { com.passkeyready.ffi.classifyUserAgent(userAgent) }

        /** Awaits a callback-style call: resumes with its report, or throws its error. */
        private suspend fun await(start: (Executor, ReadinessCallback) -> Unit): ReadinessReport =
            suspendCoroutine { continuation ->
                // Resumed straight from the SDK's thread: the continuation's own dispatcher
                // moves it back to the caller's context.
                start(Executor { it.run() }) { result ->
                    when (result) {
                        is ReadinessResult.Report -> continuation.resume(result.report)
                        is ReadinessResult.Unavailable -> continuation.resumeWithException(result.error)
                        is ReadinessResult.Failed -> continuation.resumeWithException(result.error)
                    }
                }
            }
    }
}
