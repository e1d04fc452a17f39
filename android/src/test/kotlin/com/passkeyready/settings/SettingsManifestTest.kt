package com.passkeyready.settings

import com.passkeyready.ffi.SettingsAction
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File

/** One `<intent>` of the manifest's `<queries>`. */
private data class QueryIntent(val actions: List<String>, val categories: List<String>, val schemes: Set<String>)

/**
 * The library manifest's `<queries>` declare every screen the launcher may try: on Android 11+
 * an undeclared one would never resolve, and its fallback would open instead.
 *
 * (Read with patterns rather than a DOM parser: android-all, on the test classpath, brings its
 * own javax.xml, which shadows the JDK's at compile time.)
 */
class SettingsManifestTest {
    private val queries: List<QueryIntent> by lazy {
        val manifest = File("src/main/AndroidManifest.xml").readText().replace(Regex("<!--.*?-->", RegexOption.DOT_MATCHES_ALL), "")
        val blocks = Regex("<queries>(.*?)</queries>", RegexOption.DOT_MATCHES_ALL).findAll(manifest).toList()
        assertEquals(1, blocks.size, "one <queries> element")
        Regex("<intent>(.*?)</intent>", RegexOption.DOT_MATCHES_ALL).findAll(blocks.single().groupValues[1]).map { intent ->
            val body = intent.groupValues[1]
            fun values(tag: String, attribute: String) =
                Regex("""<$tag\s+android:$attribute="([^"]*)"""").findAll(body).map { it.groupValues[1] }.toList()
            QueryIntent(values("action", "name"), values("category", "name"), values("data", "scheme").toSet())
        }.toList()
    }

    @Test
    fun `every settings target is declared, with its data scheme`() {
        val declared = queries.map { it.actions.single() to it.schemes }.toSet()
        val targets = (21..36).flatMap { sdk ->
            SettingsAction.entries.flatMap { SettingsTargets.forAction(it, sdk, "jp.example.bank") }
        }.toSet()
        assertTrue(targets.isNotEmpty())
        for (target in targets) {
            val scheme = target.data?.substringBefore(':')
            assertTrue(
                target.action to setOfNotNull(scheme) in declared,
                "${target.action} with data scheme $scheme is not in <queries>",
            )
        }
    }

    @Test
    fun `the default browser query is declared`() {
        val view = queries.single { it.actions == listOf("android.intent.action.VIEW") }
        assertEquals(setOf("https"), view.schemes)
        assertEquals(listOf("android.intent.category.BROWSABLE"), view.categories)
    }
}
