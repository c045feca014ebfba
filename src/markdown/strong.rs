//! Pass 1: `**` next to CJK punctuation paired again, which pulldown-cmark 0.13 gets wrong.
//!
//!
//! Only runs (the inline content of one paragraph, heading or cell) where some `**` is judged
//! differently by CommonMark and by the CJK-friendly amendment are touched: there, every `**`
//! delimiter, paired or not, is taken apart and paired again, level by level, with a
//! delimiter stack. Single `*` and `__` are left as pulldown-cmark parsed them.

use super::cjk::is_cjk;
use super::{is_inline, Spanned};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// One piece of an inline run, with `**` delimiters taken apart.
enum Piece<'a> {
    Event(Event<'a>, std::ops::Range<usize>),
    /// An unescaped `*` at this source offset.
    Star(usize),
    /// A `**` delimiter (a run of exactly two stars) starting at this source offset.
    Marker(usize),
}

#[derive(Clone, Copy, PartialEq)]
enum Role {
    Literal,
    Open,
    Close,
}

/// Re-pairs `**` in every inline run where a `**` sits beside CJK text or punctuation
/// in a way that the CJK-friendly rules judge differently from CommonMark's.
pub(super) fn repair<'a>(source: &'a str, events: Vec<Spanned<'a>>) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut run = Vec::new();
    let mut in_code = false;
    for spanned in events {
        if !in_code && is_inline(&spanned.0) {
            run.push(spanned);
            continue;
        }
        match spanned.0 {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        flush(source, &mut run, &mut out);
        out.push(spanned);
    }
    flush(source, &mut run, &mut out);
    out
}

fn flush<'a>(source: &'a str, run: &mut Vec<Spanned<'a>>, out: &mut Vec<Spanned<'a>>) {
    let has_star = run.iter().any(|(event, _)| match event {
        Event::Text(text) => text.contains('*'),
        Event::Start(Tag::Strong) => true,
        _ => false,
    });
    if !has_star {
        out.append(run);
        return;
    }
    let pieces = markers(source, split(source, run.clone()));
    let differs = pieces.iter().any(|piece| match piece {
        Piece::Marker(at) => {
            let (before, after) = around(source, *at);
            flanking(before, after, true) != flanking(before, after, false)
        }
        _ => false,
    });
    if !differs {
        out.append(run);
        return;
    }
    run.clear();
    let roles = pair(source, &pieces);
    emit(pieces, &roles, out);
}

/// Splits verbatim text into text and stars; turns `**`-delimited strong into stars.
fn split<'a>(source: &'a str, run: Vec<Spanned<'a>>) -> Vec<Piece<'a>> {
    let mut pieces = Vec::with_capacity(run.len());
    let mut strong_taken_apart = Vec::new();
    for (event, range) in run {
        match event {
            Event::Text(ref text) if source.get(range.clone()) == Some(&**text) => {
                let mut start = range.start;
                for (i, _) in text.match_indices('*') {
                    let at = range.start + i;
                    if is_escaped(source, at) {
                        continue;
                    }
                    if start < at {
                        pieces.push(text_piece(source, start..at));
                    }
                    pieces.push(Piece::Star(at));
                    start = at + 1;
                }
                if start < range.end {
                    pieces.push(text_piece(source, start..range.end));
                }
            }
            Event::Start(Tag::Strong) => {
                let apart = is_double_star(source, &range);
                strong_taken_apart.push(apart);
                if apart {
                    pieces.push(Piece::Star(range.start));
                    pieces.push(Piece::Star(range.start + 1));
                } else {
                    pieces.push(Piece::Event(event, range));
                }
            }
            Event::End(TagEnd::Strong) if strong_taken_apart.pop() == Some(true) => {
                pieces.push(Piece::Star(range.end - 2));
                pieces.push(Piece::Star(range.end - 1));
            }
            _ => pieces.push(Piece::Event(event, range)),
        }
    }
    pieces
}

fn text_piece(source: &str, range: std::ops::Range<usize>) -> Piece<'_> {
    Piece::Event(Event::Text(CowStr::Borrowed(&source[range.clone()])), range)
}

