//! The customer's answers to a report's questions: what the Kotlin and Swift shells each
//! kept in a `given` map of their own, with the same rules.
//!
//! - An answer is recorded only for a check that applies to the session's platform (typed
//!   check ids, at most one answer per check: the set is bounded by [`CheckId::ALL`]).
//! - It stands in for a reading only where the device reads `unknown`: what the device does
//!   read wins, and the answer is kept for later checks.
//! - It is forgotten when the customer opens that check's settings screen: they are about to
//!   change the setting, so the next check asks again.

use std::collections::BTreeMap;

use crate::readiness::{rules, CheckId, DeviceSnapshot, Signal, SnapshotError};
use crate::Platform;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// The check is not asked on the session's platform (`screen_lock` on an iPhone).
    #[error("signals.{check}: this check does not apply to {platform}")]
    NotForPlatform { check: CheckId, platform: Platform },
    /// A snapshot of a device whose checks differ from the session's (an Android snapshot
    /// in an iPhone session): the answers would be about another device.
    #[error("platform: the snapshot is from {snapshot}, the session is for {session}")]
    OtherPlatform {
        session: Platform,
        snapshot: Platform,
    },
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
}

/// The answers of one customer on one device, for one help screen's life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    platform: Platform,
    given: BTreeMap<CheckId, bool>,
}

impl Answers {
    pub fn new(platform: Platform) -> Answers {
        Answers {
            platform,
            given: BTreeMap::new(),
        }
    }

    pub fn platform(&self) -> Platform {
        self.platform
    }

    /// Records the answer about `check` ("yes" means the check passes), replacing an
    /// earlier one; refused, recording nothing, when the check is not asked here.
    pub fn give(&mut self, check: CheckId, yes: bool) -> Result<(), SessionError> {
        if !rules::applies(self.platform, check) {
            return Err(SessionError::NotForPlatform {
                check,
                platform: self.platform,
            });
        }
        self.given.insert(check, yes);
        Ok(())
    }

    pub fn get(&self, check: CheckId) -> Option<bool> {
        self.given.get(&check).copied()
    }

    /// Forgets one answer, so that the question is asked again.
    pub fn forget(&mut self, check: CheckId) {
        self.given.remove(&check);
    }

    pub fn forget_all(&mut self) {
        self.given.clear();
    }

    /// The answers in check-id order.
    pub fn iter(&self) -> impl Iterator<Item = (CheckId, bool)> + '_ {
        self.given.iter().map(|(check, yes)| (*check, *yes))
    }

    /// Replaces the answers with saved ones (after the app's process was recreated). Those
    /// about checks not asked here, which only a saved state from another version or
    /// device can hold, are dropped: the report stands without them.
    pub fn restore(&mut self, saved: impl IntoIterator<Item = (CheckId, bool)>) {
        self.given.clear();
        for (check, yes) in saved {
            // Refusal is the drop described above.
            let _ = self.give(check, yes);
        }
    }

    /// The observed snapshot with the answers in place of its `unknown` readings.
    pub fn apply(&self, observed: &DeviceSnapshot) -> Result<DeviceSnapshot, SessionError> {
        if rules::for_platform(observed.platform) != rules::for_platform(self.platform) {
            return Err(SessionError::OtherPlatform {
                session: self.platform,
                snapshot: observed.platform,
            });
        }
        let mut snapshot = observed.clone();
        for (check, yes) in self.iter() {
            if observed.signal(check) == Signal::Unknown {
                snapshot = snapshot.answered(check, yes)?;
            }
        }
        Ok(snapshot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn android(signals: &[(CheckId, Signal)]) -> DeviceSnapshot {
        let mut snapshot = DeviceSnapshot::new(Platform::Android);
        snapshot.signals.extend(signals.iter().copied());
        snapshot
    }

    #[test]
    fn an_answer_fills_only_an_unknown_reading() {
        let mut answers = Answers::new(Platform::Android);
        answers.give(CheckId::GoogleAccount, true).unwrap();
        answers.give(CheckId::ScreenLock, true).unwrap();
        let observed = android(&[
            (CheckId::ScreenLock, Signal::No),
            (CheckId::GoogleAccount, Signal::Unknown),
        ]);
        let applied = answers.apply(&observed).unwrap();
        assert_eq!(applied.signal(CheckId::GoogleAccount), Signal::Yes);
        // The device read the screen lock: its reading wins, the answer is kept.
        assert_eq!(applied.signal(CheckId::ScreenLock), Signal::No);
        assert_eq!(answers.get(CheckId::ScreenLock), Some(true));
        // An absent reading is unknown too.
        answers.give(CheckId::GoogleAutofill, false).unwrap();
        let applied = answers.apply(&observed).unwrap();
        assert_eq!(applied.signal(CheckId::GoogleAutofill), Signal::No);
    }

    #[test]
    fn one_answer_per_check_the_last_one() {
        let mut answers = Answers::new(Platform::Ios);
        answers.give(CheckId::IcloudKeychainSync, true).unwrap();
        answers.give(CheckId::IcloudKeychainSync, false).unwrap();
        assert_eq!(
            answers.iter().collect::<Vec<_>>(),
            [(CheckId::IcloudKeychainSync, false)]
        );
    }

    #[test]
    fn a_check_not_asked_here_is_refused_and_not_recorded() {
        let mut answers = Answers::new(Platform::Ios);
        let err = answers.give(CheckId::ScreenLock, true).unwrap_err();
        assert_eq!(
            err.to_string(),
            "signals.screen_lock: this check does not apply to ios"
        );
        assert_eq!(answers.iter().count(), 0);
        answers.restore([(CheckId::ScreenLock, true), (CheckId::Passcode, true)]);
        assert_eq!(
            answers.iter().collect::<Vec<_>>(),
            [(CheckId::Passcode, true)]
        );
    }

    #[test]
    fn a_snapshot_of_another_device_is_refused() {
        let answers = Answers::new(Platform::Ios);
        let err = answers.apply(&android(&[])).unwrap_err();
        assert!(matches!(err, SessionError::OtherPlatform { .. }), "{err}");
        // An iPad runs the iPhone's checks.
        let ipad = DeviceSnapshot::new(Platform::Ipados);
        assert!(answers.apply(&ipad).is_ok());
    }

    #[test]
    fn forgetting_asks_again() {
        let mut answers = Answers::new(Platform::Android);
        answers.give(CheckId::GoogleAccount, true).unwrap();
        answers.forget(CheckId::GoogleAccount);
        let applied = answers.apply(&android(&[])).unwrap();
        assert_eq!(applied.signal(CheckId::GoogleAccount), Signal::Unknown);
    }
}
