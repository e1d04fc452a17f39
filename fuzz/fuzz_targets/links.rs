//! The link rules against a WHATWG URL parser: whatever text `safety::check` accepts (one
//! allowed host), every link target a renderer could take from it resolves, with the `url`
//! crate, to https on that host or to nothing. The oracle is core/tests/support/
//! link_oracle.rs, shared with the property test core/tests/link_differential.rs.

#![no_main]

#[path = "../../core/tests/support/link_oracle.rs"]
mod link_oracle;

use libfuzzer_sys::fuzz_target;
use link_oracle::{resolves_safely, targets, ALLOWED};
use passkey_ready_core::content::{safety, LoadPolicy};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let policy = LoadPolicy::allowing_links_to([ALLOWED]);
    let problems = safety::check(&text, &policy);
    assert!(problems.len() <= safety::MAX_PROBLEMS_PER_TEXT);
    if problems.is_empty() {
        for target in targets(&text) {
            if let Err(why) = resolves_safely(&target) {
                panic!("accepted {text:?}: {why}");
            }
        }
        // No host allowed: nothing that accepts can resolve to any https host either.
        assert!(safety::check(&text, &LoadPolicy::default()).len() <= problems.len() + 8);
    }
});
