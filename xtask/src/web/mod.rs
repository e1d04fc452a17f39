//! `cargo xtask web`: the npm package `passkey-ready` (web/) built and tested as named steps.
//!
//! 1. toolchain (`wasm.rs`): the `wasm32-unknown-unknown` target and `wasm-bindgen-cli` at the
//!    version of the `wasm-bindgen` crate in Cargo.lock (they must match exactly: the CLI
//!    refuses a module from another version), each installed only when missing.
//! 2. wasm (`wasm.rs`): the release build of `passkey-ready-web`, then `wasm-bindgen --target
//!    web` into web/dist/wasm/ (the same files load in a browser and in Node via `initSync`).
//! 3. package (`package.rs`): `npm ci` in web/ (TypeScript, pinned by the lock file), `tsc`
//!    with `strict` (web/shell/ → web/dist/shell/; it also type-checks the generated .d.ts),
//!    the package's version against the workspace's.
//! 4. node tests (`package.rs`): `node --test web/tests/node/` against the built package, and
//!    `npm pack --dry-run` shipping exactly the package's files.
//! 5. size (`size.rs`): the `.wasm` and the `.js` files gzipped, within web/size-budget.json,
//!    and the whole package within 200 KiB.
//! 6. shell unit tests (`shell_test.rs`): tests/web-shell/ compiled strict against the built
//!    package's declarations, `node --test` (stand-in browsers and document, the real core).
//! 7. demo end to end (`e2e.rs`): web/demo's script compiled, then tests/web-e2e/ drives the
//!    demo page in Debian's Chromium (user agents and client hints of real browsers, a
//!    virtual authenticator, a real `navigator.credentials.create()`, axe-core).
//!
//! [`CHECK`] runs them all; `cargo xtask test` includes it.

mod e2e;
mod package;
mod shell_test;
mod size;
mod wasm;

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::steps::Step;

/// Every step of the web package, in order (`cargo xtask web`).
pub const STEPS: &[Step] = &[
    wasm::TOOLCHAIN,
    wasm::BUILD,
    package::TYPESCRIPT,
    package::NODE_TESTS,
    package::PACK,
    size::SIZE_BUDGET,
    shell_test::SHELL_TESTS,
    e2e::DEMO,
    e2e::E2E,
];

/// [`STEPS`] as one step of `cargo xtask test`, each sub-step named and timed in the log.
pub const CHECK: Step = Step {
    name: "web: the npm package (wasm, TypeScript, Node tests, npm pack)",
    run: |root| {
        for step in STEPS {
            let started = Instant::now();
            eprintln!("\n==> xtask web: {}", step.name);
            (step.run)(root).map_err(|e| format!("{}: {e}", step.name))?;
            eprintln!(
                "==> xtask web: {} done in {:.1}s",
                step.name,
                started.elapsed().as_secs_f64()
            );
        }
        Ok(())
    },
};

pub fn web_dir(root: &Path) -> PathBuf {
    root.join("web")
}

/// Generated, never committed (.gitignore): the wasm-bindgen output and the compiled shell.
pub fn dist_dir(root: &Path) -> PathBuf {
    web_dir(root).join("dist")
}

/// The wasm-bindgen output: what the package's `./wasm` export points at.
pub fn wasm_out_dir(root: &Path) -> PathBuf {
    dist_dir(root).join("wasm")
}

/// The generated module's file names (`passkey_ready_web.js`, `.d.ts`, `_bg.wasm`,
/// `_bg.wasm.d.ts`), as web/package.json's `files` and `exports` name them.
pub const WASM_FILES: [&str; 4] = [
    "passkey_ready_web.js",
    "passkey_ready_web.d.ts",
    "passkey_ready_web_bg.wasm",
    "passkey_ready_web_bg.wasm.d.ts",
];

/// npm without any download of a browser (playwright-core in web/ must never fetch one).
pub fn npm_env() -> [(&'static str, String); 1] {
    [("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1".to_owned())]
}
