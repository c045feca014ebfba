//! The text of a document: plain text for search and summaries, and what it publishes with where each piece stands (for the personal-data scan).

use super::{is_inline, SourceText, Spanned};
use pulldown_cmark::{Event, Tag, TagEnd};

/// What a document publishes as text, in source order: its text and code, raw HTML as a reader
/// gets it ([`crate::html_text::published`]), then link and image addresses and titles
/// (percent-decoded), each with its place in the input.
pub(super) fn published_text(events: &[Spanned]) -> SourceText {
    let mut out = SourceText::default();
    let mut addresses: Vec<(String, usize)> = Vec::new();
    for (event, range) in events {
        match event {
            Event::Text(text) | Event::Code(text) => out.push(text, range.start),
            Event::SoftBreak | Event::HardBreak => out.push("\n", range.start),
            Event::Html(raw) | Event::InlineHtml(raw) => {
                out.push(&crate::html_text::published(raw), range.start)
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            })
            | Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let url = percent_encoding::percent_decode_str(dest_url).decode_utf8_lossy();
                addresses.push((format!("{url}\n{title}\n"), range.start));
            }
            event if is_inline(event) => {}
            _ => out.push("\n", range.start),
        }
    }
    if let Some(&(_, first)) = addresses.first() {
        out.push("\n", first);
    }
    for (piece, origin) in &addresses {
        out.push(piece, *origin);
    }
    out
}

/// Plain text: text and code kept, markup dropped, a newline at every block boundary,
/// table cells separated by tabs.
pub(super) fn plain_text(events: &[Event]) -> String {
    let mut out = String::new();
    let mut html = String::new();
    for event in events {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(text),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Html(raw) => html.push_str(raw),
            Event::End(TagEnd::HtmlBlock) => {
                end_line(&mut out);
                out.push_str(crate::html_text::decode_entities(&strip_tags(&html)).trim());
                html.clear();
                end_line(&mut out);
            }
            Event::Start(Tag::TableCell) => {}
            Event::End(TagEnd::TableCell) => out.push('\t'),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                out.truncate(out.trim_end_matches('\t').len());
                end_line(&mut out);
            }
            event if is_inline(event) => {}
            _ => end_line(&mut out),
        }
    }
    out.trim().to_owned()
}

fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Text of raw HTML: tags and comments dropped, script and style contents dropped.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tail = &rest[lt..];
        let bytes = tail.as_bytes();
        let is_tag = bytes
            .get(1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
        if !is_tag {
            out.push('<');
            rest = &tail[1..];
            continue;
        }
        let raw_text = ["script", "style"].into_iter().find(|name| {
            bytes
                .get(1..1 + name.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
        });
        let end = if tail.starts_with("<!--") {
            tail.find("-->").map(|i| i + 3)
        } else if let Some(name) = raw_text {
            find_ignoring_case(tail, &format!("</{name}"))
                .and_then(|i| tail[i..].find('>').map(|j| i + j + 1))
        } else {
            tail.find('>').map(|i| i + 1)
        };
        rest = end.map_or("", |end| &tail[end..]);
    }
    out.push_str(rest);
    out
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}
