// One evaluate through the UniFFI Swift bindings, release build: a warmed-up, measured loop
// per example snapshot: the evaluation behind PasskeyReadiness.check() (which calls it through
// ReadinessSession.evaluate, after applying the customer's answers).
//
// Output, one line per measurement (read by `cargo xtask bench`):
//   RESULT <id> <median ns per call> <fastest ns> <slowest ns> <calls per round>
// Ids:
// - swift_evaluate/<example>: back-to-back calls, rounds of about [round ms]; the median
//   round's time per call.
// - swift_single/<example>: one call at a time after a 2 ms pause, as an app calls it; the
//   median call.
// - swift_call/check_id_string: the smallest call that crosses the bindings (one enum in, one
//   short string out): the fixed cost of a call.
//
// Arguments: <examples dir> [rounds] [round ms] [warm-up ms]

import Foundation
// The generated bindings (see Package.swift).
import PasskeyReadyFFI

/// Written by every call so that the optimizer cannot drop one.
nonisolated(unsafe) var sink = 0

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func measure(_ id: String, rounds: Int, roundMs: UInt64, _ body: () throws -> Void) rethrows {
    // Calibrate: how many calls fill one round.
    var calls: UInt64 = 1
    while true {
        let started = now()
        for _ in 0..<calls { try body() }
        let elapsed = now() - started
        if elapsed >= roundMs * 1_000_000 / 4 {
            calls = max(1, calls * roundMs * 1_000_000 / max(1, elapsed))
            break
        }
        calls *= 2
    }
    var perCall: [Double] = []
    for _ in 0..<rounds {
        let started = now()
        for _ in 0..<calls { try body() }
        perCall.append(Double(now() - started) / Double(calls))
    }
    report(id, perCall.sorted(), calls: calls)
}

/// Times `samples` single calls of `body`, each after a 2 ms pause; prints the median.
func single(_ id: String, samples: Int, _ body: () throws -> Void) rethrows {
    var times: [Double] = []
    for _ in 0..<samples {
        usleep(2000)
        let started = now()
        try body()
        times.append(Double(now() - started))
    }
    report(id, times.sorted(), calls: 1)
}

func report(_ id: String, _ sorted: [Double], calls: UInt64) {
    let n = sorted.count
    let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    let ns = { (v: Double) in String(format: "%.1f", v) }
    print("RESULT \(id) \(ns(median)) \(ns(sorted.first ?? 0)) \(ns(sorted.last ?? 0)) \(calls)")
}

let args = CommandLine.arguments
let examplesDir = args.count > 1 ? args[1] : "examples"
let rounds = args.count > 2 ? Int(args[2]) ?? 15 : 15
let roundMs = args.count > 3 ? UInt64(args[3]) ?? 100 : 100
let warmUpMs = args.count > 4 ? UInt64(args[4]) ?? 2000 : 2000

let names = try FileManager.default.contentsOfDirectory(atPath: examplesDir)
    .filter { $0.hasSuffix(".json") }
    .sorted()
let examples: [(String, DeviceSnapshot)] = try names.map { name in
    let json = try String(contentsOfFile: examplesDir + "/" + name, encoding: .utf8)
    return (String(name.dropLast(".json".count)), try snapshotFromJson(json: json))
}
guard !examples.isEmpty else {
    FileHandle.standardError.write("no example snapshots in \(examplesDir)\n".data(using: .utf8)!)
    exit(1)
}

let sdk = try PasskeyReady(service: nil)
let call = { sink &+= try checkIdString(check: .screenLock).utf8.count }
let warmUpEnd = now() + warmUpMs * 1_000_000
while now() < warmUpEnd {
    for (_, snapshot) in examples {
        sink &+= try sdk.evaluate(snapshot: snapshot, locale: .ja).findings.count
    }
    for _ in 0..<20 { try call() }
}
try measure("swift_call/check_id_string", rounds: rounds, roundMs: roundMs, call)
for (name, snapshot) in examples {
    try measure("swift_evaluate/\(name)", rounds: rounds, roundMs: roundMs) {
        sink &+= try sdk.evaluate(snapshot: snapshot, locale: .ja).findings.count
    }
}
for (name, snapshot) in examples {
    try single("swift_single/\(name)", samples: 101) {
        sink &+= try sdk.evaluate(snapshot: snapshot, locale: .ja).findings.count
    }
}
