//! Characters an editor cannot see, or a reader cannot read, left in a file by other programs:
//! zero-width and direction marks, a BOM inside the file and soft hyphens are removed; no-break
//! and other odd spaces where YAML needs a space become plain spaces; Word's picture placeholder is removed;
//! private-use characters and mojibake are reported. Every change comes with a located message.
//!
//! Control characters are [`crate::load::text`]'s; this runs after it, on text already clean of
//! them. A file with none of these characters costs a few `memchr` passes over its bytes.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::frontmatter;
use crate::source::SourceFile;
use aho_corasick::packed;
use std::ops::Range;
use std::sync::OnceLock;

/// What an odd character is, and what becomes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Odd {
    /// Invisible and meaningless on a page: removed. The name says what it is.
    Invisible(&'static str),
    /// A space YAML does not take for one: a plain space in YAML, kept in Markdown bodies.
    Space(&'static str),
    /// U+FFFC, where Word or WeChat had a picture: removed.
    Placeholder,
    /// A private-use character: shown by one font on one computer, a box everywhere else.
    PrivateUse,
    /// U+FFFD: text damaged by an earlier wrong conversion.
    Replacement,
}

fn classify(c: char) -> Option<Odd> {
    Some(match c {
        '\u{200B}' => Odd::Invisible("零宽空格"),
        '\u{200C}' => Odd::Invisible("零宽不连字"),
        '\u{200D}' => Odd::Invisible("零宽连字"),
        '\u{2060}' => Odd::Invisible("零宽不换行符"),
        '\u{FEFF}' => Odd::Invisible("字节顺序标记 BOM"),
        '\u{00AD}' => Odd::Invisible("软连字符"),
        '\u{200E}' | '\u{200F}' => Odd::Invisible("文字方向标记"),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Odd::Invisible("文字方向控制符"),
        '\u{2061}'..='\u{2064}' => Odd::Invisible("不可见的数学符号"),
        '\u{2028}' => Odd::Invisible("行分隔符"),
        '\u{2029}' => Odd::Invisible("段分隔符"),
        '\u{00A0}' => Odd::Space("不换行空格"),
        '\u{202F}' => Odd::Space("窄不换行空格"),
        '\u{2000}'..='\u{200A}' | '\u{205F}' => Odd::Space("特殊宽度的空格"),
        '\u{FFFC}' => Odd::Placeholder,
        '\u{FFFD}' => Odd::Replacement,
        '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}' => Odd::PrivateUse,
        _ => return None,
    })
}

/// The first bytes of every character [`classify`] knows (and of nothing common in Chinese text
/// but full-width punctuation and quotes, which [`may_be_odd`] lets go from their next bytes).
const LEADS: [[u8; 3]; 2] = [[0xC2, 0xE2, 0xEE], [0xEF, 0xF3, 0xF4]];

/// Whether the character starting at `i` (a byte of [`LEADS`]) may be one [`classify`] knows,
/// from its bytes alone: a cheap test that the frequent `“”—…` and `，：（）` fail.
fn may_be_odd(bytes: &[u8], i: usize) -> bool {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        // U+00A0, U+00AD.
        0xC2 => matches!(next(1), 0xA0 | 0xAD),
        // U+2000–U+200F, U+2028–U+202F; U+205F–U+2064, U+2066–U+2069.
        0xE2 => match next(1) {
            0x80 => matches!(next(2), 0x80..=0x8F | 0xA8..=0xAF),
            0x81 => matches!(next(2), 0x9F..=0xA4 | 0xA6..=0xA9),
            _ => false,
        },
        // U+E000–U+EFFF: private use.
        0xEE => true,
        // U+F000–U+F8FF; U+FEFF; U+FFFC, U+FFFD.
        0xEF => match next(1) {
            0x80..=0xA3 => true,
            0xBB => next(2) == 0xBF,
            0xBF => matches!(next(2), 0xBC | 0xBD),
            _ => false,
        },
        // Planes 15 and 16 (U+F0000 on): private use.
        0xF3 => next(1) >= 0xB0,
        _ => true,
    }
}

