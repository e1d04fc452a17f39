//! The link rules against a WHATWG URL parser (the `url` crate): whatever text the content
//! checker accepts, every link target a renderer could take from it resolves, against the
//! bank's page, to `https` on an allowed host (or to nothing at all). Texts are built from
//! the pieces the issue's bypasses were made of.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use passkey_ready_core::content::safety;
use passkey_ready_core::content::LoadPolicy;
use proptest::prelude::*;
use url::Url;

const ALLOWED: &str = "www.bank.example";
const BASE: &str = "https://www.bank.example/help/passkey";

const PIECES: &[&str] = &[
    "https",
    "http",
    "HTTPS",
    "javascript",
    "bankapp",
    "x-safari-https",
    "mailto",
    "www.",
    ":",
    "/",
    "\\",
    "//",
    "\\\\",
    "/\\",
    "://",
    "www.bank.example",
    "WWW.BANK.EXAMPLE",
    "evil.example",
    "bank.example",
    ".",
    "。",
    "\u{FF0E}",
    "\u{FF61}",
    "\u{00AD}",
    "\u{200B}",
    "@",
    "%2E",
    "%2F",
    "%65",
    "#",
    "?",
    ":443",
    ":99999",
    "&#106;",
    "&colon;",
    "&#x2F;",
    "&amp;",
    " ",
    "\n",
    "\t",
    "a",
    "[x](",
    "](",
    ")",
    "(",
    "<",
    ">",
    "[r]: ",
    "\\:",
    "\\/",
    "%",
    "Note: ",
    "\u{3000}",
    "\"",
    "'",
    "]",
    "[",
    "=",
    "on",
    "\u{0}",
    "é",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 1..14)
        .prop_map(|pieces| pieces.concat())
}

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
fn targets(text: &str) -> Vec<String> {
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
    for (at, _) in text.match_indices('<') {
        let rest = &text[at + 1..];
        if let Some(end) = rest.find('>') {
            found.push(rest[..end].to_owned());
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
fn resolves_safely(target: &str) -> Result<(), String> {
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn what_the_checker_accepts_resolves_to_an_allowed_https_host(text in text()) {
        let policy = LoadPolicy::allowing_links_to([ALLOWED]);
        if safety::check(&text, &policy).is_empty() {
            for target in targets(&text) {
                if let Err(why) = resolves_safely(&target) {
                    prop_assert!(false, "accepted {:?}: {}", text, why);
                }
            }
        }
    }
}

#[test]
fn the_issues_bypasses_resolve_elsewhere_and_are_refused() {
    let policy = LoadPolicy::allowing_links_to([ALLOWED]);
    for text in [
        "[login](http:evil.example)",
        "[x](https:/\\evil.example)",
        "[x](/\\evil.example)",
        "<https:evil.example>",
        "[送金](bankapp:transfer?to=1)",
        "<bankapp:transfer>",
        "x-safari-https:evil.example/login",
        "[x](whatsapp:send?text=hi)",
        "https://www.bank.example。evil.example/login",
        "https://www.bank.example\u{FF0E}evil.example/login",
        "https://www.bank.example\u{FF61}evil.example/login",
        "https://www.bank.example\u{00AD}evil.example/login",
        "https://www.bank.example\u{200B}evil.example/login",
        "[x](bankapp: )",
        "[r]: bankapp:",
    ] {
        // The oracle sees the danger …
        assert!(
            targets(text).iter().any(|t| resolves_safely(t).is_err())
                || text.contains('\u{200B}')
                || text.contains('\u{00AD}'),
            "{text}"
        );
        // … and the checker refuses it.
        assert!(!safety::check(text, &policy).is_empty(), "{text}");
    }
    // Entity forms: a renderer decodes them first.
    for text in [
        "[x](javascript&colon;alert(1))",
        "[x](&#106;avascript:alert(1))",
    ] {
        assert!(!safety::check(text, &policy).is_empty(), "{text}");
    }
}
