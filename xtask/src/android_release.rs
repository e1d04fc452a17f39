//! `cargo xtask android-release [--check]`: the Android release, as named steps.
//!
//! `--check` (CI, no NDK): the four Android staticlibs and their exports, the host library
//! through the same shared-library checks, the Maven repository without `jni/`, R8 over the
//! shipped rules, the size budget; it names what it skips. Without `--check` an NDK
//! (`ANDROID_NDK_HOME`, r28+) links, checks and packs the four `.so` files too.

use std::path::{Path, PathBuf};

use crate::steps::{self, Step};
use crate::{output, release_build, run, version};

mod elf;
mod maven_repo;
mod ndk;
mod notices;
mod pom;
mod r8;
mod shared_library_checks;
mod size_budget;
mod symbols;

/// Rust target and Android ABI of every architecture the AAR carries.
pub const TARGETS: &[(&str, &str)] = &[
    ("aarch64-linux-android", "arm64-v8a"),
    ("armv7-linux-androideabi", "armeabi-v7a"),
    ("x86_64-linux-android", "x86_64"),
    ("i686-linux-android", "x86"),
];

/// What CI runs: everything that needs no NDK.
pub const CHECK: &[Step] = &[
    ONE_VERSION,
    RUST_TARGETS,
    STATICLIBS,
    steps::NATIVE_LIBRARY_SHIPPED,
    steps::KOTLIN_BINDINGS,
    STATICLIB_SYMBOLS,
    HOST_LIBRARY_CHECKS,
    ndk::NDK_SKIPPED,
    maven_repo::MAVEN_REPOSITORY_CHECK,
    r8::R8_CHECK,
    size_budget::SIZE_BUDGET,
];

/// The release a maintainer publishes: `CHECK` plus the NDK build.
pub const FULL: &[Step] = &[
    ONE_VERSION,
    RUST_TARGETS,
    STATICLIBS,
    steps::NATIVE_LIBRARY_SHIPPED,
    steps::KOTLIN_BINDINGS,
    STATICLIB_SYMBOLS,
    HOST_LIBRARY_CHECKS,
    ndk::NDK_LIBRARIES,
    maven_repo::MAVEN_REPOSITORY_RELEASE,
    r8::R8_CHECK,
    size_budget::SIZE_BUDGET,
];

pub fn generated_kotlin(root: &Path) -> PathBuf {
    root.join("android/target/generated-sources/uniffi/com/passkeyready/ffi/passkey_ready_core.kt")
}

pub fn staticlib(root: &Path, target: &str) -> PathBuf {
    steps::target_dir(root)
        .join(target)
        .join("release")
        .join("libpasskey_ready_ffi.a")
}

pub const ONE_VERSION: Step = Step {
    name:
        "android: one version (workspace = android/pom.xml = CLI = Swift package, in CHANGELOG.md)",
    run: |root| {
        let v = version::check_agree(root)?;
        eprintln!("    version {v}");
        Ok(())
    },
};

pub const RUST_TARGETS: Step = Step {
    name: "android: rustup target add (the four Android targets, if missing)",
    run: |root| {
        let installed = output(root, "rustup", &["target", "list", "--installed"], &[])?;
        let missing: Vec<&str> = TARGETS
            .iter()
            .map(|(target, _)| *target)
            .filter(|t| !installed.lines().any(|l| l.trim() == *t))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let mut args = vec!["target", "add"];
        args.extend(&missing);
        run(root, "rustup", &args, &[])
    },
};

/// A staticlib per target needs no linker, so target-specific compile errors show up here,
/// and its objects hold the exports and the code the `.so` will have.
pub const STATICLIBS: Step = Step {
    name: "android: staticlib of passkey-ready-ffi per target (release, shipped features)",
    run: |root| {
        for (index, (target, abi)) in TARGETS.iter().enumerate() {
            eprintln!("    [{}/{}] {target} ({abi})", index + 1, TARGETS.len());
            release_build::ffi_library(root, "staticlib", Some(target), &[], &[])?;
        }
        Ok(())
    },
};

pub const STATICLIB_SYMBOLS: Step = Step {
    name: "android: each staticlib exports exactly the uniffi_*/ffi_* symbols the Kotlin calls",
    run: |root| {
        let called = symbols::kotlin_calls(&generated_kotlin(root))?;
        let mut problems = Vec::new();
        for (target, _) in TARGETS {
            let path = staticlib(root, target);
            let result = elf::archive_exports(&path)
                .and_then(|exports| symbols::exports_match(target, &exports, &called));
            if let Err(problem) = result {
                problems.push(problem);
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n"))
        }
    },
};

/// The `.so` checks on the host library of the shipped features: the code that guards the
/// Android libraries runs on every CI run (alignment is Android's alone).
pub const HOST_LIBRARY_CHECKS: Step = Step {
    name: "android: shared-library checks on the host library (exports, DT_NEEDED)",
    run: |root| {
        let called = symbols::kotlin_calls(&generated_kotlin(root))?;
        shared_library_checks::check(
            &steps::native_library(root),
            &shared_library_checks::Expectations {
                system_libraries: shared_library_checks::HOST_SYSTEM_LIBRARIES,
                page: None,
                kotlin_calls: &called,
            },
        )
    },
};
