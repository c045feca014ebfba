//! Pass 3a: footnotes numbered in order of first reference and gathered at the end.

use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

/// Footnote numbers (in order of first reference, unreferenced definitions last) and how
/// often each one is referenced.
#[derive(Default)]
pub(super) struct Footnotes {
    numbers: HashMap<String, usize>,
    pub(super) references: Vec<usize>,
}

impl Footnotes {
    pub(super) fn number(events: &[Event]) -> Self {
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

    pub(super) fn get(&self, label: &str) -> usize {
        self.numbers.get(&Self::key(label)).copied().unwrap_or(0)
    }

    pub(super) fn reference_id(n: usize, nth: usize) -> String {
        match nth {
            0 | 1 => format!("fnref-{n}"),
            _ => format!("fnref-{n}-{nth}"),
        }
    }

    /// Every id the footnote markup will use, so that headings avoid them.
    pub(super) fn reserved_ids(&self) -> HashSet<String> {
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

/// Moves footnote definitions out of the flow to the end, in footnote-number order.
pub(super) fn move_footnotes_last<'a>(
    events: Vec<Event<'a>>,
    footnotes: &Footnotes,
) -> Vec<Event<'a>> {
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
