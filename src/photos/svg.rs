//! SVG files from content: metadata removed, active content and outside references refused.
//!
//! Drawing programs leave their user behind in an SVG: `<metadata>` (author, rights), comments
//! (`Created by …`), editor elements and attributes (`sodipodi:docname="/home/zhang/…"`,
//! Illustrator's private data, `data-name`). These are removed, since no reader sees them.
//! What would make the file do something, or show something from elsewhere, is refused with
//! the position of the element, so that the editor re-exports the file: scripts,
//! `foreignObject`, event handler attributes, `href`s other than to the file's own parts
//! (`#id`; embedded pictures included, since they keep their own EXIF), CSS `url(…)` and
//! `@import` to anything but `#id`, and a DOCTYPE with its own declarations (entities).

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

/// Why an SVG was refused: the message and the byte range it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refused {
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub hint: &'static str,
}

/// Name prefixes that belong to SVG itself (elements and attributes with any other prefix are
/// an editor's private data).
const OWN_PREFIXES: &[&[u8]] = &[b"svg", b"xlink", b"xml"];

const REEXPORT: &str =
    "用绘图软件重新导出为“纯 SVG”（不含脚本、嵌入图片和外部链接），或者改用 PNG 图片";

/// The SVG without metadata, or the first thing in it that cannot be published.
pub(crate) fn clean(text: &str) -> Result<String, Refused> {
    let mut reader = Reader::from_str(text);
    let mut writer = Writer::new(Vec::with_capacity(text.len()));
    // Inside a removed element: how deep.
    let mut skipping = 0usize;
    let mut in_style = false;
    loop {
        let start = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let at = (reader.error_position() as usize).min(text.len());
            Refused {
                start: at,
                end: at,
                message: format!("SVG 文件格式有误，无法读取（{e}）"),
                hint: REEXPORT,
            }
        })?;
        let end = reader.buffer_position() as usize;
        let refuse = |message: String| Refused {
            start: start + text[start..end].find('<').unwrap_or(0),
            end,
            message,
            hint: REEXPORT,
        };
        let out = match event {
            Event::Eof => break,
            _ if skipping > 0 => {
                match event {
                    Event::Start(_) => skipping += 1,
                    Event::End(_) => skipping -= 1,
                    _ => {}
                }
                continue;
            }
            Event::Empty(e) if removed(&e) => continue,
            Event::Start(e) if removed(&e) => {
                skipping = 1;
                continue;
            }
            Event::Start(e) => {
                in_style = e.local_name().as_ref() == b"style";
                Event::Start(checked(&e).map_err(refuse)?)
            }
            Event::Empty(e) => Event::Empty(checked(&e).map_err(refuse)?),
            Event::End(e) => {
                in_style = false;
                Event::End(e)
            }
            Event::Text(t) if in_style => {
                let css = String::from_utf8_lossy(&t).into_owned();
                check_css(&css).map_err(refuse)?;
                Event::Text(t)
            }
            Event::CData(t) if in_style => {
                check_css(&String::from_utf8_lossy(&t)).map_err(refuse)?;
                Event::CData(t)
            }
            Event::Comment(_) | Event::PI(_) => continue,
            Event::DocType(d) if d.contains(&b'[') => {
                return Err(refuse(
                    "SVG 里有 DOCTYPE 声明（实体），可能引入外部内容".into(),
                ))
            }
            Event::DocType(_) => continue,
            other => other,
        };
        writer.write_event(out).map_err(|e| Refused {
            start,
            end,
            message: format!("SVG 无法写出（{e}）"),
            hint: REEXPORT,
        })?;
    }
    String::from_utf8(writer.into_inner()).map_err(|_| Refused {
        start: 0,
        end: 0,
        message: "SVG 不是 UTF-8 编码".into(),
        hint: REEXPORT,
    })
}

/// Elements removed with everything inside: `<metadata>` and an editor's own elements.
fn removed(e: &BytesStart) -> bool {
    let name = e.name();
    e.local_name().as_ref() == b"metadata"
        || name
            .prefix()
            .is_some_and(|p| !OWN_PREFIXES.contains(&p.as_ref()))
}

