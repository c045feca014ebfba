//! Chinese names: pinyin readings with surname rules, sort keys, A–Z initials and stroke order.
//!
//! Readings come from the `pinyin` crate, whose first reading of a character is wrong for
//! many surnames (单 dan, 曾 ceng, 解 jie …), so the surname goes through [`SURNAMES`] first.
//! Readings are written without tones and with `v` for `ü` (吕 → `lv`), which also makes
//! ASCII order put `lv` after `lu`/`luo`, as Chinese dictionaries do.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::sync::OnceLock;

use pinyin::ToPinyin;
use serde::Serialize;

use super::strokes::StrokeOrder;

/// How a name reads and sorts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameKey {
    /// The reading, surname first: lowercase, no tones, `v` for `ü`, one space between
    /// syllables ("zhang wei", "ou yang xiu"). A run of Latin letters or digits is one word.
    pub pinyin: String,
    /// The reading without spaces ("zhangwei").
    pub compact: String,
    /// The first letter of every syllable ("zw").
    pub initials: String,
    /// `A`–`Z` for the index: the first letter of the surname's reading, `#` when it has none.
    pub initial: char,
    /// The surname's reading, syllables separated by spaces ("zhang", "ou yang"); the first
    /// words of `pinyin`.
    pub surname: String,
    /// The reading as one string whose byte order is the syllable order of [`cmp_pinyin`]:
    /// the surname's syllables joined by `\u{1}`, then `\u{0}`, then the given name's joined
    /// by `\u{1}` ("zhang\u{0}wei", "ou\u{1}yang\u{0}xiu"). No syllable holds a byte below 2.
    #[serde(skip)]
    pub sort: String,
}

/// Surname readings that the `pinyin` crate's first reading gets wrong, and the compound
/// (two-character) surnames. A compound surname applies only when the name has a further
/// character (a two-character name such as 司马 is read as surname 司 + given name 马).
/// 尉 and 万 keep their everyday readings (wei, wan) except in 尉迟 and 万俟.
pub const SURNAMES: &[(&str, &str)] = &[
    // Single surnames read differently from the character's first reading.
    ("单", "shan"),
    ("曾", "zeng"),
    ("解", "xie"),
    ("仇", "qiu"),
    ("区", "ou"),
    ("查", "zha"),
    ("朴", "piao"),
    ("盖", "ge"),
    ("乐", "yue"),
    ("覃", "qin"),
    ("缪", "miao"),
    ("翟", "zhai"),
    ("种", "chong"),
    ("召", "shao"),
    ("繁", "po"),
    ("员", "yun"),
    ("秘", "bi"),
    ("薄", "bo"),
    ("卜", "bu"),
    ("长", "chang"),
    ("都", "du"),
    ("重", "chong"),
    ("么", "yao"),
    ("佴", "nai"),
    ("颉", "xie"),
    ("阚", "kan"),
    ("句", "gou"),
    ("祭", "zhai"),
    ("角", "jue"),
    ("折", "she"),
    ("洗", "xian"),
    ("郇", "xun"),
    ("隗", "wei"),
    ("便", "pian"),
    ("粘", "nian"),
    ("蔚", "yu"),
    ("乜", "nie"),
    ("藏", "zang"),
    // Compound surnames.
    ("长孙", "zhang sun"),
    ("令狐", "ling hu"),
    ("万俟", "mo qi"),
    ("单于", "chan yu"),
    ("尉迟", "yu chi"),
    ("澹台", "tan tai"),
    ("乐正", "yue zheng"),
    ("闾丘", "lv qiu"),
    ("鲜于", "xian yu"),
    ("皇甫", "huang fu"),
    ("欧阳", "ou yang"),
    ("司马", "si ma"),
    ("上官", "shang guan"),
    ("诸葛", "zhu ge"),
    ("东方", "dong fang"),
    ("夏侯", "xia hou"),
    ("公孙", "gong sun"),
    ("慕容", "mu rong"),
    ("宇文", "yu wen"),
    ("司徒", "si tu"),
    ("司空", "si kong"),
    ("端木", "duan mu"),
    ("呼延", "hu yan"),
    ("南宫", "nan gong"),
    ("轩辕", "xuan yuan"),
    ("独孤", "du gu"),
    ("完颜", "wan yan"),
    ("拓跋", "tuo ba"),
    ("钟离", "zhong li"),
    ("宗政", "zong zheng"),
    ("淳于", "chun yu"),
    ("赫连", "he lian"),
    ("申屠", "shen tu"),
    ("公冶", "gong ye"),
    ("濮阳", "pu yang"),
    ("太叔", "tai shu"),
    ("闻人", "wen ren"),
    ("西门", "xi men"),
    ("百里", "bai li"),
    ("东郭", "dong guo"),
    ("第五", "di wu"),
];

