//! The list of pages a site has: for each, its output path, template and what the template is given. Each group of page kinds has its module, with one short function per kind returning the page's meta and its typed data.

mod brands;
mod cohorts;
mod content_page;
mod craftsmen;
mod home;
mod industries;
mod meta;
mod missing;
mod search;
mod stats;
mod stories;

pub use meta::PageMeta;

use crate::model::paging::Lists;
use crate::model::urls::{file_of, page_path};
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

/// Every HTML page of the site, in a fixed order (cheap: paths and URLs from the model, no views).
pub fn jobs(v: &Views) -> Vec<PageJob> {
    let base = v.site.base_path.as_str();
    let url = |path: &str| crate::model::urls::with_base(base, path);
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
    push(file_of("/"), url("/"), "index.html", "home", Target::Home);
    let lists: Lists = site.lists();
    for page in 0..lists.paging(lists.craftsmen).pages() {
        let path = page_path("/craftsmen/", page);
        push(
            file_of(&path),
            url(&path),
            "craftsmen.html",
            "index",
            Target::Craftsmen(page),
        );
    }
    for (i, p) in site.craftsmen.iter().enumerate() {
        push(
            crate::model::urls::file_of(&p.url()),
            url(&p.url()),
            "craftsman.html",
            "craftsman",
            Target::Craftsman(i),
        );
    }
    push(
        file_of("/cohorts/"),
        url("/cohorts/"),
        "cohorts.html",
        "cohorts",
        Target::Cohorts,
    );
    for (i, (k, &n)) in site.cohorts.iter().zip(&lists.cohorts).enumerate() {
        for page in 0..lists.paging(n).pages() {
            let path = page_path(&k.url(), page);
            push(
                file_of(&path),
                url(&path),
                "cohort.html",
                "cohort",
                Target::Cohort(i, page),
            );
        }
    }
    push(
        file_of("/industries/"),
        url("/industries/"),
        "industries.html",
        "industries",
        Target::Industries,
    );
    for (n, &(letter, count)) in lists.industries.iter().enumerate() {
        for page in 0..lists.paging(count).pages() {
            let path = page_path(&crate::model::urls::industry(letter), page);
            push(
                file_of(&path),
                url(&path),
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
            url(&path),
            "stories.html",
            "stories",
            Target::Stories(page),
        );
    }
    for (i, s) in site.stories.iter().enumerate() {
        push(
            crate::model::urls::file_of(&crate::model::urls::story(&s.slug)),
            url(&crate::model::urls::story(&s.slug)),
            "story.html",
            "story",
            Target::Story(i),
        );
    }
    push(
        file_of("/brands/"),
        url("/brands/"),
        "brands.html",
        "brands",
        Target::Brands,
    );
    for (i, (b, &n)) in site.brands.iter().zip(&lists.brands).enumerate() {
        for page in 0..lists.paging(n).pages() {
            let path = page_path(&crate::model::urls::brand(&b.slug), page);
            push(
                file_of(&path),
                url(&path),
                "brand.html",
                "brand",
                Target::Brand(i, page),
            );
        }
    }
    push(
        file_of("/stats/"),
        url("/stats/"),
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
        url("/search/"),
        "search.html",
        "search",
        Target::Search,
    );
    push(
        "404.html".into(),
        url("/404.html"),
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
    pub fn input<'a>(&'a self, v: &'a Views) -> (PageMeta, Data<'a>) {
        let c = &Ctx { v, url: &self.url };
        match self.target {
            Target::Home => boxed(home::page(c)),
            Target::Craftsmen(page) => boxed(craftsmen::index(c, page)),
            Target::Craftsman(i) => boxed(craftsmen::profile(c, i)),
            Target::Cohorts => boxed(cohorts::list(c)),
            Target::Cohort(i, page) => boxed(cohorts::cohort(c, i, page)),
            Target::Industries => boxed(industries::list(c)),
            Target::Industry(n, page) => boxed(industries::industry(c, n, page)),
            Target::Stories(page) => boxed(stories::list(c, page)),
            Target::Story(i) => boxed(stories::story(c, i)),
            Target::Brands => boxed(brands::list(c)),
            Target::Brand(i, page) => boxed(brands::brand(c, i, page)),
            Target::Stats => boxed(stats::page(c)),
            Target::Page(i) => boxed(content_page::page(c, i)),
            Target::Search => boxed(search::page(c)),
            Target::Missing => boxed(missing::page(c)),
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
}
