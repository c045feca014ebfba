//! Where each key and value of a YAML document stands: byte spans read from saphyr-parser's events (serde_yaml keeps none), looked up by path.
//!
//! What a span covers, so that a diagnostic points where the editor has to look:
//! - a key: the key as written (quotes included); a list item's "key": its `-` (in a `[…]` list,
//!   the item itself);
//! - a plain or quoted value: the value as written, over all its lines when it is folded over
//!   several; an anchor or tag before it (`&a`, `!!str`) is left out;
//! - a block scalar (`|`, `>`): its content, from the first character of its first content line
//!   (what is wrong inside it is on a content line); with no content, its indicator;
//! - a mapping or list: from its `{` / `[` (or its first key or `-`) to the end of its last value;
//! - an empty value (`key:` and nothing else): the key.
//!
//! The *head* of a value is where the editor sees what kind of value it is, for "this should be
//! a number" errors: the indicator of a block scalar (`|-` on the key's line), the key of a
//! mapping or list written on the lines below it, else the value itself.
//!
//! A key written twice in one mapping is found at its first place; [`Positions::duplicates`]
//! lists the second. A path that does not exist is answered with its nearest located parent.

use saphyr_parser::{Event, Parser, ScalarStyle};

/// A byte range in the source file.
pub(crate) type Span = (usize, usize);

/// One step of a path to a value: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The positions of one YAML document's keys and values, in bytes of the whole file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Positions {
    /// Every node (value) of the document; the root is the first.
    nodes: Vec<Node>,
    duplicates: Vec<Duplicate>,
}

/// A key written a second time in the same mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Duplicate {
    /// The key as read (quotes removed).
    pub key: String,
    pub first: Span,
    pub second: Span,
}

#[derive(Debug, Clone)]
struct Node {
    /// Its key's text in its mapping (`None` for a list item, the root, or a key that is not text).
    name: Option<Box<str>>,
    kind: Kind,
    /// Its key in a mapping, or its `-` in a block list.
    key: Option<Span>,
    value: Span,
    head: Span,
    children: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Scalar,
    Mapping,
    Sequence,
}

impl Node {
    fn key_or_value(&self) -> Span {
        self.key.unwrap_or(self.value)
    }
}

impl Positions {
    /// Reads the positions of the YAML document `yaml`, which starts at byte `offset` of its
    /// file. A document the parser cannot read to the end gives the positions read before the
    /// problem (serde_yaml reports it).
    pub(crate) fn new(yaml: &str, offset: usize) -> Positions {
        #[cfg(test)]
        READ.with(|n| n.set(n.get() + 1));
        let mut b = Builder {
            text: yaml,
            chars: CharOffsets::new(yaml),
            nodes: Vec::new(),
            open: Vec::new(),
            duplicates: Vec::new(),
            last_end: 0,
            complex_key: None,
        };
        let mut parser = Parser::new_from_str(yaml);
        while let Some(Ok((event, span))) = parser.next_event() {
            let span = (
                b.chars.byte(span.start.index()),
                b.chars.byte(span.end.index()),
            );
            if !b.event(event, span) {
                break;
            }
        }
        while !b.open.is_empty() {
            b.end((b.last_end, b.last_end));
        }
        let shift = |(s, e): Span| (s + offset, e + offset);
        let nodes = b
            .nodes
            .into_iter()
            .map(|n| Node {
                key: n.key.map(shift),
                value: shift(n.value),
                head: shift(n.head),
                ..n
            })
            .collect();
        let duplicates = b
            .duplicates
            .into_iter()
            .map(|d| Duplicate {
                first: shift(d.first),
                second: shift(d.second),
                ..d
            })
            .collect();
        Positions { nodes, duplicates }
    }

    /// The key at `path` (a list item's `-`; the value for the root), or that of its nearest
    /// located parent. `None` only for a document with no value at all.
    pub(crate) fn key_span(&self, path: &[Seg]) -> Option<Span> {
        self.walk(path).map(|(n, _)| self.nodes[n].key_or_value())
    }

    /// The value at `path` (see the module's documentation), or that of its nearest located parent.
    pub(crate) fn value_span(&self, path: &[Seg]) -> Option<Span> {
        self.walk(path).map(|(n, _)| self.nodes[n].value)
    }

    /// The head of the value at `path` (see the module's documentation), or that of its nearest
    /// located parent.
    pub(crate) fn head_span(&self, path: &[Seg]) -> Option<Span> {
        self.walk(path).map(|(n, _)| self.nodes[n].head)
    }

