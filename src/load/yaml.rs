//! YAML behind one door: catch editors' typing mistakes, parse with serde_yaml, report its errors at the line to change, and find where a value stands ([`crate::load::positions`]).

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::misread;
use crate::load::positions::Positions;
pub(crate) use crate::load::positions::{Seg, Span};
use crate::source::SourceFile;
use serde_yaml::Value;

/// A parsed YAML document (front matter or a whole `.yaml` file) that still knows its source.
#[derive(Debug, Clone)]
pub(crate) struct Doc<'s> {
    pub src: &'s SourceFile,
    /// Byte range of the YAML inside the file.
    pub range: (usize, usize),
    pub value: Value,
    /// Where each key and value stands, read from the text when a position is first asked for.
    positions: std::cell::OnceCell<Positions>,
}

/// The English key a key written in Chinese stands for (`岗位` → `post`), for the hints of
/// typing mistakes: given by the schema of the file being read.
pub(crate) type Names<'n> = &'n dyn Fn(&str) -> Option<&'static str>;

/// Parses the YAML in `range` of `src`. Typing mistakes and syntax errors go to `diags`;
/// `None` means the document could not be read at all.
pub(crate) fn parse<'s>(
    src: &'s SourceFile,
    range: (usize, usize),
    diags: &mut Diagnostics,
) -> Option<Doc<'s>> {
    parse_named(src, range, &|_| None, diags)
}

/// [`parse`], with the hints of a mistyped line naming the English key of a key written in
/// Chinese (`岗位：焊工` → `post: 焊工`).
pub(crate) fn parse_named<'s>(
    src: &'s SourceFile,
    range: (usize, usize),
    names: Names,
    diags: &mut Diagnostics,
) -> Option<Doc<'s>> {
    let before = diags.error_count();
    lint(src, range, names, diags);
    let blocked = diags.error_count() > before;
    let text = &src.text[range.0..range.1];
    match serde_yaml::from_str::<Value>(text) {
        Ok(value) if !blocked => {
            let mut doc = Doc {
                src,
                range,
                value,
                positions: std::cell::OnceCell::new(),
            };
            scrub_controls(&mut doc, diags);
            Some(doc)
        }
        Ok(_) => None,
        Err(e) if blocked => {
            let _ = e;
            None
        }
        Err(e) => {
            diags.push(translate(src, range, names, &e));
            None
        }
    }
}

/// A step of a path to a value, owning its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OwnedSeg {
    Key(String),
    Index(usize),
}

impl OwnedSeg {
    /// The step as a [`Seg`] borrowing its key.
    pub(crate) fn as_seg(&self) -> Seg<'_> {
        match self {
            OwnedSeg::Key(k) => Seg::Key(k),
            OwnedSeg::Index(i) => Seg::Index(*i),
        }
    }
}

/// Removes the control characters that YAML escapes (`"\e"`, `"\v"`, `"\x85"`) put into string
/// values, with a warning at each such value: the file's own text is clean already
/// ([`crate::load::text`]), and no output may carry one.
fn scrub_controls(doc: &mut Doc, diags: &mut Diagnostics) {
    fn find(v: &Value, path: &mut Vec<OwnedSeg>, out: &mut Vec<Vec<OwnedSeg>>) {
        match v {
            Value::String(s) if s.contains(crate::source::is_stray_control) || s.contains('\r') => {
                out.push(path.clone())
            }
            Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(OwnedSeg::Index(i));
                    find(item, path, out);
                    path.pop();
                }
            }
            Value::Mapping(m) => {
                for (k, item) in m {
                    path.push(OwnedSeg::Key(k.as_str().unwrap_or_default().to_string()));
                    find(item, path, out);
                    path.pop();
                }
            }
            Value::Tagged(t) => find(&t.value, path, out),
            _ => {}
        }
    }
    fn get_mut<'v>(v: &'v mut Value, path: &[OwnedSeg]) -> Option<&'v mut Value> {
        let Some((first, rest)) = path.split_first() else {
            return Some(v);
        };
        let next = match (v, first) {
            (Value::Sequence(items), OwnedSeg::Index(i)) => items.get_mut(*i)?,
            (Value::Mapping(m), OwnedSeg::Key(k)) => m.get_mut(k.as_str())?,
            (Value::Tagged(t), _) => return get_mut(&mut t.value, path),
            _ => return None,
        };
        get_mut(next, rest)
    }
    let mut found = Vec::new();
    find(&doc.value, &mut Vec::new(), &mut found);
    for path in found {
        let Some(Value::String(s)) = get_mut(&mut doc.value, &path) else {
            continue;
        };
        let mut removed: Vec<String> = Vec::new();
        for c in s.chars().filter(|&c| crate::source::is_stray_control(c)) {
            let name = format!("U+{:04X}", u32::from(c));
            if !removed.contains(&name) {
                removed.push(name);
            }
        }
        // A carriage return escaped into a value ("\r") is a line end, as in the file.
        *s = s.replace("\r\n", "\n").replace('\r', "\n");
        s.retain(|c| !crate::source::is_stray_control(c));
        if removed.is_empty() {
            continue;
        }
        let segs: Vec<Seg> = path.iter().map(OwnedSeg::as_seg).collect();
        let (start, end) = doc.value_span(&segs);
        diags.push(
            Diagnostic::warning(
                "text.control-char",
                format!(
                    "这个值里转义出了看不见的控制字符 {}，已删除",
                    removed.join("、")
                ),
            )
            .at(doc.src, start, end)
            .hint("删掉值里的 `\\e`、`\\v`、`\\x..` 这类转义；网页上用不到控制字符"),
        );
    }
}

