//! [`ReadinessSession`] through UniFFI: the answers a Kotlin or Swift help screen keeps, and
//! the screen it draws. Compiled with the `uniffi` feature only.
//!
//! A shell reads the device into a snapshot, as before, and hands it to the session, which
//! applies the customer's answers and evaluates; it calls [`ReadinessSession::settings_opened`]
//! after opening a finding's settings screen, and checks again when the customer returns.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::answers::Answers;
use super::screen::{help_screen, os_version_of, HelpScreen};
use crate::content::Locale;
use crate::ffi::{PasskeyReady, PasskeyReadyError};
use crate::readiness::{self, CheckId, DeviceSnapshot, ReadinessReport};
use crate::Platform;

/// One customer's help screen on one device: the answers given so far, with the SDK's
/// content and service name. Safe to share between threads.
#[derive(Debug, uniffi::Object)]
pub struct ReadinessSession {
    sdk: Arc<PasskeyReady>,
    answers: Mutex<Answers>,
}

// Every export returns `Result`, even where nothing can fail today: UniFFI's Swift calls a
// non-throwing export with `try!`, so a panic in it would trap the app instead of throwing.
#[uniffi::export]
impl ReadinessSession {
    /// A session for a device of `platform`, with no answers yet.
    #[uniffi::constructor]
    pub fn new(sdk: Arc<PasskeyReady>, platform: Platform) -> Result<Arc<Self>, PasskeyReadyError> {
        Ok(Arc::new(ReadinessSession {
            sdk,
            answers: Mutex::new(Answers::new(platform)),
        }))
    }

    /// Records the customer's answer to a question ("yes" means the check passes),
    /// replacing an earlier one. It applies while the device reads that check as unknown.
    /// A check not asked on the session's platform is `InvalidSnapshot` naming
    /// `signals.<check id>`; nothing is recorded then.
    pub fn answer(&self, check: CheckId, yes: bool) -> Result<(), PasskeyReadyError> {
        Ok(self.locked().give(check, yes)?)
    }

    /// Forgets one answer, so that the question is asked again.
    pub fn forget_answer(&self, check: CheckId) -> Result<(), PasskeyReadyError> {
        self.locked().forget(check);
        Ok(())
    }

    /// Forgets every answer.
    pub fn forget_answers(&self) -> Result<(), PasskeyReadyError> {
        self.locked().forget_all();
        Ok(())
    }

    /// The shell opened the settings screen (or the guide steps) of `check`'s finding: the
    /// customer is about to change that setting, so its answer is forgotten and the next
    /// check asks again.
    pub fn settings_opened(&self, check: CheckId) -> Result<(), PasskeyReadyError> {
        self.locked().forget(check);
        Ok(())
    }

    /// The answers given so far, for a shell to save with the screen's state.
    pub fn answers(&self) -> Result<HashMap<CheckId, bool>, PasskeyReadyError> {
        Ok(self.locked().iter().collect())
    }

    /// Replaces the answers with saved ones; those about checks not asked on this platform
    /// are dropped.
    pub fn restore_answers(
        &self,
        answers: HashMap<CheckId, bool>,
    ) -> Result<(), PasskeyReadyError> {
        self.locked().restore(answers);
        Ok(())
    }

    /// The observed snapshot with the answers in place of its unknown readings: what the
    /// report is made from (its JSON form is what `passkey-ready check` reads).
    pub fn snapshot(&self, observed: DeviceSnapshot) -> Result<DeviceSnapshot, PasskeyReadyError> {
        Ok(self.locked().apply(&observed)?)
    }

    /// The report for the observed snapshot with the answers applied.
    pub fn evaluate(
        &self,
        observed: DeviceSnapshot,
        locale: Locale,
    ) -> Result<ReadinessReport, PasskeyReadyError> {
        let snapshot = self.snapshot(observed)?;
        Ok(readiness::evaluate(&snapshot, &self.sdk.localized(locale))?)
    }

    /// The help screen for the observed snapshot with the answers applied.
    pub fn screen(
        &self,
        observed: DeviceSnapshot,
        locale: Locale,
    ) -> Result<HelpScreen, PasskeyReadyError> {
        let snapshot = self.snapshot(observed)?;
        let guide = self.sdk.localized(locale);
        let report = readiness::evaluate(&snapshot, &guide)?;
        let version = os_version_of(&snapshot, &report);
        Ok(help_screen(&report, &guide, version.as_ref()))
    }
}

impl ReadinessSession {
    /// The answers, also after a panic elsewhere poisoned the lock: every change to them is
    /// one insertion or removal, so they are whole whenever the lock is free.
    fn locked(&self) -> MutexGuard<'_, Answers> {
        self.answers.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
