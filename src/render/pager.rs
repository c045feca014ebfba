//! The pager of a list page: where the page stands in its list, the links around it, previous and next.

use crate::model::paging::Paging;
use crate::model::urls::page_path;
use crate::render::views::with_base;
use serde::Serialize;

/// Pages listed on either side of the current one before the pager leaves a gap.
const AROUND: usize = 2;

/// What a list page's template gets as `page.pager`: `null` on pages that list nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pager {
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages the list has.
    pub count: usize,
    /// Entries in the whole list.
    pub total: usize,
    /// Entries a page holds.
    pub size: usize,
    /// The entries on this page, counted from 1 in the whole list: `first`–`last` (0–0 when empty).
    pub first: usize,
    pub last: usize,
    /// The previous and next pages' URLs (with the base path).
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The first and last pages, and those around this one, with a gap where pages are left out.
    pub links: Vec<PageLink>,
}

/// One entry of the pager: a page, or a gap (`…`) where pages are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
    pub gap: bool,
}

impl Pager {
    /// The pager of page `page` (from 0) of the list at `path` (`/x/`, without the base path).
    pub fn new(base: &str, path: &str, paging: Paging, page: usize) -> Pager {
        let count = paging.pages();
        let url = |n: usize| with_base(base, &page_path(path, n));
        let range = paging.range(page);
        let mut links = Vec::new();
        for n in 0..count {
            let near = n.abs_diff(page) <= AROUND || n == 0 || n + 1 == count;
            if near {
                links.push(PageLink {
                    number: n + 1,
                    url: url(n),
                    current: n == page,
                    gap: false,
                });
            } else if links.last().is_some_and(|l: &PageLink| !l.gap) {
                links.push(PageLink {
                    number: 0,
                    url: String::new(),
                    current: false,
                    gap: true,
                });
            }
        }
        Pager {
            number: page + 1,
            count,
            total: paging.len,
            size: paging.size,
            first: if range.is_empty() { 0 } else { range.start + 1 },
            last: range.end,
            prev: (page > 0).then(|| url(page - 1)),
            next: (page + 1 < count).then(|| url(page + 1)),
            links,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(p: &Pager) -> String {
        p.links
            .iter()
            .map(|l| match (l.gap, l.current) {
                (true, _) => "…".to_string(),
                (_, true) => format!("[{}]", l.number),
                _ => l.number.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_long_list_shows_its_ends_and_the_pages_around_this_one() {
        let p = Pager::new("/sub/", "/craftsmen/", Paging::new(3412, 50), 9);
        assert_eq!(shown(&p), "1 … 8 9 [10] 11 12 … 69");
        assert_eq!((p.number, p.count, p.total), (10, 69, 3412));
        assert_eq!((p.first, p.last), (451, 500));
        assert_eq!(p.prev.as_deref(), Some("/sub/craftsmen/page/9/"));
        assert_eq!(p.next.as_deref(), Some("/sub/craftsmen/page/11/"));
        let last = Pager::new("/", "/craftsmen/", Paging::new(3412, 50), 68);
        assert_eq!(shown(&last), "1 … 67 68 [69]");
        assert_eq!(
            (last.first, last.last, last.next.clone()),
            (3401, 3412, None)
        );
    }

    #[test]
    fn the_first_page_links_to_itself_at_the_list_path_and_has_no_previous() {
        let p = Pager::new("/", "/stories/", Paging::new(120, 50), 0);
        assert_eq!(shown(&p), "[1] 2 3");
        assert_eq!(p.links[0].url, "/stories/");
        assert_eq!(p.prev, None);
        assert_eq!(p.next.as_deref(), Some("/stories/page/2/"));
        let gap = Pager::new("/", "/stories/", Paging::new(400, 50), 0);
        assert_eq!(shown(&gap), "[1] 2 3 … 8");
    }

    #[test]
    fn a_short_list_has_one_page() {
        let p = Pager::new("/", "/brands/x/", Paging::new(0, 50), 0);
        assert_eq!(
            (p.count, p.first, p.last, shown(&p)),
            (1, 0, 0, "[1]".into())
        );
    }
}
