//! Every HTML page a site has, enumerated once: the kind of each and its path. The page list renders these pages, and the link check knows their paths.

use crate::model::paging::Lists;
use crate::model::site::Site;
use crate::model::urls::{self, page_path};

/// The path of the page shown for an address the site does not have.
pub(crate) const MISSING: &str = "/404.html";

/// One HTML page of a site: a list page (each further page of a list apart), or one entity by
/// its position in the site's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Home,
    /// One page of the A–Z index (0 is `/craftsmen/`).
    Craftsmen(usize),
    /// The `i`-th profile, in the site's order.
    Craftsman(usize),
    Cohorts,
    /// One page of a cohort's list (cohort by year, page from 0).
    Cohort(usize, usize),
    Industries,
    /// One page of an industry section that has profiles (sections by letter, page from 0).
    Industry(usize, usize),
    /// One page of the stories' list.
    Stories(usize),
    /// The `i`-th story, newest first.
    Story(usize),
    Brands,
    /// One page of a brand (brands by `order`, page from 0).
    Brand(usize, usize),
    Stats,
    /// The unions' list (only when the site has unions).
    Unions,
    /// One page of a union (unions in the site's order, page of its craftsmen from 0).
    Union(usize, usize),
    /// One page of a union's cohort (union, cohort by year, page from 0).
    UnionCohort(usize, usize, usize),
    /// One page of the craftsmen holding a level (levels held, in their order; page from 0).
    Level(usize, usize),
    /// The `i`-th of the editors' own pages.
    Page(usize),
    Search,
    /// The page shown for an address the site does not have ([`MISSING`]).
    Missing,
}

/// Every HTML page of a site, with the lengths of its lists that say how many pages each takes.
pub struct PageList<'a> {
    site: &'a Site,
    lists: Lists,
}

impl Site {
    /// Every HTML page of the site ([`PageList::kinds`]) and their paths ([`PageList::path`]).
    pub fn page_list(&self) -> PageList<'_> {
        PageList {
            site: self,
            lists: self.lists(),
        }
    }
}

impl PageList<'_> {
    /// Every page, in a fixed order: home, the A–Z index, the profiles, the cohorts, the
    /// industries, the stories, the brands, the statistics, the unions and their cohorts, the
    /// editors' pages, search and 404.
    /// Cheap: no path is made.
    pub fn kinds(&self) -> impl Iterator<Item = PageKind> + '_ {
        use std::iter::once;
        use PageKind::*;
        let (site, lists) = (self.site, &self.lists);
        let industries = lists.industries.iter().map(|&(_, n)| n);
        once(Home)
            .chain(pages_of(lists, lists.craftsmen).map(Craftsmen))
            .chain((0..site.craftsmen.len()).map(Craftsman))
            .chain(once(Cohorts))
            .chain(each_page(lists, lists.cohorts.iter().copied()).map(|(i, p)| Cohort(i, p)))
            .chain(once(Industries))
            .chain(each_page(lists, industries).map(|(i, p)| Industry(i, p)))
            .chain(pages_of(lists, lists.stories).map(Stories))
            .chain((0..site.stories.len()).map(Story))
            .chain(once(Brands))
            .chain(each_page(lists, lists.brands.iter().copied()).map(|(i, p)| Brand(i, p)))
            .chain(once(Stats))
            .chain((!site.unions.is_empty()).then_some(Unions))
            .chain(each_page(lists, lists.unions.iter().copied()).map(|(i, p)| Union(i, p)))
            .chain(
                lists
                    .union_cohorts
                    .iter()
                    .enumerate()
                    .flat_map(move |(u, ks)| {
                        each_page(lists, ks.iter().copied()).map(move |(k, p)| UnionCohort(u, k, p))
                    }),
            )
            .chain(each_page(lists, lists.levels.iter().map(|&(_, n)| n)).map(|(i, p)| Level(i, p)))
            .chain((0..site.pages.len()).map(Page))
            .chain([Search, Missing])
    }

    /// The path of a page (without the base path): `/craftsmen/page/2/`, or [`MISSING`]. `kind`
    /// is one of [`PageList::kinds`].
    pub fn path(&self, kind: PageKind) -> String {
        let site = self.site;
        match kind {
            PageKind::Home => "/".into(),
            PageKind::Craftsmen(page) => page_path("/craftsmen/", page),
            PageKind::Craftsman(i) => site.craftsmen[i].url(),
            PageKind::Cohorts => "/cohorts/".into(),
            PageKind::Cohort(i, page) => page_path(&site.cohorts[i].url(), page),
            PageKind::Industries => "/industries/".into(),
            PageKind::Industry(n, page) => {
                page_path(&urls::industry(self.lists.industries[n].0), page)
            }
            PageKind::Stories(page) => page_path("/stories/", page),
            PageKind::Story(i) => urls::story(&site.stories[i].slug),
            PageKind::Brands => "/brands/".into(),
            PageKind::Brand(i, page) => page_path(&urls::brand(&site.brands[i].slug), page),
            PageKind::Stats => "/stats/".into(),
            PageKind::Unions => urls::UNIONS.into(),
            PageKind::Union(i, page) => page_path(&site.unions[i].url(), page),
            PageKind::UnionCohort(i, k, page) => page_path(&site.unions[i].cohorts[k].url(), page),
            PageKind::Level(i, page) => page_path(&urls::level(self.lists.levels[i].0), page),
            PageKind::Page(i) => urls::page(&site.pages[i].slug),
            PageKind::Search => "/search/".into(),
            PageKind::Missing => MISSING.into(),
        }
    }

    /// Every page with its path.
    pub fn paths(&self) -> impl Iterator<Item = (PageKind, String)> + '_ {
        self.kinds().map(|kind| (kind, self.path(kind)))
    }
}

