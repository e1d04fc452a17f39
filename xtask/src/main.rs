//! `cargo xtask <command>`: every build and test step of the project, named, in one place.
//!
//! - `test`: everything a fresh machine needs, then every test of every language.
//! - `bindings`: build the native library (debug, unstripped, with the test-only
//!   `panic-probe` export) and generate Kotlin and Swift.
//! - `bindings-shipped`: the same without test-only exports, for the AAR and the xcframework.
//! - `kotlin`, `swift`: bindings, then that language's tests.
//! - `rust`: format, lints and tests of the Rust workspace.
//! - `fuzz-smoke`: each fuzz target for 20 s (needs a nightly toolchain; installs cargo-fuzz).
//! - `deny`: cargo deny on licences, bans and sources (installs cargo-deny).
//! - `android-release [--check]`: the Android AAR and its Maven repository, with every check
//!   (xtask/src/android_release.rs); `--check` is the part that needs no NDK, in `test`.
//! - `ios-release [--check] [--base-url URL]`: the iOS XCFramework, its zip and checksum, the
//!   release Package.swift, with every check (xtask/src/ios_release.rs); `--check` rebuilds only
//!   the device target for the reproducibility check; last in `test`.
//! - `html-check [--update-docs]`: the CLI's HTML pages in Debian's Chromium (installed when
//!   missing): axe-core, phone and desktop, light and dark, screenshots
//!   (xtask/src/html_check.rs); `--update-docs` copies them into docs/images/.
//! - `web`: the npm package `passkey-ready`: wasm build, TypeScript, Node tests, `npm pack`
//!   (xtask/src/web/).
//! - `bench`: every benchmark (Rust, Kotlin/JNA, Swift, size, memory), then writes
//!   docs/PERFORMANCE.md from the figures. Not part of `test`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

mod android_release;
mod bench;
mod files;
mod html_check;
mod ios_release;
mod release_build;
mod reproducible_zip;
mod size_budget;
mod steps;
mod version;
mod web;

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let root = workspace_root();
    let plan: &[steps::Step] = match task.as_str() {
        "test" => &[
            steps::RUST_FORMAT,
            steps::RUST_LINT,
            steps::RUST_TEST,
            html_check::CHECK,
            web::CHECK,
            steps::FUZZ_SMOKE,
            steps::DENY,
            steps::NATIVE_LIBRARY,
            steps::KOTLIN_BINDINGS,
            steps::SWIFT_BINDINGS,
            steps::KOTLIN_TEST,
            steps::SWIFT_TEST,
            steps::SWIFT_VIEW_CHECK,
        ],
        "rust" => &[steps::RUST_FORMAT, steps::RUST_LINT, steps::RUST_TEST],
        "fuzz-smoke" => &[steps::FUZZ_SMOKE],
        "deny" => &[steps::DENY],
        "bindings" => &[
            steps::NATIVE_LIBRARY,
            steps::KOTLIN_BINDINGS,
            steps::SWIFT_BINDINGS,
        ],
        "bindings-shipped" => &[
            steps::NATIVE_LIBRARY_SHIPPED,
            steps::KOTLIN_BINDINGS,
            steps::SWIFT_BINDINGS,
        ],
        "kotlin" => &[
            steps::NATIVE_LIBRARY,
            steps::KOTLIN_BINDINGS,
            steps::KOTLIN_TEST,
        ],
        "swift" => &[
            steps::NATIVE_LIBRARY,
            steps::SWIFT_BINDINGS,
            steps::SWIFT_TEST,
            steps::SWIFT_VIEW_CHECK,
        ],
        "android-release" if std::env::args().any(|a| a == "--check") => android_release::CHECK,
        "android-release" => android_release::FULL,
        "html-check" if std::env::args().any(|a| a == "--update-docs") => {
            &[html_check::CHECK, html_check::UPDATE_DOCS]
        }
        "html-check" => &[html_check::CHECK],
        "web" => web::STEPS,
        "ios-release" if std::env::args().any(|a| a == "--check") => ios_release::CHECK,
        "ios-release" => ios_release::FULL,
        "bench" => return bench::run_all(&root),
        _ => {
            eprintln!("usage: cargo xtask <test|rust|fuzz-smoke|deny|bindings|bindings-shipped|kotlin|swift|android-release [--check]|ios-release [--check] [--base-url URL]|html-check [--update-docs]|web|bench>");
            return ExitCode::from(2);
        }
    };
    // Last in `test`: they regenerate the bindings without the test-only exports.
    let release_checks: &[&[steps::Step]] = if task == "test" {
        &[android_release::CHECK, ios_release::CHECK]
    } else {
        &[]
    };
    for step in plan.iter().chain(release_checks.iter().copied().flatten()) {
        let started = Instant::now();
        eprintln!("\n==> xtask: {}", step.name);
        if let Err(message) = (step.run)(&root) {
            eprintln!("==> xtask: {} FAILED: {message}", step.name);
            return ExitCode::FAILURE;
        }
        eprintln!(
            "==> xtask: {} done in {:.1}s",
            step.name,
            started.elapsed().as_secs_f64()
        );
    }
    ExitCode::SUCCESS
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Runs a command in `dir`, its output going straight to the log.
pub fn run(dir: &Path, program: &str, args: &[&str], env: &[(&str, String)]) -> Result<(), String> {
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program} {} exited with {status}", args.join(" ")))
    }
}

/// Runs a command and returns its standard output; its standard error goes to the log.
pub fn output(
    dir: &Path,
    program: &str,
    args: &[&str],
    env: &[(&str, String)],
) -> Result<String, String> {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "{program} {} exited with {}",
            args.join(" "),
            out.status
        ))
    }
}
