//! Diagnosis of what the customer saw: a message on the screen, or an error code the app or the
//! browser reported, turned into the guide's answer — the FAQ or an explanation, the checks to
//! look at in the order to fix them, the guide parts that fix them, and what most likely went
//! wrong ([`DiagnosisCause`]).
//!
//! ```
//! use passkey_ready_core::content::Bundle;
//! use passkey_ready_core::diagnose::{diagnose, DiagnosisCause, MatchSource};
//!
//! let bundle = Bundle::embedded().unwrap();
//! let matches = diagnose(&bundle, "画面に「パスキー登録が中断されました」と出ました", None).unwrap();
//! let best = &matches[0];
//! assert_eq!(best.faq.as_deref(), Some("faq.in_app_browser"));
//! assert_eq!(best.matched_by, MatchSource::Message);
//! assert_eq!(best.cause, DiagnosisCause::CustomerDevice);
//! assert!(diagnose(&bundle, "通信が中断されました", None).unwrap().is_empty());
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
//!   - it contains at least 85 % of the message, in order, with little between the pieces,
//!     and that part holds a domain word — パスキー, 登録, セキュリティキー, passkey,
//!     registration, security key … (80–89);
//!   - it contains at least 50 % of the message, in order, with little between the pieces, and
//!     that part holds a domain word *and* a distinctive word — not a domain word, particle,
//!     polite ending or common word such as setup (60–78).
//!
//!   So 「パスキー登録が中断」, 「セキュリティキーを挿入」 and "insert your security key" match,
//!   but 「通信が中断されました」, 「中断されました」, 「プリンタをUSBポートに挿入します」 (no
//!   domain word), 「パスキー登録」 or "security key" (nothing distinctive) do not. The rule is
//!   the same for a bank's messages; one without any domain word matches only as the whole
//!   input. A message lighter than four kana or eight letters matches only as the whole input.
//!   A message inside a text saying it completed or succeeded (「…のセットアップが完了しました」,
//!   "… setup complete"; not 「完了しません」, "could not complete") is not a match. Details:
//!   `diagnose/message.rs`, `diagnose/completion.rs`.
//! - **Platform texts**: what browsers put in `e.message` (Chrome's "The operation either timed
//!   out or was not allowed.", Safari's "This request has been cancelled by the user.", the
//!   already-registered and relying-party-id texts), Credential Manager's and Apple's texts for
//!   configuration errors ("The incoming request cannot be validated", "… is not associated with
//!   domain …"), a page's 「パスキー登録がキャンセルされました」 and Windows' 「セキュリティ キーの
//!   PIN を入力してください」: `diagnose/texts.rs`. They are found like messages, and a text
//!   that says more than its code replaces the code's answers.
//! - **Error codes**: WebAuthn `DOMException` names, Android Credential Manager error types and
//!   exception classes, iOS/macOS `ASAuthorizationError` codes and names. What each is taken to
//!   mean for this guide, and why: `diagnose/codes.rs`.
//!
//! All kinds are looked for in every input; a text with none gives no match (never a weak
//! guess from common words).
//!
//! # Cost
//!
//! A bundle's messages are folded, numbered and indexed once, on its first diagnosis, and kept
//! for the next calls (`diagnose/prepared.rs`). A call builds a suffix automaton of the input
//! and reads each message through it once (`diagnose/automaton.rs`): the work is linear in the
//! input plus the messages (times a logarithm), whatever they contain.
//!
//! # Confidence
//!
//! `confidence` (0–100) ranks the matches and says how sure the answer is:
//!
//! | confidence | meaning |
//! |---|---|
//! | 100 | the input is one of the content's messages (after folding) |
//! | 90 | the whole message, inside a longer text; a code or a platform text with one meaning here (already registered; Android "no create option"; a configuration error's text; Windows' security-key PIN prompt) |
//! | 80–89 | nearly all of a message; iOS 26's "device not configured for passkey creation" |
//! | 60–79 | a part of a message with a domain and a distinctive word; a code that usually means this answer (`NotSupportedError` on a smartphone, `SecurityError`: the site's configuration); a cancellation text |
//! | 30–59 | a code that often means this answer, among other causes (`NotAllowedError`, `ASAuthorizationError.failed`) |
//! | below 30 | a guess, see below |
//!
//! A platform text's answers are weighed by how surely the text was found (its confidence as a
//! message). A text quoting two messages of the same FAQ gets 5 more (at most 100).
//!
//! # Platform
//!
//! With a platform, every check and section returned applies on it (`readiness::rules`), and:
//! - a code's answers for other platforms are dropped; a code of another platform's API
//!   (Credential Manager on iOS) therefore gives no match;
//! - a message whose FAQ is about other platforms (`faq.in_app_browser`: smartphones;
//!   `faq.security_key_prompt`: Windows) still matches — the customer may have seen it on
//!   another device — at half the confidence, with its checks and sections for other
//!   platforms left out;
//! - the security-key prompt on Android is Chrome asking for an external key because the phone
//!   has no screen lock: the answer is `screen_lock`, ahead of the (Windows) FAQ.
//!
//! Without a platform, a code's answers that hold only on some of the platforms the code can
//! come from are all returned, each at half its confidence.
//!
//! # The answer
//!
//! A match with a FAQ: show the FAQ. Otherwise `explanation` names the content's text that
//! explains it (`troubleshooting.explanations`, [`EXPLANATIONS`]; [`explanation`] looks it up).
//! Checks are in fixing order (the readiness rules' order, prerequisites first: e.g. on iPhone
//! the passcode before iCloud Keychain), sections are guide part ids that exist in the bundle.
//! `cause` says what most likely went wrong: a setting of the customer's device or browser, the
//! site's or the app's configuration (for the support team: nothing on the device fixes it),
//! a passkey already registered, a cancellation, or an interruption — the last three need no
//! setup (cancelled may still list the checks to look at if it happens again).

