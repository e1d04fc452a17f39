//! Through the bindings: one evaluate through Kotlin/JNA and through Swift.

use super::*;

pub(super) const KOTLIN_TARGET_NS: f64 = 50_000.0;
pub(super) const SWIFT_TARGET_NS: f64 = 20_000.0;

impl Report {
    /// The Kotlin and Swift targets: rows of the targets table.
    pub(super) fn ffi_targets(&self, ctx: &Ctx, d: &mut String) {
        let crit = |id: &str| self.median_of(id);
        let kotlin_of = |id: &str| self.kotlin_of(id);
        let swift_of = |id: &str| self.swift_of(id);
        let with_service = ctx.with_service;
        let kotlin_worst = ctx.kotlin_worst;
        let kotlin_worst_name = ctx.kotlin_worst_name.clone();
        let swift_worst = ctx.swift_worst;
        let swift_worst_name = ctx.swift_worst_name.clone();
        let kotlin_call = ctx.kotlin_call;
        let swift_call = ctx.swift_call;
        let examples = examples();
        // Kotlin and Swift
        let single_of = |lang: &str, name: &str| match lang {
            "kotlin" => kotlin_of(&format!("kotlin_single/{name}")),
            _ => swift_of(&format!("swift_single/{name}")),
        };
        let kotlin_extra = self.kotlin_profile.as_ref().map_or(String::new(), |p| {
            let shares: Vec<String> = p
                .shares
                .iter()
                .map(|(label, n)| {
                    format!("{:.0} % in {label}", *n as f64 * 100.0 / p.samples as f64)
                })
                .collect();
            format!(
                " Java Flight Recorder on back-to-back evaluates ({} samples of Java code; the \
             Rust library is not sampled): {}.",
                p.samples,
                shares.join(", ")
            )
        });
        let typical = |prefix: &str, of: &dyn Fn(&str) -> f64| {
            let v: Vec<f64> = examples
                .iter()
                .map(|e| of(&format!("{prefix}{}", e.name)))
                .filter(|x| !x.is_nan())
                .collect();
            median(&v)
        };
        d.push_str(&self.foreign_target(
            "Kotlin/JNA",
            KOTLIN_TARGET_NS,
            typical("kotlin_evaluate/", &kotlin_of),
            (kotlin_worst, &kotlin_worst_name),
            single_of("kotlin", &kotlin_worst_name),
            kotlin_call,
            crit(&format!("sdk_evaluate/{kotlin_worst_name}")),
            with_service,
            &kotlin_extra,
            &["bindings", "kotlin"],
        ));
        d.push_str(&self.foreign_target(
            "Swift",
            SWIFT_TARGET_NS,
            typical("swift_evaluate/", &swift_of),
            (swift_worst, &swift_worst_name),
            single_of("swift", &swift_worst_name),
            swift_call,
            crit(&format!("sdk_evaluate/{swift_worst_name}")),
            with_service,
            "",
            &["bindings", "swift"],
        ));
        self.cold_start_target(d);
    }

