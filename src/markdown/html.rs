//! Pass 3c: the HTML pulldown-cmark would write with inline style or bare numeric ids, rewritten: table alignment as classes, footnotes with `fn-N`/`fnref-N` ids and back-links.

use super::footnotes::Footnotes;
use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

/// Replaces what pulldown-cmark would write with inline style or bare numeric ids:
/// table cells get alignment classes, footnotes get `fn-N` / `fnref-N` ids and back-links.
pub(super) fn html_events<'a>(events: Vec<Event<'a>>, footnotes: &Footnotes) -> Vec<Event<'a>> {
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
