//! Diagnostics: what is wrong in which file, line and column, and how to fix it; one formatter each for terminal and JSON.
//!
//! What a run reports stays proportional to the number of problems: each diagnostic keeps a
//! bounded window of its source line ([`Excerpt`]), and after [`SHOWN_PER_CODE`] problems of one
//! code in one file the rest are counted in one [`More`] line instead of being shown.

use crate::source::SourceFile;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;
use unicode_width::UnicodeWidthChar;

/// How bad a problem is: errors fail the build, warnings do not (unless `--deny-warnings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the content or the theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `front-matter.unknown-field`.
    pub code: &'static str,
    /// Path relative to the site root (`/` separators); empty for whole-site problems.
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub column: usize,
    /// What is wrong, in Chinese, naming the English field.
    pub message: String,
    /// How to fix it, when we know.
    pub hint: Option<String>,
    /// A window of the source line the problem is on, for the caret display.
    #[serde(skip)]
    pub excerpt: Option<Excerpt>,
}

/// A bounded window of a source line around the marked span: never more than about
/// [`EXCERPT_WIDTH`] terminal columns, whatever the length of the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The text shown, with [`ELLIPSIS`] where the line was cut.
    pub text: String,
    /// Byte range of the marked span inside `text` (never empty unless `text` is).
    pub mark: std::ops::Range<usize>,
}

/// Terminal columns of source shown around a problem (Chinese characters count two).
pub const EXCERPT_WIDTH: usize = 100;
/// Columns of a long marked span that are shown; the rest is cut.
const MARK_WIDTH: usize = 60;
/// Marks where a line was cut: ASCII, so that it is one column wide in every terminal (`…` is
/// two columns wide in many Chinese terminals, which would push the caret off its character).
pub const ELLIPSIS: &str = "...";

impl Diagnostic {
    /// A new error with no location yet.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A new warning with no location yet.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            file: String::new(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            excerpt: None,
        }
    }

    /// Points the diagnostic at a byte range of a source file. Costs the size of the excerpt,
    /// not of the line: a line of 10,000 problems gives 10,000 small diagnostics.
    pub fn at(mut self, src: &SourceFile, start: usize, end: usize) -> Self {
        let (line, column) = src.line_col(start);
        let line_start = src.line_start(line);
        let line_text = src.line_text(line);
        let start = crate::source::floor_char_boundary(&src.text, start.min(src.text.len()));
        let within = start.saturating_sub(line_start).min(line_text.len());
        let end = end.max(start).min(line_start + line_text.len());
        let mark_len = end.saturating_sub(line_start + within);
        self.file = src.path.clone();
        self.line = line;
        self.column = column;
        self.excerpt = Some(Excerpt::of(line_text, within, mark_len));
        self
    }

    /// Points the diagnostic at a whole file (no line).
    pub fn in_file(mut self, path: impl Into<String>) -> Self {
        self.file = path.into();
        self.line = 0;
        self.column = 0;
        self.excerpt = None;
        self
    }

    /// Adds the fix-it text.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (&str, usize, usize, Severity, &'static str, &str) {
        (
            &self.file,
            self.line,
            self.column,
            self.severity,
            self.code,
            &self.message,
        )
    }
}

/// All problems of one run, collected so that the editor sees them together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// Sorted by file, line and column; exact duplicates removed.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.items.dedup();
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<T: IntoIterator<Item = Diagnostic>>(iter: T) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

