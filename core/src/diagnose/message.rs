//! Scoring what the customer typed against one message of the content.
//!
//! Both texts are compared as [`Unit`]s (see [`super::normalize`]), so width, case, spaces,
//! quotes, punctuation and ー do not matter. The parts they share are found in order, as
//! Ratcliff/Obershelp does it: the heaviest common run of units, then again to its left and to
//! its right. A run counts only if it weighs at least [`MIN_BLOCK_WEIGHT`] (two kana or kanji, or
//! four letters), so stray particles and short words never add up to a match.
//!
//! For each stretch of consecutive shared runs, `covered` is the share of the message's weight
//! they cover and `density` the share of the input between the first and the last run that
//! they fill (words inserted between the parts of the message lower it). The score is the best
//! over all stretches:
//!
//! | rule | confidence |
//! |---|---|
//! | the input is the message | 100 |
//! | the whole message appears in one piece inside a longer text | 90 |
//! | `covered` ≥ 85 % and `density` ≥ 75 % | 80–89 (by `covered`) |
//! | `covered` ≥ 50 %, `density` ≥ 75 %, and the shared part holds a distinctive word | 60–78 (by `covered`) |
//! | anything less | no match |
//!
//! A distinctive word is one that is not in [`GENERIC`] (パスキー, 登録, セキュリティキー,
//! setup, particles, polite endings …) and weighs at least [`MIN_BLOCK_WEIGHT`]: so
//! 「セキュリティキーを挿入」 and "insert your security key" match, but "security key",
//! 「パスキー登録」 or 「パスキーが登録されました」 do not.
//!
//! A message lighter than [`MIN_MESSAGE_WEIGHT`] (a bank's one-word message such as 「エラー」)
//! matches only when it is the whole input: inside a longer text it would be a common word.

use super::normalize::{units, weight, Unit};

/// Shared runs lighter than this are ignored.
const MIN_BLOCK_WEIGHT: usize = 4;
/// A message must weigh this much to be found inside a longer text or in part.
const MIN_MESSAGE_WEIGHT: usize = 8;
/// Distinctive weight a partial quote must contain.
const MIN_DISTINCTIVE_WEIGHT: usize = 4;

/// Words too common in this domain to identify a message on their own. Folded like the input.
const GENERIC: &[&str] = &[
    // Japanese: the domain's nouns, then particles and endings.
    "パスキー",
    "登録",
    "セキュリティキー",
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
    "passkey",
    "passkeys",
    "registration",
    "register",
    "registering",
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

/// A message of the content, ready to be compared.
pub(crate) struct Message {
    units: Vec<Unit>,
    /// Per unit: part of a [`GENERIC`] word.
    generic: Vec<bool>,
    weight: usize,
}

impl Message {
    pub(crate) fn new(text: &str) -> Message {
        let units = units(text);
        let mut generic = vec![false; units.len()];
        for term in GENERIC {
            let term = super::normalize::units(term);
            if term.is_empty() || term.len() > units.len() {
                continue;
            }
            for (start, window) in units.windows(term.len()).enumerate() {
                if window == term.as_slice() {
                    for flag in generic.iter_mut().skip(start).take(term.len()) {
                        *flag = true;
                    }
                }
            }
        }
        let weight = weight(&units);
        Message {
            units,
            generic,
            weight,
        }
    }

    /// The confidence (60–100) that `input` quotes this message, or `None`.
    pub(crate) fn score(&self, input: &[Unit]) -> Option<u8> {
        if self.units.is_empty() {
            return None;
        }
        if input == self.units.as_slice() {
            return Some(100);
        }
        if self.weight < MIN_MESSAGE_WEIGHT {
            return None;
        }
        let blocks = matching_blocks(input, &self.units);
        let mut best: Option<u8> = None;
        for first in 0..blocks.len() {
            for last in first..blocks.len() {
                let Some(run) = blocks.get(first..=last) else {
                    continue;
                };
                let score = self.score_run(input, run);
                best = best.max(score);
            }
        }
        best
    }

    fn score_run(&self, input: &[Unit], run: &[Block]) -> Option<u8> {
        let (first, last) = (run.first()?, run.last()?);
        let matched: usize = run.iter().map(|b| b.weight).sum();
        let span = weight(input.get(first.input..last.input + last.len)?);
        let distinctive: usize = run
            .iter()
            .flat_map(|b| {
                let units = self.units.iter().zip(&self.generic);
                units.skip(b.message).take(b.len)
            })
            .filter(|(_, generic)| !**generic)
            .map(|(unit, _)| unit.weight())
            .sum();
        if run.len() == 1 && first.len == self.units.len() {
            return Some(90);
        }
        let covered = matched * 100 / self.weight.max(1);
        let dense = matched * 100 >= span * 75;
        if !dense {
            return None;
        }
        if covered >= 85 {
            return Some(80 + scale(covered, 85, 100, 9));
        }
        if covered >= 50 && distinctive >= MIN_DISTINCTIVE_WEIGHT {
            return Some(60 + scale(covered, 50, 85, 19));
        }
        None
    }
}

/// `value` in `from..to` mapped onto `0..=steps`.
fn scale(value: usize, from: usize, to: usize, steps: usize) -> u8 {
    let step = value.saturating_sub(from) * steps / to.saturating_sub(from).max(1);
    u8::try_from(step.min(steps)).unwrap_or(0)
}

/// A run of units shared by the input and a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Block {
    input: usize,
    message: usize,
    len: usize,
    weight: usize,
}

