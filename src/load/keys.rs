//! Keys a mapping's schema does not list: each named as the field it stands for (a slip of the keys, a Chinese label, another tool's name, a field one level down), with the line to write, in one message.
//!
//! A field written under another key is refused, never read as the field: the file is not
//! published until the key is the one the schema lists, so nothing is published that differs
//! from what the documentation says the file holds. The reader still reads the value from
//! there, so that its own problems are reported at once and no second message says the field
//! is missing.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::generators;
use crate::load::yaml::{Doc, Seg};
use crate::schema::{Field, Means, Schema, Suggestion, Type};
use crate::suggest::Closeness;
use serde_yaml::{Mapping, Value};

/// One key as written, where it stands.
struct Written<'d, 's, 'a> {
    doc: &'d Doc<'s>,
    path: Vec<Seg<'a>>,
    /// The key without the full-width spaces around it.
    clean: &'a str,
    value: &'a Value,
}

/// A field found written under another key, already reported.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Renamed<'a> {
    pub field: &'static str,
    /// The field of this mapping it belongs under, when it was written a level too high
    /// (`电话` for `private.phone`): never read from there.
    pub parent: Option<&'static str>,
    pub written: &'a str,
    /// Whether its value has the field's shape, so that the reader reads it from there; else
    /// the message about the key already shows how to write it.
    pub read: bool,
}

/// Reports each key of `map` that `schema` does not list. Returns the fields found written
/// under another key, for the reader to read from there and not to report as missing.
pub(crate) fn check<'a>(
    doc: &Doc,
    map: &'a Mapping,
    prefix: &[Seg<'a>],
    schema: &'static Schema,
    diags: &mut Diagnostics,
) -> Vec<Renamed<'a>> {
    let mut renamed: Vec<Renamed<'a>> = Vec::new();
    for (k, value) in map {
        let mut path = prefix.to_vec();
        let Some(key) = k.as_str() else {
            let written = serde_yaml::to_string(k).unwrap_or_default();
            let written = written.trim().to_string();
            diags.push(not_text(doc, prefix, &written));
            continue;
        };
        if schema.field(key).is_some() {
            continue;
        }
        let clean = key.trim_matches([' ', '\u{3000}']);
        let spaced = clean.len() != key.len();
        if schema.open && !spaced {
            continue;
        }
        path.push(Seg::Key(key));
        let w = Written {
            doc,
            path,
            clean,
            value,
        };
        let found = if schema.open {
            None
        } else {
            schema.suggest(clean)
        };
        // Another generator's field, unless the schema names it exactly (`draft` in a profile).
        let named_exactly = found.is_some_and(|s| s.closeness == Closeness::Same);
        if !schema.open && !spaced && !named_exactly {
            if let Some(d) = generators::diagnostic(schema, key, value) {
                diags.push(w.at(d));
                continue;
            }
        }
        // The key the field is written under already, if it is.
        let holder = |f: &Field| -> Option<&'a str> {
            if map.contains_key(f.key) {
                return Some(f.key);
            }
            renamed
                .iter()
                .find(|r| r.field == f.key && r.parent.is_none())
                .map(|r| r.written)
        };
        let taken = |f: &Field| holder(f).is_some();
        let reads_as_field = found.is_some_and(|s| {
            s.parent.is_none() && s.alias.is_none_or(|a| a.means != Means::Opposite)
        });
        let d = match found {
            _ if spaced => full_width_space(&w, key, found.filter(|_| reads_as_field)),
            None => unknown(&w, schema),
            Some(s) => named(&w, s, schema, holder(s.field)),
        };
        diags.push(d);
        match found {
            Some(s) if reads_as_field && !taken(s.field) => renamed.push(Renamed {
                field: s.field.key,
                parent: None,
                written: key,
                read: fits(s.field, value),
            }),
            Some(s) if s.parent.is_some() => renamed.push(Renamed {
                field: s.field.key,
                parent: s.parent.map(|p| p.key),
                written: key,
                read: false,
            }),
            _ => {}
        }
    }
    renamed
}

/// A key that is not text (`1: …`, `[a]: …`).
fn not_text(doc: &Doc, prefix: &[Seg], written: &str) -> Diagnostic {
    let mut path = prefix.to_vec();
    path.push(Seg::Key(written));
    let (s, e) = doc.key_span(&path);
    Diagnostic::error(
        "front-matter.bad-key",
        format!("字段名应是英文单词，这里是 `{written}`"),
    )
    .at(doc.src, s, e)
    .hint("字段名用英文，如 `name: 张伟`；可用字段见 docs/content.md")
}

