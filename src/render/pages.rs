//! The list of pages a site has: for each, its output path, template and what the template is given.

use crate::model::paging::{Lists, Paging};
use crate::model::urls::{file_of, page_path};
use crate::render::embed::script_json;
use crate::render::pager::Pager;
use crate::render::views::{
    with_base, BrandView, CohortView, CraftsmanCard, CraftsmanView, IndustryView, Link, MemberView,
    PageView, StoryView, Views,
};
use serde::Serialize;
use serde_json::{json, Value};
use std::sync::Arc;

/// One HTML page to render: where it goes and what it shows. Its meta and data are made from the
/// views when it is rendered ([`PageJob::input`]), so that listing every page costs little.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageJob {
    /// Output path relative to the site root (`craftsmen/zhang-wei/index.html`).
    pub path: String,
    /// Path with base (`/sub/craftsmen/x/`), as in [`PageMeta::url`].
    pub url: String,
    pub template: &'static str,
    /// Name under which the template sees the page's own data.
    pub key: &'static str,
    pub target: Target,
}

/// Which page of the site a job is: the list pages, or one entity by its index in [`Views`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Home,
    /// One page of the A–Z index (0 is `/craftsmen/`).
    Craftsmen(usize),
    Craftsman(usize),
    Cohorts,
    /// One page of a cohort's list (cohort, page from 0).
    Cohort(usize, usize),
    Industries,
    /// One page of an industry (industry, page from 0).
    Industry(usize, usize),
    /// One page of the stories index.
    Stories(usize),
    Story(usize),
    Brands,
    /// One page of a brand (brand, page from 0).
    Brand(usize, usize),
    Stats,
    Page(usize),
    Search,
    Missing,
}

/// A page's own data: a view borrowed as it is (serialised straight into the template context
/// when the page is rendered, so that no copy of it is held meanwhile), or JSON made for the page.
pub enum Data<'a> {
    Json(Value),
    Index(IndexData<'a>),
    Craftsman(Box<CraftsmanView>),
    Cohort(CohortPage<'a>),
    Industry(IndustryPage<'a>),
    Story(&'a StoryView),
    Brand(BrandPage<'a>),
    Page(&'a PageView),
}

impl Serialize for Data<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Data::Json(v) => v.serialize(s),
            Data::Index(v) => v.serialize(s),
            Data::Craftsman(v) => v.serialize(s),
            Data::Cohort(v) => v.serialize(s),
            Data::Industry(v) => v.serialize(s),
            Data::Story(v) => v.serialize(s),
            Data::Brand(v) => v.serialize(s),
            Data::Page(v) => v.serialize(s),
        }
    }
}

/// The A–Z index's data for one page, with the profile cards borrowed rather than copied into JSON.
#[derive(Serialize)]
pub struct IndexData<'a> {
    pub cohorts: Vec<Value>,
    pub industries: Vec<Value>,
    /// The letter groups on this page (a group may begin on an earlier page or go on to the next).
    pub letters: Vec<LetterSlice<'a>>,
    /// Every letter of the whole index: where its first profile is, and how many it has.
    pub jump: Vec<Jump>,
    /// This page's number, from 1 (the pager is `page.pager`).
    pub number: usize,
}

/// One page of an industry: the view's facts with the profiles on this page.
pub struct IndustryPage<'a> {
    pub view: &'a IndustryView,
    pub craftsmen: &'a [Arc<CraftsmanCard>],
    pub number: usize,
}

/// One page of a cohort: the view's facts with the members on this page (`members`), in the
/// cohort's order; `count` stays the whole cohort's.
pub struct CohortPage<'a> {
    pub view: &'a CohortView,
    pub members: &'a [MemberView],
    pub number: usize,
}

