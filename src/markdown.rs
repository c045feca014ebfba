//! Markdown → safe HTML, with headings, links and plain text for the rest of the pipeline.
//!
//! One pass of pulldown-cmark, then a few event-stream fixes for Chinese text, then ammonia:
//!
//! 1. `**` beside CJK punctuation (`**注意：**正文`) is paired again with the CJK-friendly
//!    flanking rules, because pulldown-cmark 0.13 leaves it literal or pairs it wrongly
//!    (`**注意：**正文**强调**` comes out nested);
//! 2. a soft line break between two CJK characters is dropped (`上海\n工匠` → `上海工匠`);
//! 3. every heading gets a unique id (Chinese kept), footnotes get `fn-N`/`fnref-N` ids and are
//!    gathered at the end, table alignment becomes a class instead of inline style;
//! 4. the HTML goes through ammonia, which also prefixes root-relative URLs with the base path
//!    and marks images `loading="lazy"`.
//!
//! Every step is a single walk over the events: rendering stays linear in the input size.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{
    Alignment, CowStr, Event, LinkType, Options as CmarkOptions, Parser, Tag, TagEnd,
};
use serde::Serialize;

/// How to render: settings that come from the site, not from the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options<'a> {
    /// Where the site lives, e.g. `/` or `/gongjiang/`: prefixed to root-relative URLs.
    pub base_path: &'a str,
}

/// A rendered document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    /// Sanitised HTML.
    pub html: String,
    /// Plain text (code and footnotes included); block boundaries become `'\n'`.
    pub text: String,
    /// Every heading in document order.
    pub headings: Vec<Heading>,
    /// Every Markdown link destination as written (before base-path prefixing).
    pub links: Vec<Link>,
    /// Every Markdown image source as written.
    pub images: Vec<Link>,
    /// What the document publishes as text, in source order, with where each piece stands in
    /// the input: for finding personal data and pointing at its line. Empty when the input has
    /// too few digits to hold a personal number.
    #[serde(skip)]
    pub published: SourceText,
    /// What the sanitiser removes from the raw HTML typed in the document, where it stands.
    #[serde(skip)]
    pub removed: Vec<crate::raw_html::Removal>,
}

/// Text in source order, each piece with the byte offset in the input it comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceText {
    pub text: String,
    /// (offset in `text`, offset in the input) where each piece starts, in order.
    origins: Vec<(usize, usize)>,
}

impl SourceText {
    fn push(&mut self, piece: &str, origin: usize) {
        if piece.is_empty() {
            return;
        }
        self.origins.push((self.text.len(), origin));
        self.text.push_str(piece);
    }

    /// The input offset of the piece that holds `text` offset `at`.
    pub fn origin(&self, at: usize) -> usize {
        let i = self.origins.partition_point(|&(t, _)| t <= at);
        i.checked_sub(1).map_or(0, |i| self.origins[i].1)
    }
}

/// A heading and the id its anchor got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// Unique within the document; never empty.
    pub id: String,
    /// Plain text of the heading.
    pub text: String,
}

/// A link or image destination and where it starts in the Markdown input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The URL as written; an e-mail autolink `<a@b.cn>` is recorded as `mailto:a@b.cn`.
    pub url: String,
    /// Byte offset of the `[` (or `!` of an image, `<` of an autolink) in the input.
    pub offset: usize,
}

/// Renders one Markdown document. Never panics; the same input always gives the same output.
pub fn render(markdown: &str, options: &Options) -> Rendered {
    let parser_options = CmarkOptions::ENABLE_TABLES
        | CmarkOptions::ENABLE_FOOTNOTES
        | CmarkOptions::ENABLE_STRIKETHROUGH
        | CmarkOptions::ENABLE_HEADING_ATTRIBUTES;
    let parsed: Vec<Spanned> = Parser::new_ext(markdown, parser_options)
        .into_offset_iter()
        .map(|(event, range)| (without_controls(event), range))
        .collect();
    let removed = if memchr::memchr(b'<', markdown.as_bytes()).is_some() {
        crate::raw_html::removals(markdown, &raw_html_ranges(&parsed), allowed())
    } else {
        Vec::new()
    };
    let spanned = join_cjk_lines(strong::repair(markdown, parsed));
    let (links, images) = collect_links(&spanned);
    // Only text that can hold a personal number is looked at again.
    let published = if crate::privacy::numbers::may_hold_one(markdown) {
        published_text(&spanned)
    } else {
        SourceText::default()
    };
    let mut events: Vec<Event> = spanned.into_iter().map(|(event, _)| event).collect();
    let footnotes = Footnotes::number(&events);
    let headings = assign_heading_ids(&mut events, footnotes.reserved_ids());
    let events = move_footnotes_last(events, &footnotes);
    let text = plain_text(&events);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, html_events(events, &footnotes).into_iter());
    let mut html = sanitizer(options.base_path).clean(&raw).to_string();
    // Character references inside raw HTML (`<b>&#x1b;</b>`) are decoded by the sanitiser.
    if html.contains(is_stray_control) {
        html.retain(|c| !is_stray_control(c));
    }
    Rendered {
        html,
        text,
        headings,
        links,
        images,
        published,
        removed,
    }
}

/// Where the raw HTML of a document stands: each HTML block whole, each inline tag.
fn raw_html_ranges(events: &[Spanned]) -> Vec<Range<usize>> {
    events
        .iter()
        .filter(|(event, _)| matches!(event, Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_)))
        .map(|(_, range)| range.clone())
        .collect()
}

