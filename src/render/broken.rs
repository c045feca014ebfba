//! Broken internal links of rendered pages: gathered while the pages render, reported once per place in the theme that makes them.
//!
//! A link is placed by its attribute in a template's source: the written parts of the value
//! (`{{ site.base_path }}awards/` → `awards/` at the end) must match, holes match anything, and
//! the most written text wins. Failing that, the link's text found anywhere in a template (a
//! `{% set %}`) places it; failing that, the template that rendered the page is named. Links
//! editors wrote (Markdown bodies, `nav` in site.yaml) are checked at their own line when the
//! content is loaded, and are left out here.

use crate::diag::Diagnostic;
use crate::html_text::decode_entities;
use crate::links::{self, OutputPaths, Resolver, Syntax};
use crate::model::site::Site;
use crate::model::urls::with_base;
use crate::render::pages::PageJob;
use crate::render::theme::Theme;
use crate::source::SourceFile;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::ops::Range;

/// Broken links found on the pages of one build: each link (as written, entities decoded) and
/// the pages (indices into the page list) it is on.
#[derive(Debug, Default)]
pub struct Found {
    links: FxHashMap<String, Vec<u32>>,
}

impl Found {
    /// Records the broken links of page `page` (each once).
    pub fn add(&mut self, page: usize, broken: Vec<String>) {
        let page = u32::try_from(page).unwrap_or(u32::MAX);
        for link in broken {
            self.links.entry(link).or_default().push(page);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }
}

/// What the report is made from.
pub struct Context<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub jobs: &'a [PageJob],
    pub resolver: &'a Resolver,
    pub paths: &'a OutputPaths<'a>,
}

/// Where in the theme a broken link comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    /// A byte range of a template's source, by shown file.
    At(String, usize, usize),
    /// Only the template that rendered the page is known.
    Template(String),
}

/// One link and its pages, sorted.
struct Occurrence {
    link: String,
    pages: Vec<u32>,
}

/// One error per place in the theme, naming a link, a page it is on and how many pages share the
/// place's broken links. Links editors wrote are left out (see the module documentation).
pub fn report(found: Found, cx: &Context) -> Vec<Diagnostic> {
    let editors = editors_links(cx.site);
    let patterns = Patterns::new(cx.theme);
    let mut places: BTreeMap<Place, Vec<Occurrence>> = BTreeMap::new();
    for (link, mut pages) in found.links {
        if editors.contains(link.as_str()) {
            continue;
        }
        pages.sort_unstable();
        pages.dedup();
        let Some(&first) = pages.first() else {
            continue;
        };
        let Some(job) = cx.jobs.get(first as usize) else {
            continue;
        };
        let place = patterns.place(&link, job.template, cx);
        places
            .entry(place)
            .or_default()
            .push(Occurrence { link, pages });
    }
    places
        .into_iter()
        .map(|(place, occurrences)| diagnostic(place, occurrences, &patterns, cx))
        .collect()
}

/// Every link of the Markdown bodies and of the navigation, as templates show them.
fn editors_links(site: &Site) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    let bodies = site
        .craftsmen
        .iter()
        .map(|c| &c.body)
        .chain(site.stories.iter().map(|s| &s.body))
        .chain(site.brands.iter().map(|b| &b.body))
        .chain(site.pages.iter().map(|p| &p.body));
    for body in bodies {
        for a in links::attributes(&body.html, Syntax::Html) {
            links::for_each_url(&body.html[a.value], a.srcset, |url| {
                out.insert(url.to_string());
            });
        }
    }
    for item in &site.config.nav {
        out.insert(with_base(&site.config.base_path, &item.url));
    }
    out
}

/// The URL attributes of every template, split into written parts and holes.
struct Patterns<'t> {
    theme: &'t Theme,
    attributes: Vec<Pattern<'t>>,
}

