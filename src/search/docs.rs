//! What is searchable: the site model turned into search documents, each with three field
//! groups (name, key facts, body) whose order is the ranking order.
//!
//! Only published profiles are documents (even when a build includes withdrawn ones with
//! `--drafts`); the model never keeps a profile's `private:` fields, and `extra:` (template
//! data) is not indexed either.
//!
//! On a site with unions each craftsman also has a level: that of the honour its card shows
//! ([`crate::model::honours::shown`], the highest). A site without unions has none, and its
//! index is what it was before levels existed.

use crate::model::craftsman::Craftsman;
use crate::model::names::NameKey;
use crate::model::site::Site;
use crate::model::story::{Brand, Page, Story};
use crate::model::urls::with_base;
use crate::schema::levels::Level;
use std::collections::HashMap;

/// What kind of page a document is; the order is the id order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Craftsman,
    Story,
    Brand,
    Page,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Craftsman, Kind::Story, Kind::Brand, Kind::Page];

    /// How results name the kind.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Craftsman => "工匠",
            Kind::Story => "技艺故事",
            Kind::Brand => "工匠品牌",
            Kind::Page => "页面",
        }
    }
}

/// The field groups, in ranking order after an exact name match.
pub const GROUPS: usize = 3;

/// One searchable page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub kind: Kind,
    /// With the base path.
    pub url: String,
    /// The craftsman's name, or the title.
    pub title: String,
    /// The name's readings: `zhang wei min weimin zhangweimin zwm` (craftsmen only).
    pub pinyin: String,
    /// Post, skills, employer, industry, nominating union; for a story, its craftsmen's names.
    pub meta: String,
    /// Summary, awards, levels and the body's plain text.
    pub body: String,
    pub cohort: Option<i32>,
    /// Industry section letter.
    pub industry: Option<char>,
    /// The level a craftsman's card shows (`市级`, `区级`, `局级`); only on a site with unions.
    pub level: Option<&'static str>,
    /// Exact-name keys ([`super::text::key`]): the name or title, and for craftsmen the
    /// reading without spaces and the initials.
    pub keys: Vec<String>,
}

impl Doc {
    /// The text of field group `g` as it is indexed.
    pub fn group(&self, g: usize) -> String {
        match self.parts(g) {
            [a, ""] => a.to_string(),
            [a, b] => format!("{a}\n{b}"),
        }
    }

    /// The texts of field group `g`: name and readings, key facts, or body.
    pub fn parts(&self, g: usize) -> [&str; 2] {
        match g {
            0 => [&self.title, &self.pinyin],
            1 => [&self.meta, ""],
            _ => [&self.body, ""],
        }
    }
}

fn lines<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn craftsman(base: &str, c: &Craftsman, level: Option<Level>) -> Doc {
    let k = &c.name_key;
    let skills = c.skills.join("、");
    let meta = lines([
        c.post.as_str(),
        skills.as_str(),
        c.employer.as_str(),
        c.industry.map_or("", |s| s.name),
        c.union.as_deref().unwrap_or(""),
    ]);
    let awards: Vec<&str> = c.awards.iter().flatten().map(|a| a.name.as_str()).collect();
    let awards = awards.join("、");
    let levels = [
        c.skill_level.map(|l| l.label()),
        c.title_level.map(|l| l.label()),
        c.education.map(|l| l.label()),
    ]
    .into_iter()
    .flatten()
    .filter(|l| *l != "无")
    .collect::<Vec<_>>()
    .join("、");
    let body = lines([
        c.summary.as_deref().unwrap_or(""),
        awards.as_str(),
        levels.as_str(),
        c.body.text.as_str(),
    ]);
    let pinyin = readings(k);
    let mut keys = vec![super::text::key(&c.name)];
    for extra in [&k.compact, &k.initials] {
        if !extra.is_empty() && !keys.contains(extra) {
            keys.push(extra.clone());
        }
    }
    Doc {
        kind: Kind::Craftsman,
        url: with_base(base, &c.url()),
        title: c.name.clone(),
        pinyin,
        meta,
        body,
        cohort: c.cohort,
        industry: c.industry.map(|s| s.letter),
        level: level.map(|l| l.label()),
        keys,
    }
}

