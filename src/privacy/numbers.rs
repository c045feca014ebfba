//! Finds personal numbers (ID-card and mobile numbers) standing alone in published text, in the spellings people write them.
//!
//! What counts (ASCII digits and full-width digits `０`–`９` alike, mixed freely):
//! - **ID number** (居民身份证号): 17 digits then a digit or `X`/`x`; the first digit 1–9;
//!   characters 7–14 a plausible birth date (year 1900–2099, month 01–12, day 01–31). Written
//!   whole or in groups `6 8 4`, `6 4 4 4` or `3 3 4 4 4`. The ISO 7064 check digit is **not**
//!   verified: a mistyped ID is still a person's ID, and leaking it is still a leak.
//! - **Mobile number**: 11 digits `1[3-9]` + 9 digits, whole or in groups `3 4 4`, `3 8`, `7 4` or
//!   `4 3 4`, with an optional country code (`+86`, `86`, `0086`, `(+86)`).
//!
//! Between groups stand one to three separators, mixed freely: spaces of every width (the
//! non-breaking and the ideographic one included), line breaks and tabs, hyphens and dashes
//! (`-`, `‐`, `–`, `—`, `−`, `－`), dots (`.`, `·`, `．`) and brackets (`(139)1234-5678`).
//! Invisible characters (zero-width spaces and joiners, soft hyphens, byte-order marks) are
//! skipped wherever they stand: the page shows the number whole.
//!
//! "Standing alone": the number is not preceded or followed by a digit or a Latin letter, nor by
//! a dot or dash that is glued to another digit. So patent numbers (`ZL201810123456.7`,
//! `ZL 2018 1 0123456.7`, `CN112345678901234567A`), longer serials, dates and version numbers
//! are not findings; neither are hotlines (`400-820-1234`, `12345`), landlines (`021-64370000`)
//! or filing numbers (`沪ICP备2021012345号`, `沪公网安备31010402001234号`), which are public
//! by nature. The cost: `Tel13812345678` (letter glued to the number) is missed; write `Tel:`.
//!
//! Amounts: an 11-digit amount such as `13000000000元` looks like a mobile number. A plain
//! 11-digit run followed by 元, 万 or 亿 is taken as an amount and not reported; with a
//! separator or a country code it is reported whatever follows.

/// The kind of personal number found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonalKind {
    /// A resident identity card number (身份证号).
    IdNumber,
    /// A mainland mobile phone number (手机号).
    Mobile,
}

impl PersonalKind {
    /// The Chinese name, for messages to editors.
    pub fn label(&self) -> &'static str {
        match self {
            PersonalKind::IdNumber => "身份证号",
            PersonalKind::Mobile => "手机号",
        }
    }

    /// The diagnostic code of a finding of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            PersonalKind::IdNumber => "privacy.id-number",
            PersonalKind::Mobile => "privacy.mobile",
        }
    }
}

/// One personal number in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: PersonalKind,
    /// Byte offset of the first character (the `+` of a `+86` prefix included).
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The number's digits (ASCII, the check character as `X`), without country code or separators.
    pub digits: String,
}

impl Finding {
    /// The matched text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Every ID-card and mobile number standing alone in `text`, in order, not overlapping.
pub fn find_personal_data(text: &str) -> Vec<Finding> {
    if !may_hold_one(text) {
        return Vec::new();
    }
    Scanner::new(text).findings()
}

/// Whether `text` has the 11 digits a personal number needs (most published text has not). Text
/// that becomes other text (Markdown, HTML, YAML escapes) has at least as many digits as it
/// makes: a character reference for a digit is written with two.
pub(crate) fn may_hold_one(text: &str) -> bool {
    text.chars()
        .filter(|&c| digit(c).is_some())
        .nth(10)
        .is_some()
}

/// Words directly after an 11-digit run that make it an amount of money, not a phone number.
const AMOUNT_UNITS: [char; 3] = ['元', '万', '亿'];

/// How mobile numbers are grouped (digits per group).
const MOBILE_GROUPS: &[&[usize]] = &[&[11], &[3, 4, 4], &[3, 8], &[7, 4], &[4, 3, 4]];
/// How ID numbers are grouped (characters per group, the check character included).
const ID_GROUPS: &[&[usize]] = &[&[18], &[6, 8, 4], &[6, 4, 4, 4], &[3, 3, 4, 4, 4]];
/// At most this many separators stand between two groups (`) - ` is three).
const MAX_SEPARATORS: usize = 3;

struct Scanner {
    /// Each visible character with its byte offset (invisible ones are left out).
    chars: Vec<(usize, char)>,
    len: usize,
}

/// A number read from the text: its digits and the char index just past it.
struct Read {
    digits: String,
    end: usize,
    /// Written as one run of digits, with no separator.
    plain: bool,
}

impl Scanner {
    fn new(text: &str) -> Self {
        Scanner {
            chars: text
                .char_indices()
                .filter(|&(_, c)| !is_invisible(c))
                .collect(),
            len: text.len(),
        }
    }