struct Pattern<'t> {
    file: &'t str,
    in_use: bool,
    value: Range<usize>,
    /// Written parts (entities decoded) and holes (`None`: a tag, which may print anything).
    pieces: Vec<Option<String>>,
}

impl<'t> Patterns<'t> {
    fn new(theme: &'t Theme) -> Self {
        let mut attributes = Vec::new();
        for (file, text, in_use) in theme.templates() {
            for a in links::attributes(text, Syntax::Template) {
                attributes.push(Pattern {
                    file,
                    in_use,
                    pieces: pieces(&text[a.value.clone()]),
                    value: a.value,
                });
            }
        }
        Patterns { theme, attributes }
    }

    /// Where `link`, found on a page rendered from `template`, comes from.
    fn place(&self, link: &str, template: &str, cx: &Context) -> Place {
        let own = self.theme.file_of(template).unwrap_or("themes/");
        // The best attribute: most written text, then the page's own template, then one in use.
        let best = self
            .attributes
            .iter()
            .filter_map(|p| {
                let written = matches(&p.pieces, link)?;
                Some(((written, p.file == own, p.in_use), p))
            })
            .filter(|((written, _, _), _)| *written > 0)
            .max_by(|(a, pa), (b, pb)| a.cmp(b).then_with(|| pb.file.cmp(pa.file)));
        if let Some((_, p)) = best {
            return Place::At(p.file.to_string(), p.value.start, p.value.end);
        }
        // The link's text in a template (a `{% set %}`, a branch of an `{% if %}`).
        let base = cx.resolver.base_path();
        let texts = [Some(link), link.strip_prefix(base).filter(|r| r.len() > 1)];
        let mut files: Vec<(&str, &str, bool)> = self.theme.templates().collect();
        files.sort_by_key(|(file, _, in_use)| (*file != own, !*in_use));
        for text in texts.into_iter().flatten() {
            for (file, source, _) in &files {
                if let Some(at) = source.find(text) {
                    return Place::At(file.to_string(), at, at + text.len());
                }
            }
        }
        Place::Template(own.to_string())
    }
}

/// A template attribute value split at its tags.
fn pieces(value: &str) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::new();
    let mut rest = value;
    while !rest.is_empty() {
        let tag = ["{{", "{%", "{#"]
            .iter()
            .filter_map(|open| rest.find(open).map(|at| (at, *open)))
            .min();
        let Some((at, open)) = tag else {
            out.push(Some(decode_entities(rest).into_owned()));
            break;
        };
        if at > 0 {
            out.push(Some(decode_entities(&rest[..at]).into_owned()));
        }
        let close = match open {
            "{{" => "}}",
            "{%" => "%}",
            _ => "#}",
        };
        if out.last().is_none_or(Option::is_some) {
            out.push(None);
        }
        rest = rest[at + 2..]
            .find(close)
            .map_or("", |end| &rest[at + 2 + end + 2..]);
    }
    out
}

/// How many written bytes of `pieces` match `link` (holes match anything); `None`: no match.
fn matches(pieces: &[Option<String>], link: &str) -> Option<usize> {
    let last = pieces.len().checked_sub(1)?;
    let mut at = 0;
    let mut written = 0;
    for (k, piece) in pieces.iter().enumerate() {
        let Some(text) = piece else {
            continue;
        };
        written += text.len();
        match (k == 0, k == last) {
            (true, true) => return (link == text).then_some(written),
            (true, false) => {
                if !link.starts_with(text.as_str()) {
                    return None;
                }
                at = text.len();
            }
            (false, true) => {
                let fits = link.len() >= at + text.len() && link.ends_with(text.as_str());
                return fits.then_some(written);
            }
            (false, false) => at += link.get(at..)?.find(text.as_str())? + text.len(),
        }
    }
    Some(written)
}

