package com.passkeyready

import com.passkeyready.ffi.PasskeyReadyException
import com.passkeyready.ffi.ReadinessReport

/** What an asynchronous check ([PasskeyReadiness.checkAsync]) delivers: one of three. */
sealed class ReadinessResult {
    /** The report. A reader that did not answer in time is a question in it. */
    data class Report(val report: ReadinessReport) : ReadinessResult()

    /** The native core could not be loaded here: the SDK cannot check this device. */
    data class Unavailable(val error: SdkUnavailableException) : ReadinessResult()

    /**
     * The core refused (a [PasskeyReadyException], e.g. `InvalidInput` naming `service` for a
     * service name it does not accept), or the instance was already closed
     * (`IllegalStateException`).
     */
    data class Failed(val error: Exception) : ReadinessResult()
}

/** Receives the result of an asynchronous check, exactly once, on the executor given with it. */
fun interface ReadinessCallback {
    fun onResult(result: ReadinessResult)
}
