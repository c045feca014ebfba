//! Raw HTML typed into Markdown, read against the sanitiser's allow-list: what the sanitiser will remove, and where it stands.
//!
//! ammonia removes what it does not allow without saying so. The editor is told what matters to
//! a reader of the page:
//!
//! - every element the site does not show (`<script>`, `<style>`, `<iframe>` — a video copied
//!   from another site —, `<font>`, `<form>`…): for `script` and `style` their content goes too,
//!   for the others their text stays;
//! - event handlers (`onclick=…`) and inline styles (`style="color:red"`), which carried
//!   something the editor saw (a behaviour, a colour);
//! - a `data:` picture in `<img src>`, which leaves an empty picture.
//!
//! Other attributes that are removed (`class`, `id`, `target`, `data-…`, sizes on elements that
//! take none) change nothing a reader sees and are not reported; neither are comments
//! (`<!-- … -->`), which are meant not to be published.
//!
//! The allow-list is the sanitiser's own ([`crate::markdown::allowed`]), so the two never
//! disagree. Only the source of raw HTML events is read, once; a document without `<` costs
//! nothing.

use crate::diag::{Diagnostic, Diagnostics};
use crate::source::SourceFile;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What the sanitiser allows, taken from its builder.
pub struct Allowed {
    pub tags: HashSet<&'static str>,
    /// Elements removed together with their content.
    pub clean_content: HashSet<&'static str>,
}

/// One thing the sanitiser removes, at a byte offset of the Markdown input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// Where it starts: an element's `<`, an attribute's name.
    pub offset: usize,
    pub what: Removed,
}

/// What is removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    /// An element (lowercase name); `content_too` for `script` and `style`. `src` is its
    /// address, when it has one (an `<iframe>`'s video), for the hint.
    Element {
        name: String,
        content_too: bool,
        src: Option<String>,
    },
    /// An event handler (`onclick`) or `style` attribute (lowercase name) of an allowed element.
    Attribute { element: String, name: String },
    /// An `<img>` whose `src` is a `data:` URL.
    DataImage,
}

/// Whether a removal only takes away how the text looked (a `style` attribute; an element whose
/// text stays, such as `<font>` or Word's `<o:p>`), which the message about pasted formatting
/// already says; event handlers, `data:` pictures and elements that take content or a
/// source with them (`<script>`, `<iframe>`) are more than that.
pub(crate) fn is_formatting(r: &Removal) -> bool {
    match &r.what {
        Removed::Attribute { name, .. } => name == "style",
        Removed::Element {
            name,
            content_too,
            src,
        } => {
            const MORE: &[&str] = &[
                "iframe", "form", "input", "button", "select", "textarea", "object", "embed",
                "video", "audio", "canvas", "svg", "math", "frame", "frameset",
            ];
            !content_too && src.is_none() && !MORE.contains(&name.as_str())
        }
        Removed::DataImage => false,
    }
}

/// Elements whose content is text up to their closing tag (no tags inside).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed",
];

/// What the sanitiser removes from the raw HTML at `ranges` of `markdown`, in order.
pub(crate) fn removals(markdown: &str, ranges: &[Range<usize>], allowed: &Allowed) -> Vec<Removal> {
    let mut out = Vec::new();
    for r in ranges {
        let Some(piece) = markdown.get(r.clone()) else {
            continue;
        };
        scan(piece, r.start, allowed, &mut out);
    }
    out
}

fn scan(html: &str, base: usize, allowed: &Allowed, out: &mut Vec<Removal>) {
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &html.as_bytes()[at..]) {
        let start = at + lt;
        let tail = &html[start..];
        if let Some(body) = tail.strip_prefix("<!--") {
            at = start + 4 + body.find("-->").map_or(body.len(), |e| e + 3);
            continue;
        }
        let Some(tag) = Tag::read(tail) else {
            at = start + 1;
            continue;
        };
        at = start + tag.len;
        if tag.closing {
            continue;
        }
        note(&tag, base + start, allowed, out);
        if RAW_TEXT.contains(&tag.name.as_str()) {
            let close = format!("</{}", tag.name);
            at += find_ignoring_case(&html[at..], &close).unwrap_or(html.len() - at);
        }
    }
}