mod automaton;
mod codes;
mod completion;
mod message;
mod normalize;
mod prepared;
mod steps;
mod texts;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::content::{Bundle, Faq, Guide, Locale};
use crate::readiness::{rules, CheckId};
use crate::Platform;

use codes::{Answer, Hit};
use prepared::Origin;

/// Inputs longer than this (in UTF-8 bytes) are refused before any work: a message or an error
/// code fits many times over.
pub const MAX_MESSAGE_BYTES: usize = 2048;

/// The ids of the content's texts that explain answers without a FAQ
/// (`troubleshooting.explanations`); every bundle has them all.
pub const EXPLANATIONS: [&str; 10] = [
    codes::DEVICE_SETUP,
    codes::NOT_ALLOWED_TEXT,
    codes::CANCELLED_TEXT,
    codes::ALREADY_REGISTERED_TEXT,
    codes::INTERRUPTED_TEXT,
    codes::SITE_CONFIGURATION_TEXT,
    codes::UNSUPPORTED_TEXT,
    codes::SCREEN_LOCK_TEXT,
    codes::APPLE_NOT_CONFIGURED_TEXT,
    codes::PROVIDER_SETTINGS_TEXT,
];

/// One possible answer to what the customer saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
    /// What most likely went wrong, whichever way the answer was found.
    pub cause: DiagnosisCause,
    /// When `faq` is `None`: the id of the content's text that explains the answer
    /// (`troubleshooting.explanations`, one of [`EXPLANATIONS`]). Every match has a FAQ or an
    /// explanation.
    pub explanation: Option<String>,
}

/// What in the input the match was found by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum MatchSource {
    /// One of the content's messages, or a page's or the OS's wording the SDK knows
    /// (「パスキー登録がキャンセルされました」, Windows' security-key PIN prompt).
    Message,
    /// A WebAuthn `DOMException` name, or a browser's text for one (`e.message`).
    DomException,
    /// An Android Credential Manager error type or exception class, or its text.
    CredentialManager,
    /// An iOS/macOS `ASAuthorizationError` code or name, or its text.
    AuthorizationError,
}

