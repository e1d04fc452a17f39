// One evaluate through the UniFFI Kotlin bindings (JNA) on the host JVM: a warmed-up,
// measured loop per example snapshot, the same call the SDK's check() makes.
//
// Output, one line per measurement (read by `cargo xtask bench`):
//   RESULT <id> <median ns per call> <fastest ns> <slowest ns> <calls per round>
// Ids:
// - kotlin_evaluate/<example>: back-to-back calls, rounds of about [round ms]; the median
//   round's time per call.
// - kotlin_single/<example>: one call at a time after a 2 ms pause, as an app calls it (the
//   JNA allocations of the previous call have been cleaned up); the median call.
// - kotlin_call/check_id_string: the smallest call that crosses the bindings (one enum in,
//   one short string out): the fixed cost of a call.
//
// Arguments: <examples dir> [rounds] [round ms] [warm-up ms]
//        or: <examples dir> profile <ms>   (back-to-back evaluates only, for a profiler)
package com.passkeyready.bench

import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.DeviceSnapshot
import com.passkeyready.ffi.GuideLocale
import com.passkeyready.ffi.PasskeyReady
import com.passkeyready.ffi.checkIdString
import com.passkeyready.ffi.snapshotFromJson
import java.io.File

/** Written by every call so that the JIT cannot drop one. */
@Volatile
var sink: Int = 0

fun main(args: Array<String>) {
    val examplesDir = File(args.getOrElse(0) { "examples" })
    val profileMs = if (args.getOrNull(1) == "profile") args.getOrElse(2) { "5000" }.toLong() else null
    val rounds = if (profileMs == null) args.getOrElse(1) { "15" }.toInt() else 0
    val roundMs = args.getOrElse(2) { "100" }.toLong()
    val warmUpMs = args.getOrElse(3) { "3000" }.toLong()

    val examples = (examplesDir.listFiles() ?: emptyArray())
        .filter { it.name.endsWith(".json") }
        .sortedBy { it.name }
        .map { it.name.removeSuffix(".json") to snapshotFromJson(it.readText()) }
    require(examples.isNotEmpty()) { "no example snapshots in $examplesDir" }

    println("# JVM ${System.getProperty("java.vm.name")} ${System.getProperty("java.runtime.version")}")
    PasskeyReady(null).use { sdk ->
        val evaluate = { snapshot: DeviceSnapshot -> { sink += sdk.evaluate(snapshot, GuideLocale.JA).findings.size } }
        val call = { sink += checkIdString(CheckId.SCREEN_LOCK).length }

        if (profileMs != null) {
            val end = System.nanoTime() + profileMs * 1_000_000
            while (System.nanoTime() < end) examples.forEach { (_, snapshot) -> evaluate(snapshot)() }
            return
        }
        // Warm-up: every call site, until the JIT has compiled the bindings' hot paths.
        val warmUpEnd = System.nanoTime() + warmUpMs * 1_000_000
        while (System.nanoTime() < warmUpEnd) {
            examples.forEach { (_, snapshot) -> evaluate(snapshot)() }
            repeat(20) { call() }
        }

        measure("kotlin_call/check_id_string", rounds, roundMs, call)
        for ((name, snapshot) in examples) {
            measure("kotlin_evaluate/$name", rounds, roundMs, evaluate(snapshot))
        }
        for ((name, snapshot) in examples) {
            single("kotlin_single/$name", 101, evaluate(snapshot))
        }
    }
}

/** Times [samples] single calls of [body], each after a 2 ms pause; prints the median. */
fun single(id: String, samples: Int, body: () -> Unit) {
    settle()
    val times = DoubleArray(samples) {
        Thread.sleep(2)
        val started = System.nanoTime()
        body()
        (System.nanoTime() - started).toDouble()
    }
    times.sort()
    report(id, times, 1)
}

fun report(id: String, sorted: DoubleArray, calls: Long) {
    val n = sorted.size
    val median = if (n % 2 == 1) sorted[n / 2] else (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    val ns = { v: Double -> String.format(java.util.Locale.ROOT, "%.1f", v) }
    println("RESULT $id ${ns(median)} ${ns(sorted.first())} ${ns(sorted.last())} $calls")
}

/**
 * Every measurement starts from the same heap: JNA frees a call's native buffers only after
 * the garbage collector has found their Java objects, and until then tracks each one in a
 * global map, whose size would otherwise carry over from one measurement to the next.
 */
fun settle() {
    System.gc()
    Thread.sleep(200)
}

/** Runs [body] in [rounds] rounds of about [roundMs] each; prints the per-call median. */
fun measure(id: String, rounds: Int, roundMs: Long, body: () -> Unit) {
    settle()
    // Calibrate: how many calls fill one round.
    var calls = 1L
    while (true) {
        val started = System.nanoTime()
        for (i in 0 until calls) body()
        val elapsed = System.nanoTime() - started
        if (elapsed >= roundMs * 1_000_000 / 4) {
            calls = maxOf(1L, calls * roundMs * 1_000_000 / maxOf(1L, elapsed))
            break
        }
        calls *= 2
    }
    val perCall = DoubleArray(rounds) {
        val started = System.nanoTime()
        for (i in 0 until calls) body()
        (System.nanoTime() - started).toDouble() / calls
    }
    perCall.sort()
    report(id, perCall, calls)
}
