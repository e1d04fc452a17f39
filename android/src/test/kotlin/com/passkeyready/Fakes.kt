package com.passkeyready

import com.passkeyready.device.BuildVersionSource
import com.passkeyready.device.DeviceReaders
import com.passkeyready.device.OsVersionReader
import com.passkeyready.device.SignalReader
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal
import com.passkeyready.settings.SettingsLauncherFactory
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/** Android 14, as the readers see it. */
internal val android14 = OsVersionReader(object : BuildVersionSource {
    override val release = "14"
    override val sdkInt = 34
})

/** A reader that answers at once. */
internal fun reads(check: CheckId, signal: Signal): SignalReader = object : SignalReader {
    override val check = check
    override fun read() = signal
}

/**
 * A reader stuck in the OS (like `getAutofillServiceComponentName()` on a busy system
 * service) until [release] — or 30 s, so that a failing test never hangs the build.
 */
internal class BlockedReader(override val check: CheckId, private val answer: Signal = Signal.YES) : SignalReader {
    private val released = CountDownLatch(1)
    val calls = AtomicInteger()

    override fun read(): Signal {
        calls.incrementAndGet()
        released.await(30, TimeUnit.SECONDS)
        return answer
    }

    fun release() = released.countDown()
}

/** Every Android check read as ready, but [slow] (blocked) and Google account (unknown). */
internal fun readyDeviceWith(slow: SignalReader, timeoutMillis: Long): DeviceReaders = DeviceReaders(
    android14,
    listOf(
        reads(CheckId.SCREEN_LOCK, Signal.YES),
        reads(CheckId.BIOMETRICS, Signal.YES),
        reads(CheckId.GOOGLE_ACCOUNT, Signal.YES),
        reads(CheckId.STANDARD_BROWSER, Signal.YES),
        slow,
    ),
    timeoutMillis,
)

internal val noLauncher = SettingsLauncherFactory { error("these tests open nothing") }
