//! The named steps. Bindings are always generated from the debug library, which keeps the
//! UniFFI metadata symbols (a stripped library has none to read).

use std::path::{Path, PathBuf};

use crate::run;

pub struct Step {
    pub name: &'static str,
    pub run: fn(&Path) -> Result<(), String>,
}

pub const RUST_FORMAT: Step = Step {
    name: "rust: cargo fmt --check",
    run: |root| run(root, "cargo", &["fmt", "--all", "--check"], &[]),
};

pub const RUST_LINT: Step = Step {
    name: "rust: cargo clippy --all-targets -D warnings",
    run: |root| {
        run(
            root,
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
            &[],
        )
    },
};

pub const RUST_TEST: Step = Step {
    name: "rust: cargo test",
    run: |root| run(root, "cargo", &["test", "--workspace"], &[]),
};

/// The host test library: debug, unstripped, with `panic_probe` exported so that the Kotlin
/// and Swift tests can show a panic arriving as an exception. Shipped libraries are built by
/// android/ and ios/ scripts, without that feature.
/// The host library the tests load: with the `panic-probe` export that shows a panic
/// arriving in Kotlin and Swift as an exception.
pub const NATIVE_LIBRARY: Step = Step {
    name: "native library: cargo build -p passkey-ready-ffi (debug, unstripped, panic-probe)",
    run: |root| native_library_with(root, "bindgen,panic-probe"),
};

/// The host library whose bindings ship (AAR, xcframework): exactly the exports of a release
/// build, for the generated code checks every export's checksum when it loads.
pub const NATIVE_LIBRARY_SHIPPED: Step = Step {
    name: "native library: cargo build -p passkey-ready-ffi (debug, unstripped, shipped exports)",
    run: |root| native_library_with(root, "bindgen"),
};

fn native_library_with(root: &Path, features: &str) -> Result<(), String> {
    run(
        root,
        "cargo",
        &["build", "-p", "passkey-ready-ffi", "--features", features],
        &[],
    )
}

/// The host library the bindings are generated from and the JVM / Swift tests load.
pub fn native_library(root: &Path) -> PathBuf {
    let name = if cfg!(target_os = "macos") {
        "libpasskey_ready_ffi.dylib"
    } else {
        "libpasskey_ready_ffi.so"
    };
    target_dir(root).join("debug").join(name)
}

pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

fn bindgen(root: &Path, language: &str, out: &Path) -> Result<(), String> {
    generate_bindings(root, &native_library(root), language, out)
}

/// Generates `language` bindings from `library` into `out` (emptied first), with the
/// project's names (bindings/uniffi.toml).
pub fn generate_bindings(
    root: &Path,
    library: &Path,
    language: &str,
    out: &Path,
) -> Result<(), String> {
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let bindgen = target_dir(root).join("debug").join("uniffi-bindgen");
    run(
        root,
        &bindgen.to_string_lossy(),
        &[
            "generate",
            "--library",
            &library.to_string_lossy(),
            "--language",
            language,
            "--config",
            "bindings/uniffi.toml",
            "--no-format",
            "--out-dir",
            &out.to_string_lossy(),
        ],
        &[],
    )
}

pub const KOTLIN_BINDINGS: Step = Step {
    name: "kotlin: generate bindings into android/target/generated-sources/uniffi",
    run: |root| {
        bindgen(
            root,
            "kotlin",
            &root.join("android/target/generated-sources/uniffi"),
        )
    },
};

