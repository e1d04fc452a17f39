package com.passkeyready

import android.content.ActivityNotFoundException
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.PasskeyReadyException
import com.passkeyready.ffi.Signal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File

private const val PAGE = "https://www.bank.example/passkey/register"
private const val VIEW = "android.intent.action.VIEW"

/** A phone with some browsers; records what was started, and in which app. */
private class FakePhone(
    private val enabled: Set<String> = setOf("com.android.chrome"),
    private val hasDefaultBrowser: Boolean = true,
    private val failsIn: Set<String?> = emptySet(),
) {
    val started = mutableListOf<Pair<String, String?>>()

    val opener = StandardBrowserOpener(
        packages = { it in enabled },
        starter = { url, packageName ->
            if (packageName in failsIn) throw ActivityNotFoundException("no activity in $packageName")
            if (packageName == null && !hasDefaultBrowser) throw ActivityNotFoundException("no browser")
            if (packageName != null && packageName !in enabled) throw ActivityNotFoundException("not installed")
            started += url to packageName
        },
    )
}

/** openInStandardBrowser: Chrome, else the default browser, else the guide's steps. */
class StandardBrowserOpenerTest {
    @Test
    fun `Chrome installed and enabled opens the page`() {
        val phone = FakePhone()
        assertEquals(OpenResult.Opened(VIEW, "com.android.chrome"), phone.opener.open(PAGE))
        assertEquals(listOf(PAGE to "com.android.chrome"), phone.started)
    }

    @Test
    fun `without Chrome, or with Chrome disabled, the default browser opens it`() {
        val phone = FakePhone(enabled = setOf("org.mozilla.firefox"))
        assertEquals(OpenResult.Opened(VIEW, null), phone.opener.open(PAGE))
        assertEquals(listOf(PAGE to null), phone.started)
    }

    @Test
    fun `Chrome that cannot start falls back to the default browser`() {
        val phone = FakePhone(failsIn = setOf("com.android.chrome"))
        assertEquals(OpenResult.Opened(VIEW, null), phone.opener.open(PAGE))
    }

    @Test
    fun `no browser at all gives the guide's steps for opening it in the standard browser`() {
        val phone = FakePhone(enabled = emptySet(), hasDefaultBrowser = false)
        assertEquals(OpenResult.ManualSteps(StandardBrowserOpener.SECTION), phone.opener.open(PAGE))
        assertEquals(emptyList<Any>(), phone.started)
    }

    @Test
    fun `a package manager that throws means no Chrome`() {
        val opener = StandardBrowserOpener({ throw IllegalStateException("package manager has died") }, { _, _ -> })
        assertEquals(OpenResult.Opened(VIEW, null), opener.open(PAGE))
    }

    @Test
    fun `the manual steps are the section the core gives the standard browser finding`() {
        val device = readyDeviceWith(reads(CheckId.STANDARD_BROWSER, Signal.NO), 1_000)
        val finding = PasskeyReadiness.withReaders(device, { "en" }, noLauncher).check().findings
            .single { it.check == CheckId.STANDARD_BROWSER }
        assertEquals(finding.section, StandardBrowserOpener.SECTION)
    }

    @Test
    fun `only https URLs with a host are opened, the error naming url`() {
        for (url in listOf(
            "http://www.bank.example/",
            "javascript:alert(1)",
            "intent://scan/#Intent;scheme=zxing;end",
            "bankapp://transfer",
            "https://",
            "https:///path",
            "https://www.bank.example@evil.example/",
            "https://www.bank.example/ a space",
            "www.bank.example",
            "",
            "https://www.bank.example/" + "a".repeat(StandardBrowserOpener.MAX_URL_LENGTH),
        )) {
            val phone = FakePhone()
            val error = assertThrows<PasskeyReadyException.InvalidInput>(url) { phone.opener.open(url) }
            assertEquals("url", error.field, url)
            assertEquals(emptyList<Any>(), phone.started, url)
        }
        assertEquals(OpenResult.Opened(VIEW, "com.android.chrome"), FakePhone().opener.open("HTTPS://www.bank.example"))
    }

    @Test
    fun `the manifest lets the SDK see Chrome on Android 11+`() {
        val manifest = File("src/main/AndroidManifest.xml").readText().replace(Regex("<!--.*?-->", RegexOption.DOT_MATCHES_ALL), "")
        val queries = Regex("<queries>(.*?)</queries>", RegexOption.DOT_MATCHES_ALL).find(manifest)!!.groupValues[1]
        assertTrue(Regex("""<package\s+android:name="com\.android\.chrome"\s*/>""").containsMatchIn(queries), queries)
    }
}
