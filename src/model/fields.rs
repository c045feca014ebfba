//! Typed reading of one YAML mapping: each getter checks a field and reports a located, Chinese diagnostic.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{Doc, Seg};
use crate::model::{generators, spreadsheet};
use serde_yaml::{Mapping, Value};

/// A field a file kind accepts: its key and the Chinese name editors know it by.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
}

/// Reads fields from one mapping, collecting diagnostics.
pub struct Fields<'a, 's> {
    pub doc: &'a Doc<'s>,
    map: &'a Mapping,
    prefix: Vec<Seg<'a>>,
    pub diags: &'a mut Diagnostics,
    known: &'static [Field],
}

/// The Chinese label of a known field (`name` → 姓名), for messages.
fn label_of(known: &[Field], key: &str) -> &'static str {
    known
        .iter()
        .find(|f| f.key == key)
        .map(|f| f.label)
        .unwrap_or("")
}

/// Chinese field names editors may write instead of the English keys.
const CHINESE_KEYS: &[(&str, &str)] = &[
    ("姓名", "name"),
    ("名字", "name"),
    ("批次", "cohort"),
    ("年份", "year"),
    ("级别", "level"),
    ("推荐单位", "union"),
    ("工会", "union"),
    ("单位", "employer"),
    ("工作单位", "employer"),
    ("岗位", "post"),
    ("职务", "post"),
    ("行业", "industry"),
    ("技能", "skills"),
    ("照片", "photo"),
    ("简介", "summary"),
    ("摘要", "summary"),
    ("一线", "frontline"),
    ("工作年限", "work_years"),
    ("工龄", "work_years"),
    ("学历", "education"),
    ("技能等级", "skill_level"),
    ("职称", "title_level"),
    ("专利", "patents"),
    ("奖项", "awards"),
    ("效益", "benefit_cny"),
    ("标题", "title"),
    ("日期", "date"),
    ("成员", "members"),
];

/// The closest known key to a misspelt one, if it is close enough to be a typo.
pub fn nearest_key(known: &[Field], key: &str) -> Option<&'static str> {
    if let Some((_, k)) = CHINESE_KEYS.iter().find(|(zh, _)| *zh == key) {
        return known.iter().find(|f| f.key == *k).map(|f| f.key);
    }
    let lower = key.to_ascii_lowercase().replace('-', "_");
    known
        .iter()
        .map(|f| (strsim::damerau_levenshtein(&lower, f.key), f.key))
        .filter(|&(d, k)| d == 0 || (d <= 2 && d * 3 <= k.len().max(3)))
        .min()
        .map(|(_, k)| k)
}

impl<'a, 's> Fields<'a, 's> {
    /// Opens the top-level mapping of a document; a document that is not a mapping is an error.
    pub fn top(
        doc: &'a Doc<'s>,
        known: &'static [Field],
        what: &str,
        diags: &'a mut Diagnostics,
    ) -> Option<Self> {
        match &doc.value {
            Value::Mapping(map) => {
                let mut f = Fields {
                    doc,
                    map,
                    prefix: Vec::new(),
                    diags,
                    known,
                };
                f.check_keys();
                Some(f)
            }
            _ => {
                diags.push(
                    Diagnostic::error(
                        "front-matter.not-mapping",
                        format!("{what}应是“字段: 值”的形式，这里没有读到任何字段"),
                    )
                    .at(doc.src, doc.range.0, doc.range.0)
                    .hint("每行写一个字段，如 `name: 张伟`；冒号是英文冒号，后面跟一个空格"),
                );
                None
            }
        }
    }

