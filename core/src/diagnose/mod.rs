//! Diagnosis of what the customer saw: a message on the screen, or an error code the app or the
//! browser reported, turned into the guide's answer — the FAQ, the checks to look at in the
//! order to fix them, and the guide parts that fix them.
//!
//! ```
//! use passkey_ready_core::content::Bundle;
//! use passkey_ready_core::diagnose::{diagnose, MatchSource};
//!
//! let bundle = Bundle::embedded().unwrap();
//! let matches = diagnose(&bundle, "画面に「パスキー登録が中断されました」と出ました", None).unwrap();
//! let best = &matches[0];
//! assert_eq!(best.faq.as_deref(), Some("faq.in_app_browser"));
//! assert_eq!(best.matched_by, MatchSource::Message);
//! ```
//!
//! # What is recognised
//!
//! - **Messages**: every FAQ's `messages`, in every locale of the bundle given, so a bank's
//!   bundle with its own wording works without a code change. Both texts are folded (full-width
//!   ASCII and half-width katakana to the usual forms, small kana to full size, letter case) and
//!   compared without spaces, quotes, punctuation or ー. The input matches a message when:
//!   - it *is* the message (confidence 100);
//!   - it contains the whole message, in one piece (90);
//!   - it contains at least 85 % of the message, in order, with little between the pieces
//!     (80–89);
//!   - it contains at least 50 % of the message, in order, with little between the pieces, and
//!     that part holds a distinctive word — not one of the domain's common words (パスキー,
//!     登録, セキュリティキー, setup …), particles or polite endings (60–78).
//!
//!   So 「セキュリティキーを挿入」 and "insert your security key" match, but 「パスキー登録」,
//!   「パスキーが登録されました」 and "security key" do not. A message lighter than four kana or
//!   eight letters matches only as the whole input. Details: `diagnose/message.rs`.
//! - **Error codes**: WebAuthn `DOMException` names, Android Credential Manager error types and
//!   exception classes, iOS/macOS `ASAuthorizationError` codes and names. What each is taken to
//!   mean for this guide, and why: `diagnose/codes.rs`.
//!
//! Both kinds are looked for in every input; a text with no message and no code gives no match
//! (never a weak guess from common words).
//!
//! # Confidence
//!
//! `confidence` (0–100) ranks the matches and says how sure the answer is:
//!
//! | confidence | meaning |
//! |---|---|
//! | 100 | the input is one of the content's messages (after folding) |
//! | 90 | the whole message, inside a longer text; or a code with one meaning here (already registered; Android "no create option") |
//! | 80–89 | nearly all of a message |
//! | 60–79 | a distinctive part of a message; a code that usually means this answer (`NotSupportedError` on a smartphone) |
//! | 30–59 | a code that often means this answer, among other causes (`NotAllowedError`, `ASAuthorizationError.failed`) |
//! | below 30 | a guess, see below |
//!
//! A text quoting two messages of the same FAQ gets 5 more (at most 100).
//!
//! # Platform
//!
//! With a platform, every check and section returned applies on it (`readiness::rules`), and:
//! - a code's answers for other platforms are dropped; a code of another platform's API
//!   (Credential Manager on iOS) therefore gives no match;
//! - a message whose FAQ is about other platforms (`faq.in_app_browser`: smartphones;
//!   `faq.security_key_prompt`: Windows) still matches — the customer may have seen it on
//!   another device — at half the confidence, with its checks and sections for other
//!   platforms left out.
//!
//! Without a platform, a code's answers that hold only on some of the platforms the code can
//! come from are all returned, each at half its confidence.
//!
//! # The answer
//!
//! A match with a FAQ: show the FAQ. Checks are in fixing order (the readiness rules' order,
//! prerequisites first: e.g. on iPhone the passcode before iCloud Keychain), sections are
//! guide part ids that exist in the bundle. A match with no FAQ, no checks and no sections
//! means the code was recognised and nothing on the device needs setting up: a passkey is
//! already registered (`InvalidStateError`, `matchedExcludedCredential`, confidence 90), or
//! the request was interrupted or failed in the app or the site (lower confidence).

