//! What a content file publishes, read as readers get it (YAML values decoded, Markdown rendered): personal numbers in it are errors at their line, and its folded text is kept for the private-value check.
//!
//! The scan reads values after YAML has decoded them (`"\x31\x33…"`, folded lines) and bodies
//! after Markdown and the sanitiser have rendered them (`&#49;`, `139**1234**5678`,
//! `139<span>1234</span>5678`, `\-`): the text the pages and the search index get. What the
//! editor keeps under `private:` is never published; [`check_repeats`] makes sure it is not
//! published another way either (an alias, or the same value written again in any file).

use crate::diag::{Diagnostic, Diagnostics};
use crate::html_text;
use crate::load::anchors;
use crate::load::yaml::{Doc, OwnedSeg, Seg};
use crate::markdown::Rendered;
use crate::privacy::{self, repeats, Finding};
use crate::source::SourceFile;
use serde_yaml::Value;

/// The top-level key whose values are never published.
pub(crate) const PRIVATE: &str = "private";

/// What one file publishes, folded for comparing, and the private values it keeps.
#[derive(Debug, Clone, Default)]
pub(crate) struct Published {
    /// Every published value and text, folded ([`repeats::fold_into`]), one per line; a body's
    /// text is not in it but in `body`.
    pub folded: String,
    /// The text of the file's Markdown body, shared with the model (which keeps it for search):
    /// folded only when it is compared.
    pub body: Option<std::sync::Arc<String>>,
    /// The `private:` values worth looking for elsewhere.
    pub private: Vec<PrivateValue>,
    /// Whether the file has a `private:` block (a repeat is not looked for inside it; where it
    /// stands is read when a repeat is found in the file).
    pub has_private: bool,
}

/// One value kept under `private:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PrivateValue {
    /// The value folded.
    pub folded: String,
    /// Its key as a path (`private.address`).
    pub key: String,
    /// Its path in the file's YAML, to find its line when it is reported.
    pub path: Vec<OwnedSeg>,
}

impl Published {
    /// Scans every value of `doc` but those of the top-level keys in `skip`: decoded strings,
    /// and numbers and keys inside mappings the schema does not type (`extra:`).
    pub(crate) fn values(&mut self, doc: &Doc, skip: &[&str], diags: &mut Diagnostics) {
        let Value::Mapping(top) = &doc.value else {
            return;
        };
        for (key, value) in top {
            let Some(k) = key.as_str() else { continue };
            if skip.contains(&k) {
                continue;
            }
            let mut path = vec![Seg::Key(k)];
            self.walk(doc, value, &mut path, k == "extra", diags);
        }
    }

