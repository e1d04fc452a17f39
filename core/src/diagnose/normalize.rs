//! Folding and tokenising text for comparison.
//!
//! [`fold`] is a small NFKC-like fold for the ranges that matter here: full-width ASCII
//! (U+FF01–FF5E) becomes ASCII, the ideographic space a space, half-width katakana and
//! punctuation (U+FF61–FF9F) their full-width forms, and a voiced or semi-voiced sound mark
//! (half-width ﾞ ﾟ or combining U+3099 U+309A) is composed with the kana before it.
//!
//! [`units`] turns folded text into what messages are compared by: each run of ASCII letters and
//! digits is one lower-cased word, each other letter or digit (kana, kanji) is one unit of its
//! own, and everything else is dropped: spaces, quotes (「」『』"" '' “ ”), punctuation (。、.,!？)
//! and the long-vowel mark ー, which people add or leave out (セキュリティキー / セキュリティーキー).
//! Small kana count as their full-size forms (セツトアツプ is セットアップ typed without them).

/// Half-width katakana and punctuation U+FF61–FF9F in their full-width forms, in code point
/// order. The last two are the stand-alone sound marks ゛ ゜.
const HALF_WIDTH_KANA: [char; 63] = [
    '。', '「', '」', '、', '・', 'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ', 'ー',
    'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', 'タ',
    'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ', 'マ', 'ミ',
    'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン', '゛', '゜',
];

const LONG_VOWEL_MARK: char = 'ー';

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Voiced,
    SemiVoiced,
}

fn mark(c: char) -> Option<Mark> {
    match c {
        '\u{FF9E}' | '\u{3099}' | '\u{309B}' => Some(Mark::Voiced),
        '\u{FF9F}' | '\u{309A}' | '\u{309C}' => Some(Mark::SemiVoiced),
        _ => None,
    }
}

/// The kana with the sound mark, if it takes one: カ→ガ, ハ→バ/パ, ウ→ヴ, and the same in
/// hiragana.
fn compose(base: char, mark: Mark) -> Option<char> {
    let code = u32::from(base);
    // Hiragana and katakana lie 0x60 apart; work in katakana.
    let (kata, hiragana) = match code {
        0x3041..=0x3096 => (code + 0x60, true),
        _ => (code, false),
    };
    let composed = match (mark, kata) {
        (Mark::Voiced, 0x30A6) => 0x30F4, // ウ → ヴ
        // カ キ ク ケ コ サ シ ス セ ソ タ チ
        (Mark::Voiced, 0x30AB..=0x30C1) if (kata - 0x30AB) % 2 == 0 => kata + 1,
        // ツ テ ト
        (Mark::Voiced, 0x30C4 | 0x30C6 | 0x30C8) => kata + 1,
        // ハ ヒ フ ヘ ホ
        (Mark::Voiced, 0x30CF..=0x30DB) if (kata - 0x30CF) % 3 == 0 => kata + 1,
        (Mark::SemiVoiced, 0x30CF..=0x30DB) if (kata - 0x30CF) % 3 == 0 => kata + 2,
        _ => return None,
    };
    let composed = if hiragana {
        composed.checked_sub(0x60)?
    } else {
        composed
    };
    char::from_u32(composed)
}

/// One character folded, ignoring sound marks (see [`fold`]).
fn fold_char(c: char) -> char {
    let code = u32::from(c);
    match code {
        0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        0xFF61..=0xFF9F => HALF_WIDTH_KANA
            .get((code - 0xFF61) as usize)
            .copied()
            .unwrap_or(c),
        _ => c,
    }
}

/// Folds full-width and half-width forms to the forms the content is written in (see the
/// module documentation). Letter case is kept.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(m) = mark(c) {
            match out.chars().next_back().and_then(|last| compose(last, m)) {
                Some(voiced) => {
                    out.pop();
                    out.push(voiced);
                }
                // A mark on nothing it can join: kept stand-alone.
                None => out.push(fold_char(c)),
            }
            continue;
        }
        out.push(fold_char(c));
    }
    out
}

