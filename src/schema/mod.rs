//! The content schema: for each kind of file, its fields with their Chinese labels, aliases, types, examples and descriptions.
//!
//! One table per kind ([`tables`]) is read by the field reader ([`crate::load::fields`]), the
//! "did you mean" hints ([`Schema::suggest`]), the files `gongjiang new` writes
//! ([`crate::scaffold`]) and the field tables of docs/content.md ([`docs`]).

#[cfg(test)]
mod docs;
pub(crate) mod levels;
mod profile;
mod site;
mod tables;
mod unions;

use crate::suggest::{self, Closeness};
use levels::{Education, Level, SkillLevel, TitleLevel, UnionKind};

pub(crate) use profile::{AWARD, PATENTS, PROFILE};
pub(crate) use site::{CONTACT, NAMES, NAV, SITE};
pub(crate) use tables::{BRAND, COHORT, FIGURE, MEMBER, PAGE, STORY};
pub(crate) use unions::{SELECTION, UNION, UNION_SITE};

/// Marks a value the editor still has to replace in a file `gongjiang new` wrote; `check`
/// warns while one is left.
pub(crate) const PLACEHOLDER: &str = "（请填写";

/// Whether `s` can be a slug (the name of a profile, story, brand or page in its URL and file
/// name): lowercase ASCII letters, digits and single inner hyphens; no dots, spaces or other scripts.
pub(crate) fn is_safe_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// The fields of one kind of mapping: a file's top level, or a nested mapping or list item.
#[derive(Debug)]
pub struct Schema {
    /// What editors call it, for messages: 人物资料, 批次文件.
    pub what: &'static str,
    pub fields: &'static [Field],
    /// Keys not listed are the editor's own (`private`, `extra`): no hint is given for them.
    pub open: bool,
}

/// One field an editor may write.
#[derive(Debug)]
pub struct Field {
    pub key: &'static str,
    /// The Chinese name editors know it by, used in every message about it.
    pub label: &'static str,
    /// Other names editors write for it: recognised for hints, never read as the field.
    pub aliases: &'static [Alias],
    pub ty: Type,
    pub need: Need,
    /// A value as written in a file (for a mapping or a list of mappings, see [`Field::example_value`]).
    pub example: &'static str,
    /// One line: what it is for and how to write it (Markdown, for docs/content.md).
    pub about: &'static str,
    /// The statistic it feeds, for the statistics fields of a profile.
    pub stat: Option<&'static str>,
}

/// Whether a field must be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
    /// Optional, with the value used when it is left out.
    Default(&'static str),
}

/// Another name for a field, and what writing it means.
#[derive(Debug)]
pub struct Alias {
    pub text: &'static str,
    pub means: Means,
}

/// What a field's alias means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Means {
    /// The same field under another name (a Chinese label, a synonym, another tool's name).
    Same,
    /// The same field under another name, with something to say about it (`title` in a profile).
    Note(&'static str),
    /// The opposite true/false (`draft: true` is `published: false`).
    Opposite,
}

/// An alias meaning the same field.
pub(crate) const fn same(text: &'static str) -> Alias {
    Alias {
        text,
        means: Means::Same,
    }
}

/// What kind of value a field takes.
#[derive(Debug, Clone, Copy)]
pub enum Type {
    Text,
    /// Text read as Markdown.
    Markdown,
    /// A whole number within the range.
    Number {
        min: i64,
        max: i64,
    },
    /// A year from 2016 to this year.
    Year,
    Bool,
    /// A list of short texts.
    Texts,
    /// A list of slugs of other files (`brands`, a story's `craftsmen`).
    Slugs,
    Date,
    Choice(Vocab),
    /// An industry section of GB/T 4754-2017.
    Industry,
    /// A file beside the content file.
    File,
    /// A web address.
    Url,
    /// A nested mapping with its own fields.
    Map(&'static Schema),
    /// A list of mappings; `text` is the example of an item written as plain text, when allowed.
    List {
        item: &'static Schema,
        text: Option<&'static str>,
    },
}

/// The closed lists of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vocab {
    Level,
    Education,
    SkillLevel,
    TitleLevel,
    NameOrder,
    UnionKind,
}

impl Vocab {
    /// The values as written in files, in the order the schema lists them.
    pub fn values(self) -> Vec<&'static str> {
        fn labels<T: Copy>(all: &[T], label: fn(&T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(label).collect()
        }
        match self {
            Vocab::Level => labels(Level::ALL, Level::label),
            Vocab::Education => labels(Education::ALL, Education::label),
            Vocab::SkillLevel => labels(SkillLevel::ALL, SkillLevel::label),
            Vocab::TitleLevel => labels(TitleLevel::ALL, TitleLevel::label),
            Vocab::NameOrder => vec!["pinyin", "stroke"],
            Vocab::UnionKind => labels(UnionKind::ALL, UnionKind::label),
        }
    }