    fn walk<'v>(
        &mut self,
        doc: &Doc,
        value: &'v Value,
        path: &mut Vec<Seg<'v>>,
        untyped: bool,
        diags: &mut Diagnostics,
    ) {
        match value {
            Value::String(s) => self.value(doc, path, s, false, diags),
            Value::Number(n) if untyped => self.value(doc, path, &n.to_string(), false, diags),
            Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    self.walk(doc, item, path, untyped, diags);
                    path.pop();
                }
            }
            Value::Mapping(m) => {
                for (key, item) in m {
                    let Some(k) = key.as_str() else {
                        // A number or other scalar as a key: scanned, located near its mapping.
                        if let Ok(k) = serde_yaml::to_string(key) {
                            self.odd_key(doc, path, k.trim_end(), diags);
                        }
                        self.walk(doc, item, path, untyped, diags);
                        continue;
                    };
                    path.push(Seg::Key(k));
                    self.value(doc, path, k, true, diags);
                    self.walk(doc, item, path, untyped, diags);
                    path.pop();
                }
            }
            Value::Tagged(t) => self.walk(doc, &t.value, path, untyped, diags),
            _ => {}
        }
    }

    /// One published string at `path` (the key itself with `is_key`).
    fn value(
        &mut self,
        doc: &Doc,
        path: &[Seg],
        text: &str,
        is_key: bool,
        diags: &mut Diagnostics,
    ) {
        self.fold(text);
        for f in privacy::find_personal_data(text) {
            let (s, e) = if is_key {
                doc.key_span(path)
            } else {
                doc.value_span(path)
            };
            // Point at the number itself when the value stands in the file as it reads, or
            // folded over lines (a `>` block, a long plain value).
            let at = doc
                .src
                .text
                .get(s..e.max(s))
                .and_then(|written| match written.find(f.text(text)) {
                    Some(k) => Some((k, k + f.end - f.start)),
                    None => find_spread(written, f.text(text)),
                })
                .map_or((s, e), |(ks, ke)| (s + ks, s + ke));
            let mut d = finding(&f, f.text(text)).at(doc.src, at.0, at.1);
            if doc.src.path == "content/site.yaml" && path.first() == Some(&Seg::Key("contact")) {
                d = d.hint(
                    "页底的联系电话填单位的固定电话或服务热线（如 `021-12345678`、`12351`），不要填个人手机号",
                );
            }
            diags.push(d);
        }
    }

    /// A key that is not a string (`13812345678: x`), found by its text as written (else at its
    /// mapping's key).
    fn odd_key(&mut self, doc: &Doc, parent: &[Seg], key: &str, diags: &mut Diagnostics) {
        self.fold(key);
        for f in privacy::find_personal_data(key) {
            let mut path = parent.to_vec();
            path.push(Seg::Key(key));
            let (s, e) = doc.key_span(&path);
            diags.push(finding(&f, f.text(key)).at(doc.src, s, e));
        }
    }

    /// Scans a rendered Markdown document that starts at byte `start()` of `src` (asked only
    /// when something is found): its text as the input says it (each finding at its line) and
    /// the finished HTML as pages get it (findings only the HTML shows are put at the
    /// document's first line). What the HTML shows apart from its text (attributes, link
    /// targets) is folded; the text itself only with `fold_text` (a body's text is kept in the
    /// model and folded when it is compared, see [`crate::model::repeated`]).
    pub(crate) fn markdown(
        &mut self,
        src: &SourceFile,
        start: impl FnOnce() -> usize,
        rendered: &Rendered,
        fold_text: bool,
        diags: &mut Diagnostics,
    ) {
        let start = std::cell::LazyCell::new(start);
        let start = || *start;
        let text = &rendered.published;
        let found = privacy::find_personal_data(&text.text);
        for f in &found {
            let at = start() + text.origin(f.start);
            let written = f.text(&text.text);
            let exact = src.text.get(at..).and_then(|rest| {
                let k = rest.find(written)?;
                // Only within the piece's own line.
                (!rest[..k].contains('\n')).then_some(at + k)
            });
            let (s, e) = exact.map_or((at, at + 1), |s| (s, s + written.len()));
            diags.push(finding(f, written).at(src, s, e));
        }
        let (visible, apart) = html_text::published_parts(&rendered.html);
        if privacy::numbers::may_hold_one(&rendered.html) {
            let page = format!("{visible}\n{apart}");
            for f in privacy::find_personal_data(&page) {
                if found.iter().any(|g| g.digits == f.digits) {
                    continue;
                }
                let start = start();
                let line_end = src.text[start..]
                    .find('\n')
                    .map_or(src.text.len(), |i| start + i);
                diags.push(
                    finding(&f, f.text(&page))
                        .at(src, start, line_end.max(start + 1))
                        .hint(format!(
                            "它出现在正文生成的网页里（`{}`）：检查正文里拆开写的号码、HTML 和链接，删掉它",
                            f.text(&page)
                        )),
                );
            }
        }
        if fold_text {
            self.fold(&visible);
        }
        self.fold(&apart);
    }

    /// Scans a copied file's text: `shown` is what a reader gets from `src` (its markup read as
    /// a browser shows it), or `None` for the text itself. Each finding at its place in `src`
    /// when it is written there as shown, else naming the file.
    pub(crate) fn copied_text(
        &mut self,
        src: &SourceFile,
        shown: Option<&str>,
        diags: &mut Diagnostics,
    ) {
        let text = shown.unwrap_or(&src.text);
        for f in privacy::find_personal_data(text) {
            let written = f.text(text);
            let at = match shown {
                None => Some(f.start),
                Some(_) => src.text.find(written),
            };
            let d = finding(&f, written);
            diags.push(match at {
                Some(s) => d.at(src, s, s + written.len()),
                None => d.in_file(src.path.clone()),
            });
        }
        self.fold(text);
    }

    /// Scans the name of the file at `path`, which becomes part of the site's addresses (a
    /// slug taken from a file name, a copied file's path).
    pub(crate) fn file_name(&mut self, path: &str, name: &str, diags: &mut Diagnostics) {
        self.fold(name);
        for f in privacy::find_personal_data(name) {
            diags.push(
                finding(&f, f.text(name))
                    .in_file(path)
                    .hint("文件名会出现在网址、站点地图、订阅和搜索里：换一个不含个人信息的名字"),
            );
        }
    }

    /// Records the values under `private:` and reports every alias that carries one of them out
    /// into a published field.
    pub(crate) fn private(&mut self, doc: &Doc, diags: &mut Diagnostics) {
        let Some(value) = doc.value.get(PRIVATE) else {
            return;
        };
        self.has_private = true;
        let mut path = vec![OwnedSeg::Key(PRIVATE.to_string())];
        self.collect_private(value, &mut path);
        let yaml = &doc.src.text[doc.range.0..doc.range.1];
        for (s, e) in anchors::aliases_leaving(yaml, PRIVATE) {
            let (s, e) = (doc.range.0 + s, doc.range.0 + e);
            diags.push(
                Diagnostic::error(
                    "privacy.private-alias",
                    format!(
                        "别名 `{}` 把 `private:`（内部资料）里的值带进了公开的字段",
                        &doc.src.text[s..e]
                    ),
                )
                .at(doc.src, s, e)
                .hint("private: 里的值不能用 & 和 * 在别处引用：公开字段里直接写出可以公开的内容，或者删掉这个别名"),
            );
        }
    }

    fn collect_private(&mut self, value: &Value, path: &mut Vec<OwnedSeg>) {
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(OwnedSeg::Index(i));
                    self.collect_private(item, path);
                    path.pop();
                }
                return;
            }
            Value::Mapping(m) => {
                for (k, item) in m {
                    if let Some(k) = k.as_str() {
                        path.push(OwnedSeg::Key(k.to_string()));
                        self.collect_private(item, path);
                        path.pop();
                    }
                }
                return;
            }
            Value::Tagged(t) => return self.collect_private(&t.value, path),
            _ => return,
        };
        let mut folded = String::new();
        repeats::fold_into(&text, &mut folded);
        if repeats::worth_looking_for(&folded) {
            self.private.push(PrivateValue {
                folded,
                key: path_name(path),
                path: path.clone(),
            });
        }
    }

    /// Appends a published text, folded, on a line of its own.
    pub(crate) fn fold(&mut self, text: &str) {
        repeats::fold_into(text, &mut self.folded);
        self.folded.push('\n');
    }
}

