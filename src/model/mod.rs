//! The site model: craftsmen, cohorts, stories, brands, pages, industries, names and statistics.

pub mod assets;
pub mod cohort;
pub mod craftsman;
pub mod entry;
pub mod fields;
pub mod industry;
pub mod levels;
pub mod names;
pub mod site;
pub mod stats;
pub mod story;

/// The current calendar year (UTC), or the year of `SOURCE_DATE_EPOCH` when it is set.
pub fn current_year() -> i32 {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    year_of_days(secs.div_euclid(86_400))
}

/// Civil year of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn year_of_days(days: i64) -> i32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

#[cfg(test)]
mod tests {
    #[test]
    fn years_from_day_counts() {
        assert_eq!(super::year_of_days(0), 1970);
        assert_eq!(super::year_of_days(20_781), 2026); // 2026-11-24
        assert_eq!(super::year_of_days(20_453), 2025); // 2025-12-31
        assert_eq!(super::year_of_days(20_454), 2026); // 2026-01-01
    }
}
