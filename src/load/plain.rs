//! Plain-text fields (names, employers, titles, summaries…): HTML or Markdown typed into one is shown as typed, and the editor is told so.
//!
//! The page escapes these fields (`张伟<br>` shows `张伟<br>`, `**精益求精**` shows its stars):
//! what was typed is what is published, so each is a warning at the markup. Looked for: an
//! HTML tag (`<strong>`, `</b>`, `<br/>`), a character reference (`&amp;`, `&#8212;`), and the
//! Markdown that formats (`**…**`, `__…__`, `~~…~~`, `` `…` ``, `[…](…)`). A lone `<`, `&`,
//! `*` or `_` (`温度 < 60℃`, `焊接 & 装配`, `5*3`, `snake_case`) is text and raises nothing.

use crate::diag::Diagnostic;

/// Markup found in a plain-text value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Markup<'s> {
    /// Byte offset in the value.
    pub at: usize,
    /// The markup as written (`<strong>`, `&amp;`, `**`, `[事迹](/x/)`).
    pub text: &'s str,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Tag,
    Entity,
    Markdown,
}

/// The first markup in `value`, if any. Most values hold none of `<&*_~[` and cost one pass.
pub(crate) fn find(value: &str) -> Option<Markup<'_>> {
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let found = match b[i] {
            b'<' => tag(value, i),
            b'&' => entity(value, i),
            b'*' | b'_' | b'~' => paired(value, i),
            b'`' => code(value, i),
            b'[' => link(value, i),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
        i += 1;
    }
    None
}

/// `<name …>` or `</name>`: the name of an HTML element right after `<` (or `</`), then `>`,
/// `/>` or attributes (ASCII letters), and a `>` before the next `<`.
fn tag(s: &str, i: usize) -> Option<Markup<'_>> {
    let rest = &s[i + 1..];
    let name = rest.strip_prefix('/').unwrap_or(rest);
    let len = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    let known =
        |n: &str| crate::markdown::allowed().tags.contains(n) || OTHER_ELEMENTS.contains(&n);
    if len == 0 || !known(&name[..len].to_ascii_lowercase()) {
        return None;
    }
    let after = &name[len..];
    let attrs = after.trim_start();
    let shaped = after.starts_with(['>', '/'])
        || (attrs.len() < after.len() && attrs.starts_with(|c: char| c.is_ascii_alphabetic()));
    let end = rest.find(['>', '<'])?;
    (shaped && rest.as_bytes()[end] == b'>').then(|| Markup {
        at: i,
        text: &s[i..i + end + 2],
        kind: Kind::Tag,
    })
}

/// Elements editors paste that the sanitiser does not allow (it allows the others looked for).
const OTHER_ELEMENTS: &[&str] = &["font", "script", "style", "iframe", "big", "section"];

/// `&name;`, `&#123;` or `&#x1F;`.
fn entity(s: &str, i: usize) -> Option<Markup<'_>> {
    let rest = &s[i + 1..];
    let end = rest.find(';')?;
    let body = &rest[..end];
    let named = (2..=10).contains(&body.len()) && body.bytes().all(|b| b.is_ascii_alphabetic());
    let numeric = body.strip_prefix('#').is_some_and(|n| {
        let digits = n.strip_prefix(['x', 'X']).map_or(
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()),
            |h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()),
        );
        digits && n.len() <= 8
    });
    (named || numeric).then(|| Markup {
        at: i,
        text: &s[i..i + end + 2],
        kind: Kind::Entity,
    })
}

/// `**x**`, `__x__`, `~~x~~`: a doubled marker with text right after it, closed later by the same.
fn paired(s: &str, i: usize) -> Option<Markup<'_>> {
    let b = s.as_bytes();
    let c = b[i];
    if b.get(i + 1) != Some(&c) || (i > 0 && b[i - 1] == c) {
        return None;
    }
    let inner = &s[i + 2..];
    if inner.is_empty()
        || inner.starts_with(char::is_whitespace)
        || inner.starts_with(char::from(c))
    {
        return None;
    }
    let close = [c, c];
    let close = std::str::from_utf8(&close).ok()?;
    inner.find(close)?;
    Some(Markup {
        at: i,
        text: &s[i..i + 2],
        kind: Kind::Markdown,
    })
}