/// A unit of comparison: an ASCII word or one other letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Word(String),
    Char(char),
}

impl Unit {
    /// How much a unit says: a word its length, a kana or kanji 2 (one carries about as much as
    /// two Latin letters).
    pub(crate) fn weight(&self) -> usize {
        match self {
            Unit::Word(w) => w.len(),
            Unit::Char(_) => 2,
        }
    }
}

/// A small kana's full-size form (ッ → ツ, ぁ → あ); any other character as it is.
fn full_size(c: char) -> char {
    let code = u32::from(c);
    // Katakana and hiragana lie 0x60 apart; the small forms sit just before their full-size
    // ones, except ヵ ヶ, which have none.
    let kata = match code {
        0x3041..=0x3096 => code + 0x60,
        _ => code,
    };
    let small = matches!(
        kata,
        0x30A1 | 0x30A3 | 0x30A5 | 0x30A7 | 0x30A9 | 0x30C3 | 0x30E3 | 0x30E5 | 0x30E7 | 0x30EE
    );
    if small {
        char::from_u32(code + 1).unwrap_or(c)
    } else {
        c
    }
}

/// `char::is_alphanumeric`, answered without Unicode's tables for kana and the common kanji
/// (all letters), which are most of a Japanese text: the tables' look-up was a tenth of a
/// diagnosis.
fn is_letter(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{4E00}'..='\u{9FEF}')
        || c.is_alphanumeric()
}

/// The units of a text, after [`fold`].
pub(crate) fn units(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(Unit::Word(std::mem::take(&mut word)));
        }
        if is_letter(c) && c != LONG_VOWEL_MARK {
            out.push(Unit::Char(full_size(c)));
        }
    }
    if !word.is_empty() {
        out.push(Unit::Word(word));
    }
    out
}

pub(crate) fn weight(units: &[Unit]) -> usize {
    units.iter().map(Unit::weight).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_half_width() {
        assert_eq!(fold("ＵＳＢポート！"), "USBポート!");
        assert_eq!(fold("ｾｷｭﾘﾃｨｷｰのｾｯﾄｱｯﾌﾟ"), "セキュリティキーのセットアップ");
        assert_eq!(
            fold("ﾊﾟｽｷｰ登録が中断されました｡"),
            "パスキー登録が中断されました。"
        );
        assert_eq!(fold("ｶﾞｷﾞｸﾞｹﾞｺﾞ ﾊﾞﾋﾟｳﾞ"), "ガギグゲゴ バピヴ");
        assert_eq!(fold("か\u{3099}"), "が");
        assert_eq!(fold("ﾞa"), "゛a");
        assert_eq!(fold("a\u{3000}b"), "a b");
    }

    #[test]
    fn the_quick_letter_ranges_agree_with_unicode() {
        for range in [
            '\u{3041}'..='\u{3096}',
            '\u{30A1}'..='\u{30FA}',
            '\u{4E00}'..='\u{9FEF}',
        ] {
            for c in range {
                assert!(c.is_alphanumeric(), "{c:?}");
            }
        }
    }

    #[test]
    fn units_drop_punctuation_spaces_and_long_vowels() {
        let a = units("「セキュリティキーをＵＳＢポートに挿入します。」");
        let b = units("セキュリティーキーを usb ポートに 挿入します");
        assert_eq!(a, b);
        assert_eq!(
            units("Insert your  security-key."),
            ["insert", "your", "security", "key"]
                .map(|w| Unit::Word(w.to_owned()))
                .to_vec()
        );
        assert!(units("。、！？“”『』").is_empty());
        assert_eq!(units("セツトアツプ"), units("セットアップ"));
        assert_eq!(units("きゃっ"), units("きやつ"));
        assert_ne!(units("ヵ"), units("カ"));
    }
}
