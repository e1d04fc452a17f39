package com.passkeyready.r8check

import com.passkeyready.OpenResult
import com.passkeyready.PackageLookup
import com.passkeyready.PasskeyReadiness
import com.passkeyready.ReadinessCallback
import com.passkeyready.ReadinessResult
import com.passkeyready.SdkUnavailableException
import com.passkeyready.StandardBrowserOpener
import com.passkeyready.UrlStarter
import com.passkeyready.device.BuildVersionSource
import com.passkeyready.device.DeviceReaders
import com.passkeyready.device.OsVersionReader
import com.passkeyready.device.SignalReader
import com.passkeyready.ffi.Browser
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.DiagnosisCause
import com.passkeyready.ffi.FindingStatus
import com.passkeyready.ffi.InAppBrowser
import com.passkeyready.ffi.GuideLocale
import com.passkeyready.ffi.MatchSource
import com.passkeyready.ffi.NoteKind
import com.passkeyready.ffi.PasskeyReadyException
import com.passkeyready.ffi.Platform
import com.passkeyready.ffi.ReadinessStatus
import com.passkeyready.ffi.SettingsAction
import com.passkeyready.ffi.Signal
import com.passkeyready.ffi.checkIdString
import com.passkeyready.settings.SettingsLauncher
import com.passkeyready.settings.SettingsLauncherFactory
import com.passkeyready.device.forLanguage
import java.util.concurrent.ArrayBlockingQueue
import java.util.concurrent.Executor
import java.util.concurrent.TimeUnit
import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.startCoroutine

private const val CHROME_ON_ANDROID =
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) " +
        "Chrome/126.0.0.0 Mobile Safari/537.36"

/** An Android 14 device whose screen lock and biometrics are set, everything else unknown. */
private fun readers() = DeviceReaders(
    OsVersionReader(object : BuildVersionSource {
        override val release get() = "14"
        override val sdkInt get() = 34
    }),
    listOf(CheckId.SCREEN_LOCK, CheckId.BIOMETRICS).map { id ->
        object : SignalReader {
            override val check = id
            override fun read() = Signal.YES
        }
    },
)

private val noActivity = SettingsLauncherFactory { error("the JVM checks open no Activity") }

private fun readiness(language: String = "en") =
    PasskeyReadiness.withReaders(readers(), { language }, noActivity)

