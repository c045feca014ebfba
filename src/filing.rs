//! Mainland filing numbers for a site's footer: the ICP 备案号 and the 公安备案号, checked and written the standard way.
//!
//! - ICP 备案号 (MIIT): `沪ICP备12345678号`, or with the site's number under the filing
//!   `沪ICP备2021012345号-1`: a province abbreviation, `ICP备`, 6 to 10 digits, `号`, and
//!   optionally `-` and 1 to 3 digits. Linked to <https://beian.miit.gov.cn/>.
//! - 公安备案号 (MPS): `沪公网安备 31010102000001号`: a province abbreviation, `公网安备`,
//!   14 digits whose first two are the province's code, `号`. Linked to the MPS query page
//!   for the digits.
//!
//! Full-width letters and digits (`ＩＣＰ`, `１２３`) and a lower-case `icp` are read as
//! meant with a warning; white space is tidied. Anything else is an error, with the place in
//! the value where it goes wrong.

use std::ops::Range;

/// Where the ICP filing is looked up.
pub(crate) const MIIT_URL: &str = "https://beian.miit.gov.cn/";

/// The province abbreviations of ICP filings, with the two-digit administrative code of each.
const PROVINCES: &[(&str, &str)] = &[
    ("京", "11"),
    ("津", "12"),
    ("冀", "13"),
    ("晋", "14"),
    ("蒙", "15"),
    ("辽", "21"),
    ("吉", "22"),
    ("黑", "23"),
    ("沪", "31"),
    ("苏", "32"),
    ("浙", "33"),
    ("皖", "34"),
    ("闽", "35"),
    ("赣", "36"),
    ("鲁", "37"),
    ("豫", "41"),
    ("鄂", "42"),
    ("湘", "43"),
    ("粤", "44"),
    ("桂", "45"),
    ("琼", "46"),
    ("渝", "50"),
    ("蜀", "51"),
    ("黔", "52"),
    ("滇", "53"),
    ("藏", "54"),
    ("陕", "61"),
    ("陇", "62"),
    ("青", "63"),
    ("宁", "64"),
    ("新", "65"),
];

/// Second abbreviations: ICP filings use the first of each pair, 公安 filings use either.
const OTHER_NAMES: &[(&str, &str)] = &[("川", "蜀"), ("贵", "黔"), ("云", "滇"), ("甘", "陇")];

/// Full province names (the start of each) and their abbreviation, for hints.
const FULL_NAMES: &[(&str, &str)] = &[
    ("北京", "京"),
    ("天津", "津"),
    ("河北", "冀"),
    ("山西", "晋"),
    ("内蒙古", "蒙"),
    ("辽宁", "辽"),
    ("吉林", "吉"),
    ("黑龙江", "黑"),
    ("上海", "沪"),
    ("江苏", "苏"),
    ("浙江", "浙"),
    ("安徽", "皖"),
    ("福建", "闽"),
    ("江西", "赣"),
    ("山东", "鲁"),
    ("河南", "豫"),
    ("湖北", "鄂"),
    ("湖南", "湘"),
    ("广东", "粤"),
    ("广西", "桂"),
    ("海南", "琼"),
    ("重庆", "渝"),
    ("四川", "蜀"),
    ("贵州", "黔"),
    ("云南", "滇"),
    ("西藏", "藏"),
    ("陕西", "陕"),
    ("甘肃", "陇"),
    ("青海", "青"),
    ("宁夏", "宁"),
    ("新疆", "新"),
];

/// A checked ICP filing number, written the standard way.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Icp {
    /// `沪ICP备12345678号-1`.
    pub number: String,
    pub url: &'static str,
}

/// A checked 公安 filing number.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Gongan {
    /// `沪公网安备 31010102000001号`.
    pub number: String,
    /// The 14 digits.
    pub code: String,
    /// The MPS query page for this number.
    pub url: String,
}

/// Something wrong with a written number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// An error leaves the number out of the footer; a warning (full-width characters) does not.
    pub error: bool,
    pub code: &'static str,
    pub message: String,
    pub hint: String,
    /// Byte range in the value as written (before tidying) where it goes wrong.
    pub at: Range<usize>,
}

/// The value with full-width ASCII made half-width and white space dropped, each kept
/// character with its byte offset in the written value.
fn tidy(written: &str) -> Vec<(usize, char)> {
    written
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| match c {
            '\u{FF01}'..='\u{FF5E}' => (i, char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)),
            c => (i, c),
        })
        .collect()
}

