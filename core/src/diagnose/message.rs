//! Scoring what the customer typed against one message.
//!
//! Both texts are compared as [`Unit`]s (see [`super::normalize`]), so width, case, spaces,
//! quotes, punctuation and ー do not matter. The runs of units they share are found in one pass
//! over the message ([`super::automaton`]); a run counts only if it weighs at least
//! [`MIN_BLOCK_WEIGHT`] (two kana or kanji, or four letters), so stray particles and short words
//! never add up to a match. Runs that follow each other in both texts, with so little between
//! them in the input that they fill at least 75 % of it, form a stretch. For each stretch,
//! `covered` is the share of the message's weight it holds. The score is the best over all
//! stretches:
//!
//! | rule | confidence |
//! |---|---|
//! | the input is the message | 100 |
//! | the whole message appears in one piece inside a longer text | 90 |
//! | `covered` ≥ 85 % and the stretch holds a domain word | 80–89 (by `covered`) |
//! | `covered` ≥ 50 %, the stretch holds a domain word and a distinctive word | 60–78 (by `covered`) |
//! | anything less | no match |
//!
//! A **domain word** ([`DOMAIN`]: パスキー, 登録, セキュリティキー, passkey, registration,
//! security key …) is what makes a message about registering a passkey rather than about
//! anything else that can be interrupted or inserted; a **distinctive word** is one that is
//! neither a domain word nor in [`GENERIC`] (particles, polite endings, setup, error …) and
//! weighs at least [`MIN_BLOCK_WEIGHT`]. So 「パスキー登録が中断」 and "insert your security key"
//! match, but 「通信が中断されました」, 「中断されました」, 「プリンタをUSBポートに挿入します」
//! (no domain word), "security key" or 「パスキーが登録されました」 (nothing distinctive) do not.
//! The rule is the same for every message and every language, so it holds for a bank's own
//! messages: a message with no domain word at all (「通信エラーが発生しました」) matches only
//! when it is the whole input. The errors' texts the platforms show ([`super::texts`]) are
//! known verbatim and need no domain word to be found whole or nearly whole; a half of one
//! still needs it.
//!
//! A message lighter than [`MIN_MESSAGE_WEIGHT`] (a bank's one-word message such as 「エラー」)
//! matches only when it is the whole input: inside a longer text it would be a common word.
//!
//! A message found inside a text that says it completed or succeeded
//! (「セキュリティキーのセットアップが完了しました」, "security key setup complete") is not a
//! match: see [`super::completion`].

use std::collections::HashMap;
use std::sync::OnceLock;

use super::automaton::{Automaton, Run, Symbol};
use super::completion;
use super::normalize::{units, weight, Unit};

/// Shared runs lighter than this are ignored.
const MIN_BLOCK_WEIGHT: usize = 4;
/// A message must weigh this much to be found inside a longer text or in part.
const MIN_MESSAGE_WEIGHT: usize = 8;
/// Distinctive weight a partial quote must contain.
const MIN_DISTINCTIVE_WEIGHT: usize = 4;

/// What makes a message about registering a passkey. Folded like the input.
const DOMAIN: &[&str] = &[
    "パスキー",
    "登録",
    "セキュリティキー",
    "認証",
    "資格情報",
    "passkey",
    "passkeys",
    "registration",
    "register",
    "registering",
    "registered",
    "security key",
    "security keys",
    "credential",
    "credentials",
    "authenticator",
    "webauthn",
    "windows hello",
];

/// Words too common to identify a message on their own. Folded like the input.
const GENERIC: &[&str] = &[
    // Japanese: the domain's nouns, then particles and endings.
    "セキュリティ",
    "キー",
    "セットアップ",
    "設定",
    "端末",
    "画面",
    "表示",
    "エラー",
    "ログイン",
    "します",
    "しました",
    "されました",
    "されます",
    "ました",
    "ます",
    "です",
    "でした",
    "ません",
    "ください",
    "が",
    "を",
    "に",
    "の",
    "は",
    "と",
    "で",
    "へ",
    "も",
    "や",
    // English.
    "security",
    "key",
    "keys",
    "setup",
    "set",
    "up",
    "error",
    "device",
    "login",
    "sign",
    "in",
    "a",
    "an",
    "the",
    "your",
    "my",
    "to",
    "into",
    "of",
    "on",
    "for",
    "is",
    "was",
    "has",
    "been",
    "please",
];

/// Term lists as units, indexed by their first unit.
pub(crate) struct Terms {
    by_first: HashMap<Unit, Vec<(Vec<Unit>, bool)>>,
}

