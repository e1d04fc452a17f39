package com.passkeyready

import android.app.Activity
import android.content.Context
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
import com.passkeyready.ffi.PasskeyReady
import com.passkeyready.ffi.PasskeyReadyException
import com.passkeyready.ffi.Platform
import com.passkeyready.ffi.ReadinessReport
import com.passkeyready.ffi.SettingsAction
import com.passkeyready.ffi.Signal
import com.passkeyready.ffi.UserAgentInfo
import com.passkeyready.settings.AndroidSettingsLaunchers
import com.passkeyready.settings.SettingsLauncher
import com.passkeyready.settings.SettingsLauncherFactory
import com.passkeyready.ffi.answer as answered

/**
 * Passkey readiness for the bank's in-app help screen.
 *
 * ```
 * val readiness = PasskeyReadiness(context)
 * val report = readiness.check()                  // findings in fixing order, questions
 * val fix = report.findings.first { it.status == FindingStatus.FAIL }
 * readiness.open(activity, fix)                   // the settings screen that fixes it
 * readiness.answer(CheckId.GOOGLE_ACCOUNT, true)  // the customer's answer to a question
 * ```
 *
 * Every rule and text comes from the Rust core; this class reads the device, remembers the
 * customer's answers and opens settings screens. Nothing is stored on disk or sent anywhere.
 * Calls are synchronous and cheap (no I/O beyond a few system-service queries); instances are
 * safe to share between threads. Errors arrive as the typed [PasskeyReadyException] subclasses.
 */