impl Written<'_, '_, '_> {
    fn at(&self, d: Diagnostic) -> Diagnostic {
        let (s, e) = self.doc.key_span(&self.path);
        d.at(self.doc.src, s, e)
    }

    /// The value as written, when it is all on the key's line: a scalar as it stands (quotes
    /// included), a `[…]` or `{…}` to its closing bracket.
    fn on_line(&self) -> Option<String> {
        let (key_start, _) = self.doc.key_span(&self.path);
        let (s, e) = self.doc.value_span(&self.path);
        let text = &self.doc.src.text;
        if s == key_start || self.value.is_null() {
            return None;
        }
        let written = match self.value {
            Value::String(v) if v.contains('\n') => return None,
            Value::Sequence(_) | Value::Mapping(_) => {
                let rest = text.get(s..)?;
                &rest[..closing(rest)?]
            }
            _ => text.get(s..e)?,
        };
        (!written.contains('\n') && !written.is_empty()).then(|| written.to_string())
    }

    /// The line to write for `field` instead of this one: the same value under the field's key
    /// when the value fits the field, else the field's example.
    fn line_for(&self, field: &Field) -> String {
        let scalar = matches!(
            self.value,
            Value::String(_) | Value::Number(_) | Value::Bool(_)
        );
        let nested = matches!(field.ty, Type::Map(_) | Type::List { .. });
        match self.on_line() {
            Some(_) if nested && scalar => format!("{}: {}", field.key, field.example_value()),
            Some(v) => format!("{}: {v}", field.key),
            None => format!("{}:", field.key),
        }
    }
}

/// The length of a flow collection at the start of `text` up to its closing bracket.
fn closing(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            (None, '\n') => return None,
            _ => {}
        }
    }
    None
}

/// The key as the schema's field it stands for.
fn named(w: &Written, s: Suggestion, schema: &Schema, holder: Option<&str>) -> Diagnostic {
    let f = s.field;
    let clean = w.clean;
    let chinese = !clean.is_ascii();
    if let Some(parent) = s.parent {
        return below(w, s.field, parent);
    }
    if let Some(alias) = s.alias.filter(|a| a.means == Means::Opposite) {
        return opposite(w, f, alias.text);
    }
    if let Some(holder) = holder {
        return already_written(w, s, holder, schema);
    }
    let fix = if matches!(f.ty, Type::Map(_) | Type::List { .. })
        && w.on_line().is_some()
        && is_scalar(w.value)
    {
        format!("{}要分项写：`{}`", f.named(), w.line_for(f))
    } else {
        format!("改成 `{}`", w.line_for(f))
    };
    let d = if chinese {
        let message = if s.closeness == Closeness::Same {
            format!(
                "字段名要用英文：`{clean}` 应写成 `{}`（{}）",
                f.key, f.label
            )
        } else {
            format!(
                "字段名要用英文：`{clean}` 是不是 `{}`（{}）？",
                f.key, f.label
            )
        };
        Diagnostic::error("front-matter.chinese-key", message).hint(fix)
    } else if let Some(alias) = s.alias {
        let why = match alias.means {
            Means::Note(note) => note.to_string(),
            _ => format!("{}写在 `{}`", f.label, f.key),
        };
        Diagnostic::error(
            "front-matter.other-name",
            format!("字段 `{clean}` 不是{}的写法：{why}", schema_name(schema)),
        )
        .hint(fix)
    } else {
        Diagnostic::error(
            "front-matter.misspelt-field",
            format!("字段 `{clean}` 拼写有误"),
        )
        .hint(format!("是否想写 {}？{fix}", f.named()))
    };
    w.at(d)
}

/// Whether a value has the shape of the field's values (a mapping for `patents`, a list for
/// `awards`, one value for the rest), for reading it as the field.
fn fits(field: &Field, v: &Value) -> bool {
    match field.ty {
        Type::Map(_) => matches!(v, Value::Mapping(_)),
        Type::List { .. } => matches!(v, Value::Sequence(_)),
        Type::Texts | Type::Slugs => matches!(v, Value::Sequence(_)) || is_scalar(v),
        _ => is_scalar(v) || v.is_null(),
    }
}