impl Excerpt {
    /// The window of `line` around the `len` bytes that start at byte `at`: the marked span
    /// (cut after [`MARK_WIDTH`] columns) with context on both sides, up to [`EXCERPT_WIDTH`]
    /// columns in all. Reads only the window, never the whole line.
    pub fn of(line: &str, at: usize, len: usize) -> Excerpt {
        let at = crate::source::floor_char_boundary(line, at.min(line.len()));
        let mut end =
            crate::source::floor_char_boundary(line, at.saturating_add(len).min(line.len()));
        if end == at {
            end = line[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        }
        let (mark_end, mark_width) = forward(line, at, end, MARK_WIDTH);
        let room = EXCERPT_WIDTH.saturating_sub(mark_width);
        let clipped = mark_end < end;
        let (_, after_width) = if clipped {
            (mark_end, 0)
        } else {
            forward(line, mark_end, line.len(), room)
        };
        let (from, before_width) =
            backward(line, at, room.saturating_sub(after_width).max(room / 2));
        let to = if clipped {
            mark_end
        } else {
            forward(line, mark_end, line.len(), room - before_width).0
        };
        let mut text = String::with_capacity(to - from + 2 * ELLIPSIS.len());
        if from > 0 {
            text.push_str(ELLIPSIS);
        }
        let mut mark = 0..0;
        for (i, c) in line[from..to].char_indices() {
            if from + i == at {
                mark.start = text.len();
            }
            if from + i == mark_end {
                mark.end = text.len();
            }
            // C1 controls are not replaced by the renderer; some terminals obey them.
            text.push(if ('\u{80}'..='\u{9f}').contains(&c) {
                '\u{fffd}'
            } else {
                c
            });
        }
        if mark_end == to {
            mark.end = text.len();
        }
        if at == to {
            mark.start = text.len();
        }
        if to < line.len() {
            text.push_str(ELLIPSIS);
        }
        Excerpt { text, mark }
    }
}

/// Terminal columns a character takes (controls are shown as one-column symbols, tabs as four).
fn columns(c: char) -> usize {
    match c {
        '\t' => 4,
        c => c.width().unwrap_or(1),
    }
}

/// From byte `from`, as many characters before `limit` as fit in `budget` columns: (end, columns).
fn forward(line: &str, from: usize, limit: usize, budget: usize) -> (usize, usize) {
    let (mut end, mut used) = (from, 0);
    for c in line[from..limit].chars() {
        let w = columns(c);
        if used + w > budget {
            break;
        }
        used += w;
        end += c.len_utf8();
    }
    (end, used)
}

/// Back from byte `from`, as many characters as fit in `budget` columns: (start, columns).
fn backward(line: &str, from: usize, budget: usize) -> (usize, usize) {
    let (mut start, mut used) = (from, 0);
    for c in line[..from].chars().rev() {
        let w = columns(c);
        if used + w > budget {
            break;
        }
        used += w;
        start -= c.len_utf8();
    }
    (start, used)
}

/// Terminal rendering: the excerpt of the source line with a caret under the spot, then the hint.
pub fn render_human(d: &Diagnostic, color: bool) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name("错误"),
        Severity::Warning => Level::WARNING.with_name("警告"),
    };
    let title = level.primary_title(d.message.as_str()).id(d.code);
    let excerpt = d.excerpt.as_ref().filter(|_| d.line > 0);
    let mut group = match excerpt {
        Some(excerpt) => Group::with_title(title).element(
            Snippet::source(excerpt.text.as_str())
                .line_start(d.line)
                .path(d.file.as_str())
                .annotation(AnnotationKind::Primary.span(excerpt.mark.clone())),
        ),
        None => {
            Group::with_title(title).element(Level::NOTE.with_name("位置").message(location(d)))
        }
    };
    if let Some(hint) = &d.hint {
        group = group.element(Level::HELP.with_name("提示").message(hint.as_str()));
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let out = renderer.render(&[group]);
    match excerpt {
        Some(excerpt) => with_true_column(out, d, excerpt),
        None => out,
    }
}

/// annotate-snippets writes the column of the mark within the text it was given; an excerpt
/// that starts inside the line needs the line's own column in the `-->` location instead.
fn with_true_column(out: String, d: &Diagnostic, excerpt: &Excerpt) -> String {
    let shown = excerpt.text[..excerpt.mark.start].chars().count() + 1;
    if shown == d.column || d.column == 0 {
        return out;
    }
    let wrong = format!("{}:{}:{shown}", d.file, d.line);
    let Some(arrow) = out.find("-->") else {
        return out;
    };
    match out[arrow..].find(&wrong) {
        Some(i) => {
            let at = arrow + i;
            format!(
                "{}{}:{}:{}{}",
                &out[..at],
                d.file,
                d.line,
                d.column,
                &out[at + wrong.len()..]
            )
        }
        None => out,
    }
}