/// The ways a name is written in pinyin: by syllable (`zhang wei min`), surname and given name
/// (`zhang weimin`, `ouyang xiaodong`), as one word (`zhangweimin`), and its initials (`zwm`).
fn readings(k: &NameKey) -> String {
    let surname_syllables = k.surname.split_whitespace().count();
    let syllables: Vec<&str> = k.pinyin.split_whitespace().collect();
    let (surname, given) = syllables.split_at(surname_syllables.min(syllables.len()));
    let mut words: Vec<String> = syllables.iter().map(|s| s.to_string()).collect();
    words.extend([
        surname.concat(),
        given.concat(),
        k.compact.clone(),
        k.initials.clone(),
    ]);
    let mut seen = Vec::new();
    words.retain(|w| {
        !w.is_empty() && !seen.contains(w) && {
            seen.push(w.clone());
            true
        }
    });
    words.join(" ")
}

fn article(kind: Kind, url: String, title: &str, meta: String, body: String) -> Doc {
    Doc {
        kind,
        url,
        title: title.to_string(),
        pinyin: String::new(),
        meta,
        body,
        cohort: None,
        industry: None,
        level: None,
        keys: vec![super::text::key(title)],
    }
}

/// What the manifest's ranges tell of a document: its kind, cohort, industry and level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facets {
    pub kind: Kind,
    pub cohort: Option<i32>,
    pub industry: Option<char>,
    pub level: Option<&'static str>,
}

/// The level a craftsman counts at in search: that of the honour its card shows; `None` on a
/// site without unions.
fn level_of(site: &Site, c: &Craftsman) -> Option<Level> {
    (!site.unions.is_empty()).then(|| crate::model::honours::shown(c, &site.unions).1)
}

/// The levels the search can filter by: those some published craftsman counts at, highest
/// first (市级, 区级, 局级); none on a site without unions.
pub fn levels(site: &Site) -> Vec<&'static str> {
    let held: Vec<Level> = site
        .craftsmen
        .iter()
        .filter(|c| c.published)
        .filter_map(|c| level_of(site, c))
        .collect();
    Level::ALL
        .iter()
        .filter(|l| held.contains(l))
        .map(|l| l.label())
        .collect()
}