pub const SWIFT_BINDINGS: Step = Step {
    name: "swift: generate bindings into ios/Sources",
    run: |root| {
        let out = target_dir(root).join("uniffi-swift");
        bindgen(root, "swift", &out)?;
        // The generated Swift joins the PasskeyReadyFFI target; the header and the module
        // map form the C target it imports.
        let swift_dir = root.join("ios/Sources/PasskeyReadyFFI");
        let c_dir = root.join("ios/Sources/PasskeyReadyFFIC/include");
        for dir in [&swift_dir, &c_dir] {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let copy = |from: &str, to: PathBuf| {
            std::fs::copy(out.join(from), &to)
                .map(|_| ())
                .map_err(|e| format!("{from} → {}: {e}", to.display()))
        };
        copy(
            "PasskeyReadyFFI.swift",
            swift_dir.join("PasskeyReadyFFI.swift"),
        )?;
        copy("PasskeyReadyFFIC.h", c_dir.join("PasskeyReadyFFIC.h"))?;
        copy("PasskeyReadyFFIC.modulemap", c_dir.join("module.modulemap"))
    },
};

pub const KOTLIN_TEST: Step = Step {
    name: "kotlin: mvn test (android/)",
    run: |root| {
        let lib_dir = target_dir(root).join("debug");
        run(
            &root.join("android"),
            "mvn",
            &[
                "--batch-mode",
                "--no-transfer-progress",
                "test",
                &format!("-Djna.library.path={}", lib_dir.display()),
            ],
            &[],
        )
    },
};

pub const SWIFT_TEST: Step = Step {
    name: "swift: swift test (ios/), Swift 6 language mode",
    run: |root| {
        let lib_dir = target_dir(root).join("debug");
        run(
            root,
            "bash",
            &["ios/scripts/swift.sh", "test", "--package-path", "ios"],
            &[
                ("LD_LIBRARY_PATH", lib_dir.display().to_string()),
                ("PASSKEY_READY_LIB_DIR", lib_dir.display().to_string()),
                ("PASSKEY_READY_SWIFT_BIND", lib_dir.display().to_string()),
                (
                    "PASSKEY_READY_SWIFT_ENV",
                    "PASSKEY_READY_LIB_DIR".to_owned(),
                ),
            ],
        )
    },
};

/// SwiftUI does not exist on Linux: the help screen's view is type-checked against a stub of
/// the SwiftUI and Combine calls it makes, so that it cannot fall out of step with the model
/// unnoticed. It proves nothing about Apple's SDK (docs/ios.md, "Never compiled here").
pub const SWIFT_VIEW_CHECK: Step = Step {
    name: "swift: the help screen's SwiftUI view type-checks against a stub (ios/Tests/ViewCheck)",
    run: |root| run(root, "bash", &["ios/Tests/ViewCheck/check.sh"], &[]),
};

/// Whether `program args…` runs and succeeds (output discarded).
fn succeeds(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `cargo install --locked CRATE` unless `cargo SUBCOMMAND --version` already works.
fn ensure_cargo_tool(root: &Path, subcommand: &str, krate: &str) -> Result<(), String> {
    if succeeds("cargo", &[subcommand, "--version"]) {
        return Ok(());
    }
    eprintln!("==> xtask: {krate} is missing: cargo install --locked {krate}");
    run(root, "cargo", &["install", "--locked", krate], &[])
}

/// Each fuzz target for 20 s, two at a time (fuzz/run.sh), when a nightly toolchain is
/// installed: cargo-fuzz needs one. About 2 minutes with the build, 40 s when it is cached.
/// A crash fails the step; its input is in fuzz/artifacts/<target>/.
pub const FUZZ_SMOKE: Step = Step {
    name: "rust: fuzz smoke (cargo fuzz, each target 20 s)",
    run: |root| {
        if !succeeds("cargo", &["+nightly", "--version"]) {
            eprintln!("==> xtask: no nightly toolchain (rustup toolchain install nightly): fuzz smoke skipped");
            return Ok(());
        }
        ensure_cargo_tool(root, "fuzz", "cargo-fuzz")?;
        run(
            root,
            "bash",
            &["fuzz/run.sh", "20"],
            &[("FUZZ_JOBS", "2".to_owned())],
        )
    },
};

/// Licences, bans and sources of the dependency tree (deny.toml). Advisories are not checked:
/// the advisory database cannot be fetched here.
pub const DENY: Step = Step {
    name: "rust: cargo deny check licenses bans sources",
    run: |root| {
        ensure_cargo_tool(root, "deny", "cargo-deny")?;
        run(
            root,
            "cargo",
            &[
                "deny",
                "--all-features",
                "check",
                "licenses",
                "bans",
                "sources",
            ],
            &[],
        )
    },
};
