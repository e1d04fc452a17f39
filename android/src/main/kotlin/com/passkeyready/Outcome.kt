package com.passkeyready

/** What a piece of work on the SDK's threads ended with ([BackgroundThreads.run]). */
internal sealed class Outcome<out T> {
    class Done<T>(val value: T) : Outcome<T>()

    /** The native core could not be loaded (or SDK code could not be linked) here. */
    class Unavailable(val error: SdkUnavailableException) : Outcome<Nothing>()

    /** The core refused, or the instance was closed. */
    class Failed(val error: Exception) : Outcome<Nothing>()
}