fn note(tag: &Tag, offset: usize, allowed: &Allowed, out: &mut Vec<Removal>) {
    let name = tag.name.as_str();
    if !allowed.tags.contains(name) {
        let src = tag
            .attrs
            .iter()
            .find(|a| a.name == "src" || a.name == "data")
            .map(|a| a.value.clone());
        out.push(Removal {
            offset,
            what: Removed::Element {
                name: tag.name.clone(),
                content_too: allowed.clean_content.contains(name),
                src,
            },
        });
        return;
    }
    for a in &tag.attrs {
        let what = if a.name.starts_with("on") || a.name == "style" {
            Removed::Attribute {
                element: tag.name.clone(),
                name: a.name.clone(),
            }
        } else if name == "img" && a.name == "src" && is_data_image(a.value.trim()) {
            Removed::DataImage
        } else {
            continue;
        };
        out.push(Removal {
            offset: offset + a.at,
            what,
        });
    }
}

/// One tag as written: its lowercase name, whether it closes, its attributes, its length in bytes.
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<Attr>,
    len: usize,
}

/// An attribute: its lowercase name, its value as written (entities not decoded), where its name
/// starts in the tag.
struct Attr {
    name: String,
    value: String,
    at: usize,
}

impl Tag {
    /// Reads the tag `s` starts with; `None` when its `<` opens no tag (`a < b`, `<!DOCTYPE`).
    fn read(s: &str) -> Option<Tag> {
        let b = s.as_bytes();
        let closing = b.get(1) == Some(&b'/');
        let mut i = 1 + usize::from(closing);
        let name_start = i;
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'>' | b'/'))
        {
            i += 1;
        }
        let name = s[name_start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while b
                .get(i)
                .is_some_and(|c| c.is_ascii_whitespace() || *c == b'/')
            {
                i += 1;
            }
            match b.get(i) {
                None => break,
                Some(b'>') => {
                    i += 1;
                    break;
                }
                _ => {}
            }
            let attr_start = i;
            while b
                .get(i)
                .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/'))
            {
                i += 1;
            }
            let attr = s[attr_start..i].to_ascii_lowercase();
            let mut j = i;
            while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            if b.get(j) != Some(&b'=') {
                attrs.push(Attr {
                    name: attr,
                    value: String::new(),
                    at: attr_start,
                });
                continue;
            }
            j += 1;
            while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            let (value, next) = match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = s[j + 1..]
                        .find(char::from(q))
                        .map_or(s.len(), |e| j + 1 + e);
                    (&s[j + 1..end], (end + 1).min(s.len()))
                }
                _ => {
                    let mut end = j;
                    while b
                        .get(end)
                        .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>')
                    {
                        end += 1;
                    }
                    (&s[j..end], end)
                }
            };
            attrs.push(Attr {
                name: attr,
                value: value.to_string(),
                at: attr_start,
            });
            i = next;
        }
        Some(Tag {
            name,
            closing,
            attrs,
            len: i.min(s.len()),
        })
    }
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The removals of one document grouped as an editor reads them: one group per element or
/// attribute name (in the order first met), each with every offset where it stands. `data:`
/// pictures are left out: each is a problem of its own.
pub(crate) fn grouped(removals: &[Removal]) -> Vec<(&Removed, Vec<usize>)> {
    let mut order: Vec<(&Removed, Vec<usize>)> = Vec::new();
    let mut index: HashMap<(&str, &str), usize> = HashMap::new();
    for r in removals {
        let key = match &r.what {
            Removed::Element { name, .. } => ("", name.as_str()),
            Removed::Attribute { name, .. } if name.starts_with("on") => ("on", "on"),
            Removed::Attribute { name, .. } => ("attr", name.as_str()),
            Removed::DataImage => continue,
        };
        match index.get(&key) {
            Some(&i) => order[i].1.push(r.offset),
            None => {
                index.insert(key, order.len());
                order.push((&r.what, vec![r.offset]));
            }
        }
    }
    order
}

