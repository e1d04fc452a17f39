//! The messages of a bundle (and the platforms' texts of [`super::texts`]), folded, split into
//! units, numbered and indexed once per bundle, and kept for the next call.
//!
//! The cache is keyed by a fingerprint of the bundle's messages (their locale, FAQ id, position
//! and text, hashed with a key chosen at random per process, so a bundle cannot be made to
//! collide with another on purpose). Computing it reads the messages once, which a call does
//! anyway when it compares them with the input; a bundle changed after a call is therefore
//! never answered from stale messages. A few bundles are kept (the embedded one and those a
//! bank loads), the least recently used dropped first.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

use crate::content::Bundle;

use super::automaton::Symbol;
use super::message::{Input, Message};
use super::normalize::{units, Unit};
use super::texts::{KnownText, KNOWN};

/// Bundles whose prepared messages are kept.
const CACHED_BUNDLES: usize = 4;

/// Where a prepared message comes from.
pub(crate) enum Origin {
    /// The `index`-th message of the FAQ `faq` (in some locale).
    Faq { faq: String, index: usize },
    /// A text the platforms show.
    Known(&'static KnownText),
}

pub(crate) struct Entry {
    pub origin: Origin,
    pub message: Message,
}

pub(crate) struct Prepared {
    symbols: HashMap<Unit, Symbol>,
    pub entries: Vec<Entry>,
}

/// Stands for every input unit no message has: it can match nothing.
const UNKNOWN: Symbol = Symbol::MAX;

impl Prepared {
    fn new(bundle: &Bundle) -> Prepared {
        let mut prepared = Prepared {
            symbols: HashMap::new(),
            entries: Vec::new(),
        };
        for (_, guide) in bundle.locales() {
            for faq in &guide.troubleshooting.faqs {
                for (index, text) in faq.messages.iter().enumerate() {
                    let origin = Origin::Faq {
                        faq: faq.id.clone(),
                        index,
                    };
                    prepared.add(origin, text, true);
                }
            }
        }
        for known in KNOWN {
            prepared.add(Origin::Known(known), known.text, known.requires_domain());
        }
        prepared
    }

    fn add(&mut self, origin: Origin, text: &str, requires_domain: bool) {
        let units = units(text);
        if units.is_empty() {
            return;
        }
        let symbols = units
            .iter()
            .map(|unit| {
                let next = Symbol::try_from(self.symbols.len()).unwrap_or(UNKNOWN - 1);
                *self.symbols.entry(unit.clone()).or_insert(next)
            })
            .collect();
        let message = Message::new(units, symbols, requires_domain);
        self.entries.push(Entry { origin, message });
    }

    /// The input, numbered like the messages.
    pub(crate) fn input(&self, text: &str) -> Option<Input> {
        let units = units(text);
        if units.is_empty() {
            return None;
        }
        let symbols: Vec<Symbol> = units
            .iter()
            .map(|u| self.symbols.get(u).copied().unwrap_or(UNKNOWN))
            .collect();
        Some(Input::new(units, symbols))
    }
}

fn fingerprint(bundle: &Bundle) -> u64 {
    static KEY: OnceLock<RandomState> = OnceLock::new();
    let mut hasher = KEY.get_or_init(RandomState::new).build_hasher();
    for (locale, guide) in bundle.locales() {
        locale.code().hash(&mut hasher);
        for faq in &guide.troubleshooting.faqs {
            faq.id.hash(&mut hasher);
            faq.messages.hash(&mut hasher);
        }
    }
    hasher.finish()
}

type Cache = Vec<(u64, Arc<Prepared>)>;

fn cache() -> &'static Mutex<Cache> {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(Vec::new()))
}

/// The bundle's messages, prepared on first use.
pub(crate) fn prepared(bundle: &Bundle) -> Arc<Prepared> {
    let key = fingerprint(bundle);
    {
        // A panic while holding the lock leaves the cache as valid as before it.
        let mut cache = cache().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(at) = cache.iter().position(|(k, _)| *k == key) {
            let entry = cache.remove(at);
            let prepared = Arc::clone(&entry.1);
            cache.push(entry);
            return prepared;
        }
    }
    // Prepared without the lock: another thread may prepare the same bundle meanwhile, which
    // costs time once but never a wrong answer.
    let prepared = Arc::new(Prepared::new(bundle));
    let mut cache = cache().lock().unwrap_or_else(|e| e.into_inner());
    if !cache.iter().any(|(k, _)| *k == key) {
        cache.push((key, Arc::clone(&prepared)));
        if cache.len() > CACHED_BUNDLES {
            cache.remove(0);
        }
    }
    prepared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_is_prepared_once_and_a_changed_one_again() {
        let bundle = Bundle::embedded().unwrap();
        let first = prepared(&bundle);
        assert!(Arc::ptr_eq(&first, &prepared(&bundle.clone())));
        let mut changed = bundle.clone();
        changed.locales.ja.troubleshooting.faqs[0].messages = vec!["別の文言です。".into()];
        let other = prepared(&changed);
        assert!(!Arc::ptr_eq(&first, &other));
        let wording: Vec<Symbol> = units("別の文言です")
            .iter()
            .map(|u| other.symbols[u])
            .collect();
        assert!(other
            .entries
            .iter()
            .any(|e| e.message.symbols() == wording.as_slice()));
    }
}
