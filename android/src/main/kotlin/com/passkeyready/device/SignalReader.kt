package com.passkeyready.device

import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal

/**
 * One prerequisite the device can observe, mapped to the core's tri-state [Signal].
 *
 * Each reader wraps one small OS interface (a `…Source`) that a test can fake, and holds the
 * mapping from what the OS answers to `yes` / `no` / `unknown`. [read] never throws: what the
 * OS does not let an app read, or fails to answer, is [Signal.UNKNOWN], which the core turns
 * into a question for the customer — never a guess. [read] may block (binder calls);
 * [DeviceReaders] calls it on the SDK's threads with a time limit.
 */
interface SignalReader {
    /** The check this reader observes (the same id as in the content, reports and the CLI). */
    val check: CheckId

    /** The observation now; [Signal.UNKNOWN] when it cannot be read. */
    fun read(): Signal
}

/**
 * Runs an OS call; an exception from the OS means "cannot tell". So does a [LinkageError]: a
 * framework class or method this device's Android does not have (an OEM build that lacks it).
 */
internal inline fun readOrUnknown(read: () -> Signal): Signal =
    try {
        read()
    } catch (e: RuntimeException) {
        Signal.UNKNOWN
    } catch (e: LinkageError) {
        Signal.UNKNOWN
    }
