//! Template errors as located diagnostics: every tera error names the theme file and, where tera knows it or the source shows it, the line and column.

use crate::diag::Diagnostic;
use crate::source::SourceFile;
use std::collections::BTreeMap;

/// Whether a template is being checked on its own (its parents and partials absent): then what
/// only the other templates can settle (a missing parent, an unknown partial) is no error yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alone {
    Yes,
    No,
}

/// Template name → shown file, and shown file → its source (see [`super::theme::Theme`]).
struct Files<'a> {
    files: &'a BTreeMap<String, String>,
    sources: &'a BTreeMap<String, String>,
}

impl Files<'_> {
    /// The file shown for a template name (`themes/mine/templates/page.html`).
    fn shown(&self, name: &str) -> String {
        match self.files.get(name) {
            Some(f) => f.clone(),
            None if name.is_empty() => "themes/".to_string(),
            None => name.to_string(),
        }
    }

    /// A diagnostic in the template `name`, at the byte range `at` of its source when known.
    fn located(&self, d: Diagnostic, name: &str, at: Option<(usize, usize)>) -> Diagnostic {
        let shown = self.shown(name);
        match (self.sources.get(&shown), at) {
            (Some(text), Some((start, end))) => {
                let src = SourceFile::new(shown, text.as_str());
                let start = start.min(text.len());
                d.at(&src, start, end.clamp(start, text.len()))
            }
            _ => d.in_file(shown),
        }
    }

    /// Byte range of the first quoted `"target"` (or `'target'`) after `tag` in `name`'s source.
    fn find_tag(&self, name: &str, tag: &str, target: &str) -> Option<(usize, usize)> {
        let text = self.sources.get(&self.shown(name))?;
        let mut from = 0;
        while let Some(i) = text[from..].find(tag) {
            let after = from + i + tag.len();
            let rest = &text[after..];
            let quoted = [format!("\"{target}\""), format!("'{target}'")];
            if let Some(q) = quoted
                .iter()
                .find(|q| rest.trim_start().starts_with(q.as_str()))
            {
                let start = after + (rest.len() - rest.trim_start().len());
                return Some((start, start + q.len()));
            }
            from = after;
        }
        None
    }
}

const HINT: &str = "修改这个模板文件；模板语法见主题说明（README）";

/// Located diagnostics for a template error (usually one; tera's check of every template's
/// references may find several). Empty for what is no error of a template checked on its own.
pub fn template_errors(
    e: &tera::Error,
    alone: Alone,
    files: &BTreeMap<String, String>,
    sources: &BTreeMap<String, String>,
) -> Vec<Diagnostic> {
    use tera::ErrorKind;
    let f = Files { files, sources };
    let one = |d: Diagnostic| vec![d];
    match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let code = match e.kind() {
                ErrorKind::SyntaxError(_) => "template.syntax",
                _ => "template.render",
            };
            let d = Diagnostic::error(code, format!("模板错误：{}", r.message()));
            let span = &r.span().range;
            one(f
                .located(d, r.filename(), Some((span.start, span.end)))
                .hint(HINT))
        }
        ErrorKind::MissingParent { .. } | ErrorKind::TemplateNotFound(_) if alone == Alone::Yes => {
            Vec::new()
        }
        ErrorKind::MissingParent { current, parent } => {
            let d = Diagnostic::error(
                "template.missing-parent",
                format!("模板继承的 `{parent}` 不存在"),
            );
            let at = f.find_tag(current, "extends", parent);
            one(f
                .located(d, current, at)
                .hint("检查 {% extends \"…\" %} 里的模板名"))
        }
        ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => {
            let chain = inheritance_chain.join(" → ");
            let d = Diagnostic::error("template.cycle", format!("模板继承成环：{tpl} → {chain}"));
            let at = inheritance_chain
                .iter()
                .find_map(|parent| f.find_tag(tpl, "extends", parent));
            one(f
                .located(d, tpl, at)
                .hint("一个模板不能直接或间接地继承（extends）它自己"))
        }
        ErrorKind::CircularInclude { tpl, include_chain } => {
            let d = Diagnostic::error(
                "template.cycle",
                format!("模板互相包含成环：{}", include_chain.join(" → ")),
            );
            let at = include_chain
                .iter()
                .find_map(|next| f.find_tag(tpl, "include", next));
            one(f
                .located(d, tpl, at)
                .hint("一个模板不能直接或间接地包含（include）它自己"))
        }
        ErrorKind::TemplateNotFound(name) => one(Diagnostic::error(
            "template.not-found",
            format!("找不到模板 `{name}`"),
        )
        .in_file("themes/")
        .hint("检查 {% extends %} / {% include %} 里的模板名，或主题是否缺文件")),
        ErrorKind::Msg(text) => {
            let found: Vec<Diagnostic> = reports(text)
                .into_iter()
                .filter(|r| alone == Alone::No || !r.needs_other_templates())
                .map(|r| r.diagnostic(&f))
                .collect();
            if found.is_empty() && reports(text).is_empty() {
                one(
                    Diagnostic::error("template.error", format!("模板出错：{e}"))
                        .in_file("themes/"),
                )
            } else {
                found
            }
        }
        _ => one(Diagnostic::error("template.error", format!("模板出错：{e}")).in_file("themes/")),
    }
}