fn diagnostic(
    place: Place,
    mut occurrences: Vec<Occurrence>,
    patterns: &Patterns,
    cx: &Context,
) -> Diagnostic {
    // The example: the link on most pages, then the one met first.
    occurrences.sort_by(|a, b| {
        b.pages
            .len()
            .cmp(&a.pages.len())
            .then_with(|| a.pages.first().cmp(&b.pages.first()))
            .then_with(|| a.link.cmp(&b.link))
    });
    let mut pages: Vec<u32> = occurrences
        .iter()
        .flat_map(|o| o.pages.iter().copied())
        .collect();
    pages.sort_unstable();
    pages.dedup();
    let example = &occurrences[0];
    let page = example.pages.first().and_then(|&i| cx.jobs.get(i as usize));
    let page_url = page.map_or("/", |j| j.url.as_str());
    let on = match pages.len() {
        1 => format!("出现在页面 {page_url}"),
        n => format!("出现在 {page_url} 等 {n} 个页面"),
    };
    let others = match occurrences.len() {
        1 => String::new(),
        n => format!(
            "；这里还生成了另外 {} 个不存在的链接，如 `{}`",
            n - 1,
            occurrences[1].link
        ),
    };
    let link = &example.link;
    let d = match &place {
        Place::At(file, start, end) => {
            let source = patterns.theme.sources.get(file).cloned().unwrap_or_default();
            let src = SourceFile::new(file.clone(), source);
            Diagnostic::error(
                "link.broken",
                format!("模板里的链接 `{link}` 指向的页面不存在（{on}{others}）"),
            )
            .at(&src, *start, *end)
        }
        Place::Template(file) => Diagnostic::error(
            "link.broken",
            format!(
                "这个模板生成的页面里，链接 `{link}` 指向的页面不存在（{on}{others}）；在模板里找不到这个链接的写法"
            ),
        )
        .in_file(file.clone()),
    };
    d.hint(hint(link, page_url, cx))
}

/// The nearest page or file of the site, when one is close, and how to write a link.
fn hint(link: &str, page: &str, cx: &Context) -> String {
    let general = "模板里的站内链接要指向网站会生成的页面或文件，写成 `{{ site.base_path }}craftsmen/` 这样（不要写死网址）";
    let Some(target) = cx.resolver.target(link, page) else {
        return general.to_string();
    };
    match crate::model::cross::nearest_slug(&target, cx.paths.iter()) {
        Some(near) => format!(
            "是否想链接到 `{}`？{general}",
            with_base(cx.resolver.base_path(), &format!("/{near}"))
        ),
        None => general.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(value: &str) -> Vec<Option<String>> {
        pieces(value)
    }

    #[test]
    fn pieces_are_written_parts_and_holes() {
        let s = |t: &str| Some(t.to_string());
        assert_eq!(p("{{ site.base_path }}awards/"), [None, s("awards/")]);
        assert_eq!(
            p("/cohorts/{{ c.year + 1 }}/"),
            [s("/cohorts/"), None, s("/")]
        );
        assert_eq!(p("{% if a %}{{ b }}{% endif %}x&amp;y"), [None, s("x&y")]);
        assert_eq!(p("/plain/"), [s("/plain/")]);
        assert_eq!(p("{{ unclosed"), [None]);
    }

    #[test]
    fn matching_counts_the_written_bytes() {
        assert_eq!(matches(&p("{{ b }}awards/"), "/awards/"), Some(7));
        assert_eq!(matches(&p("{{ b }}awards/"), "/stats/"), None);
        assert_eq!(matches(&p("/cohorts/{{ y }}/"), "/cohorts/2019/"), Some(10));
        assert_eq!(
            matches(&p("/cohorts/{{ y }}/"), "/cohorts/"),
            None,
            "no overlap"
        );
        assert_eq!(matches(&p("{{ u }}"), "/x/"), Some(0));
        assert_eq!(matches(&p("/a/{{ x }}/b/{{ y }}"), "/a/1/b/2"), Some(6));
        assert_eq!(matches(&p("/a/"), "/a/"), Some(3));
        assert_eq!(matches(&p("/a/"), "/a/b/"), None);
    }
}
