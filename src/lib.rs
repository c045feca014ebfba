//! gongjiang: turns Markdown profiles and YAML cohort files into a craftsmen programme's website.
//!
//! The pipeline reads from the module names: `load` → `model` → `render` → `output`;
//! `pipeline` runs those steps for `build` and `check`; `diag` reports what editors got wrong.

// Items are visible to the crate only, unless the binary, tests or benches use them.
#![warn(unreachable_pub)]

pub mod config;
pub(crate) mod configured_url;
pub mod diag;
pub(crate) mod filing;
pub mod habits;
pub mod html_text;
pub(crate) mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub(crate) mod photos;
pub mod pipeline;
pub mod privacy;
pub(crate) mod raw_html;
pub mod render;
pub mod scaffold;
pub(crate) mod schema;
pub mod search;
pub mod serve;
pub mod source;
pub(crate) mod suggest;
pub(crate) mod timing;
