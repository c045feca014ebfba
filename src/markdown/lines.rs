//! Pass 2: Chinese lines joined without a space (a soft line break between two CJK characters dropped).

use super::cjk::is_unspaced_cjk;
use super::{is_inline, Spanned};
use pulldown_cmark::Event;

/// Drops soft line breaks between two CJK characters: Chinese lines join without a space.
pub(super) fn join_cjk_lines(events: Vec<Spanned>) -> Vec<Spanned> {
    let mut dropped = vec![false; events.len()];
    let mut last: Option<char> = None;
    for (i, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Text(text) | Event::Code(text) => last = text.chars().next_back().or(last),
            Event::SoftBreak => {
                let next = first_char_after(&events[i + 1..]);
                dropped[i] = last.is_some_and(is_unspaced_cjk) && next.is_some_and(is_unspaced_cjk);
            }
            Event::HardBreak => last = None,
            event if is_inline(event) => {}
            _ => last = None,
        }
    }
    events
        .into_iter()
        .zip(dropped)
        .filter_map(|(spanned, dropped)| (!dropped).then_some(spanned))
        .collect()
}

/// The first character of text that follows, looking through inline tags, raw inline HTML
/// and footnote references; `None` at a line break or block boundary.
fn first_char_after(events: &[Spanned]) -> Option<char> {
    for (event, _) in events {
        match event {
            Event::Text(text) | Event::Code(text) => {
                if let Some(c) = text.chars().next() {
                    return Some(c);
                }
            }
            Event::SoftBreak | Event::HardBreak => return None,
            event if is_inline(event) => {}
            _ => return None,
        }
    }
    None
}
