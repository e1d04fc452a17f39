//! The help screen's state and model: the customer's answers, kept in one place for every
//! shell ([`Answers`]), and what a help screen shows, in order ([`HelpScreen`]), computed
//! here and drawn by Android Views, SwiftUI and HTML alike. Every label in the model comes
//! from the content ([`crate::content::ScreenText`] and the guide's texts), already in the
//! customer's language; renderers add no text and take no decision.

mod answers;
mod guide_page;
mod screen;
mod section;

pub use answers::{Answers, SessionError};
pub use guide_page::{GuidePage, HelpDeviceGuide, HelpPreparation, HelpTable, HelpTableRow};
pub use screen::{
    help_screen, os_version_of, BannerKind, HelpBanner, HelpButton, HelpFaq, HelpQuestion, HelpRow,
    HelpScreen, HelpTroubleshooting, RowKind,
};
pub use section::{HelpNote, HelpSection, HelpStep, HelpSubstep, HelpVariant};

#[cfg(feature = "uniffi")]
pub mod ffi;
