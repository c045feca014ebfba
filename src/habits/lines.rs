//! Line shapes Markdown reads otherwise than meant: `#标题` and `-列表` typed without the space,
//! Word's `•` bullets, rows copied from Excel with tabs, and paragraphs that run together
//! because Word and WeChat end a paragraph with one line break.

use super::{is_wide, shown, Line};
use crate::diag::{Diagnostic, Diagnostics};
use crate::source::SourceFile;

/// Bullets that Word, WPS and web pages put before list items; copied as text they stay text.
const BULLETS: &[char] = &[
    '•', '●', '○', '◦', '▪', '■', '□', '◆', '◇', '►', '▶', '➢', '✓', '✔', '·', '・',
];

/// What a line is, as far as these checks care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Blank,
    /// A heading, list item, quote, table row or HTML: not part of a running paragraph.
    Block,
    /// `#标题`: a heading mark with no space after it. Holds the byte length of the mark.
    HeadingNoSpace(usize),
    /// `-列表`, `1.列表`: a list marker with no space after it. Holds the marker's length.
    ListNoSpace(usize),
    /// `• 第一项`: a bullet typed as a character. Holds the bullet.
    Bullet(char),
    /// A row of cells separated by tabs, with this many tabs.
    TabRow(usize),
    /// Running text.
    Text,
}

fn shape(text: &str) -> Shape {
    let t = text.trim_start_matches(' ');
    let indent = text.len() - t.len();
    let Some(first) = t.chars().next() else {
        return Shape::Blank;
    };
    if t.trim().is_empty() {
        return Shape::Blank;
    }
    if indent < 4 {
        if let Some(n) = heading_without_space(t) {
            return Shape::HeadingNoSpace(n);
        }
        if let Some(n) = list_without_space(t) {
            return Shape::ListNoSpace(n);
        }
    }
    if BULLETS.contains(&first) {
        let after = t[first.len_utf8()..].chars().next();
        if after.is_some_and(|c| c.is_whitespace() || is_wide(c)) {
            return Shape::Bullet(first);
        }
    }
    if memchr::memchr(b'\t', t.as_bytes()).is_some() && !t.starts_with('|') {
        return Shape::TabRow(memchr::memchr_iter(b'\t', t.as_bytes()).count());
    }
    let block = matches!(first, '#' | '>' | '|' | '<' | '-' | '*' | '+' | '=')
        || t.bytes().take_while(u8::is_ascii_digit).count() > 0
            && t.trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(['.', ')']);
    if block {
        Shape::Block
    } else {
        Shape::Text
    }
}

/// `#标题`, `##　标题` (full-width space), `＃标题`: the length of the mark when what follows it
/// is Chinese text rather than a space (a `#话题#` tag is left alone).
fn heading_without_space(t: &str) -> Option<usize> {
    let (mark, rest) = match t.strip_prefix('＃') {
        Some(rest) => ('＃'.len_utf8(), rest),
        None => {
            let n = t.bytes().take_while(|&b| b == b'#').count();
            if n == 0 || n > 6 {
                return None;
            }
            (n, &t[n..])
        }
    };
    let next = rest.chars().next()?;
    let wide_mark = mark == '＃'.len_utf8();
    let missing_space = matches!(next, '\u{3000}' | '\u{A0}') || (is_wide(next) && next != '＃');
    let tag = rest.contains(['#', '＃']);
    ((missing_space || (wide_mark && next == ' ')) && !tag).then_some(mark)
}

/// `-列表`, `*列表`, `1.列表`, `1．列表`: the marker's length when Chinese text (or a
/// full-width space) follows it directly. `*强调*` is emphasis, not a list.
fn list_without_space(t: &str) -> Option<usize> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if digits > 0 {
        if digits > 3 {
            return None;
        }
        let rest = &t[digits..];
        let dot = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | ')' | '．'))?;
        digits + dot.len_utf8()
    } else {
        match t.as_bytes().first()? {
            b'-' | b'+' => 1,
            b'*' if !t[1..].contains('*') => 1,
            _ => return None,
        }
    };
    let next = t[marker..].chars().next()?;
    (matches!(next, '\u{3000}' | '\u{A0}') || (is_wide(next) && !BULLETS.contains(&next)))
        .then_some(marker)
}

