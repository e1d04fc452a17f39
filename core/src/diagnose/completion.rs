//! Whether the text around a message says it completed or succeeded: then the customer is
//! quoting a success (「セキュリティキーのセットアップが完了しました」, "Security key setup
//! complete", "Successfully completed security key setup"), not the problem the message names.
//!
//! Looked for right after the message (Japanese puts the predicate there: 〜が完了しました,
//! English "… was completed successfully") and, for English words, right before it
//! ("successfully completed …"). A completion word that is negated is a failure, and the message
//! still counts: 「完了しません」「完了できない」「未完了」, "not completed", "could not
//! complete", "failed to complete".

use super::normalize::{units, Unit};
use std::sync::OnceLock;

/// Units after the message in which a completion word is looked for.
const AFTER: usize = 8;
/// English words before the message in which a completion word is looked for.
const BEFORE: usize = 3;
/// Units after a completion word in which a Japanese negation is looked for.
const NEGATION_AFTER: usize = 6;
/// Words before a completion word in which an English negation is looked for.
const NEGATION_BEFORE: usize = 3;

const COMPLETED: &[&str] = &[
    "完了",
    "成功",
    "済み",
    "終了",
    "できました",
    "complete",
    "completed",
    "completes",
    "successful",
    "successfully",
    "succeeded",
    "success",
    "done",
    "finished",
];

/// Japanese negations after the word; 未 is checked right before it.
const NEGATION_AFTER_WORDS: &[&str] = &["ない", "ません", "ず", "失敗"];
/// English negations before the word (couldn't is the units `couldn` `t`).
const NEGATION_BEFORE_WORDS: &[&str] = &[
    "not", "never", "cannot", "couldn", "didn", "doesn", "isn", "wasn", "won", "t", "unable",
    "failed", "fail", "without", "no",
];

struct Lists {
    completed: Vec<Vec<Unit>>,
    negation_after: Vec<Vec<Unit>>,
    negation_before: Vec<Vec<Unit>>,
    not_yet: Unit,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let all = |words: &[&str]| words.iter().map(|w| units(w)).collect();
        Lists {
            completed: all(COMPLETED),
            negation_after: all(NEGATION_AFTER_WORDS),
            negation_before: all(NEGATION_BEFORE_WORDS),
            not_yet: Unit::Char('未'),
        }
    })
}

fn starts_with_any(text: &[Unit], at: usize, words: &[Vec<Unit>]) -> Option<usize> {
    words.iter().find_map(|w| {
        let end = at + w.len();
        (text.get(at..end) == Some(w.as_slice())).then_some(end)
    })
}

/// Whether `input` says the message at `start..end` (unit positions) completed.
pub(crate) fn reports_success(input: &[Unit], start: usize, end: usize) -> bool {
    let lists = lists();
    let negated = |at: usize, word_end: usize| {
        let before = at.saturating_sub(NEGATION_BEFORE)..at;
        let after = word_end..(word_end + NEGATION_AFTER).min(input.len());
        at.checked_sub(1).and_then(|p| input.get(p)) == Some(&lists.not_yet)
            || before
                .into_iter()
                .any(|p| starts_with_any(input, p, &lists.negation_before).is_some())
            || after
                .into_iter()
                .any(|p| starts_with_any(input, p, &lists.negation_after).is_some())
    };
    let success_at = |at: usize| {
        starts_with_any(input, at, &lists.completed).is_some_and(|word_end| !negated(at, word_end))
    };
    let after = end..(end + AFTER).min(input.len());
    if after.into_iter().any(&success_at) {
        return true;
    }
    let before = start.saturating_sub(BEFORE)..start;
    before
        .into_iter()
        .filter(|&at| matches!(input.get(at), Some(Unit::Word(_))))
        .any(success_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message is the units of `message` found in `text`.
    fn completes(text: &str, message: &str) -> bool {
        let text = units(text);
        let message = units(message);
        let start = text
            .windows(message.len())
            .position(|w| w == message.as_slice())
            .unwrap_or_else(|| panic!("{message:?} not in {text:?}"));
        reports_success(&text, start, start + message.len())
    }

    #[test]
    fn success_around_the_message() {
        let ja = "セキュリティキーのセットアップ";
        assert!(completes(
            "セキュリティキーのセットアップが完了しました",
            ja
        ));
        assert!(completes(
            "「セキュリティキーのセットアップ」は正常に終了しました",
            ja
        ));
        assert!(completes(
            "Security key setup complete",
            "security key setup"
        ));
        assert!(completes(
            "Security key setup was completed successfully.",
            "security key setup"
        ));
        assert!(completes(
            "Successfully completed security key setup",
            "security key setup"
        ));
    }

    #[test]
    fn negated_or_absent_success_is_not_success() {
        let ja = "セキュリティキーのセットアップ";
        for text in [
            "「セキュリティキーのセットアップ」と出て、登録が完了しません",
            "セキュリティキーのセットアップが完了できない",
            "セキュリティキーのセットアップが未完了のまま",
            "「セキュリティキーのセットアップ」という画面が出ました",
        ] {
            assert!(!completes(text, ja), "{text}");
        }
        for text in [
            "Security key setup could not be completed",
            "Security key setup: not completed",
            "I couldn't complete security key setup",
            "Security key setup failed to complete",
            "My PC showed Security key setup and nothing else",
        ] {
            assert!(!completes(text, "security key setup"), "{text}");
        }
    }
}
