//! The site model: craftsmen, cohorts, stories, brands, pages, industries, names and statistics.

pub mod industry;
pub mod levels;
pub mod names;
pub mod stats;
