//! How text becomes search terms: the normalisation and splitting rules that the index builder
//! and the browser script (`themes/default/static/search.js`) must apply identically.
//!
//! - Each character is normalised on its own: full-width ASCII (`Ａ`, `１`) becomes ASCII,
//!   ASCII capitals become lower case. Nothing else changes, so a text keeps its length.
//! - A character is a *word character* when it is alphabetic or numeric (Unicode); everything
//!   else (spaces, punctuation, `·`) separates.
//! - Word characters form *runs*: an ASCII run (`[a-z0-9]+`) is a word; a run of other word
//!   characters (Chinese, mostly) is matched as a substring, through its bigrams.
//! - A query is split the same way; every run is one term, and a document must match all terms.

/// The longest ASCII prefix that has its own postings; longer query words are checked against
/// the stored text.
pub const MAX_PREFIX: usize = 12;

/// Normalises one character (see the module docs).
pub fn norm(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).map_or(c, |a| a.to_ascii_lowercase())
        }
        _ => c.to_ascii_lowercase(),
    }
}

/// What a (normalised) character is for searching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Separator,
    Ascii,
    Wide,
}

pub fn class(c: char) -> Class {
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        // CJK Unified Ideographs, by far the most common: alphabetic, skip the table lookup.
        Class::Wide
    } else if matches!(
        c,
        '。' | '、'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '「'
            | '」'
            | '【'
            | '】'
            | '·'
            | '…'
            | '—'
    ) {
        // Common Chinese punctuation, also to skip the table lookup.
        Class::Separator
    } else if c.is_ascii_alphanumeric() {
        Class::Ascii
    } else if !c.is_ascii() && c.is_alphanumeric() {
        Class::Wide
    } else {
        Class::Separator
    }
}

/// One run of word characters, normalised.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Run {
    pub ascii: bool,
    pub chars: Vec<char>,
}

impl Run {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }
}

/// The runs of a text, in order.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut last = Class::Separator;
    for c in text.chars().map(norm) {
        let k = class(c);
        match k {
            Class::Separator => {}
            _ if k == last => {
                if let Some(r) = out.last_mut() {
                    r.chars.push(c);
                }
            }
            _ => out.push(Run {
                ascii: k == Class::Ascii,
                chars: vec![c],
            }),
        }
        last = k;
    }
    out
}

/// The terms of a query: its runs, each once, in first-seen order.
pub fn query_terms(q: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for r in runs(q) {
        if !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// The index terms that find the candidates of one query term: an ASCII word's prefix, a
/// single character, or every bigram of a longer run (each once).
pub fn index_terms(term: &Run) -> Vec<String> {
    if term.ascii {
        return vec![term.chars.iter().take(MAX_PREFIX).collect()];
    }
    if term.chars.len() == 1 {
        return vec![term.text()];
    }
    let mut out: Vec<String> = Vec::new();
    for w in term.chars.windows(2) {
        let b: String = w.iter().collect();
        if !out.contains(&b) {
            out.push(b);
        }
    }
    out
}

/// Whether the index terms of a query term give exactly its documents, or only candidates
/// that must be checked against the stored text (a run of three or more characters, a very
/// long ASCII word).
pub fn needs_check(term: &Run) -> bool {
    if term.ascii {
        term.chars.len() > MAX_PREFIX
    } else {
        term.chars.len() > 2
    }
}

/// The exact-name key of a name or query: its normalised word characters, separators dropped.
pub fn key(text: &str) -> String {
    text.chars()
        .map(norm)
        .filter(|&c| class(c) != Class::Separator)
        .collect()
}

/// Whether a (raw) text contains a query term by the rules above: a wide run as a substring,
/// an ASCII word as the start of a word.
pub fn contains(text: &str, term: &Run) -> bool {
    let chars: Vec<char> = text.chars().map(norm).collect();
    let n = term.chars.len();
    if n == 0 || chars.len() < n {
        return false;
    }
    (0..=chars.len() - n).any(|i| {
        chars[i..i + n] == term.chars[..]
            && (!term.ascii || i == 0 || class(chars[i - 1]) != Class::Ascii)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rs: &[Run]) -> Vec<String> {
        rs.iter().map(Run::text).collect()
    }

    #[test]
    fn full_width_and_capitals_are_folded() {
        assert_eq!(norm('Ａ'), 'a');
        assert_eq!(norm('５'), '5');
        assert_eq!(norm('Z'), 'z');
        assert_eq!(norm('焊'), '焊');
        assert_eq!(norm('，'), ',');
    }

    #[test]
    fn runs_split_scripts_and_punctuation() {
        let r = runs("C919大飞机，BIM建模·阿依古丽 5G");
        assert_eq!(
            texts(&r),
            ["c919", "大飞机", "bim", "建模", "阿依古丽", "5g"]
        );
        assert!(r[0].ascii && !r[1].ascii);
        assert!(runs("，。、 !").is_empty());
    }

    #[test]
    fn query_terms_are_deduplicated() {
        assert_eq!(texts(&query_terms("焊接 焊接 zhang")), ["焊接", "zhang"]);
    }

    #[test]
    fn index_terms_of_each_kind() {
        let t = |q: &str| index_terms(&runs(q)[0]);
        assert_eq!(t("张"), ["张"]);
        assert_eq!(t("张伟"), ["张伟"]);
        assert_eq!(t("张伟民"), ["张伟", "伟民"]);
        assert_eq!(t("哈哈哈"), ["哈哈"]);
        assert_eq!(t("ZhangWei"), ["zhangwei"]);
        assert_eq!(t("abcdefghijklmnop"), ["abcdefghijkl"]);
    }

    #[test]
    fn which_terms_need_checking() {
        let n = |q: &str| needs_check(&runs(q)[0]);
        assert!(!n("焊"));
        assert!(!n("焊接"));
        assert!(n("焊接工"));
        assert!(!n("zhangweimin"));
        assert!(n("abcdefghijklmnop"));
    }

    #[test]
    fn keys_drop_separators() {
        assert_eq!(key("阿依古丽·买买提"), "阿依古丽买买提");
        assert_eq!(key("Zhang Wei"), "zhangwei");
    }

    #[test]
    fn containment_follows_the_rules() {
        let r = |q: &str| runs(q)[0].clone();
        assert!(contains("上海某某精密机械有限公司", &r("精密机械")));
        assert!(!contains("精密，机械", &r("密机")));
        assert!(contains("zhang wei min zhangweimin zwm", &r("zhangwei")));
        assert!(contains("zhang wei", &r("WEI")));
        assert!(!contains("zhang wei", &r("ang")));
        assert!(contains("Ｚｈａｎｇ", &r("zh")));
    }
}
