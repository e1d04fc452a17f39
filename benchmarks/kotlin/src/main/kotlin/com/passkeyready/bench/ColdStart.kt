// What the first use of the SDK costs in a fresh JVM, phase by phase: `cargo xtask bench`
// starts one JVM per run and takes the median of each phase over the runs.
//
// Output, one line per phase (nanoseconds, read by `cargo xtask bench`):
//   COLD <phase> <ns>
// Phases, in the order an app's first check goes through them:
// - jna: JNA's own initialisation (its classes and its native dispatch library), which the
//   first touch of any generated binding triggers.
// - library: loading the core's library and registering its functions (the generated
//   bindings' `Native.register` and their API checksum checks).
// - first_call: `PasskeyReady(null)`, the first call into the core (it parses the embedded
//   content).
// - first_report: the first `evaluate`, lowering a snapshot and lifting a report for the
//   first time.
// - help_screen: a `ReadinessSession` and its first `screen`: the model the help screen
//   draws on first open, after the steps above.
//
// Arguments: <examples dir>
package com.passkeyready.bench

import com.passkeyready.ffi.GuideLocale
import com.passkeyready.ffi.PasskeyReady
import com.passkeyready.ffi.Platform
import com.passkeyready.ffi.ReadinessSession
import com.passkeyready.ffi.snapshotFromJson
import com.passkeyready.ffi.uniffiEnsureInitialized
import java.io.File

fun main(args: Array<String>) {
    val json = File(args.getOrElse(0) { "examples" }, "android-ready.json").readText()

    val jna = phase("jna") { Class.forName("com.sun.jna.Native") }
    check(jna != null)
    phase("library") { uniffiEnsureInitialized() }
    val sdk = phase("first_call") { PasskeyReady(null) }
    // Not timed: the snapshot is read from JSON by the core, which an app does not do.
    val snapshot = snapshotFromJson(json)
    val report = phase("first_report") { sdk.evaluate(snapshot, GuideLocale.JA) }
    check(report.findings.isNotEmpty())
    val screen = phase("help_screen") {
        ReadinessSession(sdk, Platform.ANDROID).use { it.screen(snapshot, GuideLocale.JA) }
    }
    check(screen.toString().isNotEmpty())
    sdk.close()
}

private inline fun <T> phase(name: String, body: () -> T): T {
    val started = System.nanoTime()
    val result = body()
    println("COLD $name ${System.nanoTime() - started}")
    return result
}
