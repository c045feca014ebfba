//! The site model: craftsmen, cohorts, stories, brands, pages, industries, names and statistics.

pub mod assemble;
pub mod assets;
pub mod cohort;
pub mod copied;
pub mod craftsman;
pub mod cross;
pub mod entry;
pub mod industry;
/// The closed vocabularies live in the field schema; views still name them from here.
pub use crate::schema::levels;
pub mod names;
pub mod paging;
pub mod parse_cache;
pub mod paths;
pub mod pictures;
pub mod plausible;
pub mod published;
pub mod repeated;
pub mod site;
pub mod site_links;
pub mod stats;
pub mod story;
pub mod strokes;
pub mod urls;

/// Today's date (UTC), or the date of `SOURCE_DATE_EPOCH` when it is set.
pub fn today() -> crate::load::dates::Date {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    crate::load::dates::date_of_days(secs.div_euclid(86_400))
}

/// The current calendar year (UTC), or the year of `SOURCE_DATE_EPOCH` when it is set.
pub fn current_year() -> i32 {
    today().year
}
