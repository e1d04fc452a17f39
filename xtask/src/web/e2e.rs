//! The demo registration page (web/demo/) end to end in Debian's Chromium (the html check's
//! installer: installed when missing), driven by playwright-core from tests/web-e2e/: user
//! agents and client hints of real browsers, a virtual authenticator present or absent, a
//! real `navigator.credentials.create()`, the escape from in-app browsers, axe-core.

use std::path::Path;

use super::{npm_env, web_dir};
use crate::run;
use crate::steps::{target_dir, Step};

pub const DEMO: Step = Step {
    name: "web: the demo page's script (tsc strict, web/demo)",
    run: demo,
};

pub const E2E: Step = Step {
    name: "web: demo page end to end in Chromium (virtual authenticator, in-app escape, axe-core)",
    run: e2e,
};

/// Compiled with the package's TypeScript (web/node_modules, from the package step).
fn demo(root: &Path) -> Result<(), String> {
    let web = web_dir(root);
    run(
        &web,
        "node_modules/.bin/tsc",
        &["-p", "demo/tsconfig.json"],
        &[],
    )
}

fn e2e(root: &Path) -> Result<(), String> {
    let chromium = crate::html_check::chromium(root)?;
    let project = root.join("tests/web-e2e");
    run(
        &project,
        "npm",
        &["ci", "--prefer-offline", "--no-audit", "--no-fund"],
        &npm_env(),
    )?;
    // The demo's first screen at phone width, ja and en, for docs/web.md.
    let shots = target_dir(root).join("web-e2e");
    std::fs::create_dir_all(&shots).map_err(|e| format!("{}: {e}", shots.display()))?;
    let mut env = npm_env().to_vec();
    env.push(("PASSKEY_READY_CHROMIUM", chromium));
    env.push(("PASSKEY_READY_SHOTS", shots.to_string_lossy().into_owned()));
    run(
        &project,
        "node",
        &[
            "--test",
            "--test-reporter=spec",
            "--test-timeout=120000",
            "e2e.test.mjs",
        ],
        &env,
    )
}