/// The shared runs, in order in both texts (Ratcliff/Obershelp), each at least
/// [`MIN_BLOCK_WEIGHT`].
fn matching_blocks(input: &[Unit], message: &[Unit]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut regions = vec![(0, input.len(), 0, message.len())];
    while let Some((a_lo, a_hi, b_lo, b_hi)) = regions.pop() {
        let (Some(a), Some(b)) = (input.get(a_lo..a_hi), message.get(b_lo..b_hi)) else {
            continue;
        };
        let Some(found) = heaviest_common_run(a, b) else {
            continue;
        };
        if found.weight < MIN_BLOCK_WEIGHT {
            continue;
        }
        let block = Block {
            input: a_lo + found.input,
            message: b_lo + found.message,
            len: found.len,
            weight: found.weight,
        };
        regions.push((a_lo, block.input, b_lo, block.message));
        regions.push((
            block.input + block.len,
            a_hi,
            block.message + block.len,
            b_hi,
        ));
        blocks.push(block);
    }
    blocks.sort_by_key(|b| b.input);
    blocks
}

/// The heaviest run of units common to `a` and `b` (the first one on ties).
fn heaviest_common_run(a: &[Unit], b: &[Unit]) -> Option<Block> {
    // For each position of `b`: length and weight of the common run ending there.
    let mut previous = vec![(0usize, 0usize); b.len() + 1];
    let mut current = vec![(0usize, 0usize); b.len() + 1];
    let mut best: Option<Block> = None;
    for (i, unit_a) in a.iter().enumerate() {
        for (j, unit_b) in b.iter().enumerate() {
            let run = if unit_a == unit_b {
                let (len, weight) = previous.get(j).copied().unwrap_or((0, 0));
                (len + 1, weight + unit_a.weight())
            } else {
                (0, 0)
            };
            if let Some(slot) = current.get_mut(j + 1) {
                *slot = run;
            }
            let (len, weight) = run;
            if len > 0 && best.map_or(true, |b| weight > b.weight) {
                best = Some(Block {
                    input: i + 1 - len,
                    message: j + 1 - len,
                    len,
                    weight,
                });
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(message: &str, input: &str) -> Option<u8> {
        Message::new(message).score(&units(input))
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
