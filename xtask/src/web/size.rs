//! What a page downloads: the package's `.wasm` and `.js` files gzipped, held to
//! web/size-budget.json and to the ceiling for the whole package.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use super::{dist_dir, web_dir};
use crate::size_budget;
use crate::steps::Step;

pub const SIZE_BUDGET: Step = Step {
    name: "web: size budget (gzipped .wasm and .js of web/dist) within web/size-budget.json",
    run: size_budget_check,
};

/// The whole package, gzipped, with all content: a bank's page pays this on first load.
const CEILING_BYTES: u64 = 200 * 1024;

fn size_budget_check(root: &Path) -> Result<(), String> {
    let mut wasm = 0;
    let mut js = 0;
    for path in shipped(&dist_dir(root))? {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gzipped = gzipped_len(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        if path.extension().is_some_and(|e| e == "wasm") {
            wasm += gzipped;
        } else {
            js += gzipped;
        }
    }
    if wasm == 0 || js == 0 {
        return Err("web/dist has no .wasm or no .js: build the package first".to_owned());
    }
    let file = "web/size-budget.json";
    let budget = size_budget::read(&web_dir(root).join("size-budget.json"))?;
    size_budget::compare(
        &budget,
        file,
        &[
            ("wasm_gzip_bytes", "the .wasm, gzipped", wasm),
            ("js_gzip_bytes", "the .js files, gzipped", js),
        ],
    )?;
    let total = wasm + js;
    eprintln!("    the package, gzipped: {total} bytes, ceiling {CEILING_BYTES}");
    if total > CEILING_BYTES {
        return Err(format!(
            "the package is {total} bytes gzipped, over the ceiling of {CEILING_BYTES}"
        ));
    }
    Ok(())
}

/// Every `.wasm` and `.js` under `dir`.
fn shipped(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            found.extend(shipped(&path)?);
        } else if path.extension().is_some_and(|e| e == "wasm" || e == "js") {
            found.push(path);
        }
    }
    Ok(found)
}

/// The length of `bytes` gzipped at the best compression, as a server would send it.
fn gzipped_len(bytes: &[u8]) -> std::io::Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}
