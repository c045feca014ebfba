//! Whole numbers as editors write them in words or with units (二〇二一, ２０２１, 二十六年, 1200万元, 12,000,000), read for hints that give the digits to write.

/// The whole number a text starts with, written in digits (half- or full-width, with `,`
/// between groups of three), in Chinese numerals (`二〇二一`, `二十六`, `一千二百万`), or in
/// digits with 万 / 亿 (`1200万`, `1.2亿`); whatever follows it (a unit: 年, 元, 人…) is
/// ignored. `None` when the text does not start with a number, or it is not whole.
pub fn leading(text: &str) -> Option<i64> {
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
pub fn what_to_change(text: &str) -> String {
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
    let scale = match rest {
        "" => 0,
        "万" => 4,
        "亿" => 8,
        "万亿" => 12,
        _ => return None,
    };
    let digits = ungroup(digits)?;
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    if whole.is_empty() || fraction.len() > scale {
        return None;
    }
    // Exact: 1.2亿 is 12 and seven zeros, not 1.2 × 10⁸ in floating point.
    format!("{whole}{fraction:0<scale$}").parse().ok()
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

#[cfg(test)]
mod tests {
    use super::leading;

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
