package com.passkeyready

import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.PasskeyReadyException
import com.passkeyready.ffi.ReadinessReport
import com.passkeyready.ffi.Signal
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.startCoroutine

/**
 * The main thread is never held: a reader stuck longer than its time limit becomes a
 * question, and the report arrives within the limit, once, on the caller's executor.
 */
class AsyncCheckTest {
    private val timeout = 300L
    private val autofill = BlockedReader(CheckId.GOOGLE_AUTOFILL)
    private val readiness = PasskeyReadiness.withReaders(readyDeviceWith(autofill, timeout), { "en" }, noLauncher)

    /** The caller's "main thread": one thread, whose name the callback can see. */
    private val main = Executors.newSingleThreadExecutor { Thread(it, "test-main") }

    @AfterEach
    fun release() {
        autofill.release()
        main.shutdownNow()
    }

    private class Recorder {
        val results = CopyOnWriteArrayList<Pair<ReadinessResult, String>>()
        val first = CompletableFuture<ReadinessResult>()
        val callback = ReadinessCallback { result ->
            results += result to Thread.currentThread().name
            first.complete(result)
        }
    }

    @Test
    fun `checkAsync returns at once and reports within the time limit, the stuck check a question`() {
        val recorder = Recorder()
        val started = System.nanoTime()
        readiness.checkAsync(main, recorder.callback)
        val returnedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
        assertTrue(returnedAfter < timeout, "checkAsync itself took $returnedAfter ms")

        val result = recorder.first.get(5, TimeUnit.SECONDS)
        val elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
        // The reader is still blocked (it is released only after the test): the report did not wait for it.
        assertEquals(1, autofill.calls.get())
        assertTrue(elapsed < timeout + 2_000, "report after $elapsed ms")
        val report = assertInstanceOf(ReadinessResult.Report::class.java, result).report
        assertEquals(
            listOf(CheckId.ALREADY_USES_PASSKEYS, CheckId.GOOGLE_AUTOFILL),
            report.questions.map { it.check },
        )
        assertEquals("test-main", recorder.results.single().second, "the callback runs on the caller's executor")
    }

    @Test
    fun `the callback is called exactly once, even when the stuck reader answers later`() {
        val recorder = Recorder()
        readiness.checkAsync(main, recorder.callback)
        recorder.first.get(5, TimeUnit.SECONDS)
        autofill.release()
        Thread.sleep(300)
        main.submit {}.get(5, TimeUnit.SECONDS)
        assertEquals(1, recorder.results.size)
    }

    @Test
    fun `a reader still stuck is not called again by the next check, which still reports in time`() {
        val first = Recorder()
        readiness.checkAsync(main, first.callback)
        first.first.get(5, TimeUnit.SECONDS)
        val second = Recorder()
        readiness.checkAsync(main, second.callback)
        val report = assertInstanceOf(ReadinessResult.Report::class.java, second.first.get(5, TimeUnit.SECONDS)).report
        assertTrue(CheckId.GOOGLE_AUTOFILL in report.questions.map { it.check })
        assertEquals(1, autofill.calls.get(), "one thread per stuck reader, not one per check")

        // Once it answers, the next check reads it afresh.
        autofill.release()
        val third = Recorder()
        Thread.sleep(100)
        readiness.checkAsync(main, third.callback)
        val fresh = assertInstanceOf(ReadinessResult.Report::class.java, third.first.get(5, TimeUnit.SECONDS)).report
        assertTrue(CheckId.GOOGLE_AUTOFILL !in fresh.questions.map { it.check })
    }

    @Test
    fun `the blocking check is bounded by the time limit too`() {
        val started = System.nanoTime()
        val observed = readiness.observe()
        val elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
        assertTrue(elapsed in timeout..timeout + 2_000, "observe took $elapsed ms")
        assertEquals(Signal.UNKNOWN, observed.signals[CheckId.GOOGLE_AUTOFILL])
        assertEquals(Signal.YES, observed.signals[CheckId.SCREEN_LOCK])
    }