/// A warning at the first full-width letter or digit, or lower-case letter of `ICP`.
fn width_warning(written: &str, what: &str, fixed: &str) -> Option<Problem> {
    let full = written
        .char_indices()
        .find(|(_, c)| matches!(c, '\u{FF01}'..='\u{FF5E}'));
    let (i, c) = full.or_else(|| written.char_indices().find(|(_, c)| c.is_ascii_lowercase()))?;
    let kind = if full.is_some() {
        "全角字符"
    } else {
        "小写字母"
    };
    Some(Problem {
        error: false,
        code: "site.filing-width",
        message: format!(
            "{what}里的 `{c}` 是{kind}；备案号里的字母和数字要用半角、大写，已按 `{fixed}` 显示"
        ),
        hint: format!("改成 `{fixed}`，和备案系统里登记的一致"),
        at: i..i + c.len_utf8(),
    })
}

/// Byte range in the written value of tidied characters `from..to` (clamped).
fn span(chars: &[(usize, char)], written: &str, from: usize, to: usize) -> Range<usize> {
    let start = chars.get(from).map_or(written.len(), |&(i, _)| i);
    let end = match to.checked_sub(1).and_then(|last| chars.get(last)) {
        Some(&(i, c)) if to > from => i + c.len_utf8(),
        _ => start,
    };
    start..end.max(start)
}

/// The province abbreviation at the start: its length in characters and the abbreviation,
/// or the problem. `other_names` allows 川, 贵, 云, 甘 (公安 filings).
fn province(
    s: &str,
    other_names: bool,
    what: &str,
    example: &str,
) -> Result<(usize, &'static str), (String, String, usize)> {
    let first: String = s.chars().take(1).collect();
    if let Some((p, _)) = PROVINCES.iter().find(|(p, _)| *p == first) {
        return Ok((1, p));
    }
    if let Some((alt, main)) = OTHER_NAMES.iter().find(|(a, _)| *a == first) {
        if other_names {
            return Ok((1, alt));
        }
        return Err((
            format!("{what}里的省份简称 `{alt}` 不对：ICP 备案号用 `{main}`"),
            format!(
                "写成 `{main}ICP备…号`，如 `{}`",
                example.replacen('沪', main, 1)
            ),
            1,
        ));
    }
    if let Some((full, abbr)) = FULL_NAMES.iter().find(|(f, _)| s.starts_with(f)) {
        return Err((
            format!("{what}开头应是省份简称 `{abbr}`，不是 `{full}`"),
            format!("写成 `{}`", example.replacen('沪', abbr, 1)),
            full.chars().count(),
        ));
    }
    Err((
        format!("{what}应以省、自治区、直辖市的简称开头（上海是 `沪`），这里是 `{first}`"),
        format!("照备案系统里的写法填，如 `{example}`"),
        1,
    ))
}

const ICP_EXAMPLE: &str = "沪ICP备12345678号";
const GONGAN_EXAMPLE: &str = "沪公网安备 31010102000001号";

fn error(code: &'static str, message: String, hint: String, at: Range<usize>) -> Problem {
    Problem {
        error: true,
        code,
        message,
        hint,
        at,
    }
}

