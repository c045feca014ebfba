//! The 20 industry sections of GB/T 4754-2017, with the older names editors still write.
//!
//! [`resolve`] turns what an editor wrote into a section: the letter or the exact name is
//! [`Resolution::Exact`]; another spelling, an older (GB/T 4754-1994/2002/2011) name or a
//! short name is [`Resolution::Alias`], so the editor can be told the proper name; anything
//! else is [`Resolution::Unknown`] with the nearest sections as a hint.

use serde::Serialize;

/// One section (门类) of GB/T 4754-2017.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// `A`–`T`.
    pub letter: char,
    /// The name as the standard writes it.
    pub name: &'static str,
}

const fn section(letter: char, name: &'static str) -> Section {
    Section { letter, name }
}

/// The sections in the standard's order.
pub(crate) static SECTIONS: [Section; 20] = [
    section('A', "农、林、牧、渔业"),
    section('B', "采矿业"),
    section('C', "制造业"),
    section('D', "电力、热力、燃气及水生产和供应业"),
    section('E', "建筑业"),
    section('F', "批发和零售业"),
    section('G', "交通运输、仓储和邮政业"),
    section('H', "住宿和餐饮业"),
    section('I', "信息传输、软件和信息技术服务业"),
    section('J', "金融业"),
    section('K', "房地产业"),
    section('L', "租赁和商务服务业"),
    section('M', "科学研究和技术服务业"),
    section('N', "水利、环境和公共设施管理业"),
    section('O', "居民服务、修理和其他服务业"),
    section('P', "教育"),
    section('Q', "卫生和社会工作"),
    section('R', "文化、体育和娱乐业"),
    section('S', "公共管理、社会保障和社会组织"),
    section('T', "国际组织"),
];

/// Older and short names that point to one section only. Spellings that differ from a
/// section's name (or an alias) only by punctuation, spaces, 与/和, 行业/业 or a final 业
/// need no entry: [`normalize`] takes care of them. Names that the older standards split
/// across today's sections (采掘业 aside, e.g. 1994's 交通运输、仓储及邮电通信业) are left
/// out on purpose.
const ALIASES: &[(&str, char)] = &[
    ("农业", 'A'),
    ("林业", 'A'),
    ("畜牧业", 'A'),
    ("渔业", 'A'),
    ("采矿", 'B'),
    ("矿业", 'B'),
    ("采掘业", 'B'),
    ("制造", 'C'),
    ("电力、燃气及水的生产和供应业", 'D'),
    ("电力、煤气及水的生产和供应业", 'D'),
    ("电力", 'D'),
    ("供电", 'D'),
    ("燃气", 'D'),
    ("建筑", 'E'),
    ("批发零售业", 'F'),
    ("批发业", 'F'),
    ("零售业", 'F'),
    ("交通运输业", 'G'),
    ("交通运输、仓储及邮政业", 'G'),
    ("运输业", 'G'),
    ("仓储业", 'G'),
    ("邮政业", 'G'),
    ("物流业", 'G'),
    ("快递业", 'G'),
    ("住宿餐饮业", 'H'),
    ("餐饮业", 'H'),
    ("住宿业", 'H'),
    ("酒店业", 'H'),
    ("信息传输和计算机服务业", 'I'),
    ("信息传输、计算机服务和软件业", 'I'),
    ("软件和信息技术服务业", 'I'),
    ("软件业", 'I'),
    ("信息技术服务业", 'I'),
    ("计算机服务业", 'I'),
    ("电信业", 'I'),
    ("互联网业", 'I'),
    ("金融保险业", 'J'),
    ("银行业", 'J'),
    ("保险业", 'J'),
    ("证券业", 'J'),
    ("物业管理", 'K'),
    ("租赁和商务服务", 'L'),
    ("商务服务业", 'L'),
    ("租赁业", 'L'),
    ("科研", 'M'),
    ("科学研究", 'M'),
    ("科学研究、技术服务和地质勘查业", 'M'),
    ("科学研究和综合技术服务业", 'M'),
    ("科技服务业", 'M'),
    ("技术服务业", 'M'),
    ("水利业", 'N'),
    ("公共设施管理业", 'N'),
    ("生态保护和环境治理业", 'N'),
    ("环保", 'N'),
    ("居民服务和其他服务业", 'O'),
    ("居民服务业", 'O'),
    ("修理业", 'O'),
    ("家政服务", 'O'),
    ("教育业", 'P'),
    ("卫生、社会保障和社会福利业", 'Q'),
    ("医疗卫生", 'Q'),
    ("卫生", 'Q'),
    ("医疗", 'Q'),
    ("医院", 'Q'),
    ("社会工作", 'Q'),
    ("文化", 'R'),
    ("体育", 'R'),
    ("娱乐业", 'R'),
    ("新闻出版业", 'R'),
    ("公共管理业", 'S'),
    ("公共管理和社会组织", 'S'),
    ("公共管理", 'S'),
    ("社会组织", 'S'),
    ("国家机构", 'S'),
    ("党政机关", 'S'),
];

