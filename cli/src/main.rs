//! `passkey-ready`: the guide, content bundles and readiness checks from the command line.
//!
//! Exit codes: 0 success, 1 bad input (an invalid bundle, snapshot or message, named in the
//! error), 2 usage error.

mod browser;
mod bundle;
mod check;
mod diagnosis;
mod guide;
mod html;
mod input;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "passkey-ready",
    version,
    about = "Get a device ready to register a passkey"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the whole guide, or one device's guide.
    Guide(guide::Args),
    /// Check a content bundle; exit 1 with every problem when it is not valid.
    Validate(bundle::ValidateArgs),
    /// Print the embedded content as a bundle: the starting point for a content team.
    ExportBundle,
    /// Evaluate a device snapshot (JSON, see examples/): what stops a passkey registration.
    Check(check::Args),
    /// Find the troubleshooting answer for a message, DOMException name or error code.
    Diagnose(diagnosis::Args),
    /// Classify a user agent: platform, browser, in-app browser, standard or not.
    Ua(browser::Args),
}

/// What a command reports when it fails on its input (exit 1).
pub struct Failure(pub String);

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version are not errors.
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Guide(args) => guide::run(&args),
        Command::Validate(args) => bundle::validate(&args),
        Command::ExportBundle => bundle::export(),
        Command::Check(args) => check::run(&args),
        Command::Diagnose(args) => diagnosis::run(&args),
        Command::Ua(args) => browser::run(&args),
    };
    match result {
        Ok(output) => {
            // A reader that stops early (`| head`) is not an error; `print!` would panic.
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(output.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("passkey-ready: cannot write the output: {err}");
                    ExitCode::from(1)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(Failure(message)) => {
            eprintln!("passkey-ready: {message}");
            ExitCode::from(1)
        }
    }
}