    /// Whether `path` is written in the document.
    pub(crate) fn contains(&self, path: &[Seg]) -> bool {
        matches!(self.walk(path), Some((_, true)))
    }

    /// Keys written twice in one mapping, in the order of their second place.
    pub(crate) fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }

    /// The node at `path` (or its nearest located parent), and whether all of `path` was found.
    fn walk(&self, path: &[Seg]) -> Option<(usize, bool)> {
        let mut at = 0;
        self.nodes.first()?;
        for seg in path {
            match self.child(at, seg) {
                Some(c) => at = c,
                None => return Some((at, false)),
            }
        }
        Some((at, true))
    }

    fn child(&self, node: usize, seg: &Seg) -> Option<usize> {
        let n = &self.nodes[node];
        match (n.kind, *seg) {
            (Kind::Mapping, Seg::Key(k)) => n
                .children
                .iter()
                .copied()
                .find(|&c| self.nodes[c].name.as_deref() == Some(k)),
            (Kind::Sequence, Seg::Index(i)) => n.children.get(i).copied(),
            _ => None,
        }
    }
}

#[cfg(test)]
thread_local! {
    /// How many documents this thread has read positions of (tests prove that clean files read none).
    static READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many documents this thread has read positions of.
#[cfg(test)]
pub(crate) fn read_on_this_thread() -> usize {
    READ.with(|n| n.get())
}

/// Reads events into nodes.
struct Builder<'t> {
    text: &'t str,
    chars: CharOffsets,
    nodes: Vec<Node>,
    /// The mappings and lists being read, innermost last.
    open: Vec<Frame>,
    duplicates: Vec<Duplicate>,
    /// Where the last event read ends.
    last_end: usize,
    /// A key that is itself a mapping or list (`? [a, b]: …`), skipped: its depth so far and start.
    complex_key: Option<(usize, usize)>,
}

/// A mapping or list being read.
struct Frame {
    node: usize,
    /// Written `{…}` or `[…]`.
    flow: bool,
    /// In a mapping, the key read whose value comes next.
    pending: Option<(Option<Box<str>>, Span)>,
}

