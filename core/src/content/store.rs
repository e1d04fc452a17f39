//! The content in use: the embedded guide until a bank loads a bundle of its own.

use std::sync::{Arc, RwLock};

use super::bundle::BundleError;
use super::model::Bundle;
use super::safety::LoadPolicy;

/// Holds the bundle in use. Loading is all-or-nothing: a bundle that fails to parse or
/// validate leaves the content in use exactly as it was. Cheap to read from many threads.
#[derive(Debug)]
pub struct ContentStore {
    current: RwLock<Arc<Bundle>>,
}

impl ContentStore {
    /// A store holding the embedded guide.
    pub fn embedded() -> Result<ContentStore, BundleError> {
        Ok(ContentStore {
            current: RwLock::new(Bundle::embedded_shared()?),
        })
    }

    pub fn with(bundle: Bundle) -> ContentStore {
        ContentStore {
            current: RwLock::new(Arc::new(bundle)),
        }
    }

    pub fn current(&self) -> Arc<Bundle> {
        // A poisoned lock still holds a whole bundle: replacement is a single pointer swap.
        Arc::clone(&self.current.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Validates `json` and, only if it is valid, makes it the content in use. Texts may
    /// contain no links (the default [`LoadPolicy`]).
    pub fn load_json(&self, json: &str) -> Result<(), BundleError> {
        self.load_json_with(json, &LoadPolicy::default())
    }

    /// [`ContentStore::load_json`], with `https://` links allowed to the hosts of `policy`.
    pub fn load_json_with(&self, json: &str, policy: &LoadPolicy) -> Result<(), BundleError> {
        let bundle = Bundle::from_json_with(json, policy)?;
        self.replace(bundle);
        Ok(())
    }

    /// Goes back to the embedded guide.
    pub fn reset(&self) -> Result<(), BundleError> {
        self.swap(Bundle::embedded_shared()?);
        Ok(())
    }

    fn replace(&self, bundle: Bundle) {
        self.swap(Arc::new(bundle));
    }

    fn swap(&self, bundle: Arc<Bundle>) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = bundle;
    }
}
