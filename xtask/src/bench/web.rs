//! The web package (issue 16: `web/`, built by `cargo xtask web`): what it adds to a page's
//! download, gzipped, with all the content in it; its first evaluate in Chromium after page
//! load; and its user-agent classification in Node side by side with inapp-spy and
//! ua-parser-js (benchmarks/web: benchmark-only packages, never the product's).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::{output, run};

use super::{bench_dir, write};

/// Fresh browser contexts for the first evaluate.
const FIRST_EVALUATE_RUNS: &str = "11";

fn wasm_dir(root: &Path) -> String {
    root.join("web/dist/wasm").display().to_string()
}

/// benchmarks/web's packages from its lock file (`npm ci`), never a browser download.
fn npm_ci(root: &Path) -> Result<(), String> {
    run(
        &root.join("benchmarks/web"),
        "npm",
        &["ci", "--no-audit", "--no-fund"],
        &[("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1".to_owned())],
    )
}

pub(super) fn node_side_by_side(root: &Path) -> Result<(), String> {
    npm_ci(root)?;
    let printed = output(
        &root.join("benchmarks/web"),
        "node",
        &["ua.mjs", &root.display().to_string(), &wasm_dir(root)],
        &[],
    )?;
    let version = output(root, "node", &["--version"], &[]).unwrap_or_default();
    write(
        &bench_dir(root).join("web_ua.txt"),
        &format!("VERSION node {}\n{printed}", version.trim()),
    )
}

pub(super) fn chromium_first_evaluate(root: &Path) -> Result<(), String> {
    npm_ci(root)?;
    let printed = output(
        &root.join("benchmarks/web"),
        "node",
        &["first-evaluate.mjs", &wasm_dir(root), FIRST_EVALUATE_RUNS],
        &[],
    )?;
    let version = output(root, "/usr/bin/chromium", &["--version"], &[]).unwrap_or_default();
    write(
        &bench_dir(root).join("web_first.txt"),
        &format!("VERSION {}\n{printed}", version.trim().replace(' ', "_")),
    )
}

/// Builds the package with its own xtask step, then gzips (`gzip -9`, as a server would
/// serve it) every `.wasm` and `.js` file of `web/dist/`.
pub(super) fn size(root: &Path) -> Result<(), String> {
    let dist = root.join("web/dist");
    if !root.join("web/Cargo.toml").is_file() {
        return Err(
            "not measured: the web package (web/, issue 16) is not in this tree yet".to_owned(),
        );
    }
    run(root, "cargo", &["xtask", "web"], &[])?;
    let mut lines = String::new();
    let mut files = Vec::new();
    collect(&dist, &mut files)?;
    files.sort();
    for file in files {
        let name = file
            .strip_prefix(&dist)
            .unwrap_or(&file)
            .display()
            .to_string();
        if !(name.ends_with(".wasm") || name.ends_with(".js")) {
            continue;
        }
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        lines.push_str(&format!("{name} {} {}\n", bytes.len(), gzipped(&bytes)?));
    }
    if lines.is_empty() {
        return Err(format!("no .wasm or .js under {}", dist.display()));
    }
    write(&bench_dir(root).join("web_size.txt"), &lines)
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn gzipped(bytes: &[u8]) -> Result<usize, String> {
    let mut child = Command::new("gzip")
        .args(["-9", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start gzip: {e}"))?;
    // Written from a thread: gzip's output would otherwise fill the pipe while it waits.
    let mut stdin = child.stdin.take().ok_or("gzip: no stdin")?;
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| format!("gzip: {e}"))?;
    writer
        .join()
        .map_err(|_| "gzip: the writing thread failed".to_owned())?
        .map_err(|e| format!("gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip exited with {}", out.status));
    }
    Ok(out.stdout.len())
}