/// Checks the prose lines of one body (see [`super::prose_lines`]).
pub(super) fn check(src: &SourceFile, lines: &[Line], diags: &mut Diagnostics) {
    let shapes: Vec<Shape> = lines.iter().map(|l| shape(l.text)).collect();
    let mut i = 0;
    while i < lines.len() {
        let run = same_run(&shapes, i);
        match shapes[i] {
            Shape::HeadingNoSpace(mark) => diags.push(heading(src, &lines[i], mark)),
            Shape::ListNoSpace(marker) => diags.push(list(src, &lines[i], marker, run)),
            Shape::Bullet(bullet) => diags.push(bullets(src, &lines[i], bullet, run)),
            Shape::TabRow(_) if run > 1 => diags.push(tab_table(src, &lines[i..i + run])),
            _ => {}
        }
        let run = if matches!(
            shapes[i],
            Shape::ListNoSpace(_) | Shape::Bullet(_) | Shape::TabRow(_)
        ) {
            run
        } else {
            1
        };
        i += run;
    }
    run_on_paragraphs(src, lines, &shapes, diags);
}

/// How many lines from `i` on have the same kind of shape (list lines with any marker, tab rows
/// with the same number of tabs).
fn same_run(shapes: &[Shape], i: usize) -> usize {
    let same = |a: Shape, b: Shape| match (a, b) {
        (Shape::ListNoSpace(_), Shape::ListNoSpace(_)) | (Shape::Bullet(_), Shape::Bullet(_)) => {
            true
        }
        (a, b) => a == b,
    };
    shapes[i..]
        .iter()
        .take_while(|&&s| same(s, shapes[i]))
        .count()
}

/// The line with a space after its first `mark_len` bytes (a full-width space or no-break space
/// there becomes it).
fn spaced(text: &str, mark_len: usize) -> String {
    let indent = text.len() - text.trim_start_matches(' ').len();
    let (head, rest) = text.split_at(indent + mark_len);
    let head = head.replace('＃', "#").replace('．', ".");
    let rest = rest.trim_start_matches(['\u{3000}', '\u{A0}', ' ']);
    format!("{head} {rest}")
}

fn heading(src: &SourceFile, line: &Line, mark: usize) -> Diagnostic {
    let t = line.text.trim_start_matches(' ');
    let at = line.at + (line.text.len() - t.len());
    Diagnostic::warning(
        "markdown.heading-space",
        format!(
            "这一行以 `{}` 开头，但后面没有半角空格：它不会成为标题，会原样显示成一段文字",
            &t[..mark]
        ),
    )
    .at(src, at, at + mark)
    .hint(format!(
        "在 # 后面加一个半角空格：`{}`",
        shown(&spaced(line.text, mark), 0)
    ))
}

fn list(src: &SourceFile, line: &Line, marker: usize, run: usize) -> Diagnostic {
    let t = line.text.trim_start_matches(' ');
    let at = line.at + (line.text.len() - t.len());
    let more = if run > 1 {
        format!("（连同下面 {} 行）", run - 1)
    } else {
        String::new()
    };
    Diagnostic::warning(
        "markdown.list-space",
        format!(
            "这一行{more}的列表符号 `{}` 后面没有半角空格：不会成为列表，几行会连成一段",
            &t[..marker]
        ),
    )
    .at(src, at, at + marker)
    .hint(format!(
        "在列表符号后面加一个半角空格：`{}`",
        shown(&spaced(line.text, marker), 0)
    ))
}

