package com.passkeyready.device

import android.content.Context
import android.content.res.Configuration
import android.os.Build
import com.passkeyready.ffi.GuideLocale

/** The language of the configuration's primary locale ("ja", "en", …). */
fun interface LocaleSource {
    fun primaryLanguage(): String?
}

/**
 * The guide's language for a device language: Japanese for a Japanese primary locale,
 * English for every other (the guide is written in those two).
 */
fun GuideLocale.Companion.forLanguage(language: String?): GuideLocale =
    if (language.equals("ja", ignoreCase = true)) GuideLocale.JA else GuideLocale.EN

/** [LocaleSource] on a device: `configuration.locales[0]` (API 24+), `configuration.locale` before. */
class AndroidLocaleSource(private val context: Context) : LocaleSource {
    override fun primaryLanguage(): String? {
        val configuration = context.resources.configuration
        val primary = if (Build.VERSION.SDK_INT >= LOCALE_LIST_MIN_SDK) {
            primaryOfList(configuration)
        } else {
            @Suppress("DEPRECATION")
            configuration.locale
        }
        return primary?.language
    }

    private companion object {
        /** `Configuration.getLocales()` (a `LocaleList`): Android 7. */
        const val LOCALE_LIST_MIN_SDK = 24

        @RequiresApiLevel(LOCALE_LIST_MIN_SDK)
        fun primaryOfList(configuration: Configuration): java.util.Locale? =
            configuration.locales.get(0)
    }
}