    fn findings(&self) -> Vec<Finding> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.chars.len() {
            if let Some((kind, read)) = self.match_at(i) {
                found.push(Finding {
                    kind,
                    start: self.chars[i].0,
                    end: self.byte_end(read.end),
                    digits: read.digits,
                });
                i = read.end;
            } else {
                i += 1;
            }
        }
        found
    }

    /// Byte offset just past the char before char index `end`.
    fn byte_end(&self, end: usize) -> usize {
        self.chars
            .get(end - 1)
            .map_or(self.len, |&(b, c)| b + c.len_utf8())
    }

    /// A personal number starting at char index `i`.
    fn match_at(&self, i: usize) -> Option<(PersonalKind, Read)> {
        let c = self.chars[i].1;
        if !(digit(c).is_some() || is_plus(c) || is_open(c)) || !self.alone_before(i) {
            return None;
        }
        if digit(c).is_some() {
            if let Some(read) = self.id_at(i) {
                return Some((PersonalKind::IdNumber, read));
            }
        }
        self.mobile_at(i).map(|read| (PersonalKind::Mobile, read))
    }

    fn char(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    fn digit(&self, i: usize) -> Option<u8> {
        self.char(i).and_then(digit)
    }

    /// Nothing glued to the left of char index `i`.
    fn alone_before(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).and_then(|k| self.char(k)) else {
            return true;
        };
        if is_word(prev) {
            return false;
        }
        let glued = is_joiner(prev) && i.checked_sub(2).and_then(|k| self.digit(k)).is_some();
        !glued
    }

    /// Nothing glued to the right of a number ending before char index `end`.
    fn alone_after(&self, end: usize) -> bool {
        let Some(next) = self.char(end) else {
            return true;
        };
        if is_word(next) {
            return false;
        }
        !(is_joiner(next) && self.digit(end + 1).is_some())
    }

    /// The separators from `i`: how many (at most [`MAX_SEPARATORS`]), when a digit follows them.
    fn separators(&self, i: usize) -> Option<usize> {
        let n = (0..=MAX_SEPARATORS)
            .take_while(|&k| k == 0 || self.char(i + k - 1).is_some_and(is_separator))
            .last()?;
        (n > 0 && self.digit(i + n).is_some()).then_some(n)
    }

    /// Reads groups of the given sizes from `i`, separators between them. A group is exactly
    /// its size: no digit directly before its end. With `check`, the last character may be `X`.
    fn groups(&self, i: usize, sizes: &[usize], check: bool) -> Option<Read> {
        let mut digits = String::with_capacity(18);
        let mut at = i;
        for (g, &size) in sizes.iter().enumerate() {
            let last_group = g + 1 == sizes.len();
            for k in 0..size {
                let c = self.char(at + k)?;
                match digit(c) {
                    Some(d) => digits.push(char::from(b'0' + d)),
                    None if check && last_group && k + 1 == size && is_check_x(c) => {
                        digits.push('X')
                    }
                    None => return None,
                }
            }
            at += size;
            if last_group {
                break;
            }
            if self.digit(at).is_some() {
                return None;
            }
            at += self.separators(at)?;
        }
        // A grouped number followed by another group is part of a longer one (a bank card).
        let continues = sizes.len() > 1 && self.separators(at).is_some();
        (self.alone_after(at) && !continues).then_some(Read {
            digits,
            end: at,
            plain: sizes.len() == 1,
        })
    }

    /// An ID number from `i`, in any of its groupings.
    fn id_at(&self, i: usize) -> Option<Read> {
        ID_GROUPS.iter().find_map(|sizes| {
            let read = self.groups(i, sizes, true)?;
            let d = read.digits.as_bytes();
            let birth: Vec<u8> = d[6..14].iter().map(|b| b - b'0').collect();
            (d[0] != b'0' && plausible_birth_date(&birth)).then_some(read)
        })
    }

