//! `validate` and `export-bundle`.

use std::path::PathBuf;

use passkey_ready_core::content::{Bundle, MAX_BUNDLE_BYTES};

use crate::Failure;

#[derive(clap::Args)]
pub struct ValidateArgs {
    /// The bundle (JSON) to check; `-` reads standard input.
    bundle: PathBuf,
}

pub fn validate(args: &ValidateArgs) -> Result<String, Failure> {
    let json = crate::input::read_bounded(&args.bundle, MAX_BUNDLE_BYTES)?;
    match Bundle::from_json(&json) {
        Ok(_) => Ok(format!("{}: valid\n", args.bundle.display())),
        Err(err) => Err(Failure(format!("{}: {err}", args.bundle.display()))),
    }
}

pub fn export() -> Result<String, Failure> {
    let bundle = Bundle::embedded().map_err(|e| Failure(e.to_string()))?;
    Ok(bundle.to_json() + "\n")
}
