package com.passkeyready

import android.os.Bundle
import com.passkeyready.ffi.CheckId

/**
 * The customer's answers in a saved-state `Bundle`, so that they survive the process being
 * killed in the background (the customer went to Settings for a long time). Keys are check
 * ids (`google_account`), values booleans; nothing else is written, and on restore anything
 * else is ignored — a key this version does not know, a value of another type.
 *
 * The mapping is on plain maps; the `Bundle` side is a thin adapter around it.
 */
internal object SavedAnswers {
    /** The check id string, as in the content, reports and the CLI (the core's `check_id_string`). */
    fun id(check: CheckId): String = check.name.lowercase()

    private val byId: Map<String, CheckId> = CheckId.entries.associateBy(::id)

    fun save(answers: Map<CheckId, Boolean>): Map<String, Boolean> =
        answers.entries.associate { (check, yes) -> id(check) to yes }

    fun restore(saved: Map<String, Any?>): Map<CheckId, Boolean> =
        saved.mapNotNull { (key, value) ->
            val check = byId[key] ?: return@mapNotNull null
            if (value is Boolean) check to value else null
        }.toMap()

    fun toBundle(answers: Map<CheckId, Boolean>): Bundle =
        Bundle().apply { for ((key, yes) in save(answers)) putBoolean(key, yes) }

    fun fromBundle(bundle: Bundle): Map<CheckId, Boolean> =
        restore(bundle.keySet().filter { it in byId }.associateWith { bundle.booleanOrNull(it) })

    /**
     * The boolean under [key], or null for a value of another type: `getBoolean` answers its
     * default for those, so two different defaults tell them apart (without the deprecated
     * untyped `get`).
     */
    private fun Bundle.booleanOrNull(key: String): Boolean? {
        val whenFalse = getBoolean(key, false)
        return if (whenFalse == getBoolean(key, true)) whenFalse else null
    }
}
