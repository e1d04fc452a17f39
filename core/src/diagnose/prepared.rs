//! The messages of a bundle (and the platforms' texts of [`super::texts`]), folded, split into
//! units, numbered and indexed once per bundle, and kept for the next call.
//!
//! The cache is keyed by a copy of the bundle's messages (their FAQ ids and texts, locale by
//! locale), and a call finds its bundle's entry by comparing its messages with the copies,
//! most recently used first. A bundle changed after a call is therefore never answered from
//! stale messages, and no two bundles can share an entry. Comparing is a byte comparison
//! that stops at the first difference: a few hundred nanoseconds for the embedded content,
//! where hashing every message on every call (the first design) cost a tenth of a call. A few
//! bundles are kept (the embedded one and those a bank loads), the least recently used
//! dropped first.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
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

/// FNV-1a, for the map from units to symbols. Every call looks up each unit of the input, and
/// std's keyed SipHash made that a tenth of a call. A keyed hash guards a map that outside
/// input fills; this one is filled from the bundle only, and the input merely looks things up:
/// it cannot lengthen a chain, whatever it holds.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type Symbols = HashMap<Unit, Symbol, BuildHasherDefault<Fnv>>;

pub(crate) struct Prepared {
    symbols: Symbols,
    pub entries: Vec<Entry>,
}

/// Stands for every input unit no message has: it can match nothing.
const UNKNOWN: Symbol = Symbol::MAX;

impl Prepared {
    fn new(bundle: &Bundle) -> Prepared {
        let mut prepared = Prepared {
            symbols: Symbols::default(),
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

/// What a bundle's prepared messages are made of, locale by locale: each FAQ's id and
/// messages.
struct Key(Vec<Vec<(String, Vec<String>)>>);

impl Key {
    fn of(bundle: &Bundle) -> Key {
        Key(bundle
            .locales()
            .map(|(_, guide)| {
                guide
                    .troubleshooting
                    .faqs
                    .iter()
                    .map(|faq| (faq.id.clone(), faq.messages.clone()))
                    .collect()
            })
            .collect())
    }

    /// Whether `bundle` has these messages, without copying anything.
    fn matches(&self, bundle: &Bundle) -> bool {
        let mut locales = self.0.iter();
        bundle.locales().all(|(_, guide)| {
            locales.next().is_some_and(|faqs| {
                faqs.len() == guide.troubleshooting.faqs.len()
                    && faqs
                        .iter()
                        .zip(&guide.troubleshooting.faqs)
                        .all(|((id, messages), faq)| *id == faq.id && *messages == faq.messages)
            })
        }) && locales.next().is_none()
    }
}

type Cache = Vec<(Key, Arc<Prepared>)>;

fn cache() -> &'static Mutex<Cache> {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(Vec::new()))
}

/// The bundle's messages, prepared on first use.
pub(crate) fn prepared(bundle: &Bundle) -> Arc<Prepared> {
    {
        // A panic while holding the lock leaves the cache as valid as before it.
        let mut cache = cache().lock().unwrap_or_else(|e| e.into_inner());
        // The most recently used is last: looked at first.
        if let Some(at) = cache.iter().rposition(|(k, _)| k.matches(bundle)) {
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
    if !cache.iter().any(|(k, _)| k.matches(bundle)) {
        cache.push((Key::of(bundle), Arc::clone(&prepared)));
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
