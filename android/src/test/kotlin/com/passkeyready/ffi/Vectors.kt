package com.passkeyready.ffi

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import java.io.File

/** The cross-language vectors in tests/vectors/, which the Rust and Swift tests run too. */
object Vectors {
    private val dir: File =
        File(System.getProperty("passkeyready.vectors") ?: "../tests/vectors")

    /** The `cases` of tests/vectors/[name]; fails when the file or the array is missing. */
    fun cases(name: String): List<JsonNode> {
        val file = File(dir, name)
        check(file.isFile) { "${file.absolutePath} is missing" }
        val cases = ObjectMapper().readTree(file).path("cases")
        check(cases.isArray && cases.size() > 0) { "$name has no cases" }
        return cases.toList()
    }
}

/** The strings of a JSON array (fails on anything else, so a typo in a vector shows). */
fun JsonNode.strings(): List<String> {
    check(isArray) { "expected an array, got $this" }
    return map { check(it.isTextual) { "expected a string, got $it" }; it.asText() }
}

/** A JSON string or null as a Kotlin String?. */
fun JsonNode.textOrNull(): String? = if (isNull || isMissingNode) null else asText()

/** The snake_case name the Rust side serialises an enum value as (`ACTION_REQUIRED` → `action_required`). */
fun Enum<*>.wireName(): String = name.lowercase()
