//! `validate` and `export-bundle`.

use std::path::PathBuf;

use passkey_ready_core::content::{Bundle, LoadPolicy, MAX_BUNDLE_BYTES};

use crate::Failure;

#[derive(clap::Args)]
pub struct ValidateArgs {
    /// The bundle (JSON) to check; `-` reads standard input.
    bundle: PathBuf,
    /// A host that texts may link to with https:// (the app's allowlist); may be repeated.
    /// Without it, any link in a text is refused.
    #[arg(long = "allow-link-host", value_name = "HOST")]
    allowed_link_hosts: Vec<String>,
}

pub fn validate(args: &ValidateArgs) -> Result<String, Failure> {
    let json = crate::input::read_bounded(&args.bundle, MAX_BUNDLE_BYTES)?;
    let policy = LoadPolicy::allowing_links_to(args.allowed_link_hosts.iter().cloned());
    match Bundle::from_json_with(&json, &policy) {
        Ok(_) => Ok(format!("{}: valid\n", args.bundle.display())),
        Err(err) => Err(Failure(format!("{}: {err}", args.bundle.display()))),
    }
}

pub fn export() -> Result<String, Failure> {
    let bundle = Bundle::embedded().map_err(|e| Failure(e.to_string()))?;
    Ok(bundle.to_json() + "\n")
}
