//! `check`: a device snapshot (JSON) → the readiness report, as text or JSON, or the help
//! screen as an HTML page.

use std::path::PathBuf;

use passkey_ready_core::content::Bundle;
use passkey_ready_core::readiness::{
    evaluate, CheckId, DeviceSnapshot, FindingStatus, ReadinessReport, ReadinessStatus,
    SettingsAction, MAX_SNAPSHOT_BYTES,
};
use passkey_ready_core::session::{help_screen, os_version_of, Answers};

use crate::guide::Lang;
use crate::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// The snapshot file; standard input when absent or `-`.
    #[arg(long)]
    snapshot: Option<PathBuf>,
    /// The report as text or JSON, or the help screen as a standalone HTML page.
    #[arg(long, value_enum, default_value_t = Format::Text, conflicts_with = "json")]
    format: Format,
    /// Print the report as JSON (the same as `--format json`).
    #[arg(long)]
    json: bool,
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
    /// The service name shown in the texts (default: the content's own).
    #[arg(long)]
    service: Option<String>,
    /// The customer's answer to a question, as CHECK=yes or CHECK=no; may be repeated. As in
    /// the apps, it applies where the snapshot reads the check as unknown.
    #[arg(long = "answer", value_name = "CHECK=yes|no", value_parser = parse_answer)]
    answers: Vec<(CheckId, bool)>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    /// The help screen as a standalone, accessible HTML5 page.
    Html,
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
    let observed = DeviceSnapshot::from_json(&json)
        .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    // The session's rules, the apps' own: one answer per check, where the device cannot tell.
    let mut answers = Answers::new(observed.platform);
    for (check, yes) in &args.answers {
        answers
            .give(*check, *yes)
            .map_err(|e| Failure(format!("--answer: {e}")))?;
    }
    let snapshot = answers
        .apply(&observed)
        .map_err(|e| Failure(format!("--answer: {e}")))?;
    let bundle = Bundle::embedded().map_err(|e| Failure(e.to_string()))?;
    let guide = bundle
        .guide(args.lang.into())
        .with_service(args.service.as_deref());
    let report = evaluate(&snapshot, &guide).map_err(|e| Failure(e.to_string()))?;
    match (args.json, args.format) {
        (true, _) | (false, Format::Json) => crate::guide::json(&report),
        (false, Format::Text) => Ok(text(&report)),
        (false, Format::Html) => {
            let version = os_version_of(&snapshot, &report);
            Ok(crate::html::help_screen(&help_screen(
                &report,
                &guide,
                version.as_ref(),
            )))
        }
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