/// Lines of a range with their byte start, line endings removed.
fn lines_in(src: &SourceFile, range: (usize, usize)) -> impl Iterator<Item = (usize, &str)> {
    let mut start = range.0;
    src.text[range.0..range.1]
        .split_inclusive('\n')
        .map(move |l| {
            let s = start;
            start += l.len();
            (s, l.trim_end_matches(['\n', '\r']))
        })
}

/// A line's key, if it has the shape `  key:` or `- key:` (ASCII key). Returns (key start, key).
fn key_of(line: &str) -> Option<(usize, &str)> {
    let (indent, key) = any_key_of(line)?;
    (key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && key.as_bytes()[0].is_ascii_alphabetic())
    .then_some((indent, key))
}

/// Like `key_of`, but the key may be in any script (`岗位：…`), for naming a key an editor wrote in Chinese.
fn any_key_of(line: &str) -> Option<(usize, &str)> {
    let indent = line.len() - line.trim_start_matches([' ', '-']).len();
    let rest = &line[indent..];
    let len = rest
        .find(|c: char| {
            c == ':' || c == '：' || c.is_whitespace() || "#\"'[]{},&*!|>%@`".contains(c)
        })
        .unwrap_or(rest.len());
    if len == 0
        || !rest[len..]
            .trim_start_matches([' ', '\u{3000}'])
            .starts_with([':', '：'])
    {
        return None;
    }
    Some((indent, &rest[..len]))
}

/// Whether a line leaves a `[` or `{` open (it ends in one, or in a comma after an item), so
/// that the next line goes on inside the brackets.
fn opens_brackets(line: &str) -> bool {
    let code = line.split(" #").next().unwrap_or(line).trim_end();
    code.ends_with(['[', '{', ','])
}

fn is_comment_or_blank(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#')
}

