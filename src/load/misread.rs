//! YAML that reads, but not as the editor meant: a ` #` that cuts a text value short, a list item with no space after its `-`, a value that starts with `*`.
//!
//! Each check looks at one line of the YAML as written (the caller, [`crate::load::yaml`], walks
//! the lines and skips block scalars and comment lines) and starts with a byte search, so a clean
//! line costs a `memchr` or two.
//!
//! **When ` #` is a comment.** YAML ends a plain (unquoted) value at a `#` that follows a space:
//! `employer: 上海第 #2 机床厂` publishes `上海第`. Templates written by `gongjiang new` put
//! comments after values (`employer: …     # 工作单位全称`), and editors keep them. So the
//! rule is: a `#` **directly followed by text** (`#2`, `#号`) after a text value is content cut
//! off, an error; a `#` followed by a space (`# 工作单位全称`) or ending the line is a comment;
//! after a number, a date, `true`/`false` (`cohort: 2018 #第三批`) any `#` is a comment. In a
//! value written in brackets (`{ … }`, `[ … ]`), a comment that swallows the closing bracket is
//! never meant either.

use crate::diag::Diagnostic;
use crate::source::SourceFile;
use serde_yaml::Value;

/// Checks a value as written after `key:` (or after a list item's `- `), `at` being its byte
/// offset in `src` and `value` its text up to the end of the line, leading spaces removed.
/// `key` names the field for the message (`None` when it is not known).
pub(crate) fn value(
    src: &SourceFile,
    at: usize,
    value: &str,
    key: Option<&str>,
) -> Option<Diagnostic> {
    let first = *value.as_bytes().first()?;
    if first == b'*' {
        return star_at_start(src, at, value, key);
    }
    // Most values have no `#` at all.
    memchr::memchr(b'#', value.as_bytes())?;
    match first {
        b'"' | b'\'' | b'|' | b'>' | b'#' | b'&' | b'!' => None,
        b'[' | b'{' => hash_in_brackets(src, at, value, key),
        _ => hash_in_plain(src, at, value, key),
    }
}

/// A list item written `-车削` (no space after the dash), at the start of `line` (which starts at
/// byte `start` of `src`). YAML does not read it as a list item: the lines become one text,
/// `-车削 -铣削`. `owner` is the field the list belongs to, when known.
pub(crate) fn dash_without_space(
    src: &SourceFile,
    start: usize,
    line: &str,
    owner: Option<&str>,
) -> Option<Diagnostic> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line[indent..].strip_prefix('-')?;
    let next = rest.chars().next()?;
    if next.is_whitespace() || next == '-' {
        return None;
    }
    let item = rest.split(" #").next().unwrap_or(rest).trim_end();
    let at = start + indent;
    let whose = owner.map_or_else(String::new, |k| format!("字段 `{k}` 的"));
    Some(
        Diagnostic::error(
            "yaml.dash-space",
            format!(
                "{whose}列表项 `-{item}` 的 `-` 后面缺少空格：这样写不是列表，几行会连成一段文字"
            ),
        )
        .at(src, at, at + 1)
        .hint(format!("在 `-` 后面加一个空格：`- {item}`")),
    )
}

/// `summary: **精益求精**`: a plain value that starts with `*` is a YAML alias, and YAML refuses
/// the `*` that no alias name follows (an alias name is ASCII letters, digits, `-` and `_`).
fn star_at_start(
    src: &SourceFile,
    at: usize,
    value: &str,
    key: Option<&str>,
) -> Option<Diagnostic> {
    let next = value[1..].chars().next();
    if next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    let text = value.split(" #").next().unwrap_or(value).trim_end();
    let plain = text.trim_matches('*');
    let field = field_name(key);
    Some(
        Diagnostic::error(
            "yaml.star-at-start",
            format!("{field}的值以 `*` 开头，YAML 读不了（`*` 开头在 YAML 里另有含义）"),
        )
        .at(src, at, at + 1)
        .hint(format!(
            "这是纯文字，`**` 不会变成加粗：去掉星号，写成 `{}: {}`；确实要显示星号时，用英文引号把整个值括起来",
            key.unwrap_or("…"),
            plain.replace("**", "")
        )),
    )
}