mod codes;
mod message;
mod normalize;

use serde::{Deserialize, Serialize};

use crate::content::{Bundle, Faq, Locale};
use crate::readiness::{rules, CheckId};
use crate::Platform;

use codes::{Answer, Hit};
use message::Message;

/// Inputs longer than this (in UTF-8 bytes) are refused before any work: a message or an error
/// code fits many times over.
pub const MAX_MESSAGE_BYTES: usize = 2048;

/// One possible answer to what the customer saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DiagnosisMatch {
    /// The FAQ id, when the answer is one of the content's FAQs.
    pub faq: Option<String>,
    /// Checks to look at, in the order to fix them.
    pub checks: Vec<CheckId>,
    /// Guide part ids that fix it; each exists in the bundle.
    pub sections: Vec<String>,
    pub matched_by: MatchSource,
    /// 0–100, for ranking; see the module documentation for what the bands mean.
    pub confidence: u8,
}

/// What in the input the match was found by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MatchSource {
    /// One of the content's messages.
    Message,
    /// A WebAuthn `DOMException` name.
    DomException,
    /// An Android Credential Manager error type or exception class.
    CredentialManager,
    /// An iOS/macOS `ASAuthorizationError` code or name.
    AuthorizationError,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiagnoseError {
    #[error("the text to diagnose is empty")]
    Empty,
    #[error("the text to diagnose is {len} bytes; the limit is {max} bytes")]
    TooLong { len: usize, max: usize },
}

/// The answers to what the customer saw, best first; empty when nothing is recognised.
///
/// `input` is what the customer saw or typed, or the error the app caught, as text. `platform`
/// is the device it happened on, when known.
pub fn diagnose(
    bundle: &Bundle,
    input: &str,
    platform: Option<Platform>,
) -> Result<Vec<DiagnosisMatch>, DiagnoseError> {
    if input.len() > MAX_MESSAGE_BYTES {
        return Err(DiagnoseError::TooLong {
            len: input.len(),
            max: MAX_MESSAGE_BYTES,
        });
    }
    if input.trim().is_empty() {
        return Err(DiagnoseError::Empty);
    }

    let mut found: Vec<DiagnosisMatch> = Vec::new();
    found.extend(by_message(bundle, input, platform));
    for hit in codes::recognise(input) {
        for answer in hit.answers {
            found.extend(by_code(bundle, &hit, answer, platform));
        }
    }

    // The same answer found twice keeps its best confidence and first position.
    let mut matches: Vec<DiagnosisMatch> = Vec::new();
    for m in found {
        let same = matches
            .iter_mut()
            .find(|k| k.faq == m.faq && k.checks == m.checks && k.sections == m.sections);
        match same {
            Some(kept) if kept.confidence < m.confidence => *kept = m,
            Some(_) => {}
            None => matches.push(m),
        }
    }
    matches.sort_by_key(|m| std::cmp::Reverse(m.confidence));
    Ok(matches)
}

// --- Messages --------------------------------------------------------------------------------

/// Extra confidence when the text quotes more than one message of the same FAQ.
const CORROBORATION_BONUS: u8 = 5;

fn by_message(bundle: &Bundle, input: &str, platform: Option<Platform>) -> Vec<DiagnosisMatch> {
    let input = normalize::units(input);
    if input.is_empty() {
        return Vec::new();
    }
    // FAQ id → best score and which messages (by position) matched, over every locale.
    let mut scores: Vec<(&Faq, u8, Vec<usize>)> = Vec::new();
    for (_, guide) in bundle.locales() {
        for faq in &guide.troubleshooting.faqs {
            for (index, text) in faq.messages.iter().enumerate() {
                let Some(score) = Message::new(text).score(&input) else {
                    continue;
                };
                match scores.iter_mut().find(|(f, _, _)| f.id == faq.id) {
                    Some((_, best, which)) => {
                        *best = (*best).max(score);
                        if !which.contains(&index) {
                            which.push(index);
                        }
                    }
                    None => scores.push((faq, score, vec![index])),
                }
            }
        }
    }
    scores
        .into_iter()
        .map(|(faq, score, which)| {
            let mut confidence = score;
            if which.len() > 1 {
                confidence = confidence.saturating_add(CORROBORATION_BONUS).min(100);
            }
            let scope = faq_scope(bundle, faq);
            let platforms = match platform {
                Some(p) => {
                    if !scope.contains(&p) {
                        confidence /= 2;
                    }
                    vec![p]
                }
                None => scope,
            };
            let checks = in_fixing_order(parse_checks(&faq.checks), &platforms);
            DiagnosisMatch {
                faq: Some(faq.id.clone()),
                checks,
                sections: faq_sections(bundle, faq, &platforms),
                matched_by: MatchSource::Message,
                confidence,
            }
        })
        .collect()
}