impl Builder<'_> {
    /// Takes one event; `false` once the document is over.
    fn event(&mut self, event: Event, span: Span) -> bool {
        match event {
            Event::Scalar(value, style, _, _) => self.scalar(Some(&*value), style, span),
            Event::Alias(_) => self.scalar(None, ScalarStyle::Plain, span),
            Event::MappingStart(..) => self.start(Kind::Mapping, span),
            Event::SequenceStart(..) => self.start(Kind::Sequence, span),
            Event::MappingEnd | Event::SequenceEnd => self.end(span),
            Event::DocumentEnd | Event::StreamEnd => return false,
            _ => {}
        }
        true
    }

    /// Whether the next node is a key of the innermost mapping.
    fn takes_key(&self) -> bool {
        self.open
            .last()
            .is_some_and(|f| self.nodes[f.node].kind == Kind::Mapping && f.pending.is_none())
    }

    fn scalar(&mut self, text: Option<&str>, style: ScalarStyle, span: Span) {
        if self.complex_key.is_some() {
            return;
        }
        if self.takes_key() {
            self.key(text, span);
            return;
        }
        let (value, head, from) = match style {
            ScalarStyle::Literal | ScalarStyle::Folded => {
                let head = self.indicator(span.0);
                let content = trimmed(self.text, span);
                let value = if content.0 < content.1 { content } else { head };
                (value, head, head.0)
            }
            _ => {
                let v = (self.skip_properties(span), span.1);
                (v, v, span.0)
            }
        };
        self.last_end = self.last_end.max(span.1);
        self.place(Kind::Scalar, value, head, from);
    }

    /// A key of the innermost mapping; a second one with the same text is noted.
    fn key(&mut self, text: Option<&str>, span: Span) {
        self.last_end = self.last_end.max(span.1);
        let Some(frame) = self.open.last() else {
            return;
        };
        if let Some(name) = text {
            let first = self.nodes[frame.node]
                .children
                .iter()
                .map(|&c| &self.nodes[c])
                .find(|c| c.name.as_deref() == Some(name))
                .and_then(|c| c.key);
            if let Some(first) = first {
                self.duplicates.push(Duplicate {
                    key: name.to_string(),
                    first,
                    second: span,
                });
            }
        }
        if let Some(frame) = self.open.last_mut() {
            frame.pending = Some((text.map(Box::from), span));
        }
    }

    fn start(&mut self, kind: Kind, span: Span) {
        if let Some((depth, _)) = &mut self.complex_key {
            *depth += 1;
            return;
        }
        if self.takes_key() {
            self.complex_key = Some((1, span.0));
            return;
        }
        self.last_end = self.last_end.max(span.1);
        let node = self.place(kind, span, span, span.0);
        self.open.push(Frame {
            node,
            flow: span.0 < span.1,
            pending: None,
        });
    }

    fn end(&mut self, span: Span) {
        self.last_end = self.last_end.max(span.1);
        if let Some((depth, start)) = self.complex_key {
            if depth > 1 {
                self.complex_key = Some((depth - 1, start));
            } else {
                self.complex_key = None;
                if let Some(frame) = self.open.last_mut() {
                    frame.pending = Some((None, (start, span.1)));
                }
            }
            return;
        }
        let Some(frame) = self.open.pop() else {
            return;
        };
        let node = &self.nodes[frame.node];
        let value = if frame.flow {
            (node.value.0, span.1.max(node.value.1))
        } else {
            let first = node.children.first().map(|&c| &self.nodes[c]);
            let last = node.children.last().map(|&c| &self.nodes[c]);
            let start = first.map_or(node.value.0, |c| c.key_or_value().0);
            let end = last.map_or(node.value.1, |c| c.value.1.max(c.key_or_value().1));
            (start, end.max(start))
        };
        let head = match (frame.flow, node.key) {
            (false, Some(key)) => key,
            _ => value,
        };
        let node = &mut self.nodes[frame.node];
        node.value = value;
        node.head = head;
    }

    /// A new value: the root, the value of the pending key, or the next item of a list. `from`
    /// is where it starts as written (its anchor, its block indicator), for finding its `-`.
    fn place(&mut self, kind: Kind, value: Span, head: Span, from: usize) -> usize {
        let idx = self.nodes.len();
        let (name, key) = match self.open.last_mut() {
            None => (None, None),
            Some(f) if self.nodes[f.node].kind == Kind::Mapping => match f.pending.take() {
                Some((name, span)) => (name, Some(span)),
                None => (None, None),
            },
            Some(f) if !f.flow => (None, dash_before(self.text, from)),
            Some(_) => (None, None),
        };
        // An empty value (`key:`) is shown at its key.
        let (value, head) = match key {
            Some(k) if kind == Kind::Scalar && value.0 == value.1 => (k, k),
            _ => (value, head),
        };
        self.nodes.push(Node {
            name,
            kind,
            key,
            value,
            head,
            children: Vec::new(),
        });
        if let Some(f) = self.open.last() {
            self.nodes[f.node].children.push(idx);
        }
        idx
    }

    /// The indicator (`|`, `>-`, `|2`) of the block scalar whose content starts at `content`:
    /// the first `|` or `>` after the last event.
    fn indicator(&self, content: usize) -> Span {
        let from = self.last_end.min(content);
        let Some(i) = self.text[from..content].find(['|', '>']) else {
            return (content, content);
        };
        let s = from + i;
        let len = 1 + self.text[s + 1..]
            .bytes()
            .take_while(|b| matches!(b, b'+' | b'-' | b'0'..=b'9'))
            .count();
        (s, s + len)
    }

    /// Where a scalar starts once its anchor and tag (`&a !!str value`) are passed.
    fn skip_properties(&self, (mut at, end): Span) -> usize {
        while let Some(rest) = self.text.get(at..end) {
            if !rest.starts_with(['&', '!']) {
                break;
            }
            let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let after = &rest[word..];
            at += word + (after.len() - after.trim_start().len());
        }
        at.min(end)
    }
}

/// A span without the white space (line breaks included) at its ends.
fn trimmed(text: &str, (s, e): Span) -> Span {
    let inner = &text[s..e];
    let start = s + (inner.len() - inner.trim_start().len());
    (start, (start + inner.trim().len()).max(start))
}

/// The `-` of a block list item that starts at `at`: the first thing before it, across blanks.
fn dash_before(text: &str, at: usize) -> Option<Span> {
    let before = text[..at].trim_end();
    before
        .ends_with('-')
        .then(|| (before.len() - 1, before.len()))
}

/// Character index → byte offset in a text (saphyr-parser counts characters).
pub(crate) struct CharOffsets {
    starts: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    pub(crate) fn new(text: &str) -> Self {
        CharOffsets {
            starts: text.char_indices().map(|(i, _)| i).collect(),
            len: text.len(),
        }
    }

