//! Numbers and dates as spreadsheets and Chinese writing leave them: `12,000,000`, `1200万`,
//! `￥3,000,000`, `２０１８`, Excel's scientific `1.2E+07` and date serial `43466`, dates with a
//! time or without a day, dates that do not exist. Each gets a message naming what was written
//! and a hint with the value to write ([`crate::model::fields::Fields`] asks, only for values it
//! could not read as they are).

use crate::diag::Diagnostic;
use crate::model::fields::Date;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// `1200万`, `1.2亿`.
    ChineseUnit,
    /// `12,000,000`.
    Thousands,
    /// `￥3000000`, `3000000元`.
    Currency,
    /// `２０１８`, or a full-width space inside the value.
    FullWidth,
}

/// A number as the editor meant it, and how it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meant {
    pub value: i64,
    pub how: How,
}

/// Multipliers written after a number, longest first.
const UNITS: [(&str, i64); 5] = [
    ("千万", 10_000_000),
    ("百万", 1_000_000),
    ("亿", 100_000_000),
    ("万", 10_000),
    ("千", 1_000),
];

/// The whole number a text means, when it is written the way spreadsheets and Chinese writing
/// do; `None` for anything else (`26年`, `很多`, a decimal that is not a whole number).
pub fn number(text: &str) -> Option<Meant> {
    let mut how = None;
    let mut note = |h: How| {
        if how.is_none_or(|old| rank(h) > rank(old)) {
            how = Some(h);
        }
    };
    let mut t: String = text
        .trim_matches(|c: char| c.is_whitespace() && c != '\u{3000}')
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => {
                note(How::FullWidth);
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0'))
            }
            '．' => {
                note(How::FullWidth);
                Some('.')
            }
            '，' => Some(','),
            '\u{3000}' => {
                note(How::FullWidth);
                None
            }
            c => Some(c),
        })
        .collect();
    for sign in ["¥", "￥", "RMB", "人民币"] {
        if let Some(rest) = t.strip_prefix(sign) {
            t = rest.trim_start().to_string();
            note(How::Currency);
        }
    }
    for unit in ["元", "圆"] {
        if let Some(rest) = t.strip_suffix(unit) {
            t = rest.trim_end().to_string();
            note(How::Currency);
        }
    }
    let mut multiplier = 1;
    if let Some((rest, m)) = UNITS
        .iter()
        .find_map(|(u, m)| t.strip_suffix(u).map(|r| (r.trim_end().to_string(), *m)))
    {
        t = rest;
        multiplier = m;
        note(How::ChineseUnit);
    }
    if t.contains(',') {
        t = without_thousands(&t)?;
        note(How::Thousands);
    }
    let value = whole(&t, multiplier)?;
    how.map(|how| Meant { value, how })
}

fn rank(h: How) -> u8 {
    match h {
        How::FullWidth => 0,
        How::Currency => 1,
        How::Thousands => 2,
        How::ChineseUnit => 3,
    }
}

/// `12,000,000` → `12000000`; `None` when the commas are not every three digits.
fn without_thousands(t: &str) -> Option<String> {
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let good = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    good.then(|| {
        let mut out = groups.concat();
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        }
        out
    })
}

/// `digits[.digits]` times `multiplier`, when that is a whole number.
fn whole(t: &str, multiplier: i64) -> Option<i64> {
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || frac.len() > 12 {
        return None;
    }
    let scale = 10_i64.checked_pow(u32::try_from(frac.len()).ok()?)?;
    let int: i64 = int.parse().ok()?;
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    let scaled = int
        .checked_mul(scale)?
        .checked_add(frac)?
        .checked_mul(multiplier)?;
    (scaled % scale == 0).then_some(scaled / scale)
}

