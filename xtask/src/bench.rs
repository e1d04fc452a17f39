//! `cargo xtask bench`: every measurement of docs/PERFORMANCE.md, then the document itself.
//!
//! Each step leaves its raw results under `<target>/bench/` (and criterion's under
//! `<target>/criterion/`); the `report` binary of `benchmarks/` reads them all and writes
//! docs/PERFORMANCE.md, so that no figure in it is typed by hand. A step that cannot run
//! (no JVM, no Swift toolchain, no network for the npm registry) is recorded as such in
//! `<target>/bench/status.tsv`, the document says what was not measured and why, and the
//! command exits non-zero after writing it.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use crate::steps::{self, target_dir};
use crate::{output, run};

mod callgrind;
mod candidates;
mod cold_start;
mod web;

/// The uap-core release whose `regexes.yaml` the general parser is measured with (the
/// newest on the npm registry when this was written).
const UAP_CORE_VERSION: &str = "0.18.0";
/// Fresh processes per first-use measurement, and runs per peak-RSS measurement.
const FIRST_USE_RUNS: usize = 31;
const RSS_RUNS: usize = 5;
/// criterion's benchmark groups (benchmarks/benches/*.rs); their old results are removed
/// first so that a benchmark that no longer runs cannot leave a stale figure behind.
const CRITERION_GROUPS: [&str; 5] = [
    "evaluate",
    "sdk_evaluate",
    "content",
    "diagnose",
    "user_agent_corpus",
];

/// What the steps leave in `<target>/bench/` for the report (the npm download, the empty
/// library's build and the generated bindings are kept: they are inputs, not figures).
const RESULT_FILES: [&str; 19] = [
    "status.tsv",
    "load.txt",
    "source.txt",
    "size",
    "kotlin.txt",
    "kotlin-profile.txt",
    "swift.txt",
    "ua_paired.txt",
    "first_use.txt",
    "rss.txt",
    "kotlin_cold.txt",
    "diagnose_ir.txt",
    "diagnose_profile.txt",
    "callgrind",
    "web_size.txt",
    "opt_z.txt",
    "web_ua.txt",
    "web_first.txt",
    "opt-z-stripped.so",
];

struct BenchStep {
    /// The key the report looks up in status.tsv.
    key: &'static str,
    /// Steps whose output this one measures: when one of them failed, this one is skipped
    /// rather than measuring what an earlier run left.
    requires: &'static [&'static str],
    name: &'static str,
    run: fn(&Path) -> Result<(), String>,
}

const PLAN: &[BenchStep] = &[
    BenchStep {
        key: "release",
        requires: &[],
        name: "release builds: native library and CLI (workspace release profile)",
        run: release_builds,
    },
    // Kotlin and Swift first, right after the library they load is built, from bindings
    // generated from that very library.
    BenchStep {
        key: "bindings",
        requires: &["release"],
        name: "Kotlin and Swift bindings generated from the release library",
        run: bindings,
    },
    BenchStep {
        key: "kotlin",
        requires: &["release", "bindings"],
        name: "Kotlin/JNA evaluate on the JVM (benchmarks/kotlin)",
        run: kotlin,
    },
    BenchStep {
        key: "kotlin_cold",
        requires: &["release", "bindings", "kotlin"],
        name: "the SDK's first use in fresh JVMs, phase by phase (benchmarks/kotlin ColdStart.kt)",
        run: cold_start::kotlin,
    },
    BenchStep {
        key: "swift",
        requires: &["release", "bindings"],
        name: "Swift evaluate, release build (benchmarks/swift)",
        run: swift,
    },
    BenchStep {
        key: "empty",
        requires: &[],
        name: "release build of the empty UniFFI library (benchmarks/empty-uniffi)",
        run: empty_uniffi,
    },
    BenchStep {
        key: "strip",
        requires: &["release", "empty"],
        name: "stripped copies of both libraries",
        run: strip_libraries,
    },
    BenchStep {
        key: "npm",
        requires: &[],
        name: "uap-core regexes.yaml from the npm registry",
        run: uap_core,
    },
    BenchStep {
        key: "criterion",
        requires: &[],
        name: "cargo bench -p passkey-ready-benchmarks (criterion)",
        run: criterion,
    },
    BenchStep {
        key: "ua_paired",
        requires: &["release"],
        name: "user-agent parsers in alternating rounds (paired speed ratios)",
        run: ua_paired,
    },
    BenchStep {
        key: "first_use",
        requires: &["release"],
        name: "first use of the content in fresh processes",
        run: first_use,
    },
    BenchStep {
        key: "diagnose_ir",
        requires: &["release"],
        name: "diagnosis of the seed's messages under callgrind (instruction counts)",
        run: callgrind::diagnose,
    },
    BenchStep {
        key: "opt_z",
        requires: &[],
        name: "size candidate: the library with opt-level \"z\" (size, and diagnosis under callgrind)",
        run: candidates::opt_z,
    },
    BenchStep {
        key: "web_size",
        requires: &[],
        name: "the web package's wasm and JS, gzipped (cargo xtask web)",
        run: web::size,
    },
    BenchStep {
        key: "web_node",
        requires: &["web_size"],
        name: "user-agent classification in Node: the web package, inapp-spy, ua-parser-js (benchmarks/web)",
        run: web::node_side_by_side,
    },
    BenchStep {
        key: "web_chromium",
        requires: &["web_size"],
        name: "the web package's first evaluate in Chromium after page load (benchmarks/web)",
        run: web::chromium_first_evaluate,
    },
    BenchStep {
        key: "rss",
        requires: &["release"],
        name: "peak RSS of passkey-ready check (/usr/bin/time -v)",
        run: peak_rss,
    },
];