/// What the sanitiser allows, read from it once.
pub fn allowed() -> &'static crate::raw_html::Allowed {
    static ALLOWED: std::sync::OnceLock<crate::raw_html::Allowed> = std::sync::OnceLock::new();
    ALLOWED.get_or_init(|| {
        let builder = sanitizer("");
        crate::raw_html::Allowed {
            tags: builder.clone_tags(),
            clean_content: builder.clone_clean_content_tags(),
        }
    })
}

type Spanned<'a> = (Event<'a>, Range<usize>);

use crate::load::text::is_stray_control;

/// The event without the control characters that character references (`&#11;`, `&#x85;`) put
/// into its text: the file itself is clean already ([`crate::load::text`]).
fn without_controls(event: Event) -> Event {
    fn clean(t: CowStr) -> CowStr {
        if t.contains(is_stray_control) {
            CowStr::from(
                t.chars()
                    .filter(|&c| !is_stray_control(c))
                    .collect::<String>(),
            )
        } else {
            t
        }
    }
    match event {
        Event::Text(t) => Event::Text(clean(t)),
        Event::Code(t) => Event::Code(clean(t)),
        Event::Html(t) => Event::Html(clean(t)),
        Event::InlineHtml(t) => Event::InlineHtml(clean(t)),
        event => event,
    }
}

/// True for characters that belong to Chinese, Japanese or Korean writing (East Asian wide).
fn is_cjk(c: char) -> bool {
    is_unspaced_cjk(c)
        || matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}')
}

/// CJK characters whose text is written without spaces (Hangul is not: Korean uses spaces).
fn is_unspaced_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'     // radicals
        | '\u{2FF0}'..='\u{303F}'   // description characters, CJK symbols and punctuation
        | '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{3100}'..='\u{312F}'   // bopomofo
        | '\u{3190}'..='\u{31FF}'   // kanbun, bopomofo ext., strokes, katakana ext.
        | '\u{3200}'..='\u{4DBF}'   // enclosed, compatibility, extension A
        | '\u{4E00}'..='\u{9FFF}'   // unified ideographs
        | '\u{A000}'..='\u{A4CF}'   // Yi
        | '\u{F900}'..='\u{FAFF}'   // compatibility ideographs
        | '\u{FE10}'..='\u{FE1F}'   // vertical forms
        | '\u{FE30}'..='\u{FE6F}'   // compatibility and small forms
        | '\u{FF00}'..='\u{FFEF}'   // half-width and full-width forms
        | '\u{1B000}'..='\u{1B16F}' // kana supplement and extensions
        | '\u{20000}'..='\u{3FFFF}' // supplementary ideographic planes
    )
}

/// Events that live inside a paragraph, heading or table cell.
fn is_inline(event: &Event) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Html(_) | Event::Rule => false,
        _ => true,
    }
}

/// Re-pairing of `**` next to CJK punctuation, which pulldown-cmark 0.13 gets wrong.
///
/// Only runs (the inline content of one paragraph, heading or cell) where some `**` is judged
/// differently by CommonMark and by the CJK-friendly amendment are touched: there, every `**`
/// delimiter, paired or not, is taken apart and paired again, level by level, with a
/// delimiter stack. Single `*` and `__` are left as pulldown-cmark parsed them.
mod strong {
    use super::{is_cjk, is_inline, Spanned};
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
        if let (Event::Text(text), Some((Event::Text(last), last_range))) = (&event, out.last_mut())
        {
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
        let outer_boundary = |c: Option<char>| {
            space(c) || c.is_some_and(|c| is_punctuation(c) || (cjk && is_cjk(c)))
        };
        let left = !space(after) && (!inner_punctuation(after) || outer_boundary(before));
        let right = !space(before) && (!inner_punctuation(before) || outer_boundary(after));
        (left, right)
    }
}

