//! Photos in a rendered body: where each `<img>` of the site's photos stands, so that pages show
//! the resized copies instead of the original (see `render::pictures`).

use std::ops::Range;

/// One `<img>` in a body's HTML that shows a photo of the site (JPEG, PNG or WebP).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyPicture {
    /// The whole `<img …>` tag in the body HTML.
    pub range: Range<usize>,
    /// Site URL path of the photo (`/craftsmen/zhang-wei/work.jpg`).
    pub url: String,
    /// The tag's other attributes as written (`alt`, `title`, a size…), each after a space;
    /// `src`, `srcset`, `sizes` and `loading` are left out (the resized copies set them).
    pub attrs: String,
    /// Byte offset in the content file of the Markdown image, for messages (`None` for an
    /// `<img>` written as HTML).
    pub at: Option<usize>,
    /// The editor gave the tag a `width` or `height` (kept in `attrs`): the page shows that size.
    pub sized: bool,
}

/// An `<img>` tag of sanitised HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImgTag {
    pub range: Range<usize>,
    /// The `src` value, entities decoded.
    pub src: String,
    /// See [`BodyPicture::attrs`].
    pub attrs: String,
    /// See [`BodyPicture::sized`].
    pub sized: bool,
}

/// Attributes the resized copies set themselves.
const REPLACED: &[&str] = &["src", "srcset", "sizes", "loading"];

/// Every `<img>` tag of `html`, which must be serialised HTML (as the Markdown renderer's
/// sanitiser writes it: lower-case names, values in double quotes, `<` in text escaped).
pub(crate) fn img_tags(html: &str) -> Vec<ImgTag> {
    // Every body is scanned when the site loads: memchr's search keeps that a small cost.
    let mut out: Vec<ImgTag> = Vec::new();
    for start in memchr::memmem::find_iter(html.as_bytes(), b"<img") {
        let inside_last = out.last().is_some_and(|t| start < t.range.end);
        let after = html.as_bytes().get(start + 4);
        if inside_last || !matches!(after, Some(b' ' | b'>' | b'/')) {
            continue;
        }
        out.extend(one_tag(html, start));
    }
    out
}

/// The tag starting at `start` (`<img`), read attribute by attribute.
fn one_tag(html: &str, start: usize) -> Option<ImgTag> {
    let b = html.as_bytes();
    let mut i = start + 4;
    let mut src = None;
    let mut attrs = String::new();
    let mut sized = false;
    loop {
        while b
            .get(i)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b'/')
        {
            i += 1;
        }
        if *b.get(i)? == b'>' {
            return Some(ImgTag {
                range: start..i + 1,
                src: src?,
                attrs,
                sized,
            });
        }
        let name_start = i;
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/'))
        {
            i += 1;
        }
        let name = &html[name_start..i];
        let mut value = None;
        if b.get(i) == Some(&b'=') {
            i += 1;
            let (v, end) = if b.get(i) == Some(&b'"') {
                let close = i + 1 + html[i + 1..].find('"')?;
                (&html[i + 1..close], close + 1)
            } else {
                let len = html[i..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(html.len() - i);
                (&html[i..i + len], i + len)
            };
            value = Some(v);
            i = end;
        }
        if name == "src" {
            src = value.map(unescape);
        } else if !REPLACED.contains(&name) {
            sized |= name == "width" || name == "height";
            attrs.push(' ');
            attrs.push_str(name);
            if let Some(v) = value {
                attrs.push_str("=\"");
                attrs.push_str(v);
                attrs.push('"');
            }
        }
    }
}

/// Decodes the entities a serialiser writes in attribute values.
fn unescape(v: &str) -> String {
    if !v.contains('&') {
        return v.to_string();
    }
    v.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn img_tags_are_found_with_their_source_and_other_attributes() {
        let html = "<p>a &lt;img src=\"no\"&gt; <img src=\"x&amp;y.jpg\" alt=\"a > b\" title=\"t\" loading=\"lazy\" width=\"3\"></p><imgx src=\"no\"><img alt=\"no src\"><img src=\"/base/z.png\">";
        let tags = img_tags(html);
        assert_eq!(tags.len(), 2, "{tags:?}");
        assert_eq!(tags[0].src, "x&y.jpg");
        assert_eq!(tags[0].attrs, " alt=\"a > b\" title=\"t\" width=\"3\"");
        assert!(tags[0].sized);
        assert!(!tags[1].sized);
        assert_eq!(
            &html[tags[0].range.clone()],
            "<img src=\"x&amp;y.jpg\" alt=\"a > b\" title=\"t\" loading=\"lazy\" width=\"3\">"
        );
        assert_eq!(tags[1].src, "/base/z.png");
        assert_eq!(tags[1].attrs, "");
    }
}
