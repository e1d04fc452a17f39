//! The oracle of the link rules, shared by core/tests/link_differential.rs and the fuzz
//! target fuzz/fuzz_targets/links.rs: the link targets a renderer could take from a text, and
//! whether a WHATWG URL parser (the `url` crate) resolves one to https on the allowed host.

use url::Url;

/// The one host the differential tests allow links to.
pub const ALLOWED: &str = "www.bank.example";
/// The page the texts are shown on: relative targets resolve against it.
pub const BASE: &str = "https://www.bank.example/help/passkey";

/// CommonMark's backslash escapes of ASCII punctuation, removed.
fn unescape(dest: &str) -> String {
    let mut out = String::new();
    let mut chars = dest.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// Every target a Markdown renderer, an HTML attribute or a linkifier could take from
/// `text`, generously: inline link and autolink targets, reference definitions, and every
/// whitespace-separated word.
pub fn targets(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let ends = |c: char| c.is_ascii_whitespace() || c == ')' || c == '>';
    for (at, _) in text.match_indices("](") {
        let rest = text[at + 2..].trim_start_matches([' ', '\t']);
        let dest = match rest.strip_prefix('<') {
            Some(inner) => inner.split(['>', '\n']).next().unwrap_or_default(),
            None => rest.split(ends).next().unwrap_or_default(),
        };
        found.push(unescape(dest));
    }
    for (at, _) in text.match_indices("]:") {
        let rest = text[at + 2..].trim_start_matches([' ', '\t', '\n']);
        found.push(unescape(
            rest.split(|c: char| c.is_ascii_whitespace())
                .next()
                .unwrap_or_default(),
        ));
    }
    // An autolink holds no whitespace (CommonMark); a newline would end it.
    for (at, _) in text.match_indices('<') {
        let rest = &text[at + 1..];
        if let Some(end) = rest.find('>') {
            if !rest[..end].contains(|c: char| c.is_ascii_whitespace()) {
                found.push(rest[..end].to_owned());
            }
        }
    }
    for word in text.split(|c: char| c.is_ascii_whitespace()) {
        // `Note:` before a blank is prose to every linkifier.
        if !word.ends_with(':') {
            found.push(word.to_owned());
            found.push(unescape(word));
        }
    }
    found
}

/// Against the bank's page (a WebView, a Markdown page) and on its own (an app handing the
/// text to the system as a URL): no URL, or https on the allowed host.
pub fn resolves_safely(target: &str) -> Result<(), String> {
    let base = Url::parse(BASE).unwrap();
    for url in [base.join(target), Url::parse(target)]
        .into_iter()
        .flatten()
    {
        let host = url.host_str().unwrap_or_default();
        if !(url.scheme() == "https" && host.trim_end_matches('.') == ALLOWED) {
            return Err(format!("{target:?} resolves to {url}"));
        }
    }
    Ok(())
}