fn surname_reading(surname: &str) -> Option<&'static str> {
    SURNAMES
        .iter()
        .find(|(written, _)| *written == surname)
        .map(|(_, reading)| *reading)
}

/// One piece of a name: a Han character (with its reading, if the crate has one) or a run
/// of ASCII letters and digits.
#[derive(Debug)]
enum Token {
    Han { ch: char, reading: Option<String> },
    Word(String),
}

/// Full-width ASCII letters and digits (Ａ, ５) as their ASCII forms; other characters as is.
fn half_width(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}')
}

/// The crate's reading of a character, toneless, with `v` for `ü` and `e` for `ê`.
fn char_reading(c: char) -> Option<String> {
    c.to_pinyin()
        .map(|p| p.plain().replace('ü', "v").replace('ê', "e"))
}

fn tokenize(name: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    for c in name.chars().map(half_width) {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            continue;
        }
        if !word.is_empty() {
            tokens.push(Token::Word(std::mem::take(&mut word)));
        }
        let reading = char_reading(c);
        if reading.is_some() || is_han(c) {
            tokens.push(Token::Han { ch: c, reading });
        }
    }
    if !word.is_empty() {
        tokens.push(Token::Word(word));
    }
    tokens
}

/// How many leading tokens are the surname: two for a known compound surname followed by
/// at least one more token, otherwise one (none for an empty name).
fn surname_tokens(tokens: &[Token]) -> usize {
    if let [Token::Han { ch: a, .. }, Token::Han { ch: b, .. }, _, ..] = tokens {
        let pair: String = [*a, *b].iter().collect();
        if surname_reading(&pair).is_some() {
            return 2;
        }
    }
    tokens.len().min(1)
}

/// The readings of a name split into surname syllables and given-name syllables.
fn readings(name: &str) -> (Vec<String>, Vec<String>) {
    let tokens = tokenize(name);
    let n = surname_tokens(&tokens);
    let surname = match &tokens[..n] {
        [Token::Han { ch: a, .. }, Token::Han { ch: b, .. }] => {
            let pair: String = [*a, *b].iter().collect();
            let reading = surname_reading(&pair).unwrap_or_default();
            reading.split(' ').map(str::to_owned).collect()
        }
        [Token::Han { ch, reading }] => match surname_reading(&ch.to_string()) {
            Some(fixed) => vec![fixed.to_owned()],
            None => reading.iter().cloned().collect(),
        },
        [Token::Word(word)] => vec![word.clone()],
        _ => Vec::new(),
    };
    let given = tokens[n..]
        .iter()
        .filter_map(|token| match token {
            Token::Han { reading, .. } => reading.clone(),
            Token::Word(word) => Some(word.clone()),
        })
        .collect();
    (surname, given)
}

