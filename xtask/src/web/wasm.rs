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
    // The workspace's release profile unwinds, for UniFFI on Android and iOS. On wasm32 a
    // panic cannot unwind (no exception-handling proposal in the target's default features):
    // it traps either way, so abort here, for the wasm build only, and ship no unwinding
    // code. The native libraries' profile is untouched.
    let env = [("CARGO_PROFILE_RELEASE_PANIC", "abort".to_owned())];
    run(
        root,
        "cargo",
        &["build", "--target", TARGET, "-p", CRATE, "--release"],
        &env,
    )?;
    let module = target_dir(root)
        .join(TARGET)
        .join("release")
        .join("passkey_ready_web.wasm");
    let out = wasm_out_dir(root);
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    run(
        root,
        "wasm-bindgen",
        &[
            "--target",
            "web",
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