/// What an editor's industry resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolution {
    /// The letter (`C`, `c`) or the section's exact name, surrounding spaces aside.
    Exact(&'static Section),
    /// Another spelling or an older or short name of one section; `written` is the trimmed
    /// input, for the warning.
    Alias {
        section: &'static Section,
        written: String,
    },
    /// No section: up to three that look nearest, best first (possibly none).
    Unknown { nearest: Vec<&'static Section> },
}

/// The section with this letter (`A`–`T`, either case).
pub(crate) fn by_letter(letter: char) -> Option<&'static Section> {
    let letter = letter.to_ascii_uppercase();
    SECTIONS.iter().find(|s| s.letter == letter)
}

/// Resolves an industry as an editor wrote it.
pub(crate) fn resolve(input: &str) -> Resolution {
    let written = input.trim();
    if let Some(section) = exact(written) {
        return Resolution::Exact(section);
    }
    let key = normalize(written);
    let alias = match_key(&key).or_else(|| with_letter(&key));
    match alias {
        Some(section) => Resolution::Alias {
            section,
            written: written.to_owned(),
        },
        None => Resolution::Unknown {
            nearest: nearest(&key),
        },
    }
}

fn exact(written: &str) -> Option<&'static Section> {
    let mut chars = written.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_ascii_alphabetic() {
            return by_letter(c);
        }
    }
    SECTIONS.iter().find(|s| s.name == written)
}

/// The comparable form of a name: full-width ASCII made half-width and lowercased; spaces
/// and punctuation dropped; 与 read as 和; 行业 as 业; one final 业 dropped.
fn normalize(text: &str) -> String {
    let mut key: String = text
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '与' => '和',
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect::<String>()
        .replace("行业", "业");
    if key.ends_with('业') {
        key.pop();
    }
    key
}

/// Names and aliases of each section, as (section, text).
fn names() -> impl Iterator<Item = (&'static Section, &'static str)> {
    let proper = SECTIONS.iter().map(|s| (s, s.name));
    let aliases = ALIASES
        .iter()
        .filter_map(|&(text, letter)| Some((by_letter(letter)?, text)));
    proper.chain(aliases)
}

fn match_key(key: &str) -> Option<&'static Section> {
    if key.is_empty() {
        return None;
    }
    names()
        .find(|(_, text)| normalize(text) == key)
        .map(|(s, _)| s)
}

/// "Ｃ", "C 制造业", "c制造", "制造业（C）": a letter alone, or with a name of the same
/// section.
fn with_letter(key: &str) -> Option<&'static Section> {
    let letter_first = key.chars().next().zip(key.get(1..));
    let letter_last = key
        .chars()
        .last()
        .zip(key.get(..key.len().saturating_sub(1)));
    [letter_first, letter_last]
        .into_iter()
        .flatten()
        .filter(|(c, _)| c.is_ascii_alphabetic())
        .find_map(|(c, rest)| {
            if rest.is_empty() {
                return by_letter(c);
            }
            let by_name = match_key(&normalize(rest))?;
            (Some(by_name) == by_letter(c)).then_some(by_name)
        })
}