/// Editors' typing mistakes that YAML reports badly: tabs, full-width colons and spaces, a missing space, curly quotes.
fn lint(src: &SourceFile, range: (usize, usize), names: Names, diags: &mut Diagnostics) {
    let mut in_block_scalar: Option<usize> = None;
    // The keys seen so far with their indentation, for naming the field a list item belongs to.
    let mut owners: Vec<(usize, &str)> = Vec::new();
    // Whether the last line with content ended inside brackets (`[焊接,`): its next lines are
    // items of a list in brackets, not block list items.
    let mut in_brackets = false;
    for (start, line) in lines_in(src, range) {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(block_indent) = in_block_scalar {
            if is_comment_or_blank(line) || indent > block_indent {
                continue;
            }
            in_block_scalar = None;
        }
        if is_comment_or_blank(line) && !line.contains('\t') && !line.contains('\u{3000}') {
            continue;
        }
        let lead = &line[..line.len() - line.trim_start_matches([' ', '\t', '\u{3000}']).len()];
        if lead.contains('\t') {
            let at = start + lead.find('\t').unwrap_or(0);
            diags.push(
                Diagnostic::error("yaml.tab", "行首用了 Tab 缩进，YAML 只认空格")
                    .at(src, at, at + 1)
                    .hint("把行首的 Tab 换成空格（同一层级的字段缩进要一样，通常是 2 个空格）"),
            );
            continue;
        }
        if let Some(i) = lead.find('\u{3000}') {
            let at = start + i;
            let rest = &line[lead.len()..];
            let (also, hint) = match any_key_of(rest) {
                Some((ks, k)) => {
                    let after = rest[ks + k.len()..].trim_start_matches([' ', '\u{3000}']);
                    let value = after.strip_prefix([':', '：']).unwrap_or(after);
                    (
                        also_english(k, names),
                        format!(
                            "删掉这个全角空格，缩进只用英文半角空格：`{}`",
                            fixed_line(k, value, names)
                        ),
                    )
                }
                None => (
                    String::new(),
                    "删掉这个全角空格，缩进只用英文半角空格".to_string(),
                ),
            };
            diags.push(
                Diagnostic::error(
                    "yaml.fullwidth-space",
                    format!("行首有全角空格（中文输入法下的空格）{also}"),
                )
                .at(src, at, at + '\u{3000}'.len_utf8())
                .hint(hint),
            );
            continue;
        }
        let was_in_brackets = std::mem::replace(&mut in_brackets, opens_brackets(line));
        if !was_in_brackets {
            let owner = owners.iter().rev().find(|(i, _)| *i <= indent).map(|o| o.1);
            if let Some(d) = misread::dash_without_space(src, start, line, owner) {
                diags.push(d);
                continue;
            }
        }
        let Some((key_start, key)) = key_of(line) else {
            if let Some(item) = line[indent..].strip_prefix("- ") {
                let item_at = line.len() - item.trim_start().len();
                let owner = owners.iter().rev().find(|(i, _)| *i <= indent).map(|o| o.1);
                diags.extend(misread::value(
                    src,
                    start + item_at,
                    item.trim_start(),
                    owner,
                ));
            }
            continue;
        };
        owners.retain(|(i, _)| *i < key_start);
        owners.push((key_start, key));
        let after = &line[key_start + key.len()..];
        let after_trim = after.trim_start_matches([' ', '\u{3000}']);
        let gap = &after[..after.len() - after_trim.len()];
        if after_trim.starts_with('：') {
            let at = start + key_start + key.len() + gap.len();
            diags.push(
                Diagnostic::error(
                    "yaml.fullwidth-colon",
                    format!("字段 `{key}` 后面用了中文冒号“：”"),
                )
                .at(src, at, at + '：'.len_utf8())
                .hint(format!(
                    "改成英文冒号加一个空格：`{}`",
                    fixed_line(key, &after_trim['：'.len_utf8()..], names)
                )),
            );
            continue;
        }
        if !after_trim.starts_with(':') {
            continue;
        }
        if gap.contains('\u{3000}') {
            let at = start + key_start + key.len() + gap.find('\u{3000}').unwrap_or(0);
            diags.push(
                Diagnostic::error(
                    "yaml.fullwidth-space",
                    format!("字段 `{key}` 和冒号之间有全角空格"),
                )
                .at(src, at, at + 3)
                .hint(format!(
                    "删掉空格，写成 `{}`",
                    fixed_line(key, &after_trim[1..], names)
                )),
            );
            continue;
        }
        let colon = start + key_start + key.len() + gap.len();
        let value = &after_trim[1..];
        if let Some(c) = value.chars().next() {
            if c == '\u{3000}' {
                diags.push(
                    Diagnostic::error(
                        "yaml.fullwidth-space",
                        format!("字段 `{key}` 的冒号后面是全角空格"),
                    )
                    .at(src, colon + 1, colon + 4)
                    .hint(format!(
                        "冒号后面用一个英文半角空格：`{}`",
                        fixed_line(key, value, names)
                    )),
                );
                continue;
            }
            if !c.is_whitespace() && !value.starts_with("//") {
                diags.push(
                    Diagnostic::error(
                        "yaml.colon-space",
                        format!("字段 `{key}` 的冒号后面缺少空格"),
                    )
                    .at(src, colon, colon + 1)
                    .hint(format!("在冒号后面加一个空格：`{key}: {value}`")),
                );
                continue;
            }
        }
        let v = value.trim();
        if v.starts_with('|') || v.starts_with('>') {
            in_block_scalar = Some(indent);
            continue;
        }
        let value_at = colon + 1 + (value.len() - value.trim_start().len());
        if let Some(d) = misread::value(src, value_at, value.trim_start(), Some(key)) {
            diags.push(d);
            continue;
        }
        let v = v.split(" #").next().unwrap_or(v).trim_end();
        if (v.starts_with('“') && v.ends_with('”')) || (v.starts_with('‘') && v.ends_with('’'))
        {
            let at = colon + 1 + (value.len() - value.trim_start().len());
            diags.push(
                Diagnostic::warning(
                    "yaml.curly-quotes",
                    format!("字段 `{key}` 的值两边是中文引号，引号会原样显示在页面上"),
                )
                .at(src, at, at + v.len())
                .hint("不需要引号就去掉它们；值里有冒号或 # 时，改用英文引号 \"…\""),
            );
        }
    }
}

