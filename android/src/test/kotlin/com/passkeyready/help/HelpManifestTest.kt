package com.passkeyready.help

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File

/**
 * The library manifest (the AAR's, merged into the app's) declares [PasskeyHelpActivity], so
 * that an app can start it without declaring it; only the app itself can (not exported), and
 * it takes the app's theme (no theme of its own).
 */
class HelpManifestTest {
    @Test
    fun `the help activity is declared, not exported, in the app's theme`() {
        val manifest = File("src/main/AndroidManifest.xml").readText().replace(Regex("<!--.*?-->", RegexOption.DOT_MATCHES_ALL), "")
        val activities = Regex("<activity\\b(.*?)/?>", RegexOption.DOT_MATCHES_ALL).findAll(manifest).map { it.groupValues[1] }.toList()
        val help = activities.single { "android:name=\"${PasskeyHelpActivity::class.java.name}\"" in it }
        assertTrue("android:exported=\"false\"" in help, help)
        assertTrue("android:theme" !in help, help)
        assertEquals(1, Regex("<application\\b").findAll(manifest).count())
    }
}