/** Named checks that touch every generated type through the public API. */
internal fun jvmChecks(): List<Pair<String, () -> Unit>> = listOf(
    "evaluate a snapshot from JSON" to {
        val snapshot = PasskeyReadiness.snapshotFromJson(
            """{"platform": "android", "os_version": "14", "signals": {"screen_lock": "yes", "biometrics": "no"}}""",
        )
        readiness().use { sdk ->
            val report = sdk.evaluate(snapshot, GuideLocale.EN)
            expect(report.platform == Platform.ANDROID) { "platform ${report.platform}" }
            expect(report.status != ReadinessStatus.READY) { "biometrics missing, yet ${report.status}" }
            val biometrics = report.findings.single { it.check == CheckId.BIOMETRICS }
            expect(biometrics.status == FindingStatus.FAIL) { "biometrics: ${biometrics.status}" }
            expect(biometrics.action == SettingsAction.BIOMETRIC_ENROLL) { "action ${biometrics.action}" }
            expect(report.summary.isNotBlank() && biometrics.label.isNotBlank()) { "empty texts: $report" }
            expect(sdk.evaluate(snapshot).toString().isNotEmpty()) { "default locale" }
        }
    },
    "check with readers, answers in Japanese and English" to {
        readiness("ja").use { sdk ->
            expect(sdk.deviceLocale() == GuideLocale.JA) { "locale ${sdk.deviceLocale()}" }
            val ja = sdk.check()
            expect(ja.questions.any { it.check == CheckId.GOOGLE_ACCOUNT }) { "questions ${ja.questions}" }
            val answered = sdk.answer(CheckId.GOOGLE_ACCOUNT, true, GuideLocale.EN)
            expect(answered.questions.none { it.check == CheckId.GOOGLE_ACCOUNT }) { "still asked: ${answered.questions}" }
            expect(sdk.answers == mapOf(CheckId.GOOGLE_ACCOUNT to true)) { "answers ${sdk.answers}" }
            expect(sdk.snapshot().signals[CheckId.GOOGLE_ACCOUNT] == Signal.YES) { "answer not applied" }
            expect(sdk.observe().signals[CheckId.GOOGLE_ACCOUNT] == null) { "observation changed" }
            sdk.answer(CheckId.ALREADY_USES_PASSKEYS, false)
            sdk.forgetAnswer(CheckId.GOOGLE_ACCOUNT)
            expect(sdk.answers.keys == setOf(CheckId.ALREADY_USES_PASSKEYS)) { "forgetAnswer ${sdk.answers}" }
            sdk.forgetAnswers()
            expect(sdk.answers.isEmpty() && sdk.check(GuideLocale.EN).summary != ja.summary) { "forgetAnswers" }
        }
    },
    "guide, guide for an OS version, Markdown" to {
        readiness().use { sdk ->
            val guide = sdk.guide(GuideLocale.JA)
            expect(guide.locale == GuideLocale.JA && guide.title.isNotBlank()) { "guide ${guide.title}" }
            expect(guide.guides.isNotEmpty() && guide.checks.isNotEmpty()) { "empty guide" }
            // toString walks every nested generated record: parts, steps, notes, tables, FAQs.
            expect(guide.toString().length > 1000) { "guide too short" }
            val notes = guide.toString()
            expect(NoteKind.entries.any { notes.contains(it.name) }) { "no note kind in the guide" }
            val android14 = sdk.guide(Platform.ANDROID, "14", GuideLocale.EN)
            expect(android14.guides.isNotEmpty()) { "no guide for Android 14" }
            expect(sdk.guide().locale == GuideLocale.EN) { "default locale" }
            val markdown = sdk.guideMarkdown("android", GuideLocale.EN, "14")
            expect(markdown.contains("\n## ")) { "markdown without a heading: ${markdown.take(80)}" }
            expect(sdk.guideMarkdown().isNotBlank()) { "default markdown" }
        }
    },
    "diagnose an error message" to {
        readiness().use { sdk ->
            val matches = sdk.diagnose("NotAllowedError", Platform.ANDROID)
            expect(matches.isNotEmpty()) { "no diagnosis" }
            val first = matches.first()
            expect(first.cause in DiagnosisCause.entries && first.matchedBy in MatchSource.entries) { "$first" }
            expect(sdk.diagnose("NotAllowedError").isNotEmpty()) { "default platform" }
        }
    },
    "classify a user agent" to {
        val info = PasskeyReadiness.classifyUserAgent(CHROME_ON_ANDROID)
        expect(info.platform == Platform.ANDROID && info.osVersion == "14") { "$info" }
        expect(info.browser == Browser.CHROME && info.inApp == null) { "$info" }
        expect(InAppBrowser.entries.isNotEmpty()) { "in-app browsers" }
    },
    "typed errors name the input at fault" to {
        val snapshot = expectThrows<PasskeyReadyException.InvalidSnapshot> {
            PasskeyReadiness.snapshotFromJson("""{"platform": "android", "signals": {"face_id": "yes"}}""")
        }
        expect(snapshot.field == "signals.face_id") { "field ${snapshot.field}" }
        val input = expectThrows<PasskeyReadyException.InvalidInput> {
            PasskeyReadiness.classifyUserAgent("   ")
        }
        expect(input.field == "user_agent" && input.message.isNotBlank()) { "field ${input.field}" }
        readiness().use { sdk ->
            val version = expectThrows<PasskeyReadyException.InvalidInput> { sdk.guide(Platform.IOS, "latest") }
            expect(version.field == "os_version") { "field ${version.field}" }
            val before = sdk.exportBundle()
            val bundle = expectThrows<PasskeyReadyException.InvalidBundle> { sdk.loadBundle("{ not json") }
            expect(bundle.problems.isNotEmpty() && bundle.reason.isNotBlank()) { "$bundle" }
            expect(sdk.exportBundle() == before) { "a refused bundle changed the content" }
        }
    },
    "content bundle round trip" to {
        readiness().use { sdk ->
            val exported = sdk.exportBundle()
            sdk.loadBundle(exported)
            expect(sdk.exportBundle() == exported) { "bundle changed on reload" }
            sdk.resetContent()
            expect(sdk.exportBundle() == exported) { "reset" }
        }
    },
    "every check id has its name, every settings action opens or falls back" to {
        val names = CheckId.entries.map(::checkIdString)
        expect(names.toSet().size == CheckId.entries.size && "screen_lock" in names) { "$names" }
        val launcher = SettingsLauncher(34, "com.example.bank", { true }, { })
        val opened = launcher.open(SettingsAction.BIOMETRIC_ENROLL)
        expect(opened is OpenResult.Opened && opened.target.startsWith("android.")) { "$opened" }
        val none = SettingsLauncher(34, "com.example.bank", { false }, { })
        for (action in SettingsAction.entries) {
            val result = none.open(action, "section")
            expect(result == OpenResult.ManualSteps("section")) { "$action: $result" }
        }
    },
    "checks off the caller's thread: callback and suspend forms" to {
        readiness().use { sdk ->
            expect(sdk.sdkUnavailable() == null) { "the host library did not load: ${sdk.sdkUnavailable()}" }
            val results = ArrayBlockingQueue<ReadinessResult>(4)
            val direct = Executor { it.run() }
            sdk.checkAsync(direct, ReadinessCallback { results.put(it) })
            val first = results.poll(10, TimeUnit.SECONDS)
            expect(first is ReadinessResult.Report) { "checkAsync: $first" }
            sdk.answerAsync(CheckId.GOOGLE_ACCOUNT, true, direct) { results.put(it) }
            val answered = results.poll(10, TimeUnit.SECONDS)
            expect(answered is ReadinessResult.Report && answered.report.questions.none { it.check == CheckId.GOOGLE_ACCOUNT }) {
                "answerAsync: $answered"
            }
            sdk.checkAsync(GuideLocale.JA, direct) { results.put(it) }
            expect(results.poll(10, TimeUnit.SECONDS) is ReadinessResult.Report) { "checkAsync in Japanese" }
            expect(awaited { sdk.awaitCheck() }.status == awaited { sdk.awaitCheck(GuideLocale.EN) }.status) { "awaitCheck" }
            expect(awaited { sdk.awaitAnswer(CheckId.GOOGLE_ACCOUNT, false) }.findings.isNotEmpty()) { "awaitAnswer" }
            expect(SdkUnavailableException.Kind.entries.size == 3) { "unavailable kinds" }
            expect(GuideLocale.forLanguage("ja") == GuideLocale.JA) { "forLanguage" }
        }
    },
    "open the page in the standard browser, or the guide's steps" to {
        val started = mutableListOf<String?>()
        val chrome = StandardBrowserOpener(PackageLookup { it == StandardBrowserOpener.CHROME }, UrlStarter { _, pkg -> started += pkg })
        val opened = chrome.open("https://bank.example/passkeys")
        expect(opened is OpenResult.Opened && started == listOf(StandardBrowserOpener.CHROME)) { "$opened $started" }
        val nothing = StandardBrowserOpener(PackageLookup { false }, UrlStarter { _, _ -> throw SecurityException("no browser may be started") })
        val manual = nothing.open("https://bank.example/passkeys")
        expect(manual == OpenResult.ManualSteps(StandardBrowserOpener.SECTION)) { "$manual" }
        val refused = expectThrows<PasskeyReadyException.InvalidInput> { chrome.open("http://bank.example/") }
        expect(refused.field == "url") { "field ${refused.field}" }
    },
)

/** Runs a suspend function to its end on this thread's caller, as an app's coroutine would. */
private fun <T> awaited(block: suspend () -> T): T {
    val result = ArrayBlockingQueue<Result<T>>(1)
    block.startCoroutine(Continuation(EmptyCoroutineContext) { result.put(it) })
    return checkNotNull(result.poll(10, TimeUnit.SECONDS)) { "no result within 10 s" }.getOrThrow()
}
