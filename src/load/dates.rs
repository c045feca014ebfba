//! Dates as spreadsheets and forms leave them: Excel's date serial (`43466`), dates with a
//! time or without a day, without separators, dates that do not exist. Each gets a message
//! naming what was written and a hint with the date to write ([`crate::load::fields::Fields`]
//! asks, only for values it could not read as they are).

use crate::diag::Diagnostic;

/// A calendar date (no time zone), as written in files: `2021-05-01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Strict `YYYY-MM-DD` with a real day of the month.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Self::checked(
            s[..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..].parse().ok()?,
        )
    }

    /// `2021年5月1日`, `2021.5.1`, `2021/5/1`, `2021-5-1`.
    pub fn parse_loose(s: &str) -> Option<Date> {
        let nums: Vec<&str> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .collect();
        match nums.as_slice() {
            [y, m, d] if y.len() == 4 => {
                Self::checked(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
            }
            _ => None,
        }
    }

    fn checked(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// `2021-05-01`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `2021年5月1日`, as shown on pages.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

/// Civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
pub(crate) fn date_of_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// A date written the way spreadsheets and forms leave it, that [`Date::parse_iso`] refuses:
/// an Excel date serial, a date that does not exist, a date with a time, without a day, or
/// without separators. The error is unlocated; `None` for anything else.
pub(crate) fn date_diagnostic(name: &str, key: &str, written: &str) -> Option<Diagnostic> {
    let t = written.trim();
    if let Some(date) = excel_serial(t) {
        return Some(
            Diagnostic::error(
                "date.excel-serial",
                format!("字段 {name} 写成了数字 {t}：这是 Excel 里日期的内部编号（即 {}），复制单元格时没有带上日期格式", date.iso()),
            )
            .hint(format!("写成 `{key}: {}`", date.iso())),
        );
    }
    let nums = numbers_in(t);
    if let [y, m, d, rest @ ..] = nums.as_slice() {
        let (y, m, d) = (*y, *m, *d);
        let timed = !rest.is_empty() && has_time(t);
        if y >= 1000 && (rest.is_empty() || timed) {
            match checked(y, m, d) {
                None => return Some(impossible(name, key, t, y, m, d)),
                Some(date) if timed => {
                    return Some(
                        Diagnostic::error(
                            "front-matter.bad-date",
                            format!("字段 {name} 的日期后面带了时间：`{t}`"),
                        )
                        .hint(format!("只写日期：`{key}: {}`", date.iso())),
                    )
                }
                Some(_) => return None,
            }
        }
    }
    if let [y, m] = nums.as_slice() {
        if *y >= 1000 && (1..=12).contains(m) {
            return Some(
                Diagnostic::error(
                    "front-matter.bad-date",
                    format!("字段 {name} 只写到了月份：`{t}`"),
                )
                .hint(format!(
                    "日期要写到哪一天：`{key}: {y}-{m:02}-日`（“日”换成两位数的日子，如 01）"
                )),
            );
        }
    }
    if let [n] = nums.as_slice() {
        let digits = t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit());
        if let Some(date) = digits
            .then(|| checked(n / 10_000, n / 100 % 100, n % 100))
            .flatten()
        {
            return Some(
                Diagnostic::error(
                    "front-matter.bad-date",
                    format!("字段 {name} 的日期没有分隔符：`{t}`"),
                )
                .hint(format!("年、月、日之间加连字符：`{key}: {}`", date.iso())),
            );
        }
    }
    None
}

/// Days from Excel's day 0 (1899-12-30, which absorbs Lotus 1-2-3's 29 February 1900) to
/// 1970-01-01.
const EXCEL_EPOCH: i64 = 25_569;

/// The date of an Excel serial from 1954 to 2119 (five digits, 20000–80000): what a date cell
/// becomes when it is copied without its format.
fn excel_serial(t: &str) -> Option<Date> {
    if t.len() != 5 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = t.parse().ok()?;
    (20_000..=80_000)
        .contains(&n)
        .then(|| date_of_days(n - EXCEL_EPOCH))
}

/// The runs of ASCII or full-width digits in a text, as numbers.
fn numbers_in(t: &str) -> Vec<i32> {
    let ascii: String = t
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            c => c,
        })
        .collect();
    ascii
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().unwrap_or(i32::MAX))
        .collect()
}

/// A time after the date: `2018-09-20 10:00`, `2018-09-20T10:00:00+08:00`.
fn has_time(t: &str) -> bool {
    t.contains(':') && (t.contains(' ') || t.contains('T'))
}

fn checked(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::parse_iso(&format!(
        "{y:04}-{:02}-{:02}",
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?
    ))
}

