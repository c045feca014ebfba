//! Diagnostics: what is wrong in which file, line and column, and how to fix it; one formatter each for terminal and JSON.

use crate::source::SourceFile;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

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
    /// The source line the problem is on, for the caret display.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// Length of the marked span in characters (at least 1).
    #[serde(skip)]
    pub span_chars: usize,
}

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
            source_line: None,
            span_chars: 1,
        }
    }

    /// Points the diagnostic at a byte range of a source file.
    pub fn at(mut self, src: &SourceFile, start: usize, end: usize) -> Self {
        let (line, column) = src.line_col(start);
        let line_text = src.line_text(line);
        let (end_line, end_col) = src.line_col(end.max(start));
        self.file = src.path.clone();
        self.line = line;
        self.column = column;
        self.span_chars = if end_line == line && end_col > column {
            end_col - column
        } else {
            1
        };
        self.source_line = Some(line_text.to_string());
        self
    }

    /// Points the diagnostic at a whole file (no line).
    pub fn in_file(mut self, path: impl Into<String>) -> Self {
        self.file = path.into();
        self.line = 0;
        self.column = 0;
        self.source_line = None;
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

/// Terminal rendering: the source line with a caret under the spot, then the hint.
pub fn render_human(d: &Diagnostic, color: bool) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name("错误"),
        Severity::Warning => Level::WARNING.with_name("警告"),
    };
    let title = level.primary_title(d.message.as_str()).id(d.code);
    let location = location(d);
    let mut group = match (&d.source_line, d.line) {
        (Some(line_text), line) if line > 0 => {
            let start = line_text
                .char_indices()
                .nth(d.column.saturating_sub(1))
                .map(|(i, _)| i)
                .unwrap_or(line_text.len());
            let end = line_text[start..]
                .char_indices()
                .nth(d.span_chars.max(1))
                .map(|(i, _)| start + i)
                .unwrap_or(line_text.len());
            Group::with_title(title).element(
                Snippet::source(line_text.as_str())
                    .line_start(line)
                    .path(d.file.as_str())
                    .annotation(AnnotationKind::Primary.span(start..end.max(start))),
            )
        }
        _ => Group::with_title(title).element(Level::NOTE.with_name("位置").message(location)),
    };
    if let Some(hint) = &d.hint {
        group = group.element(Level::HELP.with_name("提示").message(hint.as_str()));
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
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

    #[test]
    fn whole_file_problem_renders_without_snippet() {
        let d = Diagnostic::error("file.empty", "文件是空的").in_file("content/a.md");
        let out = render_human(&d, false);
        assert!(out.contains("content/a.md"), "{out}");
    }
}