/// The byte offsets and characters of the odd characters of `text`, in order.
pub fn odd_chars(text: &str) -> Vec<(usize, char)> {
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, char)> = LEADS
        .iter()
        .flat_map(|[a, b, c]| memchr::memchr3_iter(*a, *b, *c, bytes))
        .filter(|&i| may_be_odd(bytes, i))
        .filter_map(|i| {
            let c = text.get(i..)?.chars().next()?;
            classify(c).map(|_| (i, c))
        })
        .collect();
    found.sort_unstable();
    found
}

/// What mojibake leaves: "锟斤拷" (U+FFFD read as GBK), U+FFFD itself, and the characters that
/// UTF-8's Chinese punctuation becomes when read as GBK: 锛 (，：；！？（）), 銆 (。、《》) and
/// 鈥 (“”) when the punctuation starts a GBK pair, 紝 紱 紵 紒 (，；？！) when it does not.
/// All are rare characters; a line that has one is read back to be sure ([`recover`]).
const MOJIBAKE: [&str; 9] = [
    "锟斤拷",
    "\u{FFFD}",
    "锛",
    "銆",
    "鈥",
    "紝",
    "紱",
    "紵",
    "紒",
];

/// Where the first of [`MOJIBAKE`] stands in `text`, found in one pass by Teddy, which looks
/// at three bytes at a time: the patterns' first bytes alone (0xE9, 0xE7) are everywhere in
/// Chinese text.
pub fn find_mojibake(text: &str) -> Option<usize> {
    static SEARCH: OnceLock<Option<packed::Searcher>> = OnceLock::new();
    let search = SEARCH.get_or_init(|| {
        let mut b = packed::Config::new().builder();
        b.extend(MOJIBAKE);
        b.build()
    });
    Some(search.as_ref()?.find(text)?.start())
}

/// Cleans `src` of odd characters (see the module doc), with a message for each line that had
/// some. Lines never change; a column after a removed character is one less than the editor
/// shows, as for control characters.
pub fn clean(src: SourceFile, diags: &mut Diagnostics) -> SourceFile {
    let odd = odd_chars(&src.text);
    let garbled = find_mojibake(&src.text).is_some();
    if odd.is_empty() && !garbled {
        return src;
    }
    let yaml = yaml_range(&src);
    let mut edits: Vec<(usize, char, Option<char>)> = Vec::new();
    let mut report = Report::default();
    for &(at, c) in &odd {
        let Some(kind) = classify(c) else { continue };
        match kind {
            Odd::Invisible(_) if kept_in_context(&src.text, at, c) => continue,
            Odd::Invisible(_) | Odd::Placeholder => edits.push((at, c, None)),
            Odd::Space(_)
                if yaml.as_ref().is_some_and(|r| r.contains(&at))
                    && structural(&src.text, at, c) =>
            {
                edits.push((at, c, Some(' ')));
            }
            Odd::Space(_) => continue,
            Odd::PrivateUse => {}
            Odd::Replacement => continue,
        }
        report.add(&src, at, c, kind);
    }
    report.flush(&src, diags);
    if garbled {
        mojibake_lines(&src, diags);
    }
    if edits.is_empty() {
        return src;
    }
    let mut text = String::with_capacity(src.text.len());
    let mut from = 0;
    for (at, c, with) in edits {
        text.push_str(&src.text[from..at]);
        text.extend(with);
        from = at + c.len_utf8();
    }
    text.push_str(&src.text[from..]);
    SourceFile::new(src.path, text)
}

/// Where the file's YAML is: the whole of a `.yaml` file, the front matter of a Markdown one.
fn yaml_range(src: &SourceFile) -> Option<Range<usize>> {
    if src.path.ends_with(".yaml") || src.path.ends_with(".yml") {
        return Some(0..src.text.len());
    }
    frontmatter::split(src).ok().map(|s| s.yaml.0..s.yaml.1)
}