fn bullets(src: &SourceFile, line: &Line, bullet: char, run: usize) -> Diagnostic {
    let t = line.text.trim_start_matches(' ');
    let at = line.at + (line.text.len() - t.len());
    let rest = t[bullet.len_utf8()..].trim_start();
    let lines = if run > 1 {
        format!("这 {run} 行以“{bullet}”开头")
    } else {
        format!("这一行以“{bullet}”开头")
    };
    Diagnostic::warning(
        "markdown.pasted-bullet",
        format!("{lines}，是从 Word 或网页复制来的项目符号：网页上不会成为列表，几行会连成一段"),
    )
    .at(src, at, at + bullet.len_utf8())
    .hint(format!(
        "改成 Markdown 列表，每行以减号加空格开头：`- {}`",
        shown(rest, 0)
    ))
}

fn tab_table(src: &SourceFile, rows: &[Line]) -> Diagnostic {
    let row = |l: &Line| {
        let cells: Vec<&str> = l.text.trim().split('\t').map(str::trim).collect();
        (format!("| {} |", cells.join(" | ")), cells.len())
    };
    let (head, n) = row(&rows[0]);
    let rule = format!("|{}", " --- |".repeat(n));
    let (first, _) = row(&rows[1]);
    let tab = rows[0].text.find('\t').unwrap_or(0);
    Diagnostic::warning(
        "markdown.tab-table",
        format!(
            "这 {} 行用 Tab 分隔，像是从 Excel 或 Word 表格复制来的：网页上它们会连成一段文字",
            rows.len()
        ),
    )
    .at(src, rows[0].at + tab, rows[0].at + tab + 1)
    .hint(format!(
        "改成 Markdown 表格，每行一排，竖线分隔，第二行是分隔线：`{head}`、`{rule}`、`{first}`……"
    ))
}

/// Characters from which a line that ends a sentence reads as a whole paragraph (as Word and
/// WeChat write one to a line) rather than a sentence put on its own line on purpose.
const PARAGRAPH_CHARS: usize = 40;

/// Sentence ends after which a line break most likely meant a new paragraph.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['”', '’', '」', '』', '）', ')']);
    t.ends_with(['。', '！', '？', '；', '…']) && !text.ends_with("  ") && !text.ends_with('\\')
}

/// Chinese numbering at the start of a line: `1、`, `一、`, `（一）`, `(1)`.
fn starts_numbered(text: &str) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let t = text.trim_start();
    let n = t.chars().take_while(|&c| numeral(c)).count();
    if n > 0 {
        return t.chars().nth(n) == Some('、');
    }
    let Some(inner) = t.strip_prefix(['（', '(']) else {
        return false;
    };
    let m = inner.chars().take_while(|&c| numeral(c)).count();
    m > 0 && matches!(inner.chars().nth(m), Some('）' | ')'))
}

