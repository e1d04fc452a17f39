package com.passkeyready.device

import android.os.Build

/** The OS version as the system states it: `Build.VERSION.RELEASE` and `SDK_INT`. */
interface BuildVersionSource {
    /** `Build.VERSION.RELEASE`: "14", "8.1.0"; a code name on preview builds. */
    val release: String?

    /** `Build.VERSION.SDK_INT`: 34 on Android 14. */
    val sdkInt: Int
}

/** [BuildVersionSource] on a device. */
object AndroidBuildVersion : BuildVersionSource {
    override val release: String? get() = Build.VERSION.RELEASE
    override val sdkInt: Int get() = Build.VERSION.SDK_INT
}

/**
 * The snapshot's `os_version`: the release number as Android shows it to people ("14",
 * "8.1.0"). A preview build's code name is replaced by the release of its API level; whether the
 * version supports passkeys is the core's decision.
 */
class OsVersionReader(private val build: BuildVersionSource) {
    /** The version number, or `null` when neither the release nor the API level tells it. */
    fun osVersion(): String? {
        val release = build.release?.trim().orEmpty()
        if (RELEASE_NUMBER.matches(release)) return release
        return RELEASE_OF_SDK[build.sdkInt]
    }

    internal companion object {
        private val RELEASE_NUMBER = Regex("""\d{1,3}(\.\d{1,3}){0,2}""")

        /** API level → the release it shipped in (android.os.Build.VERSION_CODES). */
        private val RELEASE_OF_SDK = mapOf(
            21 to "5.0", 22 to "5.1", 23 to "6.0", 24 to "7.0", 25 to "7.1", 26 to "8.0",
            27 to "8.1", 28 to "9", 29 to "10", 30 to "11", 31 to "12", 32 to "12.1",
            33 to "13", 34 to "14", 35 to "15", 36 to "16",
        )
    }
}