/// The error for a number written as [`number`] reads it, unlocated. `name` is the field as
/// messages show it (`` `benefit_cny`（创造效益（元）） ``).
pub fn number_diagnostic(name: &str, key: &str, written: &str) -> Option<Diagnostic> {
    let meant = number(written)?;
    let value = meant.value;
    let (code, what) = match meant.how {
        How::ChineseUnit => (
            "number.chinese-unit",
            format!("数字里不能带“万”“亿”这样的单位（“{written}”就是 {value}）"),
        ),
        How::Thousands => (
            "number.thousands-separator",
            "数字里不能有千位分隔符（Excel 显示数字时加的逗号）".to_string(),
        ),
        How::Currency => (
            "number.currency",
            "数字里不能带货币符号或“元”字".to_string(),
        ),
        How::FullWidth => (
            "number.fullwidth",
            "里面有全角数字或全角空格（中文输入法下打的）".to_string(),
        ),
    };
    Some(
        Diagnostic::error(code, format!("字段 {name} 写成了“{written}”：{what}"))
            .hint(format!("只写阿拉伯数字：`{key}: {value}`")),
    )
}

/// The warning for a whole number written in scientific notation (`1.2E+07`, how Excel shows a
/// large number in a narrow column): it is read as written, but the digits Excel hid are gone.
pub fn scientific_diagnostic(
    name: &str,
    key: &str,
    written: &str,
    value: i64,
) -> Option<Diagnostic> {
    let written = written.trim();
    if !written.contains(['e', 'E']) {
        return None;
    }
    Some(
        Diagnostic::warning(
            "number.scientific",
            format!("字段 {name} 写成了科学计数法“{written}”，已按 {value} 读取；Excel 在列太窄时这样显示数字，后面的位数可能被省掉了"),
        )
        .hint(format!("对照原始数据，写出完整的整数，如 `{key}: {value}`")),
    )
}

/// A date written the way spreadsheets and forms leave it, that [`Date::parse_iso`] refuses:
/// an Excel date serial, a date that does not exist, a date with a time, without a day, or
/// without separators. The error is unlocated; `None` for anything else.
pub fn date_diagnostic(name: &str, key: &str, written: &str) -> Option<Diagnostic> {
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
        .then(|| crate::model::date_of_days(n - EXCEL_EPOCH))
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

    fn value(t: &str) -> Option<(i64, How)> {
        number(t).map(|m| (m.value, m.how))
    }

    #[test]
    fn numbers_as_spreadsheets_and_chinese_write_them() {
        assert_eq!(value("12,000,000"), Some((12_000_000, How::Thousands)));
        assert_eq!(value("1,200万"), Some((12_000_000, How::ChineseUnit)));
        assert_eq!(value("1200万元"), Some((12_000_000, How::ChineseUnit)));
        assert_eq!(value("1.2亿"), Some((120_000_000, How::ChineseUnit)));
        assert_eq!(value("0.5万"), Some((5_000, How::ChineseUnit)));
        assert_eq!(value("￥3,000,000"), Some((3_000_000, How::Thousands)));
        assert_eq!(value("3000000元"), Some((3_000_000, How::Currency)));
        assert_eq!(value("２０１８"), Some((2018, How::FullWidth)));
        assert_eq!(value("2018\u{3000}"), Some((2018, How::FullWidth)));
        for not_meant in [
            "26年",
            "很多",
            "12.5",
            "1,2",
            "12,00",
            "1.23456万",
            "",
            "万",
            "12000000",
        ] {
            assert_eq!(value(not_meant), None, "{not_meant}");
        }
    }

    #[test]
    fn number_messages_name_the_habit_and_give_the_value() {
        let d = number_diagnostic("`benefit_cny`", "benefit_cny", "1,200万").unwrap();
        assert_eq!(d.code, "number.chinese-unit");
        assert!(d.message.contains("12000000"), "{}", d.message);
        assert_eq!(
            d.hint.as_deref(),
            Some("只写阿拉伯数字：`benefit_cny: 12000000`")
        );
        assert!(scientific_diagnostic("`b`", "b", "1.2E+07", 12_000_000).is_some());
        assert!(scientific_diagnostic("`b`", "b", "12000000.0", 12_000_000).is_none());
    }

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
}