/// A key standing for a field this mapping has already: the field as written is what is
/// published, and this line is left out with a warning (an editor's own `出生年份` is not
/// `cohort`, which the profile has).
fn already_written(w: &Written, s: Suggestion, holder: &str, schema: &Schema) -> Diagnostic {
    let mut other = w.path.clone();
    other.pop();
    other.push(Seg::Key(holder));
    let (at, _) = w.doc.key_span(&other);
    let line = w.doc.src.line_col(at).0;
    let f = s.field;
    let d = if s.closeness == Closeness::Same {
        Diagnostic::warning(
            "front-matter.duplicate-field",
            format!(
                "字段 `{}` 就是 {}，第 {line} 行已经写了；这一行不会显示在网站上",
                w.clean,
                f.named()
            ),
        )
        .hint(format!("删掉这一行，或把它的内容并到第 {line} 行"))
    } else {
        let own = if schema.field("extra").is_some() {
            "；自己的内容请放在 `extra:` 下面"
        } else {
            ""
        };
        Diagnostic::warning(
            "front-matter.unknown-field",
            format!("不认识的字段 `{}`，它不会显示在网站上", w.clean),
        )
        .hint(format!(
            "如果指的是 {}，第 {line} 行已经有了{own}",
            f.named()
        ))
    };
    w.at(d)
}

fn is_scalar(v: &Value) -> bool {
    matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_))
}

/// "人物资料" from "人物资料的字段区", for messages.
fn schema_name(schema: &Schema) -> &str {
    schema
        .what
        .trim_end_matches("的字段区")
        .trim_end_matches(' ')
}

/// A field of a mapping one level down, written at this level: `发明专利: 2`, `电话: …`.
fn below(w: &Written, field: &Field, parent: &Field) -> Diagnostic {
    let private = matches!(parent.ty, Type::Map(inner) if inner.open) && parent.key == "private";
    let value = w.on_line().unwrap_or_else(|| "…".to_string());
    let message = if private {
        format!(
            "`{}` 是内部资料，要写在 `{}` 下面（那里的内容不会发布）",
            w.clean, parent.key
        )
    } else {
        format!(
            "`{}` 是{}里的 `{}`（{}），要写在 `{}` 下面",
            w.clean, parent.label, field.key, field.label, parent.key
        )
    };
    w.at(
        Diagnostic::error("front-matter.misplaced-field", message).hint(format!(
            "改成 `{}: {{ {}: {value} }}`",
            parent.key, field.key
        )),
    )
}

/// A true/false field written under a name meaning its opposite: `draft: true`.
fn opposite(w: &Written, field: &Field, written: &str) -> Diagnostic {
    let fix = match w.value {
        Value::Bool(b) => format!("改成 `{}: {}`", field.key, !b),
        _ => format!("不发布就写 `{}: false`", field.key),
    };
    w.at(Diagnostic::error(
        "front-matter.other-name",
        format!(
            "字段 `{written}` 不是本站的写法：{}用 `{}`，意思正好相反",
            field.label, field.key
        ),
    )
    .hint(fix))
}

/// A full-width space between a key and its colon: YAML reads it as part of the key.
fn full_width_space(w: &Written, key: &str, found: Option<Suggestion>) -> Diagnostic {
    let (s, _) = w.doc.key_span(&w.path);
    let at = s + key.find('\u{3000}').unwrap_or(0);
    let (message, fix_key) = match found {
        Some(f) if !w.clean.is_ascii() => (
            format!(
                "字段 `{}` 和冒号之间有全角空格，字段名也要用英文 `{}`",
                w.clean, f.field.key
            ),
            f.field.key,
        ),
        Some(f) => (
            format!("字段 `{}` 和冒号之间有全角空格", w.clean),
            f.field.key,
        ),
        None => (format!("字段 `{}` 和冒号之间有全角空格", w.clean), w.clean),
    };
    let line = match w.on_line() {
        Some(v) => format!("{fix_key}: {v}"),
        None => format!("{fix_key}:"),
    };
    Diagnostic::error("yaml.fullwidth-space", message)
        .at(w.doc.src, at, at + '\u{3000}'.len_utf8())
        .hint(format!("删掉全角空格，写成 `{line}`"))
}

/// A key that stands for no field: not published, said with a warning.
fn unknown(w: &Written, schema: &Schema) -> Diagnostic {
    let mut hint = String::new();
    if !w.clean.is_ascii() {
        hint.push_str("字段名要用英文；");
    }
    if schema.field("extra").is_some() {
        hint.push_str("自定义内容请放在 `extra:` 下面；");
    }
    hint.push_str("可用字段见 docs/content.md");
    w.at(Diagnostic::warning(
        "front-matter.unknown-field",
        format!("不认识的字段 `{}`，它不会显示在网站上", w.clean),
    )
    .hint(hint))
}

#[cfg(test)]
mod tests {
    use super::closing;

    #[test]
    fn flow_collections_end_at_their_closing_bracket() {
        assert_eq!(closing("[焊接, 数控]  # 注释"), Some("[焊接, 数控]".len()));
        assert_eq!(closing("{ a: \"}\", b: [1] }, c: 2}"), Some(18));
        assert_eq!(closing("[a, b\n  c]"), None);
        assert_eq!(closing("]"), None);
    }
}
