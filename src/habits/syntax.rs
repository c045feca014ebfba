//! Markup Markdown does not know, that would be published as typed: links and pictures written
//! with a Chinese input method's full-width brackets (`[链接]（/a/）`, `！[图]（x.jpg）`,
//! `【链接】(/a/)`), Hugo shortcodes and Jekyll or Hexo tags (`{{< figure >}}`, `{% … %}`),
//! Obsidian's `[[wiki links]]`, and the `<!--more-->` summary mark of Hugo and Hexo.

use super::{is_wide, shown, Line};
use crate::diag::{Diagnostic, Diagnostics};
use crate::schema::is_safe_slug;
use crate::source::SourceFile;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// What makes a body worth reading line by line: the full-width brackets and exclamation mark of
/// a link typed in Chinese, a link's `](` (its closing parenthesis may be full-width), template
/// braces, wiki brackets and the summary mark.
const SUSPECTS: [&str; 10] = [
    "]（", "】", "］", "！[", "](", "{{", "{%", "[[", "<!--", "<！--",
];

/// The lines of `lines` (of `body`) that hold one of [`SUSPECTS`], each once, found in one pass
/// over the body.
fn suspect_lines<'l, 'a>(body: &str, lines: &'l [Line<'a>]) -> Vec<&'l Line<'a>> {
    static SEARCH: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let Some(search) = SEARCH.get_or_init(|| AhoCorasick::new(SUSPECTS).ok()) else {
        return Vec::new();
    };
    let Some(body_start) = lines.first().map(|l| l.at) else {
        return Vec::new();
    };
    let mut out: Vec<&Line> = Vec::new();
    for m in search.find_iter(body) {
        let at = body_start + m.start();
        let i = lines.partition_point(|l| l.at <= at).saturating_sub(1);
        let line = &lines[i];
        if !line.text.is_empty() && out.last().is_none_or(|l| l.at != line.at) {
            out.push(line);
        }
    }
    out
}

/// Checks the prose lines of one body whose text is `body`: only the lines that hold a suspect.
pub(super) fn check(src: &SourceFile, body: &str, lines: &[Line], diags: &mut Diagnostics) {
    for line in suspect_lines(body, lines) {
        if let Some(d) = fullwidth_link(src, line) {
            diags.push(d);
        }
        template_code(src, line, diags);
        wiki_links(src, line, diags);
        more_mark(src, line, diags);
    }
}

/// A link or picture whose brackets or exclamation mark are full-width, and what it should be.
#[derive(Debug, PartialEq, Eq)]
struct Fix {
    /// Byte range of the whole construct in the line.
    start: usize,
    end: usize,
    image: bool,
    fixed: String,
}

/// Every `[text](url)` of a line written with at least one full-width `！【】［］（）`.
fn fullwidth_links(text: &str) -> Vec<Fix> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((o, open)) = text[from..]
        .char_indices()
        .map(|(i, c)| (from + i, c))
        .find(|(_, c)| matches!(c, '[' | '【' | '［'))
    {
        from = o + open.len_utf8();
        let Some(fix) = link_at(text, o, open) else {
            continue;
        };
        from = fix.end;
        out.push(fix);
    }
    out
}

/// The link or picture whose opening bracket `open` stands at `o`, if it is one written with a
/// full-width character.
fn link_at(text: &str, o: usize, open: char) -> Option<Fix> {
    let inner = &text[o + open.len_utf8()..];
    let (c, close) = inner
        .char_indices()
        .find(|(_, c)| matches!(c, ']' | '】' | '］' | '[' | '【' | '［'))?;
    if !matches!(close, ']' | '】' | '］') {
        return None;
    }
    let label = &inner[..c];
    let after = &inner[c + close.len_utf8()..];
    let paren = after.chars().next().filter(|p| matches!(p, '(' | '（'))?;
    let dest_and_rest = &after[paren.len_utf8()..];
    let (d, end_paren) = dest_and_rest
        .char_indices()
        .find(|(_, c)| matches!(c, ')' | '）'))?;
    let dest = &dest_and_rest[..d];
    let url_like = !dest.is_empty()
        && !dest.contains(char::is_whitespace)
        && !dest.chars().any(is_wide)
        && dest.contains(['/', '.', ':', '#']);
    let bang = text[..o]
        .chars()
        .next_back()
        .filter(|b| matches!(b, '!' | '！'));
    let wide = [Some(open), Some(close), Some(paren), Some(end_paren), bang]
        .iter()
        .flatten()
        .any(|&c| !c.is_ascii());
    if !url_like || !wide {
        return None;
    }
    let start = o - bang.map_or(0, char::len_utf8);
    let end =
        o + open.len_utf8() + c + close.len_utf8() + paren.len_utf8() + d + end_paren.len_utf8();
    let image = bang.is_some();
    let fixed = format!("{}[{label}]({dest})", if image { "!" } else { "" });
    Some(Fix {
        start,
        end,
        image,
        fixed,
    })
}