    /// A nested mapping (`patents: {…}`) read with its own known fields.
    pub fn nested<'b>(
        &'b mut self,
        path: Vec<Seg<'a>>,
        map: &'a Mapping,
        known: &'static [Field],
    ) -> Fields<'b, 's>
    where
        'a: 'b,
    {
        let mut f = Fields {
            doc: self.doc,
            map,
            prefix: path,
            diags: self.diags,
            known,
        };
        f.check_keys();
        f
    }

    fn path<'k>(&self, key: &'k str) -> Vec<Seg<'k>>
    where
        'a: 'k,
    {
        let mut p: Vec<Seg<'k>> = self.prefix.clone();
        p.push(Seg::Key(key));
        p
    }

    /// Points a diagnostic at a key's value as written (a block scalar's first content line; see
    /// [`crate::load::positions`]).
    pub fn at_value(&self, d: Diagnostic, key: &str) -> Diagnostic {
        let (s, e) = self.doc.value_span(&self.path(key));
        d.at(self.doc.src, s, e)
    }

    /// Points a diagnostic at a key.
    pub fn at_key(&self, d: Diagnostic, key: &str) -> Diagnostic {
        let (s, e) = self.doc.key_span(&self.path(key));
        d.at(self.doc.src, s, e)
    }

    /// Points a diagnostic at any path below this mapping.
    pub fn at_path(&self, d: Diagnostic, rest: &[Seg]) -> Diagnostic {
        let mut p = self.prefix.clone();
        p.extend_from_slice(rest);
        let (s, e) = self.doc.value_span(&p);
        d.at(self.doc.src, s, e)
    }

    fn name(&self, key: &str) -> String {
        let label = label_of(self.known, key);
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

    fn check_keys(&mut self) {
        for (k, value) in self.map {
            let Some(key) = k.as_str() else {
                let written = serde_yaml::to_string(k).unwrap_or_default();
                let written = written.trim();
                let d = self
                    .at_key(
                        Diagnostic::error(
                            "front-matter.bad-key",
                            format!("字段名应是英文单词，这里是 `{written}`"),
                        ),
                        written,
                    )
                    .hint("字段名用英文，如 `name: 张伟`；可用字段见 docs/content.md");
                self.diags.push(d);
                continue;
            };
            if self.known.iter().any(|f| f.key == key) {
                continue;
            }
            if let Some(d) = generators::diagnostic(self.known, key, value) {
                let d = self.at_key(d, key);
                self.diags.push(d);
                continue;
            }
            let d = match nearest_key(self.known, key) {
                Some(near) => Diagnostic::error(
                    "front-matter.misspelt-field",
                    format!("字段 `{key}` 拼写有误"),
                )
                .hint(format!(
                    "是否想写 `{near}`（{}）？",
                    label_of(self.known, near)
                )),
                None => Diagnostic::warning(
                    "front-matter.unknown-field",
                    format!("不认识的字段 `{key}`，它不会显示在网站上"),
                )
                .hint("自定义内容请放在 `extra:` 下面；可用字段见 docs/content.md"),
            };
            let d = self.at_key(d, key);
            self.diags.push(d);
        }
    }

    /// The raw value of a key; `null` (written `key:` with nothing after it) counts as absent.
    pub fn raw(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn missing(&mut self, key: &str) {
        let d = if self.map.contains_key(key) {
            self.at_key(
                Diagnostic::error(
                    "front-matter.empty-field",
                    format!("字段 {} 是空的", self.name(key)),
                ),
                key,
            )
            .hint(format!("在冒号后面填写内容：`{key}: …`"))
        } else {
            let at = if self.prefix.is_empty() {
                Diagnostic::error(
                    "front-matter.missing-field",
                    format!("缺少必填字段 {}", self.name(key)),
                )
                .at(self.doc.src, self.doc.range.0, self.doc.range.0)
            } else {
                self.at_path(
                    Diagnostic::error(
                        "front-matter.missing-field",
                        format!("缺少必填字段 {}", self.name(key)),
                    ),
                    &[],
                )
            };
            at.hint(format!(
                "加一行 `{key}: …`（各字段的写法见 docs/content.md）"
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

    /// A text value. Numbers are accepted as text (`post: 110` is fine).
    pub fn string(&mut self, key: &str, required: bool) -> Option<String> {
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

    /// A whole number within `min..=max`.
    pub fn int(&mut self, key: &str, required: bool, min: i64, max: i64) -> Option<i64> {
        let v = match self.raw(key) {
            None => {
                if required {
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
                .and_then(|t| spreadsheet::number_diagnostic(&self.name(key), key, t))
            {
                let d = self.at_value(d, key);
                self.diags.push(d);
                return None;
            }
            let digits = leading_number(v);
            let hint = match digits {
                Some(d) => format!("只写数字，不要单位或文字：`{key}: {d}`"),
                None => format!("写一个整数，如 `{key}: 10`"),
            };
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

    /// Warns about a whole number written in scientific notation (`1.2E+07`): read as written.
    fn scientific(&mut self, key: &str, n: i64) {
        let (s, e) = self.doc.value_span(&self.path(key));
        let written = self.doc.src.text.get(s..e).unwrap_or_default();
        if let Some(d) = spreadsheet::scientific_diagnostic(&self.name(key), key, written, n) {
            let d = d.at(self.doc.src, s, e);
            self.diags.push(d);
        }
    }

    /// true / false.
    pub fn boolean(&mut self, key: &str) -> Option<bool> {
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
    pub fn strings(&mut self, key: &str) -> Vec<String> {
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
                            let d = self
                                .at_path(
                                    Diagnostic::error(
                                        "front-matter.wrong-type",
                                        format!(
                                            "字段 {} 的第 {} 项应是一段文字",
                                            self.name(key),
                                            i + 1
                                        ),
                                    ),
                                    &[Seg::Key(key), Seg::Index(i)],
                                )
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
                self.wrong_type(key, "列表", format!("写成 `{key}: [甲, 乙]`"));
                Vec::new()
            }
        }
    }

    /// A calendar date written `YYYY-MM-DD`; Chinese and dotted dates get the ISO form as a hint.
    pub fn date(&mut self, key: &str, required: bool) -> Option<Date> {
        let Some(v) = self.raw(key) else {
            if required {
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
                if let Some(d) = spreadsheet::date_diagnostic(&self.name(key), key, &text) {
                    let d = self.at_value(d, key);
                    self.diags.push(d);
                    return None;
                }
                let hint = match Date::parse_loose(&text) {
                    Some(d) => format!("日期写成 `{key}: {}`（年-月-日，月和日用两位数）", d.iso()),
                    None => format!("日期写成 `{key}: 2021-05-01`（年-月-日）"),
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

    /// A value from a closed list; unknown values get the nearest allowed ones as a hint.
    pub fn choice<T>(
        &mut self,
        key: &str,
        required: bool,
        parse: impl Fn(&str) -> Option<T>,
        allowed: &[&str],
    ) -> Option<T> {
        let s = self.string(key, required)?;
        if let Some(t) = parse(&s) {
            return Some(t);
        }
        let mut ranked: Vec<(usize, &str)> = allowed
            .iter()
            .map(|a| {
                let shared = a.chars().filter(|c| s.contains(*c)).count();
                (usize::MAX - shared, *a)
            })
            .collect();
        ranked.sort();
        let best: Vec<&str> = ranked
            .iter()
            .filter(|(d, _)| *d != usize::MAX)
            .take(2)
            .map(|(_, a)| *a)
            .collect();
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

    /// A nested mapping, or an error saying how to write one.
    pub fn mapping(&mut self, key: &str) -> Option<&'a Mapping> {
        match self.raw(key)? {
            Value::Mapping(m) => Some(m),
            _ => {
                self.wrong_type(
                    key,
                    "下一级字段",
                    format!("写成 `{key}:` 后换行，下面每行缩进两个空格写 `子字段: 值`"),
                );
                None
            }
        }
    }

    /// A list value, or an error.
    pub fn sequence(&mut self, key: &str) -> Option<&'a Vec<Value>> {
        match self.raw(key)? {
            Value::Sequence(s) => Some(s),
            _ => {
                self.wrong_type(
                    key,
                    "列表",
                    format!("写成 `{key}:` 后换行，每项一行：`  - …`"),
                );
                None
            }
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }
}

/// The number at the start of a text such as `26年`, for hints.
fn leading_number(v: &Value) -> Option<String> {
    let s = v.as_str()?.trim();
    let s: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    (!digits.is_empty()).then_some(digits)
}

/// A calendar date (no time zone), as written in files: `2021-05-01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Strict `YYYY-MM-DD` with a real day of the month.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Self::checked(
            s[..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..].parse().ok()?,
        )
    }

    /// `2021年5月1日`, `2021.5.1`, `2021/5/1`, `2021-5-1`.
    pub fn parse_loose(s: &str) -> Option<Date> {
        let nums: Vec<&str> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .collect();
        match nums.as_slice() {
            [y, m, d] if y.len() == 4 => {
                Self::checked(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
            }
            _ => None,
        }
    }

    fn checked(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// `2021-05-01`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `2021年5月1日`, as shown on pages.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            Date::parse_iso("2021-05-01").unwrap().chinese(),
            "2021年5月1日"
        );
        assert!(Date::parse_iso("2021-02-30").is_none());
        assert!(Date::parse_iso("2021-5-1").is_none());
        assert_eq!(
            Date::parse_loose("2021年5月1日").unwrap().iso(),
            "2021-05-01"
        );
        assert_eq!(Date::parse_loose("2021.5.1").unwrap().iso(), "2021-05-01");
        assert!(Date::parse_loose("2021年5月").is_none());
    }

    #[test]
    fn nearest_keys() {
        const K: &[Field] = &[
            Field {
                key: "name",
                label: "姓名",
            },
            Field {
                key: "employer",
                label: "单位",
            },
            Field {
                key: "work_years",
                label: "工作年限",
            },
        ];
        assert_eq!(nearest_key(K, "nmae"), Some("name"));
        assert_eq!(nearest_key(K, "employr"), Some("employer"));
        assert_eq!(nearest_key(K, "work-years"), Some("work_years"));
        assert_eq!(nearest_key(K, "姓名"), Some("name"));
        assert_eq!(nearest_key(K, "hobby"), None);
    }
}