impl Serialize for CohortPage<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let v = self.view;
        let mut m = s.serialize_map(Some(11))?;
        m.serialize_entry("year", &v.year)?;
        m.serialize_entry("title", &v.title)?;
        m.serialize_entry("url", &v.url)?;
        m.serialize_entry("ceremony", &v.ceremony)?;
        m.serialize_entry("intro", &v.intro)?;
        m.serialize_entry("members", self.members)?;
        m.serialize_entry("order", &v.order)?;
        m.serialize_entry("count", &v.count)?;
        m.serialize_entry("profiles", &v.profiles)?;
        m.serialize_entry("stats", &v.stats)?;
        m.serialize_entry("number", &self.number)?;
        m.end()
    }
}

/// One page of a brand: the view's facts with the craftsmen on this page; `count` is all of them.
pub struct BrandPage<'a> {
    pub view: &'a BrandView,
    pub craftsmen: &'a [Arc<CraftsmanCard>],
    pub number: usize,
}

impl Serialize for BrandPage<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let v = self.view;
        let mut m = s.serialize_map(Some(10))?;
        m.serialize_entry("slug", &v.slug)?;
        m.serialize_entry("title", &v.title)?;
        m.serialize_entry("url", &v.url)?;
        m.serialize_entry("order", &v.order)?;
        m.serialize_entry("summary", &v.summary)?;
        m.serialize_entry("figures", &v.figures)?;
        m.serialize_entry("content", &v.content)?;
        m.serialize_entry("craftsmen", self.craftsmen)?;
        m.serialize_entry("count", &v.craftsmen.len())?;
        m.serialize_entry("number", &self.number)?;
        m.end()
    }
}

impl Serialize for IndustryPage<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let v = self.view;
        let mut m = s.serialize_map(Some(7))?;
        m.serialize_entry("letter", &v.letter)?;
        m.serialize_entry("name", &v.name)?;
        m.serialize_entry("url", &v.url)?;
        m.serialize_entry("craftsmen", self.craftsmen)?;
        m.serialize_entry("count", &v.count)?;
        m.serialize_entry("stats", &v.stats)?;
        m.serialize_entry("number", &self.number)?;
        m.end()
    }
}

/// A letter group, or the part of it on one page.
#[derive(Serialize)]
pub struct LetterSlice<'a> {
    pub letter: char,
    pub craftsmen: &'a [std::sync::Arc<crate::render::views::CraftsmanCard>],
}

#[derive(Serialize)]
pub struct Jump {
    pub letter: char,
    pub url: String,
    pub count: usize,
}

/// The output file of the page at `path` (`/x/` → `x/index.html`).
fn index_data<'a>(c: &Ctx<'a>, paging: Paging, page: usize) -> IndexData<'a> {
    let v = c.v;
    let range = paging.range(page);
    let (from, to) = (range.start, range.end);
    let mut letters = Vec::new();
    let mut jump = Vec::new();
    let mut at = 0;
    for g in v.letters() {
        let n = g.craftsmen.len();
        let on = paging.page_of(at);
        let anchor = format!("#letter-{}", g.letter);
        jump.push(Jump {
            letter: g.letter,
            url: if on == page {
                anchor
            } else {
                format!("{}{anchor}", c.url(&page_path("/craftsmen/", on)))
            },
            count: n,
        });
        let (lo, hi) = (from.max(at), to.min(at + n));
        if lo < hi {
            letters.push(LetterSlice {
                letter: g.letter,
                craftsmen: &g.craftsmen[lo - at..hi - at],
            });
        }
        at += n;
    }
    IndexData {
        cohorts: v
            .cohorts()
            .map(|k| json!({"year": k.year, "title": k.title, "url": k.url, "count": k.count}))
            .collect(),
        industries: v
            .industries()
            .iter()
            .map(|i| json!({"letter": i.letter, "name": i.name, "url": i.url, "count": i.count}))
            .collect(),
        letters,
        jump,
        number: page + 1,
    }
}

/// A list's title on page `page` (from 0): `工匠名录`, then `工匠名录（第 2 页）`.
fn paged_title(title: &str, page: usize) -> String {
    match page {
        0 => title.to_string(),
        n => format!("{title}（第 {} 页）", n + 1),
    }
}