impl Terms {
    /// The terms starting with `unit`, each with whether it is a domain word.
    fn starting_with(&self, unit: &Unit) -> &[(Vec<Unit>, bool)] {
        self.by_first.get(unit).map_or(&[], Vec::as_slice)
    }
}

fn terms() -> &'static Terms {
    static TERMS: OnceLock<Terms> = OnceLock::new();
    TERMS.get_or_init(|| {
        let mut by_first: HashMap<Unit, Vec<(Vec<Unit>, bool)>> = HashMap::new();
        let all = DOMAIN
            .iter()
            .map(|t| (t, true))
            .chain(GENERIC.iter().map(|t| (t, false)));
        for (text, domain) in all {
            let term = units(text);
            if let Some(first) = term.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push((term, domain));
            }
        }
        Terms { by_first }
    })
}

/// A message, ready to be compared: prepared once per bundle. Only numbers are kept (the
/// numbering is one-to-one), so a long message costs a few words of memory per unit.
pub(crate) struct Message {
    symbols: Vec<Symbol>,
    /// Weight of the units before each position (one more entry than units).
    weight_before: Vec<usize>,
    /// Weight of the distinctive units before each position.
    distinctive_before: Vec<usize>,
    /// For each position: the end (exclusive) of the first-ending domain word that starts
    /// there or later; `usize::MAX` when none does.
    domain_end_from: Vec<usize>,
    weight: usize,
    requires_domain: bool,
}

/// The input, ready to be compared with every message: built once per call.
pub(crate) struct Input {
    units: Vec<Unit>,
    symbols: Vec<Symbol>,
    weight_before: Vec<usize>,
    automaton: Automaton,
    /// The runs of the message being scored: one buffer for every message of the call.
    runs: std::cell::Cell<Vec<Run>>,
}

impl Input {
    pub(crate) fn new(units: Vec<Unit>, symbols: Vec<Symbol>) -> Input {
        Input {
            weight_before: prefix_weights(&units),
            automaton: Automaton::new(&symbols),
            runs: std::cell::Cell::new(Vec::new()),
            symbols,
            units,
        }
    }

    fn span_weight(&self, start: usize, end: usize) -> usize {
        let at = |i: usize| self.weight_before.get(i).copied().unwrap_or(0);
        at(end).saturating_sub(at(start))
    }
}

fn prefix_weights(units: &[Unit]) -> Vec<usize> {
    let mut out = Vec::with_capacity(units.len() + 1);
    let mut total = 0;
    out.push(0);
    for unit in units {
        total += unit.weight();
        out.push(total);
    }
    out
}

/// A shared run, with its ends (exclusive) in both texts.
#[derive(Debug, Clone, Copy)]
struct Block {
    message_start: usize,
    message_end: usize,
    input_start: usize,
    input_end: usize,
}

/// Consecutive blocks, in order in both texts, filling most of their span of the input.
#[derive(Debug, Clone, Copy)]
struct Stretch {
    first: Block,
    last: Block,
    blocks: usize,
    matched: usize,
    distinctive: usize,
    domain: bool,
}

impl Message {
    /// `requires_domain`: a near or whole match must hold a domain word (the content's
    /// messages); a platform's error text, known verbatim, needs none. A partial match always
    /// needs one.
    pub(crate) fn new(units: Vec<Unit>, symbols: Vec<Symbol>, requires_domain: bool) -> Message {
        let terms = terms();
        let mut generic = vec![false; units.len()];
        let mut domain_end_at = vec![usize::MAX; units.len() + 1];
        for (start, unit) in units.iter().enumerate() {
            for (term, domain) in terms.starting_with(unit) {
                let end = start + term.len();
                if units.get(start..end) != Some(term.as_slice()) {
                    continue;
                }
                for flag in generic.iter_mut().take(end).skip(start) {
                    *flag = true;
                }
                if *domain {
                    if let Some(slot) = domain_end_at.get_mut(start) {
                        *slot = (*slot).min(end);
                    }
                }
            }
        }
        let mut domain_end_from = domain_end_at;
        for i in (0..units.len()).rev() {
            let later = domain_end_from.get(i + 1).copied().unwrap_or(usize::MAX);
            if let Some(slot) = domain_end_from.get_mut(i) {
                *slot = (*slot).min(later);
            }
        }
        let mut distinctive_before = Vec::with_capacity(units.len() + 1);
        let mut total = 0;
        distinctive_before.push(0);
        for (unit, generic) in units.iter().zip(&generic) {
            if !generic {
                total += unit.weight();
            }
            distinctive_before.push(total);
        }
        Message {
            weight_before: prefix_weights(&units),
            weight: weight(&units),
            symbols,
            distinctive_before,
            domain_end_from,
            requires_domain,
        }
    }

