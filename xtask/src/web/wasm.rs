//! The wasm module: its toolchain, its build and its JavaScript bindings.

use std::path::Path;

use super::wasm_out_dir;
use crate::steps::{target_dir, Step};
use crate::{output, run};

const TARGET: &str = "wasm32-unknown-unknown";
const CRATE: &str = "passkey-ready-web";

pub const TOOLCHAIN: Step = Step {
    name: "web: wasm32-unknown-unknown target and wasm-bindgen-cli (Cargo.lock's version)",
    run: toolchain,
};

pub const BUILD: Step = Step {
    name: "web: cargo build --target wasm32-unknown-unknown --release, wasm-bindgen --target web",
    run: build,
};

fn toolchain(root: &Path) -> Result<(), String> {
    let installed = output(root, "rustup", &["target", "list", "--installed"], &[])?;
    if !installed.lines().any(|l| l.trim() == TARGET) {
        run(root, "rustup", &["target", "add", TARGET], &[])?;
    }
    let version = locked_version(root, "wasm-bindgen")?;
    // `wasm-bindgen 0.2.130`: the CLI must be the crate's exact version.
    let present = output(root, "wasm-bindgen", &["--version"], &[]).unwrap_or_default();
    if present.split_whitespace().nth(1) != Some(version.as_str()) {
        // No `--locked`: the CLI's own lock file pins a dependency that no longer builds
        // (seen with 0.2.x); its version is what must match, and it is pinned here.
        run(
            root,
            "cargo",
            &["install", "wasm-bindgen-cli", "--version", &version],
            &[],
        )?;
    }
    Ok(())
}

/// The version of `package` in Cargo.lock (one version of it in the graph, or an error).
pub fn locked_version(root: &Path, package: &str) -> Result<String, String> {
    let path = root.join("Cargo.lock");
    let lock = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name_line = format!("name = \"{package}\"");
    let mut versions = lock
        .split("[[package]]")
        .filter(|entry| entry.lines().any(|l| l.trim() == name_line))
        .filter_map(|entry| {
            entry
                .lines()
                .find_map(|l| l.trim().strip_prefix("version = "))
                .map(|v| v.trim_matches('"').to_owned())
        });
    match (versions.next(), versions.next()) {
        (Some(version), None) => Ok(version),
        (None, _) => Err(format!("Cargo.lock has no {package}")),
        (Some(a), Some(b)) => Err(format!(
            "Cargo.lock has {package} {a} and {b}: wasm-bindgen-cli can match only one"
        )),
    }
}

fn build(root: &Path) -> Result<(), String> {
    // The workspace's release profile says `panic = "unwind"` (for UniFFI). It builds for
    // wasm32-unknown-unknown and changes nothing there: the target's precompiled std raises
    // no wasm exception without `-Zbuild-std` (library/unwind/src/wasm.rs), so a panic traps
    // as a JS `RuntimeError` either way (measured: 779,203 bytes with unwind, 779,527 with
    // abort). No override, so this is the plain command anyone can run.
    run(
        root,
        "cargo",
        &["build", "--target", TARGET, "-p", CRATE, "--release"],
        &[],
    )?;
    let module = target_dir(root)
        .join(TARGET)
        .join("release")
        .join("passkey_ready_web.wasm");
    let out = wasm_out_dir(root);
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    // The name section (every function's name, 171 KB of the 782 KB module) only serves
    // stack traces of a trap, which the core's lints make a bug to fix from the Rust source;
    // without it the package is about a quarter smaller gzipped.
    run(
        root,
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--remove-name-section",
            "--remove-producers-section",
            "--out-dir",
            &out.to_string_lossy(),
            &module.to_string_lossy(),
        ],
        &[],
    )?;
    for file in super::WASM_FILES {
        if !out.join(file).is_file() {
            return Err(format!("wasm-bindgen wrote no {file} in {}", out.display()));
        }
    }
    Ok(())
}
