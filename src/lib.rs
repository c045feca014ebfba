//! gongjiang: turns Markdown profiles and YAML cohort files into a craftsmen programme's website.
//!
//! The pipeline reads from the module names: `load` → `model` → `render` → `output`;
//! `check` runs the same steps without writing; `diag` reports what editors got wrong.

pub mod markdown;
pub mod model;
pub mod privacy;
pub mod config;
pub mod diag;
pub mod source;
pub mod load;