/// Turns a serde_yaml error into a located diagnostic in Chinese, at the line the editor has to
/// change: serde_yaml notices some mistakes only on a later line (a line with no colon, a list or
/// a quote left open), and its message names where the broken part started.
fn translate(
    src: &SourceFile,
    range: (usize, usize),
    names: Names,
    e: &serde_yaml::Error,
) -> Diagnostic {
    let msg = e.to_string();
    // `duplicate entry with key "x"`, after the path of a nested mapping (`awards[0]: …`).
    if let Some(key) = msg
        .split_once("duplicate entry with key \"")
        .and_then(|(_, r)| r.split('"').next())
    {
        return duplicate_key(src, range, key);
    }
    let at = e
        .location()
        .map(|l| range.0 + l.index())
        .unwrap_or(range.0)
        .min(range.1);
    let started = context_mark(src, range, &msg);
    if msg.contains("could not find expected ':'") {
        return no_colon(src, names, started.unwrap_or(at));
    }
    let (message, hint, at) = if msg.contains("repetition limit exceeded")
        || msg.contains("recursion limit exceeded")
    {
        (
            "YAML 中的别名（& 和 *）展开得太多或嵌套太深，已拒绝读取".to_string(),
            "不要使用 & 和 * 别名，直接写出每个值",
            at,
        )
    } else if msg.contains("mapping values are not allowed") {
        if let Some(d) = typo_on_line_before(src, range, names, at) {
            return d;
        }
        (
            "这里不应出现冒号：可能是缩进不对，或者值里含有“: ”".to_string(),
            "检查这一行的缩进是否和同级字段一致；值里需要冒号时，用英文引号把整个值括起来：`summary: \"…: …\"`",
            at,
        )
    } else if msg.contains("did not find expected ',' or ']'") {
        (
            "方括号列表没有正确结束".to_string(),
            "列表写成 `[焊接, 数控加工]`：英文逗号分隔，以 ] 结尾",
            unclosed_at(src, range, at, started),
        )
    } else if msg.contains("did not find expected ',' or '}'") {
        (
            "花括号没有正确结束".to_string(),
            "写成 `{ invention: 3, design: 0 }`：英文逗号分隔，以 } 结尾",
            unclosed_at(src, range, at, started),
        )
    } else if msg.contains("unexpected end of stream") && msg.contains("quoted scalar") {
        (
            "引号没有闭合".to_string(),
            "检查这个值的引号是否成对（都用英文引号 \"…\"）",
            started.unwrap_or(at),
        )
    } else if msg.contains("did not find expected key") || msg.contains("did not find expected '-'")
    {
        (
            "缩进不一致，YAML 无法判断这一行属于哪个字段".to_string(),
            "同一层级的行要对齐；列表项写成 `  - 内容`",
            at,
        )
    } else if msg.contains("cannot start any token") {
        (
            "这里有 YAML 不认识的字符".to_string(),
            "以 @、` 或 % 开头的值要用英文引号括起来",
            at,
        )
    } else {
        (
            format!(
                "YAML 格式错误（{}）",
                msg.split(" at line").next().unwrap_or(&msg)
            ),
            "检查这一行和上一行的冒号、缩进和引号",
            at,
        )
    };
    Diagnostic::error("yaml.syntax", message)
        .at(src, at, at + 1)
        .hint(hint)
}

/// The place serde_yaml's message names after "while …" (where the broken part started, as
/// `at line L column C` of the YAML), as a byte offset in `src`.
fn context_mark(src: &SourceFile, range: (usize, usize), msg: &str) -> Option<usize> {
    let context = &msg[msg.find(", while ")?..];
    let at = &context[context.find(" at line ")? + " at line ".len()..];
    let (line, rest) = at.split_once(" column ")?;
    let line: usize = line.trim().parse().ok()?;
    let column: usize = rest
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()?;
    let first = src.line_col(range.0).0;
    let offset = src.offset_of(first + line.max(1) - 1, column);
    Some(offset.clamp(range.0, range.1))
}

/// A line read as a key that has no `: ` after it (serde_yaml notices on the next line). At
/// `key_at`, where that line's text starts: a key with a full-width colon or a colon with no
/// space after it ([`key_typo`]), else a value's next line that is not indented under it.
fn no_colon(src: &SourceFile, names: Names, key_at: usize) -> Diagnostic {
    let (line, _) = src.line_col(key_at);
    if let Some(d) = key_typo(src, names, line).filter(|_| {
        let text = src.line_text(line);
        src.line_start(line) + (text.len() - text.trim_start().len()) >= key_at
    }) {
        return d;
    }
    let end = src.line_start(line) + src.line_text(line).len();
    Diagnostic::error(
        "yaml.syntax",
        "这一行既不是“字段: 值”，也没有缩进成上一行的值的续行",
    )
    .at(src, key_at, end)
    .hint("如果它接着上一行的值，在行首加两个空格缩进（或接到上一行末尾）；如果是新的字段，写成 `字段: 值`（英文冒号后面加一个空格）")
}

