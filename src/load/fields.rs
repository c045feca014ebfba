//! Typed reading of one YAML mapping: each getter checks a field and reports a located, Chinese diagnostic.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::dates::{self, Date};
use crate::load::yaml::{Doc, Seg};
use crate::suggest::{self, Closeness};
use serde_yaml::{Mapping, Value};

use crate::load::keys::{self, Renamed};
use crate::load::numbers;
use crate::schema::{Field, Schema, Type};

/// Reads fields from one mapping by its [`Schema`], collecting diagnostics.
pub(crate) struct Fields<'a, 's> {
    pub doc: &'a Doc<'s>,
    map: &'a Mapping,
    prefix: Vec<Seg<'a>>,
    pub diags: &'a mut Diagnostics,
    schema: &'static Schema,
    /// Fields written under another key, already reported (`nmae` for `name`, `姓名` for
    /// `name`): read from there, so that one mistake is one message.
    renamed: Vec<Renamed<'a>>,
}

impl<'a, 's> Fields<'a, 's> {
    /// Opens the top-level mapping of a document; a document that is not a mapping is an error
    /// showing the shape of this kind of file.
    pub(crate) fn top(
        doc: &'a Doc<'s>,
        schema: &'static Schema,
        diags: &'a mut Diagnostics,
    ) -> Option<Self> {
        match &doc.value {
            Value::Mapping(map) => Some(Self::open(doc, map, Vec::new(), schema, diags)),
            _ => {
                diags.push(
                    Diagnostic::error(
                        "front-matter.not-mapping",
                        format!("{}应是“字段: 值”的形式，这里没有读到任何字段", schema.what),
                    )
                    .at(doc.src, doc.range.0, doc.range.0)
                    .hint(format!(
                        "每行写一个字段：{}；冒号是英文冒号，后面跟一个空格",
                        schema.shape()
                    )),
                );
                None
            }
        }
    }

    fn open(
        doc: &'a Doc<'s>,
        map: &'a Mapping,
        prefix: Vec<Seg<'a>>,
        schema: &'static Schema,
        diags: &'a mut Diagnostics,
    ) -> Self {
        let renamed = keys::check(doc, map, &prefix, schema, diags);
        Fields {
            doc,
            map,
            prefix,
            diags,
            schema,
            renamed,
        }
    }