/// Whether the odd space at `at` stands where YAML needs a plain space: in the indentation (or
/// after a list's dash), between a key and its colon, or right after the colon. Inside a value
/// it is part of the text, published as typed (it shows as a space).
fn structural(text: &str, at: usize, c: char) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..at];
    let after = &text[at + c.len_utf8()..];
    let blank = |c: char| c == ' ' || matches!(classify(c), Some(Odd::Space(_)));
    if before.chars().all(|c| blank(c) || c == '-') {
        return true;
    }
    let key_part = before.trim_start_matches(|c: char| blank(c) || c == '-');
    let is_key = |k: &str| !k.is_empty() && !k.contains(|c: char| c == ':' || blank(c));
    let after_colon = key_part
        .trim_end_matches(blank)
        .strip_suffix(':')
        .is_some_and(|k| is_key(k.trim_end_matches(blank)));
    let before_colon = after.trim_start_matches(blank).starts_with(':')
        && is_key(key_part.trim_end_matches(blank));
    after_colon || before_colon
}

/// A joiner that means something where it stands: between two emoji (👨‍🔧) for the zero-width
/// joiner, between two letters of a script that uses it for the non-joiner.
fn kept_in_context(text: &str, at: usize, c: char) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + c.len_utf8()..].chars().next();
    let both = |f: fn(char) -> bool| before.is_some_and(f) && after.is_some_and(f);
    match c {
        '\u{200D}' => both(is_emoji),
        '\u{200C}' => both(|c| ('\u{0600}'..='\u{0DFF}').contains(&c)),
        _ => false,
    }
}

fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{FE0F}')
}

/// Odd characters found, gathered into one message per line and kind.
#[derive(Default)]
struct Report {
    lines: Vec<Line>,
}

/// The odd characters of one kind on one line: where the first stands, and each one's name
/// with how many times it occurs.
struct Line {
    line: usize,
    group: Group,
    at: usize,
    first: char,
    names: Vec<(String, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Invisible,
    Space,
    Placeholder,
    PrivateUse,
}

impl Report {
    fn add(&mut self, src: &SourceFile, at: usize, c: char, kind: Odd) {
        let (group, name) = match kind {
            Odd::Invisible(n) => (Group::Invisible, n),
            Odd::Space(n) => (Group::Space, n),
            Odd::Placeholder => (Group::Placeholder, "对象占位符"),
            Odd::PrivateUse => (Group::PrivateUse, "私用区字符"),
            Odd::Replacement => return,
        };
        let name = format!("{name} U+{:04X}", u32::from(c));
        let line = src.line_col(at).0;
        match self
            .lines
            .iter_mut()
            .find(|l| l.line == line && l.group == group)
        {
            Some(l) => match l.names.iter_mut().find(|(n, _)| *n == name) {
                Some((_, count)) => *count += 1,
                None => l.names.push((name, 1)),
            },
            None => self.lines.push(Line {
                line,
                group,
                at,
                first: c,
                names: vec![(name, 1)],
            }),
        }
    }