class PasskeyReadiness private constructor(
    private val core: PasskeyReady,
    private val device: DeviceReaders,
    private val locales: LocaleSource,
    private val launchers: SettingsLauncherFactory,
) : AutoCloseable {

    /**
     * The SDK on a real device, with the embedded guide. [service] replaces `{service}` in every
     * text (default: the content's own service name). Only the application context is kept.
     */
    @JvmOverloads
    constructor(context: Context, service: String? = null) : this(
        PasskeyReady(service),
        DeviceReaders.android(context.applicationContext ?: context),
        AndroidLocaleSource(context.applicationContext ?: context),
        AndroidSettingsLaunchers,
    )

    private val given = LinkedHashMap<CheckId, Boolean>()

    /**
     * Reads the device, applies the customer's answers so far and evaluates, in the device's
     * language ([deviceLocale]). Call it again in `onResume` after [open].
     */
    @Throws(PasskeyReadyException::class)
    fun check(): ReadinessReport = check(deviceLocale())

    /** [check] in a given language. */
    @Throws(PasskeyReadyException::class)
    fun check(locale: GuideLocale): ReadinessReport = core.evaluate(snapshot(), locale)

    /**
     * The device as the core sees it: what the readers observe now, plus the customer's
     * answers for the checks the device could not read. Its JSON form is what
     * `passkey-ready check` reads, which helps support reproduce a report.
     */
    @Throws(PasskeyReadyException::class)
    fun snapshot(): DeviceSnapshot {
        val observed = observe()
        var snapshot = observed
        for ((check, yes) in answers) {
            if ((observed.signals[check] ?: Signal.UNKNOWN) == Signal.UNKNOWN) {
                snapshot = answered(snapshot, check, yes)
            }
        }
        return snapshot
    }

    /** What the readers observe now, before the customer's answers. */
    fun observe(): DeviceSnapshot = device.snapshot()

    /** Evaluates any snapshot (e.g. one a support agent received). */
    @JvmOverloads
    @Throws(PasskeyReadyException::class)
    fun evaluate(snapshot: DeviceSnapshot, locale: GuideLocale = deviceLocale()): ReadinessReport =
        core.evaluate(snapshot, locale)

    /**
     * The customer's answer to one of the report's questions ("yes" means the check passes).
     * It is remembered for every later [check] and applies while the device cannot read that
     * setting itself; what the device does read wins. Returns the report with it applied.
     *
     * @throws PasskeyReadyException.InvalidSnapshot for a check that is not asked on Android
     *   (`field` is `signals.<check id>`); nothing is remembered then.
     */
    @Throws(PasskeyReadyException::class)
    fun answer(check: CheckId, yes: Boolean): ReadinessReport = answer(check, yes, deviceLocale())

    /** [answer], with the report in a given language. */
    @Throws(PasskeyReadyException::class)
    fun answer(check: CheckId, yes: Boolean, locale: GuideLocale): ReadinessReport {
        // The core decides which checks exist on Android; it throws for any other.
        answered(DeviceSnapshot(Platform.ANDROID, null, null, emptyMap()), check, yes)
        synchronized(given) { given[check] = yes }
        return check(locale)
    }

    /** The answers given so far. */
    val answers: Map<CheckId, Boolean>
        get() = synchronized(given) { LinkedHashMap(given) }

    /** Forgets one answer, so that the question is asked again. */
    fun forgetAnswer(check: CheckId) {
        synchronized(given) { given.remove(check) }
    }

    /** Forgets every answer. */
    fun forgetAnswers() {
        synchronized(given) { given.clear() }
    }

    /** The language the reports and the guide use here: Japanese on a Japanese device, else English. */
    fun deviceLocale(): GuideLocale = GuideLocale.forLanguage(locales.primaryLanguage())

    /**
     * The whole guide, service name filled in, for a native help screen, with every OS
     * version's steps (each part's `variants`).
     */
    @JvmOverloads
    fun guide(locale: GuideLocale = deviceLocale()): Guide = core.guide(locale)

    /**
     * The guide with the steps written for [osVersion] of [platform] (e.g. [Platform.ANDROID]
     * and `Build.VERSION.RELEASE`) instead of every version's.
     *
     * @throws PasskeyReadyException.InvalidInput naming `os_version` when it is not a version.
     */
    @JvmOverloads
    @Throws(PasskeyReadyException::class)
    fun guide(platform: Platform, osVersion: String, locale: GuideLocale = deviceLocale()): Guide =
        core.guideForOs(locale, platform, osVersion)

    /**
     * The guide as Markdown: the whole page, or one device guide by id (`android`, `ios`,
     * `mac`, `windows_hello`, `windows_chrome`); with [osVersion], that device guide's steps
     * for that version of its OS.
     *
     * @throws PasskeyReadyException.InvalidInput for an unknown device guide id, or naming
     *   `os_version` when it is not a version.
     */
    @JvmOverloads
    @Throws(PasskeyReadyException::class)
    fun guideMarkdown(
        device: String? = null,
        locale: GuideLocale = deviceLocale(),
        osVersion: String? = null,
    ): String = core.guideMarkdown(locale, device, osVersion)

    /**
     * Troubleshooting answers for what the customer saw: a message, a DOMException name or a
     * Credential Manager error type; ranked best first, empty when nothing is recognised.
     *
     * @throws PasskeyReadyException.InvalidInput when [message] is empty or too long.
     */
    @JvmOverloads
    @Throws(PasskeyReadyException::class)
    fun diagnose(message: String, platform: Platform? = Platform.ANDROID): List<DiagnosisMatch> =
        core.diagnose(message, platform)

    /**
     * Replaces the guide with a content bundle (JSON), validated first.
     *
     * @throws PasskeyReadyException.InvalidBundle naming each problem; the guide in use is
     *   unchanged then.
     */
    @Throws(PasskeyReadyException::class)
    fun loadBundle(json: String) {
        core.loadBundle(json)
    }

    /** Goes back to the embedded guide. */
    @Throws(PasskeyReadyException::class)
    fun resetContent() {
        core.resetContent()
    }

    /** The guide in use as a bundle (JSON). */
    fun exportBundle(): String = core.exportBundle()

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
        forgetAnswer(finding.check)
        return launcher.open(finding.action, finding.section)
    }

    /** Frees the native object now instead of when it is collected. */
    override fun close() {
        core.close()
    }

    companion object {
        /**
         * The SDK with explicit readers and launcher: for tests, or to replace a reader.
         * [DeviceReaders.android] and [AndroidSettingsLaunchers] are the real ones.
         */
        @JvmStatic
        @JvmOverloads
        @Throws(PasskeyReadyException::class)
        fun withReaders(
            device: DeviceReaders,
            locales: LocaleSource,
            launchers: SettingsLauncherFactory,
            service: String? = null,
        ): PasskeyReadiness = PasskeyReadiness(PasskeyReady(service), device, locales, launchers)

        /** A snapshot from its JSON form (what `passkey-ready check` reads). */
        @JvmStatic
        @Throws(PasskeyReadyException::class)
        fun snapshotFromJson(json: String): DeviceSnapshot = com.passkeyready.ffi.snapshotFromJson(json)

        /** Platform, browser and in-app browser of a user agent (e.g. a WebView's). */
        @JvmStatic
        @Throws(PasskeyReadyException::class)
        fun classifyUserAgent(userAgent: String): UserAgentInfo = com.passkeyready.ffi.classifyUserAgent(userAgent)
    }
}
