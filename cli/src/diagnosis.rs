//! `diagnose`: what the customer saw (a message, a DOMException name, an error code) → the
//! troubleshooting answers that fit, best first.

use passkey_ready_core::content::Bundle;
use passkey_ready_core::diagnose::{diagnose, DiagnosisMatch};
use passkey_ready_core::Platform;

use crate::guide::Lang;
use crate::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// Print `{"matches": [...]}` as JSON.
    #[arg(long)]
    json: bool,
    /// The platform the customer is on: android, ios, ipados, macos or windows.
    #[arg(long, value_parser = parse_platform)]
    platform: Option<Platform>,
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
    /// The message, DOMException name or error code.
    message: String,
}

fn parse_platform(text: &str) -> Result<Platform, String> {
    Platform::parse(text)
        .ok_or_else(|| format!("{text:?} is not one of android, ios, ipados, macos, windows"))
}

#[derive(serde::Serialize)]
struct Output<'a> {
    matches: &'a [DiagnosisMatch],
}

pub fn run(args: &Args) -> Result<String, Failure> {
    let bundle = Bundle::embedded().map_err(|e| Failure(e.to_string()))?;
    let matches =
        diagnose(&bundle, &args.message, args.platform).map_err(|e| Failure(e.to_string()))?;
    if args.json {
        return crate::guide::json(&Output { matches: &matches });
    }
    let guide = bundle.guide(args.lang.into()).with_service(None);
    let mut out = String::new();
    if matches.is_empty() {
        out.push_str("no match\n");
    }
    for m in &matches {
        if let Some(faq) = m.faq.as_deref().and_then(|id| guide.faq(id)) {
            out.push_str(&format!("{}\n{}\n", faq.question, faq.answer));
        }
        let checks: Vec<&str> = m.checks.iter().map(|c| c.as_str()).collect();
        out.push_str(&format!("  checks: {}\n", checks.join(", ")));
        for section in &m.sections {
            match guide.part(section) {
                Some(part) => out.push_str(&format!(
                    "  {section}: {}\n",
                    part.title.as_deref().unwrap_or(&part.requirement)
                )),
                None => out.push_str(&format!("  {section}\n")),
            }
        }
        out.push('\n');
    }
    Ok(out)
}