/// Every toneless syllable the `pinyin` crate knows (with `v` for `ü`), for splitting
/// overrides such as "Tianfang". Syllables without a vowel (m, n, ng, hm …) are left out so
/// they never split a word.
fn syllables() -> &'static HashSet<String> {
    static SYLLABLES: OnceLock<HashSet<String>> = OnceLock::new();
    SYLLABLES.get_or_init(|| {
        ('\u{3400}'..='\u{9FFF}')
            .filter_map(char_reading)
            .filter(|s| s.contains(['a', 'e', 'i', 'o', 'u', 'v']))
            .collect()
    })
}

/// Splits a run of letters into syllables, preferring the longest first syllable and
/// backtracking when the rest cannot be split; `None` when no split exists.
fn split_syllables(word: &str) -> Option<Vec<String>> {
    if word.is_empty() {
        return Some(Vec::new());
    }
    let known = syllables();
    (1..=word.len().min(6)).rev().find_map(|len| {
        let head = word.get(..len)?;
        if !known.contains(head) {
            return None;
        }
        let mut rest = split_syllables(&word[len..])?;
        rest.insert(0, head.to_owned());
        Some(rest)
    })
}

/// A lowercase letter of an override with its tone mark removed; `ü` becomes `v`.
fn plain_letter(c: char) -> Option<char> {
    let plain = match c {
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
        c if c.is_ascii_lowercase() => c,
        _ => return None,
    };
    Some(plain)
}

/// An override as written words, each a list of syllables: "Shan Tian-fang" →
/// `[["shan"], ["tian", "fang"]]`. Words split at whitespace and punctuation; apostrophes
/// and hyphens only split syllables inside a word; tone marks and tone digits are dropped.
/// A group that is not pinyin ("smith") stays one syllable.
fn override_words(written: &str) -> Vec<Vec<String>> {
    let lower: String = written
        .chars()
        .map(half_width)
        .collect::<String>()
        .to_lowercase();
    let mut words = Vec::new();
    for word in lower.split(|c: char| !(c.is_alphanumeric() || "'’‘-".contains(c))) {
        let mut syllables = Vec::new();
        for group in word.split(['\'', '’', '‘', '-']) {
            let letters: String = group.chars().filter_map(plain_letter).collect();
            if letters.is_empty() {
                continue;
            }
            syllables.extend(split_syllables(&letters).unwrap_or_else(|| vec![letters]));
        }
        if !syllables.is_empty() {
            words.push(syllables);
        }
    }
    words
}

fn key_from(surname: Vec<String>, given: Vec<String>) -> NameKey {
    let initial = surname
        .first()
        .and_then(|s| s.chars().next())
        .filter(char::is_ascii_alphabetic)
        .map_or('#', |c| c.to_ascii_uppercase());
    let all: Vec<&str> = surname.iter().chain(&given).map(String::as_str).collect();
    let pinyin = all.join(" ");
    let surname = surname.join(" ");
    NameKey {
        sort: sort_key(&surname, &pinyin),
        compact: all.concat(),
        initials: all.iter().filter_map(|s| s.chars().next()).collect(),
        initial,
        pinyin,
        surname,
    }
}

/// [`NameKey::sort`]: the surname's syllables, `\u{0}`, the given name's syllables (the words of
/// `pinyin` after the surname's), each list joined by `\u{1}`. Since both separators sort before
/// every byte of a syllable, comparing keys compares the surnames syllable by syllable (`an` <
/// `ang`, a shorter surname first), then the given names the same way.
fn sort_key(surname: &str, pinyin: &str) -> String {
    let surname: Vec<&str> = surname.split_whitespace().collect();
    let given: Vec<&str> = pinyin.split_whitespace().skip(surname.len()).collect();
    format!("{}\u{0}{}", surname.join("\u{1}"), given.join("\u{1}"))
}

