//! How list pages are split: the lists a site has, how many entries each holds, and which entries each of their pages shows.

use crate::model::cohort::{Cohort, Member};
use crate::model::site::Site;
use crate::schema::levels::Level;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::ops::Range;

/// A list of `len` entries shown `size` to a page: the first page at the list's own path, the
/// others at `page/2/`, `page/3/` … below it. An empty list still has its first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub len: usize,
    pub size: usize,
}

impl Paging {
    pub fn new(len: usize, size: usize) -> Self {
        Paging {
            len,
            size: size.max(1),
        }
    }

    /// How many pages the list takes (at least one).
    pub fn pages(&self) -> usize {
        self.len.div_ceil(self.size).max(1)
    }

    /// The entries on page `page` (from 0), in the list's order.
    pub fn range(&self, page: usize) -> Range<usize> {
        let from = page.saturating_mul(self.size).min(self.len);
        from..from.saturating_add(self.size).min(self.len)
    }

    /// The page (from 0) that holds the entry at `index`.
    pub fn page_of(&self, index: usize) -> usize {
        index / self.size
    }
}

/// How many entries each list of a site has, counted from the model alone: how many pages each
/// list takes ([`Site::page_list`]) is known before any view is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lists {
    /// Entries on one page (`index_page_size` in site.yaml).
    pub size: usize,
    /// The A–Z index (`/craftsmen/`): every profile.
    pub craftsmen: usize,
    /// Each industry section with profiles, by letter (`/industries/C/`).
    pub industries: Vec<(char, usize)>,
    /// Each cohort's members, in the site's cohort order (`/cohorts/2018/`).
    pub cohorts: Vec<usize>,
    /// Each brand's craftsmen, in the site's brand order (`/brands/x/`).
    pub brands: Vec<usize>,
    /// The stories index (`/stories/`).
    pub stories: usize,
    /// Each union's craftsmen, in the site's union order (`/unions/xuhui/`).
    pub unions: Vec<usize>,
    /// Each union's cohorts' members, by union, then by year (`/unions/xuhui/cohorts/2018/`).
    pub union_cohorts: Vec<Vec<usize>>,
    /// Each level some profile holds, with how many hold it, when the site has unions
    /// (`/levels/district/`).
    pub levels: Vec<(Level, usize)>,
}

impl Lists {
    /// The paging of a list of `len` entries.
    pub fn paging(&self, len: usize) -> Paging {
        Paging::new(len, self.size)
    }
}

impl Site {
    /// How many profiles each industry section has, by letter (sections without one left out).
    pub fn industry_counts(&self) -> Vec<(char, usize)> {
        let mut counts: BTreeMap<char, usize> = BTreeMap::new();
        for c in &self.craftsmen {
            if let Some(s) = c.industry {
                *counts.entry(s.letter).or_default() += 1;
            }
        }
        counts.into_iter().collect()
    }

    /// The site's list pages and how long each list is.
    pub fn lists(&self) -> Lists {
        let slugs: FxHashSet<&str> = self.craftsmen.iter().map(|c| c.slug.as_str()).collect();
        let mut in_brand: FxHashMap<&str, usize> = FxHashMap::default();
        for c in &self.craftsmen {
            for b in &c.brands {
                *in_brand.entry(b.as_str()).or_default() += 1;
            }
        }
        Lists {
            size: self.config.index_page_size.max(1),
            craftsmen: self.craftsmen.len(),
            industries: self.industry_counts(),
            cohorts: self.cohorts.iter().map(|k| shown(k, &slugs)).collect(),
            brands: self
                .brands
                .iter()
                .map(|b| in_brand.get(b.slug.as_str()).copied().unwrap_or(0))
                .collect(),
            stories: self.stories.len(),
            unions: self
                .unions
                .iter()
                .map(|u| self.selected_by(&u.slug).count())
                .collect(),
            union_cohorts: self
                .unions
                .iter()
                .map(|u| u.cohorts.iter().map(|k| shown(k, &slugs)).collect())
                .collect(),
            levels: self.levels_held(),
        }
    }
}

/// How many of a cohort's members its page lists: those written inline, and those whose profile
/// the site has.
fn shown(k: &Cohort, slugs: &FxHashSet<&str>) -> usize {
    k.members
        .iter()
        .filter(|m| match m {
            Member::Profile { slug, .. } => slugs.contains(slug.as_str()),
            Member::Inline(_) => true,
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_ranges_and_the_page_of_an_entry() {
        let p = Paging::new(7, 3);
        assert_eq!(p.pages(), 3);
        assert_eq!(p.range(0), 0..3);
        assert_eq!(p.range(2), 6..7);
        assert_eq!(p.range(3), 7..7);
        assert_eq!((p.page_of(0), p.page_of(5), p.page_of(6)), (0, 1, 2));
        assert_eq!(
            Paging::new(0, 50).pages(),
            1,
            "an empty list has its first page"
        );
        assert_eq!(Paging::new(50, 50).pages(), 1);
        assert_eq!(Paging::new(51, 50).pages(), 2);
        assert_eq!(Paging::new(5, 0).pages(), 5, "a size of 0 reads as 1");
    }

    #[test]
    fn the_first_page_is_the_list_itself() {
        use crate::model::urls::page_path;
        assert_eq!(page_path("/cohorts/2018/", 0), "/cohorts/2018/");
        assert_eq!(page_path("/cohorts/2018/", 1), "/cohorts/2018/page/2/");
    }
}
