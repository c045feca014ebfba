//! The site model: craftsmen, cohorts, stories, brands, pages, industries, names and statistics.

pub mod assemble;
pub mod assets;
pub mod cohort;
pub mod copied;
pub mod craftsman;
pub mod cross;
pub mod dates;
pub mod entry;
pub mod fields;
pub mod generators;
pub mod industry;
pub mod keys;
pub mod levels;
pub mod names;
pub mod numbers;
pub mod pages;
pub mod paging;
pub mod parse_cache;
pub mod paths;
pub mod pictures;
pub mod plain;
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
pub fn today() -> fields::Date {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    date_of_days(secs.div_euclid(86_400))
}

/// The current calendar year (UTC), or the year of `SOURCE_DATE_EPOCH` when it is set.
pub fn current_year() -> i32 {
    today().year
}

/// Civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
pub(crate) fn date_of_days(days: i64) -> fields::Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    fields::Date { year, month, day }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_from_day_counts() {
        assert_eq!(super::date_of_days(0).iso(), "1970-01-01");
        assert_eq!(super::date_of_days(20_781).iso(), "2026-11-24");
        assert_eq!(super::date_of_days(20_453).iso(), "2025-12-31");
        assert_eq!(super::date_of_days(20_454).iso(), "2026-01-01");
        assert_eq!(super::date_of_days(11_016).iso(), "2000-02-29");
    }
}