pub fn run_all(root: &Path) -> ExitCode {
    let dir = bench_dir(root);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("==> xtask: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    // A step that fails must not leave the previous run's figures for the report to show.
    for stale in RESULT_FILES {
        let path = dir.join(stale);
        let removed = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        if let Err(e) = removed.or_else(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Ok(()),
            _ => Err(e),
        }) {
            eprintln!("==> xtask: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    // What is measured: the commit and the uncommitted changes of the measured crates, and
    // when (the report is written later, and the tree may have moved on by then).
    let git = |args: &[&str]| output(root, "git", args, &[]).unwrap_or_default();
    let mut source = format!("commit {}\n", git(&["rev-parse", "--short", "HEAD"]).trim());
    for line in git(&["status", "--porcelain", "--", "core", "bindings", "cli"]).lines() {
        if let Some((_, path)) = line.trim_start().split_once(' ') {
            source.push_str(&format!("changed {}\n", path.trim()));
        }
    }
    let started = output(root, "date", &["-u", "+%Y-%m-%d %H:%M UTC"], &[]).unwrap_or_default();
    source.push_str(&format!("started {}\n", started.trim()));
    if let Err(e) = std::fs::write(dir.join("source.txt"), &source) {
        eprintln!("==> xtask: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let mut status = String::new();
    let mut load = String::new();
    let mut failed = Vec::new();
    for step in PLAN {
        let started = Instant::now();
        eprintln!("\n==> xtask: bench: {}", step.name);
        // Other work on the machine skews timings: the report shows the load each step saw.
        load.push_str(&format!("{} start {}\n", step.key, load_average()));
        let result = match step.requires.iter().find(|r| failed.contains(*r)) {
            Some(required) => Err(format!("skipped: step `{required}` failed")),
            None => (step.run)(root),
        };
        load.push_str(&format!("{} end {}\n", step.key, load_average()));
        match result {
            Ok(()) => {
                eprintln!(
                    "==> xtask: bench: {} done in {:.1}s",
                    step.name,
                    started.elapsed().as_secs_f64()
                );
                status.push_str(&format!("{}\tok\n", step.key));
            }
            Err(message) => {
                eprintln!("==> xtask: bench: {} FAILED: {message}", step.name);
                let line = message.replace(['\t', '\n'], " ");
                status.push_str(&format!("{}\tfailed\t{line}\n", step.key));
                failed.push(step.key);
            }
        }
        // Written after every step, so that an interrupted run still says what it did.
        let written = std::fs::write(dir.join("status.tsv"), &status)
            .and_then(|()| std::fs::write(dir.join("load.txt"), &load));
        if let Err(e) = written {
            eprintln!("==> xtask: {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }

    eprintln!("\n==> xtask: bench: writing docs/PERFORMANCE.md");
    let report = target_dir(root).join("release").join(exe("report"));
    if let Err(message) = run(root, &report.to_string_lossy(), &[], &[]) {
        eprintln!("==> xtask: bench: report FAILED: {message}");
        return ExitCode::FAILURE;
    }
    if failed.is_empty() {
        eprintln!("==> xtask: bench: docs/PERFORMANCE.md written");
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "==> xtask: bench: docs/PERFORMANCE.md written, without what these steps measure: {}",
            failed.join(", ")
        );
        ExitCode::FAILURE
    }
}

/// The 1, 5 and 15 minute load averages (Linux), or `-` where the system does not tell.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "-".to_owned())
}

fn release_dir(root: &Path) -> PathBuf {
    target_dir(root).join("release")
}

fn bench_dir(root: &Path) -> PathBuf {
    target_dir(root).join("bench")
}

fn exe(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}

fn dylib(stem: &str) -> String {
    format!(
        "{}{stem}{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    )
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

// --- Builds and size -------------------------------------------------------------------------

fn release_builds(root: &Path) -> Result<(), String> {
    // The library as the release checks build what ships: a cdylib alone. Built with the
    // crate's other types (staticlib, rlib), as `cargo build` does, the same library came out
    // 23 % larger (1,452,936 against 1,178,360 bytes stripped), and that was what the size
    // target measured before.
    crate::release_build::ffi_library(root, "cdylib", None, &[], &[])?;
    run(
        root,
        "cargo",
        &["build", "--release", "-p", "passkey-ready-cli"],
        &[],
    )?;
    // The first-use probe and the report generator.
    run(
        root,
        "cargo",
        &[
            "build",
            "--release",
            "-p",
            "passkey-ready-benchmarks",
            "--bins",
        ],
        &[],
    )
}

fn empty_target(root: &Path) -> PathBuf {
    bench_dir(root).join("empty-uniffi")
}

fn empty_uniffi(root: &Path) -> Result<(), String> {
    let target = empty_target(root);
    run(
        root,
        "cargo",
        &[
            "build",
            "--release",
            "--locked",
            "--manifest-path",
            "benchmarks/empty-uniffi/Cargo.toml",
            "--target-dir",
            &target.to_string_lossy(),
        ],
        &[],
    )
}

fn strip_libraries(root: &Path) -> Result<(), String> {
    let out = bench_dir(root).join("size");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let libraries = [
        target_dir(root)
            .join("release")
            .join(dylib("passkey_ready_ffi")),
        empty_target(root)
            .join("release")
            .join(dylib("empty_uniffi")),
    ];
    for library in libraries {
        let name = library
            .file_name()
            .ok_or_else(|| format!("{}: no file name", library.display()))?;
        let stripped = out.join(name);
        std::fs::copy(&library, &stripped)
            .map_err(|e| format!("{} → {}: {e}", library.display(), stripped.display()))?;
        run(
            root,
            "strip",
            &["--strip-all", &stripped.to_string_lossy()],
            &[],
        )?;
    }
    Ok(())
}

/// `npm pack` of the pinned uap-core release (the ordinary npm client; the registry checks
/// the tarball's integrity), unpacked under target/bench/npm/package/.
fn uap_core(root: &Path) -> Result<(), String> {
    let dir = bench_dir(root).join("npm");
    let package = dir.join("package");
    let version_file = package.join("package.json");
    if std::fs::read_to_string(&version_file)
        .is_ok_and(|json| json.contains(&format!("\"version\": \"{UAP_CORE_VERSION}\"")))
        && package.join("regexes.yaml").is_file()
    {
        eprintln!(
            "uap-core {UAP_CORE_VERSION} already unpacked in {}",
            package.display()
        );
        return Ok(());
    }
    if package.exists() {
        std::fs::remove_dir_all(&package).map_err(|e| format!("{}: {e}", package.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let spec = format!("uap-core@{UAP_CORE_VERSION}");
    let listing = output(
        &dir,
        "npm",
        &["pack", &spec, "--json", "--pack-destination", "."],
        &[],
    )?;
    write(&dir.join("pack.json"), &listing)?;
    let tarball = format!("uap-core-{UAP_CORE_VERSION}.tgz");
    run(&dir, "tar", &["xzf", &tarball], &[])
}

// --- Rust measurements -----------------------------------------------------------------------

fn criterion(root: &Path) -> Result<(), String> {
    for group in CRITERION_GROUPS {
        let old = target_dir(root).join("criterion").join(group);
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(|e| format!("{}: {e}", old.display()))?;
        }
    }
    run(
        root,
        "cargo",
        &["bench", "-p", "passkey-ready-benchmarks"],
        &[],
    )
}

fn ua_paired(root: &Path) -> Result<(), String> {
    let probe = target_dir(root).join("release").join(exe("ua-paired"));
    let ratios = output(root, &probe.to_string_lossy(), &[], &[])?;
    write(&bench_dir(root).join("ua_paired.txt"), &ratios)
}

fn first_use(root: &Path) -> Result<(), String> {
    let probe = target_dir(root).join("release").join(exe("first-use"));
    let probe = probe.to_string_lossy();
    let snapshot = root.join("examples/android-ready.json");
    let snapshot = snapshot.to_string_lossy();
    let mut lines = String::new();
    for (mode, args) in [
        ("bundle", vec!["bundle"]),
        ("sdk", vec!["sdk", snapshot.as_ref()]),
    ] {
        for _ in 0..FIRST_USE_RUNS {
            let ns = output(root, &probe, &args, &[])?;
            lines.push_str(&format!("{mode} {}\n", ns.trim()));
        }
    }
    write(&bench_dir(root).join("first_use.txt"), &lines)
}

fn peak_rss(root: &Path) -> Result<(), String> {
    let time = Path::new("/usr/bin/time");
    if !time.is_file() {
        return Err("/usr/bin/time is missing (Debian: apt-get install time)".to_owned());
    }
    let release = target_dir(root).join("release");
    let cli = release
        .join(exe("passkey-ready"))
        .to_string_lossy()
        .into_owned();
    let probe = release
        .join(exe("first-use"))
        .to_string_lossy()
        .into_owned();
    let snapshot = root
        .join("examples/android-ready.json")
        .to_string_lossy()
        .into_owned();
    let cases: [(&str, Vec<&str>); 3] = [
        ("check", vec![&cli, "check", "--snapshot", &snapshot]),
        ("noop", vec![&probe, "noop"]),
        ("sdk", vec![&probe, "sdk", &snapshot]),
    ];
    let mut lines = String::new();
    for (label, command) in &cases {
        for _ in 0..RSS_RUNS {
            let mut args = vec!["-v"];
            args.extend(command.iter().copied());
            let out = Command::new(time)
                .args(&args)
                .current_dir(root)
                .stdout(Stdio::null())
                .output()
                .map_err(|e| format!("cannot start /usr/bin/time: {e}"))?;
            if !out.status.success() {
                return Err(format!(
                    "/usr/bin/time {} exited with {}",
                    args.join(" "),
                    out.status
                ));
            }
            let stderr = String::from_utf8_lossy(&out.stderr);
            let kbytes = stderr
                .lines()
                .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
                .map(str::trim)
                .ok_or_else(|| format!("no maximum resident set size in: {stderr}"))?;
            lines.push_str(&format!("{label} {kbytes}\n"));
        }
    }
    write(&bench_dir(root).join("rss.txt"), &lines)
}

// --- Kotlin and Swift ------------------------------------------------------------------------

/// Bindings generated from the release library itself (it keeps UniFFI's metadata: only
/// stripping removes it), so that they match it whatever features the host test library is
/// built with. `uniffi-bindgen` comes from the project's own native-library step.
fn bindings(root: &Path) -> Result<(), String> {
    eprintln!("--> {}", steps::NATIVE_LIBRARY.name);
    (steps::NATIVE_LIBRARY.run)(root)?;
    let library = target_dir(root)
        .join("release")
        .join(dylib("passkey_ready_ffi"));
    for language in ["kotlin", "swift"] {
        let out = bindings_dir(root).join(language);
        steps::generate_bindings(root, &library, language, &out)?;
    }
    // The Swift package's two generated targets, as ios/ has them (git-ignored there too).
    let swift = bindings_dir(root).join("swift");
    let package = root.join("benchmarks/swift/Sources");
    for (from, to) in [
        (
            "PasskeyReadyFFI.swift",
            "PasskeyReadyFFI/PasskeyReadyFFI.swift",
        ),
        (
            "PasskeyReadyFFIC.h",
            "PasskeyReadyFFIC/include/PasskeyReadyFFIC.h",
        ),
        (
            "PasskeyReadyFFIC.modulemap",
            "PasskeyReadyFFIC/include/module.modulemap",
        ),
    ] {
        let to = package.join(to);
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::copy(swift.join(from), &to)
            .map_err(|e| format!("{from} → {}: {e}", to.display()))?;
    }
    Ok(())
}

fn bindings_dir(root: &Path) -> PathBuf {
    bench_dir(root).join("bindings")
}

/// Where the measured library is: the release build, as shipped.
fn release_lib_dir(root: &Path) -> String {
    target_dir(root).join("release").display().to_string()
}

fn kotlin(root: &Path) -> Result<(), String> {
    let project = root.join("benchmarks/kotlin");
    let generated = format!(
        "-Duniffi.generated={}",
        bindings_dir(root).join("kotlin").display()
    );
    run(
        &project,
        "mvn",
        &[
            "--batch-mode",
            "--no-transfer-progress",
            "-q",
            "-Dstyle.color=never",
            &generated,
            "clean",
            "package",
        ],
        &[],
    )?;
    let classpath = kotlin_classpath(root);
    let examples = root.join("examples").display().to_string();
    let java_version = Command::new("java")
        .arg("-version")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .unwrap_or_default();
    let results = output(
        &project,
        "java",
        &[
            &format!("-Djna.library.path={}", release_lib_dir(root)),
            "-cp",
            &classpath,
            "com.passkeyready.bench.EvaluateBenchKt",
            &examples,
            "15",
            "100",
            "3000",
        ],
        &[],
    )?;
    write(
        &bench_dir(root).join("kotlin.txt"),
        &format!("# java -version: {java_version}\n{results}"),
    )?;
    // Where the JVM's time goes: back-to-back evaluates under Java Flight Recorder, the
    // samples' stacks kept as text for the report to attribute.
    let recording = bench_dir(root).join("kotlin.jfr");
    let recording = recording.to_string_lossy();
    output(
        &project,
        "java",
        &[
            &format!("-XX:StartFlightRecording=filename={recording},settings=profile"),
            &format!("-Djna.library.path={}", release_lib_dir(root)),
            "-cp",
            &classpath,
            "com.passkeyready.bench.EvaluateBenchKt",
            &examples,
            "profile",
            "8000",
        ],
        &[],
    )?;
    let samples = output(
        &project,
        "jfr",
        &["print", "--events", "jdk.ExecutionSample", &recording],
        &[],
    )?;
    write(&bench_dir(root).join("kotlin-profile.txt"), &samples)
}

/// benchmarks/kotlin's classes and their dependencies, as `mvn package` leaves them.
fn kotlin_classpath(root: &Path) -> String {
    let project = root.join("benchmarks/kotlin");
    let separator = if cfg!(windows) { ";" } else { ":" };
    format!(
        "{}{separator}{}",
        project.join("target/classes").display(),
        project.join("target/lib/*").display()
    )
}

fn swift(root: &Path) -> Result<(), String> {
    let lib_dir = release_lib_dir(root);
    let env = [
        ("LD_LIBRARY_PATH", lib_dir.clone()),
        ("PASSKEY_READY_LIB_DIR", lib_dir.clone()),
        ("PASSKEY_READY_SWIFT_BIND", lib_dir),
        (
            "PASSKEY_READY_SWIFT_ENV",
            "PASSKEY_READY_LIB_DIR".to_owned(),
        ),
    ];
    let version = output(root, "bash", &["ios/scripts/swift.sh", "--version"], &env)?;
    run(
        root,
        "bash",
        &[
            "ios/scripts/swift.sh",
            "build",
            "-c",
            "release",
            "--package-path",
            "benchmarks/swift",
        ],
        &env,
    )?;
    let examples = root.join("examples").display().to_string();
    let results = output(
        root,
        "bash",
        &[
            "ios/scripts/swift.sh",
            "run",
            "-c",
            "release",
            "--skip-build",
            "--package-path",
            "benchmarks/swift",
            "EvaluateBench",
            &examples,
            "15",
            "100",
            "2000",
        ],
        &env,
    )?;
    let version = version.lines().next().unwrap_or_default();
    write(
        &bench_dir(root).join("swift.txt"),
        &format!("# swift --version: {version}\n{results}"),
    )
}