/// A key at the start of `line` (1-based) followed by a full-width colon, or by a colon with no
/// space after it: YAML reads either as text, and [`lint`] checks only keys in English letters.
fn key_typo(src: &SourceFile, names: Names, line: usize) -> Option<Diagnostic> {
    let start = src.line_start(line);
    let text = src.line_text(line);
    let (ks, key) = any_key_of(text).filter(|&(_, k)| {
        k.chars().count() <= 12 && !k.contains(|c: char| c.is_ascii_punctuation() && c != '_')
    })?;
    let after = &text[ks + key.len()..];
    let gap = after.len() - after.trim_start_matches([' ', '\u{3000}']).len();
    let colon = start + ks + key.len() + gap;
    let value = &after[gap..].trim_start_matches([':', '：']);
    let also = also_english(key, names);
    let fixed = fixed_line(key, value, names);
    if after[gap..].starts_with('：') {
        return Some(
            Diagnostic::error(
                "yaml.fullwidth-colon",
                format!("字段 `{key}` 后面用了中文冒号“：”{also}"),
            )
            .at(src, colon, colon + '：'.len_utf8())
            .hint(format!(
                "改成英文冒号加一个空格：`{fixed}`；如果这一行是上一行的值的续行，在行首加两个空格缩进"
            )),
        );
    }
    if after[gap + 1..].starts_with('\u{3000}') {
        return Some(
            Diagnostic::error(
                "yaml.fullwidth-space",
                format!("字段 `{key}` 的冒号后面是全角空格{also}"),
            )
            .at(src, colon + 1, colon + 1 + '\u{3000}'.len_utf8())
            .hint(format!("冒号后面用一个英文半角空格：`{fixed}`")),
        );
    }
    let spaced = after[gap + 1..].starts_with(char::is_whitespace);
    (!spaced && !value.trim().is_empty()).then(|| {
        Diagnostic::error(
            "yaml.colon-space",
            format!("字段 `{key}` 的冒号后面缺少空格{also}"),
        )
        .at(src, colon, colon + 1)
        .hint(format!("在冒号后面加一个空格：`{fixed}`"))
    })
}

/// The English key for a key written in Chinese, when `names` knows it; else the key as written.
fn english<'k>(key: &'k str, names: Names) -> &'k str {
    if key.is_ascii() {
        key
    } else {
        names(key).unwrap_or(key)
    }
}

/// "，字段名也要用英文" for a key written in Chinese whose English key is known.
fn also_english(key: &str, names: Names) -> String {
    match english(key, names) {
        k if k != key => format!("，字段名也要用英文 `{k}`"),
        _ => String::new(),
    }
}

/// The line as it should be written: `key: value`, the key in English when `names` knows it,
/// the value as written after the colon (spaces and a comment aside).
fn fixed_line(key: &str, after_colon: &str, names: Names) -> String {
    let value = after_colon.trim_matches(char::is_whitespace);
    let value = if value.starts_with(['"', '\'']) {
        value
    } else {
        value.split(" #").next().unwrap_or(value).trim_end()
    };
    let key = english(key, names);
    if value.is_empty() {
        format!("{key}:")
    } else {
        format!("{key}: {value}")
    }
}

/// "Mapping values are not allowed" at the first colon of a line, after nothing but a key: the
/// line before was read as text going on into this one, because its own colon was a typo
/// ([`key_typo`]). That line, when so.
fn typo_on_line_before(
    src: &SourceFile,
    range: (usize, usize),
    names: Names,
    at: usize,
) -> Option<Diagnostic> {
    let (line, _) = src.line_col(at);
    let before = src.text.get(src.line_start(line)..at)?.trim();
    if before.is_empty()
        || before.contains(|c: char| c.is_whitespace() || ":：\"'[]{},#".contains(c))
    {
        return None;
    }
    let first = src.line_col(range.0).0;
    let previous = (first..line)
        .rev()
        .find(|&l| !is_comment_or_blank(src.line_text(l)))?;
    key_typo(src, names, previous)
}

/// Where a `[…]` or `{…}` opened at `opened` needs its `]`, `}` or comma. serde_yaml notices
/// (at `at`) on a later line when that line only goes on with the last item (a next key, or an
/// item with no comma before it): then the end of the last line with content before it; else `at`.
fn unclosed_at(src: &SourceFile, range: (usize, usize), at: usize, opened: Option<usize>) -> usize {
    let Some(opened) = opened else {
        return at;
    };
    let (open_line, _) = src.line_col(opened);
    let (at_line, _) = src.line_col(at);
    let before = src.text[src.line_start(at_line)..at].trim();
    if at_line <= open_line || before.contains(|c: char| ",[]{}:\"' ".contains(c)) {
        return at;
    }
    (open_line..at_line)
        .rev()
        .map(|l| (src.line_start(l), src.line_text(l)))
        .find(|&(_, t)| !is_comment_or_blank(t))
        .map(|(s, t)| (s + t.trim_end().len()).clamp(range.0, range.1))
        .unwrap_or(at)
}

fn duplicate_key(src: &SourceFile, range: (usize, usize), key: &str) -> Diagnostic {
    let positions = Positions::new(&src.text[range.0..range.1], range.0);
    let found = positions.duplicates();
    let d = Diagnostic::error("yaml.duplicate-key", format!("字段 `{key}` 写了两次"));
    match found.iter().find(|d| d.key == key).or(found.first()) {
        Some(dup) => d.at(src, dup.second.0, dup.second.1).hint(format!(
            "第 {} 行已经有 `{}`；保留一个，删掉另一个",
            src.line_col(dup.first.0).0,
            dup.key
        )),
        None => d
            .at(src, range.0, range.0)
            .hint(format!("保留一个 `{key}`，删掉另一个")),
    }
}

