//! Reading outside JSON (bundles, snapshots) in two passes. First [`check`] walks the text
//! without building anything: a leading UTF-8 byte order mark is skipped, every object key
//! must be a `lower_snake_case` name ([`MAX_KEY_CHARS`] at most, [`MAX_KEYS_PER_OBJECT`]
//! per object) and unique in its object, and with [`Limits`] every list and string is
//! bounded by the key it is under, refused at the first item past its limit. Only then does
//! [`parse`] deserialise, naming the field at fault. Every error names a path made of keys
//! that passed the first pass, so it echoes nothing but plain names, and serde's messages
//! are escaped and cut ([`crate::untrusted`]).

use std::collections::HashSet;
use std::fmt::Write;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::untrusted;

mod error_path;

/// Characters of an object key; every key of a bundle or snapshot is far shorter.
pub const MAX_KEY_CHARS: usize = 64;
/// Keys of one object; the widest object of a bundle has 8, a snapshot's signals 16.
pub const MAX_KEYS_PER_OBJECT: usize = 64;
/// What an outside text may start with and is skipped: a UTF-8 byte order mark.
const BOM: char = '\u{FEFF}';

/// Per-key limits of a document's lists and strings.
#[derive(Clone, Copy)]
pub(crate) struct Limits {
    /// The most items of a list under this key.
    pub max_items: fn(&str) -> usize,
    /// The most characters of a string under this key.
    pub max_chars: fn(&str) -> usize,
}

/// What the first pass refuses, or the second's failure.
#[derive(Debug)]
pub(crate) enum InputError {
    /// Not JSON, or not of the expected shape: serde's message, escaped.
    Malformed { path: String, message: String },
    /// A key that appears twice in one object; `path` names the key.
    DuplicateKey { path: String },
    /// A list, string or object past its limit.
    OverLimit {
        path: String,
        max: usize,
        unit: &'static str,
    },
}

/// The text without a leading byte order mark.
pub(crate) fn without_bom(json: &str) -> &str {
    json.strip_prefix(BOM).unwrap_or(json)
}

/// The first pass over `json` (already without a BOM). Linear in its length; it holds no
/// more than the path to where it is and the keys of the objects it is in.
pub(crate) fn check(json: &str, limits: Option<Limits>) -> Result<(), InputError> {
    let mut state = State {
        path: Vec::new(),
        limits,
        error: None,
    };
    let mut de = serde_json::Deserializer::from_str(json);
    let result = Node { state: &mut state }
        .deserialize(&mut de)
        .and_then(|()| de.end());
    finish(result, state)
}

/// The first offence the walk recorded, else serde's own error at the path it reached.
fn finish(result: Result<(), serde_json::Error>, state: State) -> Result<(), InputError> {
    match (result, state.error) {
        (_, Some(error)) => Err(error),
        (Ok(()), None) => Ok(()),
        (Err(err), None) => Err(InputError::Malformed {
            path: path_string(&state.path),
            message: message(&err),
        }),
    }
}

/// [`check`] over a value built in code, with the path starting at `root`.
pub(crate) fn check_value(
    value: &serde_json::Value,
    root: &str,
    limits: Limits,
) -> Result<(), InputError> {
    let mut state = State {
        path: vec![Segment::Key(root.to_owned())],
        limits: Some(limits),
        error: None,
    };
    let result = Node { state: &mut state }.deserialize(value);
    finish(result, state)
}

/// Deserialises `json` (already checked); on failure, the path of the failing field
/// (`(root)` for the whole document) and serde's message with line and column, escaped.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, InputError> {
    serde_json::from_str(json).map_err(|err| InputError::Malformed {
        path: untrusted::escape_all(&error_path::of(json, &err)),
        message: message(&err),
    })
}

#[derive(Clone)]
enum Segment {
    Key(String),
    Index(usize),
}

struct State {
    path: Vec<Segment>,
    limits: Option<Limits>,
    error: Option<InputError>,
}

impl State {
    /// The key the current value is under (the list's key for a list item).
    fn key(&self) -> &str {
        self.path
            .iter()
            .rev()
            .find_map(|s| match s {
                Segment::Key(k) => Some(k.as_str()),
                Segment::Index(_) => None,
            })
            .unwrap_or_default()
    }

    fn fail<E: serde::de::Error>(&mut self, error: InputError) -> E {
        let text = match &error {
            InputError::DuplicateKey { .. } => "duplicate key",
            _ => "over a limit",
        };
        self.error = Some(error);
        E::custom(text)
    }

    fn over<E: serde::de::Error>(&mut self, max: usize, unit: &'static str) -> E {
        let path = path_string(&self.path);
        self.fail(InputError::OverLimit { path, max, unit })
    }
}

