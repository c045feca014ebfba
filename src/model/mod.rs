//! The site model: craftsmen, cohorts, unions, stories, brands, pages, industries, names and statistics.

pub mod assemble;
pub(crate) mod assets;
pub(crate) mod cohort;
pub(crate) mod copied;
pub(crate) mod craftsman;
pub(crate) mod cross;
pub(crate) mod entry;
pub(crate) mod honours;
pub(crate) mod industry;
pub mod levels;
pub mod names;
pub(crate) mod pages;
pub(crate) mod paging;
pub mod parse_cache;
pub(crate) mod paths;
pub(crate) mod pictures;
pub(crate) mod plausible;
pub(crate) mod published;
pub(crate) mod repeated;
pub(crate) mod selections;
pub mod site;
pub(crate) mod site_links;
pub(crate) mod stats;
pub(crate) mod story;
pub(crate) mod strokes;
pub(crate) mod union;
pub mod union_site;
pub(crate) mod urls;

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