impl<'s> Doc<'s> {
    /// Where every key and value stands, read when first asked (most documents never are).
    pub(crate) fn positions(&self) -> &Positions {
        self.positions.get_or_init(|| {
            Positions::new(&self.src.text[self.range.0..self.range.1], self.range.0)
        })
    }

    /// Byte range of the key at `path` (a list item's `-`), falling back to its nearest located
    /// parent, then the document start.
    pub(crate) fn key_span(&self, path: &[Seg]) -> Span {
        self.positions()
            .key_span(path)
            .unwrap_or((self.range.0, self.range.0))
    }

    /// Byte range of the value at `path` as written, with the same fallbacks: a block scalar's
    /// content, a mapping's or list's entries, the key of an empty value (see [`crate::load::positions`]).
    pub(crate) fn value_span(&self, path: &[Seg]) -> Span {
        self.positions()
            .value_span(path)
            .unwrap_or((self.range.0, self.range.0))
    }

    /// Where the editor sees what kind of value stands at `path`, for a value of the wrong kind:
    /// a block scalar's `|` or `>`, the key of a mapping or list written below it, else the
    /// value itself (see [`crate::load::positions`]).
    pub(crate) fn head_span(&self, path: &[Seg]) -> Span {
        self.positions()
            .head_span(path)
            .unwrap_or((self.range.0, self.range.0))
    }
}

/// The positions in a file whose [`Doc`] is gone (reports made later: checks across files,
/// photos): of its front matter for a Markdown file, of the whole file otherwise. Read anew on
/// each call, so only for reports.
pub(crate) fn positions_of(src: &SourceFile) -> Positions {
    let range = if src.path.ends_with(".md") {
        crate::load::frontmatter::split(src).map_or((0, 0), |s| s.yaml)
    } else {
        (0, src.text.len())
    };
    Positions::new(&src.text[range.0..range.1], range.0)
}

/// Points later reports at values of one file ([`positions_of`]), reading its positions only
/// when the first report asks, so that a clean file never pays for them.
pub(crate) struct Placer<'a> {
    src: &'a SourceFile,
    positions: Option<Positions>,
}

impl<'a> Placer<'a> {
    pub(crate) fn new(src: &'a SourceFile) -> Self {
        Placer {
            src,
            positions: None,
        }
    }

    /// `d` at the value at `path`, or in the file when it has no such value.
    pub(crate) fn at(&mut self, d: Diagnostic, path: &[Seg]) -> Diagnostic {
        let src = self.src;
        let p = self.positions.get_or_insert_with(|| positions_of(src));
        match p.value_span(path) {
            Some((s, e)) => d.at(src, s, e),
            None => d.in_file(src.path.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Option<Value>, Vec<Diagnostic>) {
        let src = SourceFile::new("content/cohorts/2018.yaml", text);
        let mut diags = Diagnostics::new();
        let doc = parse(&src, (0, text.len()), &mut diags).map(|d| d.value);
        (doc, diags.into_sorted())
    }

    fn only(text: &str) -> Diagnostic {
        let (_, d) = run(text);
        assert_eq!(d.len(), 1, "{d:#?}");
        d.into_iter().next().unwrap()
    }

    #[test]
    fn fullwidth_colon_is_named_with_its_field() {
        let d = only("year: 2018\ntitle：第三批\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.fullwidth-colon", 2, 6));
        assert!(d.message.contains("`title`"));
    }

    #[test]
    fn tab_indentation() {
        let d = only("members:\n\t- zhang-wei\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.tab", 2, 1));
    }

    #[test]
    fn fullwidth_spaces() {
        assert_eq!(
            only("year: 2018\n\u{3000}title: x\n").code,
            "yaml.fullwidth-space"
        );
        let d = only("title:\u{3000}第三批\n");
        assert_eq!((d.code, d.line), ("yaml.fullwidth-space", 1));
    }

