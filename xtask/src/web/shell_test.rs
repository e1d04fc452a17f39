//! The browser shell's unit tests in Node: tests/web-shell/ (TypeScript, strict) compiled
//! against the built package's own declarations, then `node --test`, each case a stand-in
//! browser (APIs missing, throwing, never answering) and a stand-in document.

use std::path::{Path, PathBuf};

use super::npm_env;
use crate::run;
use crate::steps::Step;

pub const SHELL_TESTS: Step = Step {
    name: "web: shell unit tests (tests/web-shell: tsc strict, node --test)",
    run: shell_tests,
};

/// Where the tests compile to. Fixed at two levels below the root, as tests/web-shell/ is,
/// so that the tests' relative imports of web/dist/ hold in both places (tsconfig.json's
/// `outDir`), wherever cargo's own target directory is.
fn out_dir(root: &Path) -> PathBuf {
    root.join("target").join("web-shell-test")
}

fn shell_tests(root: &Path) -> Result<(), String> {
    let project = root.join("tests/web-shell");
    run(
        &project,
        "npm",
        &["ci", "--prefer-offline", "--no-audit", "--no-fund"],
        &npm_env(),
    )?;
    let out = out_dir(root);
    if out.exists() {
        // A test deleted from the sources must not keep running from an old build.
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    run(
        &project,
        "node_modules/.bin/tsc",
        &["-p", "tsconfig.json"],
        &[],
    )?;
    run(
        root,
        "node",
        &["--test", "--test-reporter=spec", &out.to_string_lossy()],
        &[],
    )
}