    @Test
    fun `a reader that throws is unknown, not an error`() {
        val throwing = object : com.passkeyready.device.SignalReader {
            override val check = CheckId.GOOGLE_AUTOFILL
            override fun read(): Signal = throw IllegalStateException("a broken custom reader")
        }
        val device = readyDeviceWith(throwing, timeout)
        assertEquals(Signal.UNKNOWN, device.snapshot().signals[CheckId.GOOGLE_AUTOFILL])
    }

    @Test
    fun `the core's refusal arrives through the callback as the typed error`() {
        val refused = PasskeyReadiness.withReaders(readyDeviceWith(reads(CheckId.GOOGLE_AUTOFILL, Signal.YES), timeout), { "en" }, noLauncher, service = "{bank}")
        val recorder = Recorder()
        refused.checkAsync(main, recorder.callback)
        val failed = assertInstanceOf(ReadinessResult.Failed::class.java, recorder.first.get(5, TimeUnit.SECONDS))
        assertEquals("service", assertInstanceOf(PasskeyReadyException.InvalidInput::class.java, failed.error).field)
    }

    @Test
    fun `answerAsync refuses a check not asked on Android through the callback`() {
        val recorder = Recorder()
        readiness.answerAsync(CheckId.PASSCODE, true, main, recorder.callback)
        val failed = assertInstanceOf(ReadinessResult.Failed::class.java, recorder.first.get(5, TimeUnit.SECONDS))
        assertEquals("signals.passcode", assertInstanceOf(PasskeyReadyException.InvalidSnapshot::class.java, failed.error).field)
        assertEquals(emptyMap<CheckId, Boolean>(), readiness.answers)
    }

    @Test
    fun `a closed instance fails through the callback, not on the SDK's thread`() {
        readiness.close()
        val recorder = Recorder()
        readiness.checkAsync(main, recorder.callback)
        val failed = assertInstanceOf(ReadinessResult.Failed::class.java, recorder.first.get(5, TimeUnit.SECONDS))
        assertInstanceOf(IllegalStateException::class.java, failed.error)
    }

    @Test
    fun `a shut-down executor gets no callback and nothing is thrown`() {
        val recorder = Recorder()
        val dead = Executors.newSingleThreadExecutor().also { it.shutdown() }
        readiness.checkAsync(dead, recorder.callback)
        Thread.sleep(timeout + 300)
        assertEquals(0, recorder.results.size)
    }

    /** Runs a suspend function to its end on a plain thread (no kotlinx-coroutines here either). */
    private fun <T> runSuspend(block: suspend () -> T): Result<T> {
        val done = CompletableFuture<Result<T>>()
        block.startCoroutine(Continuation(EmptyCoroutineContext) { done.complete(it) })
        return done.get(5, TimeUnit.SECONDS)
    }

    @Test
    fun `awaitCheck suspends for the report, bounded by the time limit`() {
        val started = System.nanoTime()
        val report: ReadinessReport = runSuspend { readiness.awaitCheck() }.getOrThrow()
        val elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
        assertTrue(elapsed < timeout + 2_000, "report after $elapsed ms")
        assertTrue(CheckId.GOOGLE_AUTOFILL in report.questions.map { it.check })
    }

    @Test
    fun `awaitAnswer records the answer and gives the report with it`() {
        val report = runSuspend { readiness.awaitAnswer(CheckId.GOOGLE_AUTOFILL, true) }.getOrThrow()
        assertTrue(CheckId.GOOGLE_AUTOFILL !in report.questions.map { it.check })
        assertEquals(mapOf(CheckId.GOOGLE_AUTOFILL to true), readiness.answers)
    }

    @Test
    fun `awaitCheck throws the typed error`() {
        val refused = PasskeyReadiness.withReaders(readyDeviceWith(reads(CheckId.GOOGLE_AUTOFILL, Signal.YES), timeout), { "en" }, noLauncher, service = "{bank}")
        val error = runSuspend { refused.awaitCheck() }.exceptionOrNull()
        assertEquals("service", assertInstanceOf(PasskeyReadyException.InvalidInput::class.java, error).field)
    }

    @Test
    fun `a time limit must be positive`() {
        assertThrows<IllegalArgumentException> { readyDeviceWith(autofill, 0) }
    }
}
