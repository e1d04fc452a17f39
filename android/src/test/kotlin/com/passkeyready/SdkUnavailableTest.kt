package com.passkeyready

import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.PasskeyReady
import com.passkeyready.ffi.Signal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * A native core that cannot load is a typed [SdkUnavailableException] with its reason, never
 * an `Error` reaching the app; and nothing loads before the first call that needs the core.
 */
class SdkUnavailableTest {
    private val device = readyDeviceWith(reads(CheckId.GOOGLE_AUTOFILL, Signal.YES), 1_000)

    /** A core whose loading fails with [errors], one per attempt (the last repeats). */
    private class Loader(private vararg val errors: LinkageError) {
        var attempts = 0
        fun make(): PasskeyReady {
            val error = errors[minOf(attempts, errors.size - 1)]
            attempts++
            throw error
        }
    }

    private fun readinessWith(loader: Loader) =
        PasskeyReadiness.withCore(loader::make, NativeCore(), device, { "en" }, noLauncher)

    @Test
    fun `nothing loads before the first call that needs the core`() {
        val loader = Loader(UnsatisfiedLinkError("not here"))
        val readiness = readinessWith(loader)
        readiness.deviceLocale()
        readiness.observe()
        readiness.forgetAnswers()
        assertEquals(0, loader.attempts)
        assertThrows<SdkUnavailableException> { readiness.check() }
        assertEquals(1, loader.attempts)
    }

    @Test
    fun `a library missing for this ABI, or misaligned for 16 KB pages, is NATIVE_LIBRARY, the same every time`() {
        val loader = Loader(
            UnsatisfiedLinkError(
                "dlopen failed: empty/missing DT_HASH/DT_GNU_HASH in \"libpasskey_ready_ffi.so\" " +
                    "(new hash type from the future?) program alignment (4096) cannot be smaller than system page size (16384)",
            ),
            // What the JVM says on every later attempt: the real cause is gone.
            NoClassDefFoundError("Could not initialize class com.passkeyready.ffi.UniffiLib"),
        )
        val readiness = readinessWith(loader)
        val first = assertThrows<SdkUnavailableException> { readiness.check() }
        assertEquals(SdkUnavailableException.Kind.NATIVE_LIBRARY, first.kind)
        assertTrue("16384" in first.reason, first.reason)
        assertInstanceOf(UnsatisfiedLinkError::class.java, first.cause)

        assertSame(first, assertThrows<SdkUnavailableException> { readiness.guide() })
        assertSame(first, assertThrows<SdkUnavailableException> { readiness.diagnose("NotAllowedError") })
        assertSame(first, readiness.sdkUnavailable())
    }

    @Test
    fun `JNA missing is JNA`() {
        for (error in listOf(
            NoClassDefFoundError("com/sun/jna/Native"),
            NoClassDefFoundError("Failed resolution of: Lcom/sun/jna/Native;"),
            // JNA's own class failed to initialize earlier, in another library's call.
            NoClassDefFoundError("Could not initialize class com.sun.jna.Native"),
            UnsatisfiedLinkError("Native library (com/sun/jna/android-aarch64/libjnidispatch.so) not found in resource path (.)"),
        )) {
            val thrown = assertThrows<SdkUnavailableException> { readinessWith(Loader(error)).check() }
            assertEquals(SdkUnavailableException.Kind.JNA, thrown.kind, error.toString())
        }
    }

    @Test
    fun `bindings from another build are MISMATCH`() {
        val error = ExceptionInInitializerError(RuntimeException("UniFFI contract version mismatch: try cleaning and rebuilding your project"))
        val thrown = assertThrows<SdkUnavailableException> { readinessWith(Loader(error)).check() }
        assertEquals(SdkUnavailableException.Kind.MISMATCH, thrown.kind)
        assertTrue("contract version mismatch" in thrown.reason, thrown.reason)
    }

    @Test
    fun `the reason is bounded, however long the loader's message`() {
        val thrown = assertThrows<SdkUnavailableException> {
            readinessWith(Loader(UnsatisfiedLinkError("searched: " + "/data/app/lib/arm64:".repeat(2_000)))).check()
        }
        assertTrue(thrown.reason.length <= 601, "${thrown.reason.length} characters")
    }

    @Test
    fun `checkAsync delivers it as Unavailable`() {
        val done = CompletableFuture<ReadinessResult>()
        readinessWith(Loader(UnsatisfiedLinkError("not here"))).checkAsync({ it.run() }) { done.complete(it) }
        val unavailable = assertInstanceOf(ReadinessResult.Unavailable::class.java, done.get(5, TimeUnit.SECONDS))
        assertEquals(SdkUnavailableException.Kind.NATIVE_LIBRARY, unavailable.error.kind)
    }

    @Test
    fun `a core that loads is available`() {
        val readiness = PasskeyReadiness.withReaders(device, { "en" }, noLauncher)
        assertNull(readiness.sdkUnavailable())
    }

    /**
     * The real generated bindings, in a JVM of their own (a failed class initializer is final
     * for the whole process): told to load a library that does not exist, and then without
     * JNA on the class path.
     */
    @Test
    fun `the real bindings in a fresh JVM, with a library that cannot load and without JNA`() {
        val missingLibrary = runProbe(listOf("-Duniffi.component.passkey_ready_core.libraryOverride=passkey_ready_absent"), classPath())
        assertEquals("constructed unavailable=NATIVE_LIBRARY again=NATIVE_LIBRARY async=NATIVE_LIBRARY", missingLibrary)

        val withoutJna = classPath().split(File.pathSeparator).filterNot { File(it).name.startsWith("jna-") }
        assertTrue(withoutJna.size < classPath().split(File.pathSeparator).size, "JNA was on the class path")
        assertEquals(
            "constructed unavailable=JNA again=JNA async=JNA",
            runProbe(emptyList(), withoutJna.joinToString(File.pathSeparator)),
        )
    }

    /** The test class path, as Surefire gives it (its booter jar hides it in a manifest). */
    private fun classPath(): String =
        System.getProperty("surefire.test.class.path") ?: System.getProperty("java.class.path")

    private fun runProbe(options: List<String>, classPath: String): String {
        val java = File(System.getProperty("java.home"), "bin/java").path
        val command = listOf(java) + options + listOf("-cp", classPath, UnloadableProbe::class.java.name)
        val process = ProcessBuilder(command).redirectErrorStream(true).start()
        val output = process.inputStream.bufferedReader().readText()
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe timed out")
        assertEquals(0, process.exitValue(), output)
        return output.lines().last { it.isNotBlank() }
    }
}

/** Run by [SdkUnavailableTest] in a JVM whose native core cannot load. */
object UnloadableProbe {
    @JvmStatic
    fun main(args: Array<String>) {
        val readiness = PasskeyReadiness.withReaders(
            readyDeviceWith(reads(CheckId.GOOGLE_AUTOFILL, Signal.YES), 1_000),
            { "en" },
            noLauncher,
        )
        val parts = mutableListOf("constructed")
        parts += "unavailable=" + kindOf { readiness.check() }
        parts += "again=" + kindOf { readiness.guide() }
        val done = CompletableFuture<ReadinessResult>()
        readiness.checkAsync({ it.run() }) { done.complete(it) }
        parts += "async=" + (done.get(10, TimeUnit.SECONDS) as? ReadinessResult.Unavailable)?.error?.kind
        println(parts.joinToString(" "))
    }

    private fun kindOf(call: () -> Unit): String =
        try {
            call()
            "loaded"
        } catch (e: SdkUnavailableException) {
            e.kind.name
        }
}
