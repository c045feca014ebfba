//! YAML behind one door: catch editors' typing mistakes, parse with serde_yaml, and find where a key stands in the file.

use crate::diag::{Diagnostic, Diagnostics};
use crate::source::SourceFile;
use serde_yaml::Value;

/// A parsed YAML document (front matter or a whole `.yaml` file) that still knows its source.
#[derive(Debug, Clone)]
pub struct Doc<'s> {
    pub src: &'s SourceFile,
    /// Byte range of the YAML inside the file.
    pub range: (usize, usize),
    pub value: Value,
    /// The lines of `range`, split once for all lookups (a cohort list asks for every member).
    lines: std::cell::OnceCell<Vec<(usize, &'s str)>>,
    /// Line indices of the items of each block sequence looked into, by (first line, parent
    /// indent): the n-th member of a long list is found without walking the list again.
    items: std::cell::RefCell<SequenceItems>,
}

/// Item line indices by (first line, parent indent).
type SequenceItems = std::collections::HashMap<(usize, Option<usize>), Vec<usize>>;

/// A byte range in the source file.
pub type Span = (usize, usize);

/// One step of a path to a value: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// Parses the YAML in `range` of `src`. Typing mistakes and syntax errors go to `diags`;
/// `None` means the document could not be read at all.
pub fn parse<'s>(
    src: &'s SourceFile,
    range: (usize, usize),
    diags: &mut Diagnostics,
) -> Option<Doc<'s>> {
    let before = diags.error_count();
    lint(src, range, diags);
    let blocked = diags.error_count() > before;
    let text = &src.text[range.0..range.1];
    match serde_yaml::from_str::<Value>(text) {
        Ok(value) if !blocked => {
            let mut doc = Doc {
                src,
                range,
                value,
                lines: std::cell::OnceCell::new(),
                items: Default::default(),
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
            diags.push(translate(src, range, &e));
            None
        }
    }
}

/// A step of a path to a value, owning its key.
#[derive(Debug, Clone, PartialEq, Eq)]
enum OwnedSeg {
    Key(String),
    Index(usize),
}