/// The breadcrumbs of a list page: the list's own, then this page's title on later pages.
fn paged_crumbs<'a>(
    list: &[(&'a str, &'a str)],
    title: &'a str,
    url: &'a str,
    page: usize,
) -> Vec<(&'a str, &'a str)> {
    let mut crumbs = list.to_vec();
    if page > 0 {
        crumbs.push((title, url));
    }
    crumbs
}

/// What every template gets as `page`: title, description, URLs, breadcrumbs, structured data.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    /// Path with base (`/sub/craftsmen/x/`).
    pub url: String,
    /// Absolute URL.
    pub canonical: String,
    pub breadcrumbs: Vec<Link>,
    /// JSON-LD, serialised and safe to embed in a script element.
    pub json_ld: String,
    pub image: Option<String>,
    /// Where a list page stands in its list (`null` on other pages).
    pub pager: Option<Pager>,
}

struct Ctx<'a> {
    v: &'a Views,
}

impl Ctx<'_> {
    fn url(&self, path: &str) -> String {
        with_base(&self.v.site.base_path, path)
    }
    /// The paging of a list of `len` entries on this site.
    fn paging(&self, len: usize) -> Paging {
        Paging::new(len, self.v.site.index_page_size)
    }
    /// The pager of page `page` of the list at `path` (without the base path).
    fn pager(&self, path: &str, paging: Paging, page: usize) -> Option<Pager> {
        Some(Pager::new(&self.v.site.base_path, path, paging, page))
    }
    fn abs(&self, path: &str) -> String {
        self.v.site.absolute(path)
    }
    fn crumbs(&self, items: &[(&str, &str)]) -> Vec<Link> {
        let mut out = vec![Link {
            title: "首页".into(),
            url: self.url("/"),
        }];
        out.extend(items.iter().map(|(t, u)| Link {
            title: t.to_string(),
            url: u.to_string(),
        }));
        out
    }
    #[allow(clippy::too_many_arguments)]
    fn meta(
        &self,
        kind: &'static str,
        title: &str,
        description: Option<&str>,
        url: &str,
        crumbs: Vec<Link>,
        ld: Value,
        image: Option<&str>,
    ) -> PageMeta {
        let canonical = self.abs(url);
        let mut graph = vec![ld];
        if crumbs.len() > 1 {
            graph.push(json!({
                "@type": "BreadcrumbList",
                "itemListElement": crumbs.iter().enumerate().map(|(i, c)| json!({
                    "@type": "ListItem", "position": i + 1, "name": c.title, "item": self.abs(&c.url)
                })).collect::<Vec<_>>()
            }));
        }
        let ld = json!({ "@context": "https://schema.org", "@graph": graph });
        PageMeta {
            kind,
            title: title.to_string(),
            description: description
                .map(str::to_string)
                .or_else(|| self.v.site.description.clone())
                .unwrap_or_default(),
            url: url.to_string(),
            canonical,
            breadcrumbs: crumbs,
            json_ld: safe_json(&ld),
            image: image.map(|i| self.abs(i)),
            pager: None,
        }
    }
}

/// JSON-LD for a `<script type="application/ld+json">`, without nulls, through [`script_json`].
pub fn safe_json(v: &Value) -> String {
    script_json(&without_nulls(v.clone()))
}

/// Drops `null` members and empty lists, which structured-data readers treat as errors.
fn without_nulls(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null() && !v.as_array().is_some_and(Vec::is_empty))
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(without_nulls).collect()),
        v => v,
    }
}

fn item_list(c: &Ctx, items: impl Iterator<Item = (String, String)>) -> Value {
    json!({
        "@type": "ItemList",
        "itemListElement": list_items(c, 0, items),
    })
}

/// The ItemList of page `page` of a list: its entries numbered as in the whole list, which has
/// `numberOfItems` entries.
fn page_list(
    c: &Ctx,
    paging: Paging,
    page: usize,
    items: impl Iterator<Item = (String, String)>,
) -> Value {
    json!({
        "@type": "ItemList",
        "numberOfItems": paging.len,
        "itemListElement": list_items(c, paging.range(page).start, items),
    })
}

