package com.passkeyready

/**
 * The SDK cannot work on this device because its native core could not be loaded. Thrown by
 * the first call that needs the core (not by the constructor), and by every later one: the
 * host app keeps running, and its help screen can say so ([kind], [reason]) — for instance
 * by offering the bank's web guide with [PasskeyReadiness.openInStandardBrowser], which needs
 * no native code.
 *
 * The texts of the guide come from the core, so none is available here: [reason] is for
 * support and logs, not for the customer.
 */
class SdkUnavailableException internal constructor(
    /** What failed to load. */
    val kind: Kind,
    /** The platform's own words (the loader's message), for support. */
    val reason: String,
    cause: Throwable,
) : Exception("PasskeyReady is unavailable on this device ($kind): $reason", cause) {

    /** What failed to load, each with its usual cause and fix. */
    enum class Kind {
        /**
         * `libpasskey_ready_ffi.so` did not load: the APK has no build for this ABI, or the
         * library is not 16 KB-aligned on a 16 KB page-size device, or it is damaged.
         */
        NATIVE_LIBRARY,

        /**
         * JNA is missing, or its native part (`libjnidispatch.so`) is: the app depends on the
         * plain `jna` jar instead of `jna@aar`, or R8 removed JNA's classes.
         */
        JNA,

        /**
         * The library loaded but does not match the Kotlin bindings (UniFFI contract or
         * checksum mismatch), or another linkage error: the bindings and the `.so` come from
         * different builds.
         */
        MISMATCH,
    }
}