/// The reading and sort key of a name. A non-blank `pinyin_override` ("Shan Tianfang",
/// "shan tian fang", "Shàn Tiánfāng") wins over the computed reading; its first written
/// word is the surname, or more syllables when the name starts with a compound surname
/// (欧阳修 with "ou yang xiu" → surname "ou yang").
pub fn name_key(name: &str, pinyin_override: Option<&str>) -> NameKey {
    let (surname, given) = readings(name);
    let Some(words) = pinyin_override
        .map(override_words)
        .filter(|w| !w.is_empty())
    else {
        return key_from(surname, given);
    };
    let from_name = surname_tokens(&tokenize(name));
    let all: Vec<String> = words.iter().flatten().cloned().collect();
    let n = words[0].len().max(from_name).min(all.len());
    key_from(all[..n].to_vec(), all[n..].to_vec())
}

/// Orders names as an editor expects: by the surname's reading, then the given name's
/// reading (syllable by syllable, so `an` < `ang` and `lu` < `luo` < `lv`), then by the
/// stroke order of the characters, then by the raw string. Total and deterministic.
pub fn cmp_pinyin(a: (&str, &NameKey), b: (&str, &NameKey)) -> Ordering {
    a.1.sort
        .cmp(&b.1.sort)
        .then_with(|| StrokeOrder::new().compare(a.0, b.0))
}