/// `` `x` ``: a code span.
fn code(s: &str, i: usize) -> Option<Markup<'_>> {
    let end = s[i + 1..].find('`')?;
    (end > 0).then(|| Markup {
        at: i,
        text: &s[i..i + end + 2],
        kind: Kind::Markdown,
    })
}

/// `[text](address)`.
fn link(s: &str, i: usize) -> Option<Markup<'_>> {
    let close = s[i..].find("](")? + i;
    if s[i + 1..close].contains(['[', ']']) {
        return None;
    }
    let end = s[close..].find(')')? + close;
    Some(Markup {
        at: i,
        text: &s[i..=end],
        kind: Kind::Markdown,
    })
}

/// The warning for `m` found in the field named `field` (as in messages: `` `summary`（简介） ``).
pub(crate) fn warning(field: &str, m: &Markup) -> Diagnostic {
    let text = m.text;
    match m.kind {
        Kind::Tag => Diagnostic::warning(
            "text.html-in-plain-field",
            format!(
                "字段 {field} 是纯文字，里面的 `{text}` 会连同尖括号原样显示，不会起 HTML 的作用"
            ),
        )
        .hint("去掉这个标签，只写文字；加粗、换行等排版请写在正文里"),
        Kind::Entity => Diagnostic::warning(
            "text.html-in-plain-field",
            format!("字段 {field} 是纯文字，`{text}` 会原样显示，不会变成它代表的字符"),
        )
        .hint("直接写出这个字符本身（如 `&`、`—`、空格）"),
        Kind::Markdown if text.starts_with('[') => Diagnostic::warning(
            "text.markdown-in-plain-field",
            format!("字段 {field} 是纯文字，`{text}` 不会变成链接，会原样显示"),
        )
        .hint("只写文字；链接请写在正文里"),
        Kind::Markdown if text.starts_with('`') => Diagnostic::warning(
            "text.markdown-in-plain-field",
            format!(
                "字段 {field} 是纯文字，反引号 ` 不会把“{}”变成代码字体，会原样显示",
                text.trim_matches('`')
            ),
        )
        .hint("去掉反引号，只写文字"),
        Kind::Markdown => {
            let effect = if text == "~~" { "删除线" } else { "加粗" };
            Diagnostic::warning(
                "text.markdown-in-plain-field",
                format!("字段 {field} 是纯文字，`{text}` 不会变成{effect}，会连同符号原样显示"),
            )
            .hint(format!("去掉 `{text}`；{effect}等排版请写在正文里"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Option<(&str, Kind)> {
        find(s).map(|m| (m.text, m.kind))
    }

    #[test]
    fn markup_is_found() {
        assert_eq!(first("张伟<br>"), Some(("<br>", Kind::Tag)));
        assert_eq!(
            first("口号是<strong>精益求精</strong>"),
            Some(("<strong>", Kind::Tag))
        );
        assert_eq!(first("a</b>"), Some(("</b>", Kind::Tag)));
        assert_eq!(first("机械厂 &amp; 研究所"), Some(("&amp;", Kind::Entity)));
        assert_eq!(first("一&#8212;二"), Some(("&#8212;", Kind::Entity)));
        assert_eq!(first("口号是**精益求精**"), Some(("**", Kind::Markdown)));
        assert_eq!(first("~~旧~~新"), Some(("~~", Kind::Markdown)));
        assert_eq!(first("__强调__"), Some(("__", Kind::Markdown)));
        assert_eq!(first("`TIG` 焊"), Some(("`TIG`", Kind::Markdown)));
        assert_eq!(
            first("见[事迹](/stories/x/)。"),
            Some(("[事迹](/stories/x/)", Kind::Markdown))
        );
        assert_eq!(find("口号是**精").map(|m| m.at), None);
    }

    #[test]
    fn plain_text_with_signs_raises_nothing() {
        for ok in [
            "三十年只做一件事：焊好每一道焊缝 & 带好徒弟",
            "温度 < 60℃，压力 > 2MPa",
            "a<b 与 c>d",
            "<工匠> 栏目",
            "x<y>z 不是标签",
            "5*3*2 的阵列",
            "snake_case 变量",
            "[2018] 第三批",
            "AT&T 公司；R&D 中心",
            "** 星号 **",
            "C++ 工程师",
            "~ 约 30 年",
            "张伟",
            "",
        ] {
            assert_eq!(find(ok), None, "{ok}");
        }
    }
}
