//! Whatever a page passes, every function the JavaScript exports call answers or refuses
//! naming a field; none panics (a panic in wasm traps and takes the module down with it).

#![allow(clippy::unwrap_used, clippy::panic)]

use passkey_ready_core::PasskeyReadyError;
use passkey_ready_web::api;
use passkey_ready_web::session::Session;
use proptest::prelude::*;

fn named(result: Result<impl Sized, PasskeyReadyError>) -> Result<(), TestCaseError> {
    if let Err(err) = result {
        let field = match &err {
            PasskeyReadyError::InvalidInput { field, .. }
            | PasskeyReadyError::InvalidSnapshot { field, .. } => field.clone(),
            PasskeyReadyError::InvalidBundle { .. } => String::new(),
        };
        prop_assert!(!field.is_empty(), "{err:?}");
    }
    Ok(())
}

/// Short strings near what a page sends, and anything else.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("ja".to_owned()),
        Just("en".to_owned()),
        Just("android".to_owned()),
        Just("ios".to_owned()),
        Just("windows".to_owned()),
        Just("screen_lock".to_owned()),
        Just(r#"{"platform":"android","signals":{"screen_lock":"unknown"}}"#.to_owned()),
        Just(r#"{"user_agent":"Mozilla/5.0 (Windows NT 10.0)","uvpaa":false}"#.to_owned()),
        ".{0,120}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_export_panics(a in text(), b in text(), c in text(), yes in any::<bool>()) {
        named(api::classify_user_agent(&a))?;
        named(api::snapshot_from_browser(&a))?;
        named(api::evaluate(&a, &b))?;
        named(api::diagnose(&a, Some(&b), &c))?;
        named(api::diagnose(&a, None, &c))?;
        named(api::guide(&a, Some(&b), Some(&c)))?;
        named(api::guide(&a, Some(&b), None))?;
        named(api::escape_route(&a, &b, &c))?;
        if let Ok(mut session) = Session::new(&a, &b) {
            named(session.answer(&c, yes))?;
            named(session.forget_answer(&c))?;
            named(session.restore_answers(&c))?;
            named(session.screen(&c))?;
            named(session.evaluate(&c))?;
            named(session.snapshot(&c))?;
        }
    }
}