/// Drops soft line breaks between two CJK characters: Chinese lines join without a space.
fn join_cjk_lines(events: Vec<Spanned>) -> Vec<Spanned> {
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

fn collect_links(events: &[Spanned]) -> (Vec<Link>, Vec<Link>) {
    let mut links = Vec::new();
    let mut images = Vec::new();
    for (event, range) in events {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let url = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                links.push(Link {
                    url,
                    offset: range.start,
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) => images.push(Link {
                url: dest_url.to_string(),
                offset: range.start,
            }),
            _ => {}
        }
    }
    (links, images)
}

/// Footnote numbers (in order of first reference, unreferenced definitions last) and how
/// often each one is referenced.
#[derive(Default)]
struct Footnotes {
    numbers: HashMap<String, usize>,
    references: Vec<usize>,
}

impl Footnotes {
    fn number(events: &[Event]) -> Self {
        let mut footnotes = Footnotes::default();
        for event in events {
            if let Event::FootnoteReference(label) = event {
                let n = footnotes.assign(label);
                footnotes.references[n - 1] += 1;
            }
        }
        for event in events {
            if let Event::Start(Tag::FootnoteDefinition(label)) = event {
                footnotes.assign(label);
            }
        }
        footnotes
    }

    /// Labels match the way CommonMark matches them: case-folded, whitespace collapsed.
    fn key(label: &str) -> String {
        label
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    fn assign(&mut self, label: &str) -> usize {
        let next = self.numbers.len() + 1;
        let n = *self.numbers.entry(Self::key(label)).or_insert(next);
        if n == next {
            self.references.push(0);
        }
        n
    }

    fn get(&self, label: &str) -> usize {
        self.numbers.get(&Self::key(label)).copied().unwrap_or(0)
    }

    fn reference_id(n: usize, nth: usize) -> String {
        match nth {
            0 | 1 => format!("fnref-{n}"),
            _ => format!("fnref-{n}-{nth}"),
        }
    }

    /// Every id the footnote markup will use, so that headings avoid them.
    fn reserved_ids(&self) -> HashSet<String> {
        let mut ids = HashSet::new();
        for (i, &count) in self.references.iter().enumerate() {
            ids.insert(format!("fn-{}", i + 1));
            for nth in 1..=count.max(1) {
                ids.insert(Self::reference_id(i + 1, nth));
            }
        }
        ids
    }
}

/// Ids already taken in a document, and the next suffix to try for each base.
struct Ids {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    fn unique(&mut self, base: String) -> String {
        let base = if base.is_empty() {
            "section".to_owned()
        } else {
            base
        };
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(1);
        loop {
            let candidate = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// Heading text to id: letters and digits kept (Chinese included), ASCII lowercased,
/// whitespace to `-`, punctuation and symbols dropped.
fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_whitespace() {
            dash = !slug.is_empty();
        } else if c.is_alphanumeric() || c == '-' || c == '_' {
            if dash {
                slug.push('-');
                dash = false;
            }
            slug.push(c.to_ascii_lowercase());
        }
    }
    slug
}

/// Gives every heading an id (an explicit `{#id}` wins) and drops other heading attributes.
fn assign_heading_ids(events: &mut [Event], reserved: HashSet<String>) -> Vec<Heading> {
    let mut ids = Ids {
        used: reserved,
        next: HashMap::new(),
    };
    for event in events.iter() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
            ids.used.insert(id.to_string());
        }
    }
    let mut headings = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for i in 0..events.len() {
        if let Event::End(TagEnd::Heading(_)) = events[i] {
            if let Some((start, text)) = open.take() {
                headings.extend(name_heading(&mut events[start], text.trim(), &mut ids));
            }
        } else if let Event::Start(Tag::Heading { .. }) = events[i] {
            open = Some((i, String::new()));
        } else if let Some((_, text)) = &mut open {
            match &events[i] {
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
        }
    }
    headings
}

fn name_heading(event: &mut Event, text: &str, ids: &mut Ids) -> Option<Heading> {
    let Event::Start(Tag::Heading {
        level,
        id,
        classes,
        attrs,
    }) = event
    else {
        return None;
    };
    let chosen = match id {
        Some(explicit) if !explicit.is_empty() => explicit.to_string(),
        _ => ids.unique(slugify(text)),
    };
    *id = Some(chosen.clone().into());
    classes.clear();
    attrs.clear();
    Some(Heading {
        level: *level as u8,
        id: chosen,
        text: text.to_owned(),
    })
}

/// Moves footnote definitions out of the flow to the end, in footnote-number order.
fn move_footnotes_last<'a>(events: Vec<Event<'a>>, footnotes: &Footnotes) -> Vec<Event<'a>> {
    let mut main = Vec::with_capacity(events.len());
    let mut open: Vec<Vec<Event>> = Vec::new();
    let mut done: Vec<Vec<Event>> = Vec::new();
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => open.push(vec![event]),
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some(mut definition) = open.pop() {
                    definition.push(event);
                    done.push(definition);
                }
            }
            event => match open.last_mut() {
                Some(definition) => definition.push(event),
                None => main.push(event),
            },
        }
    }
    done.sort_by_key(|definition| match definition.first() {
        Some(Event::Start(Tag::FootnoteDefinition(label))) => footnotes.get(label),
        _ => 0,
    });
    main.extend(done.into_iter().flatten());
    main
}

/// What a document publishes as text, in source order: its text and code, raw HTML as a reader
/// gets it ([`crate::html_text::published`]), then link and image addresses and titles
/// (percent-decoded), each with its place in the input.
fn published_text(events: &[Spanned]) -> SourceText {
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
fn plain_text(events: &[Event]) -> String {
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

/// Replaces what pulldown-cmark would write with inline style or bare numeric ids:
/// table cells get alignment classes, footnotes get `fn-N` / `fnref-N` ids and back-links.
fn html_events<'a>(events: Vec<Event<'a>>, footnotes: &Footnotes) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len() + 8);
    let mut rewrite = HtmlRewrite {
        footnotes,
        alignments: Vec::new(),
        cell: "td",
        column: 0,
        seen: vec![0; footnotes.references.len()],
        definitions: Vec::new(),
        in_footnotes: false,
    };
    for event in events {
        rewrite.event(event, &mut out);
    }
    if rewrite.in_footnotes {
        out.push(html("</section>\n".to_owned()));
    }
    out
}

/// State of [`html_events`]: the table being written and the footnotes met so far.
struct HtmlRewrite<'f> {
    footnotes: &'f Footnotes,
    alignments: Vec<Alignment>,
    cell: &'static str,
    column: usize,
    /// References met so far, per footnote number.
    seen: Vec<usize>,
    /// Numbers of the footnote definitions being written.
    definitions: Vec<usize>,
    in_footnotes: bool,
}