    #[cfg(test)]
    pub(crate) fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    fn has_domain(&self) -> bool {
        self.domain_end_from
            .first()
            .is_some_and(|&e| e != usize::MAX)
    }

    fn block_weight(&self, block: &Block) -> usize {
        let at = |i: usize| self.weight_before.get(i).copied().unwrap_or(0);
        at(block.message_end).saturating_sub(at(block.message_start))
    }

    fn block_distinctive(&self, block: &Block) -> usize {
        let at = |i: usize| self.distinctive_before.get(i).copied().unwrap_or(0);
        at(block.message_end).saturating_sub(at(block.message_start))
    }

    fn block_has_domain(&self, block: &Block) -> bool {
        self.domain_end_from
            .get(block.message_start)
            .is_some_and(|&end| end <= block.message_end)
    }

    /// The confidence (60–100) that `input` quotes this message, or `None`.
    pub(crate) fn score(&self, input: &Input) -> Option<u8> {
        if self.symbols.is_empty() {
            return None;
        }
        // Units no message has are numbered alike, but none is in a message: equal numbers are
        // equal units.
        if input.symbols == self.symbols {
            return Some(100);
        }
        if self.weight < MIN_MESSAGE_WEIGHT || (self.requires_domain && !self.has_domain()) {
            return None;
        }
        let mut best: Option<u8> = None;
        let mut stretch: Option<Stretch> = None;
        let mut covered_to = 0;
        let mut runs = input.runs.take();
        input.automaton.runs_into(&self.symbols, &mut runs);
        for &run in &runs {
            super::steps::count(1);
            // Runs may overlap in the message: keep only what is new.
            let start = (run.message_end + 1 - run.len).max(covered_to);
            let trimmed = run.message_end + 1 - start;
            if trimmed == 0 {
                continue;
            }
            let block = Block {
                message_start: start,
                message_end: run.message_end + 1,
                input_start: run.input_end + 1 - trimmed,
                input_end: run.input_end + 1,
            };
            let weight = self.block_weight(&block);
            if weight < MIN_BLOCK_WEIGHT {
                continue;
            }
            covered_to = block.message_end;
            let distinctive = self.block_distinctive(&block);
            let domain = self.block_has_domain(&block);
            let joined = stretch.filter(|s| {
                let matched = s.matched + weight;
                let span = input.span_weight(s.first.input_start, block.input_end);
                block.input_start >= s.last.input_end && matched * 100 >= span * 75
            });
            stretch = Some(match joined {
                Some(s) => Stretch {
                    last: block,
                    blocks: s.blocks + 1,
                    matched: s.matched + weight,
                    distinctive: s.distinctive + distinctive,
                    domain: s.domain || domain,
                    ..s
                },
                None => {
                    if let Some(done) = stretch {
                        best = best.max(self.score_stretch(input, &done));
                    }
                    Stretch {
                        first: block,
                        last: block,
                        blocks: 1,
                        matched: weight,
                        distinctive,
                        domain,
                    }
                }
            });
        }
        input.runs.set(runs);
        if let Some(done) = stretch {
            best = best.max(self.score_stretch(input, &done));
        }
        best
    }

    fn score_stretch(&self, input: &Input, s: &Stretch) -> Option<u8> {
        let whole =
            s.blocks == 1 && s.first.message_start == 0 && s.last.message_end == self.symbols.len();
        let score = if whole {
            90
        } else {
            let covered = s.matched * 100 / self.weight.max(1);
            let domain = s.domain || !self.requires_domain;
            if covered >= 85 && domain {
                80 + scale(covered, 85, 100, 9)
            } else if covered >= 50 && s.domain && s.distinctive >= MIN_DISTINCTIVE_WEIGHT {
                60 + scale(covered, 50, 85, 19)
            } else {
                return None;
            }
        };
        // An error's text is an error whatever surrounds it ("The operation couldn't be
        // completed. (… error 1004.) Application … is not associated with domain …").
        if self.requires_domain
            && completion::reports_success(&input.units, s.first.input_start, s.last.input_end)
        {
            return None;
        }
        Some(score)
    }
}

