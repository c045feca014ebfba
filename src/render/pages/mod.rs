//! The list of pages a site has: for each, its output path, template and what the template is given. Each group of page kinds has its module, with one short function per kind returning the page's meta and its typed data.

mod brands;
mod cohorts;
mod content_page;
mod craftsmen;
mod home;
mod industries;
mod levels;
mod meta;
mod missing;
mod search;
mod stats;
mod stories;
mod unions;

pub use meta::PageMeta;

use crate::model::pages::PageKind;
use crate::model::urls::{file_of, with_base};
use crate::render::views::Views;
use meta::Ctx;
use serde::Serialize;

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
    pub kind: PageKind,
}

/// A page's own data, of its kind's type: views borrowed as they are, serialised straight into
/// the template context when the page is rendered, so that no copy of them is held meanwhile.
pub struct Data<'a>(Box<dyn PageData + 'a>);

/// Typed page data, put into a template context under the page's key.
trait PageData {
    fn insert_into(&self, ctx: &mut tera::Context, key: &'static str);
}

impl<T: Serialize> PageData for T {
    fn insert_into(&self, ctx: &mut tera::Context, key: &'static str) {
        ctx.insert(key, self);
    }
}

impl Data<'_> {
    /// Puts the data into `ctx` under `key`.
    pub fn insert_into(&self, ctx: &mut tera::Context, key: &'static str) {
        self.0.insert_into(ctx, key);
    }
}

/// A kind's meta and typed data, its data boxed as [`Data`].
fn boxed<'a, T: Serialize + 'a>((meta, data): (PageMeta, T)) -> (PageMeta, Data<'a>) {
    (meta, Data(Box::new(data)))
}

/// Every HTML page of the site ([`Site::page_list`](crate::model::site::Site::page_list)), in its
/// order (cheap: paths and URLs from the model, no views).
pub fn jobs(v: &Views) -> Vec<PageJob> {
    let base = v.site.base_path.as_str();
    let pages = v.model().page_list();
    pages
        .paths()
        .map(|(kind, path)| {
            let (template, key) = template_and_key(kind);
            PageJob {
                path: file_of(&path),
                url: with_base(base, &path),
                template,
                key,
                kind,
            }
        })
        .collect()
}

/// The template a page kind is rendered with, and the name its data has there.
fn template_and_key(kind: PageKind) -> (&'static str, &'static str) {
    match kind {
        PageKind::Home => ("index.html", "home"),
        PageKind::Craftsmen(_) => ("craftsmen.html", "index"),
        PageKind::Craftsman(_) => ("craftsman.html", "craftsman"),
        PageKind::Cohorts => ("cohorts.html", "cohorts"),
        PageKind::Cohort(..) => ("cohort.html", "cohort"),
        PageKind::Industries => ("industries.html", "industries"),
        PageKind::Industry(..) => ("industry.html", "industry"),
        PageKind::Stories(_) => ("stories.html", "stories"),
        PageKind::Story(_) => ("story.html", "story"),
        PageKind::Brands => ("brands.html", "brands"),
        PageKind::Brand(..) => ("brand.html", "brand"),
        PageKind::Stats => ("stats.html", "statistics"),
        PageKind::Unions => ("unions.html", "unions"),
        PageKind::Union(..) => ("union.html", "union"),
        PageKind::UnionCohort(..) => ("cohort.html", "cohort"),
        PageKind::Level(..) => ("level.html", "level"),
        PageKind::Page(_) => ("page.html", "content_page"),
        PageKind::Search => ("search.html", "search"),
        PageKind::Missing => ("404.html", "missing"),
    }
}

impl PageJob {
    /// Whether the page lists profiles by the hundred or thousand (a large template context).
    pub fn lists_profiles(&self) -> bool {
        matches!(
            self.kind,
            PageKind::Craftsmen(_)
                | PageKind::Industry(..)
                | PageKind::Cohort(..)
                | PageKind::Brand(..)
                | PageKind::Union(..)
                | PageKind::UnionCohort(..)
                | PageKind::Level(..)
        )
    }

