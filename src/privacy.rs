//! Finds personal data (ID-card and mobile numbers) standing alone in published text.
//!
//! Profiles keep phone and ID numbers under `private:`, which never reaches the output; this
//! scanner catches the ones an editor pasted into a story or summary by mistake, and can be run
//! over the built site to prove that none got through.
//!
//! What counts (ASCII digits and full-width digits `０`–`９` alike, mixed freely):
//! - **ID number** (居民身份证号): 17 digits then a digit or `X`/`x`; the first digit 1–9;
//!   characters 7–14 a plausible birth date (year 1900–2099, month 01–12, day 01–31). Also
//!   written in groups `6 8 4` separated by single spaces. The ISO 7064 check digit is **not**
//!   verified: a mistyped ID is still a person's ID, and leaking it is still a leak.
//! - **Mobile number**: 11 digits `1[3-9]` + 9 digits, also as `3 4 4` groups separated by one
//!   space or hyphen (the same separator both times: `138 1234 5678`, `138-1234-5678`), with an
//!   optional `+86` or `86` prefix, itself optionally followed by a space or hyphen.
//!
//! "Standing alone": the number is not preceded or followed by a digit or a Latin letter, nor by
//! a `.` or `-` that is glued to another digit. So patent numbers (`ZL201810123456.7`,
//! `CN112345678901234567A`), longer serials, dates and version numbers are not findings. The
//! cost: `Tel13812345678` (letter glued to the number) is missed; write `Tel:` or `电话`.
//!
//! Amounts: an 11-digit amount such as `13000000000元` looks like a mobile number. A plain
//! 11-digit run directly followed by 元, 万 or 亿 is taken as an amount and not reported;
//! with a separator or a `+86` prefix it is reported whatever follows.

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
}

/// One personal number in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub kind: PersonalKind,
    /// Byte offset of the first character (the `+` of a `+86` prefix included).
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

impl Finding {
    /// The matched text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Every ID-card and mobile number standing alone in `text`, in order, not overlapping.
pub fn find_personal_data(text: &str) -> Vec<Finding> {
    Scanner::new(text).findings()
}

/// Words directly after an 11-digit run that make it an amount of money, not a phone number.
const AMOUNT_UNITS: [char; 3] = ['元', '万', '亿'];

struct Scanner {
    /// Each character with its byte offset.
    chars: Vec<(usize, char)>,
    len: usize,
}

impl Scanner {
    fn new(text: &str) -> Self {
        Scanner {
            chars: text.char_indices().collect(),
            len: text.len(),
        }
    }

    fn findings(&self) -> Vec<Finding> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.chars.len() {
            if let Some((kind, end)) = self.match_at(i) {
                found.push(Finding {
                    kind,
                    start: self.chars[i].0,
                    end: self.chars.get(end).map_or(self.len, |&(b, _)| b),
                });
                i = end;
            } else {
                i += 1;
            }
        }
        found
    }

    /// A personal number starting at char index `i`, with the char index just past it.
    fn match_at(&self, i: usize) -> Option<(PersonalKind, usize)> {
        let c = self.chars[i].1;
        if !(digit(c).is_some() || is_plus(c)) || !self.alone_before(i) {
            return None;
        }
        if let Some(end) = self.id_at(i).filter(|&end| self.alone_after(end)) {
            return Some((PersonalKind::IdNumber, end));
        }
        self.mobile_at(i)
            .filter(|&end| self.alone_after(end))
            .map(|end| (PersonalKind::Mobile, end))
    }

