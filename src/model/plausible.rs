//! Values that read well but cannot be true: a ceremony before its cohort's year, a date still
//! to come, a year where a number of years belongs, an award won next year, more years of work
//! than a working life holds.

use crate::diag::Diagnostic;
use crate::load::dates::Date;
use crate::load::fields::Fields;

/// Years of work above which a profile is worth a second look: someone who started at 16 would
/// be over 66 when named.
pub(crate) const MANY_WORK_YEARS: i64 = 50;

/// `work_years`, read as [`Fields::int`] reads it, except that a year (`work_years: 1988`, the
/// spreadsheet column "参加工作时间" copied into the wrong field) is an error that gives the
/// number of years to the cohort's year, and more than [`MANY_WORK_YEARS`] is a warning.
pub(crate) fn work_years(f: &mut Fields, cohort: Option<i32>, this_year: i32) -> Option<u32> {
    const KEY: &str = "work_years";
    let written = f.raw(KEY).and_then(serde_yaml::Value::as_i64);
    if let Some(year) = written.filter(|y| (1949..=i64::from(this_year)).contains(y)) {
        let hint = match cohort.map(i64::from).filter(|&c| c >= year) {
            Some(c) => format!(
                "写工作了多少年：从 {year} 年到 {c} 年是 {} 年，写成 `{KEY}: {}`",
                c - year,
                c - year
            ),
            None => format!("写工作了多少年，如 `{KEY}: 30`"),
        };
        let d = f
            .at_value(
                Diagnostic::error(
                    "plausible.start-year",
                    format!("工作年限 `{KEY}` 写的是 {year}，像是参加工作的年份，不是年数"),
                ),
                KEY,
            )
            .hint(hint);
        f.push(d);
        return None;
    }
    let n = f.int(KEY)?;
    if n > MANY_WORK_YEARS {
        let since = cohort.map_or(String::new(), |c| {
            format!("，也就是 {} 年就开始工作了", i64::from(c) - n)
        });
        let d = f
            .at_value(
                Diagnostic::warning(
                    "plausible.work-years",
                    format!("工作年限 `{KEY}` 是 {n} 年{since}：16 岁参加工作的话，被命名时已有 {} 岁", n + 16),
                ),
                KEY,
            )
            .hint("核对是否多打了数字或把两位数字写反了（如 25 写成 52）；确实如此就不用改，这只是提醒");
        f.push(d);
    }
    Some(n as u32)
}

/// A cohort's naming ceremony cannot be before the cohort's year (the year's ceremony is held
/// in that year or early the next).
pub(crate) fn ceremony(f: &mut Fields, year: Option<i32>, ceremony: Option<Date>) {
    let (Some(year), Some(date)) = (year, ceremony) else {
        return;
    };
    if date.year >= year {
        return;
    }
    let d = f
        .at_value(
            Diagnostic::error(
                "cohort.ceremony-before-year",
                format!(
                    "命名大会日期 `ceremony`（{}）在 {year} 年之前，不可能是 {year} 年度批次的大会",
                    date.iso()
                ),
            ),
            "ceremony",
        )
        .hint(format!(
            "核对年份：{year} 年度的命名大会在 {year} 年或 {} 年初召开",
            year + 1
        ));
    f.push(d);
}

/// A date after today: published today all the same (there is no scheduled publishing), which
/// is what a Hugo editor does not expect, and most often a mistyped year.
pub(crate) fn not_after_today(
    f: &mut Fields,
    key: &str,
    label: &str,
    date: Option<Date>,
    today: Date,
) {
    let Some(date) = date.filter(|d| *d > today) else {
        return;
    };
    let d = f
        .at_value(
            Diagnostic::warning(
                "date.future",
                format!(
                    "{label} `{key}` 是 {}，在今天（{}）之后",
                    date.iso(),
                    today.iso()
                ),
            ),
            key,
        )
        .hint("核对年份；本网站不会等到那一天才发布，文件放进 content/ 就会出现在网站上");
    f.push(d);
}

/// An award cannot have been won after this year.
pub(crate) fn award_year(f: &mut Fields, year: Option<i32>, this_year: i32) -> Option<i32> {
    let year = year?;
    if year <= this_year {
        return Some(year);
    }
    let d = f
        .at_value(
            Diagnostic::error(
                "plausible.future-year",
                format!("获奖年份 `awards.year` 是 {year} 年，在今年（{this_year} 年）之后"),
            ),
            "year",
        )
        .hint("核对年份，是否多打或打错了一位数字");
    f.push(d);
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;
    use crate::load::yaml;
    use crate::schema::COHORT;
    use crate::source::SourceFile;

    /// The codes and lines of what the ceremony checks say about a cohort file, today being
    /// 2026-11-18.
    fn ceremony_of(text: &str) -> Vec<(&'static str, usize)> {
        let src = SourceFile::new("content/cohorts/2018.yaml", text);
        let mut diags = Diagnostics::new();
        let doc = yaml::parse(&src, (0, text.len()), &mut diags).expect("yaml");
        let mut f = Fields::top(&doc, &COHORT, &mut diags).expect("mapping");
        let year = f.year("year", 2026);
        let date = f.date("ceremony");
        ceremony(&mut f, year, date);
        let today = Date {
            year: 2026,
            month: 11,
            day: 18,
        };
        not_after_today(&mut f, "ceremony", "命名大会日期", date, today);
        diags.iter().map(|d| (d.code, d.line)).collect()
    }

    #[test]
    fn ceremonies_before_their_year_or_still_to_come() {
        assert_eq!(ceremony_of("year: 2018\nceremony: 2018-09-20\n"), []);
        assert_eq!(ceremony_of("year: 2018\nceremony: 2019-04-28\n"), []);
        assert_eq!(
            ceremony_of("year: 2018\nceremony: 2017-09-20\n"),
            [("cohort.ceremony-before-year", 2)]
        );
        assert_eq!(ceremony_of("year: 2026\nceremony: 2026-11-18\n"), []);
        assert_eq!(
            ceremony_of("year: 2026\nceremony: 2026-11-19\n"),
            [("date.future", 2)]
        );
    }
}
