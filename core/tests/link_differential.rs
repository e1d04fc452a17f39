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

#[path = "support/link_oracle.rs"]
mod link_oracle;

use link_oracle::{resolves_safely, targets, ALLOWED};
use passkey_ready_core::content::safety;
use passkey_ready_core::content::LoadPolicy;
use proptest::prelude::*;

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
    // Entity forms: a renderer decodes them first. Slashes split by a newline, which URL
    // parsers drop (found by fuzz/ `links` while its oracle still read autolinks across
    // lines): refused as well.
    for text in [
        "[x](javascript&colon;alert(1))",
        "[x](&#106;avascript:alert(1))",
        "0<\\\\\n\\A\\>",
        "<//\nevil.example>",
    ] {
        assert!(!safety::check(text, &policy).is_empty(), "{text:?}");
    }
}
