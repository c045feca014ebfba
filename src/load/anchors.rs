//! YAML anchors and aliases as written, read from a parser's events: serde_yaml's values have already copied every alias, so only the events tell where a value came from.

use crate::load::positions::CharOffsets;
use saphyr_parser::{Event, Parser, Span};
use std::collections::HashSet;

/// Byte spans (within `yaml`) of the aliases (`*name`, merge keys `<<: *name` included) that
/// stand outside the value of the top-level `key` and refer to an anchor defined inside it (or on
/// it). A document the parser cannot read gives none: serde_yaml reports it.
pub(crate) fn aliases_leaving(yaml: &str, key: &str) -> Vec<(usize, usize)> {
    // Most documents have no anchor at all.
    if !yaml.contains('&') || !yaml.contains('*') {
        return Vec::new();
    }
    let mut walk = Walk {
        key,
        frames: Vec::new(),
        inside: None,
        anchors: HashSet::new(),
        found: Vec::new(),
        last_key: None,
    };
    let mut parser = Parser::new_from_str(yaml);
    while let Some(Ok((event, span))) = parser.next_event() {
        walk.event(event, span);
    }
    let chars = CharOffsets::new(yaml);
    walk.found
        .into_iter()
        .map(|s| (chars.byte(s.start.index()), chars.byte(s.end.index())))
        .collect()
}

/// A mapping or sequence being read, and how many nodes it holds so far.
struct Frame {
    mapping: bool,
    nodes: usize,
}

struct Walk<'k> {
    key: &'k str,
    frames: Vec<Frame>,
    /// The depth of the frames when the watched value started, while inside it.
    inside: Option<usize>,
    /// Anchors defined inside the watched value.
    anchors: HashSet<usize>,
    found: Vec<Span>,
    /// The last key of the top-level mapping, while its value is awaited.
    last_key: Option<String>,
}

impl Walk<'_> {
    fn event(&mut self, event: Event, span: Span) {
        match event {
            Event::Scalar(value, _, anchor, _) => {
                let at_top_key = self.at_top_level(false);
                self.node(anchor, false);
                if at_top_key {
                    self.last_key = Some(value.into_owned());
                }
            }
            Event::Alias(anchor) => {
                let inside = self.inside.is_some() || self.watched_value_starts();
                if !inside && self.anchors.contains(&anchor) {
                    self.found.push(span);
                }
                self.node(0, false);
            }
            Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                let mapping = matches!(event, Event::MappingStart(..));
                self.node(anchor, true);
                self.frames.push(Frame { mapping, nodes: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if self.inside == Some(self.frames.len()) {
                    self.inside = None;
                }
                self.frames.pop();
            }
            _ => {}
        }
    }

    /// Whether the next node stands at a key (`value: false`) or value (`true`) position of the top-level mapping.
    fn at_top_level(&self, value: bool) -> bool {
        match self.frames.as_slice() {
            [top] => top.mapping && (top.nodes % 2 == 1) == value,
            _ => false,
        }
    }

    /// Whether the next node is the value of the watched key.
    fn watched_value_starts(&self) -> bool {
        self.at_top_level(true) && self.last_key.as_deref() == Some(self.key)
    }

    /// A node starts: note its anchor when it is inside the watched value.
    fn node(&mut self, anchor: usize, container: bool) {
        if self.at_top_level(false) {
            self.last_key = None;
        }
        let starts = self.watched_value_starts();
        if starts && container {
            self.inside = Some(self.frames.len() + 1);
        }
        if anchor != 0 && (self.inside.is_some() || starts) {
            self.anchors.insert(anchor);
        }
        if let Some(top) = self.frames.last_mut() {
            top.nodes += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaving(yaml: &str) -> Vec<&str> {
        aliases_leaving(yaml, "private")
            .into_iter()
            .map(|(s, e)| &yaml[s..e])
            .collect()
    }

    #[test]
    fn an_alias_of_a_private_value_is_found() {
        let yaml = "name: 张伟\nprivate:\n  address: &home 漕溪北路88号\nextra:\n  where: *home\n";
        assert_eq!(leaving(yaml), ["*home"]);
    }

    #[test]
    fn an_alias_of_the_whole_private_mapping_and_a_merge_key_are_found() {
        let yaml = "private: &p\n  phone: \"13812345678\"\nextra: *p\n";
        assert_eq!(leaving(yaml), ["*p"]);
        let yaml = "private: &p { phone: x }\nextra:\n  <<: *p\n  more: 1\n";
        assert_eq!(leaving(yaml), ["*p"]);
        let yaml = "private:\n  contacts:\n    - &c { tel: x }\nsummary: ok\nextra: [*c]\n";
        assert_eq!(leaving(yaml), ["*c"]);
    }

    #[test]
    fn aliases_of_public_values_and_inside_private_are_fine() {
        let yaml = "employer: &e 上海电气\nprivate:\n  note: &n x\n  again: *n\n  work: *e\nextra:\n  e: *e\n";
        assert!(leaving(yaml).is_empty());
        assert!(leaving("name: 张伟\nprivate: { a: 1 }\n").is_empty());
        assert!(leaving("private: [&x\n").is_empty(), "broken YAML");
    }
}
