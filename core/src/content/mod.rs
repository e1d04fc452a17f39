//! The guide: the bank's help page as typed data in Japanese and English, validated,
//! embedded at build time and replaceable at run time.

mod bundle;
pub mod footnotes;
pub mod limits;
mod localize;
mod model;
pub mod placeholder;
pub mod render;
pub mod safety;
mod service_name;
mod store;
mod validate;
pub mod variants;

pub use bundle::{BundleError, MAX_BUNDLE_BYTES, MAX_SUMMARY_CHARS, SCHEMA_VERSION};
pub use model::*;
pub use safety::LoadPolicy;
pub use service_name::{check_service_name, ServiceNameError, MAX_SERVICE_NAME_CHARS};
pub use store::ContentStore;
pub use validate::{validate, validate_with, Problem};
