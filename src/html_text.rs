//! The text a reader can get out of a piece of HTML: characters with entities decoded, attribute values, comments and scripts; markup dropped.
//!
//! Used to check what is published, not what was typed: `139<b>1234</b>5678` reads as
//! `13912345678`, `&#49;` as `1`. Text inside inline elements (`<span>`, `<strong>`, `<a>` …)
//! runs on as the reader sees it; block elements, line breaks, attribute values, comments and
//! script contents stand on lines of their own. The tokenizer is lenient (a `<` that opens no
//! tag is text) and linear in the input.

use std::borrow::Cow;

/// Elements whose boundaries do not break the text (a reader sees their text run on).
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img",
    "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var", "wbr",
];

/// Everything published in `html` as text: the text a reader sees first (inline markup joins,
/// blocks break lines), then, each on a line of its own, attribute values, comments and the
/// contents of scripts and styles. See the module documentation.
pub fn published(html: &str) -> String {
    let (mut out, apart) = published_parts(html);
    if !apart.is_empty() {
        end_line(&mut out);
        out.push_str(&apart);
    }
    out
}

/// [`published`] in its two parts: the text a reader sees, and what stands apart (attribute
/// values, comments, scripts and styles), one per line.
pub fn published_parts(html: &str) -> (String, String) {
    let mut out = String::with_capacity(html.len());
    let mut apart = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let tail = &rest[lt..];
        if let Some(body) = tail.strip_prefix("<!--") {
            let end = body.find("-->").unwrap_or(body.len());
            line(&mut apart, &decode_entities(&body[..end]));
            rest = body.get(end + 3..).unwrap_or("");
            continue;
        }
        let Some(tag) = Tag::read(tail) else {
            out.push('<');
            rest = &tail[1..];
            continue;
        };
        if tag.name == "br" || !INLINE.contains(&tag.name.as_str()) {
            end_line(&mut out);
        }
        for value in &tag.values {
            line(&mut apart, &decode_entities(value));
        }
        rest = &tail[tag.len..];
        if !tag.closing && matches!(tag.name.as_str(), "script" | "style" | "textarea" | "title") {
            let end = find_ignoring_case(rest, &format!("</{}", tag.name)).unwrap_or(rest.len());
            let raw = &rest[..end];
            if tag.name == "script" || tag.name == "style" {
                line(&mut apart, raw);
            } else {
                out.push_str(&decode_entities(raw));
            }
            rest = &rest[end..];
        }
    }
    out.push_str(&decode_entities(rest));
    (out, apart)
}

/// Appends `text` on a line of its own.
fn line(out: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    end_line(out);
    out.push_str(text);
    out.push('\n');
}

fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// One tag: its lowercased name, whether it closes, its attribute values, its length in bytes.
struct Tag {
    name: String,
    closing: bool,
    values: Vec<String>,
    len: usize,
}

impl Tag {
    /// Reads the tag that `s` starts with (`<…>`); `None` when `<` opens no tag.
    fn read(s: &str) -> Option<Tag> {
        let b = s.as_bytes();
        let mut i = 1;
        let closing = b.get(1) == Some(&b'/');
        i += usize::from(closing);
        let name_start = i;
        if !b
            .get(i)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'!' || *c == b'?')
        {
            return None;
        }
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>' && *c != b'/')
        {
            i += 1;
        }
        let name = s[name_start..i].to_ascii_lowercase();
        let mut values = Vec::new();
        loop {
            while b
                .get(i)
                .is_some_and(|c| c.is_ascii_whitespace() || *c == b'/')
            {
                i += 1;
            }
            match b.get(i) {
                None => {
                    return Some(Tag {
                        name,
                        closing,
                        values,
                        len: s.len(),
                    })
                }
                Some(b'>') => {
                    return Some(Tag {
                        name,
                        closing,
                        values,
                        len: i + 1,
                    })
                }
                _ => {}
            }
            // An attribute name, then maybe `= value`.
            while b
                .get(i)
                .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/'))
            {
                i += 1;
            }
            while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
                i += 1;
            }
            if b.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
                i += 1;
            }
            let (start, end, next) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let start = i + 1;
                    let end = s[start..]
                        .find(char::from(q))
                        .map_or(s.len(), |e| start + e);
                    (start, end, (end + 1).min(s.len()))
                }
                _ => {
                    let start = i;
                    let mut end = i;
                    while b
                        .get(end)
                        .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>')
                    {
                        end += 1;
                    }
                    (start, end, end)
                }
            };
            values.push(s[start..end].to_string());
            i = next;
        }
    }
}