/// Where a document comes from.
#[derive(Debug, Clone, Copy)]
enum Source<'a> {
    Craftsman(&'a Craftsman, Option<Level>),
    Story(&'a Story),
    Brand(&'a Brand),
    Page(&'a Page),
    Made(&'a Doc),
}

/// The documents of a site, in id order: craftsmen by cohort, level (on a site with unions),
/// industry and the site's name order, then stories (newest first), brands and pages, as the
/// site orders them. Each is made when asked for, so that the texts are not all copied at once.
#[derive(Clone)]
pub struct Docs<'a> {
    base: &'a str,
    sources: Vec<Source<'a>>,
    names: HashMap<&'a str, &'a str>,
    /// Whether documents have levels (the site has unions): the ranges then say each one's.
    levels: bool,
}

impl<'a> Docs<'a> {
    pub fn new(site: &'a Site) -> Docs<'a> {
        let mut people: Vec<(&Craftsman, Option<Level>)> = site
            .craftsmen
            .iter()
            .map(|c| &**c)
            .filter(|c| c.published)
            .map(|c| (c, level_of(site, c)))
            .collect();
        // The city's craftsmen first, by cohort; those selected by unions only after them;
        // within a cohort by the level the card shows, then industry.
        people.sort_by_key(|(c, level)| {
            (
                c.cohort.is_none(),
                c.cohort,
                *level,
                c.industry.map(|s| s.letter),
            )
        });
        let names = people
            .iter()
            .map(|(c, _)| (c.slug.as_str(), c.name.as_str()))
            .collect();
        let sources = people
            .into_iter()
            .map(|(c, level)| Source::Craftsman(c, level))
            .chain(site.stories.iter().map(|s| Source::Story(s)))
            .chain(site.brands.iter().map(Source::Brand))
            .chain(site.pages.iter().map(Source::Page))
            .collect();
        Docs {
            base: site.config.base_path.as_str(),
            sources,
            names,
            levels: !site.unions.is_empty(),
        }
    }

    /// Documents made elsewhere (tests, benchmarks), in id order; they have levels when any
    /// of them has one.
    pub fn from_docs(docs: &'a [Doc]) -> Docs<'a> {
        Docs {
            base: "/",
            sources: docs.iter().map(Source::Made).collect(),
            names: HashMap::new(),
            levels: docs.iter().any(|d| d.level.is_some()),
        }
    }

    /// Whether the documents have levels (the site has unions).
    pub fn has_levels(&self) -> bool {
        self.levels
    }

    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The kind, cohort, industry and level of document `id`, without making it.
    pub fn facets(&self, id: usize) -> Facets {
        let of = |kind| Facets {
            kind,
            cohort: None,
            industry: None,
            level: None,
        };
        match self.sources[id] {
            Source::Craftsman(c, level) => Facets {
                kind: Kind::Craftsman,
                cohort: c.cohort,
                industry: c.industry.map(|s| s.letter),
                level: level.map(|l| l.label()),
            },
            Source::Story(_) => of(Kind::Story),
            Source::Brand(_) => of(Kind::Brand),
            Source::Page(_) => of(Kind::Page),
            Source::Made(d) => Facets {
                kind: d.kind,
                cohort: d.cohort,
                industry: d.industry,
                level: d.level,
            },
        }
    }

    /// Document `id` (`id < len()`).
    pub fn get(&self, id: usize) -> Doc {
        let base = self.base;
        match self.sources[id] {
            Source::Craftsman(c, level) => craftsman(base, c, level),
            Source::Story(s) => {
                let names = lines(
                    s.craftsmen
                        .iter()
                        .filter_map(|slug| self.names.get(slug.as_str()).copied()),
                );
                let body = lines([s.summary.as_deref().unwrap_or(""), s.body.text.as_str()]);
                let url = with_base(base, &crate::model::urls::story(&s.slug));
                article(Kind::Story, url, &s.title, names, body)
            }
            Source::Brand(b) => {
                let figures: Vec<String> = b
                    .figures
                    .iter()
                    .map(|f| format!("{} {}", f.label, f.value))
                    .collect();
                let figures = lines(figures.iter().map(String::as_str));
                let body = lines([
                    b.summary.as_deref().unwrap_or(""),
                    figures.as_str(),
                    b.body.text.as_str(),
                ]);
                let url = with_base(base, &crate::model::urls::brand(&b.slug));
                article(Kind::Brand, url, &b.title, String::new(), body)
            }
            Source::Page(p) => {
                let body = lines([p.summary.as_deref().unwrap_or(""), p.body.text.as_str()]);
                let url = with_base(base, &crate::model::urls::page(&p.slug));
                article(Kind::Page, url, &p.title, String::new(), body)
            }
            Source::Made(d) => d.clone(),
        }
    }
}

/// Every document of a site, made at once (for tests and small sites).
pub fn collect(site: &Site) -> Vec<Doc> {
    let docs = Docs::new(site);
    (0..docs.len()).map(|i| docs.get(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::names::name_key;

    #[test]
    fn readings_cover_every_way_of_writing_a_name() {
        assert_eq!(
            readings(&name_key("张伟民", None)),
            "zhang wei min weimin zhangweimin zwm"
        );
        assert_eq!(
            readings(&name_key("欧阳晓东", None)),
            "ou yang xiao dong ouyang xiaodong ouyangxiaodong oyxd"
        );
        assert_eq!(
            readings(&name_key("单建国", None)),
            "shan jian guo jianguo shanjianguo sjg"
        );
    }
}
