package com.passkeyready

import java.util.concurrent.Executor
import java.util.concurrent.ExecutorService
import java.util.concurrent.SynchronousQueue
import java.util.concurrent.ThreadFactory
import java.util.concurrent.ThreadPoolExecutor
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * The SDK's own threads: the readers' system calls and the asynchronous checks run here, never
 * on the caller's thread. Daemon threads, so the SDK never keeps a process alive; created on
 * demand and gone after a minute idle, so an app that never checks pays nothing. A reader
 * stuck in a binder call keeps its thread, which is why the pool is not of fixed size — the
 * readers themselves make sure at most one call per reader is in flight.
 */
internal object BackgroundThreads {
    private val count = AtomicInteger()

    val executor: ExecutorService = ThreadPoolExecutor(
        0,
        Int.MAX_VALUE,
        60L,
        TimeUnit.SECONDS,
        SynchronousQueue(),
        ThreadFactory { task ->
            Thread(task, "PasskeyReady-${count.incrementAndGet()}").apply { isDaemon = true }
        },
    )

    /**
     * Runs [work] here and hands its [Outcome] to [deliver] on [executor] (the caller's, e.g.
     * the main thread's), exactly once — or not at all if [executor] refuses it (shut down:
     * nobody is left to tell). An error never escapes to the thread.
     */
    fun <T> run(executor: Executor, work: () -> T, deliver: (Outcome<T>) -> Unit) {
        val task = Runnable {
            val outcome: Outcome<T> = try {
                Outcome.Done(work())
            } catch (e: SdkUnavailableException) {
                Outcome.Unavailable(e)
            } catch (e: Exception) {
                Outcome.Failed(e)
            } catch (e: LinkageError) {
                // Past the core's own guard (NativeCore): SDK code this device cannot link.
                Outcome.Unavailable(NativeCore.classify(e))
            }
            try {
                executor.execute { deliver(outcome) }
            } catch (e: RuntimeException) {
                // The caller's executor is shut down.
            }
        }
        try {
            this.executor.execute(task)
        } catch (e: RuntimeException) {
            // No thread to be had: do the work here rather than lose the result.
            task.run()
        }
    }
}