fn fullwidth_link(src: &SourceFile, line: &Line) -> Option<Diagnostic> {
    if line.text.is_ascii() {
        return None;
    }
    let fixes = fullwidth_links(line.text);
    let first = fixes.first()?;
    let mut fixed_line = line.text.to_string();
    for f in fixes.iter().rev() {
        fixed_line.replace_range(f.start..f.end, &f.fixed);
    }
    let what = if first.image { "图片" } else { "链接" };
    Some(
        Diagnostic::warning(
            "markdown.fullwidth-link",
            format!(
                "这一行的{what}用了全角（中文）的括号或叹号：不会成为{what}，会原样显示在网页上"
            ),
        )
        .at(src, line.at + first.start, line.at + first.end)
        .hint(format!(
            "切换到英文输入法，改成半角符号：`{}`",
            shown(&fixed_line, first.start)
        )),
    )
}

/// Whether byte `at` of a line is inside a code span (an odd number of backticks before it).
fn in_code_span(text: &str, at: usize) -> bool {
    text[..at].bytes().filter(|&b| b == b'`').count() % 2 == 1
}

/// Hugo shortcodes (`{{< figure src="x.jpg" >}}`), Jekyll and Hexo tags (`{% asset_img x.jpg %}`)
/// and template variables (`{{ site.title }}`): published as typed. An error each.
fn template_code(src: &SourceFile, line: &Line, diags: &mut Diagnostics) {
    let text = line.text;
    let mut from = 0;
    while let Some(i) = text[from..].find('{').map(|i| from + i) {
        from = i + 1;
        let rest = &text[i..];
        let (close, what) = if rest.starts_with("{{<") || rest.starts_with("{{%") {
            (
                if rest.starts_with("{{<") {
                    ">}}"
                } else {
                    "%}}"
                },
                " Hugo 的短代码",
            )
        } else if rest.starts_with("{%") {
            ("%}", " Jekyll 或 Hexo 的模板标签")
        } else if rest.starts_with("{{") {
            ("}}", "模板变量（Hugo、Jekyll、Zola 的写法）")
        } else {
            continue;
        };
        let Some(len) = rest.find(close).map(|e| e + close.len()) else {
            continue;
        };
        if in_code_span(text, i) {
            from = i + len;
            continue;
        }
        let code = &rest[..len];
        from = i + len;
        diags.push(
            Diagnostic::error(
                "markdown.template-code",
                format!("`{code}` 是{what}：本网站不执行它，会原样显示在网页上"),
            )
            .at(src, line.at + i, line.at + i + len)
            .hint(template_fix(code)),
        );
    }
}

/// What to write instead of a template code, when it is a picture or a link.
fn template_fix(code: &str) -> String {
    let inner = code.trim_matches(['{', '}', '<', '>', '%', ' ']);
    let mut words = inner.split_whitespace();
    let name = words.next().unwrap_or_default();
    let quoted = |key: &str| {
        inner
            .split_once(&format!("{key}="))
            .map(|(_, v)| v.trim_start_matches(['"', '\'']))
            .and_then(|v| v.split(['"', '\'', ' ']).next())
            .filter(|v| !v.is_empty())
    };
    match name {
        "figure" | "img" | "image" => {
            let file = quoted("src").unwrap_or("photo.jpg");
            let alt = quoted("alt").or(quoted("caption")).unwrap_or("说明");
            format!("图片写成 `![{alt}]({file})`")
        }
        "asset_img" | "image_tag" => {
            let file = words.next().unwrap_or("photo.jpg");
            let alt: Vec<&str> = words.collect();
            let alt = if alt.is_empty() {
                "说明".to_string()
            } else {
                alt.join(" ")
            };
            format!("图片写成 `![{alt}]({file})`")
        }
        "ref" | "relref" | "post_url" | "link" => {
            "站内链接直接写网址，如 `[张伟](/craftsmen/zhang-wei/)`".to_string()
        }
        _ => "删掉它；图片写成 `![说明](文件名.jpg)`，链接写成 `[文字](/网址/)`，其他内容直接写成正文"
            .to_string(),
    }
}

