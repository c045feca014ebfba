//! gongjiang: turns Markdown profiles and YAML cohort files into a craftsmen programme's website.
//!
//! The pipeline reads from the module names: `load` → `model` → `render` → `output`;
//! `pipeline` runs those steps for `build` and `check`; `diag` reports what editors got wrong.

pub mod config;
pub mod configured_url;
pub mod diag;
pub mod html_text;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod privacy;
pub mod raw_html;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod source;
pub mod suggest;
pub mod timing;