/// Up to three sections nearest to `key` ([`crate::suggest`], over their names and aliases
/// as [`normalize`]d), best first, ties by letter; none when no section shares a character.
fn nearest(key: &str) -> Vec<&'static Section> {
    let normalized: Vec<(&'static Section, String)> =
        names().map(|(s, text)| (s, normalize(text))).collect();
    let found = crate::suggest::rank(
        key,
        normalized.iter().map(|(s, text)| (*s, text.as_str())),
        crate::suggest::Closeness::Related,
    );
    // Each section once, at its best; then by letter among equals.
    let mut best: Vec<crate::suggest::Found<&'static Section>> = Vec::new();
    for f in found {
        if !best.iter().any(|b| b.item.letter == f.item.letter) {
            best.push(f);
        }
    }
    best.sort_by(|a, b| a.cmp_rank(b).then(a.item.letter.cmp(&b.item.letter)));
    best.into_iter().take(3).map(|f| f.item).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(r: &Resolution) -> Option<char> {
        match r {
            Resolution::Exact(s) | Resolution::Alias { section: s, .. } => Some(s.letter),
            Resolution::Unknown { .. } => None,
        }
    }

    fn alias(input: &str) -> char {
        match resolve(input) {
            Resolution::Alias { section, written } => {
                assert_eq!(written, input.trim());
                section.letter
            }
            other => panic!("{input}: expected an alias, got {other:?}"),
        }
    }

    fn nearest_letters(input: &str) -> Vec<char> {
        match resolve(input) {
            Resolution::Unknown { nearest } => nearest.iter().map(|s| s.letter).collect(),
            other => panic!("{input}: expected unknown, got {other:?}"),
        }
    }

    #[test]
    fn sections_are_in_order_and_named_as_the_standard() {
        let letters: String = SECTIONS.iter().map(|s| s.letter).collect();
        assert_eq!(letters, "ABCDEFGHIJKLMNOPQRST");
        assert_eq!(
            by_letter('D').unwrap().name,
            "电力、热力、燃气及水生产和供应业"
        );
        assert_eq!(
            by_letter('i').unwrap().name,
            "信息传输、软件和信息技术服务业"
        );
        assert_eq!(by_letter('U'), None);
        assert_eq!(by_letter('制'), None);
    }

    #[test]
    fn exact_names_and_letters() {
        for s in &SECTIONS {
            assert_eq!(resolve(s.name), Resolution::Exact(s));
            assert_eq!(resolve(&s.letter.to_string()), Resolution::Exact(s));
        }
        assert_eq!(resolve("c"), Resolution::Exact(&SECTIONS[2]));
        assert_eq!(resolve("  制造业\u{3000}"), Resolution::Exact(&SECTIONS[2]));
    }

    #[test]
    fn other_spellings_are_aliases() {
        assert_eq!(alias("农林牧渔业"), 'A');
        assert_eq!(alias("农，林，牧，渔业"), 'A');
        assert_eq!(alias("农,林,牧,渔业"), 'A');
        assert_eq!(alias("农、林、牧、渔"), 'A');
        assert_eq!(alias("教育业"), 'P');
        assert_eq!(alias("教育行业"), 'P');
        assert_eq!(alias("卫生和社会工作业"), 'Q');
        assert_eq!(alias("公共管理与社会组织"), 'S');
        assert_eq!(alias("Ｃ"), 'C');
        assert_eq!(alias("C 制造业"), 'C');
        assert_eq!(alias("制造业（C）"), 'C');
        assert_eq!(alias(" 金融 "), 'J');
    }

    #[test]
    fn older_and_short_names() {
        let cases = [
            ("信息传输和计算机服务业", 'I'),
            ("信息传输、计算机服务和软件业", 'I'),
            ("公共管理业", 'S'),
            ("公共管理和社会组织", 'S'),
            ("卫生、社会保障和社会福利业", 'Q'),
            ("医疗卫生", 'Q'),
            ("医院", 'Q'),
            ("居民服务和其他服务业", 'O'),
            ("电力、燃气及水的生产和供应业", 'D'),
            ("交通运输业", 'G'),
            ("建筑", 'E'),
            ("制造", 'C'),
            ("科研", 'M'),
            ("科学研究、技术服务和地质勘查业", 'M'),
            ("房地产", 'K'),
            ("批发零售业", 'F'),
            ("餐饮业", 'H'),
            ("住宿餐饮业", 'H'),
            ("农业", 'A'),
            ("采矿", 'B'),
            ("租赁和商务服务", 'L'),
            ("软件业", 'I'),
        ];
        for (input, expected) in cases {
            assert_eq!(alias(input), expected, "{input}");
        }
    }

    #[test]
    fn every_alias_points_to_a_section_and_none_is_ambiguous() {
        for (text, letter) in ALIASES {
            assert!(by_letter(*letter).is_some(), "{text}");
            let key = normalize(text);
            let targets: Vec<char> = names()
                .filter(|(_, t)| normalize(t) == key)
                .map(|(s, _)| s.letter)
                .collect();
            assert!(targets.iter().all(|l| l == letter), "{text}: {targets:?}");
        }
    }

    #[test]
    fn a_letter_that_disagrees_with_the_name_is_unknown() {
        assert_eq!(nearest_letters("D 制造业").first(), Some(&'C'));
    }

    #[test]
    fn unknown_names_get_the_nearest_sections() {
        assert_eq!(nearest_letters("制造业（汽车）").first(), Some(&'C'));
        assert_eq!(nearest_letters("软件开发").first(), Some(&'I'));
        assert_eq!(nearest_letters("计算机").first(), Some(&'I'));
        assert_eq!(nearest_letters("汽车制造").first(), Some(&'C'));
        assert!(nearest_letters("社会福利").len() <= 3);
        assert_eq!(nearest_letters("社会福利").first(), Some(&'Q'));
    }

    #[test]
    fn nearest_ties_are_ordered_by_letter() {
        // 社会 appears in Q (卫生和社会工作) and S (公共管理、社会保障和社会组织).
        let letters = nearest_letters("社会");
        assert!(letters.starts_with(&['Q', 'S']), "{letters:?}");
        assert_eq!(nearest_letters("社会"), letters);
    }

    #[test]
    fn empty_punctuation_and_foreign_input_are_unknown_without_hints() {
        for input in ["", "   ", "、，。！", "U", "xyz", "——"] {
            assert_eq!(nearest_letters(input), Vec::<char>::new(), "{input:?}");
        }
        assert_eq!(letter(&resolve("国际组织")), Some('T'));
    }
}