/// Reports the removals of one document: a warning per element or attribute name at its first
/// place (naming how many there are), an error per `data:` picture. `at` turns an offset of the
/// Markdown into one of `src`; `field` names the field the Markdown is in (`None` for the body).
pub(crate) fn report(
    src: &SourceFile,
    removals: &[Removal],
    at: impl Fn(usize) -> usize,
    field: Option<&str>,
    diags: &mut Diagnostics,
) {
    let place = field.map_or_else(|| "正文里".to_string(), |k| format!("字段 `{k}` 里"));
    for r in removals.iter().filter(|r| r.what == Removed::DataImage) {
        let o = at(r.offset);
        diags.push(data_image(None).at(src, o, o + 1));
    }
    for (what, offsets) in grouped(removals) {
        let more = match offsets.len() {
            1 => String::new(),
            n => format!("（这个文件里共 {n} 处，只在第一处提示）"),
        };
        let o = at(offsets[0]);
        let d = match what {
            Removed::Element {
                name,
                content_too,
                src: address,
            } => element(&place, name, *content_too, address.as_deref(), &more),
            Removed::Attribute { element, name } => attribute(&place, element, name, &more),
            Removed::DataImage => continue,
        };
        diags.push(d.at(src, o, o + 1));
    }
}

fn element(
    place: &str,
    name: &str,
    content_too: bool,
    src: Option<&str>,
    more: &str,
) -> Diagnostic {
    let code = "html.removed-element";
    match name {
        "script" | "style" if content_too => {
            let what = if name == "script" {
                "网站不发布脚本"
            } else {
                "网页统一用网站的样式"
            };
            Diagnostic::warning(
                code,
                format!("{place}的 `<{name}>` 连同里面的内容都不会发布：{what}{more}"),
            )
            .hint(format!(
                "删掉这段 `<{name}>…</{name}>`；要给读者看的内容直接写成正文"
            ))
        }
        "iframe" | "embed" | "object" | "video" | "audio" | "frame" | "frameset" => {
            let link = src
                .filter(|s| s.starts_with("http://") || s.starts_with("https://"))
                .map_or_else(
                    || "改成一个链接：`[观看视频](网址)`".to_string(),
                    |s| format!("改成一个链接：`[观看视频]({s})`"),
                );
            Diagnostic::warning(
                code,
                format!(
                    "{place}的 `<{name}>` 不会发布：网站不嵌入别的网站的视频、音频或网页{more}"
                ),
            )
            .hint(format!("删掉 `<{name} …>`，{link}"))
        }
        _ => Diagnostic::warning(
            code,
            format!(
                "{place}的 `<{name}>` 标签不会发布（里面的文字照常显示）：网站不用这种标签{more}"
            ),
        )
        .hint(format!(
            "删掉 `<{name} …>` 和 `</{name}>`，只留文字；要强调的文字写成 `**加粗**`"
        )),
    }
}

fn attribute(place: &str, element: &str, name: &str, more: &str) -> Diagnostic {
    let code = "html.removed-attribute";
    if name == "style" {
        return Diagnostic::warning(
            code,
            format!("{place} `<{element}>` 的 `style` 属性（颜色、字号等）不会发布：网页统一用网站的样式{more}"),
        )
        .hint("删掉 `style=\"…\"`；要强调的文字写成 `**加粗**`，从公众号等网页复制的文字请“粘贴为纯文本”");
    }
    Diagnostic::warning(
        code,
        format!("{place} `<{element}>` 的 `{name}` 属性不会发布：网站不发布脚本{more}"),
    )
    .hint(format!("删掉 `{name}=\"…\"`"))
}