    pub(crate) fn byte(&self, char_index: usize) -> usize {
        self.starts.get(char_index).copied().unwrap_or(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// (line, column) of the key and of the value at `path`, and the value's text.
    struct At<'a> {
        src: SourceFile,
        p: Positions,
        _text: &'a str,
    }

    impl<'a> At<'a> {
        fn new(text: &'a str) -> Self {
            At {
                src: SourceFile::new("a.yaml", text),
                p: Positions::new(text, 0),
                _text: text,
            }
        }
        fn key(&self, path: &[Seg]) -> (usize, usize) {
            self.src.line_col(self.p.key_span(path).unwrap().0)
        }
        fn value(&self, path: &[Seg]) -> ((usize, usize), &str) {
            let (s, e) = self.p.value_span(path).unwrap();
            (self.src.line_col(s), &self.src.text[s..e])
        }
        fn head(&self, path: &[Seg]) -> ((usize, usize), &str) {
            let (s, e) = self.p.head_span(path).unwrap();
            (self.src.line_col(s), &self.src.text[s..e])
        }
    }

    use Seg::{Index as I, Key as K};

    #[test]
    fn flow_mapping() {
        let a = At::new("name: 张伟\npatents: {utility: 2, design: x}\n");
        assert_eq!(a.key(&[K("patents"), K("design")]), (2, 23));
        assert_eq!(a.value(&[K("patents"), K("design")]), ((2, 31), "x"));
        assert_eq!(
            a.value(&[K("patents")]),
            ((2, 10), "{utility: 2, design: x}")
        );
        // A flow mapping's head is itself: the editor sees its kind on the key's line.
        assert_eq!(a.head(&[K("patents")]).0, (2, 10));
    }

    #[test]
    fn nested_mapping() {
        let a = At::new("name: x\nnested:\n  a:\n    name: 1 # c\n  b: 2\nb: 3\n");
        assert_eq!(a.key(&[K("nested"), K("a"), K("name")]), (4, 5));
        assert_eq!(a.value(&[K("nested"), K("a"), K("name")]), ((4, 11), "1"));
        assert_eq!(a.value(&[K("nested"), K("b")]), ((5, 6), "2"));
        assert_eq!(a.value(&[K("b")]), ((6, 4), "3"));
        // A block mapping spans its entries; its head is its key.
        assert_eq!(
            a.value(&[K("nested")]),
            ((3, 3), "a:\n    name: 1 # c\n  b: 2")
        );
        assert_eq!(a.head(&[K("nested")]), ((2, 1), "nested"));
    }

    #[test]
    fn block_scalars_start_at_their_content_and_head_at_their_indicator() {
        let a = At::new("intro: |\n  第一行\n  第二行\n\nlast: >-\n\n  x\nempty: |\nafter: 1\n");
        assert_eq!(a.value(&[K("intro")]), ((2, 3), "第一行\n  第二行"));
        assert_eq!(a.head(&[K("intro")]), ((1, 8), "|"));
        assert_eq!(a.value(&[K("last")]), ((7, 3), "x"));
        assert_eq!(a.head(&[K("last")]), ((5, 7), ">-"));
        // No content: the indicator.
        assert_eq!(a.value(&[K("empty")]), ((8, 8), "|"));
        assert_eq!(a.value(&[K("after")]), ((9, 8), "1"));
    }

    #[test]
    fn folded_plain_value() {
        let a = At::new("summary: 三十年\n  如一日\npost: 焊工\n");
        assert_eq!(a.value(&[K("summary")]), ((1, 10), "三十年\n  如一日"));
        assert_eq!(a.key(&[K("post")]), (3, 1));
    }

    #[test]
    fn sequence_of_mappings() {
        let a = At::new(
            "awards:\n  - name: 甲\n  - name: 乙\n    year: 20x9\n  -\n    name: 丙\nname: 张伟\n",
        );
        assert_eq!(a.key(&[K("awards"), I(1)]), (3, 3));
        assert_eq!(a.value(&[K("awards"), I(1), K("year")]), ((4, 11), "20x9"));
        assert_eq!(a.key(&[K("awards"), I(2)]), (5, 3));
        assert_eq!(a.value(&[K("awards"), I(2), K("name")]), ((6, 11), "丙"));
        // The same key at another level is another key.
        assert_eq!(a.value(&[K("name")]), ((7, 7), "张伟"));
        // A list written without indentation under its key.
        let a = At::new("awards:\n- 甲\n- |\n  乙\nx: 1\n");
        assert_eq!(a.key(&[K("awards"), I(1)]), (3, 1));
        assert_eq!(a.value(&[K("awards"), I(1)]), ((4, 3), "乙"));
        assert_eq!(a.value(&[K("awards")]).0, (2, 1));
        assert_eq!(a.head(&[K("awards")]), ((1, 1), "awards"));
    }

    #[test]
    fn flow_sequence() {
        let a = At::new("skills: [焊接, \"数控\",\n  精密测量]\n");
        assert_eq!(a.value(&[K("skills"), I(1)]), ((1, 14), "\"数控\""));
        assert_eq!(a.value(&[K("skills"), I(2)]), ((2, 3), "精密测量"));
        assert_eq!(a.key(&[K("skills"), I(0)]), (1, 10));
    }

    #[test]
    fn repeated_key_is_found_first_and_listed() {
        let text = "title: a\nintro: b\ntitle: c\nawards:\n  - { name: x, name: y }\n";
        let a = At::new(text);
        assert_eq!(a.value(&[K("title")]), ((1, 8), "a"));
        let d = a.p.duplicates();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].key, "title");
        assert_eq!(a.src.line_col(d[0].first.0), (1, 1));
        assert_eq!(a.src.line_col(d[0].second.0), (3, 1));
        assert_eq!(a.src.line_col(d[1].second.0), (5, 16));
    }

    #[test]
    fn comments_anchors_and_tags_are_passed() {
        let a = At::new("# 说明\nname: &n 张伟 # 姓名\n# 中间\npost: !!str 焊工\nalias: *n\n");
        assert_eq!(a.key(&[K("name")]), (2, 1));
        assert_eq!(a.value(&[K("name")]), ((2, 10), "张伟"));
        assert_eq!(a.value(&[K("post")]), ((4, 13), "焊工"));
        assert_eq!(a.value(&[K("alias")]), ((5, 8), "*n"));
    }

    #[test]
    fn chinese_and_quoted_keys() {
        let a = At::new("岗位: 数控车工\n\"工作 单位\": 上海\n");
        assert_eq!(a.key(&[K("岗位")]), (1, 1));
        assert_eq!(a.value(&[K("岗位")]), ((1, 5), "数控车工"));
        assert_eq!(a.key(&[K("工作 单位")]), (2, 1));
        assert_eq!(a.value(&[K("工作 单位")]), ((2, 10), "上海"));
    }

    #[test]
    fn crlf_line_ends() {
        let a = At::new("a: 1\r\nintro: |\r\n  x\r\n  y\r\nc: [1,\r\n 2]\r\nd:\r\n  e: 张\r\n");
        assert_eq!(a.value(&[K("intro")]), ((3, 3), "x\r\n  y"));
        assert_eq!(a.value(&[K("c"), I(1)]), ((6, 2), "2"));
        assert_eq!(a.value(&[K("d"), K("e")]), ((8, 6), "张"));
    }

    #[test]
    fn empty_values_and_unknown_paths() {
        let a = At::new("name:\nlist:\n  -\n  - x\npatents:\n  design: 1\n");
        assert_eq!(a.value(&[K("name")]), ((1, 1), "name"));
        assert_eq!(a.value(&[K("list"), I(0)]), ((3, 3), "-"));
        // Not written: the nearest parent.
        assert!(!a.p.contains(&[K("patents"), K("nope")]));
        assert!(a.p.contains(&[K("patents"), K("design")]));
        assert_eq!(a.key(&[K("patents"), K("nope")]), (5, 1));
        assert_eq!(a.key(&[K("nope")]), (1, 1));
        assert_eq!(Positions::new("", 0).key_span(&[K("a")]), None);
    }

    #[test]
    fn non_text_and_complex_keys() {
        let a = At::new("13812345678: x\n? [a, b]\n: y\nz: 1\n");
        assert_eq!(a.key(&[K("13812345678")]), (1, 1));
        assert_eq!(a.value(&[K("z")]), ((4, 4), "1"));
    }

    #[test]
    fn spans_are_in_bytes_of_the_whole_file() {
        let text = "---\nname: 张伟\n---\n正文";
        let src = SourceFile::new("a.md", text);
        let p = Positions::new(&text[4..17], 4);
        let (s, e) = p.value_span(&[K("name")]).unwrap();
        assert_eq!(&text[s..e], "张伟");
        assert_eq!(src.line_col(s), (2, 7));
    }

    #[test]
    fn a_broken_document_keeps_what_was_read() {
        let a = At::new("name: 张伟\npost: [a, b\n");
        assert_eq!(a.value(&[K("name")]), ((1, 7), "张伟"));
    }
}
