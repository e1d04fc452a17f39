package com.passkeyready

/**
 * Loads the native core on first use and turns every way that can fail into a
 * [SdkUnavailableException] instead of an `Error` that would crash the host app.
 *
 * The generated bindings load the library in a class initializer. A failed initializer is
 * final for the whole process, and the JVM reports the real cause only the first time (later
 * attempts get a bare `NoClassDefFoundError`), so the first failure is remembered and given
 * again to every caller.
 */
internal class NativeCore {
    @Volatile
    private var failure: SdkUnavailableException? = null

    /** Runs [call], which reaches the native core; a linkage failure becomes the typed one. */
    @Throws(SdkUnavailableException::class)
    fun <T> use(call: () -> T): T {
        failure?.let { throw it }
        try {
            return call()
        } catch (e: LinkageError) {
            val unavailable = classify(e)
            synchronized(this) {
                // Keep the first: it carries the real cause.
                val first = failure ?: unavailable
                failure = first
                throw first
            }
        }
    }

    companion object {
        /** The process's one native library. */
        @JvmField
        val PROCESS: NativeCore = NativeCore()

        private const val MAX_REASON = 600

        internal fun classify(error: LinkageError): SdkUnavailableException {
            val chain = generateSequence<Throwable>(error) { it.cause?.takeIf { cause -> cause !== it } }.take(8).toList()
            // The loader's messages list every directory searched: bounded, so that an error
            // screen or a log line stays readable.
            val text = chain.joinToString(" / ") { "${it.javaClass.simpleName}: ${it.message}" }.let {
                if (it.length > MAX_REASON) it.take(MAX_REASON) + "…" else it
            }
            val kind = when {
                chain.any { it.mentionsJna() } -> SdkUnavailableException.Kind.JNA
                chain.any { it is UnsatisfiedLinkError } -> SdkUnavailableException.Kind.NATIVE_LIBRARY
                else -> SdkUnavailableException.Kind.MISMATCH
            }
            return SdkUnavailableException(kind, text, error)
        }

        /** JNA's own classes are missing, or its native dispatch library is. */
        private fun Throwable.mentionsJna(): Boolean {
            val message = message ?: return false
            return when (this) {
                // "com/sun/jna/Native" (HotSpot), "Failed resolution of: Lcom/sun/jna/Native;"
                // (ART), "Could not initialize class com.sun.jna.Native" (a later attempt).
                is NoClassDefFoundError, is ClassNotFoundException ->
                    "com/sun/jna/" in message || "com.sun.jna." in message
                // e.g. "Native library (com/sun/jna/android-aarch64/libjnidispatch.so) not
                // found": the plain jna jar on a device.
                is UnsatisfiedLinkError -> "jnidispatch" in message
                else -> false
            }
        }
    }
}
