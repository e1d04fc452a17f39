package com.passkeyready.device

/**
 * The annotated code calls framework API newer than the SDK's minimum (API 23), and every caller
 * reaches it only behind `Build.VERSION.SDK_INT >= [level]`.
 *
 * The build's API-level check (animal-sniffer against the Android API 23 signature, see
 * android/pom.xml) skips exactly the annotated declarations and fails on any other use of newer
 * API, so an unguarded call cannot ship. Keep annotated functions small: only the guarded call.
 */
@Retention(AnnotationRetention.BINARY)
@Target(AnnotationTarget.CLASS, AnnotationTarget.FUNCTION, AnnotationTarget.CONSTRUCTOR)
annotation class RequiresApiLevel(val level: Int)
