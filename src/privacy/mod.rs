//! Keeping personal data off the site: personal numbers in published text, private values repeated in it.

pub(crate) mod numbers;
pub mod repeats;

pub use numbers::{find_personal_data, Finding, PersonalKind};