/// `[[li-na]]` and `[[li-na|李娜]]`, the links of Obsidian and other note-taking programs.
fn wiki_links(src: &SourceFile, line: &Line, diags: &mut Diagnostics) {
    let text = line.text;
    let mut from = 0;
    while let Some(i) = text[from..].find("[[").map(|i| from + i) {
        let Some(len) = text[i..].find("]]").map(|e| e + 2) else {
            break;
        };
        from = i + len;
        let inner = &text[i + 2..i + len - 2];
        let followed = text[i + len..].starts_with(['(', '[']);
        if inner.is_empty() || inner.contains(['[', ']']) || followed || in_code_span(text, i) {
            continue;
        }
        let (target, label) = inner.split_once('|').unwrap_or((inner, inner));
        let target = target.trim().trim_end_matches(".md");
        let hint = if is_safe_slug(target) {
            format!(
                "写成 Markdown 链接：`[{}](/craftsmen/{target}/)`（网址按实际页面改）",
                label.trim()
            )
        } else {
            format!("写成 Markdown 链接：`[{}](/网址/)`", label.trim())
        };
        diags.push(
            Diagnostic::error(
                "markdown.wiki-link",
                format!("`[[{inner}]]` 是笔记软件（如 Obsidian）的链接写法：网页上不会成为链接，会原样显示"),
            )
            .at(src, line.at + i, line.at + i + len)
            .hint(hint),
        );
    }
}

/// Hugo's and Hexo's `<!--more-->`: an HTML comment here, so it cuts no summary.
fn more_mark(src: &SourceFile, line: &Line, diags: &mut Diagnostics) {
    let t = line.text.trim();
    let inner = t
        .strip_prefix("<!--")
        .or_else(|| t.strip_prefix("<！--"))
        .and_then(|r| r.strip_suffix("-->"));
    if !inner.is_some_and(|m| m.trim().eq_ignore_ascii_case("more")) {
        return;
    }
    let at = line.at + (line.text.len() - line.text.trim_start().len());
    diags.push(
        Diagnostic::warning(
            "markdown.more-separator",
            "`<!--more-->` 是 Hugo 和 Hexo 的摘要分隔符：本网站不用它截取摘要（它也不会显示）",
        )
        .at(src, at, at + t.len())
        .hint("删掉这一行；列表和搜索结果里显示的摘要写在字段区的 `summary:` 里"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(body: &str) -> Vec<(&'static str, usize, String)> {
        let src = SourceFile::new("a.md", body);
        let lines = super::super::prose_lines(body, 0);
        let mut d = Diagnostics::new();
        check(&src, body, &lines, &mut d);
        d.into_sorted()
            .into_iter()
            .map(|d| (d.code, d.line, d.hint.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn links_and_pictures_with_fullwidth_brackets() {
        let f = found("见[首批名单]（/cohorts/2018/）和【李娜】(/craftsmen/li-na/)。\n\n！[照片]（photo.jpg）\n\n[链接](/a/）\n");
        let got: Vec<_> = f.iter().map(|(c, l, h)| (*c, *l, h.as_str())).collect();
        assert_eq!(
            got,
            [
                ("markdown.fullwidth-link", 1, "切换到英文输入法，改成半角符号：`见[首批名单](/cohorts/2018/)和[李娜](/craftsmen/li-na/)。`"),
                ("markdown.fullwidth-link", 3, "切换到英文输入法，改成半角符号：`![照片](photo.jpg)`"),
                ("markdown.fullwidth-link", 5, "切换到英文输入法，改成半角符号：`[链接](/a/)`"),
            ]
        );
        // Brackets around Chinese text, and links typed right, are left alone.
        assert!(found("【注意】（重要）请看[首批](/cohorts/2018/)（2018 年）。\n").is_empty());
    }

    #[test]
    fn template_code_from_other_generators() {
        let f = found("{{< figure src=\"photo.jpg\" alt=\"车间\" >}}\n\n{% asset_img lathe.jpg 车床 %}\n\n{{ site.title }}\n\n`{{< figure >}}` 是短代码\n");
        let got: Vec<_> = f.iter().map(|(c, l, h)| (*c, *l, h.as_str())).collect();
        assert_eq!(
            got,
            [
                ("markdown.template-code", 1, "图片写成 `![车间](photo.jpg)`"),
                ("markdown.template-code", 3, "图片写成 `![车床](lathe.jpg)`"),
                ("markdown.template-code", 5, "删掉它；图片写成 `![说明](文件名.jpg)`，链接写成 `[文字](/网址/)`，其他内容直接写成正文"),
            ]
        );
    }

    #[test]
    fn wiki_links_and_the_more_mark() {
        let f = found("见 [[li-na|李娜]]。\n\n<!--more-->\n\n[[1]](/a/) 不是\n");
        let got: Vec<_> = f.iter().map(|(c, l, _)| (*c, *l)).collect();
        assert_eq!(
            got,
            [("markdown.wiki-link", 1), ("markdown.more-separator", 3)]
        );
        assert!(f[0].2.contains("[李娜](/craftsmen/li-na/)"), "{}", f[0].2);
    }
}