/// A plain value with ` #` followed by text: YAML keeps only what stands before it.
fn hash_in_plain(
    src: &SourceFile,
    at: usize,
    value: &str,
    key: Option<&str>,
) -> Option<Diagnostic> {
    let hash = comment_start(value.as_bytes(), 0)?;
    let kept = value[..hash].trim_end();
    let after = &value[hash + 1..];
    if kept.is_empty() || after.is_empty() || after.starts_with(char::is_whitespace) {
        return None;
    }
    if !kept.contains(char::is_alphabetic) || !is_text(kept) {
        return None;
    }
    let field = field_name(key);
    let whole = value.trim_end();
    Some(
        Diagnostic::error(
            "yaml.hash-in-value",
            format!("{field}的值在 ` #` 处被截断：YAML 把 `#` 和后面的文字当成注释，网页上只会显示“{kept}”"),
        )
        .at(src, at + hash, at + hash + 1)
        .hint(format!(
            "值里有 `#` 时，用英文引号把整个值括起来：`{}: \"{whole}\"`；如果 `#` 后面是注释，在 `#` 后面加一个空格",
            key.unwrap_or("…")
        )),
    )
}

/// A value in brackets with a ` #` before its closing bracket: the comment swallows the rest of
/// the line, brackets included, and YAML then reports a bracket not closed.
fn hash_in_brackets(
    src: &SourceFile,
    at: usize,
    value: &str,
    key: Option<&str>,
) -> Option<Diagnostic> {
    let bytes = value.as_bytes();
    let hash = comment_start(bytes, 0)?;
    let closes_later = bytes[hash..].iter().any(|b| matches!(b, b']' | b'}'));
    if !closes_later || depth(&bytes[..hash]) == 0 {
        return None;
    }
    // The item the `#` stands in: from the last `{`, `[` or `,` before it to the next `,`, `]` or `}`.
    let from = value[..hash].rfind(['{', '[', ',']).map_or(0, |i| i + 1);
    let to = hash
        + value[hash..]
            .find([',', ']', '}'])
            .unwrap_or(value.len() - hash);
    let item = value[from..to].trim();
    let (inner_key, written) = match item.split_once(": ") {
        Some((k, v)) if k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => {
            (Some(k), format!("{k}: \"{}\"", v.trim()))
        }
        _ => (None, format!("\"{item}\"")),
    };
    let field = field_name(inner_key.or(key));
    Some(
        Diagnostic::error(
            "yaml.hash-in-value",
            format!("{field}的值里有 ` #`：YAML 把 `#` 和这一行后面的文字（连同右括号）当成注释"),
        )
        .at(src, at + hash, at + hash + 1)
        .hint(format!("用英文引号把含有 `#` 的值括起来：`{written}`")),
    )
}

/// Where a YAML comment starts in `bytes` (a `#` after a space or tab, outside quotes), from `from`.
fn comment_start(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            // A quote opens a quoted item only at the start of one.
            None if (b == b'"' || b == b'\'')
                && (i == 0 || matches!(bytes[i - 1], b' ' | b'[' | b'{' | b',' | b':')) =>
            {
                quote = Some(b)
            }
            None if b == b'#' && i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => return Some(i),
            None => {}
        }
        i += 1;
    }
    None
}

/// How many brackets `bytes` leaves open (outside quotes).
fn depth(bytes: &[u8]) -> usize {
    let mut quote: Option<u8> = None;
    let mut open = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if (b == b'"' || b == b'\'')
                && (i == 0 || matches!(bytes[i - 1], b' ' | b'[' | b'{' | b',' | b':')) =>
            {
                quote = Some(b)
            }
            None if matches!(b, b'[' | b'{') => open += 1,
            None if matches!(b, b']' | b'}') => open = open.saturating_sub(1),
            None => {}
        }
    }
    open
}

/// Whether YAML reads `plain` as text (not a number, a truth value or nothing).
fn is_text(plain: &str) -> bool {
    matches!(serde_yaml::from_str::<Value>(plain), Ok(Value::String(_)))
}