/// What most likely went wrong: who can fix it, and whether anything needs fixing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum DiagnosisCause {
    /// A setting on the customer's device, or the browser they use: `checks`, `sections` or
    /// the FAQ say which.
    CustomerDevice,
    /// The site's or the app's configuration (relying party id, associated domains, asset
    /// links): no setting on the device fixes it; the support team needs to know.
    SiteConfiguration,
    /// A passkey for the account is already there: nothing to fix.
    AlreadyRegistered,
    /// The customer cancelled, or the request timed out: try again (after the checks, if any).
    Cancelled,
    /// The request stopped in the app, the site or the system: try again.
    Interrupted,
}

use DiagnosisCause as Cause;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiagnoseError {
    #[error("the text to diagnose is empty")]
    Empty,
    #[error("the text to diagnose is {len} bytes; the limit is {max} bytes")]
    TooLong { len: usize, max: usize },
}

/// The content's text explaining an answer without a FAQ ([`DiagnosisMatch::explanation`]).
pub fn explanation<'g>(guide: &'g Guide, id: &str) -> Option<&'g str> {
    guide
        .troubleshooting
        .explanations
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.text.as_str())
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

    let prepared = prepared::prepared(bundle);
    let mut found: Vec<DiagnosisMatch> = Vec::new();
    let mut hits: Vec<(Hit, u8)> = codes::recognise(input)
        .into_iter()
        .map(|hit| (hit, 100))
        .collect();
    // Codes whose answers a platform text found replaces: it says what the code meant.
    let mut refined: Vec<&str> = Vec::new();
    if let Some(input) = prepared.input(input) {
        let mut faqs = FaqScores::default();
        for entry in &prepared.entries {
            let Some(score) = entry.message.score(&input) else {
                continue;
            };
            match &entry.origin {
                Origin::Faq { faq, index } => faqs.add(faq, *index, score),
                Origin::Known(known) => {
                    refined.extend(known.refines);
                    hits.push((
                        Hit {
                            source: known.source,
                            code: known.text,
                            implied: codes::implied(known.source),
                            answers: known.answers,
                        },
                        score,
                    ));
                }
            }
        }
        found.extend(by_message(bundle, faqs.scores, platform));
    }
    hits.retain(|(h, _)| !refined.contains(&h.code));
    for (hit, score) in &hits {
        for answer in hit.answers {
            let answer = Answer {
                confidence: scaled(answer.confidence, *score),
                ..*answer
            };
            found.extend(by_code(bundle, hit, &answer, platform));
        }
    }

    // The same answer found twice keeps its best confidence and first position.
    let mut matches: Vec<DiagnosisMatch> = Vec::new();
    let mut seen: HashMap<AnswerKey, usize> = HashMap::new();
    for m in found.into_iter().filter(|m| m.confidence > 0) {
        let key = (m.faq.clone(), m.checks.clone(), m.sections.clone(), m.cause);
        match seen.get(&key).and_then(|&at| matches.get_mut(at)) {
            Some(kept) if kept.confidence < m.confidence => *kept = m,
            Some(_) => {}
            None => {
                seen.insert(key, matches.len());
                matches.push(m);
            }
        }
    }
    // Stable: equal confidences keep the order they were found in.
    matches.sort_by_key(|m| std::cmp::Reverse(m.confidence));
    Ok(matches)
}

/// `confidence` weighed by how surely the text was found (`score`, 0–100).
fn scaled(confidence: u8, score: u8) -> u8 {
    let value = u16::from(confidence) * u16::from(score) / 100;
    u8::try_from(value).unwrap_or(u8::MAX)
}

// --- Messages --------------------------------------------------------------------------------

/// Extra confidence when the text quotes more than one message of the same FAQ.
const CORROBORATION_BONUS: u8 = 5;