    /// The Kotlin and Swift figures.
    pub(super) fn ffi_section(&self, ctx: &Ctx, d: &mut String) {
        let crit = |id: &str| self.median_of(id);
        let kotlin_of = |id: &str| self.kotlin_of(id);
        let swift_of = |id: &str| self.swift_of(id);
        let kotlin_call = ctx.kotlin_call;
        let swift_call = ctx.swift_call;
        let examples = examples();
        // ---- Kotlin and Swift.
        d.push_str("## Through the bindings: Kotlin/JNA and Swift\n\n");
        d.push_str(
            "One `evaluate(snapshot, GuideLocale.JA)` on an SDK instance made once, the call the \
         SDKs' `check()` makes, through UniFFI 0.32.2 bindings that `cargo xtask bench` \
         generates from the release library it loads (`target/release`, into \
         `target/bench/bindings/`), so that the bindings match the shipped library. Each program \
         warms up (Kotlin 3 s, so the JIT has compiled the bindings; Swift 2 s), then \
         measures 15 rounds of about 100 ms of back-to-back calls and reports the median \
         round's time per call; then 101 single calls, each after a 2 ms pause, as an \
         app makes them (one per screen), and reports the median call. The JVM collects \
         garbage (`System.gc()`) before each measurement, because JNA frees a call's \
         native buffers only once their Java objects are collected and tracks them until \
         then. \
         `check_id_string` is the smallest call that crosses (one enum in, one short \
         string out): the fixed cost of a call. Kotlin: benchmarks/kotlin \
         (`EvaluateBench.kt` and the generated Kotlin, compiled with JNA 5.18.1 as in \
         android/, run on the host JVM). Swift: benchmarks/swift (SwiftPM, `-c release`; \
         the generated Swift and C header laid out as in ios/).\n\n",
        );
        d.push_str(
            "| example | Rust, SDK entry point | Kotlin/JNA, back to back | Kotlin, single call \
         | Swift, back to back | Swift, single call |\n|---|---:|---:|---:|---:|---:|\n",
        );
        for e in &examples {
            d.push_str(&format!(
                "| `{}` | {} | {} | {} | {} | {} |\n",
                e.name,
                t(crit(&format!("sdk_evaluate/{}", e.name))),
                t(kotlin_of(&format!("kotlin_evaluate/{}", e.name))),
                t(kotlin_of(&format!("kotlin_single/{}", e.name))),
                t(swift_of(&format!("swift_evaluate/{}", e.name))),
                t(swift_of(&format!("swift_single/{}", e.name))),
            ));
        }
        d.push_str(&format!(
            "| `check_id_string` (the fixed cost of a call) | – | {} | – | {} | – |\n\n",
            t(kotlin_call),
            t(swift_call)
        ));
        if let Some(p) = &self.kotlin_profile {
            d.push_str(&format!(
                "Where the JVM's time goes in back-to-back evaluates (Java Flight Recorder, {} \
             execution samples of Java code, each counted once in the first category it \
             matches; time inside the Rust library is not sampled):\n\n| where | share \
             |\n|---|---:|\n",
                p.samples
            ));
            let mut counted = 0;
            for (label, n) in &p.shares {
                counted += n;
                d.push_str(&format!(
                    "| {label} | {:.0} % |\n",
                    *n as f64 * 100.0 / p.samples as f64
                ));
            }
            d.push_str(&format!(
                "| everything else (the benchmark loop, the JVM's own Java code) | {:.0} % |\n\n",
                (p.samples - counted) as f64 * 100.0 / p.samples as f64
            ));
        }
        if self.kotlin.is_none() {
            d.push_str(&format!(
                "Kotlin was not measured: {}.\n\n",
                self.why_not(&["bindings", "kotlin"])
            ));
        }
        if self.swift.is_none() {
            d.push_str(&format!(
                "Swift was not measured: {}.\n\n",
                self.why_not(&["bindings", "swift"])
            ));
        }
        self.cold_start_section(d);
    }

    #[allow(clippy::too_many_arguments)]
    fn foreign_target(
        &self,
        language: &str,
        target: f64,
        typical: f64,
        (worst, worst_name): (f64, &str),
        single: f64,
        call: f64,
        rust: f64,
        with_service: f64,
        extra: &str,
        steps: &[&str],
    ) -> String {
        if worst.is_nan() {
            return format!(
                "| one evaluate through {language} ≤ {} | – | {} | {} |\n",
                t(target),
                verdict(None),
                self.why_not(steps)
            );
        }
        let crossing = worst - rust;
        format!(
            "| one evaluate through {language} ≤ {} | slowest example `{worst_name}`: {} \
         back to back ({} of the target); median over the examples {}; {} for a single \
         call after a pause | {} | Of \
         the {}: {} is the Rust side (the same `PasskeyReady::evaluate` measured in Rust{}), \
         {} is crossing the bindings. The \
         smallest call (`check_id_string`) costs {} by itself; the rest is lowering the \
         snapshot and lifting the report, every text of every finding a new string.{extra} \
         |\n",
            t(target),
            t(worst),
            ratio(worst / target),
            t(typical),
            t(single),
            verdict(Some(
                worst <= target && (single.is_nan() || single <= target)
            )),
            t(worst),
            t(rust),
            if rust > with_service * 0.5 {
                format!(
                    "; it localizes the guide on every call, `with_service` alone is {}",
                    t(with_service)
                )
            } else {
                String::new()
            },
            t(crossing),
            t(call),
        )
    }

