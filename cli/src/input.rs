//! Reading a file or standard input, refusing more than a limit before holding it all.

use std::io::Read;
use std::path::Path;

use crate::Failure;

/// Reads at most `max` bytes of UTF-8 from `path` (`-` is standard input).
pub fn read_bounded(path: &Path, max: usize) -> Result<String, Failure> {
    let name = path.display();
    let mut bytes = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let read = if path.as_os_str() == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| Failure(format!("{name}: cannot read: {e}")))?;
    if bytes.len() > max {
        return Err(Failure(format!(
            "{name}: larger than the limit of {max} bytes"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "{name}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// `--service`: refused, without echoing it, unless it passes the content-safety rules.
pub fn service(name: Option<&str>) -> Result<(), Failure> {
    match name.map(passkey_ready_core::content::check_service_name) {
        Some(Err(err)) => Err(Failure(format!("--{err}"))),
        _ => Ok(()),
    }
}
