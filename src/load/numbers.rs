//! Whole numbers as editors write them: in words or with units (二〇二一, ２０２１, 二十六年, 1200万元, 12,000,000, ￥3,000,000) and as spreadsheets show them (1.2E+07), read for messages that name the habit and give the digits to write.

use crate::diag::Diagnostic;

/// The whole number a text starts with, written in digits (half- or full-width, with `,`
/// between groups of three), in Chinese numerals (`二〇二一`, `二十六`, `一千二百万`), or in
/// digits with 万 / 亿 (`1200万`, `1.2亿`); whatever follows it (a unit: 年, 元, 人…) is
/// ignored. `None` when the text does not start with a number, or it is not whole.
pub(crate) fn leading(text: &str) -> Option<i64> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '，' => ',',
            '．' => '.',
            c => c,
        })
        .collect();
    let number: String = text
        .chars()
        .take_while(|c| {
            c.is_ascii_digit() || ",.".contains(*c) || digit(*c).is_some() || unit(*c).is_some()
        })
        .collect();
    let number = number.trim_end_matches([',', '.']);
    if number.is_empty() {
        return None;
    }
    if number.chars().any(|c| c.is_ascii_digit()) {
        arabic(number)
    } else {
        chinese(number)
    }
}

/// What makes `text` (read by [`leading`]) not a number as YAML writes one, for a hint:
/// `只写阿拉伯数字，不要单位`.
pub(crate) fn what_to_change(text: &str) -> String {
    let mut changes: Vec<&str> = Vec::new();
    if text.chars().all(|c| c.is_ascii_digit()) {
        return "数字不加引号".to_string();
    }
    if text.contains(|c: char| ('０'..='９').contains(&c)) {
        changes.push("用半角数字（英文输入法）");
    }
    if text.contains(|c: char| digit(c).is_some() || matches!(c, '十' | '百' | '千')) {
        changes.push("用阿拉伯数字");
    }
    if text.contains(['万', '亿']) {
        changes.push("把“万”“亿”换算进去");
    }
    if text.contains([',', '，']) {
        changes.push("不加逗号");
    }
    let number_chars = |c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || ",，.．".contains(c)
            || digit(c).is_some()
            || unit(c).is_some()
    };
    if text
        .trim_start_matches(number_chars)
        .chars()
        .any(|c| !c.is_whitespace())
    {
        changes.push("不要单位或文字");
    }
    if changes.is_empty() {
        return "只写数字".to_string();
    }
    format!("只写数字，{}", changes.join("，"))
}

/// 〇 to 九 (and 零, 两).
fn digit(c: char) -> Option<i64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// 十, 百, 千, 万, 亿.
fn unit(c: char) -> Option<i64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1_000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// Digits, maybe grouped by commas, maybe with a decimal part, then at most 万 or 亿.
fn arabic(text: &str) -> Option<i64> {
    let digits_end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(text.len());
    let (digits, rest) = text.split_at(digits_end);
    let multiplier = match rest {
        "" => 1,
        "万" => 10_000,
        "亿" => 100_000_000,
        "万亿" => 1_000_000_000_000,
        _ => return None,
    };
    whole(&ungroup(digits)?, multiplier)
}

/// `12,000,000` → `12000000`; commas must separate groups of three.
fn ungroup(digits: &str) -> Option<String> {
    if !digits.contains(',') {
        return Some(digits.to_string());
    }
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let groups: Vec<&str> = whole.split(',').collect();
    let ok =
        !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    if !ok || fraction.contains(',') {
        return None;
    }
    let mut out = groups.concat();
    if !fraction.is_empty() || digits.contains('.') {
        out.push('.');
        out.push_str(fraction);
    }
    Some(out)
}

/// Chinese numerals: digit by digit (`二〇二一`), or with units (`二十六`, `一千二百万`).
fn chinese(text: &str) -> Option<i64> {
    if text.chars().all(|c| digit(c).is_some()) {
        return text
            .chars()
            .try_fold(0_i64, |n, c| n.checked_mul(10)?.checked_add(digit(c)?));
    }
    // 亿 and 万 close the part before them; 十, 百, 千 multiply the digit before them.
    let (mut yi, mut wan, mut section) = (0_i64, 0_i64, 0_i64);
    let mut pending: Option<i64> = None;
    for c in text.chars() {
        match (digit(c), unit(c)) {
            // 零 only holds a place: 一百零五.
            (Some(0), _) => {}
            (Some(d), _) if pending.is_none() => pending = Some(d),
            (Some(_), _) => return None,
            (None, Some(u)) if u == 100_000_000 => {
                let part = wan + section + pending.take().unwrap_or(0);
                yi = part.max(1).checked_mul(u)?;
                (wan, section) = (0, 0);
            }
            (None, Some(u)) if u == 10_000 => {
                let part = section + pending.take().unwrap_or(0);
                wan = part.max(1).checked_mul(u)?;
                section = 0;
            }
            // 十 alone is 10: 十六 is 16.
            (None, Some(u)) => section += pending.take().unwrap_or(1) * u,
            (None, None) => return None,
        }
    }
    Some(yi + wan + section + pending.unwrap_or(0))
}

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
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
pub(crate) struct Meant {
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
pub(crate) fn number(text: &str) -> Option<Meant> {
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
        t = ungroup(&t)?;
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

/// `digits[.digits]` times `multiplier`, when that is a whole number (exact: 1.2亿 is 12 and
/// seven zeros, not 1.2 × 10⁸ in floating point).
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
pub(crate) fn number_diagnostic(name: &str, key: &str, written: &str) -> Option<Diagnostic> {
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
pub(crate) fn scientific_diagnostic(
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
    fn digits_with_units_and_groups() {
        assert_eq!(leading("2021年"), Some(2021));
        assert_eq!(leading("２０２１"), Some(2021));
        assert_eq!(leading(" 30年 "), Some(30));
        assert_eq!(leading("12,000,000"), Some(12_000_000));
        assert_eq!(leading("12，000，000元"), Some(12_000_000));
        assert_eq!(leading("1200万元"), Some(12_000_000));
        assert_eq!(leading("1.2亿"), Some(120_000_000));
        assert_eq!(leading("0.5万"), Some(5_000));
        assert_eq!(leading("1,20"), None);
        assert_eq!(leading("26.5"), None);
        assert_eq!(leading("约30年"), None);
        assert_eq!(leading("年"), None);
    }

    #[test]
    fn what_to_change_says_each_difference() {
        use super::what_to_change as w;
        assert_eq!(w("2021"), "数字不加引号");
        assert_eq!(w("２０２１"), "只写数字，用半角数字（英文输入法）");
        assert_eq!(w("二〇二一年"), "只写数字，用阿拉伯数字，不要单位或文字");
        assert_eq!(
            w("1200万元"),
            "只写数字，把“万”“亿”换算进去，不要单位或文字"
        );
        assert_eq!(w("12,000,000"), "只写数字，不加逗号");
        assert_eq!(w("30年"), "只写数字，不要单位或文字");
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(leading("二〇二一"), Some(2021));
        assert_eq!(leading("二〇二一年"), Some(2021));
        assert_eq!(leading("二十六年"), Some(26));
        assert_eq!(leading("十六"), Some(16));
        assert_eq!(leading("三十"), Some(30));
        assert_eq!(leading("一百零五"), Some(105));
        assert_eq!(leading("一千二百万"), Some(12_000_000));
        assert_eq!(leading("两亿"), Some(200_000_000));
        assert_eq!(leading("万"), Some(10_000));
        assert_eq!(leading("二二十"), None);
    }
}