    /// The phases of the SDK's first use in a fresh JVM, in order, with what each is.
    const COLD_PHASES: [(&'static str, &'static str); 5] = [
        (
            "jna",
            "JNA's initialisation (its classes and native dispatch library)",
        ),
        (
            "library",
            "loading the core's library and registering its functions (the generated \
             bindings' `Native.register`, API checksum checks)",
        ),
        (
            "first_call",
            "the first call: `PasskeyReady(null)` (parses the embedded content)",
        ),
        (
            "first_report",
            "the first report: one `evaluate` (lowering and lifting for the first time)",
        ),
        (
            "help_screen",
            "the help screen's model: a `ReadinessSession` and its first `screen`",
        ),
    ];

    fn cold_median(&self, phase: &str) -> f64 {
        self.kotlin_cold.get(phase).map_or(f64::NAN, |v| median(v))
    }

    fn cold_start_target(&self, d: &mut String) {
        if self.kotlin_cold.is_empty() {
            d.push_str(&format!(
                "| first use of the SDK in a fresh JVM, phase by phase | – | {} | {} |\n",
                verdict(None),
                self.why_not(&["kotlin", "kotlin_cold"])
            ));
            return;
        }
        let phases: Vec<String> = Self::COLD_PHASES
            .iter()
            .map(|(key, _)| format!("{key} {}", t(self.cold_median(key))))
            .collect();
        let to_report: f64 = ["jna", "library", "first_call", "first_report"]
            .iter()
            .map(|k| self.cold_median(k))
            .sum();
        let help: f64 = ["jna", "library", "first_call", "help_screen"]
            .iter()
            .map(|k| self.cold_median(k))
            .sum();
        d.push_str(&format!(
            "| first use of the SDK in a fresh JVM, phase by phase (reported, no threshold; \
             peers report JNA initialisation of 60–600 ms on Android devices) | first report \
             {} after the first use of the SDK's classes: {} | **measured** | Medians of {} \
             fresh JVMs (benchmarks/kotlin `ColdStart.kt`, host JVM; a phone is slower). The \
             Android SDK loads nothing native until the first call that needs the core \
             (`PasskeyReadiness(context)` and `restoreAnswers` of nothing load nothing; \
             android/ `SdkUnavailableTest`), so a help screen pays on first open, off the main \
             thread: JNA + library + first call + its model = {}. See \
             [First use in a fresh JVM](#first-use-in-a-fresh-jvm). |\n",
            t(to_report),
            phases.join(", "),
            self.kotlin_cold.get("jna").map_or(0, Vec::len),
            t(help),
        ));
    }

    fn cold_start_section(&self, d: &mut String) {
        d.push_str("### First use in a fresh JVM\n\n");
        if self.kotlin_cold.is_empty() {
            d.push_str(&format!(
                "Not measured: {}.\n\n",
                self.why_not(&["kotlin", "kotlin_cold"])
            ));
            return;
        }
        d.push_str(
            "`java -cp … com.passkeyready.bench.ColdStartKt examples` (benchmarks/kotlin \
             `ColdStart.kt`), one JVM per run: each phase timed with `System.nanoTime` in the \
             order an app's first check goes through them. Each phase includes loading the \
             Kotlin classes it touches for the first time (the generated bindings are one large \
             file).\n\n| phase | median | range | runs |\n|---|---:|---|---:|\n",
        );
        for (key, label) in Self::COLD_PHASES {
            if let Some(v) = self.kotlin_cold.get(key) {
                d.push_str(&format!(
                    "| {label} | {} | {} – {} | {} |\n",
                    t(median(v)),
                    t(min(v)),
                    t(max(v)),
                    v.len()
                ));
            }
        }
        d.push('\n');
    }
}