/// A paragraph of several lines where a long line ends a sentence and the next starts Chinese
/// text, or where two lines in a row start with Chinese numbering: what Word and WeChat leave
/// when one line break ends each paragraph. One warning per paragraph, at the first line that
/// joins the one above.
fn run_on_paragraphs(src: &SourceFile, lines: &[Line], shapes: &[Shape], diags: &mut Diagnostics) {
    let mut i = 1;
    while i < lines.len() {
        let (prev, cur) = (&lines[i - 1], &lines[i]);
        let joined = shapes[i - 1] == Shape::Text && shapes[i] == Shape::Text;
        let starts_text = || {
            cur.text
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| is_wide(c) || c.is_alphanumeric())
        };
        // Cheap tests first: most lines are alone in their paragraph.
        let new_paragraph = joined
            && ((ends_sentence(prev.text)
                && starts_text()
                && prev.text.chars().count() >= PARAGRAPH_CHARS)
                || (starts_numbered(prev.text) && starts_numbered(cur.text)));
        if !new_paragraph {
            i += 1;
            continue;
        }
        let at = cur.at + (cur.text.len() - cur.text.trim_start().len());
        diags.push(
            Diagnostic::warning(
                "markdown.run-on-lines",
                "这一行和上一行之间没有空行：网页上它们会接成同一段（从 Word 或微信复制的段落常常这样）",
            )
            .at(src, at, at + cur.text.trim_start().chars().next().map_or(1, char::len_utf8))
            .hint("要分段，就在两段之间空一行；分条列出的内容写成列表，每行以 `- ` 或 `1. ` 开头"),
        );
        while i < lines.len() && shapes[i] == Shape::Text {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(body: &str) -> Vec<(&'static str, usize, Option<String>)> {
        let src = SourceFile::new("a.md", body);
        let lines = super::super::prose_lines(body, 0);
        let mut d = Diagnostics::new();
        check(&src, &lines, &mut d);
        d.into_sorted()
            .into_iter()
            .map(|d| (d.code, d.line, d.hint))
            .collect()
    }

    fn code_lines(body: &str) -> Vec<(&'static str, usize)> {
        codes(body).into_iter().map(|(c, l, _)| (c, l)).collect()
    }

    #[test]
    fn headings_without_a_space() {
        let found = codes("#主要事迹\n\n##　匠心传承\n\n＃荣誉\n");
        let hints: Vec<_> = found
            .iter()
            .map(|(_, l, h)| (*l, h.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            hints,
            [
                (1, "在 # 后面加一个半角空格：`# 主要事迹`".to_string()),
                (3, "在 # 后面加一个半角空格：`## 匠心传承`".to_string()),
                (5, "在 # 后面加一个半角空格：`# 荣誉`".to_string()),
            ]
        );
        assert_eq!(code_lines("# 标题\n\n#上海工匠# 话题\n\n#1 车间\n"), []);
    }

    #[test]
    fn lists_without_a_space_are_one_warning_a_run() {
        let found = codes("-第一项\n-第二项\n\n1.第一\n2.第二\n3.第三\n");
        let at: Vec<_> = found.iter().map(|(c, l, _)| (*c, *l)).collect();
        assert_eq!(at, [("markdown.list-space", 1), ("markdown.list-space", 4)]);
        assert_eq!(
            found[1].2.as_deref(),
            Some("在列表符号后面加一个半角空格：`1. 第一`")
        );
        assert_eq!(
            code_lines("- 第一项\n1. 第一\n*注意*正文\n---\n2018.5 的事\n-5℃\n"),
            []
        );
    }

    #[test]
    fn bullets_from_word() {
        let found = codes("•\t第一项\n• 第二项\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "markdown.pasted-bullet");
        assert_eq!(
            found[0].2.as_deref(),
            Some("改成 Markdown 列表，每行以减号加空格开头：`- 第一项`")
        );
        // A middle dot inside running text is no bullet.
        assert_eq!(code_lines("阿依古丽·买买提是焊工。\n"), []);
    }

    #[test]
    fn rows_from_excel() {
        let found = codes("姓名\t单位\t岗位\n张伟\t某厂\t车工\n李娜\t某公司\t试验工\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "markdown.tab-table");
        let hint = found[0].2.clone().unwrap_or_default();
        assert!(
            hint.contains(
                "`| 姓名 | 单位 | 岗位 |`、`| --- | --- | --- |`、`| 张伟 | 某厂 | 车工 |`"
            ),
            "{hint}"
        );
        assert_eq!(code_lines("只有一行\t有 Tab\n"), []);
    }

    #[test]
    fn paragraphs_that_run_together() {
        let long =
            "他在车间里工作了三十年，从学徒做起，一步一步成长为能解决关键技术难题的高级技师。";
        let body = format!("{long}\n他带出了许多徒弟。\n后来成了技师。\n\n一句话。\n接着写。\n\n1、焊接\n2、数控\n");
        let body = body.as_str();
        assert_eq!(
            code_lines(body),
            [("markdown.run-on-lines", 2), ("markdown.run-on-lines", 9)]
        );
        // A hard line break, a list, and a sentence broken mid-way are what the editor meant.
        assert_eq!(
            code_lines("第一句。\\\n第二句。\n\n- 第一项。\n- 第二项。\n\n上海\n工匠\n"),
            []
        );
    }
}
