package com.passkeyready.ffi

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * A Rust panic must reach the host app as an exception it can catch, never as a crash: the
 * library unwinds and UniFFI turns the panic into an InternalException. `panicProbe` exists
 * only in the test build of the library (feature `panic-probe`).
 */
class PanicTest {
    @Test
    fun `a panic in Rust arrives as a catchable exception, and the library keeps working`() {
        val error = assertThrows<InternalException> { panicProbe("probe: boom") }
        assertEquals("probe: boom", error.message)

        // The library is still usable after the panic.
        val report = PasskeyReady(null).use { it.evaluate(snapshotFromJson("""{"platform": "android"}"""), GuideLocale.EN) }
        assertTrue(report.findings.isNotEmpty())
    }
}