/// Decodes character references: every numeric one (`&#49;`, `&#x31;`) and the named ones
/// that stand for spaces, dashes, brackets and the HTML specials. Others stay as written.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        match reference(tail) {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether `s` holds a character reference [`decode_entities`] reads.
pub fn has_reference(s: &str) -> bool {
    s.match_indices('&')
        .any(|(i, _)| reference(&s[i..]).is_some())
}

/// The character a reference at the start of `s` stands for, and the reference's length.
fn reference(s: &str) -> Option<(char, usize)> {
    let body_end = s[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .map_or(s.len(), |i| i + 1);
    let body = &s[1..body_end];
    // Browsers accept a missing `;` after numeric references.
    let len = body_end + usize::from(s[body_end..].starts_with(';'));
    if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return Some((char::from_u32(code).unwrap_or('\u{FFFD}'), len));
    }
    if !s[body_end..].starts_with(';') {
        return None;
    }
    let c = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "NonBreakingSpace" => '\u{a0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "hairsp" => '\u{200a}',
        "numsp" => '\u{2007}',
        "puncsp" => '\u{2008}',
        "ThinSpace" => '\u{2009}',
        "NewLine" => '\n',
        "Tab" => '\t',
        "hyphen" | "dash" => '\u{2010}',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "middot" | "centerdot" | "CenterDot" => '·',
        "period" => '.',
        "lpar" => '(',
        "rpar" => ')',
        "colon" => ':',
        "sol" => '/',
        "bsol" => '\\',
        "plus" => '+',
        "num" => '#',
        "shy" => '\u{ad}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "ZeroWidthSpace" => '\u{200b}',
        "NoBreak" => '\u{2060}',
        _ => return None,
    };
    Some((c, len))
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_does_not_split_text() {
        assert_eq!(
            published("<p>电话139<span>1234</span><b>5678</b>。</p>"),
            "电话13912345678。\n"
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            published("&#49;&#x33;8&nbsp;1234&ndash;5678"),
            "138\u{a0}1234–5678"
        );
        assert_eq!(published("a &amp; b &unknown; &"), "a & b &unknown; &");
        assert_eq!(decode_entities("&#49"), "1");
        assert_eq!(
            decode_entities("java&#x09;script&colon;x"),
            "java\tscript:x"
        );
        assert!(has_reference("&#106&#97;") && has_reference("a&amp;b"));
        assert!(!has_reference("/s/?a=1&b=2&") && !has_reference("&#;&#x;"));
    }

    #[test]
    fn blocks_break_lines_and_attributes_stand_apart() {
        let text = published(
            "<ul><li>一</li><li>二</li></ul><a href=\"tel:138&#49;2345678\" title='x'>打电话</a>",
        );
        assert_eq!(text, "一\n二\n打电话\ntel:13812345678\nx\n");
        assert_eq!(
            published("139<span title=\"x\">1234</span>5678"),
            "13912345678\nx\n"
        );
    }

    #[test]
    fn comments_scripts_and_unquoted_values_are_published_too() {
        let text = published(
            "<p>a</p><!-- 备注 --><script type=application/ld+json>{\"t\":\"&lt;\"}</script><img alt=照片 src=a.jpg>",
        );
        for part in [
            "备注",
            "application/ld+json",
            "{\"t\":\"&lt;\"}",
            "照片",
            "a.jpg",
        ] {
            assert!(text.contains(part), "{part} in {text:?}");
        }
    }

    #[test]
    fn broken_markup_is_text_or_ends_quietly() {
        assert_eq!(published("1 < 2"), "1 < 2");
        assert_eq!(published("<p title=\"x"), "x\n");
        assert_eq!(published("<!-- open"), " open\n");
        assert_eq!(published("<"), "<");
        assert_eq!(published("<script>x"), "x\n");
    }
}
