//! `check`: a device snapshot (JSON) → the readiness report, as text or JSON.

use std::path::PathBuf;

use passkey_ready_core::content::Bundle;
use passkey_ready_core::readiness::{
    evaluate, CheckId, DeviceSnapshot, FindingStatus, ReadinessReport, ReadinessStatus,
    SettingsAction, MAX_SNAPSHOT_BYTES,
};

use crate::guide::Lang;
use crate::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// The snapshot file; standard input when absent or `-`.
    #[arg(long)]
    snapshot: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
    /// The service name shown in the texts (default: the content's own).
    #[arg(long)]
    service: Option<String>,
    /// The customer's answer to a question, as CHECK=yes or CHECK=no; may be repeated.
    #[arg(long = "answer", value_name = "CHECK=yes|no", value_parser = parse_answer)]
    answers: Vec<(CheckId, bool)>,
}

fn parse_answer(text: &str) -> Result<(CheckId, bool), String> {
    let (id, value) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?}: expected CHECK=yes or CHECK=no"))?;
    let check = CheckId::parse(id).ok_or_else(|| format!("{id:?} is not a check id"))?;
    match value {
        "yes" => Ok((check, true)),
        "no" => Ok((check, false)),
        _ => Err(format!("{value:?}: expected yes or no")),
    }
}

pub fn run(args: &Args) -> Result<String, Failure> {
    crate::input::service(args.service.as_deref())?;
    let path = args.snapshot.clone().unwrap_or_else(|| PathBuf::from("-"));
    let json = crate::input::read_bounded(&path, MAX_SNAPSHOT_BYTES)?;
    let mut snapshot = DeviceSnapshot::from_json(&json)
        .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    for (check, yes) in &args.answers {
        snapshot = snapshot
            .answered(*check, *yes)
            .map_err(|e| Failure(format!("--answer: {e}")))?;
    }
    let bundle = Bundle::embedded().map_err(|e| Failure(e.to_string()))?;
    let guide = bundle
        .guide(args.lang.into())
        .with_service(args.service.as_deref());
    let report = evaluate(&snapshot, &guide).map_err(|e| Failure(e.to_string()))?;
    if args.json {
        crate::guide::json(&report)
    } else {
        Ok(text(&report))
    }
}

fn text(report: &ReadinessReport) -> String {
    let mut out = format!(
        "{} [{}] {}\n\n",
        report.platform,
        serde_json::to_value(report.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        report.summary
    );
    for finding in &report.findings {
        let mark = match finding.status {
            // Optional checks (biometrics) never block: shown as information.
            FindingStatus::Fail | FindingStatus::Unknown if !finding.required => "[i ]",
            FindingStatus::Pass => "[OK]",
            FindingStatus::Fail => "[NG]",
            FindingStatus::Unknown => "[? ]",
            FindingStatus::NotApplicable => "[--]",
        };
        out.push_str(&format!("{mark} {}: {}\n", finding.label, finding.reason));
        // Where to go next, for what is to be done. On an OS too old for passkeys nothing
        // else can be done first; the OS itself has no section or screen to open.
        let to_do = finding.required
            && matches!(finding.status, FindingStatus::Fail | FindingStatus::Unknown)
            && (report.status != ReadinessStatus::Unsupported
                || finding.check == CheckId::OsVersion);
        match (&finding.section, finding.action) {
            _ if !to_do => {}
            (None, SettingsAction::ManualStepsOnly) => {}
            (section, action) => {
                let section = section.as_deref().unwrap_or("-");
                out.push_str(&format!("     → {section} ({})\n", action.as_str()));
            }
        }
    }
    if !report.questions.is_empty() {
        out.push('\n');
        for q in &report.questions {
            out.push_str(&format!("Q [{}] {}\n", q.check, q.text));
        }
    }
    out
}
