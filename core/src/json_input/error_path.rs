//! The path of the field a deserialisation error is about, found again from where serde_json
//! stopped rather than tracked while deserialising. Tracking (serde_path_to_error) wraps
//! every deserializer, visitor and seed, so every type read from JSON was compiled twice:
//! 195 KiB of the shipped library's 1,156 KiB. Finding it again costs a walk of the text,
//! and only when a document is refused.
//!
//! serde_json reports the line and column where it stopped. The field at fault is the
//! deepest value, or object key, whose text starts at or before that point and ends at or
//! after it: a value of the wrong type or an unknown variant ends there; an unknown field's
//! key ends there; an object missing a field ends there (serde_json reads its `}` before it
//! reports); a value refused by its first byte (an object where a string belongs) starts
//! there.

use super::{path_string, Segment};

/// The path (as [`path_string`] writes it, `(root)` for the whole document) of the value
/// `err` is about in `json`, a text the first pass accepted. Linear in the text before the
/// error's position.
pub(super) fn of(json: &str, err: &serde_json::Error) -> String {
    let Some(mut offset) = offset_of(json, err.line(), err.column()) else {
        return path_string(&[]);
    };
    let kind = err.to_string();
    // The errors serde_json places one byte into a value rather than at its start: an enum
    // that is neither a string nor an object, and a list read as a struct with an item too
    // many (which is the list's fault).
    let too_many = kind.starts_with("trailing characters");
    if too_many || kind.starts_with("expected value") {
        offset = offset.saturating_sub(1);
    }
    let mut walk = Walk {
        json,
        at: 0,
        offset,
        path: Vec::new(),
        found: None,
    };
    // `None` only means the walk stopped early: past the offset, or at a text it does not
    // expect (the first pass has already refused those).
    let _ = walk.value();
    let Some(found) = walk.found else {
        return path_string(&[]);
    };
    let mut path = found.path;
    // An enum written as an object (`{"variant": …}`) with an unknown variant: the key is
    // the enum's value, so the field at fault is the object's.
    if (found.key && kind.starts_with("unknown variant")) || too_many {
        path.pop();
    }
    path_string(&path)
}

/// The byte offset of serde_json's position: `line` counts from 1, `column` is the number of
/// bytes of that line before the point.
fn offset_of(json: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        json.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map(|(at, _)| at + 1)?
    };
    (line > 0).then_some(line_start + column)
}

/// Deeper than serde_json's own limit (128), which the first pass has already applied.
const MAX_DEPTH: usize = 256;

struct Walk<'a> {
    json: &'a str,
    at: usize,
    offset: usize,
    path: Vec<Segment>,
    /// The deepest node so far around the offset.
    found: Option<Found>,
}

struct Found {
    path: Vec<Segment>,
    /// An object's key rather than a value.
    key: bool,
}