/// `file:line:column`, or the parts of it that are known.
pub fn location(d: &Diagnostic) -> String {
    match (d.file.is_empty(), d.line, d.column) {
        (true, _, _) => "（整个站点）".to_string(),
        (false, 0, _) => d.file.clone(),
        (false, l, 0) => format!("{}:{l}", d.file),
        (false, l, c) => format!("{}:{l}:{c}", d.file),
    }
}

/// One JSON object per line: severity, code, file, line, column, message, hint.
pub fn render_json(d: &Diagnostic) -> String {
    serde_json::to_string(d).unwrap_or_else(|e| {
        format!("{{\"severity\":\"error\",\"code\":\"internal\",\"message\":\"{e}\"}}")
    })
}

/// After this many problems of one code in one file, the rest are counted, not shown.
pub const SHOWN_PER_CODE: usize = 20;

/// One entry of a report: a problem, or how many more of one code in one file were left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Entry<'a> {
    Shown(&'a Diagnostic),
    More(More),
}

/// The problems of one code in one file beyond the first [`SHOWN_PER_CODE`]: counted, not shown.
/// In JSON it has the keys of a diagnostic (line and column 0, no hint) and `count`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct More {
    /// The gravest severity among them.
    pub severity: Severity,
    pub code: &'static str,
    pub file: String,
    /// How many were left out (at least 1).
    pub count: usize,
}

impl More {
    /// `同一文件里还有 3,997 个同类问题（link.broken）`
    pub fn message(&self) -> String {
        format!(
            "同一文件里还有 {} 个同类问题（{}）",
            group_digits(self.count),
            self.code
        )
    }
}

impl Serialize for More {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut o = s.serialize_struct("More", 8)?;
        o.serialize_field("severity", &self.severity)?;
        o.serialize_field("code", self.code)?;
        o.serialize_field("file", &self.file)?;
        o.serialize_field("line", &0)?;
        o.serialize_field("column", &0)?;
        o.serialize_field("message", &self.message())?;
        o.serialize_field("hint", &None::<String>)?;
        o.serialize_field("count", &self.count)?;
        o.end()
    }
}

/// The entries of a report from diagnostics sorted by file: in each file, the first `per_code`
/// problems of each code, then one [`More`] per code that had more. Linear in the number of problems.
pub fn collapse<'a>(
    sorted: impl IntoIterator<Item = &'a Diagnostic>,
    per_code: usize,
) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    let mut file: Option<&str> = None;
    let mut shown: std::collections::HashMap<&str, usize> = Default::default();
    let mut more: std::collections::BTreeMap<&'static str, More> = Default::default();
    for d in sorted {
        if file != Some(d.file.as_str()) {
            out.extend(std::mem::take(&mut more).into_values().map(Entry::More));
            shown.clear();
            file = Some(d.file.as_str());
        }
        let n = shown.entry(d.code).or_default();
        if *n < per_code {
            *n += 1;
            out.push(Entry::Shown(d));
            continue;
        }
        let m = more.entry(d.code).or_insert_with(|| More {
            severity: d.severity,
            code: d.code,
            file: d.file.clone(),
            count: 0,
        });
        m.count += 1;
        m.severity = m.severity.min(d.severity);
    }
    out.extend(more.into_values().map(Entry::More));
    out
}

impl Entry<'_> {
    /// How many problems the entry stands for.
    pub fn count(&self) -> usize {
        match self {
            Entry::Shown(_) => 1,
            Entry::More(m) => m.count,
        }
    }
}

/// An entry for the terminal: a diagnostic with its excerpt, or the `……` line of the rest.
pub fn render_entry_human(e: &Entry, color: bool) -> String {
    match e {
        Entry::Shown(d) => render_human(d, color),
        Entry::More(m) => format!("……{}", m.message()),
    }
}

