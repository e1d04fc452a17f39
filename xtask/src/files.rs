//! File operations of the release steps whose errors name the file, and the digest of a file
//! by the system's `*sum` tools (the Maven repository's checksum files, the SwiftPM checksum).

use std::path::Path;

use crate::output;

/// An I/O result whose error names `what`.
pub fn io<T>(what: &Path, result: std::io::Result<T>) -> Result<T, String> {
    result.map_err(|e| format!("{}: {e}", what.display()))
}

/// `dir`, emptied if it was there: a step's output never mixes with an earlier run's.
pub fn fresh_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        io(dir, std::fs::remove_dir_all(dir))?;
    }
    io(dir, std::fs::create_dir_all(dir))
}

/// The hex digest `tool` (`sha256sum`, `sha1sum`, `md5sum`) prints for `file`.
pub fn digest(tool: &str, file: &Path) -> Result<String, String> {
    let text = output(Path::new("."), tool, &[&file.display().to_string()], &[])?;
    text.split_whitespace()
        .next()
        .map(str::to_owned)
        .ok_or_else(|| format!("{tool} {} printed no digest", file.display()))
}