/// Removes the control characters that YAML escapes (`"\e"`, `"\v"`, `"\x85"`) put into string
/// values, with a warning at each such value: the file's own text is clean already
/// ([`crate::load::text`]), and no output may carry one.
fn scrub_controls(doc: &mut Doc, diags: &mut Diagnostics) {
    fn find(v: &Value, path: &mut Vec<OwnedSeg>, out: &mut Vec<Vec<OwnedSeg>>) {
        match v {
            Value::String(s)
                if s.contains(crate::load::text::is_stray_control) || s.contains('\r') =>
            {
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
        let segs: Vec<Seg> = path
            .iter()
            .map(|s| match s {
                OwnedSeg::Key(k) => Seg::Key(k),
                OwnedSeg::Index(i) => Seg::Index(*i),
            })
            .collect();
        let (start, end) = doc.value_span(&segs);
        if let Some(Value::String(s)) = get_mut(&mut doc.value, &path) {
            let mut removed: Vec<String> = Vec::new();
            for c in s
                .chars()
                .filter(|&c| crate::load::text::is_stray_control(c))
            {
                let name = format!("U+{:04X}", u32::from(c));
                if !removed.contains(&name) {
                    removed.push(name);
                }
            }
            // A carriage return escaped into a value ("\r") is a line end, as in the file.
            *s = s.replace("\r\n", "\n").replace('\r', "\n");
            s.retain(|c| !crate::load::text::is_stray_control(c));
            if removed.is_empty() {
                continue;
            }
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

/// Like `key_of`, but the key may be in any script (`岗位: …`), for locating keys editors wrote in Chinese.
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

fn is_comment_or_blank(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#')
}

/// Editors' typing mistakes that YAML reports badly: tabs, full-width colons and spaces, a missing space, curly quotes.
fn lint(src: &SourceFile, range: (usize, usize), diags: &mut Diagnostics) {
    let mut in_block_scalar: Option<usize> = None;
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
            diags.push(
                Diagnostic::error(
                    "yaml.fullwidth-space",
                    "行首有全角空格（中文输入法下的空格）",
                )
                .at(src, at, at + '\u{3000}'.len_utf8())
                .hint("删掉这个全角空格，缩进只用英文半角空格"),
            );
            continue;
        }
        let Some((key_start, key)) = key_of(line) else {
            continue;
        };
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
                .hint(format!("改成英文冒号加一个空格：`{key}: …`")),
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
                .hint(format!("删掉空格，写成 `{key}: …`")),
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
                    .hint(format!("冒号后面用一个英文半角空格：`{key}: …`")),
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

/// Turns a serde_yaml error into a located diagnostic in Chinese.
fn translate(src: &SourceFile, range: (usize, usize), e: &serde_yaml::Error) -> Diagnostic {
    let msg = e.to_string();
    if let Some(key) = msg
        .strip_prefix("duplicate entry with key \"")
        .and_then(|r| r.split('"').next())
    {
        return duplicate_key(src, range, key);
    }
    let at = e
        .location()
        .map(|l| range.0 + l.index())
        .unwrap_or(range.0)
        .min(range.1);
    let (message, hint) = if msg.contains("repetition limit exceeded")
        || msg.contains("recursion limit exceeded")
    {
        (
            "YAML 中的别名（& 和 *）展开得太多或嵌套太深，已拒绝读取".to_string(),
            "不要使用 & 和 * 别名，直接写出每个值",
        )
    } else if msg.contains("mapping values are not allowed") {
        (
            "这里不应出现冒号：可能是缩进不对，或者值里含有“: ”".to_string(),
            "检查这一行的缩进是否和同级字段一致；值里需要冒号时，用英文引号把整个值括起来：`summary: \"…: …\"`",
        )
    } else if msg.contains("did not find expected ',' or ']'") {
        (
            "方括号列表没有正确结束".to_string(),
            "列表写成 `[焊接, 数控加工]`：英文逗号分隔，以 ] 结尾",
        )
    } else if msg.contains("did not find expected ',' or '}'") {
        (
            "花括号没有正确结束".to_string(),
            "写成 `{ invention: 3, design: 0 }`：英文逗号分隔，以 } 结尾",
        )
    } else if msg.contains("unexpected end of stream") && msg.contains("quoted scalar") {
        (
            "引号没有闭合".to_string(),
            "检查这个值的引号是否成对（都用英文引号 \"…\"）",
        )
    } else if msg.contains("did not find expected key") || msg.contains("did not find expected '-'")
    {
        (
            "缩进不一致，YAML 无法判断这一行属于哪个字段".to_string(),
            "同一层级的行要对齐；列表项写成 `  - 内容`",
        )
    } else if msg.contains("cannot start any token") {
        (
            "这里有 YAML 不认识的字符".to_string(),
            "以 @、` 或 % 开头的值要用英文引号括起来",
        )
    } else {
        (
            format!(
                "YAML 格式错误（{}）",
                msg.split(" at line").next().unwrap_or(&msg)
            ),
            "检查这一行和上一行的冒号、缩进和引号",
        )
    };
    Diagnostic::error("yaml.syntax", message)
        .at(src, at, at + 1)
        .hint(hint)
}

fn duplicate_key(src: &SourceFile, range: (usize, usize), key: &str) -> Diagnostic {
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for (start, line) in lines_in(src, range) {
        if let Some((ks, k)) = key_of(line) {
            if k == key {
                seen.push((start + ks, ks));
            }
        }
    }
    let first_line = seen.first().map(|&(at, _)| src.line_col(at).0);
    let second = seen
        .iter()
        .skip(1)
        .find(|&&(_, indent)| seen.first().is_some_and(|&(_, i)| i == indent))
        .or(seen.get(1))
        .map(|&(at, _)| at)
        .unwrap_or(range.0);
    Diagnostic::error("yaml.duplicate-key", format!("字段 `{key}` 写了两次"))
        .at(src, second, second + key.len())
        .hint(match first_line {
            Some(l) => format!("第 {l} 行已经有 `{key}`；保留一个，删掉另一个"),
            None => format!("保留一个 `{key}`，删掉另一个"),
        })
}

impl<'s> Doc<'s> {
    /// Byte range of the key at `path` (falling back to its nearest located parent, then the document start).
    pub fn key_span(&self, path: &[Seg]) -> (usize, usize) {
        self.locate(path)
            .map(|(k, _)| k)
            .unwrap_or((self.range.0, self.range.0))
    }

    /// Byte range of the value at `path`: what follows `key: ` on the key's line, or the key itself.
    pub fn value_span(&self, path: &[Seg]) -> (usize, usize) {
        match self.locate(path) {
            Some((_, Some(v))) => v,
            Some((k, None)) => k,
            None => (self.range.0, self.range.0),
        }
    }

    /// Locates a path by indentation: keys in block mappings, items in block sequences, keys inside `{…}` on one line.
    fn locate(&self, path: &[Seg]) -> Option<(Span, Option<Span>)> {
        let lines = self
            .lines
            .get_or_init(|| lines_in(self.src, self.range).collect());
        let mut from = 0usize;
        let mut parent_indent: Option<usize> = None;
        let mut found = None;
        for seg in path {
            let hit = match *seg {
                Seg::Index(n) => find_inline_at(lines, from, parent_indent, *seg).or_else(|| {
                    let mut cache = self.items.borrow_mut();
                    let items = cache
                        .entry((from, parent_indent))
                        .or_insert_with(|| sequence_items(lines, from, parent_indent));
                    items.get(n).map(|&idx| item_hit(lines, idx))
                }),
                Seg::Key(_) => find_seg(lines, from, parent_indent, *seg),
            };
            match hit {
                Some(Hit::Line {
                    idx,
                    indent,
                    key,
                    value,
                }) => {
                    found = Some((key, value));
                    from = idx + 1;
                    parent_indent = Some(indent);
                }
                Some(Hit::Inline { key, value }) => return Some((key, value)).or(found),
                None => return found,
            }
        }
        found
    }
}

enum Hit {
    Line {
        idx: usize,
        indent: usize,
        key: (usize, usize),
        value: Option<(usize, usize)>,
    },
    Inline {
        key: (usize, usize),
        value: Option<(usize, usize)>,
    },
}

/// A key or item on the parent's own line, inside `{…}` or `[…]`.
fn find_inline_at(
    lines: &[(usize, &str)],
    from: usize,
    parent: Option<usize>,
    seg: Seg,
) -> Option<Hit> {
    let (start, line) = parent.and(from.checked_sub(1).and_then(|p| lines.get(p)))?;
    find_inline(*start, line, seg)
}

/// The line indices of a block sequence's items, walked as [`find_seg`] walks them for an index.
fn sequence_items(lines: &[(usize, &str)], from: usize, parent: Option<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut child_indent: Option<usize> = None;
    for (i, &(_, line)) in lines.iter().enumerate().skip(from) {
        if is_comment_or_blank(line) {
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(p) = parent {
            if indent <= p && !(line.trim_start().starts_with('-') && indent == p) {
                break;
            }
        }
        let ci = *child_indent.get_or_insert(indent);
        if indent == ci && line.trim_start().starts_with('-') {
            out.push(i);
        }
    }
    out
}

/// The hit for the sequence item on line `idx`.
fn item_hit(lines: &[(usize, &str)], idx: usize) -> Hit {
    let (start, line) = lines[idx];
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line.trim_start()[1..];
    let dash = start + indent;
    let inner = rest.trim_start();
    let inner_at = line.len() - inner.len();
    let value = (!inner.is_empty()).then(|| (start + inner_at, start + line.len()));
    Hit::Line {
        idx,
        indent,
        key: (dash, dash + 1),
        value,
    }
}

fn find_seg(lines: &[(usize, &str)], from: usize, parent: Option<usize>, seg: Seg) -> Option<Hit> {
    let mut item = 0usize;
    let mut child_indent: Option<usize> = None;
    let mut i = from;
    // A key may sit on the parent's own line inside `{…}` or `[…]`.
    if let Some(hit) = find_inline_at(lines, from, parent, seg) {
        return Some(hit);
    }
    while let Some(&(start, line)) = lines.get(i) {
        i += 1;
        if is_comment_or_blank(line) {
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(p) = parent {
            if indent <= p && !(line.trim_start().starts_with('-') && indent == p) {
                break;
            }
            if indent == p && line.trim_start().starts_with('-') && matches!(seg, Seg::Key(_)) {
                break;
            }
        }
        let ci = *child_indent.get_or_insert(indent);
        if indent != ci {
            continue;
        }
        match seg {
            Seg::Key(name) => {
                if let Some((ks, k)) = any_key_of(line) {
                    if k == name && !line[..ks].contains('-') {
                        return Some(line_hit(i - 1, start, line, ks, k, indent));
                    }
                }
            }
            Seg::Index(n) => {
                let t = line.trim_start();
                if let Some(rest) = t.strip_prefix('-') {
                    if item == n {
                        let dash = start + indent;
                        let inner = rest.trim_start();
                        let inner_at = line.len() - inner.len();
                        let value =
                            (!inner.is_empty()).then(|| (start + inner_at, start + line.len()));
                        return Some(Hit::Line {
                            idx: i - 1,
                            indent,
                            key: (dash, dash + 1),
                            value,
                        });
                    }
                    item += 1;
                }
            }
        }
    }
    None
}

fn line_hit(idx: usize, start: usize, line: &str, ks: usize, k: &str, indent: usize) -> Hit {
    let after = &line[ks + k.len()..];
    let colon = after
        .find(':')
        .map(|c| ks + k.len() + c + 1)
        .unwrap_or(line.len());
    let rest = line[colon..].trim_start();
    let value = (!rest.is_empty() && !rest.starts_with('#'))
        .then(|| (start + line.len() - rest.len(), start + line.len()));
    Hit::Line {
        idx,
        indent,
        key: (start + ks, start + ks + k.len()),
        value,
    }
}

fn find_inline(start: usize, line: &str, seg: Seg) -> Option<Hit> {
    match seg {
        Seg::Key(name) => {
            let open = line.find('{')?;
            let pat = format!("{name}:");
            let rel = line[open..].find(&pat)? + open;
            let before = line[..rel].chars().last();
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                return None;
            }
            let v_from = rel + pat.len();
            let v_rest = &line[v_from..];
            let v_len = v_rest.find([',', '}']).unwrap_or(v_rest.len());
            let v_trim = v_rest[..v_len].trim_start();
            let v_at = v_from + (v_rest[..v_len].len() - v_trim.len());
            Some(Hit::Inline {
                key: (start + rel, start + rel + name.len()),
                value: Some((start + v_at, start + v_at + v_trim.trim_end().len())),
            })
        }
        Seg::Index(n) => {
            let open = line.find('[')?;
            let close = line.rfind(']').unwrap_or(line.len());
            let inner = &line[open + 1..close.max(open + 1)];
            let mut at = open + 1;
            for (i, part) in inner.split(',').enumerate() {
                if i == n {
                    let t = part.trim_start();
                    let s = at + (part.len() - t.len());
                    return Some(Hit::Inline {
                        key: (start + s, start + s + t.trim_end().len()),
                        value: Some((start + s, start + s + t.trim_end().len())),
                    });
                }
                at += part.len() + 1;
            }
            None
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