/// The element without an editor's attributes, or why it cannot be published.
fn checked(e: &BytesStart) -> Result<BytesStart<'static>, String> {
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let local = e.local_name().as_ref().to_ascii_lowercase();
    if local == b"script" || local == b"foreignobject" {
        return Err(format!(
            "SVG 里有 `<{name}>`，网站不发布含有脚本或嵌入网页的图片"
        ));
    }
    let mut out = BytesStart::new(name.clone());
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|err| format!("SVG 元素 `<{name}>` 的属性有误（{err}）"))?;
        let key = a.key;
        let key_text = String::from_utf8_lossy(key.as_ref()).into_owned();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| format!("SVG 属性 `{key_text}` 的值有误（{err}）"))?;
        let prefix = key.prefix().map(|p| p.as_ref().to_vec());
        let editor = match &prefix {
            Some(p) if p.as_slice() == b"xmlns" => {
                !OWN_PREFIXES.contains(&key.local_name().as_ref())
            }
            Some(p) => !OWN_PREFIXES.contains(&p.as_slice()),
            None => false,
        };
        // Editors' private attributes, and `data-*` ones (layer names, authors) no drawing uses.
        if editor || key.as_ref().starts_with(b"data-") {
            continue;
        }
        let local_key = key.local_name().as_ref().to_ascii_lowercase();
        if local_key.starts_with(b"on") {
            return Err(format!(
                "SVG 元素 `<{name}>` 有事件属性 `{key_text}`（脚本）"
            ));
        }
        if local_key == b"href" && !value.trim_start().starts_with('#') {
            return Err(format!(
                "SVG 元素 `<{name}>` 引用了外部内容或嵌入文件 `{}`",
                shorten(&value)
            ));
        }
        check_css(&value)?;
        if value.to_ascii_lowercase().contains("javascript:") {
            return Err(format!("SVG 属性 `{key_text}` 里有 javascript: 链接"));
        }
        // A single-quoted value may hold `"`: written back between double quotes, it is escaped.
        let raw = String::from_utf8_lossy(&a.value).replace('"', "&quot;");
        out.push_attribute((key.as_ref(), raw.as_bytes()));
    }
    Ok(out)
}

/// CSS may only point at the file's own parts.
fn check_css(css: &str) -> Result<(), String> {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") {
        return Err("SVG 的样式里有 @import（引入外部样式）".into());
    }
    for (i, _) in lower.match_indices("url(") {
        let arg = lower[i + 4..].trim_start().trim_start_matches(['"', '\'']);
        if !arg.starts_with('#') {
            return Err(format!("SVG 的样式引用了外部内容 `{}`", shorten(&css[i..])));
        }
    }
    Ok(())
}

/// The first 40 characters of a value, for messages.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(svg: &str) -> Refused {
        clean(svg).expect_err(svg)
    }

    #[test]
    fn a_plain_drawing_comes_out_as_it_went_in() {
        let svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 16 16\"><title>徽标 &amp; 名称</title><defs><linearGradient id=\"g\"/></defs><rect width=\"16\" height=\"16\" fill=\"url(#g)\" style=\"fill: url('#g')\"/><use xlink:href=\"#g\"/></svg>\n";
        assert_eq!(clean(svg).unwrap(), svg);
    }

    #[test]
    fn metadata_comments_and_editor_data_are_removed() {
        let svg = "<!-- Generator: Zhang San's Illustrator -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" inkscape:export-filename=\"/home/zhangsan/a.png\" data-name=\"Zhang San\" width=\"4\"><metadata><dc:creator>Zhang San</dc:creator><x/></metadata><inkscape:grid><inkscape:x/></inkscape:grid><i:pgf>QUJD</i:pgf><?xpacket begin=\"\"?><circle r=\"2\"/></svg>";
        assert_eq!(
            clean(svg).unwrap(),
            "\n\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\"><circle r=\"2\"/></svg>"
        );
    }

    #[test]
    fn active_content_and_outside_references_are_refused_where_they_stand() {
        let svg = "<svg>\n  <script>alert(1)</script></svg>";
        let r = refused(svg);
        assert_eq!(&svg[r.start..r.start + 7], "<script");
        assert!(r.message.contains("script"), "{}", r.message);
        for (svg, word) in [
            ("<svg><foreignObject/></svg>", "foreignObject"),
            ("<svg onload=\"x()\"/>", "onload"),
            (
                "<svg><a href=\"https://x.org/\"><rect/></a></svg>",
                "https://x.org/",
            ),
            (
                "<svg><a xlink:href=\"&#106;avascript:x()\"/></svg>",
                "javascript:x()",
            ),
            (
                "<svg><image href=\"data:image/jpeg;base64,AAAA\"/></svg>",
                "data:image/jpeg",
            ),
            (
                "<svg><style>@import url(https://x.org/a.css);</style></svg>",
                "@import",
            ),
            (
                "<svg><rect style=\"fill:url(https://x.org/#a)\"/></svg>",
                "url(https://x.org",
            ),
            ("<!DOCTYPE svg [<!ENTITY a \"b\">]><svg/>", "DOCTYPE"),
            ("<svg><rect></svg>", "格式有误"),
        ] {
            let r = refused(svg);
            assert!(r.message.contains(word), "{svg}: {}", r.message);
        }
    }
}
