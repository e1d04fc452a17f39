package com.passkeyready.r8check

import kotlin.system.exitProcess

/**
 * The app R8 shrinks together with the SDK. On the JVM (`cargo xtask android-release`) it runs
 * [jvmChecks] against the shrunk classes and the host library; [onDevice] holds the entry points
 * that need an Android Context or Activity: never run here, but reachable, so R8 keeps and
 * rewrites them exactly as in an app.
 *
 * A new public entry point of the SDK gets a call here: in a check when it runs on the JVM,
 * in [onDevice] when it needs the framework.
 */
fun main(args: Array<String>) {
    if (args.firstOrNull() == "--device") {
        // Unreachable on the JVM (no Context); present so that R8 sees the device entry points.
        onDevice(null, null)
        return
    }
    var failed = 0
    for ((name, check) in jvmChecks()) {
        try {
            check()
            println("PASS $name")
        } catch (e: Throwable) {
            failed++
            println("FAIL $name: $e")
            e.printStackTrace(System.out)
        }
    }
    val passed = jvmChecks().size - failed
    println("$passed passed, $failed failed")
    if (failed > 0) exitProcess(1)
}

internal fun expect(condition: Boolean, what: () -> String) {
    if (!condition) throw AssertionError(what())
}

internal inline fun <reified E : Throwable> expectThrows(block: () -> Unit): E {
    try {
        block()
    } catch (e: Throwable) {
        if (e is E) return e
        throw AssertionError("expected ${E::class.java.simpleName}, got $e", e)
    }
    throw AssertionError("expected ${E::class.java.simpleName}, nothing was thrown")
}