    /// A mobile number from `i`, its optional country code included.
    fn mobile_at(&self, i: usize) -> Option<Read> {
        let (body, prefixed) = self.after_country_code(i)?;
        let read = MOBILE_GROUPS.iter().find_map(|sizes| {
            let read = self.groups(body, sizes, false)?;
            let d = read.digits.as_bytes();
            (d[0] == b'1' && d[1] >= b'3').then_some(read)
        })?;
        if read.plain && !prefixed && self.amount_follows(read.end) {
            return None;
        }
        Some(read)
    }

    /// 元, 万 or 亿 after `end`, spaces allowed between.
    fn amount_follows(&self, end: usize) -> bool {
        (end..self.chars.len())
            .map(|k| self.chars[k].1)
            .find(|&c| !is_space(c))
            .is_some_and(|c| AMOUNT_UNITS.contains(&c))
    }

    /// Where the national number starts: after a country code (`+86`, `86`, `0086`, `(+86)`)
    /// and its separators, or at `i` itself.
    fn after_country_code(&self, i: usize) -> Option<(usize, bool)> {
        let mut at = i;
        let open = self.char(at).is_some_and(is_open);
        at += usize::from(open);
        let plus = self.char(at).is_some_and(is_plus);
        at += usize::from(plus);
        if self.digit(at) == Some(0) && self.digit(at + 1) == Some(0) && !plus {
            at += 2;
        }
        let coded = self.digit(at) == Some(8)
            && self.digit(at + 1) == Some(6)
            && (at > i || self.digit(at + 2) == Some(1));
        if !coded {
            // Without a country code, a mobile number starts with its own leading 1.
            return (at == i).then_some((i, false));
        }
        at += 2;
        if open {
            if !self.char(at).is_some_and(is_close) {
                return None;
            }
            at += 1;
        }
        let seps = (0..MAX_SEPARATORS)
            .take_while(|&k| self.char(at + k).is_some_and(is_separator))
            .count();
        Some((at + seps, true))
    }
}

/// The value of an ASCII or full-width digit.
fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

fn is_check_x(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ')
}

/// A digit or a Latin letter (ASCII or full-width).
fn is_word(c: char) -> bool {
    digit(c).is_some() || c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Dots and dashes: glue numbers into one (decimals, dates, serials).
fn is_joiner(c: char) -> bool {
    is_dash(c) || matches!(c, '.' | '．' | '·')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '−' | '－' | '﹣')
}

fn is_plus(c: char) -> bool {
    matches!(c, '+' | '＋')
}

fn is_open(c: char) -> bool {
    matches!(c, '(' | '（')
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | '）')
}

/// Spaces of every width, tabs and line breaks.
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// What people put between the groups of a number.
fn is_separator(c: char) -> bool {
    is_space(c) || is_joiner(c) || is_open(c) || is_close(c)
}