impl HtmlRewrite<'_> {
    fn event<'a>(&mut self, event: Event<'a>, out: &mut Vec<Event<'a>>) {
        match event {
            Event::Start(Tag::Table(alignments)) => {
                self.alignments = alignments;
                out.push(Event::Start(Tag::Table(Vec::new())));
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                let head = matches!(event, Event::Start(Tag::TableHead));
                self.cell = if head { "th" } else { "td" };
                self.column = 0;
                out.push(event);
            }
            Event::Start(Tag::TableCell) => {
                let class = match self.alignments.get(self.column) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                out.push(html(format!("<{}{class}>", self.cell)));
            }
            Event::End(TagEnd::TableCell) => {
                out.push(html(format!("</{}>", self.cell)));
                self.column += 1;
            }
            Event::FootnoteReference(label) => out.push(html(self.reference(&label))),
            Event::Start(Tag::FootnoteDefinition(label)) => self.definition_start(&label, out),
            Event::End(TagEnd::FootnoteDefinition) => self.definition_end(out),
            event => out.push(event),
        }
    }

    fn reference(&mut self, label: &str) -> String {
        let n = self.footnotes.get(label);
        let nth = self.seen.get_mut(n.wrapping_sub(1)).map_or(1, |count| {
            *count += 1;
            *count
        });
        let id = Footnotes::reference_id(n, nth);
        format!("<sup class=\"footnote-reference\" id=\"{id}\"><a href=\"#fn-{n}\">{n}</a></sup>")
    }

    fn definition_start(&mut self, label: &str, out: &mut Vec<Event>) {
        if !self.in_footnotes {
            self.in_footnotes = true;
            out.push(html("<section class=\"footnotes\">\n".to_owned()));
        }
        let n = self.footnotes.get(label);
        self.definitions.push(n);
        out.push(html(format!(
            "<div class=\"footnote-definition\" id=\"fn-{n}\">\
             <sup class=\"footnote-definition-label\">{n}</sup>"
        )));
    }

    fn definition_end(&mut self, out: &mut Vec<Event>) {
        let n = self.definitions.pop().unwrap_or(0);
        let count = self.footnotes.references.get(n.wrapping_sub(1));
        let back: String = (1..=count.copied().unwrap_or(0))
            .map(|nth| {
                let id = Footnotes::reference_id(n, nth);
                format!(" <a href=\"#{id}\" class=\"footnote-backref\">\u{21A9}\u{FE0E}</a>")
            })
            .collect();
        // Inside the last paragraph when there is one, so the arrow stays on its line.
        match out.pop() {
            Some(Event::End(TagEnd::Paragraph)) => {
                out.push(html(back));
                out.push(Event::End(TagEnd::Paragraph));
            }
            last => {
                out.extend(last);
                out.push(html(back));
            }
        }
        out.push(html("</div>\n".to_owned()));
    }
}

fn html<'a>(markup: String) -> Event<'a> {
    Event::Html(CowStr::from(markup))
}

/// Prefixes root-relative URLs (`/x/`, not `//host/x`) with the site's base path.
struct BasePrefix(String);

impl<'a> ammonia::UrlRelativeEvaluate<'a> for BasePrefix {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        let root_relative =
            url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/\\");
        if self.0.is_empty() || !root_relative {
            return Some(Cow::Borrowed(url));
        }
        Some(Cow::Owned(format!("{}{url}", self.0)))
    }
}