/// The first 16 bytes of a [`NameKey::sort`] as a number (zeros past its end): of two keys, the
/// one with the smaller prefix is the smaller, so a sort compares whole keys only on a tie.
pub fn sort_prefix(key: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = key.len().min(16);
    bytes[..n].copy_from_slice(&key.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// A URL slug from a name's reading: "张伟" → "zhang-wei", "欧阳修" → "ou-yang-xiu",
/// "Anna 李" → "anna-li". Surname rules apply; characters with no reading and no ASCII
/// letters or digits are dropped; never empty ("craftsman").
pub fn slug_from_name(name: &str) -> String {
    // Surname and given name each in one piece, as people write their names in pinyin: 单田芳 → shan-tianfang.
    let (surname, given) = readings(name);
    let slug = [surname.concat(), given.concat()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "craftsman".to_owned()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> NameKey {
        name_key(name, None)
    }

    #[test]
    fn plain_name() {
        assert_eq!(
            key("张伟"),
            NameKey {
                pinyin: "zhang wei".into(),
                compact: "zhangwei".into(),
                initials: "zw".into(),
                initial: 'Z',
                surname: "zhang".into(),
                sort: "zhang\u{0}wei".into(),
            }
        );
    }

    #[test]
    fn polyphonic_surnames_use_the_table() {
        let cases = [
            ("单田芳", "shan tian fang"),
            ("曾志强", "zeng zhi qiang"),
            ("解放", "xie fang"),
            ("仇英", "qiu ying"),
            ("区志航", "ou zhi hang"),
            ("查良", "zha liang"),
            ("朴树", "piao shu"),
            ("盖聂", "ge nie"),
            ("乐嘉", "yue jia"),
            ("覃明", "qin ming"),
            ("缪斯", "miao si"),
            ("翟志刚", "zhai zhi gang"),
            ("卜凡", "bu fan"),
            ("长风", "chang feng"),
        ];
        for (name, reading) in cases {
            assert_eq!(key(name).pinyin, reading, "{name}");
        }
    }

    #[test]
    fn surname_rule_only_applies_to_the_surname() {
        // 曾 in a given name keeps the crate's reading; 单 as a surname is shan.
        assert_eq!(key("王曾").pinyin, "wang ceng");
        assert_eq!(key("单单").pinyin, "shan dan");
    }

    #[test]
    fn compound_surnames() {
        let k = key("欧阳修");
        assert_eq!(
            (k.pinyin.as_str(), k.surname.as_str()),
            ("ou yang xiu", "ou yang")
        );
        assert_eq!(k.initials, "oyx");
        assert_eq!(key("尉迟恭").pinyin, "yu chi gong");
        assert_eq!(key("万俟卨").surname, "mo qi");
        assert_eq!(key("长孙无忌").pinyin, "zhang sun wu ji");
        assert_eq!(key("单于然").surname, "chan yu");
        assert_eq!(key("澹台灭明").surname, "tan tai");
        assert_eq!(key("尉青").pinyin, "wei qing");
        assert_eq!(key("万里").pinyin, "wan li");
        // Two characters only: surname + given name, not a bare compound surname.
        assert_eq!(key("司马").surname, "si");
    }

    #[test]
    fn u_umlaut_is_v() {
        let k = key("吕女");
        assert_eq!((k.pinyin.as_str(), k.compact.as_str()), ("lv nv", "lvnv"));
        assert_eq!(k.initials, "ln");
        assert_eq!(k.initial, 'L');
    }

    #[test]
    fn characters_without_reading() {
        let k = key("阿依古丽·买买提");
        assert_eq!(k.pinyin, "a yi gu li mai mai ti");
        let k = key("Anna Smith");
        assert_eq!((k.pinyin.as_str(), k.initial), ("anna smith", 'A'));
        assert_eq!(key("ＡＢ李").pinyin, "ab li");
        assert_eq!(key("3号").initial, '#');
        let empty = key("");
        assert_eq!((empty.pinyin.as_str(), empty.initial), ("", '#'));
        assert_eq!(key("·—").initial, '#');
    }

    #[test]
    fn overrides_are_normalised_and_win() {
        for written in [
            "Shan Tianfang",
            "shan tian fang",
            "Shàn Tiánfāng",
            " SHAN  tian-fang ",
        ] {
            let k = name_key("单田芳", Some(written));
            assert_eq!(k.pinyin, "shan tian fang", "{written}");
            assert_eq!(k.surname, "shan", "{written}");
            assert_eq!(k.initials, "stf");
        }
        assert_eq!(name_key("曾", Some("Ceng")).pinyin, "ceng");
        assert_eq!(
            name_key("单田芳", Some("shan4 tian2fang1")).pinyin,
            "shan tian fang"
        );
        assert_eq!(name_key("吕", Some("Lǚ Xiǎo")).pinyin, "lv xiao");
        assert_eq!(name_key("西安", Some("Xi'an")).pinyin, "xi an");
        let k = name_key("欧阳修", Some("ou yang xiu"));
        assert_eq!(k.surname, "ou yang");
        let k = name_key("欧阳修", Some("Ouyang Xiu"));
        assert_eq!(
            (k.surname.as_str(), k.pinyin.as_str()),
            ("ou yang", "ou yang xiu")
        );
        assert_eq!(name_key("张伟", Some("  ")), key("张伟"));
        assert_eq!(name_key("安娜", Some("Anna Smith")).pinyin, "an na smith");
    }

    #[test]
    fn syllable_splitting() {
        assert_eq!(split_syllables("tianfang").unwrap(), ["tian", "fang"]);
        assert_eq!(split_syllables("zhangsan").unwrap(), ["zhang", "san"]);
        assert_eq!(split_syllables("xian").unwrap(), ["xian"]);
        assert_eq!(split_syllables("smith"), None);
    }

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut keyed: Vec<(String, NameKey)> =
            names.iter().map(|n| (n.to_string(), key(n))).collect();
        keyed.sort_by(|a, b| cmp_pinyin((&a.0, &a.1), (&b.0, &b.1)));
        keyed.into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn sorts_by_surname_reading() {
        // an < ou < ou yang < qiu < shan < xie < zeng < zha < zhang: 区 (ou) before the
        // compound 欧阳 (ou yang), since a surname that is a prefix of another comes first.
        let names = [
            "曾志强",
            "单田芳",
            "解放",
            "张伟",
            "安娜",
            "仇英",
            "区志航",
            "查良",
            "欧阳修",
        ];
        let expected = [
            "安娜",
            "区志航",
            "欧阳修",
            "仇英",
            "单田芳",
            "解放",
            "曾志强",
            "查良",
            "张伟",
        ];
        assert_eq!(sorted(&names), expected);
    }

    #[test]
    fn v_sorts_after_u_and_syllables_compare_one_by_one() {
        assert_eq!(
            sorted(&["马丽", "吕方", "罗兰", "陆军"]),
            ["陆军", "罗兰", "吕方", "马丽"]
        );
        // Syllable by syllable: an na < ang (compact strings would say anna > ang).
        assert_eq!(sorted(&["昂立", "安娜"]), ["安娜", "昂立"]);
        // Surname first: zhang < zhang sun, even when the given name would say otherwise.
        assert_eq!(sorted(&["长孙无忌", "张伟"]), ["张伟", "长孙无忌"]);
    }

    /// The order the sort key stands for: surname syllables, then given-name syllables, each
    /// compared as a list of words.
    fn by_syllables(a: &NameKey, b: &NameKey) -> Ordering {
        fn given(k: &NameKey) -> impl Iterator<Item = &str> {
            k.pinyin
                .split_whitespace()
                .skip(k.surname.split_whitespace().count())
        }
        a.surname
            .split_whitespace()
            .cmp(b.surname.split_whitespace())
            .then_with(|| given(a).cmp(given(b)))
    }

    #[test]
    fn sort_key_order_is_syllable_order() {
        let plain = [
            "安娜",
            "昂立",
            "安",
            "昂",
            "阿",
            "陆军",
            "罗兰",
            "吕方",
            "卢",
            "罗",
            "吕",
            "路路",
            "欧阳修",
            "欧阳",
            "欧",
            "区志航",
            "区",
            "欧阳晓东",
            "张伟",
            "长孙无忌",
            "张",
            "章",
            "张三丰",
            "Anna Smith",
            "Anna",
            "An Na",
            "ang",
            "3号",
            "3",
            "10号",
            "2b",
            "A1",
            "a",
            "",
            "·—",
            "阿依古丽·买买提",
            "单于然",
            "单田芳",
            "司马",
            "司马光",
            "Ｚ李",
        ];
        let written = [
            ("安娜", "an"),
            ("安娜", "an na"),
            ("安娜", "Anna"),
            ("欧阳修", "Ouyang Xiu"),
            ("欧阳修", "ou yang"),
            ("吕", "lu"),
            ("吕", "Lǚ"),
            ("罗", "luo"),
            ("张伟", "zhang-wei"),
            ("张伟", "Zhangwei"),
            ("单田芳", "Shan Tian-fang"),
            ("李", "smith lee"),
        ];
        let keys: Vec<NameKey> = plain
            .iter()
            .map(|n| key(n))
            .chain(written.iter().map(|(n, w)| name_key(n, Some(w))))
            .collect();
        for a in &keys {
            for b in &keys {
                assert_eq!(a.sort.cmp(&b.sort), by_syllables(a, b), "{a:?} {b:?}");
                let prefixes = sort_prefix(&a.sort).cmp(&sort_prefix(&b.sort));
                assert!(
                    prefixes.is_eq() || prefixes == a.sort.cmp(&b.sort),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn same_reading_falls_back_to_strokes_then_raw() {
        // 张 (7 strokes) before 章 (11); 伟 (6) before 玮 (8).
        assert_eq!(sorted(&["章伟", "张玮", "张伟"]), ["张伟", "张玮", "章伟"]);
        let a = ("张伟", &key("张伟"));
        assert_eq!(cmp_pinyin(a, a), Ordering::Equal);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug_from_name("张伟"), "zhang-wei");
        assert_eq!(slug_from_name("单田芳"), "shan-tianfang");
        assert_eq!(slug_from_name("欧阳修"), "ouyang-xiu");
        assert_eq!(slug_from_name("吕方"), "lv-fang");
        assert_eq!(slug_from_name("Anna 李 2"), "anna-li2");
        assert_eq!(slug_from_name("阿依古丽·买买提"), "a-yigulimaimaiti");
        assert_eq!(slug_from_name(""), "craftsman");
        assert_eq!(slug_from_name("·、！"), "craftsman");
    }
}