/// An entry as one JSON object on one line.
pub fn render_entry_json(e: &Entry) -> String {
    match e {
        Entry::Shown(d) => render_json(d),
        Entry::More(m) => serde_json::to_string(m).unwrap_or_default(),
    }
}

/// `3997` → `3,997`.
pub fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The closing summary line of a run.
pub fn summary(errors: usize, warnings: usize) -> String {
    format!("{errors} 个错误，{warnings} 个警告")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostic {
        let src = SourceFile::new(
            "content/craftsmen/zhang-wei.md",
            "---\nname: 张伟\nwork_years: 26年\n---\n",
        );
        let start = src.text.find("26年").unwrap();
        Diagnostic::error(
            "front-matter.wrong-type",
            "字段 `work_years`（工作年限）应为整数",
        )
        .at(&src, start, start + "26年".len())
        .hint("只写数字：`work_years: 26`")
    }

    #[test]
    fn human_output_has_location_caret_and_hint() {
        let out = render_human(&sample(), false);
        assert!(out.contains("错误[front-matter.wrong-type]"), "{out}");
        assert!(out.contains("content/craftsmen/zhang-wei.md:3:13"), "{out}");
        assert!(out.contains("work_years: 26年"), "{out}");
        assert!(out.contains("^^^"), "{out}");
        assert!(out.contains("提示: 只写数字"), "{out}");
    }

    #[test]
    fn json_output_is_one_line_with_the_agreed_keys() {
        let out = render_json(&sample());
        assert!(!out.contains('\n'));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["severity"], "error");
        assert_eq!(v["code"], "front-matter.wrong-type");
        assert_eq!(v["file"], "content/craftsmen/zhang-wei.md");
        assert_eq!(v["line"], 3);
        assert_eq!(v["column"], 13);
        assert!(v["hint"].as_str().unwrap().contains("26"));
    }

    #[test]
    fn sorted_by_file_then_line() {
        let a = Diagnostic::error("x", "a").in_file("b.md");
        let mut b = Diagnostic::warning("x", "b").in_file("a.md");
        b.line = 9;
        let mut c = Diagnostic::error("x", "c").in_file("a.md");
        c.line = 2;
        let sorted: Vec<_> = Diagnostics::from_iter([a, b, c])
            .into_sorted()
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(sorted, ["c", "b", "a"]);
    }

    /// Display columns of the caret line's caret and of the excerpt line up to the marked character.
    fn caret_and_mark_columns(out: &str, line: usize, marked: char) -> (usize, usize) {
        use unicode_width::UnicodeWidthStr;
        let prefix = format!("{line} | ");
        let lines: Vec<&str> = out.lines().collect();
        let i = lines.iter().position(|l| l.starts_with(&prefix)).unwrap();
        let source = &lines[i][prefix.len()..];
        let caret = lines[i + 1].find('^').unwrap() - prefix.len();
        let at = source.find(marked).unwrap();
        (caret, source[..at].width())
    }

    #[test]
    fn a_problem_far_into_a_long_line_shows_a_window_with_the_caret_on_its_character() {
        let unit = "[链接](/a/) 张伟 ";
        let mut line = unit.repeat(20_000);
        let at = line.len() / 2;
        let at = at - at % unit.len();
        line.replace_range(at..at + "[链接]".len(), "[断链]");
        let src = SourceFile::new(
            "content/pages/a.md",
            format!("---\ntitle: x\n---\n{line}\n"),
        );
        let start = src.text.find("[断链]").unwrap();
        let d = Diagnostic::error("link.broken", "链接指向的页面不存在").at(&src, start, start + 1);
        let excerpt = d.excerpt.as_ref().unwrap();
        assert!(excerpt.text.len() < 400, "{}", excerpt.text);
        assert!(excerpt.text.starts_with(ELLIPSIS) && excerpt.text.ends_with(ELLIPSIS));
        let out = render_human(&d, false);
        assert!(out.len() < 1000, "{out}");
        let column = line[..at].chars().count() + 1;
        assert_eq!(d.column, column);
        assert!(
            out.contains(&format!("content/pages/a.md:4:{column}")),
            "{out}"
        );
        let (caret, mark) = caret_and_mark_columns(&out, 4, '断');
        assert_eq!(caret + 1, mark, "caret under the `[` of [断链]\n{out}");
    }

    #[test]
    fn a_short_line_is_shown_whole_and_a_long_span_is_cut() {
        let src = SourceFile::new("a.md", "名字：张伟\n");
        let start = src.text.find('张').unwrap();
        let d = Diagnostic::error("x", "y").at(&src, start, start + 6);
        let e = d.excerpt.unwrap();
        assert_eq!(e.text, "名字：张伟");
        assert_eq!(&e.text[e.mark.clone()], "张伟");

        let long = "长".repeat(500);
        let src = SourceFile::new("a.md", format!("x: {long}\n"));
        let d = Diagnostic::error("x", "y").at(&src, 3, src.text.len() - 1);
        let e = d.excerpt.unwrap();
        assert!(e.text.starts_with("x: 长"), "{}", e.text);
        assert!(e.text.ends_with(ELLIPSIS));
        assert_eq!(e.mark.start, 3);
        assert_eq!(e.text[e.mark.clone()].chars().count(), MARK_WIDTH / 2);
    }

    #[test]
    fn a_span_at_the_end_of_a_line_and_c1_controls_are_safe() {
        let src = SourceFile::new("a.md", "ab\u{9b}c\nnext\n");
        let end = src.text.find('\n').unwrap();
        let d = Diagnostic::error("x", "y").at(&src, end, end + 1);
        let e = d.excerpt.as_ref().unwrap();
        assert_eq!(e.text, "ab\u{fffd}c");
        assert_eq!(e.mark, e.text.len()..e.text.len());
        assert!(!render_human(&d, false).contains('\u{9b}'));
    }

    #[test]
    fn repeats_of_one_code_in_one_file_are_counted_after_the_first_ones() {
        let mut all = Vec::new();
        for (file, code, n) in [
            ("a.md", "link.broken", 25),
            ("a.md", "privacy.mobile", 3),
            ("b.md", "link.broken", 30),
        ] {
            for i in 0..n {
                let mut d = Diagnostic::error(code, format!("{i}")).in_file(file);
                d.line = i + 1;
                all.push(d);
            }
        }
        let sorted = Diagnostics::from_iter(all).into_sorted();
        let entries = collapse(&sorted, 20);
        let shown = entries
            .iter()
            .filter(|e| matches!(e, Entry::Shown(_)))
            .count();
        assert_eq!(shown, 20 + 3 + 20);
        let more: Vec<&More> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::More(m) => Some(m),
                _ => None,
            })
            .collect();
        assert_eq!(more.len(), 2);
        assert_eq!((more[0].file.as_str(), more[0].count), ("a.md", 5));
        assert_eq!((more[1].file.as_str(), more[1].count), ("b.md", 10));
        let a_end = entries
            .iter()
            .position(|e| matches!(e, Entry::More(_)))
            .unwrap();
        assert_eq!(a_end, 23, "the count follows the file's last shown problem");
        assert_eq!(
            render_entry_human(&entries[a_end], false),
            "……同一文件里还有 5 个同类问题（link.broken）"
        );
        let v: serde_json::Value =
            serde_json::from_str(&render_entry_json(&entries[a_end])).unwrap();
        assert_eq!(v["count"], 5);
        assert_eq!(v["code"], "link.broken");
        assert_eq!(v["file"], "a.md");
        assert_eq!(v["severity"], "error");
    }

    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(group_digits(7), "7");
        assert_eq!(group_digits(3997), "3,997");
        assert_eq!(group_digits(1234567), "1,234,567");
    }

    #[test]
    fn whole_file_problem_renders_without_snippet() {
        let d = Diagnostic::error("file.empty", "文件是空的").in_file("content/a.md");
        let out = render_human(&d, false);
        assert!(out.contains("content/a.md"), "{out}");
    }
}
