//! Echoing a value that came from outside (a JSON key, an id, a placeholder name, a device
//! id asked for) in an error: one helper, so that no error can carry a terminal escape, a
//! bidirectional override or a megabyte of input to a log, a terminal or a host app's alert.

use std::fmt::Write;

/// At most this many characters of an outside value are echoed; longer ones end in `…`.
pub const MAX_ECHO_CHARS: usize = 40;

/// `value` in double quotes, safe to print: at most [`MAX_ECHO_CHARS`] characters (then
/// `…`), with control, format (bidi marks and overrides, zero-width characters, tag
/// characters), line/paragraph separator and private-use characters, `"` and `\` written as
/// escapes (`\u{1b}`, `\"`).
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(MAX_ECHO_CHARS * 4) + 2);
    out.push('"');
    out.push_str(&escape(value));
    out.push('"');
    out
}

/// [`quote`] without the quotes.
pub fn escape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    for c in chars.by_ref().take(MAX_ECHO_CHARS) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if is_invisible(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// `text` with invisible characters written as escapes, not cut: for texts of bounded
/// length that mix the SDK's words with outside ones.
pub(crate) fn escape_all(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that change how a text is shown or read without being seen: control
/// characters (category Cc), format characters (Cf), the line and paragraph separators and
/// private-use code points.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || crate::content::safety::is_format_char(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
        || matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}')
}

/// Longest [`plain_word`].
pub const MAX_PLAIN_WORD_CHARS: usize = 20;

/// `value` when it is a plain word (ASCII letters, digits, `_`, `-`; at most
/// [`MAX_PLAIN_WORD_CHARS`]): short and unable to hold an address or a name with a domain,
/// so an error may echo it to help with a typo.
pub fn plain_word(value: &str) -> Option<&str> {
    let plain = !value.is_empty()
        && value.len() <= MAX_PLAIN_WORD_CHARS
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    plain.then_some(value)
}

/// The start of `value`, at most [`MAX_ECHO_CHARS`] characters, for an error field that
/// keeps the raw value; its display goes through [`quote`].
pub(crate) fn cut(value: &str) -> String {
    let mut chars = value.chars();
    let mut out: String = chars.by_ref().take(MAX_ECHO_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_cuts() {
        assert_eq!(quote("a\u{1b}[31mb"), "\"a\\u{1b}[31mb\"");
        assert_eq!(quote("x\u{202e}y\u{7}"), "\"x\\u{202e}y\\u{7}\"");
        assert_eq!(quote("say \"hi\""), "\"say \\\"hi\\\"\"");
        let long = "あ".repeat(100_000);
        let quoted = quote(&long);
        assert_eq!(quoted.chars().count(), MAX_ECHO_CHARS + 3);
        assert!(quoted.ends_with("…\""));
        assert_eq!(cut(&long).chars().count(), MAX_ECHO_CHARS + 1);
        assert_eq!(cut("short"), "short");
    }
}