impl Walk<'_> {
    fn byte(&self) -> Option<u8> {
        self.json.as_bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.byte(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// Notes the node from `start` to the current point if it is around the offset and
    /// deeper than what was noted before.
    fn note(&mut self, start: usize, key: bool) {
        let around = start <= self.offset && self.offset <= self.at;
        let deeper = match &self.found {
            Some(found) => self.path.len() > found.path.len(),
            None => true,
        };
        if around && deeper {
            self.found = Some(Found {
                path: self.path.clone(),
                key,
            });
        }
    }

    /// One value and everything in it; `None` stops the walk.
    fn value(&mut self) -> Option<()> {
        self.skip_whitespace();
        let start = self.at;
        if start > self.offset || self.path.len() > MAX_DEPTH {
            return None;
        }
        let walked = match self.byte()? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => self.string(),
            _ => {
                while !matches!(
                    self.byte(),
                    None | Some(b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t')
                ) {
                    self.at += 1;
                }
                Some(())
            }
        };
        // Also when the walk stops inside this value: it began before the offset and ends
        // after it (an object refused by its `{` has no deeper node around the offset).
        self.note(start, false);
        walked
    }

    fn object(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            self.skip_whitespace();
            match self.byte()? {
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                b',' => {
                    self.at += 1;
                    self.skip_whitespace();
                }
                _ => {}
            }
            let key_start = self.at;
            if key_start > self.offset {
                return None;
            }
            self.string()?;
            // The key as serde reads it: `\u0061` is `a`. The first pass allowed only plain
            // keys, so this decodes.
            let key = serde_json::from_str::<String>(self.json.get(key_start..self.at)?).ok()?;
            self.path.push(Segment::Key(key));
            self.note(key_start, true);
            self.skip_whitespace();
            if self.byte() != Some(b':') {
                self.path.pop();
                return None;
            }
            self.at += 1;
            let walked = self.value();
            self.path.pop();
            walked?;
        }
    }

    fn array(&mut self) -> Option<()> {
        self.at += 1;
        let mut index = 0;
        loop {
            self.skip_whitespace();
            match self.byte()? {
                b']' => {
                    self.at += 1;
                    return Some(());
                }
                b',' => self.at += 1,
                _ => {}
            }
            self.skip_whitespace();
            if self.byte()? == b']' {
                continue;
            }
            self.path.push(Segment::Index(index));
            let walked = self.value();
            self.path.pop();
            walked?;
            index += 1;
        }
    }

    /// A string from its opening quote to just past its closing one.
    fn string(&mut self) -> Option<()> {
        if self.byte()? != b'"' {
            return None;
        }
        self.at += 1;
        loop {
            match self.byte()? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                _ => self.at += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;
    use serde_json::{json, Value};

    use crate::content::{Bundle, Guide};
    use crate::readiness::snapshot::RawSnapshot;

    /// The path serde_path_to_error tracks while deserialising (what `parse` gave before),
    /// written as `parse` writes it.
    fn tracked<T: DeserializeOwned>(json: &str) -> Option<String> {
        let mut de = serde_json::Deserializer::from_str(json);
        let err = serde_path_to_error::deserialize::<_, T>(&mut de).err()?;
        Some(match err.path().to_string().as_str() {
            "." | "?" => "(root)".to_owned(),
            path => path.to_owned(),
        })
    }

    fn found<T: DeserializeOwned>(json: &str) -> Option<String> {
        let err = serde_json::from_str::<T>(json).err()?;
        Some(super::of(json, &err))
    }

    /// Every node of `doc` (as JSON pointers), objects and lists included.
    fn pointers(doc: &Value, at: String, out: &mut Vec<String>) {
        match doc {
            Value::Object(map) => {
                for (key, value) in map {
                    pointers(value, format!("{at}/{key}"), out);
                }
            }
            Value::Array(items) => {
                for (n, value) in items.iter().enumerate() {
                    pointers(value, format!("{at}/{n}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }

    /// `doc` broken at one node in each way a document goes wrong: a value of another type
    /// or an unknown word in its place, a field taken out, a field added.
    fn broken(doc: &Value, every: usize) -> Vec<Value> {
        let mut at = Vec::new();
        pointers(doc, String::new(), &mut at);
        let others = [
            json!(null),
            json!(true),
            json!(7),
            json!(-1),
            json!(2.5),
            json!("zz"),
            json!([]),
            json!({}),
            json!(["zz"]),
            json!({ "zz": 1 }),
        ];
        let mut out = Vec::new();
        for pointer in at.iter().step_by(every) {
            for other in &others {
                let mut changed = doc.clone();
                if let Some(node) = changed.pointer_mut(pointer) {
                    *node = other.clone();
                    out.push(changed);
                }
            }
            if let Some(Value::Object(map)) = doc.pointer(pointer) {
                for key in map.keys() {
                    let mut changed = doc.clone();
                    if let Some(Value::Object(map)) = changed.pointer_mut(pointer) {
                        map.remove(key);
                        out.push(changed);
                    }
                }
                let mut changed = doc.clone();
                if let Some(Value::Object(map)) = changed.pointer_mut(pointer) {
                    map.insert("zz_unknown".to_owned(), json!(1));
                    out.push(changed);
                }
            }
        }
        out
    }

    /// Compares the two paths over every broken form of `doc`, compact and pretty; returns
    /// how many were refused.
    fn compare<T: DeserializeOwned>(doc: &Value, every: usize) -> usize {
        let mut refused = 0;
        for (n, changed) in broken(doc, every).iter().enumerate() {
            let text = if n % 2 == 0 {
                serde_json::to_string(changed)
            } else {
                serde_json::to_string_pretty(changed)
            }
            .unwrap_or_default();
            if super::super::check(&text, None).is_err() {
                continue;
            }
            let expected = tracked::<T>(&text);
            assert_eq!(found::<T>(&text), expected, "{text}");
            refused += usize::from(expected.is_some());
        }
        refused
    }

    #[test]
    fn finds_the_path_that_tracking_found_in_every_broken_snapshot() {
        let examples = [
            include_str!("../../../examples/android-in-app-browser.json"),
            include_str!("../../../examples/android-ready.json"),
            include_str!("../../../examples/iphone-unknowns.json"),
            include_str!("../../../examples/windows-no-hello.json"),
        ];
        let mut refused = 0;
        for example in examples {
            let doc: Value = serde_json::from_str(example).unwrap();
            refused += compare::<RawSnapshot>(&doc, 1);
        }
        assert!(refused > 100, "{refused}");
    }

    /// `doc` with every list cut to its first two items: each type of the guide is still
    /// there, at a tenth of the text.
    fn trimmed(doc: &Value) -> Value {
        match doc {
            Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), trimmed(v))).collect(),
            Value::Array(items) => items.iter().take(2).map(trimmed).collect(),
            other => other.clone(),
        }
    }

    #[test]
    fn finds_the_path_that_tracking_found_in_every_broken_bundle() {
        let bundle: Value = serde_json::from_str(&Bundle::embedded().unwrap().to_json()).unwrap();
        // The bundle's outer levels, every 61st node of the whole; then every node of a guide
        // cut short, with the iPhone guide first for its variants.
        let mut refused = compare::<Bundle>(&bundle, 61);
        let mut guide = bundle["locales"]["en"].clone();
        guide["guides"] = json!([guide["guides"][2].clone(), guide["guides"][0].clone()]);
        refused += compare::<Guide>(&trimmed(&guide), 1);
        assert!(refused > 1000, "{refused}");
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        a: Inner,
        #[serde(default)]
        list: Vec<Inner>,
        #[serde(default)]
        kind: Option<Kind>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        b: u32,
    }

    #[derive(serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        One,
    }

    #[test]
    fn names_the_field_at_fault() {
        let cases = [
            (r#"{"a": {"b": "x"}}"#, "a.b"),
            (r#"{"a": {"\u0062": "x"}}"#, "a.b"),
            (
                "{\n \"a\": {\"b\": 1},\n \"list\": [\n  {\"b\": 1},\n  {}\n ]\n}",
                "list[1]",
            ),
            (r#"{"a": [1, 2]}"#, "a"),
            (r#"{"a": [1, {"b": 2}]}"#, "a"),
            (r#"{"a": {"b": 1}, "list": [[1, 2]]}"#, "list[0]"),
            (r#"{"list": []}"#, "(root)"),
            (r#"{"a": {"b": 1, "c": 2}}"#, "a.c"),
            (r#"{"a": {"b": 1}, "kind": "two"}"#, "kind"),
            (r#"{"a": {"b": 1}, "kind": {"two": null}}"#, "kind"),
            (r#"{"a": {"b": 1}, "kind": ["one"]}"#, "kind"),
            (r#"{"a": {"b": 1}, "kind": 1}"#, "kind"),
            ("[]", "(root)"),
        ];
        for (json, path) in cases {
            assert!(super::super::check(json, None).is_ok(), "{json}");
            assert_eq!(found::<Outer>(json).as_deref(), Some(path), "{json}");
            assert_eq!(tracked::<Outer>(json).as_deref(), Some(path), "{json}");
        }
    }
}
