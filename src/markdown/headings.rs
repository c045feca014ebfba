//! Pass 3b: every heading gets a unique id (Chinese kept; an explicit `{#id}` wins), avoiding the footnotes' ids.

use super::Heading;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

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
pub(super) fn assign_heading_ids(events: &mut [Event], reserved: HashSet<String>) -> Vec<Heading> {
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