/// An odd number of backslashes before `at` escapes the character there.
fn is_escaped(source: &str, at: usize) -> bool {
    let backslashes = source.as_bytes()[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count();
    backslashes % 2 == 1
}

/// Strong written `**…**` with runs of exactly two stars on both sides.
fn is_double_star(source: &str, range: &std::ops::Range<usize>) -> bool {
    let bytes = source.as_bytes();
    let star = |i: usize| bytes.get(i) == Some(&b'*');
    range.end >= range.start + 4
        && star(range.start)
        && star(range.start + 1)
        && !star(range.start + 2)
        && (range.start == 0 || !star(range.start - 1))
        && star(range.end - 1)
        && star(range.end - 2)
        && !star(range.end - 3)
        && !star(range.end)
}

/// Joins two adjacent stars that form a run of exactly two in the source into a marker.
fn markers<'a>(source: &str, pieces: Vec<Piece<'a>>) -> Vec<Piece<'a>> {
    let bytes = source.as_bytes();
    let mut out = Vec::with_capacity(pieces.len());
    let mut pieces = pieces.into_iter().peekable();
    while let Some(piece) = pieces.next() {
        let Piece::Star(at) = piece else {
            out.push(piece);
            continue;
        };
        let paired = matches!(pieces.peek(), Some(Piece::Star(next)) if *next == at + 1);
        let alone = (at == 0 || bytes[at - 1] != b'*') && bytes.get(at + 2) != Some(&b'*');
        if paired && alone {
            pieces.next();
            out.push(Piece::Marker(at));
        } else {
            out.push(Piece::Star(at));
        }
    }
    out
}

/// Pairs markers level by level with a delimiter stack, CJK-friendly flanking rules.
fn pair(source: &str, pieces: &[Piece]) -> Vec<Role> {
    let mut roles = vec![Role::Literal; pieces.len()];
    let mut openers: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Event(Event::Start(_), _) => openers.push(Vec::new()),
            Piece::Event(Event::End(_), _) if openers.len() > 1 => {
                openers.pop();
            }
            Piece::Marker(at) => {
                let (before, after) = around(source, *at);
                let Some(level) = openers.last_mut() else {
                    continue;
                };
                let (can_open, can_close) = flanking(before, after, true);
                if can_close {
                    if let Some(opener) = level.pop() {
                        roles[opener] = Role::Open;
                        roles[i] = Role::Close;
                        continue;
                    }
                }
                if can_open {
                    level.push(i);
                }
            }
            _ => {}
        }
    }
    roles
}

fn emit<'a>(pieces: Vec<Piece<'a>>, roles: &[Role], out: &mut Vec<super::Spanned<'a>>) {
    for (piece, role) in pieces.into_iter().zip(roles) {
        let spanned = match (piece, role) {
            (Piece::Event(event, range), _) => (event, range),
            (Piece::Star(at), _) => (Event::Text("*".into()), at..at + 1),
            (Piece::Marker(at), Role::Open) => (Event::Start(Tag::Strong), at..at + 2),
            (Piece::Marker(at), Role::Close) => (Event::End(TagEnd::Strong), at..at + 2),
            (Piece::Marker(at), Role::Literal) => (Event::Text("**".into()), at..at + 2),
        };
        push_merging_text(out, spanned);
    }
}

/// Appends an event, joining it to the previous one when both are text.
fn push_merging_text<'a>(out: &mut Vec<Spanned<'a>>, (event, range): Spanned<'a>) {
    if let (Event::Text(text), Some((Event::Text(last), last_range))) = (&event, out.last_mut()) {
        let mut joined = String::with_capacity(last.len() + text.len());
        joined.push_str(last);
        joined.push_str(text);
        *last = joined.into();
        last_range.end = range.end.max(last_range.end);
        return;
    }
    out.push((event, range));
}

/// The characters just before and just after the `**` at `at`.
fn around(source: &str, at: usize) -> (Option<char>, Option<char>) {
    let before = source.get(..at).and_then(|s| s.chars().next_back());
    let after = source.get(at + 2..).and_then(|s| s.chars().next());
    (before, after)
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

/// Whether a `**` between `before` and `after` can open and can close strong emphasis.
/// CommonMark's rule; with `cjk`, the CJK-friendly amendment: CJK punctuation does not
/// count as punctuation on the inner side, and a CJK character outside is as good as a space.
fn flanking(before: Option<char>, after: Option<char>, cjk: bool) -> (bool, bool) {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let inner_punctuation =
        |c: Option<char>| c.is_some_and(|c| is_punctuation(c) && !(cjk && is_cjk(c)));
    let outer_boundary =
        |c: Option<char>| space(c) || c.is_some_and(|c| is_punctuation(c) || (cjk && is_cjk(c)));
    let left = !space(after) && (!inner_punctuation(after) || outer_boundary(before));
    let right = !space(before) && (!inner_punctuation(before) || outer_boundary(after));
    (left, right)
}