/// Reads an ICP filing number; `None` with the problems when it is not one.
pub(crate) fn icp(written: &str) -> (Option<Icp>, Vec<Problem>) {
    const WHAT: &str = "ICP 备案号";
    const CODE: &str = "site.bad-icp";
    let chars = tidy(written);
    let upper: String = chars.iter().map(|(_, c)| c.to_ascii_uppercase()).collect();
    let cs: Vec<char> = upper.chars().collect();
    let fail = |message: String, hint: &str, from: usize, to: usize| {
        (
            None,
            vec![error(
                CODE,
                message,
                hint.to_string(),
                span(&chars, written, from, to),
            )],
        )
    };
    let (n, abbr) = match province(&upper, false, WHAT, ICP_EXAMPLE) {
        Ok(p) => p,
        Err((message, hint, len)) => return fail(message, &hint, 0, len),
    };
    let hint = format!("写成 `{abbr}ICP备12345678号`，网站有编号的加 `-1` 这样的后缀");
    let rest: String = cs[n..].iter().collect();
    if rest.starts_with("ICP证") {
        return fail(
            format!("`ICP证…` 是经营许可证编号，不是 {WHAT}"),
            &hint,
            n,
            n + 4,
        );
    }
    if !rest.starts_with("ICP备") {
        let found: String = cs[n..].iter().take(4).collect();
        return fail(
            format!("{WHAT}的省份简称后面应是 `ICP备`，这里是 `{found}`"),
            &hint,
            n,
            (n + 4).min(cs.len()),
        );
    }
    let digits_from = n + 4;
    let digits = cs[digits_from..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let digits_to = digits_from + digits;
    if !(6..=10).contains(&digits) {
        let said = if digits == 0 {
            "没有数字".to_string()
        } else {
            format!("这里是 {digits} 位")
        };
        return fail(
            format!(
                "{WHAT} `ICP备` 后面应是 6 到 10 位数字（现在的备案号多为 8 位或 10 位），{said}"
            ),
            &hint,
            digits_from,
            digits_to.max(digits_from + 1),
        );
    }
    if cs.get(digits_to) != Some(&'号') {
        return fail(
            format!("{WHAT}的数字后面少了 `号`"),
            &format!(
                "在数字后面加 `号`：`{abbr}ICP备{}号`",
                cs[digits_from..digits_to].iter().collect::<String>()
            ),
            digits_to,
            digits_to,
        );
    }
    let tail: String = cs[digits_to + 1..].iter().collect();
    let suffix_ok = tail.is_empty()
        || tail
            .strip_prefix('-')
            .is_some_and(|n| (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()));
    if !suffix_ok {
        return fail(
            format!("{WHAT} `号` 后面只能跟网站编号，如 `-1`，这里是 `{tail}`"),
            &hint,
            digits_to + 1,
            cs.len(),
        );
    }
    let number = upper;
    let mut problems = Vec::new();
    problems.extend(width_warning(written, WHAT, &number));
    (
        Some(Icp {
            number,
            url: MIIT_URL,
        }),
        problems,
    )
}

/// Reads a 公安 filing number; `None` with the problems when it is not one.
pub(crate) fn gongan(written: &str) -> (Option<Gongan>, Vec<Problem>) {
    const WHAT: &str = "公安备案号";
    const CODE: &str = "site.bad-gongan";
    let chars = tidy(written);
    let cs: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
    let text: String = cs.iter().collect();
    let fail = |message: String, hint: &str, from: usize, to: usize| {
        (
            None,
            vec![error(
                CODE,
                message,
                hint.to_string(),
                span(&chars, written, from, to),
            )],
        )
    };
    let (n, abbr) = match province(&text, true, WHAT, GONGAN_EXAMPLE) {
        Ok(p) => p,
        Err((message, hint, len)) => return fail(message, &hint, 0, len),
    };
    let hint = format!(
        "写成 `{abbr}公网安备 ` 加 14 位数字再加 `号`，如 `{abbr}公网安备 31010102000001号`"
    );
    let rest: String = cs[n..].iter().collect();
    if !rest.starts_with("公网安备") {
        let found: String = cs[n..].iter().take(4).collect();
        return fail(
            format!("{WHAT}的省份简称后面应是 `公网安备`，这里是 `{found}`"),
            &hint,
            n,
            (n + 4).min(cs.len()),
        );
    }
    let from = n + 4;
    let digits = cs[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let to = from + digits;
    if digits != 14 {
        let said = if digits == 0 {
            "没有数字".to_string()
        } else {
            format!("这里是 {digits} 位")
        };
        return fail(
            format!("{WHAT} `公网安备` 后面应是 14 位数字，{said}"),
            &hint,
            from,
            to.max(from + 1),
        );
    }
    let code: String = cs[from..to].iter().collect();
    if cs.get(to) != Some(&'号') || to + 1 != cs.len() {
        let message = if cs.get(to) == Some(&'号') {
            format!("{WHAT}在 `号` 后面不应再有文字")
        } else {
            format!("{WHAT}的 14 位数字后面少了 `号`")
        };
        return fail(
            message,
            &format!("写成 `{abbr}公网安备 {code}号`"),
            to,
            cs.len(),
        );
    }
    let main = OTHER_NAMES
        .iter()
        .find(|(a, _)| *a == abbr)
        .map_or(abbr, |(_, m)| m);
    let province_code = PROVINCES
        .iter()
        .find(|(p, _)| p == &main)
        .map_or("", |(_, c)| c);
    if !code.starts_with(province_code) {
        let right = PROVINCES
            .iter()
            .find(|(_, c)| code.starts_with(c))
            .map(|(p, _)| *p);
        let fix = match right {
            Some(p) => format!(
                "数字以 {} 开头的是 `{p}` 的备案号：核对简称和数字，和备案系统里的一致",
                &code[..2]
            ),
            None => format!("`{abbr}` 的备案号数字以 {province_code} 开头：核对数字"),
        };
        return fail(
            format!(
                "{WHAT}的简称 `{abbr}` 和数字的开头 `{}` 不是同一个省份",
                &code[..2]
            ),
            &fix,
            0,
            to,
        );
    }
    let number = format!("{abbr}公网安备 {code}号");
    let mut problems = Vec::new();
    problems.extend(width_warning(written, WHAT, &number));
    let url = format!("https://beian.mps.gov.cn/#/query/webSearch?code={code}");
    (Some(Gongan { number, code, url }), problems)
}

#[cfg(test)]
mod tests;