fn list_items(c: &Ctx, before: usize, items: impl Iterator<Item = (String, String)>) -> Vec<Value> {
    items
        .enumerate()
        .map(|(i, (name, url))| {
            json!({
                "@type": "ListItem", "position": before + i + 1, "name": name, "url": c.abs(&url)
            })
        })
        .collect()
}

fn to_value<T: Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap_or(Value::Null)
}

/// Every HTML page of the site, in a fixed order (cheap: paths and URLs from the model, no views).
pub fn jobs(v: &Views) -> Vec<PageJob> {
    let c = Ctx { v };
    let site = v.model();
    let mut jobs = Vec::with_capacity(site.craftsmen.len() + site.stories.len() + 64);
    let mut push = |path: String, url: String, template, key, target| {
        jobs.push(PageJob {
            path,
            url,
            template,
            key,
            target,
        })
    };
    push(file_of("/"), c.url("/"), "index.html", "home", Target::Home);
    let lists: Lists = site.lists();
    for page in 0..lists.paging(lists.craftsmen).pages() {
        let path = page_path("/craftsmen/", page);
        push(
            file_of(&path),
            c.url(&path),
            "craftsmen.html",
            "index",
            Target::Craftsmen(page),
        );
    }
    for (i, p) in site.craftsmen.iter().enumerate() {
        push(
            crate::model::urls::file_of(&p.url()),
            c.url(&p.url()),
            "craftsman.html",
            "craftsman",
            Target::Craftsman(i),
        );
    }
    push(
        file_of("/cohorts/"),
        c.url("/cohorts/"),
        "cohorts.html",
        "cohorts",
        Target::Cohorts,
    );
    for (i, (k, &n)) in site.cohorts.iter().zip(&lists.cohorts).enumerate() {
        for page in 0..lists.paging(n).pages() {
            let path = page_path(&k.url(), page);
            push(
                file_of(&path),
                c.url(&path),
                "cohort.html",
                "cohort",
                Target::Cohort(i, page),
            );
        }
    }
    push(
        file_of("/industries/"),
        c.url("/industries/"),
        "industries.html",
        "industries",
        Target::Industries,
    );
    for (n, &(letter, count)) in lists.industries.iter().enumerate() {
        for page in 0..lists.paging(count).pages() {
            let path = page_path(&crate::model::urls::industry(letter), page);
            push(
                file_of(&path),
                c.url(&path),
                "industry.html",
                "industry",
                Target::Industry(n, page),
            );
        }
    }
    for page in 0..lists.paging(lists.stories).pages() {
        let path = page_path("/stories/", page);
        push(
            file_of(&path),
            c.url(&path),
            "stories.html",
            "stories",
            Target::Stories(page),
        );
    }
    for (i, s) in site.stories.iter().enumerate() {
        push(
            crate::model::urls::file_of(&crate::model::urls::story(&s.slug)),
            c.url(&crate::model::urls::story(&s.slug)),
            "story.html",
            "story",
            Target::Story(i),
        );
    }
    push(
        file_of("/brands/"),
        c.url("/brands/"),
        "brands.html",
        "brands",
        Target::Brands,
    );
    for (i, (b, &n)) in site.brands.iter().zip(&lists.brands).enumerate() {
        for page in 0..lists.paging(n).pages() {
            let path = page_path(&crate::model::urls::brand(&b.slug), page);
            push(
                file_of(&path),
                c.url(&path),
                "brand.html",
                "brand",
                Target::Brand(i, page),
            );
        }
    }
    push(
        file_of("/stats/"),
        c.url("/stats/"),
        "stats.html",
        "statistics",
        Target::Stats,
    );
    for (i, p) in v.pages.iter().enumerate() {
        push(
            crate::model::urls::file_of(&crate::model::urls::page(&p.slug)),
            p.url.clone(),
            "page.html",
            "content_page",
            Target::Page(i),
        );
    }
    push(
        file_of("/search/"),
        c.url("/search/"),
        "search.html",
        "search",
        Target::Search,
    );
    push(
        "404.html".into(),
        c.url("/404.html"),
        "404.html",
        "missing",
        Target::Missing,
    );
    jobs
}