    #[test]
    fn missing_space_after_colon() {
        let d = only("year: 2018\ntitle:第三批\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.colon-space", 2, 6));
        // URLs are not that mistake.
        assert!(run("base_url: https://example.org/\n").1.is_empty());
    }

    #[test]
    fn curly_quotes_warn_but_parse() {
        let (v, d) = run("title: “第三批”\n");
        assert!(v.is_some());
        assert_eq!(d[0].code, "yaml.curly-quotes");
        assert_eq!(d[0].column, 8);
    }

    #[test]
    fn duplicate_keys_point_at_the_second() {
        let d = only("year: 2018\ntitle: a\nintro: b\ntitle: c\n");
        assert_eq!((d.code, d.line), ("yaml.duplicate-key", 4));
        assert!(d.hint.unwrap().contains("第 2 行"));
    }

    #[test]
    fn duplicate_keys_are_found_in_their_own_mapping() {
        // A key of the same name at another level is not the first of the two.
        let d = only("name: 张伟\nawards:\n  - name: 甲\n    year: 2019\n    name: 乙\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.duplicate-key", 5, 5));
        assert!(d.hint.unwrap().contains("第 3 行"));
        let d = only("name: 张伟\npatents: { design: 1, design: 2 }\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.duplicate-key", 2, 23));
    }

    #[test]
    fn chinese_key_with_a_fullwidth_colon_is_named_on_its_own_line() {
        // serde_yaml notices on the next line, with a generic message.
        let d = only("name: 张伟\n职务：焊工\nemployer: 上海电气\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.fullwidth-colon", 2, 3));
        assert!(d.message.contains("`职务`"), "{}", d.message);
        assert!(d.hint.unwrap().contains("职务: 焊工"));
        // Also on the last line of the document.
        let d = only("name: 张伟\n职务：焊工\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.fullwidth-colon", 2, 3));
    }

    #[test]
    fn chinese_key_with_a_fullwidth_colon_before_a_key() {
        // The typo's line goes on into the next one, whose colon serde_yaml refuses.
        let d = only("职务：焊工\nname: 张伟\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.fullwidth-colon", 1, 3));
        let d = only("patents:\n  发明：2\n  design: 1\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.fullwidth-colon", 2, 5));
        // A colon really out of place stays where it is.
        let d = only("name: x\n  post: y\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.syntax", 2, 7));
        let d = only("name: x\nsummary: 他说: 好\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.syntax", 2, 12));
    }

    #[test]
    fn a_chinese_key_s_english_name_is_given_in_the_line_to_write() {
        let names = |k: &str| (k == "职务").then_some("post");
        let named = |text: &str| {
            let src = SourceFile::new("content/craftsmen/a.md", text);
            let mut diags = Diagnostics::new();
            assert!(parse_named(&src, (0, text.len()), &names, &mut diags).is_none());
            let d = diags.into_sorted();
            assert_eq!(d.len(), 1, "{d:#?}");
            d.into_iter().next().unwrap()
        };
        for (text, code) in [
            (
                "name: 张伟\n职务：焊工\nemployer: 上海电气\n",
                "yaml.fullwidth-colon",
            ),
            (
                "name: 张伟\n职务:\u{3000}焊工\nemployer: 上海电气\n",
                "yaml.fullwidth-space",
            ),
            ("name: 张伟\n\u{3000}职务: 焊工\n", "yaml.fullwidth-space"),
            ("name: 张伟\n职务:焊工\nemployer: x\n", "yaml.colon-space"),
        ] {
            let d = named(text);
            assert_eq!((d.code, d.line), (code, 2), "{text}");
            assert!(
                d.hint.as_deref().unwrap_or("").contains("`post: 焊工`"),
                "{d:#?}"
            );
            assert!(d.message.contains("`post`"), "{d:#?}");
        }
        // An English key keeps its name, and the value is given.
        let d = named("name：张伟 # 姓名\n");
        assert!(d.hint.unwrap().contains("`name: 张伟`"));
    }

    #[test]
    fn chinese_key_without_a_space_after_its_colon() {
        let d = only("name: 张伟\n职务:焊工\npost: x\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.colon-space", 2, 3));
    }

    #[test]
    fn value_broken_over_two_lines_points_at_the_unindented_line() {
        let d = only("name: 张伟\nsummary: 三十年如一日\n坚守一线\npost: 焊工\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.syntax", 3, 1));
        assert!(d.hint.unwrap().contains("缩进"));
    }

    #[test]
    fn unclosed_quote_points_at_the_opening_quote() {
        let d = only("name: 张伟\nsummary: \"三十年\npost: x\nemployer: y\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.syntax", 2, 10));
        assert!(d.message.contains("引号"));
    }

    #[test]
    fn unclosed_list_points_where_its_bracket_is_missing() {
        let d = only("year: 2018\nmembers: [a, b\ntitle: x\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.syntax", 2, 15));
        // A missing comma inside a list written over several lines: at the end of the line before.
        let d = only("skills: [焊接,\n  \"数控\"\n  测量]\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.syntax", 2, 7));
        let d = only("patents: { invention: 1,\n  design: 2\n  utility_model: 3 }\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.syntax", 2, 12));
        // Where it is noticed when the mistake is on that line.
        let d = only("patents: { invention: 1,\n  design: 2 x: 3 }\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.syntax", 2, 14));
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut text = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for w in names.windows(2) {
            text += &format!(
                "{}: &{} [{}]\n",
                w[1],
                w[1],
                vec![format!("*{}", w[0]); 9].join(",")
            );
        }
        let (v, d) = run(&text);
        assert!(v.is_none());
        assert_eq!(d[0].code, "yaml.syntax");
        assert!(d[0].message.contains("别名"));
    }

    #[test]
    fn unclosed_list_is_translated() {
        let d = only("year: 2018\nmembers: [a, b\ntitle: x\n");
        assert_eq!(d.code, "yaml.syntax");
        assert!(d.message.contains("列表"), "{}", d.message);
    }

    #[test]
    fn block_scalars_are_not_linted() {
        let (v, d) = run("intro: |\n  他说：“精益求精”\n  time:10\nyear: 2018\n");
        assert!(v.is_some());
        assert!(d.is_empty(), "{d:#?}");
    }

    #[test]
    fn values_yaml_reads_otherwise_than_meant_are_errors_where_they_stand() {
        let d = only("name: 张伟\nemployer: 上海第 #2 机床厂  # 单位\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.hash-in-value", 2, 15));
        let d = only("skills:\n  - 车削\n  - 铣削 #1\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.hash-in-value", 3, 8));
        assert!(d.message.contains("`skills`"), "{}", d.message);
        let d = only("awards:\n  - name: 甲 #1 奖\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.hash-in-value", 2, 13));
        let (v, d) = run("skills:\n  -车削\n  -铣削\npost: 焊工\n");
        assert!(v.is_none());
        let at: Vec<_> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
        assert_eq!(at, [("yaml.dash-space", 2, 3), ("yaml.dash-space", 3, 3)]);
        assert!(d[0].message.contains("`skills`"), "{}", d[0].message);
        let d = only("name: x\nsummary: **精益求精**\n");
        assert_eq!((d.code, d.line, d.column), ("yaml.star-at-start", 2, 10));
    }

    #[test]
    fn what_yaml_reads_as_meant_raises_nothing() {
        for text in [
            "cohort: 2018  # 第三批\nemployer: （请填写工作单位）     # 工作单位全称\n",
            "skills:\n- 车削\n- 铣削 # 主要\n",
            "skills: [车削,\n  -铣削]\n",
            "intro: |\n  -车削 #1\n  **加粗**\nyear: 2018\n",
            "members:\n  - { name: 王芳, employer: \"上海第 #2 机床厂\" }  # 行内\n",
            "nav:\n  - { title: 工匠, url: /craftsmen/#top }\n",
            "# -注释\n#-注释\nname: x\n",
        ] {
            let (v, d) = run(text);
            assert!(v.is_some() && d.is_empty(), "{text}: {d:#?}");
        }
    }

    #[test]
    fn control_characters_escaped_into_values_are_removed_and_located() {
        let text = "name: 张伟\nsummary: \"三十年\\e只做\\v一件事\"\nawards:\n  - { name: \"奖\\x85项\" }\n";
        let (value, diags) = run(text);
        let value = value.unwrap();
        assert_eq!(value["summary"], "三十年只做一件事");
        assert_eq!(value["awards"][0]["name"], "奖项");
        let at: Vec<_> = diags.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(at, [("text.control-char", 2), ("text.control-char", 4)]);
        assert!(
            diags[0].message.contains("U+001B、U+000B"),
            "{}",
            diags[0].message
        );
        assert!(!diags[0].is_error());
    }

    #[test]
    fn block_scalars_of_a_crlf_file_keep_plain_line_ends() {
        let (value, diags) = run("intro: |\r\n  第一行\r\n  第二行\r\n");
        assert_eq!(value.unwrap()["intro"], "第一行\n第二行\n");
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn keys_and_values_are_located() {
        let text = "name: 张伟\npatents:\n  invention: 3\n  design: x\nawards:\n  - name: 甲\n  - name: 乙\n    year: 20x9\nskills: [焊接, 数控]\nflow: { a: 1, b: two }\n";
        let src = SourceFile::new("a.yaml", text);
        let mut diags = Diagnostics::new();
        let doc = parse(&src, (0, text.len()), &mut diags).unwrap();
        let at = |path: &[Seg]| {
            let (s, e) = doc.value_span(path);
            (src.line_col(s), &text[s..e])
        };
        assert_eq!(at(&[Seg::Key("name")]), ((1, 7), "张伟"));
        assert_eq!(
            at(&[Seg::Key("patents"), Seg::Key("design")]),
            ((4, 11), "x")
        );
        assert_eq!(
            at(&[Seg::Key("awards"), Seg::Index(1), Seg::Key("year")]),
            ((8, 11), "20x9")
        );
        assert_eq!(at(&[Seg::Key("skills"), Seg::Index(1)]), ((9, 14), "数控"));
        assert_eq!(at(&[Seg::Key("flow"), Seg::Key("b")]), ((10, 18), "two"));
        // An unknown path falls back to the nearest parent.
        assert_eq!(
            doc.key_span(&[Seg::Key("patents"), Seg::Key("nope")]).0,
            text.find("patents").unwrap()
        );
    }
}
