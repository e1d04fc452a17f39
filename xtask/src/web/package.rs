//! The npm package around the wasm module: TypeScript, its tests in Node, what `npm pack`
//! ships.

use std::collections::BTreeSet;
use std::path::Path;

use super::{dist_dir, npm_env, web_dir, WASM_FILES};
use crate::steps::Step;
use crate::{output, run};

pub const TYPESCRIPT: Step = Step {
    name: "web: npm ci, tsc (strict) web/shell → web/dist/shell, package version",
    run: typescript,
};

pub const NODE_TESTS: Step = Step {
    name: "web: node --test web/tests/node (the package in Node, vectors, errors)",
    run: node_tests,
};

pub const PACK: Step = Step {
    name: "web: npm pack --dry-run ships exactly the package's files",
    run: pack,
};

fn typescript(root: &Path) -> Result<(), String> {
    let web = web_dir(root);
    run(
        &web,
        "npm",
        &["ci", "--prefer-offline", "--no-audit", "--no-fund"],
        &npm_env(),
    )?;
    let shell_out = dist_dir(root).join("shell");
    if shell_out.exists() {
        std::fs::remove_dir_all(&shell_out).map_err(|e| format!("{}: {e}", shell_out.display()))?;
    }
    run(&web, "node_modules/.bin/tsc", &["-p", "tsconfig.json"], &[])?;
    package_version_agrees(root)
}

fn package_json(root: &Path) -> Result<serde_json::Value, String> {
    let path = web_dir(root).join("package.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// One version for every artifact: web/package.json's must be the workspace's.
fn package_version_agrees(root: &Path) -> Result<(), String> {
    let workspace = crate::version::workspace(root)?;
    let package = package_json(root)?;
    match package.get("version").and_then(serde_json::Value::as_str) {
        Some(v) if v == workspace => Ok(()),
        other => Err(format!(
            "web/package.json has version {}, the workspace {workspace}: change it there too",
            other.unwrap_or("(none)")
        )),
    }
}

fn node_tests(root: &Path) -> Result<(), String> {
    run(
        root,
        "node",
        &["--test", "--test-reporter=spec", "web/tests/node/"],
        &[],
    )
}

/// The files the package must ship: package.json, the wasm-bindgen output, and for each
/// TypeScript source of the shell its compiled `.js` and `.d.ts`.
fn expected_files(root: &Path) -> Result<BTreeSet<String>, String> {
    let mut files: BTreeSet<String> = WASM_FILES
        .iter()
        .map(|f| format!("dist/wasm/{f}"))
        .collect();
    files.insert("package.json".to_owned());
    let shell = web_dir(root).join("shell");
    for source in sources(&shell)? {
        let relative = source
            .strip_prefix(&shell)
            .map_err(|e| format!("{}: {e}", source.display()))?
            .to_string_lossy()
            .replace('\\', "/");
        let Some(stem) = relative.strip_suffix(".ts") else {
            continue;
        };
        if stem.ends_with(".d") {
            continue;
        }
        files.insert(format!("dist/shell/{stem}.js"));
        files.insert(format!("dist/shell/{stem}.d.ts"));
    }
    Ok(files)
}

fn sources(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut found = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            found.extend(sources(&path)?);
        } else if path.extension().is_some_and(|e| e == "ts") {
            found.push(path);
        }
    }
    Ok(found)
}

fn pack(root: &Path) -> Result<(), String> {
    let web = web_dir(root);
    let json = output(
        &web,
        "npm",
        &["pack", "--dry-run", "--json", "--ignore-scripts"],
        &npm_env(),
    )?;
    let report: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| format!("npm pack --json: {e}"))?;
    let shipped: BTreeSet<String> = report
        .pointer("/0/files")
        .and_then(serde_json::Value::as_array)
        .ok_or("npm pack --json: no files")?
        .iter()
        .filter_map(|f| f.get("path")?.as_str().map(str::to_owned))
        .collect();
    let expected = expected_files(root)?;
    let missing: Vec<&String> = expected.difference(&shipped).collect();
    let extra: Vec<&String> = shipped.difference(&expected).collect();
    if !missing.is_empty() || !extra.is_empty() {
        return Err(format!(
            "npm pack ships the wrong files: missing {missing:?}, not part of the package {extra:?}"
        ));
    }
    let version = report
        .pointer("/0/version")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default();
    let workspace = crate::version::workspace(root)?;
    if version != workspace {
        return Err(format!(
            "npm pack made version {version}, the workspace is {workspace}"
        ));
    }
    eprintln!("npm pack ships {} files: {shipped:?}", shipped.len());
    Ok(())
}