impl Target {
    /// Whether the page lists profiles by the hundred or thousand (a large template context).
    pub fn lists_profiles(self) -> bool {
        matches!(
            self,
            Target::Craftsmen(_) | Target::Industry(..) | Target::Cohort(..) | Target::Brand(..)
        )
    }
}

impl PageJob {
    /// What the template is given: `page` (the meta) and the page's own data under [`PageJob::key`].
    pub fn input<'a>(&self, v: &'a Views) -> (PageMeta, Data<'a>) {
        let c = Ctx { v };
        let url = self.url.as_str();
        match self.target {
            Target::Home => {
                let web = json!({ "@type": "WebSite", "name": v.site.title, "url": v.site.base_url });
                (
                    c.meta("home", &v.site.title, v.site.description.as_deref(), url, Vec::new(), web, None),
                    Data::Json(json!({
                        "stats": v.stats,
                        "latest_cohort": v.cohorts().next_back(),
                        "stories": v.stories().iter().take(4).map(|s| &s.head).collect::<Vec<_>>(),
                        "brands": v.brands().iter().map(|b| json!({"title": b.title, "url": b.url, "summary": b.summary, "slug": b.slug})).collect::<Vec<_>>(),
                    })),
                )
            }
            Target::Craftsmen(page) => {
                let paging = c.paging(v.craftsmen_len());
                let data = index_data(&c, paging, page);
                let title = paged_title("工匠名录", page);
                let first = c.url("/craftsmen/");
                let crumbs = paged_crumbs(&[("工匠名录", first.as_str())], &title, url, page);
                let listed = data.letters.iter().flat_map(|g| g.craftsmen.iter()).map(|x| (x.name.clone(), x.url.clone()));
                let mut meta = c.meta("craftsmen", &title, None, url, c.crumbs(&crumbs), page_list(&c, paging, page, listed), None);
                meta.pager = c.pager("/craftsmen/", paging, page);
                (meta, Data::Index(data))
            }
            Target::Craftsman(i) => {
                let p = v.craftsman(i);
                let idx = c.url("/craftsmen/");
                let photo = p
                    .card
                    .image
                    .as_ref()
                    .map(|i| i.large.as_str())
                    .or(p.card.photo.as_deref());
                let person = json!({
                    "@type": "ProfilePage",
                    "mainEntity": {
                        "@type": "Person",
                        "name": p.card.name,
                        "jobTitle": p.card.post,
                        "worksFor": { "@type": "Organization", "name": p.card.employer },
                        "award": p.facts.awards.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
                        "knowsAbout": p.card.skills,
                        "image": photo.map(|i| c.abs(i)),
                        "url": c.abs(&p.card.url),
                    }
                });
                let meta = c.meta(
                    "craftsman",
                    &p.card.name,
                    p.card.summary.as_deref(),
                    &p.card.url,
                    c.crumbs(&[("工匠名录", &idx), (&p.card.name, &p.card.url)]),
                    person,
                    photo,
                );
                (meta, Data::Craftsman(Box::new(p)))
            }
            Target::Cohorts => (
                c.meta("cohorts", "历年批次", None, url, c.crumbs(&[("历年批次", url)]),
                    item_list(&c, v.cohorts().map(|k| (k.title.clone(), k.url.clone()))), None),
                Data::Json(to_value(&v.cohorts().map(|k| json!({"year": k.year, "title": k.title, "url": k.url, "count": k.count, "ceremony": k.ceremony, "intro": k.intro})).collect::<Vec<_>>())),
            ),
            Target::Cohort(i, page) => {
                let k = v.cohort(i);
                let cohorts_url = c.url("/cohorts/");
                let paging = c.paging(k.members.len());
                let members = &k.members[paging.range(page)];
                let title = paged_title(&k.title, page);
                let crumbs = paged_crumbs(&[("历年批次", &cohorts_url), (&k.title, &k.url)], &title, url, page);
                let listed = members.iter().map(|m| {
                    let at = m.profile.as_ref().map(|p| p.url.clone()).unwrap_or_else(|| url.to_string());
                    (m.name.clone(), at)
                });
                let mut meta = c.meta("cohort", &title, None, url, c.crumbs(&crumbs), page_list(&c, paging, page, listed), None);
                meta.pager = c.pager(&crate::model::urls::cohort(k.year), paging, page);
                (meta, Data::Cohort(CohortPage { view: k, members, number: page + 1 }))
            }
            Target::Industries => (
                c.meta(
                    "industries",
                    "行业分布",
                    None,
                    url,
                    c.crumbs(&[("行业分布", url)]),
                    item_list(
                        &c,
                        v.industries().iter().map(|i| (i.name.clone(), i.url.clone())),
                    ),
                    None,
                ),
                Data::Json(to_value(
                    &v.industries()
                        .iter()
                        .map(
                            |i| json!({"letter": i.letter, "name": i.name, "url": i.url, "count": i.count}),
                        )
                        .collect::<Vec<_>>(),
                )),
            ),
            Target::Industry(n, page) => {
                let i = &v.industries()[n];
                let ind_url = c.url("/industries/");
                let paging = c.paging(i.craftsmen.len());
                let on = &i.craftsmen[paging.range(page)];
                let title = paged_title(&i.name, page);
                let crumbs = paged_crumbs(&[("行业分布", ind_url.as_str()), (i.name.as_str(), i.url.as_str())], &title, url, page);
                let listed = on.iter().map(|p| (p.name.clone(), p.url.clone()));
                let mut meta = c.meta("industry", &title, None, url, c.crumbs(&crumbs), page_list(&c, paging, page, listed), None);
                meta.pager = c.pager(&crate::model::urls::industry(i.letter), paging, page);
                (meta, Data::Industry(IndustryPage { view: i, craftsmen: on, number: page + 1 }))
            }
            Target::Stories(page) => {
                let paging = c.paging(v.stories().len());
                let on = &v.stories()[paging.range(page)];
                let title = paged_title("技艺故事", page);
                let first = c.url("/stories/");
                let crumbs = paged_crumbs(&[("技艺故事", first.as_str())], &title, url, page);
                let listed = on.iter().map(|s| (s.head.title.clone(), s.head.url.clone()));
                let mut meta = c.meta("stories", &title, None, url, c.crumbs(&crumbs), page_list(&c, paging, page, listed), None);
                meta.pager = c.pager("/stories/", paging, page);
                (meta, Data::Json(to_value(&on.iter().map(|s| &s.head).collect::<Vec<_>>())))
            }
            Target::Story(i) => {
                let s = &v.stories()[i];
                let st_url = c.url("/stories/");
                let cover = s
                    .head
                    .cover_image
                    .as_ref()
                    .map(|i| i.large.as_str())
                    .or(s.head.cover.as_deref());
                let article = json!({
                    "@type": "Article",
                    "headline": s.head.title,
                    "datePublished": s.head.date.iso,
                    "description": s.head.summary,
                    "image": cover.map(|i| c.abs(i)),
                    "author": { "@type": "Organization", "name": v.site.title, "url": v.site.base_url },
                    "publisher": { "@type": "Organization", "name": v.site.title, "url": v.site.base_url },
                    "mainEntityOfPage": c.abs(&s.head.url),
                    "inLanguage": v.site.language,
                    "about": s.craftsmen.iter().map(|p| json!({"@type": "Person", "name": p.name, "url": c.abs(&p.url)})).collect::<Vec<_>>(),
                });
                (
                    c.meta(
                        "story",
                        &s.head.title,
                        s.head.summary.as_deref(),
                        &s.head.url,
                        c.crumbs(&[("技艺故事", &st_url), (&s.head.title, &s.head.url)]),
                        article,
                        cover,
                    ),
                    Data::Story(s),
                )
            }
            Target::Brands => (
                c.meta("brands", "十大工匠品牌", None, url, c.crumbs(&[("十大工匠品牌", url)]),
                    item_list(&c, v.brands().iter().map(|b| (b.title.clone(), b.url.clone()))), None),
                Data::Json(to_value(&v.brands().iter().map(|b| json!({"slug": b.slug, "title": b.title, "url": b.url, "order": b.order, "summary": b.summary, "figures": b.figures, "count": b.craftsmen.len()})).collect::<Vec<_>>())),
            ),
            Target::Brand(i, page) => {
                let b = &v.brands()[i];
                let br_url = c.url("/brands/");
                let paging = c.paging(b.craftsmen.len());
                let on = &b.craftsmen[paging.range(page)];
                let title = paged_title(&b.title, page);
                let crumbs = paged_crumbs(&[("十大工匠品牌", &br_url), (&b.title, &b.url)], &title, url, page);
                let listed = on.iter().map(|p| (p.name.clone(), p.url.clone()));
                let mut meta = c.meta("brand", &title, b.summary.as_deref(), url, c.crumbs(&crumbs), page_list(&c, paging, page, listed), None);
                meta.pager = c.pager(&crate::model::urls::brand(&b.slug), paging, page);
                (meta, Data::Brand(BrandPage { view: b, craftsmen: on, number: page + 1 }))
            }
            Target::Stats => (
                c.meta("stats", "数据统计", None, url, c.crumbs(&[("数据统计", url)]),
                    json!({"@type": "Dataset", "name": format!("{} 数据统计", v.site.title)}), None),
                Data::Json(json!({
                    "all": v.stats,
                    "charts": crate::render::charts::statistics(v),
                    "cohorts": v.cohorts().map(|k| json!({"year": k.year, "title": k.title, "url": k.url, "count": k.count, "stats": k.stats})).collect::<Vec<_>>(),
                    "industries": v.industries().iter().map(|i| json!({"letter": i.letter, "name": i.name, "url": i.url, "count": i.count, "stats": i.stats})).collect::<Vec<_>>(),
                })),
            ),
            Target::Page(i) => {
                let p = &v.pages[i];
                (
                    c.meta(
                        "page",
                        &p.title,
                        p.summary.as_deref(),
                        &p.url,
                        c.crumbs(&[(&p.title, &p.url)]),
                        json!({"@type": "WebPage", "name": p.title}),
                        None,
                    ),
                    Data::Page(p),
                )
            }
            Target::Search => (
                c.meta(
                    "search",
                    "搜索",
                    None,
                    url,
                    c.crumbs(&[("搜索", url)]),
                    json!({"@type": "SearchResultsPage", "name": "搜索"}),
                    None,
                ),
                Data::Json(super::search_page::data(c.v)),
            ),
            Target::Missing => (
                c.meta(
                    "404",
                    "页面不存在",
                    None,
                    url,
                    Vec::new(),
                    json!({"@type": "WebPage", "name": "页面不存在"}),
                    None,
                ),
                Data::Json(Value::Null),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_the_script_and_stays_valid_json() {
        let v = json!({"name": "</script><script>alert(1)</script><!--"});
        let s = safe_json(&v);
        assert!(!s.contains('<'));
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), v);
    }

    /// The minimal fixture with li-na's photo and the story's cover at another site's address
    /// (which `check` refuses; the pages must still never glue the site's address to it).
    fn with_outside_pictures(base_url: &str) -> Views {
        use crate::model::site::LoadOptions;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let mut d = crate::diag::Diagnostics::new();
        let mut site = crate::model::assemble::load(&root, &LoadOptions::default(), &mut d)
            .expect("the fixture is readable")
            .expect("the fixture has no errors");
        site.config.base_url = base_url.to_string();
        site.config.base_path = "/sub/".to_string();
        for c in &mut site.craftsmen {
            std::sync::Arc::make_mut(c).photo = Some("https://img.example.com/p.jpg".into());
        }
        for s in &mut site.stories {
            std::sync::Arc::make_mut(s).cover = Some("//img.example.com/c.jpg".into());
        }
        Views::new(std::sync::Arc::new(site), Default::default(), None)
    }

    #[test]
    fn absolute_urls_are_never_prefixed_with_the_site_address() {
        let v = with_outside_pictures("https://example.org/sub/");
        let jobs = jobs(&v);
        let mut seen = 0;
        for job in &jobs {
            let (meta, _) = job.input(&v);
            match job.target {
                Target::Craftsman(_) => {
                    assert_eq!(meta.image.as_deref(), Some("https://img.example.com/p.jpg"));
                    assert!(meta
                        .json_ld
                        .contains("\"image\":\"https://img.example.com/p.jpg\""));
                    assert_eq!(meta.canonical, format!("https://example.org{}", job.url));
                    seen += 1;
                }
                Target::Story(_) => {
                    assert_eq!(meta.image.as_deref(), Some("//img.example.com/c.jpg"));
                    assert!(meta
                        .json_ld
                        .contains("\"image\":\"//img.example.com/c.jpg\""));
                    seen += 1;
                }
                _ => {}
            }
            assert!(
                !meta.json_ld.contains("example.orghttp"),
                "{}",
                meta.json_ld
            );
            assert!(!meta.json_ld.contains("/sub//img"), "{}", meta.json_ld);
        }
        assert_eq!(seen, 3, "two profiles and a story");
    }

    #[test]
    fn absolute_leaves_absolute_urls_alone() {
        use crate::render::views::absolute;
        let at = |u: &str| absolute("https://example.org/sub/", "/sub/", u);
        assert_eq!(
            at("/sub/craftsmen/x/"),
            "https://example.org/sub/craftsmen/x/"
        );
        assert_eq!(at("/craftsmen/x/"), "https://example.org/sub/craftsmen/x/");
        for kept in [
            "https://a.cn/p.jpg",
            "http://a.cn/",
            "//a.cn/p.jpg",
            "mailto:a@b.cn",
        ] {
            assert_eq!(at(kept), kept);
        }
        assert_eq!(
            absolute("https://example.org/", "/", "/x/"),
            "https://example.org/x/"
        );
    }

    /// The pages rendered and the paths the link check knows are listed apart ([`jobs`] and
    /// [`Site::url_paths`](crate::model::site::Site::url_paths)): with every list split into
    /// pages of one, each rendered page is a known path, and each known page path is rendered.
    #[test]
    fn the_pages_rendered_are_the_pages_the_link_check_knows() {
        use crate::model::site::LoadOptions;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let mut d = crate::diag::Diagnostics::new();
        let mut site = crate::model::assemble::load(&root, &LoadOptions::default(), &mut d)
            .expect("the fixture is readable")
            .expect("the fixture has no errors");
        site.config.index_page_size = 1;
        let known = site.url_paths();
        let v = Views::new(std::sync::Arc::new(site), Default::default(), None);
        let rendered: std::collections::HashSet<String> =
            jobs(&v).into_iter().map(|j| j.url).collect();
        for url in &rendered {
            assert!(
                known.contains(url),
                "{url} is rendered but unknown to the link check"
            );
        }
        for path in known.iter().filter(|p| p.ends_with('/')) {
            assert!(rendered.contains(path), "{path} is known but not rendered");
        }
        for later in ["/craftsmen/page/2/", "/cohorts/2018/page/3/"] {
            assert!(rendered.contains(later), "{later}");
        }
        for (page, job) in jobs(&v).iter().enumerate() {
            let (meta, _) = job.input(&v);
            if let Some(p) = meta.pager {
                assert!(
                    p.first <= p.last && p.number <= p.count,
                    "page {page}: {p:?}"
                );
            }
        }
    }

    #[test]
    fn json_ld_has_no_nulls() {
        let s = safe_json(&json!({"a": null, "b": [], "c": {"d": null, "e": 1}}));
        assert_eq!(s, r#"{"c":{"e":1}}"#);
    }
}