/// The pages (from 0) of a list of `len` entries.
fn pages_of(lists: &Lists, len: usize) -> std::ops::Range<usize> {
    0..lists.paging(len).pages()
}

/// Each page of lists of these lengths: (the list's position, the page from 0).
fn each_page<'l>(
    lists: &'l Lists,
    lens: impl Iterator<Item = usize> + 'l,
) -> impl Iterator<Item = (usize, usize)> + 'l {
    lens.enumerate()
        .flat_map(move |(i, n)| pages_of(lists, n).map(move |page| (i, page)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;
    use crate::model::site::LoadOptions;

    fn minimal(page_size: usize) -> Site {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let mut site =
            crate::model::assemble::load(&root, &LoadOptions::default(), &mut Diagnostics::new())
                .expect("the fixture is readable")
                .expect("the fixture has no errors");
        site.config.index_page_size = page_size;
        site
    }

    #[test]
    fn every_page_has_its_own_path_and_lists_have_further_pages() {
        let site = minimal(1);
        let pages = site.page_list();
        let paths: Vec<String> = pages.paths().map(|(_, p)| p).collect();
        let unique: std::collections::HashSet<&String> = paths.iter().collect();
        assert_eq!(unique.len(), paths.len(), "{paths:?}");
        for later in ["/craftsmen/page/2/", "/cohorts/2018/page/3/", MISSING, "/"] {
            assert!(unique.contains(&later.to_string()), "{later}: {paths:?}");
        }
        let kinds: Vec<PageKind> = pages.kinds().collect();
        assert_eq!(kinds.first(), Some(&PageKind::Home));
        assert_eq!(kinds.last(), Some(&PageKind::Missing));
        // With room for every list on one page, each list has its first page only.
        let whole = minimal(1000);
        let pages = whole.page_list();
        assert!(pages.kinds().all(|k| !matches!(
            k,
            PageKind::Craftsmen(1..)
                | PageKind::Cohort(_, 1..)
                | PageKind::Industry(_, 1..)
                | PageKind::Stories(1..)
                | PageKind::Brand(_, 1..)
        )));
        assert_eq!(
            pages.kinds().count(),
            9 + whole.craftsmen.len()
                + whole.cohorts.len()
                + whole.industry_counts().len()
                + whole.stories.len()
                + whole.brands.len()
                + whole.pages.len()
        );
    }
}