/// The platforms a FAQ is about. `faq.in_app_browser` is about smartphones and tablets (the
/// guide's ※1: only there does the browser matter); any other FAQ about the platforms where
/// all its checks apply and all its sections belong (`faq.security_key_prompt`: Windows), or
/// every platform if there is none (a bank's FAQ mixing platforms).
fn faq_scope(bundle: &Bundle, faq: &Faq) -> Vec<Platform> {
    let scope: Vec<Platform> = Platform::ALL
        .into_iter()
        .filter(|&p| {
            if faq.id == "faq.in_app_browser" {
                return p.is_mobile();
            }
            parse_checks(&faq.checks)
                .iter()
                .all(|&c| rules::applies(p, c))
                && faq
                    .sections
                    .iter()
                    .all(|s| section_belongs(bundle, s, &[p]))
        })
        .collect();
    if scope.is_empty() {
        Platform::ALL.to_vec()
    } else {
        scope
    }
}

fn faq_sections(bundle: &Bundle, faq: &Faq, platforms: &[Platform]) -> Vec<String> {
    let mut sections: Vec<String> = Vec::new();
    for section in &faq.sections {
        if section_belongs(bundle, section, platforms) && !sections.contains(section) {
            sections.push(section.clone());
        }
    }
    sections
}

// --- Codes -----------------------------------------------------------------------------------

fn by_code(
    bundle: &Bundle,
    hit: &Hit,
    answer: &Answer,
    platform: Option<Platform>,
) -> Option<DiagnosisMatch> {
    // The platforms the answer is weighed against: the one given, else those the code can
    // come from.
    let candidates: Vec<Platform> = match platform {
        Some(p) => vec![p],
        None if hit.implied.is_empty() => Platform::ALL.to_vec(),
        None => hit.implied.to_vec(),
    };
    let platforms: Vec<Platform> = candidates
        .iter()
        .copied()
        .filter(|p| answer.scope.is_empty() || answer.scope.contains(p))
        .collect();
    if platforms.is_empty() {
        return None;
    }
    let mut confidence = answer.confidence;
    if platforms.len() < candidates.len() {
        confidence /= 2;
    }

    let faq = answer.faq.and_then(|id| find_faq(bundle, id));
    let (checks, sections) = match faq {
        Some(faq) => {
            let checks = in_fixing_order(parse_checks(&faq.checks), &platforms);
            (checks, faq_sections(bundle, faq, &platforms))
        }
        None => {
            let checks = in_fixing_order(answer.checks.to_vec(), &platforms);
            let sections = rule_sections(bundle, &checks, &platforms);
            (checks, sections)
        }
    };
    // An answer about setting something up that has nothing left on this platform would read
    // as "nothing to set up": drop it instead.
    let was_setup = answer.faq.is_some() || !answer.checks.is_empty();
    if was_setup && faq.is_none() && checks.is_empty() {
        return None;
    }
    Some(DiagnosisMatch {
        faq: faq.map(|f| f.id.clone()),
        checks,
        sections,
        matched_by: hit.source,
        confidence,
    })
}

/// The FAQ in the source language, or in any locale.
fn find_faq<'b>(bundle: &'b Bundle, id: &str) -> Option<&'b Faq> {
    bundle
        .guide(Locale::Ja)
        .faq(id)
        .or_else(|| bundle.locales().find_map(|(_, g)| g.faq(id)))
}