fn field_name(key: Option<&str>) -> String {
    key.map_or_else(|| "这一项".to_string(), |k| format!("字段 `{k}` "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str) -> Option<Diagnostic> {
        let src = SourceFile::new("a.yaml", line);
        let (key, rest) = line.split_once(": ").unwrap_or(("", line));
        let at = key.len() + 2;
        value(&src, at, rest, Some(key)).map(|d| d.at(&src, at, at))
    }

    fn column_of(line: &str) -> Option<(&'static str, usize)> {
        let src = SourceFile::new("a.yaml", line);
        let (key, rest) = line.split_once(": ")?;
        let d = value(&src, key.len() + 2, rest, Some(key))?;
        Some((d.code, d.column))
    }

    #[test]
    fn a_hash_followed_by_text_cuts_the_value() {
        assert_eq!(
            column_of("employer: 上海第 #2 机床厂"),
            Some(("yaml.hash-in-value", 15))
        );
        let d = check("employer: 上海第 #2 机床厂").unwrap();
        assert!(d.message.contains("“上海第”"), "{}", d.message);
        assert!(
            d.hint.unwrap().contains("employer: \"上海第 #2 机床厂\""),
            "hint"
        );
        assert!(check("summary: 口号是 #工匠精神#").is_some());
        assert!(check("name: 张伟\t#组长").is_some());
    }

    #[test]
    fn comments_as_editors_and_templates_write_them_are_fine() {
        for ok in [
            "employer: 上海某某公司     # 工作单位全称",
            "name: 张伟 #",
            "cohort: 2018 #第三批",
            "date: 2020-05-01 #发布",
            "frontline: true #是",
            "benefit_cny: 1.5 #x",
            "post: \"2#车间 #1\" # 岗位",
            "post: '2 #车间'",
            "title: C# 入门",
            "url: /craftsmen/#top",
            "intro: | #说明",
            "skills: [焊接, 数控] # 技能",
            "craftsmen: []      # 网址名，如 [zhang-wei, li-na]",
            "patents: { a: 1 } #{ b: 2 }",
            "skills: [焊接,  # 第一项",
            "patents: { invention: 0 }   #专利",
            "summary: # 一句话",
        ] {
            assert!(check(ok).is_none(), "{ok}");
        }
    }

    #[test]
    fn a_hash_in_brackets_that_swallows_the_bracket() {
        assert_eq!(
            column_of("m: { name: 王芳, employer: 上海第 #2 机床厂 }"),
            Some(("yaml.hash-in-value", 30))
        );
        assert_eq!(
            column_of("skills: [焊接 #1, 数控]").map(|d| d.0),
            Some("yaml.hash-in-value")
        );
        let d = check("m: { name: 王芳, employer: 上海第 #2 机床厂 }").unwrap();
        assert!(d.message.contains("`employer`"), "{}", d.message);
        assert!(d.hint.unwrap().contains("`employer: \"上海第 #2 机床厂\"`"));
        assert!(check("m: { name: \"王 #2\", post: x }").is_none());
    }

    #[test]
    fn a_star_at_the_start_is_named() {
        assert_eq!(
            column_of("summary: **精益求精**的焊工"),
            Some(("yaml.star-at-start", 10))
        );
        let d = check("summary: **精益求精**的焊工").unwrap();
        assert!(d.hint.unwrap().contains("summary: 精益求精的焊工"));
        // An alias is YAML's own business.
        assert!(check("summary: *note").is_none());
        assert!(check("summary: 他说**精益求精**").is_none());
    }

    #[test]
    fn a_dash_with_no_space() {
        let src = SourceFile::new("a.yaml", "skills:\n  -车削 # 主要\n");
        let d = dash_without_space(&src, 8, "  -车削 # 主要", Some("skills")).unwrap();
        assert_eq!((d.code, d.line, d.column), ("yaml.dash-space", 2, 3));
        assert!(d.message.contains("`skills`") && d.message.contains("`-车削`"));
        assert!(d.hint.unwrap().contains("`- 车削`"));
        for ok in ["  - 车削", "---", "  --", "-", "  -\t车削"] {
            assert!(dash_without_space(&src, 0, ok, None).is_none(), "{ok}");
        }
    }
}