/// The allow-list: what Markdown itself produces, plus harmless inline HTML (ammonia's
/// defaults: ruby, kbd, mark, sub, details…). Scripts, styles, frames, forms, event handlers
/// and javascript:/data: URLs never pass.
fn sanitizer(base_path: &str) -> ammonia::Builder<'static> {
    let trimmed = base_path.trim_matches('/');
    let prefix = if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    };
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags(["section"])
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .link_rel(None)
        .url_relative(ammonia::UrlRelative::Custom(Box::new(BasePrefix(prefix))))
        .set_tag_attribute_value("img", "loading", "lazy")
        .add_tag_attributes("code", ["class"]);
    for tag in ["h1", "h2", "h3", "h4", "h5", "h6", "div", "sup"] {
        builder.add_tag_attributes(tag, ["id"]);
    }
    for (tag, classes) in [
        ("section", &["footnotes"][..]),
        ("div", &["footnote-definition"]),
        ("sup", &["footnote-reference", "footnote-definition-label"]),
        ("a", &["footnote-backref"]),
        ("th", &["align-left", "align-center", "align-right"]),
        ("td", &["align-left", "align-center", "align-right"]),
    ] {
        builder.add_allowed_classes(tag, classes);
    }
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(markdown: &str) -> String {
        render(markdown, &Options { base_path: "/" }).html
    }

    fn html_under(markdown: &str, base_path: &str) -> String {
        render(markdown, &Options { base_path }).html
    }

    fn text(markdown: &str) -> String {
        render(markdown, &Options { base_path: "/" }).text
    }

    fn heading_ids(markdown: &str) -> Vec<String> {
        let rendered = render(markdown, &Options { base_path: "/" });
        rendered.headings.into_iter().map(|h| h.id).collect()
    }

    #[test]
    fn character_references_to_control_characters_are_dropped() {
        let md = "## 标&#x1b;题\n\n引用&#11;和&#x1b;与&#127;及&#x85;，`码&#x1b;`<b>&#x1b;粗&#x9b;体</b>\n\n[链&#x0c;接](/a/ \"题&#x1b;\")";
        let r = render(md, &Options { base_path: "/" });
        let all = format!("{}{}{:?}", r.html, r.text, r.headings);
        assert!(!all.contains(is_stray_control), "{all:?}");
        assert!(r.html.contains("引用和与及"), "{}", r.html);
        assert!(r.html.contains("<b>粗体</b>"), "{}", r.html);
        assert_eq!(r.headings[0].text, "标题");
    }

    #[test]
    fn straight_quotes_stay_straight() {
        let out = html("他说\"精益求精\"，'匠心' -- 是...");
        assert!(
            out.contains("&quot;精益求精&quot;") || out.contains("\"精益求精\""),
            "{out}"
        );
        assert!(out.contains("'匠心' -- 是..."), "{out}");
        assert!(
            !out.contains('“') && !out.contains('–') && !out.contains('…'),
            "{out}"
        );
    }

    #[test]
    fn tables_footnotes_and_strikethrough_are_on() {
        let out = html("| a |\n|---|\n| 1 |\n\n~~旧~~ 新[^1]\n\n[^1]: 注");
        assert!(
            out.contains("<table>") && out.contains("<td>1</td>"),
            "{out}"
        );
        assert!(out.contains("<del>旧</del>"), "{out}");
        assert!(out.contains("footnote-definition"), "{out}");
    }

    #[test]
    fn soft_break_between_cjk_characters_disappears() {
        assert_eq!(html("上海\n工匠"), "<p>上海工匠</p>\n");
        assert_eq!(text("上海\n工匠"), "上海工匠");
        assert_eq!(html("第一句。\n第二句"), "<p>第一句。第二句</p>\n");
        assert_eq!(html("全角（括号）\n继续"), "<p>全角（括号）继续</p>\n");
        assert_eq!(html("**上海**\n工匠"), "<p><strong>上海</strong>工匠</p>\n");
        assert_eq!(html("かな\nカナ"), "<p>かなカナ</p>\n");
    }

    #[test]
    fn soft_break_elsewhere_stays() {
        assert_eq!(html("hello\nworld"), "<p>hello\nworld</p>\n");
        assert_eq!(html("上海\nShanghai"), "<p>上海\nShanghai</p>\n");
        assert_eq!(html("Shanghai\n上海"), "<p>Shanghai\n上海</p>\n");
        assert_eq!(
            html("한국\n사람"),
            "<p>한국\n사람</p>\n",
            "Korean is written with spaces"
        );
        assert_eq!(text("hello\nworld"), "hello\nworld");
        assert_eq!(
            html("上海  \n工匠"),
            "<p>上海<br>\n工匠</p>\n",
            "hard break kept"
        );
    }

    #[test]
    fn strong_beside_cjk_punctuation_is_bold() {
        assert_eq!(
            html("**注意：**正文"),
            "<p><strong>注意：</strong>正文</p>\n"
        );
        assert_eq!(
            html("**“工匠精神”**是"),
            "<p><strong>“工匠精神”</strong>是</p>\n"
        );
        assert_eq!(
            html("他的**“工匠精神”**是"),
            "<p>他的<strong>“工匠精神”</strong>是</p>\n"
        );
        assert_eq!(
            html("前文**（重点）**后文"),
            "<p>前文<strong>（重点）</strong>后文</p>\n"
        );
        assert_eq!(
            html("**注意：**正文**强调：**后文"),
            "<p><strong>注意：</strong>正文<strong>强调：</strong>后文</p>\n"
        );
        assert_eq!(
            html("**注意：**正文**强调**"),
            "<p><strong>注意：</strong>正文<strong>强调</strong></p>\n",
            "pulldown-cmark nests these; the CJK rules pair them in order"
        );
    }

    #[test]
    fn strong_repair_inside_other_inlines_lists_headings_and_cells() {
        assert_eq!(
            html("_强调 **注意：**正文_"),
            "<p><em>强调 <strong>注意：</strong>正文</em></p>\n"
        );
        assert_eq!(
            html("[**注意：**正文](/x/)"),
            "<p><a href=\"/x/\"><strong>注意：</strong>正文</a></p>\n"
        );
        assert_eq!(
            html("- **注意：**正文\n- b"),
            "<ul>\n<li><strong>注意：</strong>正文</li>\n<li>b</li>\n</ul>\n"
        );
        let rendered = render("## **注意：**正文", &Options { base_path: "/" });
        assert_eq!(
            rendered.html,
            "<h2 id=\"注意正文\"><strong>注意：</strong>正文</h2>\n"
        );
        assert_eq!(rendered.headings[0].text, "注意：正文");
        assert!(html("| **注意：**正文 |\n|---|\n| x |")
            .contains("<th><strong>注意：</strong>正文</th>"));
    }

    #[test]
    fn ordinary_and_unpaired_stars_are_left_alone() {
        assert_eq!(html("a **b** c"), "<p>a <strong>b</strong> c</p>\n");
        assert_eq!(html("a **b**c"), "<p>a <strong>b</strong>c</p>\n");
        assert_eq!(html("孤单的 ** 星号"), "<p>孤单的 ** 星号</p>\n");
        assert_eq!(html("**注意：正文"), "<p>**注意：正文</p>\n");
        assert_eq!(html("2 ** 3 ** 4"), "<p>2 ** 3 ** 4</p>\n");
        assert_eq!(html("***粗斜***体"), html("***粗斜***体"));
        assert_eq!(html("\\*\\*注意：\\*\\*正文"), "<p>**注意：**正文</p>\n");
        assert_eq!(html("__注意__"), "<p><strong>注意</strong></p>\n");
        assert_eq!(
            html("*a* **b** ***c***"),
            "<p><em>a</em> <strong>b</strong> <em><strong>c</strong></em></p>\n"
        );
    }

    #[test]
    fn stars_in_code_are_untouched() {
        assert_eq!(
            html("`**注意：**` 正文 **注意：**正文"),
            "<p><code>**注意：**</code> 正文 <strong>注意：</strong>正文</p>\n"
        );
        assert_eq!(
            html("```\n**注意：**正文\n```"),
            "<pre><code>**注意：**正文\n</code></pre>\n"
        );
        assert_eq!(
            html("    **注意：**正文\n"),
            "<pre><code>**注意：**正文\n</code></pre>\n"
        );
    }

    #[test]
    fn heading_ids_keep_chinese_and_drop_punctuation() {
        assert_eq!(heading_ids("## 主要事迹"), ["主要事迹"]);
        assert_eq!(heading_ids("## Hello, World! 你好。"), ["hello-world-你好"]);
        assert_eq!(heading_ids("## 《匠心》：传承、创新"), ["匠心传承创新"]);
        assert_eq!(heading_ids("## A  &  B"), ["a-b"]);
        assert_eq!(
            heading_ids("## snake_case and-dash"),
            ["snake_case-and-dash"]
        );
        assert_eq!(heading_ids("## `code` 块"), ["code-块"]);
    }

    #[test]
    fn heading_ids_are_unique_and_never_empty() {
        assert_eq!(
            heading_ids("## 主要事迹\n## 主要事迹\n## 主要事迹"),
            ["主要事迹", "主要事迹-1", "主要事迹-2"]
        );
        assert_eq!(heading_ids("## ？\n## ！！"), ["section", "section-1"]);
        assert_eq!(heading_ids("## a-1\n## a\n## a"), ["a-1", "a", "a-2"]);
        assert_eq!(heading_ids("## 事迹\n## 其他 {#事迹}"), ["事迹-1", "事迹"]);
        assert_eq!(
            heading_ids("## fn 1\n\n正文[^x]\n\n[^x]: 注"),
            ["fn-1-1"],
            "footnote ids are taken"
        );
    }

    #[test]
    fn explicit_heading_id_is_honoured_and_other_attributes_dropped() {
        let rendered = render(
            "## 经历 {#career .big data-x=1}",
            &Options { base_path: "/" },
        );
        assert_eq!(rendered.html, "<h2 id=\"career\">经历</h2>\n");
        assert_eq!(
            rendered.headings,
            [Heading {
                level: 2,
                id: "career".into(),
                text: "经历".into()
            }]
        );
    }

    #[test]
    fn headings_record_level_id_and_text_and_fragment_links_work() {
        let rendered = render(
            "# 张三\n\n### 主要事迹\n\n见[事迹](#主要事迹)。",
            &Options { base_path: "/" },
        );
        let levels: Vec<u8> = rendered.headings.iter().map(|h| h.level).collect();
        assert_eq!(levels, [1, 3]);
        assert_eq!(rendered.headings[1].text, "主要事迹");
        assert!(rendered.html.contains("<h3 id=\"主要事迹\">"));
        assert!(rendered
            .html
            .contains("href=\"#%E4%B8%BB%E8%A6%81%E4%BA%8B%E8%BF%B9\""));
        assert_eq!(rendered.links[0].url, "#主要事迹");
    }

    #[test]
    fn footnote_ids_are_prefixed() {
        let out = html("甲[^a]乙[^note]丙[^a]\n\n[^a]: 第一\n\n[^note]: 第二");
        assert!(
            out.contains(
                "<sup class=\"footnote-reference\" id=\"fnref-1\"><a href=\"#fn-1\">1</a></sup>"
            ),
            "{out}"
        );
        assert!(
            out.contains("id=\"fnref-2\"><a href=\"#fn-2\">2</a>"),
            "{out}"
        );
        assert!(
            out.contains("id=\"fnref-1-2\"><a href=\"#fn-1\">1</a>"),
            "{out}"
        );
        assert!(
            out.contains("<div class=\"footnote-definition\" id=\"fn-1\">"),
            "{out}"
        );
        assert!(
            out.contains("<a href=\"#fnref-1\" class=\"footnote-backref\">"),
            "{out}"
        );
        assert!(
            out.contains("<a href=\"#fnref-1-2\" class=\"footnote-backref\">"),
            "{out}"
        );
        assert!(out.contains("<section class=\"footnotes\">"), "{out}");
        for bare in [
            "id=\"a\"",
            "id=\"1\"",
            "href=\"#a\"",
            "href=\"#1\"",
            "id=\"note\"",
        ] {
            assert!(!out.contains(bare), "{bare} in {out}");
        }
    }

    #[test]
    fn footnotes_are_gathered_at_the_end_in_reference_order() {
        let out = html("[^b]: 乙注\n\n正文[^a][^b]\n\n[^a]: 甲注\n\n结尾");
        let body = out.find("结尾").unwrap();
        let first = out.find("甲注").unwrap();
        let second = out.find("乙注").unwrap();
        assert!(body < first && first < second, "{out}");
    }

    #[test]
    fn dangerous_html_is_removed() {
        let out = html(concat!(
            "<script>alert(1)</script>\n\n",
            "<style>p{}</style>\n\n",
            "<div onclick=\"steal()\" style=\"color:red\">文字</div>\n\n",
            "<iframe src=\"https://evil.example/\"></iframe>\n\n",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">\n\n",
            "<form action=\"/x\"><input name=\"q\"><button>提交</button></form>\n\n",
            "<img src=\"x.jpg\" onerror=\"steal()\">\n\n",
            "[a](javascript:alert(1)) [b](vbscript:msgbox) [c](data:text/html,x) ",
            "<a href=\"JaVaScRiPt:alert(1)\">d</a> ![e](data:image/png;base64,AAAA)",
        ));
        for bad in [
            "<script",
            "alert(1)",
            "<style",
            "p{}",
            "onclick",
            "steal",
            "style=",
            "<iframe",
            "<object",
            "<embed",
            "<form",
            "<input",
            "<button",
            "javascript",
            "JaVaScRiPt",
            "vbscript",
            "data:",
        ] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
        assert!(out.contains("<div>文字</div>"), "{out}");
    }

    #[test]
    fn script_links_spelt_with_references_or_hidden_characters_lose_their_target() {
        for link in [
            "[a](java&#x09;script:alert(1))",
            "[a](&#106;avascript:alert(1))",
            "[a](javascript&colon;alert(1))",
            "[a](<java\tscript:alert(1)>)",
            "[a](<\u{1}javascript:alert(1)>)",
            "[a](JAVASCRIPT:alert(1))",
            "<a href=\"java&#x0A;script:alert(1)\">a</a>",
            "<a href=\" &#x01;javascript:alert(1)\">a</a>",
            "[a](vbscript&#58;msgbox)",
            "[a](data&#x3a;text/html,x)",
        ] {
            let out = html(link);
            // What a browser reads from each href: references decoded, tabs and newlines
            // dropped, leading spaces and controls trimmed; the scheme is not percent-decoded.
            for href in out.split("href=\"").skip(1) {
                let value = href.split('"').next().unwrap_or("");
                let read: String = value
                    .replace("&amp;", "&")
                    .chars()
                    .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                    .collect();
                let read = read
                    .trim_start_matches(|c: char| c <= ' ')
                    .to_ascii_lowercase();
                assert!(
                    !["javascript:", "vbscript:", "data:"]
                        .iter()
                        .any(|s| read.starts_with(s))
                        && !read.starts_with('&'),
                    "{link} → {out}"
                );
            }
        }
    }

    #[test]
    fn markdown_markup_survives_sanitising() {
        let out = html(concat!(
            "## 标题\n\n> 引用\n\n1. 一\n2. 二\n\n- 甲\n\n---\n\n",
            "行一  \n行二 ~~删~~ `代码` [链接](https://example.com \"题\")\n\n",
            "```rust\nfn main() {}\n```\n\n",
            "| 左 | 中 | 右 | 无 |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n\n",
            "![照片](a.jpg \"标题\")",
        ));
        for good in [
            "<h2 id=\"标题\">标题</h2>",
            "<blockquote>",
            "<ol>",
            "<ul>",
            "<hr>",
            "<br>",
            "<del>删</del>",
            "<code>代码</code>",
            "<a href=\"https://example.com\" title=\"题\">链接</a>",
            "<code class=\"language-rust\">",
            "<th class=\"align-left\">左</th>",
            "<th class=\"align-center\">中</th>",
            "<th class=\"align-right\">右</th>",
            "<th>无</th>",
            "<td class=\"align-right\">3</td>",
            "<img src=\"a.jpg\" alt=\"照片\" title=\"标题\" loading=\"lazy\">",
        ] {
            assert!(out.contains(good), "{good} not in {out}");
        }
        assert!(!out.contains("style="), "{out}");
        assert!(!out.contains("rel="), "{out}");
    }

    #[test]
    fn raw_html_cannot_smuggle_classes_or_style() {
        let out = html("<td class=\"align-left evil\">x</td>\n\n<p class=\"x\" style=\"a\">y</p>");
        assert!(!out.contains("evil") && !out.contains("class=\"x\"") && !out.contains("style"));
    }

    #[test]
    fn root_relative_urls_get_the_base_path() {
        let md = concat!(
            "[a](/craftsmen/x/) ![b](/media/p.jpg) [c](#top) [d](photo.jpg) ",
            "[e](https://example.com/x) [f](//cdn.example.com/x) [g](mailto:a@b.cn) ",
            "<a href=\"/raw/\">h</a>"
        );
        let out = html_under(md, "/sub/");
        for good in [
            "href=\"/sub/craftsmen/x/\"",
            "src=\"/sub/media/p.jpg\"",
            "href=\"#top\"",
            "href=\"photo.jpg\"",
            "href=\"https://example.com/x\"",
            "href=\"//cdn.example.com/x\"",
            "href=\"mailto:a@b.cn\"",
            "href=\"/sub/raw/\"",
        ] {
            assert!(out.contains(good), "{good} not in {out}");
        }
        assert_eq!(
            html_under("[a](/x/)", "/"),
            "<p><a href=\"/x/\">a</a></p>\n"
        );
        assert_eq!(html_under("[a](/x/)", ""), "<p><a href=\"/x/\">a</a></p>\n");
        assert_eq!(
            html_under("[a](/x/)", "sub"),
            "<p><a href=\"/sub/x/\">a</a></p>\n"
        );
    }

    #[test]
    fn links_and_images_are_recorded_as_written_with_offsets() {
        let md = "前文[链接](/x/)\n![图](/p.jpg) <a@b.cn> [参考][r]\n\n[r]: https://example.com";
        let rendered = render(md, &Options { base_path: "/sub/" });
        let links: Vec<(&str, usize)> = rendered
            .links
            .iter()
            .map(|l| (l.url.as_str(), l.offset))
            .collect();
        assert_eq!(
            links,
            [
                ("/x/", md.find("[链接]").unwrap()),
                ("mailto:a@b.cn", md.find("<a@").unwrap()),
                ("https://example.com", md.find("[参考]").unwrap()),
            ]
        );
        assert_eq!(
            rendered.images,
            [Link {
                url: "/p.jpg".into(),
                offset: md.find("![图]").unwrap()
            }]
        );
    }

    #[test]
    fn images_are_lazy_and_keep_alt_text() {
        let out = html("![张三在工作台前 *专注*](p.jpg)\n\n<img src=\"q.jpg\" alt=\"原始\">");
        assert!(
            out.contains("<img src=\"p.jpg\" alt=\"张三在工作台前 专注\" loading=\"lazy\">"),
            "{out}"
        );
        assert!(
            out.contains("<img src=\"q.jpg\" alt=\"原始\" loading=\"lazy\">"),
            "{out}"
        );
    }

    #[test]
    fn plain_text_has_no_markup_and_keeps_code_and_footnotes() {
        let md = concat!(
            "# 标题\n\n**注意：**正文\n第二行[^1]，`代码`。\n\n",
            "- 甲\n- 乙\n\n```\nlet x = 1;\n```\n\n",
            "| 姓名 | 电话 |\n|---|---|\n| 张三 | 123 |\n\n",
            "<div>原始 <b>HTML</b></div>\n\n<script>secret()</script>\n\n",
            "[^1]: 脚注文字"
        );
        assert_eq!(
            text(md),
            "标题\n注意：正文第二行，代码。\n甲\n乙\nlet x = 1;\n姓名\t电话\n张三\t123\n原始 HTML\n脚注文字"
        );
    }

    #[test]
    fn output_is_deterministic() {
        let md = "## 甲\n## 甲\n\n正文[^b][^a][^c]\n\n[^a]: 一\n[^b]: 二\n[^c]: 三\n\n| a | b |\n|:-|-:|\n|1|2|";
        let first = render(md, &Options { base_path: "/sub/" });
        for _ in 0..20 {
            assert_eq!(render(md, &Options { base_path: "/sub/" }), first);
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let deep = |unit: &str, n: usize| unit.repeat(n);
        let inputs = vec![
            String::new(),
            "---".into(),
            "---\n---\n".into(),
            "---\ntitle: x\n---\n正文".into(),
            "\0".into(),
            "a\0b **\0** `\0`".into(),
            "<div><p><span>unclosed".into(),
            "</div></div></p>".into(),
            "<!-- never closed".into(),
            "<script>".into(),
            "***a**b*c**d***".into(),
            "**注意：**正文**".into(),
            "*****".into(),
            "**".into(),
            "\\".into(),
            "[^]: x\n[^".into(),
            "[^a]: [^a]\n\n[^a]".into(),
            "[^a]:\n    [^b]: nested\n\n[^a][^b]".into(),
            "## {#}\n## {#}".into(),
            "|".into(),
            "| a |\n|---|\n| **注意：**正文 | extra |".into(),
            "![![x](y)](z)".into(),
            "[[[[x]]]](y)".into(),
            "\u{FEFF}\u{200B}\r\n\r\n\u{3000}".into(),
            "上\n\n\n海\r\n工\r匠".into(),
            deep(">", 5_000),
            deep("[", 5_000),
            deep("*", 5_000),
            deep("**注", 2_000),
            deep("- ", 500),
            deep("<div>", 2_000),
            deep("*a ", 2_000),
            deep("\\", 5_000) + "**注意：**正文",
        ];
        for input in inputs {
            let rendered = render(&input, &Options { base_path: "/sub/" });
            assert!(!rendered.html.contains("<script"));
        }
    }

    #[test]
    fn large_chinese_document_renders_in_one_pass() {
        let paragraph = "**注意：**张三是上海的一名木工，\n从事**“榫卯”**技艺三十年[^1]，\
                         作品见[作品集](/works/)。![作品](/p.jpg)\n\n";
        let mut md = String::new();
        let mut sections = 0;
        while md.len() < 200 * 1024 {
            md.push_str("## 主要事迹\n\n");
            sections += 1;
            for _ in 0..5 {
                md.push_str(paragraph);
            }
        }
        md.push_str("[^1]: 据采访整理。\n");
        let rendered = render(&md, &Options { base_path: "/sub/" });
        assert_eq!(rendered.headings.len(), sections);
        assert_eq!(
            rendered.headings.last().unwrap().id,
            format!("主要事迹-{}", sections - 1)
        );
        assert_eq!(rendered.links.len(), sections * 5);
        assert_eq!(rendered.html.matches("<strong>").count(), sections * 10);
        assert!(!rendered.text.contains("上海的一名木工，\n"));
        // One long paragraph of bold labels: the delimiter stack keeps this linear.
        let one_paragraph = "**注意：**正文".repeat(20_000);
        let rendered = render(&one_paragraph, &Options { base_path: "/" });
        assert_eq!(rendered.html.matches("<strong>").count(), 20_000);
    }
}
