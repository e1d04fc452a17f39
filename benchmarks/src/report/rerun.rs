//! How to rerun, and each step's status in this run.

use super::*;

impl Report {
    /// The command, its steps, and their status.
    pub(super) fn rerun_section(&self, d: &mut String) {
        // ---- Rerun.
        d.push_str("## How to rerun\n\n");
        d.push_str(
            "```sh\ncargo xtask bench\n```\n\nIt needs what `cargo xtask test` needs (Rust, \
         Maven and a JDK, Swift or root for the Swift chroot), plus `npm` (uap-core's \
         regexes from the npm registry), binutils (`strip`, `size`, `nm`), GNU time \
         (`apt-get install time`), Node, and Debian's valgrind and Chromium. It takes about 25 minutes on 2 cores, most of it release \
         builds; a step that cannot run is reported here as not measured, and the command \
         then exits non-zero. Its steps, each also runnable alone:\n\n",
        );
        d.push_str(
            "1. `cargo rustc -p passkey-ready-ffi --lib --crate-type cdylib --release` (the \
         library alone, as the release checks build what ships), `cargo build --release -p \
         passkey-ready-cli` and \
         `cargo build --release -p passkey-ready-benchmarks --bins`\n\
         2. the native-library step of `cargo xtask bindings` (for `uniffi-bindgen`), then \
         `uniffi-bindgen generate --library target/release/libpasskey_ready_ffi.so \
         --language kotlin|swift --config bindings/uniffi.toml --out-dir \
         target/bench/bindings/<language>`; the Swift files are copied into \
         benchmarks/swift/Sources\n\
         3. `mvn -q -Duniffi.generated=target/bench/bindings/kotlin clean package` in \
         benchmarks/kotlin, then `java -Djna.library.path=target/release -cp \
         'benchmarks/kotlin/target/classes:benchmarks/kotlin/target/lib/*' \
         com.passkeyready.bench.EvaluateBenchKt examples 15 100 3000`, and once more with \
         `-XX:StartFlightRecording` and `… examples profile 8000` for the profile (`jfr print \
         --events jdk.ExecutionSample`)\n\
         4. `PASSKEY_READY_LIB_DIR=target/release LD_LIBRARY_PATH=target/release \
         ios/scripts/swift.sh build -c release --package-path benchmarks/swift`, then \
         `… run -c release --skip-build --package-path benchmarks/swift EvaluateBench \
         examples 15 100 2000` (xtask passes absolute paths and the chroot's variables, as \
         for `swift test`)\n\
         5. `cargo build --release --locked --manifest-path benchmarks/empty-uniffi/Cargo.toml \
         --target-dir target/bench/empty-uniffi`\n\
         6. `strip --strip-all` on copies of both libraries in `target/bench/size/`\n\
         7. `npm pack uap-core@<version> --pack-destination target/bench/npm` and `tar xzf` \
         (the version is pinned in xtask/src/bench.rs)\n\
         8. `cargo bench -p passkey-ready-benchmarks` (criterion; results in \
         `target/criterion/`)\n\
         9. `target/release/ua-paired` (the paired speed ratios of the user-agent parsers)\n\
         10. `target/release/first-use bundle` and `first-use sdk examples/android-ready.json`, \
         31 fresh processes each\n\
         11. `/usr/bin/time -v target/release/passkey-ready check --snapshot \
         examples/android-ready.json` (and the `first-use` baselines), 5 runs each\n\
         12. `java -cp … com.passkeyready.bench.ColdStartKt examples` in 15 fresh JVMs (the \
             SDK's first use, phase by phase)\n\
             13. `valgrind --tool=callgrind target/release/diagnose-cost none|0|20` (Debian's \
             valgrind, installed when missing) and `callgrind_annotate`\n\
             14. `CARGO_PROFILE_RELEASE_OPT_LEVEL=z cargo rustc -p passkey-ready-ffi --lib --crate-type cdylib --release` \
             (and `diagnose-cost`) into `target/bench/opt-z`, stripped and counted the same way\n\
             15. `cargo xtask web`, then `gzip -9` of web/dist's `.wasm` and `.js`; `npm ci` in \
             benchmarks/web, `node ua.mjs <root> web/dist/wasm` and `node first-evaluate.mjs \
             web/dist/wasm 11` (Debian's /usr/bin/chromium)\n\
             16. `target/release/report`: reads `target/bench/` and `target/criterion/`, \
             writes this file (it also reruns the parsers on the vectors for the accuracy \
             tables)\n\n",
        );
        d.push_str(
        "Step status of this run (`target/bench/status.tsv`):\n\n| step | result |\n|---|---|\n",
    );
        for (key, result) in &self.status {
            d.push_str(&format!(
                "| `{key}` | {} |\n",
                match result {
                    Ok(()) => "ok".to_owned(),
                    Err(e) => format!("failed: {}", cell(e)),
                }
            ));
        }
    }
}