    /// What the template is given: `page` (the meta) and the page's own data under [`PageJob::key`].
    pub fn input<'a>(&'a self, v: &'a Views) -> (PageMeta, Data<'a>) {
        let c = &Ctx { v, url: &self.url };
        match self.kind {
            PageKind::Home => boxed(home::page(c)),
            PageKind::Craftsmen(page) => boxed(craftsmen::index(c, page)),
            PageKind::Craftsman(i) => boxed(craftsmen::profile(c, i)),
            PageKind::Cohorts => boxed(cohorts::list(c)),
            PageKind::Cohort(i, page) => boxed(cohorts::cohort(c, i, page)),
            PageKind::Industries => boxed(industries::list(c)),
            PageKind::Industry(n, page) => boxed(industries::industry(c, n, page)),
            PageKind::Stories(page) => boxed(stories::list(c, page)),
            PageKind::Story(i) => boxed(stories::story(c, i)),
            PageKind::Brands => boxed(brands::list(c)),
            PageKind::Brand(i, page) => boxed(brands::brand(c, i, page)),
            PageKind::Stats => boxed(stats::page(c)),
            PageKind::Unions => boxed(unions::list(c)),
            PageKind::Union(i, page) => boxed(unions::union(c, i, page)),
            PageKind::UnionCohort(i, k, page) => boxed(unions::cohort(c, i, k, page)),
            PageKind::Level(i, page) => boxed(levels::level(c, i, page)),
            PageKind::Page(i) => boxed(content_page::page(c, i)),
            PageKind::Search => boxed(search::page(c)),
            PageKind::Missing => boxed(missing::page(c)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            match job.kind {
                PageKind::Craftsman(_) => {
                    assert_eq!(meta.image.as_deref(), Some("https://img.example.com/p.jpg"));
                    assert!(meta
                        .json_ld
                        .contains("\"image\":\"https://img.example.com/p.jpg\""));
                    assert_eq!(meta.canonical, format!("https://example.org{}", job.url));
                    seen += 1;
                }
                PageKind::Story(_) => {
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

    /// The pages rendered ([`jobs`]) and the paths the link check knows
    /// ([`Site::url_paths`](crate::model::site::Site::url_paths) and the
    /// [`UrlIndex`](crate::model::paths::UrlIndex)) are one list: with every list split into
    /// pages of one, the pages rendered and the site's files together are exactly the paths known,
    /// so that a page added on either side alone fails here.
    #[test]
    fn the_pages_rendered_are_the_pages_the_link_check_knows() {
        use crate::model::site::LoadOptions;
        use std::collections::HashSet;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let mut d = crate::diag::Diagnostics::new();
        let mut site = crate::model::assemble::load(&root, &LoadOptions::default(), &mut d)
            .expect("the fixture is readable")
            .expect("the fixture has no errors");
        site.config.index_page_size = 1;
        let known = site.url_paths();
        let files: HashSet<String> = crate::model::paths::files(&site).collect();
        let v = Views::new(std::sync::Arc::new(site), Default::default(), None);
        let index = crate::model::paths::UrlIndex::new(v.model());
        let rendered: HashSet<String> = jobs(&v).into_iter().map(|j| j.url).collect();
        assert!(files.iter().all(|f| !f.ends_with('/')), "{files:?}");
        for url in &rendered {
            assert!(!files.contains(url), "{url} is both a page and a file");
            assert!(
                index.contains(url),
                "{url} is rendered but unknown to the link check"
            );
        }
        let pages_and_files: HashSet<String> = rendered.union(&files).cloned().collect();
        let unrendered: Vec<_> = known.difference(&pages_and_files).collect();
        assert!(
            unrendered.is_empty(),
            "known to the link check but neither rendered nor a file: {unrendered:?}"
        );
        let unknown: Vec<_> = pages_and_files.difference(&known).collect();
        assert!(
            unknown.is_empty(),
            "rendered or published but unknown to the link check: {unknown:?}"
        );
        for later in ["/craftsmen/page/2/", "/cohorts/2018/page/3/", "/404.html"] {
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
}