/// Characters a page does not show: zero-width spaces and joiners, soft hyphens, byte-order marks.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// YYYYMMDD with year 1900–2099, month 01–12, day 01–31.
fn plausible_birth_date(d: &[u8]) -> bool {
    let n = |a: usize, b: usize| d[a..b].iter().fold(0u32, |acc, &x| acc * 10 + u32::from(x));
    let (year, month, day) = (n(0, 4), n(4, 6), n(6, 8));
    (1900..=2099).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (kind, matched text) for each finding.
    fn found(text: &str) -> Vec<(PersonalKind, &str)> {
        find_personal_data(text)
            .into_iter()
            .map(|f| (f.kind, f.text(text)))
            .collect()
    }

    use PersonalKind::{IdNumber as Id, Mobile};

    #[test]
    fn plain_mobile() {
        assert_eq!(found("13812345678"), [(Mobile, "13812345678")]);
        assert_eq!(found("19912345678"), [(Mobile, "19912345678")]);
    }

    #[test]
    fn mobile_inside_chinese_text_with_byte_offsets() {
        let text = "电话13812345678联系";
        let f = find_personal_data(text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, Mobile);
        assert_eq!((f[0].start, f[0].end), (6, 17));
        assert_eq!(f[0].text(text), "13812345678");
        assert_eq!(f[0].digits, "13812345678");
    }

    #[test]
    fn mobile_with_separators() {
        assert_eq!(found("手机：138 1234 5678。"), [(Mobile, "138 1234 5678")]);
        assert_eq!(found("手机：138-1234-5678"), [(Mobile, "138-1234-5678")]);
        assert_eq!(found("138-1234 5678"), [(Mobile, "138-1234 5678")]);
    }

    #[test]
    fn every_common_spelling_of_a_mobile_number() {
        for text in [
            "138\u{a0}1234\u{a0}5678",     // non-breaking spaces
            "138\u{3000}1234\u{3000}5678", // ideographic spaces
            "138–1234–5678",               // en-dashes
            "138—1234—5678",               // em-dashes
            "138.1234.5678",               // dots
            "138·1234·5678",               // middle dots
            "(138)1234-5678",              // area-code style brackets
            "（138）1234-5678",            // full-width brackets
            "138\n1234\n5678",             // broken across lines
            "138 \n1234 5678",             // a space and a line break
            "138 12345678",                // 3-8
            "1381234 5678",                // 7-4
            "1381 234 5678",               // 4-3-4
            "138\u{200b}1234\u{200b}5678", // zero-width spaces
            "13812\u{ad}345678",           // a soft hyphen
        ] {
            let f = find_personal_data(text);
            assert_eq!(f.len(), 1, "{text:?}: {f:?}");
            assert_eq!((f[0].kind, f[0].digits.as_str()), (Mobile, "13812345678"));
            assert_eq!(f[0].text(text).trim_start_matches(['(', '（']), {
                text.trim_start_matches(['(', '（'])
            });
        }
    }

    #[test]
    fn mobile_with_country_code() {
        assert_eq!(found("+8613812345678"), [(Mobile, "+8613812345678")]);
        assert_eq!(found("8613812345678"), [(Mobile, "8613812345678")]);
        assert_eq!(found("008613812345678"), [(Mobile, "008613812345678")]);
        assert_eq!(found("请拨+86-13812345678"), [(Mobile, "+86-13812345678")]);
        assert_eq!(
            found("请拨 +86 138 1234 5678"),
            [(Mobile, "+86 138 1234 5678")]
        );
        assert_eq!(
            found("(+86) 138-1234-5678"),
            [(Mobile, "(+86) 138-1234-5678")]
        );
        assert_eq!(
            find_personal_data("+86 138 1234 5678")[0].digits,
            "13812345678"
        );
    }

    #[test]
    fn full_width_digits() {
        assert_eq!(
            found("电话１３８１２３４５６７８"),
            [(Mobile, "１３８１２３４５６７８")]
        );
        assert_eq!(
            found("身份证１１０１０５１９４９１２３１００２Ｘ号"),
            [(Id, "１１０１０５１９４９１２３１００２Ｘ")]
        );
        assert_eq!(
            found("＋８６１３８１２３４５６７８"),
            [(Mobile, "＋８６１３８１２３４５６７８")]
        );
    }

    #[test]
    fn id_numbers() {
        assert_eq!(
            found("身份证号110105194912310021。"),
            [(Id, "110105194912310021")]
        );
        assert_eq!(found("11010519491231002X"), [(Id, "11010519491231002X")]);
        assert_eq!(found("11010519491231002x，"), [(Id, "11010519491231002x")]);
        assert_eq!(
            found("110105 19491231 002X"),
            [(Id, "110105 19491231 002X")]
        );
        // The check digit is not verified: a mistyped ID is still personal data.
        assert_eq!(found("110105194912310029"), [(Id, "110105194912310029")]);
    }

    #[test]
    fn id_numbers_with_separators() {
        for text in [
            "110105-19491231-002x",
            "110105 1949 1231 002X",
            "110 105 1949 1231 002X",
            "110105\u{a0}19491231\u{a0}002X",
            "110105–19491231–002X",
            "110105\n19491231\n002X",
        ] {
            let f = find_personal_data(text);
            assert_eq!(f.len(), 1, "{text:?}: {f:?}");
            assert_eq!(
                (f[0].kind, f[0].digits.as_str()),
                (Id, "11010519491231002X")
            );
        }
    }

    #[test]
    fn several_findings_in_order() {
        let text = "张伟，身份证310101198001011234，手机13912345678；备用 15800001111";
        assert_eq!(
            found(text),
            [
                (Id, "310101198001011234"),
                (Mobile, "13912345678"),
                (Mobile, "15800001111")
            ]
        );
    }

    #[test]
    fn a_year_before_a_number_does_not_hide_it() {
        assert_eq!(found("2021 13812345678"), [(Mobile, "13812345678")]);
        assert_eq!(found("13812345678 2021年"), [(Mobile, "13812345678")]);
    }

    #[test]
    fn patent_numbers_are_not_findings() {
        for text in [
            "专利号ZL201810123456.7",
            "ZL 201810123456.7",
            "ZL 2018 1 0123456.7",
            "ZL 2019 2 1234567.8",
            "ZL 03 1 23456.7",
            "专利号：201810123456.7",
            "公开号CN112345678901234567A",
            "CN 112345678901234567 A",
            "CN 1123456789 A",
            "授权公告号 CN 213812345 U",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn public_numbers_are_not_findings() {
        for text in [
            "服务热线 400-820-1234",
            "4008201234",
            "800-820-8820",
            "市民热线 12345",
            "95598",
            "电话 021-64370000",
            "(021) 6437 0000",
            "02164370000",
            "沪ICP备2021012345号-1",
            "沪ICP备13012345号",
            "沪公网安备 31010402001234号",
            "统一社会信用代码 91310000MA1FL12345",
            "913100001322012345",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn digit_runs_of_other_lengths_are_not_findings() {
        assert!(found("1381234567890123456").is_empty()); // 19 digits
        assert!(found("11010519491231002111").is_empty()); // 20-digit serial
        assert!(found("138123456789").is_empty()); // 12 digits
        assert!(found("1381234567").is_empty()); // 10 digits
        assert!(found("编号12345678901").is_empty()); // 11 digits, 12… is no mobile prefix
        assert!(found("6222 0212 3456 7890 123").is_empty()); // a bank card
        assert!(found("13 14 15 16 17 18").is_empty());
        assert!(found("138 1234 5678 9").is_empty()); // a longer grouped serial
    }

    #[test]
    fn dates_years_and_versions_are_not_findings() {
        assert!(found("2021-05-01").is_empty());
        assert!(found("2016年").is_empty());
        assert!(found("2016").is_empty());
        assert!(found("v13812345678").is_empty());
        assert!(found("1.13812345678").is_empty());
        assert!(found("13812345678.5").is_empty());
        assert!(found("2021-13812345678").is_empty());
        assert!(found("2016–2021年 138人").is_empty());
    }

    #[test]
    fn sentence_punctuation_does_not_glue() {
        assert_eq!(found("call 13812345678."), [(Mobile, "13812345678")]);
        assert_eq!(found("(13812345678)"), [(Mobile, "13812345678")]);
    }

    #[test]
    fn implausible_birth_dates_are_not_ids() {
        assert!(found("110105194913310021").is_empty()); // month 13
        assert!(found("110105194900310021").is_empty()); // month 00
        assert!(found("110105194912320021").is_empty()); // day 32
        assert!(found("110105180012310021").is_empty()); // year 1800
        assert!(found("010105194912310021").is_empty()); // leading 0
    }

    #[test]
    fn amounts_in_yuan_are_not_mobiles() {
        assert!(found("创造效益13000000000元").is_empty());
        assert!(found("创造效益 13000000000 元").is_empty());
        assert!(found("13000000000万").is_empty());
        // 12000000000 never looked like a mobile number.
        assert!(found("12000000000").is_empty());
        // A separator or a country code says it is a phone number whatever follows.
        assert_eq!(found("138 1234 5678元"), [(Mobile, "138 1234 5678")]);
    }

    #[test]
    fn texts_with_fewer_than_eleven_digits_are_not_read() {
        assert!(!may_hold_one("2016年到2021年，38人"));
        assert!(may_hold_one("１３８１２３４５６７８"));
        assert!(may_hold_one("&#49;3812345678"));
    }

    #[test]
    fn empty_and_non_numeric_text() {
        assert!(found("").is_empty());
        assert!(found("上海工匠选树命名大会").is_empty());
        assert!(found("+").is_empty());
        assert!(found("86").is_empty());
        assert!(found("(").is_empty());
        assert!(found("138 ").is_empty());
        assert!(found("1381234567\u{200b}").is_empty());
    }
}