    /// A nested mapping (`patents: {…}`, an item of `awards`) read with its own schema.
    pub(crate) fn nested<'b>(
        &'b mut self,
        path: Vec<Seg<'a>>,
        map: &'a Mapping,
        schema: &'static Schema,
    ) -> Fields<'b, 's>
    where
        'a: 'b,
    {
        Fields::open(self.doc, map, path, schema, self.diags)
    }

    fn path<'k>(&self, key: &'k str) -> Vec<Seg<'k>>
    where
        'a: 'k,
    {
        let written: &'k str = match self.renamed_to(key) {
            Some(r) => r.written,
            None => key,
        };
        let mut p: Vec<Seg<'k>> = self.prefix.clone();
        p.push(Seg::Key(written));
        p
    }

    /// Points a diagnostic at a key's value as written (a block scalar's first content line; see
    /// [`crate::load::positions`]).
    pub(crate) fn at_value(&self, d: Diagnostic, key: &str) -> Diagnostic {
        let (s, e) = self.doc.value_span(&self.path(key));
        d.at(self.doc.src, s, e)
    }

    /// Byte range of a key's value as written (see [`Self::at_value`]).
    pub(crate) fn value_span(&self, key: &str) -> (usize, usize) {
        self.doc.value_span(&self.path(key))
    }

    /// Points a diagnostic at a key.
    pub(crate) fn at_key(&self, d: Diagnostic, key: &str) -> Diagnostic {
        let (s, e) = self.doc.key_span(&self.path(key));
        d.at(self.doc.src, s, e)
    }

    /// Points a diagnostic at any path below this mapping.
    pub(crate) fn at_path(&self, d: Diagnostic, rest: &[Seg]) -> Diagnostic {
        let mut p = self.prefix.clone();
        p.extend_from_slice(rest);
        let (s, e) = self.doc.value_span(&p);
        d.at(self.doc.src, s, e)
    }

    /// The schema's field for a key the reading code asks for.
    fn spec(&self, key: &str) -> Option<&'static Field> {
        let f = self.schema.field(key);
        debug_assert!(
            f.is_some(),
            "`{key}` is not in the schema of {}",
            self.schema.what
        );
        f
    }

    fn required(&self, key: &str) -> bool {
        self.spec(key).is_some_and(Field::required)
    }

    /// The field's example value, for hints.
    fn example(&self, key: &str) -> String {
        self.spec(key).map(Field::example_value).unwrap_or_default()
    }

    fn name(&self, key: &str) -> String {
        let label = self.spec(key).map_or("", |f| f.label);
        let full: Vec<&str> = self
            .prefix
            .iter()
            .filter_map(|s| match s {
                Seg::Key(k) => Some(*k),
                Seg::Index(_) => None,
            })
            .chain([key])
            .collect();
        let full = full.join(".");
        if label.is_empty() {
            format!("`{full}`")
        } else {
            format!("`{full}`（{label}）")
        }
    }

    /// The raw value of a key; `null` (written `key:` with nothing after it) counts as absent.
    pub(crate) fn raw(&self, key: &str) -> Option<&'a Value> {
        let written = match self.renamed_to(key) {
            Some(r) if !r.read => return None,
            Some(r) => r.written,
            None => key,
        };
        self.map.get(written).filter(|v| !v.is_null())
    }

    /// Whether the field was written under another key, whose message already says how to
    /// write it: it is not reported missing as well.
    pub(crate) fn is_claimed(&self, key: &str) -> bool {
        self.renamed_to(key).is_some()
    }

    /// The keys written at this level that belong under `parent` (`电话` for `private`),
    /// already reported.
    pub(crate) fn written_for(&self, parent: &str) -> Vec<&'a str> {
        self.renamed
            .iter()
            .filter(|r| r.parent == Some(parent))
            .map(|r| r.written)
            .collect()
    }

    /// Where this mapping's field `key` was found written under another key.
    fn renamed_to(&self, key: &str) -> Option<&Renamed<'a>> {
        self.renamed
            .iter()
            .find(|r| r.field == key && r.parent.is_none())
    }

    fn missing(&mut self, key: &str) {
        if self.renamed_to(key).is_some_and(|r| !r.read) {
            return;
        }
        let present = self.map.contains_key(key) || self.is_claimed(key);
        let d = if present {
            self.at_key(
                Diagnostic::error(
                    "front-matter.empty-field",
                    format!("字段 {} 是空的", self.name(key)),
                ),
                key,
            )
            .hint(format!(
                "在冒号后面填写内容，如 `{key}: {}`",
                self.example(key)
            ))
        } else {
            let d = Diagnostic::error(
                "front-matter.missing-field",
                format!("缺少必填字段 {}", self.name(key)),
            );
            let at = if self.prefix.is_empty() {
                d.at(self.doc.src, self.doc.range.0, self.doc.range.0)
            } else {
                self.at_path(d, &[])
            };
            at.hint(format!(
                "加一行 `{key}: {}`（各字段的写法见 docs/content.md）",
                self.example(key)
            ))
        };
        self.diags.push(d);
    }

    /// A value of the wrong kind, shown where its kind is seen: a block scalar's `|` or `>`, the
    /// key of a mapping or list written below it, else the value.
    fn wrong_type(&mut self, key: &str, expected: &str, hint: String) {
        let (s, e) = self.doc.head_span(&self.path(key));
        let d = Diagnostic::error(
            "front-matter.wrong-type",
            format!("字段 {} 应为{expected}", self.name(key)),
        )
        .at(self.doc.src, s, e)
        .hint(hint);
        self.diags.push(d);
    }

    /// A text value (its need from the schema). Numbers are accepted as text (`post: 110` is fine).
    pub(crate) fn string(&mut self, key: &str) -> Option<String> {
        let required = self.required(key);
        let v = match self.raw(key) {
            None => {
                if required {
                    self.missing(key);
                }
                return None;
            }
            Some(v) => v,
        };
        match v {
            Value::String(s) if s.trim().is_empty() => {
                if required {
                    self.missing(key);
                }
                None
            }
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => {
                self.wrong_type(
                    key,
                    "一段文字",
                    format!("写成 `{key}: 文字`，不要写成列表或下一级字段"),
                );
                None
            }
        }
    }

    /// A plain-text value ([`Self::string`]), with a warning at HTML or Markdown typed into it:
    /// the page shows it as typed (see [`crate::load::plain`]).
    pub(crate) fn text(&mut self, key: &str) -> Option<String> {
        let s = self.string(key)?;
        self.warn_markup(&[Seg::Key(key)], key, &s);
        Some(s)
    }

    /// A list of short plain texts ([`Self::strings`]), each checked as [`Self::text`].
    pub(crate) fn texts(&mut self, key: &str) -> Vec<String> {
        let items = self.strings(key);
        for (i, s) in items.iter().enumerate() {
            self.warn_markup(&[Seg::Key(key), Seg::Index(i)], key, s);
        }
        items
    }

    /// Warns at the markup in the plain-text `value` at `rest` (below this mapping), if any: at
    /// the markup itself when the value is written as it reads, else at the value.
    fn warn_markup(&mut self, rest: &[Seg], key: &str, value: &str) {
        let Some(m) = crate::load::plain::find(value) else {
            return;
        };
        let mut path: Vec<Seg> = self.prefix.clone();
        path.extend_from_slice(rest);
        let (s, e) = self.doc.value_span(&path);
        let written = self.doc.src.text.get(s..e).unwrap_or_default();
        let (s, e) = written
            .find(m.text)
            .map_or((s, e), |i| (s + i, s + i + m.text.len()));
        let d = crate::load::plain::warning(&self.name(key), &m).at(self.doc.src, s, e);
        self.diags.push(d);
    }

    /// A whole number in the range the schema gives.
    pub(crate) fn int(&mut self, key: &str) -> Option<i64> {
        let (min, max) = match self.spec(key).map(|f| f.ty) {
            Some(Type::Number { min, max }) => (min, max),
            _ => (i64::MIN, i64::MAX),
        };
        self.int_in(key, min, max)
    }

    /// A year from 2016 to `this_year`.
    pub(crate) fn year(&mut self, key: &str, this_year: i32) -> Option<i32> {
        self.int_in(key, 2016, this_year as i64).map(|y| y as i32)
    }

    fn int_in(&mut self, key: &str, min: i64, max: i64) -> Option<i64> {
        let v = match self.raw(key) {
            None => {
                if self.required(key) {
                    self.missing(key);
                }
                return None;
            }
            Some(v) => v,
        };
        let n = match v {
            Value::Number(n) => n
                .as_i64()
                .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
            _ => None,
        };
        let Some(n) = n else {
            if let Some(d) = v
                .as_str()
                .and_then(|t| numbers::number_diagnostic(&self.name(key), key, t))
            {
                let d = self.at_value(d, key);
                self.diags.push(d);
                return None;
            }
            let hint = self.number_hint(key, v);
            self.wrong_type(key, "整数", hint);
            return None;
        };
        if v.as_i64().is_none() {
            self.scientific(key, n);
        }
        if n < 0 && min >= 0 {
            let d = self
                .at_value(
                    Diagnostic::error(
                        "front-matter.negative",
                        format!("字段 {} 不能是负数（写的是 {n}）", self.name(key)),
                    ),
                    key,
                )
                .hint("数量和年限从 0 开始；没有就写 0，不清楚就删掉这一行");
            self.diags.push(d);
            return None;
        }
        if n < min || n > max {
            let d = self
                .at_value(
                    Diagnostic::error(
                        "front-matter.out-of-range",
                        format!("字段 {} 的值 {n} 不在 {min}–{max} 之间", self.name(key)),
                    ),
                    key,
                )
                .hint(format!(
                    "检查是否多打或少打了数字；允许的范围是 {min} 到 {max}"
                ));
            self.diags.push(d);
            return None;
        }
        Some(n)
    }

    /// How to write a number given as text: its digits when it has some (`二〇二一` → 2021),
    /// and what to change.
    fn number_hint(&self, key: &str, v: &Value) -> String {
        let Some((text, n)) = v
            .as_str()
            .map(str::trim)
            .and_then(|t| Some((t, numbers::leading(t)?)))
        else {
            return format!("写一个整数，如 `{key}: {}`", self.example(key));
        };
        format!("{}：`{key}: {n}`", numbers::what_to_change(text))
    }

    /// Warns about a whole number written in scientific notation (`1.2E+07`): read as written.
    fn scientific(&mut self, key: &str, n: i64) {
        let (s, e) = self.doc.value_span(&self.path(key));
        let written = self.doc.src.text.get(s..e).unwrap_or_default();
        if let Some(d) = numbers::scientific_diagnostic(&self.name(key), key, written, n) {
            let d = d.at(self.doc.src, s, e);
            self.diags.push(d);
        }
    }

    /// true / false.
    pub(crate) fn boolean(&mut self, key: &str) -> Option<bool> {
        match self.raw(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                let guess = match other.as_str().map(str::trim) {
                    Some("是" | "yes" | "Yes" | "对" | "√" | "y") => " `true`",
                    Some("否" | "no" | "No" | "不是" | "×" | "n") => " `false`",
                    _ => " `true` 或 `false`",
                };
                self.wrong_type(
                    key,
                    "是或否（true / false）",
                    format!("写成{guess}（英文小写，不加引号）"),
                );
                None
            }
        }
    }

    /// A list of short texts. A single text is a one-item list; `a、b` is an error with the fix.
    pub(crate) fn strings(&mut self, key: &str) -> Vec<String> {
        let Some(v) = self.raw(key) else {
            return Vec::new();
        };
        match v {
            Value::Sequence(items) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                        Value::Number(n) => out.push(n.to_string()),
                        _ => {
                            let mut path = self.path(key);
                            path.push(Seg::Index(i));
                            let (at, end) = self.doc.value_span(&path);
                            let d = Diagnostic::error(
                                "front-matter.wrong-type",
                                format!("字段 {} 的第 {} 项应是一段文字", self.name(key), i + 1),
                            )
                            .at(self.doc.src, at, end)
                            .hint("列表的每一项写成 `  - 文字`");
                            self.diags.push(d);
                        }
                    }
                }
                out
            }
            Value::String(s) => {
                let seps = ['、', '，', ',', '；', ';'];
                if s.contains(seps) {
                    let parts: Vec<&str> = s
                        .split(seps)
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .collect();
                    self.wrong_type(
                        key,
                        "列表",
                        format!("用方括号和英文逗号写列表：`{key}: [{}]`", parts.join(", ")),
                    );
                    Vec::new()
                } else {
                    vec![s.trim().to_string()]
                }
            }
            _ => {
                let hint = format!("写成 `{key}: {}`", self.example(key));
                self.wrong_type(key, "列表", hint);
                Vec::new()
            }
        }
    }

    /// A calendar date written `YYYY-MM-DD`; Chinese and dotted dates get the ISO form as a hint.
    pub(crate) fn date(&mut self, key: &str) -> Option<Date> {
        let Some(v) = self.raw(key) else {
            if self.required(key) {
                self.missing(key);
            }
            return None;
        };
        let text = match v {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        match Date::parse_iso(&text) {
            Some(d) => Some(d),
            None => {
                if let Some(d) = dates::date_diagnostic(&self.name(key), key, &text) {
                    let d = self.at_value(d, key);
                    self.diags.push(d);
                    return None;
                }
                let hint = match Date::parse_loose(&text) {
                    Some(d) => format!("日期写成 `{key}: {}`（年-月-日，月和日用两位数）", d.iso()),
                    None => format!("日期写成 `{key}: {}`（年-月-日）", self.example(key)),
                };
                let d = self
                    .at_value(
                        Diagnostic::error(
                            "front-matter.bad-date",
                            format!("字段 {} 的日期格式不对：`{text}`", self.name(key)),
                        ),
                        key,
                    )
                    .hint(hint);
                self.diags.push(d);
                None
            }
        }
    }

    /// A value from the field's closed list; an unknown value gets the nearest allowed ones as a
    /// hint ([`crate::suggest`], the words editors use for them included: 大学本科 → 本科).
    pub(crate) fn choice<T>(&mut self, key: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let s = self.string(key)?;
        if let Some(t) = parse(&s) {
            return Some(t);
        }
        let Some(Type::Choice(vocab)) = self.spec(key).map(|f| f.ty) else {
            return None;
        };
        let allowed = vocab.values();
        let candidates = allowed
            .iter()
            .map(|v| (*v, *v))
            .chain(vocab.aliases().iter().map(|(alias, v)| (*v, *alias)));
        let found = suggest::rank(&s, candidates, Closeness::Related);
        let mut best: Vec<&str> = Vec::new();
        for f in &found {
            if !best.contains(&f.item) && best.len() < 2 {
                best.push(f.item);
            }
        }
        if found
            .first()
            .is_some_and(|f| f.closeness == Closeness::Same)
        {
            best.truncate(1);
        }
        let hint = if best.is_empty() {
            format!("可以填写：{}", allowed.join("、"))
        } else {
            format!(
                "是否想写“{}”？可以填写：{}",
                best.join("”或“"),
                allowed.join("、")
            )
        };
        let d = self
            .at_value(
                Diagnostic::error(
                    "front-matter.not-allowed",
                    format!("字段 {} 不能填“{s}”", self.name(key)),
                ),
                key,
            )
            .hint(hint);
        self.diags.push(d);
        None
    }

    /// A nested mapping, or an error showing how to write it.
    pub(crate) fn mapping(&mut self, key: &str) -> Option<&'a Mapping> {
        match self.raw(key)? {
            Value::Mapping(m) => Some(m),
            _ => {
                let example = self.example(key);
                self.wrong_type(
                    key,
                    "下一级字段",
                    format!("写成 `{key}: {example}`，或 `{key}:` 后换行，下面每行缩进两个空格写 `子字段: 值`"),
                );
                None
            }
        }
    }

    /// A list value, or an error showing how to write one.
    pub(crate) fn sequence(&mut self, key: &str) -> Option<&'a Vec<Value>> {
        match self.raw(key)? {
            Value::Sequence(s) => Some(s),
            _ => {
                let item = match self.spec(key).map(|f| f.ty) {
                    Some(Type::List { item, text }) => {
                        text.map_or_else(|| item.flow_example(), str::to_string)
                    }
                    _ => "…".to_string(),
                };
                self.wrong_type(
                    key,
                    "列表",
                    format!("写成 `{key}:` 后换行，每项一行：`  - {item}`"),
                );
                None
            }
        }
    }

    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }
}
