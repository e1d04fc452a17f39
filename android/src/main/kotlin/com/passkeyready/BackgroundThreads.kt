package com.passkeyready

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
}
