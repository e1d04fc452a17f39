//! `diagnose`: what the customer saw (a message, a DOMException name, an error code) → the
//! troubleshooting answers that fit, best first.

use passkey_ready_core::content::{Bundle, Guide};
use passkey_ready_core::diagnose::{diagnose, explanation, DiagnosisMatch};
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
    Ok(text(&guide, &matches))
}

/// Each answer explained with the content's own words: the FAQ (question and answer) or the
/// explanation, then the checks by their labels and the guide parts by their titles.
fn text(guide: &Guide, matches: &[DiagnosisMatch]) -> String {
    let mut out = String::new();
    if matches.is_empty() {
        out.push_str("no match\n");
    }
    for m in matches {
        if let Some(faq) = m.faq.as_deref().and_then(|id| guide.faq(id)) {
            out.push_str(&format!("{}\n{}\n", faq.question, faq.answer));
        }
        if let Some(text) = m
            .explanation
            .as_deref()
            .and_then(|id| explanation(guide, id))
        {
            out.push_str(&format!("{text}\n"));
        }
        if !m.checks.is_empty() {
            let checks: Vec<String> = m
                .checks
                .iter()
                .map(|c| match guide.check(c.as_str()) {
                    Some(text) => format!("{} ({c})", text.label),
                    None => c.to_string(),
                })
                .collect();
            out.push_str(&format!("  checks: {}\n", checks.join(", ")));
        }
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
    out
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )]

    use super::*;
    use passkey_ready_core::content::Locale;

    /// Every answer the CLI prints opens with a sentence of the content, in both languages:
    /// the FAQ's answer or the explanation of the answer.
    #[test]
    fn every_answer_is_explained_in_both_languages() {
        let bundle = Bundle::embedded().unwrap();
        let inputs = [
            "InvalidStateError",
            "SecurityError",
            "AbortError",
            "NotAllowedError",
            "NotSupportedError",
            "ConstraintError",
            "UnknownError",
            "androidx.credentials.TYPE_CREATE_CREDENTIAL_NO_CREATE_OPTION",
            "android.credentials.CreateCredentialException.TYPE_INTERRUPTED",
            "androidx.credentials.TYPE_CREATE_CREDENTIAL_UNSUPPORTED_EXCEPTION",
            "ASAuthorizationError 1001",
            "ASAuthorizationError 1004",
            "ASAuthorizationError 1006",
            "ASAuthorizationError 1010",
            "This request has been cancelled by the user.",
            "Insert your security key into the USB port.",
            "パスキー登録が中断されました。",
        ];
        for locale in Locale::ALL {
            let guide = bundle.guide(locale).with_service(None);
            for input in inputs {
                for platform in std::iter::once(None).chain(Platform::ALL.map(Some)) {
                    let matches = diagnose(&bundle, input, platform).unwrap();
                    for m in &matches {
                        let said = text(&guide, std::slice::from_ref(m));
                        let first = said.lines().next().unwrap_or("");
                        let from_content = m
                            .faq
                            .as_deref()
                            .and_then(|id| guide.faq(id))
                            .map(|f| f.question.as_str())
                            .or_else(|| {
                                m.explanation
                                    .as_deref()
                                    .and_then(|id| explanation(&guide, id))
                            });
                        assert_eq!(
                            Some(first),
                            from_content,
                            "{input} on {platform:?} in {}: {said}",
                            locale.code()
                        );
                    }
                }
            }
        }
        // The answer that printed nothing but "checks: " before.
        let guide = bundle.guide(Locale::En).with_service(None);
        let said = text(
            &guide,
            &diagnose(&bundle, "InvalidStateError", None).unwrap(),
        );
        assert!(
            said.starts_with("A passkey for this account is already registered"),
            "{said}"
        );
        assert!(!said.contains("checks:"), "{said}");
    }
}
