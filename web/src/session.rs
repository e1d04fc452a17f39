//! `ReadinessSession`: the answers a web help screen keeps, and the screen it draws — the
//! UniFFI class of the same name for Kotlin and Swift, with the page's language fixed at
//! construction. The rules (which answers apply, which are forgotten) are the core's
//! [`Answers`]; this only holds them for the page.

use passkey_ready_core::content::Locale;
use passkey_ready_core::error::input_error;
use passkey_ready_core::readiness::{self, CheckId, DeviceSnapshot, ReadinessReport};
use passkey_ready_core::session::{help_screen, os_version_of, Answers, HelpScreen};
use passkey_ready_core::{PasskeyReadyError, Platform};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use crate::api;
use crate::js_values::{bool_of, json_of, returned, string_of, thrown};

/// The session's logic on the host: what the JS class calls.
#[derive(Debug, Clone)]
pub struct Session {
    answers: Answers,
    locale: Locale,
}

impl Session {
    pub fn new(platform: &str, lang: &str) -> Result<Session, PasskeyReadyError> {
        Ok(Session {
            answers: Answers::new(api::platform(platform)?),
            locale: api::locale(lang)?,
        })
    }

    pub fn answer(&mut self, check: &str, yes: bool) -> Result<(), PasskeyReadyError> {
        Ok(self.answers.give(api::check(check)?, yes)?)
    }

    pub fn forget_answer(&mut self, check: &str) -> Result<(), PasskeyReadyError> {
        self.answers.forget(api::check(check)?);
        Ok(())
    }

    pub fn forget_answers(&mut self) {
        self.answers.forget_all();
    }

    /// The answers given so far, by check id.
    pub fn answers(&self) -> std::collections::BTreeMap<CheckId, bool> {
        self.answers.iter().collect()
    }

    /// Replaces the answers with saved ones (`answers`' JSON: check id → boolean); those
    /// about checks not asked on this platform are dropped, as the native sessions do.
    pub fn restore_answers(&mut self, json: &str) -> Result<(), PasskeyReadyError> {
        // More keys than check ids cannot be saved answers; refused before parsing them.
        if json.len() > MAX_ANSWERS_JSON_BYTES {
            return Err(input_error("answers", "longer than any set of answers"));
        }
        let saved: serde_json::Map<String, serde_json::Value> = serde_json::from_str(json)
            .map_err(|_| input_error("answers", "not an object of check id → boolean"))?;
        let mut answers = Vec::with_capacity(saved.len());
        for (key, value) in &saved {
            let check = CheckId::parse(key)
                .ok_or_else(|| input_error(&format!("answers.{key}"), "not a check id"))?;
            let yes = value
                .as_bool()
                .ok_or_else(|| input_error(&format!("answers.{key}"), "not a boolean"))?;
            answers.push((check, yes));
        }
        self.answers.restore(answers);
        Ok(())
    }

    /// The observed snapshot (its JSON) with the answers in place of its unknown readings.
    pub fn snapshot(&self, observed: &str) -> Result<DeviceSnapshot, PasskeyReadyError> {
        Ok(self.answers.apply(&api::snapshot(observed)?)?)
    }

    pub fn evaluate(&self, observed: &str) -> Result<ReadinessReport, PasskeyReadyError> {
        let snapshot = self.snapshot(observed)?;
        let guide = api::guide_of(self.locale)?;
        Ok(readiness::evaluate(&snapshot, &guide)?)
    }

    pub fn screen(&self, observed: &str) -> Result<HelpScreen, PasskeyReadyError> {
        let snapshot = self.snapshot(observed)?;
        let guide = api::guide_of(self.locale)?;
        let report = readiness::evaluate(&snapshot, &guide)?;
        let version = os_version_of(&snapshot, &report);
        Ok(help_screen(&report, &guide, version.as_ref()))
    }
}

/// Every check id answered, with its longest id: far below this.
const MAX_ANSWERS_JSON_BYTES: usize = 2048;