    /// Other words editors write for a value, and the value each means: hints only.
    pub fn aliases(self) -> &'static [(&'static str, &'static str)] {
        tables::value_aliases(self)
    }
}

/// Where a written key was found in a schema.
#[derive(Debug, Clone, Copy)]
pub struct Suggestion {
    pub field: &'static Field,
    /// The field of this mapping that holds it, when it belongs one level down
    /// (`发明专利` at the top of a profile is `patents.invention`).
    pub parent: Option<&'static Field>,
    /// The alias written, when it was one (else the key or the label was matched).
    pub alias: Option<&'static Alias>,
    /// Whether the label or an alias was written exactly, rather than close to it.
    pub closeness: Closeness,
}

impl Schema {
    /// The field with this key.
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The field of this mapping (or of a mapping one level down) an unknown key stands for:
    /// a slip of its key, its Chinese label, an alias, or close to one of them.
    pub fn suggest(&'static self, written: &str) -> Option<Suggestion> {
        let here = self.fields.iter().map(|f| (None, f));
        let below = self.fields.iter().flat_map(|parent| match parent.ty {
            Type::Map(inner) => inner
                .fields
                .iter()
                .map(move |f| (Some(parent), f))
                .collect(),
            _ => Vec::new(),
        });
        let candidates = here.chain(below).flat_map(|(parent, f)| {
            let own = [(parent, f, None, f.key), (parent, f, None, f.label)];
            let aliases = f.aliases.iter().map(move |a| (parent, f, Some(a), a.text));
            own.into_iter()
                .chain(aliases)
                .map(|(p, f, a, text)| ((p, f, a), text))
        });
        let found = suggest::rank(written, candidates, Closeness::Typo);
        let closest = found.first()?.closeness;
        // A field of this mapping before one below it, equally close.
        let best = found
            .iter()
            .filter(|f| f.closeness == closest)
            .min_by_key(|f| f.item.0.is_some())?;
        let (parent, field, alias) = best.item;
        Some(Suggestion {
            field,
            parent,
            alias,
            closeness: best.closeness,
        })
    }

    /// The English key a key written in Chinese (or misspelt) stands for, at any level of this
    /// schema: for messages about lines YAML could not read.
    pub fn english(&'static self, written: &str) -> Option<&'static str> {
        if let Some(s) = self.suggest(written) {
            return Some(s.field.key);
        }
        self.fields.iter().find_map(|f| match f.ty {
            Type::Map(inner) | Type::List { item: inner, .. } => inner.english(written),
            _ => None,
        })
    }

    /// The required fields with their examples, as a hint for a file that is not written as
    /// fields: `name: 张伟`、`cohort: 2021`、…
    pub fn shape(&self) -> String {
        let lines: Vec<String> = self
            .fields
            .iter()
            .filter(|f| f.need == Need::Required)
            .map(|f| match f.ty {
                Type::List { item, text } => format!(
                    "`{}:` 下面每行一项 `  - {}`",
                    f.key,
                    text.map_or_else(|| item.flow_example(), str::to_string)
                ),
                _ => format!("`{}: {}`", f.key, f.example_value()),
            })
            .collect();
        lines.join("、")
    }

    /// A mapping of this schema written on one line with every field's example:
    /// `{ invention: 1, utility_model: 3, design: 0 }`.
    pub fn flow_example(&self) -> String {
        let parts: Vec<String> = self
            .fields
            .iter()
            .filter(|f| !f.example.is_empty())
            .map(|f| format!("{}: {}", f.key, f.example))
            .collect();
        format!("{{ {} }}", parts.join(", "))
    }
}

impl Field {
    /// The example as written after `key: ` (a nested mapping on one line; a list's first item).
    pub fn example_value(&self) -> String {
        match self.ty {
            Type::Map(inner) if self.example.is_empty() => inner.flow_example(),
            Type::List { item, .. } if self.example.is_empty() => {
                format!("[{}]", item.flow_example())
            }
            _ => self.example.to_string(),
        }
    }

    pub fn required(&self) -> bool {
        self.need == Need::Required
    }

    /// How the field reads in messages: `` `name`（姓名）``.
    pub fn named(&self) -> String {
        format!("`{}`（{}）", self.key, self.label)
    }
}

#[cfg(test)]
mod tests;