/// A date whose month or day does not exist, with the date meant when month and day were
/// swapped (a US-style sheet).
fn impossible(name: &str, key: &str, t: &str, y: i32, m: i32, d: i32) -> Diagnostic {
    let why = if !(1..=12).contains(&m) {
        format!("没有 {m} 月")
    } else {
        let last = (28..=31)
            .rev()
            .find(|&last| checked(y, m, last).is_some())
            .unwrap_or(28);
        format!("{y} 年 {m} 月只有 {last} 天")
    };
    let hint = match checked(y, d, m) {
        Some(swapped) => format!("月和日可能写反了：是否想写 `{key}: {}`？", swapped.iso()),
        None => format!("核对月和日，写成真实的日期：`{key}: 年-月-日`，如 `{key}: {y}-05-01`"),
    };
    Diagnostic::error(
        "date.impossible",
        format!("字段 {name} 的日期 `{t}` 不存在：{why}"),
    )
    .hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_dates() {
        assert_eq!(
            excel_serial("43466").map(|d| d.iso()).as_deref(),
            Some("2019-01-01")
        );
        assert_eq!(
            excel_serial("44317").map(|d| d.iso()).as_deref(),
            Some("2021-05-01")
        );
        assert_eq!(excel_serial("2018"), None);
        let d = date_diagnostic("`ceremony`", "ceremony", "43466").unwrap();
        assert_eq!(d.code, "date.excel-serial");
        assert_eq!(d.hint.as_deref(), Some("写成 `ceremony: 2019-01-01`"));
    }

    #[test]
    fn dates_that_do_not_exist_say_why() {
        let d = date_diagnostic("`date`", "date", "2021-02-29").unwrap();
        assert_eq!(d.code, "date.impossible");
        assert!(
            d.message.contains("2021 年 2 月只有 28 天"),
            "{}",
            d.message
        );
        let d = date_diagnostic("`date`", "date", "2021-13-01").unwrap();
        assert!(d.message.contains("没有 13 月"), "{}", d.message);
        let d = date_diagnostic("`date`", "date", "2018/20/9").unwrap();
        assert_eq!(
            d.hint.as_deref(),
            Some("月和日可能写反了：是否想写 `date: 2018-09-20`？")
        );
    }

    #[test]
    fn dates_with_a_time_without_a_day_or_without_separators() {
        let hint = |t| date_diagnostic("`d`", "d", t).and_then(|d| d.hint);
        assert_eq!(
            hint("2018-09-20 10:00").as_deref(),
            Some("只写日期：`d: 2018-09-20`")
        );
        assert_eq!(
            hint("2018-09-20T10:00:00+08:00").as_deref(),
            Some("只写日期：`d: 2018-09-20`")
        );
        assert!(hint("2018年9月").is_some_and(|h| h.contains("2018-09-日")));
        assert_eq!(
            hint("20180920").as_deref(),
            Some("年、月、日之间加连字符：`d: 2018-09-20`")
        );
        // What the field's own hint handles already, and what is not a date.
        assert_eq!(hint("2018年9月20日"), None);
        assert_eq!(hint("2018.9.20"), None);
        assert_eq!(hint("明年"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            Date::parse_iso("2021-05-01").unwrap().chinese(),
            "2021年5月1日"
        );
        assert!(Date::parse_iso("2021-02-30").is_none());
        assert!(Date::parse_iso("2021-5-1").is_none());
        assert_eq!(
            Date::parse_loose("2021年5月1日").unwrap().iso(),
            "2021-05-01"
        );
        assert_eq!(Date::parse_loose("2021.5.1").unwrap().iso(), "2021-05-01");
        assert!(Date::parse_loose("2021年5月").is_none());
        // Pages: no leading zeros; files and feeds: ISO with them.
        let d = Date::parse_iso("2021-12-31").unwrap();
        assert_eq!(
            (d.chinese().as_str(), d.iso().as_str()),
            ("2021年12月31日", "2021-12-31")
        );
        let d = Date::parse_loose("2021年1月5日").unwrap();
        assert_eq!(
            (d.chinese().as_str(), d.iso().as_str()),
            ("2021年1月5日", "2021-01-05")
        );
    }

    #[test]
    fn dates_from_day_counts() {
        assert_eq!(date_of_days(0).iso(), "1970-01-01");
        assert_eq!(date_of_days(20_781).iso(), "2026-11-24");
        assert_eq!(date_of_days(20_453).iso(), "2025-12-31");
        assert_eq!(date_of_days(20_454).iso(), "2026-01-01");
        assert_eq!(date_of_days(11_016).iso(), "2000-02-29");
    }
}