fn path_string(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) if out.is_empty() => out.push_str(key),
            Segment::Key(key) => {
                out.push('.');
                out.push_str(key);
            }
            Segment::Index(n) => {
                let _ = write!(out, "[{n}]");
            }
        }
    }
    if out.is_empty() {
        "(root)".to_owned()
    } else {
        out
    }
}

/// A plain key: what a path may echo.
fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_KEY_CHARS
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

struct Node<'s> {
    state: &'s mut State,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<(), E> {
        if let Some(limits) = self.state.limits {
            let max = (limits.max_chars)(self.state.key());
            // Bytes first: no more characters than bytes, and counting is then not needed.
            if text.len() > max && text.chars().count() > max {
                return Err(self.state.over(max, "characters"));
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let max = self
            .state
            .limits
            .map_or(usize::MAX, |l| (l.max_items)(self.state.key()));
        let mut n = 0;
        loop {
            if n >= max {
                // One more item is one too many: refused before it is read.
                self.state.path.push(Segment::Index(n));
                let more = seq.next_element::<serde::de::IgnoredAny>();
                self.state.path.pop();
                return match more {
                    Ok(Some(_)) | Err(_) => Err(self.state.over(max, "items")),
                    Ok(None) => Ok(()),
                };
            }
            self.state.path.push(Segment::Index(n));
            let item = seq.next_element_seed(Node {
                state: &mut *self.state,
            })?;
            self.state.path.pop();
            if item.is_none() {
                return Ok(());
            }
            n += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<Key>()? {
            let Some(key) = key.0 else {
                let path = path_string(&self.state.path);
                return Err(self.state.fail(InputError::Malformed {
                    path,
                    message: format!(
                        "a key is not a lower_snake_case name (a-z, 0-9 and _, at most \
                         {MAX_KEY_CHARS} characters)"
                    ),
                }));
            };
            if keys.len() >= MAX_KEYS_PER_OBJECT {
                return Err(self.state.over(MAX_KEYS_PER_OBJECT, "keys"));
            }
            self.state.path.push(Segment::Key(key.clone()));
            if !keys.insert(key) {
                let path = path_string(&self.state.path);
                return Err(self.state.fail(InputError::DuplicateKey { path }));
            }
            map.next_value_seed(Node {
                state: &mut *self.state,
            })?;
            self.state.path.pop();
        }
        Ok(())
    }
}

/// An object key, `None` if it is not plain: never copied when it is not.
struct Key(Option<String>);

impl<'de> serde::Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Key, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, key: &str) -> Result<Key, E> {
                Ok(Key(is_plain_key(key).then(|| key.to_owned())))
            }
        }
        de.deserialize_str(KeyVisitor)
    }
}

/// serde's message, with every quoted value (`` `…` `` or `"…"`) escaped and cut, and the
/// line and column kept.
fn message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    let (text, tail) = match full.strip_suffix(&position) {
        Some(text) if err.line() > 0 => (text, position.as_str()),
        _ => (full.as_str(), ""),
    };
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(['`', '"']) {
        let (before, from) = rest.split_at(open);
        out.push_str(&untrusted::escape_all(before));
        let quote = if from.starts_with('`') { '`' } else { '"' };
        let body = from.get(1..).unwrap_or_default();
        let close = closing(body, quote).unwrap_or(body.len());
        let value = body.get(..close).unwrap_or_default();
        out.push(quote);
        out.push_str(&untrusted::escape(value));
        out.push(quote);
        rest = body.get(close + 1..).unwrap_or_default();
    }
    out.push_str(&untrusted::escape_all(rest));
    out.push_str(tail);
    out
}

/// Where `quote` closes `body`; a `"` string is in Rust's escaped form, so `\"` does not.
fn closing(body: &str, quote: char) -> Option<usize> {
    let mut escaped = false;
    for (at, c) in body.char_indices() {
        match c {
            '\\' if quote == '"' && !escaped => escaped = true,
            c if c == quote && !escaped => return Some(at),
            _ => escaped = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_and_odd_keys_are_refused() {
        assert!(matches!(
            check(r#"{"a": {"b": 1, "b": 2}}"#, None),
            Err(InputError::DuplicateKey { path }) if path == "a.b"
        ));
        assert!(matches!(
            check("{\"a\": {\"x\u{1b}\": 1}}", None),
            Err(InputError::Malformed { path, .. }) if path == "a"
        ));
        assert!(check(r#"{"a": [1, {"b": "c"}], "d": null}"#, None).is_ok());
    }

    #[test]
    fn messages_escape_and_cut_values() {
        let err =
            serde_json::from_str::<u32>(&format!("\"\\u001b{}\"", "x".repeat(1000))).unwrap_err();
        let text = message(&err);
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("\\u{1b}"), "{text}");
        assert!(text.len() < 200, "{text}");
        assert!(text.ends_with("at line 1 column 1008"), "{text}");
    }
}