/// A `data:` URL: the picture's bytes written into the text.
pub(crate) fn is_data_image(reference: &str) -> bool {
    reference
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
}

/// A `data:` picture, which the page cannot show (the sanitiser refuses `data:` URLs): in the
/// field `key`, else in the body.
pub(crate) fn data_image(key: Option<&str>) -> Diagnostic {
    let (what, fix) = match key {
        Some(k) => (format!("字段 `{k}` 写的是"), format!("`{k}: photo.jpg`")),
        None => (
            "正文里的这张图片是".to_string(),
            "`![说明](photo.jpg)`".to_string(),
        ),
    };
    Diagnostic::error(
        "asset.data-image",
        format!("{what} `data:` 开头的内嵌图片（从网页或微信复制来的），网页上显示不出来"),
    )
    .hint(format!(
        "把图片另存为文件（如 photo.jpg），放在本文件旁边，写成 {fix}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(html: &str) -> Vec<(usize, Removed)> {
        let allowed = crate::markdown::allowed();
        let whole = std::iter::once(0..html.len()).collect::<Vec<_>>();
        removals(html, &whole, allowed)
            .into_iter()
            .map(|r| (r.offset, r.what))
            .collect()
    }

    fn element(name: &str, content_too: bool, src: Option<&str>) -> Removed {
        Removed::Element {
            name: name.into(),
            content_too,
            src: src.map(Into::into),
        }
    }

    #[test]
    fn what_the_sanitiser_removes_is_found_where_it_stands() {
        let html = "<p style=\"color:red\" onClick='x()'>红</p>\n<SCRIPT>if (a<b) {}</script><iframe src=\"https://v.qq.com/x\"></iframe><font color=red>字</font>";
        let script = html.find("<SCRIPT").unwrap();
        let iframe = html.find("<iframe").unwrap();
        let font = html.find("<font").unwrap();
        let attr = |name: &str| Removed::Attribute {
            element: "p".into(),
            name: name.into(),
        };
        assert_eq!(
            found(html),
            [
                (3, attr("style")),
                (html.find("onClick").unwrap(), attr("onclick")),
                (script, element("script", true, None)),
                (iframe, element("iframe", false, Some("https://v.qq.com/x"))),
                (font, element("font", false, None)),
            ]
        );
    }

    #[test]
    fn a_data_picture_is_found() {
        assert_eq!(
            found("<img alt=x src=\"data:image/png;base64,AAAA\">"),
            [(11, Removed::DataImage)]
        );
    }

    #[test]
    fn what_the_sanitiser_keeps_or_is_meant_to_drop_is_not_reported() {
        for html in [
            "<ruby>匠<rt>jiàng</rt></ruby><kbd>Ctrl</kbd><mark>重点</mark>",
            "<span title=\"说明\" class=\"x\" id=\"y\" data-a=\"1\">提示</span>",
            "<!-- <script>备注</script> -->",
            "<a href=\"/x/\" target=\"_blank\">链接</a><img src=\"photo.jpg\" alt=\"\">",
            "a < b, 1<2, <3, <!DOCTYPE html>",
            "<details><summary>更多</summary><p>细节</p></details>",
        ] {
            assert!(found(html).is_empty(), "{html}: {:?}", found(html));
        }
    }

    #[test]
    fn removals_are_grouped_by_name() {
        let html = "<font>a</font><p style=x>b</p><font>c</font><b onclick=1 onmouseover=2>d</b>";
        let all = found(html)
            .into_iter()
            .map(|(offset, what)| Removal { offset, what })
            .collect::<Vec<_>>();
        let groups: Vec<_> = grouped(&all)
            .into_iter()
            .map(|(w, at)| (w.clone(), at.len()))
            .collect();
        assert_eq!(groups.len(), 3, "{groups:?}");
        assert_eq!(groups[0], (element("font", false, None), 2));
        assert_eq!(groups[2].1, 2, "event handlers are one group");
    }
}