/// What makes two matches the same answer.
type AnswerKey = (Option<String>, Vec<CheckId>, Vec<String>, Cause);

/// A FAQ's best score, over every locale, and whether more than one of its messages (by
/// position) matched.
struct FaqScore {
    id: String,
    best: u8,
    first: usize,
    several: bool,
}

/// FAQ scores in the order the FAQs were first matched.
#[derive(Default)]
struct FaqScores {
    scores: Vec<FaqScore>,
    at: HashMap<String, usize>,
}

impl FaqScores {
    fn add(&mut self, id: &str, index: usize, score: u8) {
        match self.at.get(id).and_then(|&at| self.scores.get_mut(at)) {
            Some(f) => {
                f.best = f.best.max(score);
                f.several |= f.first != index;
            }
            None => {
                self.at.insert(id.to_owned(), self.scores.len());
                self.scores.push(FaqScore {
                    id: id.to_owned(),
                    best: score,
                    first: index,
                    several: false,
                });
            }
        }
    }
}

fn by_message(
    bundle: &Bundle,
    scores: Vec<FaqScore>,
    platform: Option<Platform>,
) -> Vec<DiagnosisMatch> {
    let mut out = Vec::new();
    if scores.is_empty() {
        return out;
    }
    // Each FAQ in the source language, or in any locale.
    let mut faqs: HashMap<&str, &Faq> = HashMap::new();
    for locale in std::iter::once(Locale::Ja).chain(Locale::ALL) {
        for faq in &bundle.guide(locale).troubleshooting.faqs {
            faqs.entry(faq.id.as_str()).or_insert(faq);
        }
    }
    for FaqScore {
        id, best, several, ..
    } in scores
    {
        let Some(&faq) = faqs.get(id.as_str()) else {
            continue;
        };
        let mut confidence = best;
        if several {
            confidence = confidence.saturating_add(CORROBORATION_BONUS).min(100);
        }
        // The same symptom means something else on another platform.
        if id == codes::SECURITY_KEY_PROMPT_FAQ {
            let on_android = codes::SECURITY_KEY_PROMPT_ON_ANDROID;
            let hit = Hit {
                source: MatchSource::Message,
                code: codes::SECURITY_KEY_PROMPT_FAQ,
                implied: &[],
                answers: &[],
            };
            let answer = Answer {
                confidence: scaled(on_android.confidence, confidence),
                ..on_android
            };
            out.extend(by_code(bundle, &hit, &answer, platform));
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
        out.push(DiagnosisMatch {
            faq: Some(faq.id.clone()),
            checks,
            sections: faq_sections(bundle, faq, &platforms),
            matched_by: MatchSource::Message,
            confidence,
            cause: Cause::CustomerDevice,
            explanation: None,
        });
    }
    out
}

/// The platforms a FAQ is about. `faq.in_app_browser` is about smartphones and tablets (the
/// guide's ※1: only there does the browser matter); any other FAQ about the platforms where
/// all its checks apply and all its sections belong (`faq.security_key_prompt`: Windows), or
/// every platform if there is none (a bank's FAQ mixing platforms).
fn faq_scope(bundle: &Bundle, faq: &Faq) -> Vec<Platform> {
    if faq.id == "faq.in_app_browser" {
        return Platform::ALL
            .into_iter()
            .filter(|p| p.is_mobile())
            .collect();
    }
    // Each check and section looked up once, not once per platform.
    let checks = parse_checks(&faq.checks);
    let owners: Vec<Option<Vec<Platform>>> = faq
        .sections
        .iter()
        .map(|s| section_owners(bundle, s))
        .collect();
    let scope: Vec<Platform> = Platform::ALL
        .into_iter()
        .filter(|&p| {
            checks.iter().all(|&c| rules::applies(p, c))
                && owners.iter().all(|o| belongs(o.as_deref(), &[p]))
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
        // A code of another platform's API says nothing about this one.
        Some(p) if !hit.implied.is_empty() && !hit.implied.contains(&p) => return None,
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
        cause: answer.cause,
        explanation: faq.is_none().then(|| answer.explanation.to_owned()),
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
    belongs(section_owners(bundle, section).as_deref(), platforms)
}

/// `None` when the section is not a part of the bundle; else the platforms whose guide it is
/// in, empty for a guide the readiness rules do not know.
fn section_owners(bundle: &Bundle, section: &str) -> Option<Vec<Platform>> {
    if !is_part(bundle, section) {
        return None;
    }
    let Some((guide, _)) = section.split_once('.') else {
        return Some(Vec::new());
    };
    let of_guide = |p: Platform| {
        rules::for_platform(p).iter().any(|r| {
            r.section
                .and_then(|s| s.split_once('.'))
                .is_some_and(|(g, _)| g == guide)
        })
    };
    Some(Platform::ALL.into_iter().filter(|&p| of_guide(p)).collect())
}

fn belongs(owners: Option<&[Platform]>, platforms: &[Platform]) -> bool {
    owners.is_some_and(|o| o.is_empty() || platforms.iter().any(|p| o.contains(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bundle whose in-app-browser FAQ has one message of `pairs` distinct kanji pairs, each
    /// followed by filler (the shape that made Ratcliff/Obershelp rescan the message for every
    /// pair), and an input quoting `quoted` of the pairs with other filler.
    fn hostile(pairs: u32, quoted: u32) -> (Bundle, String) {
        let pair = |k: u32| -> String {
            [0x4E00 + 2 * k, 0x4E01 + 2 * k]
                .into_iter()
                .filter_map(char::from_u32)
                .collect()
        };
        let message: String = std::iter::once("パスキー".to_owned())
            .chain((0..pairs).map(|k| format!("{}ぬ", pair(k))))
            .collect();
        let input: String = std::iter::once("パスキー".to_owned())
            .chain((0..quoted).map(|k| format!("{}ね", pair(k))))
            .collect();
        let mut value: serde_json::Value =
            serde_json::from_str(&Bundle::embedded().unwrap().to_json()).unwrap();
        for lang in ["ja", "en"] {
            *value
                .pointer_mut(&format!("/locales/{lang}/troubleshooting/faqs/0/messages"))
                .unwrap() = serde_json::json!([message]);
        }
        // Read without the bundle limits (a message is at most 500 characters there): the
        // matcher's cost must be linear whatever the content.
        (serde_json::from_value(value).unwrap(), input)
    }

    /// Steps of one call, the bundle already prepared.
    fn steps_of(bundle: &Bundle, input: &str) -> u64 {
        assert!(input.len() <= MAX_MESSAGE_BYTES, "{}", input.len());
        diagnose(bundle, input, None).unwrap();
        steps::take();
        diagnose(bundle, input, None).unwrap();
        steps::take()
    }

    /// Issue 11: one message of 512 pairs took each call 11 s. The work now grows linearly
    /// with the message and with the input: four times either costs at most about four times
    /// the steps (a quadratic matcher would take sixteen).
    #[test]
    fn a_hostile_bundle_costs_linear_work() {
        let (small, input) = hostile(512, 50);
        let (large, _) = hostile(2048, 50);
        let base = steps_of(&small, &input);
        let longer_message = steps_of(&large, &input);
        let (_, longer_input) = hostile(512, 200);
        let longer_input = steps_of(&small, &longer_input);
        println!("steps: {base}; message ×4: {longer_message}; input ×4: {longer_input}");
        assert!(base > 512, "{base}");
        assert!(
            longer_message * 10 <= base * 45,
            "{base} → {longer_message}"
        );
        assert!(longer_input * 10 <= base * 45, "{base} → {longer_input}");
        // And a small multiple of what there is to read.
        let units = 2 * 2048 + 3 * 200 + 40;
        assert!(longer_message <= 20 * units as u64, "{longer_message}");
    }

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