    fn flush(self, src: &SourceFile, diags: &mut Diagnostics) {
        for l in self.lines {
            let names: Vec<String> = l
                .names
                .iter()
                .map(|(n, k)| {
                    if *k > 1 {
                        format!("{n} ×{k}")
                    } else {
                        n.clone()
                    }
                })
                .collect();
            let names = names.join("、");
            let d = match l.group {
                Group::Invisible => Diagnostic::warning(
                    "text.invisible-char",
                    format!("这一行有看不见的字符（{names}），已删除"),
                )
                .hint("它们多半是从网页、微信或 Word 复制文字时带进来的：读者看不到，却会让字段名、网址名和搜索对不上。已自动删掉；在编辑器里也删掉它们（光标移到提示的列，按删除键），以后可以先粘贴为纯文本"),
                Group::Space => Diagnostic::warning(
                    "text.odd-space",
                    format!("这一行有 YAML 不认作空格的字符（{names}），已按普通空格读取"),
                )
                .hint("把它换成普通的半角空格（多半是从网页或 Word 复制来的）"),
                Group::Placeholder => Diagnostic::warning(
                    "text.object-placeholder",
                    "这里有一个对象占位符 U+FFFC（从 Word 或微信复制时，图片的位置留下的），已删除；图片本身没有复制过来",
                )
                .hint("把图片另存到人物（或故事）的文件夹里，再在这里写 `![说明](图片文件名.jpg)`"),
                Group::PrivateUse if ('\u{F000}'..='\u{F0FF}').contains(&l.first) => {
                    Diagnostic::warning(
                        "text.private-use",
                        format!("这一行有 Symbol 或 Wingdings 字体的符号（{names}，多半是 Word 的项目符号），读者看到的是方框"),
                    )
                    .hint("项目符号改用 Markdown 列表（每行以 `- ` 开头）；其他符号换成普通字符")
                }
                Group::PrivateUse => Diagnostic::warning(
                    "text.private-use",
                    format!("这一行有 Unicode 私用区字符（{names}）：只有装了特定字体（如生僻字补丁字库）的电脑才显示成字，读者看到的是方框或空白"),
                )
                .hint("换成标准的 Unicode 汉字：用支持扩展汉字的输入法输入，或从汉典（zdic.net）复制"),
            };
            diags.push(d.at(src, l.at, l.at + l.first.len_utf8()));
        }
    }
}

/// Lines with mojibake: "锟斤拷", U+FFFD, or text that reads back as good UTF-8 once written as
/// GBK (UTF-8 text that was read as GBK and saved). An error each, with the original text as the
/// hint when it can be recovered.
fn mojibake_lines(src: &SourceFile, diags: &mut Diagnostics) {
    let mut start = 0;
    for line in src.text.split_inclusive('\n') {
        let here = start;
        start += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        let Some(i) = find_mojibake(line) else {
            continue;
        };
        // A garbled line is marked from its first character, anything else where it stands.
        let (d, i) = if let Some(original) = recover(line) {
            let d = Diagnostic::error(
                "text.mojibake",
                "这一行是乱码：UTF-8 文字被当成 GBK 读过一次（常见于用记事本或 Excel 打开再保存）",
            )
            .hint(format!(
                "原文可能是：“{original}”；请对照原始文档改正（□ 是无法恢复的字）"
            ));
            (d, line.len() - line.trim_start().len())
        } else if line.contains(MOJIBAKE[0]) {
            let d = Diagnostic::error(
                "text.mojibake",
                "这一行有“锟斤拷”：这是文字在转换编码时损坏后留下的乱码",
            )
            .hint(REDO);
            (d, line.find(MOJIBAKE[0]).unwrap_or(i))
        } else if let Some(at) = line.find('\u{FFFD}') {
            let d = Diagnostic::error(
                "text.mojibake",
                "这一行有替换字符“�”：文字在某次转换编码时已经损坏，读者会看到乱码",
            )
            .hint(REDO);
            (d, at)
        } else {
            continue;
        };
        let len = line[i..].chars().next().map_or(1, char::len_utf8);
        diags.push(d.at(src, here + i, here + i + len));
    }
}

const REDO: &str = "找到原始文档，重新复制这一段（复制前确认原文显示正常）";

/// The text a mojibake line had before it was read as GBK: its GBK bytes read as UTF-8, when
/// that gives mostly good Chinese text. Characters lost on the way (`?` or U+FFFD in the line)
/// become □.
fn recover(line: &str) -> Option<String> {
    let line_read = line.replace('\u{FFFD}', "?");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&line_read);
    if unmappable {
        return None;
    }
    let back = String::from_utf8_lossy(&bytes);
    let lost = back.matches('\u{FFFD}').count();
    let han = back
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .count();
    if han < 2 || lost * 2 > han || back == line {
        return None;
    }
    // A run of lost bytes (U+FFFD, and `?` where the GBK reading wrote one back) is one □.
    let mut out = String::with_capacity(back.len());
    let mut lost_run = false;
    for c in back.chars() {
        let is_lost = c == '\u{FFFD}' || (lost_run && c == '?');
        if is_lost && !lost_run {
            out.push('□');
        } else if !is_lost {
            out.push(c);
        }
        lost_run = is_lost;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(path: &str, text: &str) -> (String, Vec<Diagnostic>) {
        let mut d = Diagnostics::new();
        let src = clean(SourceFile::new(path, text), &mut d);
        (src.text, d.into_sorted())
    }

    #[test]
    fn clean_text_is_returned_as_it_is() {
        let text = "---\nname: 张伟\n---\n“上海工匠”——三十年，只做一件事：车零件。\n";
        let (t, d) = cleaned("a.md", text);
        assert_eq!(t, text);
        assert!(d.is_empty());
    }

    #[test]
    fn invisible_characters_are_removed_with_one_warning_a_line() {
        let (t, d) = cleaned(
            "a.md",
            "---\np\u{200B}ost: 车工\n---\n张\u{200B}伟\u{200B}是\u{AD}车工\u{FEFF}。\n",
        );
        assert_eq!(t, "---\npost: 车工\n---\n张伟是车工。\n");
        let at: Vec<_> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
        assert_eq!(
            at,
            [("text.invisible-char", 2, 2), ("text.invisible-char", 4, 2)]
        );
        assert!(
            d[1].message.contains("零宽空格 U+200B ×2"),
            "{}",
            d[1].message
        );
        assert!(d[1].message.contains("软连字符 U+00AD"), "{}", d[1].message);
        assert!(d[1].message.contains("BOM U+FEFF"), "{}", d[1].message);
    }

    #[test]
    fn emoji_joiners_are_kept() {
        let text = "---\nname: 张伟\n---\n👨\u{200D}🔧 车间里\n";
        let (t, d) = cleaned("a.md", text);
        assert_eq!(t, text);
        assert!(d.is_empty());
    }

    #[test]
    fn odd_spaces_become_spaces_in_yaml_and_stay_in_the_body() {
        let (t, d) = cleaned(
            "a.md",
            "---\nname:\u{A0}张伟\nprivate:\n\u{A0} phone: 1\npost\u{A0}: 车工\nfooter: 热线\u{A0}400\n---\n正文\u{A0}空格\n",
        );
        assert_eq!(
            t,
            "---\nname: 张伟\nprivate:\n  phone: 1\npost : 车工\nfooter: 热线\u{A0}400\n---\n正文\u{A0}空格\n"
        );
        let at: Vec<_> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
        assert_eq!(
            at,
            [
                ("text.odd-space", 2, 6),
                ("text.odd-space", 4, 1),
                ("text.odd-space", 5, 5)
            ]
        );
        let (t, _) = cleaned("content/cohorts/2018.yaml", "year:\u{2003}2018\n");
        assert_eq!(t, "year: 2018\n");
    }

    #[test]
    fn picture_placeholders_are_removed_and_private_use_kept() {
        let (t, d) = cleaned(
            "a.md",
            "---\nname: 刘\u{E81E}\n---\n\u{FFFC}\n\u{F0B7}\t第一项\n",
        );
        assert_eq!(t, "---\nname: 刘\u{E81E}\n---\n\n\u{F0B7}\t第一项\n");
        let codes: Vec<_> = d.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(
            codes,
            [
                ("text.private-use", 2),
                ("text.object-placeholder", 4),
                ("text.private-use", 5)
            ]
        );
        assert!(d[0].message.contains("U+E81E"));
        assert!(d[2].message.contains("项目符号"));
    }

    #[test]
    fn mojibake_is_an_error_with_the_original_when_it_can_be_recovered() {
        let (garbled, _, _) = encoding_rs::GBK.decode("张伟，数控车工。".as_bytes());
        // Notepad writes the character it could not read back as `?`.
        let garbled = garbled.replace('\u{FFFD}', "?");
        let text = format!("---\nname: 张伟\n---\n{garbled}\n锟斤拷锟斤拷\n坏了\u{FFFD}字\n");
        let (_, d) = cleaned("a.md", &text);
        let at: Vec<_> = d.iter().map(|d| (d.code, d.line, d.is_error())).collect();
        assert_eq!(
            at,
            [
                ("text.mojibake", 4, true),
                ("text.mojibake", 5, true),
                ("text.mojibake", 6, true)
            ]
        );
        let hint = d[0].hint.as_deref().unwrap_or_default();
        assert!(hint.contains("张伟，数控车工"), "{hint}");
        assert!(d[1].message.contains("锟斤拷"));
    }
}

#[cfg(test)]
mod byte_test {
    use super::*;

    #[test]
    fn the_byte_test_lets_every_odd_character_through() {
        let mut buf = [0u8; 4];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let led = LEADS.iter().flatten().any(|&b| b == bytes[0]);
            let passes = led && may_be_odd(bytes, 0);
            if classify(c).is_some() {
                assert!(passes, "U+{:04X} is odd but not found", u32::from(c));
            } else if passes {
                // What passes the byte test is only ever private use, which classify knows.
                panic!("U+{:04X} passes the byte test but is not odd", u32::from(c));
            }
        }
    }
}