/// One `error: …` report of tera's reference check (an unknown filter, test, function,
/// component, included template, or a block no parent has), which tera hands over only as text:
///
/// ```text
/// error: Unknown filter `nosuchfilter`
///  --> page.html:5:28
///   |
/// 5 | <p>{{ content_page.title | nosuchfilter }}</p>
///   |                            ^^^^^^^^^^^^
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
struct Report<'a> {
    message: &'a str,
    template: &'a str,
    line: usize,
    /// 1-based, in characters.
    column: usize,
    /// Characters underlined (at least 1).
    width: usize,
}

/// The reports in a message of tera's reference check; empty when it is not one.
fn reports(text: &str) -> Vec<Report<'_>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(message) = line.strip_prefix("error: ") else {
            continue;
        };
        let Some(place) = lines
            .get(i + 1)
            .and_then(|l| l.trim_start().strip_prefix("--> "))
        else {
            continue;
        };
        let mut parts = place.rsplitn(3, ':');
        let (Some(column), Some(line_no), Some(template)) =
            (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let (Ok(column), Ok(line_no)) = (column.parse(), line_no.parse()) else {
            continue;
        };
        let width = lines
            .get(i + 4)
            .map_or(1, |l| l.chars().filter(|&c| c == '^').count().max(1));
        out.push(Report {
            message,
            template,
            line: line_no,
            column,
            width,
        });
    }
    out
}

impl Report<'_> {
    /// Whether only the other templates of the theme can settle it (checked alone, an included
    /// template or a parent's block is always unknown).
    fn needs_other_templates(&self) -> bool {
        self.message.starts_with("Unknown template")
            || self.message.starts_with("Unknown component")
            || self.message.starts_with("Block ")
    }

    fn diagnostic(&self, f: &Files) -> Diagnostic {
        let named = |prefix: &str| {
            self.message
                .strip_prefix(prefix)
                .map(|rest| rest.split('`').nth(1).unwrap_or(rest).to_string())
        };
        let (message, hint) = if let Some(n) = named("Unknown filter") {
            (
                format!("模板用了不存在的过滤器 `{n}`"),
                "检查过滤器名的拼写（`{{ 值 | 过滤器 }}`）；可用的过滤器见 tera 文档",
            )
        } else if let Some(n) = named("Unknown test") {
            (
                format!("模板用了不存在的测试 `{n}`"),
                "检查 `is` 后面的测试名的拼写",
            )
        } else if let Some(n) = named("Unknown function") {
            (format!("模板用了不存在的函数 `{n}`"), "检查函数名的拼写")
        } else if let Some(n) = named("Unknown component") {
            (
                format!("模板用了不存在的组件 `{n}`"),
                "检查组件名的拼写，或定义它的模板是否在主题里",
            )
        } else if let Some(n) = named("Unknown template") {
            (
                format!("要包含的模板 `{n}` 不存在"),
                "检查 {% include \"…\" %} 里的模板名，或主题是否缺这个文件",
            )
        } else if let Some(n) = named("Block") {
            (
                format!("块 `{n}` 在上级模板里没有定义，不会显示"),
                "检查 {% block … %} 的名字是否和上级模板里的一致",
            )
        } else {
            (format!("模板错误：{}", self.message), HINT)
        };
        let at = f.sources.get(&f.shown(self.template)).map(|text| {
            let src = SourceFile::new("", text.as_str());
            let start = src.offset_of(self.line, self.column);
            let end = src.offset_of(self.line, self.column + self.width);
            (start, end)
        });
        f.located(
            Diagnostic::error("template.unknown", message),
            self.template,
            at,
        )
        .hint(hint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_reports_are_read_from_teras_text() {
        let mut tera = tera::Tera::new();
        let e = tera
            .add_raw_template(
                "page.html",
                "<p>\n{{ x | nosuchfilter }}{% if x is nosuchtest %}{% endif %}\n{{ nofunc() }}</p>",
            )
            .unwrap_err();
        let tera::ErrorKind::Msg(text) = e.kind() else {
            panic!("tera's reference check no longer reports as text: {e:?}");
        };
        let got: Vec<_> = reports(text)
            .into_iter()
            .map(|r| (r.template, r.line, r.column, r.width))
            .collect();
        assert_eq!(
            got,
            [
                ("page.html", 2, 8, 12),
                ("page.html", 2, 34, 10),
                ("page.html", 3, 4, 8)
            ],
            "{text}"
        );
    }

    #[test]
    fn other_messages_are_no_reports() {
        assert!(reports("Component `a` is defined in both `x` and `y`").is_empty());
    }
}