/// `value` in `from..to` mapped onto `0..=steps`.
fn scale(value: usize, from: usize, to: usize, steps: usize) -> u8 {
    let step = value.saturating_sub(from) * steps / to.saturating_sub(from).max(1);
    u8::try_from(step.min(steps)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Scores one message the way the bundle's messages are scored.
    fn score(message: &str, input: &str) -> Option<u8> {
        let mut ids: HashMap<Unit, Symbol> = HashMap::new();
        let mut intern = |u: &Unit| {
            let next = ids.len() as Symbol;
            *ids.entry(u.clone()).or_insert(next)
        };
        let message_units = units(message);
        let symbols = message_units.iter().map(&mut intern).collect();
        let message = Message::new(message_units, symbols, true);
        let input_units = units(input);
        let input_symbols: Vec<Symbol> = input_units.iter().map(&mut intern).collect();
        message.score(&Input::new(input_units, input_symbols))
    }

    const INTERRUPTED: &str = "パスキー登録が中断されました。";
    const INSERT: &str = "Insert your security key into the USB port.";

    #[test]
    fn exact_and_contained() {
        assert_eq!(
            score(INTERRUPTED, "パスキー登録が中断されました"),
            Some(100)
        );
        assert_eq!(score(INTERRUPTED, "ﾊﾟｽｷｰ登録が中断されました｡"), Some(100));
        assert_eq!(
            score(
                INTERRUPTED,
                "画面に「パスキー登録が中断されました」と出ました"
            ),
            Some(90)
        );
        assert_eq!(
            score(INSERT, "insert your security key into the usb port"),
            Some(100)
        );
    }

    #[test]
    fn near_and_partial() {
        let near = score(INTERRUPTED, "パスキーの登録が中断されました").unwrap();
        assert!((80..90).contains(&near), "{near}");
        let partial = score(INTERRUPTED, "パスキー登録が中断").unwrap();
        assert!((60..80).contains(&partial), "{partial}");
        assert!(score(INSERT, "insert your security key").is_some());
        assert!(score(
            "セキュリティキーをUSBポートに挿入します。",
            "セキュリティキーを挿入"
        )
        .is_some());
    }

    #[test]
    fn fragments_of_common_words_do_not_match() {
        assert_eq!(score(INTERRUPTED, "パスキー登録"), None);
        assert_eq!(score(INTERRUPTED, "パスキーが登録されました"), None);
        assert_eq!(score(INTERRUPTED, "パスキー登録ができません"), None);
        assert_eq!(score("Security key setup", "security key"), None);
        assert_eq!(
            score("セキュリティキーのセットアップ", "セキュリティキー"),
            None
        );
        assert_eq!(score(INSERT, "the USB port"), None);
        assert_eq!(score(INTERRUPTED, "こんにちは"), None);
    }

    #[test]
    fn a_part_without_a_domain_word_does_not_match() {
        for input in [
            "中断されました",
            "通信が中断されました",
            "ダウンロードが中断されました",
        ] {
            assert_eq!(score(INTERRUPTED, input), None, "{input}");
        }
        assert_eq!(
            score(
                "セキュリティキーをUSBポートに挿入します。",
                "プリンタをUSBポートに挿入します"
            ),
            None
        );
        assert_eq!(score(INSERT, "insert the cable into the USB port"), None);
        // The same for any message: a bank's own wording.
        let bank = "この画面ではパスキーを作成できません。";
        assert!(score(bank, "パスキーを作成できません").is_some());
        assert_eq!(score(bank, "この画面では作成できません"), None);
        // A message with no domain word matches only as the whole input.
        let generic = "通信エラーが発生しました。";
        assert_eq!(score(generic, "通信エラーが発生しました"), Some(100));
        assert_eq!(
            score(generic, "「通信エラーが発生しました」と出ました"),
            None
        );
    }

    #[test]
    fn a_completed_message_is_not_a_match() {
        let setup = "セキュリティキーのセットアップ";
        assert_eq!(
            score(setup, "セキュリティキーのセットアップが完了しました"),
            None
        );
        assert_eq!(
            score("Security key setup", "Security key setup complete"),
            None
        );
        assert_eq!(
            score(
                "Security key setup",
                "successfully completed security key setup"
            ),
            None
        );
        assert_eq!(
            score(
                setup,
                "「セキュリティキーのセットアップ」と出て、登録が完了しません"
            ),
            Some(90)
        );
        assert_eq!(
            score(
                "Security key setup",
                "security key setup could not be completed"
            ),
            Some(90)
        );
    }

    #[test]
    fn scattered_parts_of_a_long_text_do_not_match() {
        assert_eq!(
            score(
                INTERRUPTED,
                "パスキーのことで質問です。昨日登録しようとして、電話が来たので途中で中断して、あとで見たら登録されましたと出ていました"
            ),
            None
        );
    }

    #[test]
    fn a_short_message_matches_only_whole() {
        assert_eq!(score("エラー", "エラー"), Some(100));
        assert_eq!(score("エラー", "エラーが出ました"), None);
    }
}
