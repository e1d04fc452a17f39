package com.passkeyready.device

import android.content.Context
import com.passkeyready.BackgroundThreads
import com.passkeyready.ffi.DeviceSnapshot
import com.passkeyready.ffi.Platform
import com.passkeyready.ffi.Signal
import java.util.IdentityHashMap
import java.util.concurrent.ExecutionException
import java.util.concurrent.Future
import java.util.concurrent.FutureTask
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException

/**
 * Everything the SDK reads from the OS, turned into the core's [DeviceSnapshot].
 *
 * What it reads: whether a screen lock is set, whether a biometric is enrolled, whether Google's
 * autofill service is selected, whether any Google account is visible to the app (a count, never
 * a name), which app opens https links by default, and the OS version. What it never reads:
 * account names, e-mail addresses, phone numbers, device identifiers (Android ID, IMEI,
 * serial, advertising ID), installed-app lists, or anything on the network.
 *
 * The readers run side by side on the SDK's own threads. Each has [timeoutMillis] to answer;
 * one that has not (`getAutofillServiceComponentName()` can block for 5 s, account, package
 * and biometric queries are binder calls) is [Signal.UNKNOWN] in that snapshot — a question
 * for the customer — and does not hold the others. A reader still blocked from an earlier
 * snapshot is not called again: the next snapshot waits for that same call, so a hung system
 * service costs one thread, not one per check.
 *
 * @param osVersion the `os_version` of the snapshot.
 * @param readers one per observed check; a check no reader observes stays unknown.
 * @param timeoutMillis how long each reader may take, from the start of [snapshot].
 */
class DeviceReaders @JvmOverloads constructor(
    private val osVersion: OsVersionReader,
    private val readers: List<SignalReader>,
    private val timeoutMillis: Long = DEFAULT_TIMEOUT_MILLIS,
) {
    init {
        require(timeoutMillis > 0) { "timeoutMillis must be positive" }
    }

    /** Per reader, its call still running, if any. */
    private val inFlight = IdentityHashMap<SignalReader, Future<Signal>>()

    /**
     * A fresh observation: call it again after the customer comes back from settings. Blocks
     * for at most [timeoutMillis] (plus scheduling); never throws for a reader.
     */
    fun snapshot(): DeviceSnapshot {
        val deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis)
        val calls = readers.map { it to start(it) }
        return DeviceSnapshot(
            platform = Platform.ANDROID,
            osVersion = osVersion.osVersion(),
            // The SDK runs in the bank's app, not in the browser the page opens in.
            userAgent = null,
            signals = calls.associate { (reader, call) -> reader.check to awaitUntil(call, deadline) },
        )
    }

    private fun start(reader: SignalReader): Future<Signal> = synchronized(inFlight) {
        inFlight[reader]?.takeUnless { it.isDone }?.let { return it }
        val call = FutureTask {
            try {
                reader.read()
            } catch (e: Exception) {
                // A reader that breaks its promise not to throw is "cannot tell", like the OS.
                Signal.UNKNOWN
            } catch (e: LinkageError) {
                Signal.UNKNOWN
            }
        }
        inFlight[reader] = call
        try {
            BackgroundThreads.executor.execute(call)
        } catch (e: RuntimeException) {
            // No thread to be had (the process is shutting down, or out of threads): this
            // reader is "cannot tell" rather than a crash.
            inFlight.remove(reader)
            return FutureTask { Signal.UNKNOWN }.also { it.run() }
        }
        call
    }

    private fun awaitUntil(call: Future<Signal>, deadline: Long): Signal =
        try {
            call.get(maxOf(0L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
        } catch (e: TimeoutException) {
            Signal.UNKNOWN
        } catch (e: ExecutionException) {
            Signal.UNKNOWN
        } catch (e: InterruptedException) {
            // The caller is being cancelled: answer now, and keep its interrupt for it to see.
            Thread.currentThread().interrupt()
            Signal.UNKNOWN
        }

    companion object {
        /**
         * Each reader's time to answer by default: long enough for a binder call on a slow
         * phone, well short of the autofill service lookup's own 5 s time-out.
         */
        const val DEFAULT_TIMEOUT_MILLIS: Long = 2_000L

        /** The readers of a real device. */
        @JvmStatic
        @JvmOverloads
        fun android(context: Context, timeoutMillis: Long = DEFAULT_TIMEOUT_MILLIS): DeviceReaders {
            return DeviceReaders(
                OsVersionReader(AndroidBuildVersion),
                listOf(
                    ScreenLockReader(AndroidKeyguardSource(context)),
                    BiometricsReader.android(context),
                    GoogleAccountReader(AndroidGoogleAccountSource(context)),
                    GoogleAutofillReader.android(context),
                    StandardBrowserReader(AndroidBrowserSource(context)),
                ),
                timeoutMillis,
            )
        }
    }
}