    fn char(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    fn digit(&self, i: usize) -> Option<u8> {
        self.char(i).and_then(digit)
    }

    /// `n` digits from `i`, as their values.
    fn digits(&self, i: usize, n: usize) -> Option<Vec<u8>> {
        (i..i + n).map(|k| self.digit(k)).collect()
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

    /// Nothing glued to the right of a match ending before char index `end`.
    fn alone_after(&self, end: usize) -> bool {
        let Some(next) = self.char(end) else {
            return true;
        };
        if is_word(next) {
            return false;
        }
        !(is_joiner(next) && self.digit(end + 1).is_some())
    }

    /// An ID number from `i`: 18 characters, or `6 8 4` groups with single spaces.
    fn id_at(&self, i: usize) -> Option<usize> {
        self.id_groups(i, i + 6, i + 14).or_else(|| {
            let spaced =
                self.char(i + 6).is_some_and(is_space) && self.char(i + 15).is_some_and(is_space);
            spaced.then(|| self.id_groups(i, i + 7, i + 16)).flatten()
        })
    }

    /// Checks an ID's region (6 digits), birth date (8) and tail (3 digits and a check
    /// character) starting at the given char indices; returns the index past the check character.
    fn id_groups(&self, region: usize, birth: usize, tail: usize) -> Option<usize> {
        let region = self.digits(region, 6)?;
        let birth = self.digits(birth, 8)?;
        self.digits(tail, 3)?;
        let check = self.char(tail + 3)?;
        if digit(check).is_none() && !matches!(check, 'X' | 'x' | 'Ｘ' | 'ｘ') {
            return None;
        }
        (region[0] != 0 && plausible_birth_date(&birth)).then_some(tail + 4)
    }

    /// A mobile number from `i`, its optional `+86`/`86` prefix included.
    fn mobile_at(&self, i: usize) -> Option<usize> {
        let (body, prefixed) = self.after_country_code(i)?;
        let end = self.mobile_body(body)?;
        let plain = !prefixed && end - body == 11;
        if plain && self.char(end).is_some_and(|c| AMOUNT_UNITS.contains(&c)) {
            return None;
        }
        Some(end)
    }

    /// Where the national number starts: after `+86`, `86` (and one separator), or at `i`.
    fn after_country_code(&self, i: usize) -> Option<(usize, bool)> {
        let plus = self.char(i).is_some_and(is_plus);
        let at = if plus { i + 1 } else { i };
        if self.digit(at) == Some(8) && self.digit(at + 1) == Some(6) {
            let after = at + 2;
            let sep = self.char(after).is_some_and(is_separator);
            return Some((if sep { after + 1 } else { after }, true));
        }
        // Without a country code, a mobile number starts with its own leading 1.
        (!plus).then_some((i, false))
    }

    /// `1[3-9]x xxxx xxxx` from `i`, optionally grouped 3-4-4 with one repeated separator.
    fn mobile_body(&self, i: usize) -> Option<usize> {
        let head = self.digits(i, 3)?;
        if head[0] != 1 || head[1] < 3 {
            return None;
        }
        let sep = self.char(i + 3).filter(|&c| is_separator(c));
        let mid = if sep.is_some() { i + 4 } else { i + 3 };
        self.digits(mid, 4)?;
        let last = match sep {
            Some(s) if self.char(mid + 4) == Some(s) => mid + 5,
            Some(_) => return None,
            None => mid + 4,
        };
        self.digits(last, 4)?;
        Some(last + 4)
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

/// A digit or a Latin letter (ASCII or full-width).
fn is_word(c: char) -> bool {
    digit(c).is_some() || c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// `.` or `-` (either width): glues numbers into one (decimals, dates, serials).
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | '．' | '－')
}

fn is_plus(c: char) -> bool {
    matches!(c, '+' | '＋')
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}')
}

/// Separators editors put inside a phone number.
fn is_separator(c: char) -> bool {
    is_space(c) || matches!(c, '-' | '－')
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
    }

    #[test]
    fn mobile_with_separators() {
        assert_eq!(found("手机：138 1234 5678。"), [(Mobile, "138 1234 5678")]);
        assert_eq!(found("手机：138-1234-5678"), [(Mobile, "138-1234-5678")]);
        // Mixed separators are not a grouping anyone writes.
        assert!(found("138-1234 5678").is_empty());
    }

    #[test]
    fn mobile_with_country_code() {
        assert_eq!(found("+8613812345678"), [(Mobile, "+8613812345678")]);
        assert_eq!(found("8613812345678"), [(Mobile, "8613812345678")]);
        assert_eq!(found("请拨+86-13812345678"), [(Mobile, "+86-13812345678")]);
        assert_eq!(
            found("请拨 +86 138 1234 5678"),
            [(Mobile, "+86 138 1234 5678")]
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
    fn patent_numbers_are_not_findings() {
        assert!(found("专利号ZL201810123456.7").is_empty());
        assert!(found("ZL 201810123456.7").is_empty());
        assert!(found("公开号CN112345678901234567A").is_empty());
        assert!(found("CN 112345678901234567 A").is_empty());
    }

    #[test]
    fn digit_runs_of_other_lengths_are_not_findings() {
        assert!(found("1381234567890123456").is_empty()); // 19 digits
        assert!(found("11010519491231002111").is_empty()); // 20-digit serial
        assert!(found("138123456789").is_empty()); // 12 digits
        assert!(found("1381234567").is_empty()); // 10 digits
        assert!(found("编号12345678901").is_empty()); // 11 digits, 12… is no mobile prefix
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
        assert!(found("13000000000万").is_empty());
        // 12000000000 never looked like a mobile number.
        assert!(found("12000000000").is_empty());
        // A separator or a country code says it is a phone number whatever follows.
        assert_eq!(found("138 1234 5678元"), [(Mobile, "138 1234 5678")]);
    }

    #[test]
    fn empty_and_non_numeric_text() {
        assert!(found("").is_empty());
        assert!(found("上海工匠选树命名大会").is_empty());
        assert!(found("+").is_empty());
        assert!(found("86").is_empty());
    }
}