/// One customer's help screen on one device: the answers given so far, in the page's
/// language.
#[wasm_bindgen(js_name = ReadinessSession)]
pub struct ReadinessSession {
    inner: Session,
}

#[wasm_bindgen(js_class = ReadinessSession)]
impl ReadinessSession {
    /// A session for a device of `platform` (from `snapshotFromBrowser(...).platform`), with
    /// no answers yet; every text it returns is in `lang`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Platform")] platform: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Locale")] lang: JsValue,
    ) -> Result<ReadinessSession, JsValue> {
        let platform = string_of(&platform, "platform")?;
        let lang = string_of(&lang, "lang")?;
        Session::new(&platform, &lang)
            .map(|inner| ReadinessSession { inner })
            .map_err(thrown)
    }

    /// Records the customer's answer to a question (`yes`: the check passes), replacing an
    /// earlier one. A check not asked on the session's platform is refused, naming
    /// `signals.<check>`.
    pub fn answer(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CheckId")] check: JsValue,
        #[wasm_bindgen(unchecked_param_type = "boolean")] yes: JsValue,
    ) -> Result<(), JsValue> {
        let check = string_of(&check, "check")?;
        let yes = bool_of(&yes, "yes")?;
        self.inner.answer(&check, yes).map_err(thrown)
    }

    /// Forgets one answer, so that the question is asked again.
    #[wasm_bindgen(js_name = forgetAnswer)]
    pub fn forget_answer(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CheckId")] check: JsValue,
    ) -> Result<(), JsValue> {
        let check = string_of(&check, "check")?;
        self.inner.forget_answer(&check).map_err(thrown)
    }

    /// Forgets every answer.
    #[wasm_bindgen(js_name = forgetAnswers)]
    pub fn forget_answers(&mut self) {
        self.inner.forget_answers();
    }

    /// The page opened `check`'s settings or guide steps: the customer is about to change
    /// that setting, so its answer is forgotten and the next check asks again.
    #[wasm_bindgen(js_name = settingsOpened)]
    pub fn settings_opened(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CheckId")] check: JsValue,
    ) -> Result<(), JsValue> {
        self.forget_answer(check)
    }

    /// The answers given so far (check id → answer), for the page to keep with its state.
    #[wasm_bindgen(unchecked_return_type = "Partial<Record<CheckId, boolean>>")]
    pub fn answers(&self) -> Result<JsValue, JsValue> {
        returned(Ok(self.inner.answers()))
    }

    /// Replaces the answers with saved ones; those about checks not asked on this platform
    /// are dropped.
    #[wasm_bindgen(js_name = restoreAnswers)]
    pub fn restore_answers(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Partial<Record<CheckId, boolean>>")]
        answers: JsValue,
    ) -> Result<(), JsValue> {
        let json = json_of(&answers, "answers")?;
        self.inner.restore_answers(&json).map_err(thrown)
    }

    /// The observed snapshot with the answers in place of its unknown readings.
    #[wasm_bindgen(unchecked_return_type = "DeviceSnapshot")]
    pub fn snapshot(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DeviceSnapshot")] observed: JsValue,
    ) -> Result<JsValue, JsValue> {
        returned(self.inner.snapshot(&json_of(&observed, "snapshot")?))
    }

    /// The report for the observed snapshot with the answers applied.
    #[wasm_bindgen(unchecked_return_type = "ReadinessReport")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DeviceSnapshot")] observed: JsValue,
    ) -> Result<JsValue, JsValue> {
        returned(self.inner.evaluate(&json_of(&observed, "snapshot")?))
    }

    /// The help screen for the observed snapshot with the answers applied.
    #[wasm_bindgen(unchecked_return_type = "HelpScreen")]
    pub fn screen(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DeviceSnapshot")] observed: JsValue,
    ) -> Result<JsValue, JsValue> {
        returned(self.inner.screen(&json_of(&observed, "snapshot")?))
    }
}

/// The platform a session was made for, for tests.
impl Session {
    pub fn platform(&self) -> Platform {
        self.answers.platform()
    }
}
