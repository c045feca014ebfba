//! Private values met again in published text: text folded for comparing, which values are worth looking for, and one search for all of them.
//!
//! A profile's `private:` values (an address, a phone number, a note) must not appear in any
//! published text, however spelt: both sides are folded first (full-width forms to ASCII,
//! letters lowercased, spaces, punctuation and invisible characters dropped), so that
//! `138-1234-5678` in `private:` is found as `138 1234 5678` on a page, and
//! `漕溪北路 88 号` as `漕溪北路88号`.
//!
//! Short values would match everywhere (`note: 无`, `age: 45`), so only values of at least
//! [`MIN_CHARS`] characters, or [`MIN_DIGITS`] digits when they are all digits, are looked for.
//! Numbers that are public by nature are not personal data and are never looked for:
//! service hotlines (`400…`, `800…`, `95…`, `96…`, `12345`), filing numbers (ICP 备案,
//! 公网安备) and patent numbers (`ZL…`, `CN…`).

use aho_corasick::AhoCorasick;

/// The fewest characters (after folding) of a private value that is looked for.
pub const MIN_CHARS: usize = 6;
/// The fewest digits of an all-digit private value that is looked for.
pub const MIN_DIGITS: usize = 7;

/// Appends `text` folded for comparing to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if let Some(c) = folded(c) {
            out.push(c);
        }
    }
}

/// `text` folded, with the byte offset in `text` of each folded character (for locating a match).
pub fn fold_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut at = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if let Some(c) = folded(c) {
            for _ in 0..c.len_utf8() {
                at.push(i);
            }
            out.push(c);
        }
    }
    (out, at)
}

/// One character folded, or `None` when it is dropped.
fn folded(c: char) -> Option<char> {
    // Most characters of published text: kept (ASCII lowercased) without further look.
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return Some(c);
    }
    let c = match c {
        // Full-width ASCII forms (digits, letters, punctuation) and the ideographic space.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    };
    if c.is_whitespace() || c.is_ascii_punctuation() || is_cjk_punctuation(c) || c.is_control() {
        return None;
    }
    if matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    ) {
        return None;
    }
    Some(c.to_ascii_lowercase())
}

/// Punctuation of Chinese text and the dashes, dots and quotes of typography.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}' | '\u{00B7}' | '\u{2212}'
        | '\u{FE10}'..='\u{FE6B}' | '\u{30FB}')
}

/// Whether a folded private value is looked for: long enough, and not a number public by nature.
pub fn worth_looking_for(folded: &str) -> bool {
    let all_digits = !folded.is_empty() && folded.bytes().all(|b| b.is_ascii_digit());
    if all_digits {
        return folded.len() >= MIN_DIGITS && !is_public_number(folded);
    }
    folded.chars().count() >= MIN_CHARS && !is_public_number(folded)
}

/// Hotlines, filing and patent numbers: published by their owners, never a person's data.
fn is_public_number(folded: &str) -> bool {
    let digits = folded.bytes().all(|b| b.is_ascii_digit());
    let hotline = digits
        && ((folded.len() == 10 && (folded.starts_with("400") || folded.starts_with("800")))
            || (folded.len() <= 8 && (folded.starts_with("95") || folded.starts_with("96")))
            || folded == "12345");
    let filing = folded.contains("icp备") || folded.contains("公网安备");
    let patent = ["zl", "cn"].iter().any(|p| {
        folded
            .strip_prefix(p)
            .is_some_and(|rest| rest.bytes().next().is_some_and(|b| b.is_ascii_digit()))
    });
    hotline || filing || patent
}

/// Finds any of a set of folded values in folded texts.
pub struct Finder {
    search: Option<AhoCorasick>,
}

impl Finder {
    /// A finder for `values` (folded; ones not [`worth_looking_for`] should be left out).
    pub fn new<'a>(values: impl IntoIterator<Item = &'a str>) -> Finder {
        let values: Vec<&str> = values.into_iter().filter(|v| !v.is_empty()).collect();
        let search = (!values.is_empty())
            .then(|| AhoCorasick::new(values))
            .and_then(Result::ok);
        Finder { search }
    }

    /// The indices (into the values given to [`Finder::new`]) of the values in `folded`, each once, in order.
    pub fn find(&self, folded: &str) -> Vec<usize> {
        let Some(search) = &self.search else {
            return Vec::new();
        };
        let mut found: Vec<usize> = search
            .find_overlapping_iter(folded)
            .map(|m| m.pattern().as_usize())
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        fold_into(s, &mut out);
        out
    }

    #[test]
    fn spellings_fold_alike() {
        assert_eq!(fold("138-1234-5678"), "13812345678");
        assert_eq!(fold("１３８ １２３４\u{a0}５６７８"), "13812345678");
        assert_eq!(fold("漕溪北路 88 号，3 楼"), "漕溪北路88号3楼");
        assert_eq!(fold("“漕溪北路８８号”"), "漕溪北路88号");
        assert_eq!(fold("Room\u{200b} 3A"), "room3a");
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "地址：漕溪 北路";
        let (f, at) = fold_with_offsets(text);
        assert_eq!(f, "地址漕溪北路");
        let i = f.find("北路").unwrap();
        assert_eq!(&text[at[i]..], "北路");
    }

    #[test]
    fn short_and_public_values_are_not_looked_for() {
        for v in ["无", "45", "张伟", "123456", "身体不好"] {
            assert!(!worth_looking_for(&fold(v)), "{v}");
        }
        for v in [
            "400-820-1234",
            "800 820 8820",
            "95598",
            "12345",
            "沪ICP备2021012345号-1",
            "沪公网安备 31010402001234号",
            "ZL 2018 1 0123456.7",
            "CN112345678A",
        ] {
            assert!(!worth_looking_for(&fold(v)), "{v}");
        }
        for v in [
            "138 1234 5678",
            "021-6437 0000",
            "1234567",
            "漕溪北路88号",
            "家属联系人李梅",
        ] {
            assert!(worth_looking_for(&fold(v)), "{v}");
        }
    }

    #[test]
    fn the_finder_names_each_value_found_once() {
        let values = [
            fold("漕溪北路88号"),
            fold("138-1234-5678"),
            fold("不会出现的备注"),
        ];
        let finder = Finder::new(values.iter().map(String::as_str));
        let page = fold("他家住漕溪北路 88 号，电话 138 1234 5678；又及：漕溪北路88号。");
        assert_eq!(finder.find(&page), [0, 1]);
        assert!(finder.find(&fold("无关的文字")).is_empty());
        assert!(Finder::new([]).find("abc").is_empty());
    }
}