/// The part fixing each check on the platforms, in the checks' order, once each.
fn rule_sections(bundle: &Bundle, checks: &[CheckId], platforms: &[Platform]) -> Vec<String> {
    let mut sections: Vec<String> = Vec::new();
    for &check in checks {
        for &p in platforms {
            let section = rules::for_platform(p)
                .iter()
                .find(|r| r.check == check)
                .and_then(|r| r.section);
            if let Some(section) = section {
                if is_part(bundle, section) && !sections.iter().any(|s| s == section) {
                    sections.push(section.to_owned());
                }
            }
        }
    }
    sections
}

// --- Checks and sections ---------------------------------------------------------------------

fn parse_checks(ids: &[String]) -> Vec<CheckId> {
    ids.iter().filter_map(|id| CheckId::parse(id)).collect()
}

/// The checks that apply on any of the platforms, in the fixing order of the first of them;
/// checks its rules do not order keep their order, after the others.
fn in_fixing_order(checks: Vec<CheckId>, platforms: &[Platform]) -> Vec<CheckId> {
    let mut checks: Vec<CheckId> = checks
        .into_iter()
        .filter(|&c| platforms.iter().any(|&p| rules::applies(p, c)))
        .fold(Vec::new(), |mut kept, c| {
            if !kept.contains(&c) {
                kept.push(c);
            }
            kept
        });
    if let Some(&first) = platforms.first() {
        let order = rules::for_platform(first);
        checks.sort_by_key(|&c| {
            order
                .iter()
                .position(|r| r.check == c)
                .unwrap_or(usize::MAX)
        });
    }
    checks
}

/// A guide part of the bundle, in every locale.
fn is_part(bundle: &Bundle, id: &str) -> bool {
    bundle.locales().all(|(_, g)| g.part(id).is_some())
}

/// Whether a section may be shown on any of the platforms: it must be a part of the bundle,
/// and its guide one of theirs. A guide the readiness rules do not know (a bank's own) may be
/// shown anywhere.
fn section_belongs(bundle: &Bundle, section: &str, platforms: &[Platform]) -> bool {
    if !is_part(bundle, section) {
        return false;
    }
    let Some((guide, _)) = section.split_once('.') else {
        return true;
    };
    let of_guide = |p: Platform| {
        rules::for_platform(p).iter().any(|r| {
            r.section
                .and_then(|s| s.split_once('.'))
                .is_some_and(|(g, _)| g == guide)
        })
    };
    let owners: Vec<Platform> = Platform::ALL.into_iter().filter(|&p| of_guide(p)).collect();
    owners.is_empty() || platforms.iter().any(|p| owners.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faq_scopes_of_the_embedded_content() {
        let bundle = Bundle::embedded().unwrap();
        let scope = |id: &str| faq_scope(&bundle, find_faq(&bundle, id).unwrap());
        assert_eq!(
            scope("faq.in_app_browser"),
            [Platform::Android, Platform::Ios, Platform::Ipados]
        );
        assert_eq!(scope("faq.security_key_prompt"), [Platform::Windows]);
    }

    #[test]
    fn a_faq_mixing_platforms_keeps_its_checks() {
        let bundle = Bundle::embedded().unwrap();
        let mut faq = find_faq(&bundle, "faq.security_key_prompt")
            .unwrap()
            .clone();
        faq.checks = vec!["screen_lock".into(), "passcode".into()];
        faq.sections = vec!["android.screen_lock".into(), "ios.passcode".into()];
        assert_eq!(faq_scope(&bundle, &faq), Platform::ALL);
        let platforms = faq_scope(&bundle, &faq);
        assert_eq!(
            in_fixing_order(parse_checks(&faq.checks), &platforms),
            [CheckId::ScreenLock, CheckId::Passcode]
        );
        assert_eq!(
            faq_sections(&bundle, &faq, &[Platform::Ios]),
            ["ios.passcode"]
        );
    }
}