/// Where `needle` stands in `written` with white space (line breaks, indentation) left out of
/// both: byte offsets in `written` of its first and past its last character.
fn find_spread(written: &str, needle: &str) -> Option<(usize, usize)> {
    let kept: Vec<(usize, char)> = written
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let want: Vec<char> = needle.chars().filter(|c| !c.is_whitespace()).collect();
    if want.is_empty() {
        return None;
    }
    let at = kept
        .windows(want.len())
        .position(|w| w.iter().map(|&(_, c)| c).eq(want.iter().copied()))?;
    let (last, c) = kept[at + want.len() - 1];
    Some((kept[at].0, last + c.len_utf8()))
}

/// Scans the site settings (title, description, footer, navigation …): every value is published.
pub(crate) fn settings(src: &SourceFile, diags: &mut Diagnostics) -> Published {
    let mut published = Published::default();
    // Syntax errors are reported where the settings are read.
    let mut ignored = Diagnostics::new();
    if let Some(doc) = crate::load::yaml::parse(src, (0, src.text.len()), &mut ignored) {
        published.values(&doc, &[], diags);
    }
    published
}

/// `private.contacts[0].tel`
fn path_name(path: &[OwnedSeg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            OwnedSeg::Key(k) if out.is_empty() => out.push_str(k),
            OwnedSeg::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            OwnedSeg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The error for a personal number found in published text.
fn finding(f: &Finding, written: &str) -> Diagnostic {
    let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
    Diagnostic::error(
        f.kind.code(),
        format!(
            "公开内容里出现了疑似{}（`{written}`），这是个人信息，不能发布",
            f.kind.label()
        ),
    )
    .hint("删掉它；编辑部内部需要保存的，放到 `private:` 下面（不会出现在网站上）")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml;

    fn scan(yaml_text: &str) -> (Published, Vec<(&'static str, usize, usize)>) {
        let src = SourceFile::new("content/craftsmen/a.md", yaml_text);
        let mut d = Diagnostics::new();
        let doc = yaml::parse(&src, (0, yaml_text.len()), &mut d).expect("YAML");
        let mut p = Published::default();
        p.values(&doc, &[PRIVATE], &mut d);
        p.private(&doc, &mut d);
        let found = d
            .into_sorted()
            .into_iter()
            .map(|d| (d.code, d.line, d.column))
            .collect();
        (p, found)
    }

    #[test]
    fn decoded_values_are_scanned_at_their_line() {
        let (_, found) = scan(
            "name: 张伟\nsummary: \"电话\\x31\\x33\\x38\\x31\\x32\\x33\\x34\\x35\\x36\\x37\\x38\"\n",
        );
        assert_eq!(found, [("privacy.mobile", 2, 10)]);
        // Folded over two lines: where the number starts.
        let (_, found) = scan("summary: >\n  电话 138\n  1234 5678\nname: x\n");
        assert_eq!(found, [("privacy.mobile", 2, 6)]);
        let (_, found) = scan("summary: 电话 138 1234 5678\n");
        assert_eq!(found, [("privacy.mobile", 1, 13)]);
    }

    #[test]
    fn extra_numbers_and_keys_are_scanned_but_private_is_not() {
        let (p, found) = scan(
            "private:\n  phone: 13812345678\n  address: 漕溪北路88号\nextra:\n  tel: 13912345678\n  13712345678: x\nbenefit_cny: 13000000000\n",
        );
        assert_eq!(found, [("privacy.mobile", 5, 8), ("privacy.mobile", 6, 3)]);
        let kept: Vec<&str> = p.private.iter().map(|v| v.key.as_str()).collect();
        assert_eq!(kept, ["private.phone", "private.address"]);
        assert!(!p.folded.contains("13812345678"));
        assert!(p.folded.contains("13912345678"));
    }

    #[test]
    fn an_alias_out_of_private_is_an_error() {
        let (_, found) = scan("private:\n  home: &h 漕溪北路88号\nextra:\n  where: *h\n");
        assert_eq!(found, [("privacy.private-alias", 4, 10)]);
    }
}
