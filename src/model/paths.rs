//! The URL paths a site will have: listed in full, or indexed for link checks without a string per profile.

use crate::model::site::Site;
use rustc_hash::FxHashSet;
use std::collections::{BTreeMap, HashSet};

/// The folder the search index owns in the built site: nothing else may be published there.
pub(crate) const SEARCH_DIR: &str = "search";

/// Paths every site has.
const FIXED: &[&str] = &[
    "/",
    "/craftsmen/",
    "/cohorts/",
    "/industries/",
    "/stories/",
    "/brands/",
    "/stats/",
    "/search/",
    "/atom.xml",
    "/sitemap.xml",
    "/robots.txt",
    "/404.html",
];

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

    /// Every URL path the site will have (without the base path).
    pub fn url_paths(&self) -> HashSet<String> {
        let mut set: HashSet<String> = other_paths(self).into_iter().collect();
        set.extend(self.craftsmen.iter().map(|c| c.url()));
        set.extend(
            self.stories
                .iter()
                .map(|s| crate::model::urls::story(&s.slug)),
        );
        set
    }
}

/// The paths of [`Site::url_paths`] other than profile and story pages (duplicates possible).
fn other_paths(site: &Site) -> Vec<String> {
    let mut paths: Vec<String> = FIXED.iter().map(|s| s.to_string()).collect();
    paths.extend(site.pages.iter().map(|s| format!("/{}/", s.slug)));
    paths.extend(
        site.static_files
            .iter()
            .chain(&site.assets)
            .filter(|f| crate::model::assets::published(&f.rel))
            .map(|f| crate::model::assets::url_of(&f.rel)),
    );
    // Every page of every list: the A–Z index, industries, cohorts, brands, stories.
    let lists = site.lists();
    paths.extend(lists.paths(site));
    paths
}

/// The paths of [`Site::url_paths`], for lookups: profile and story pages by slug, other pages
/// without their last `/`, files as they are.
pub(crate) struct UrlIndex<'a> {
    /// `/craftsmen/{slug}/`.
    craftsmen: FxHashSet<&'a str>,
    /// `/stories/{slug}/`.
    stories: FxHashSet<&'a str>,
    /// Other paths ending in `/`, without that `/` (`/cohorts/2018`; `""` for the home page).
    pages: FxHashSet<String>,
    /// Paths not ending in `/` (`/atom.xml`, pictures, static files).
    files: FxHashSet<String>,
}

impl<'a> UrlIndex<'a> {
    pub(crate) fn new(site: &'a Site) -> Self {
        let mut index = UrlIndex {
            craftsmen: site.craftsmen.iter().map(|c| c.slug.as_str()).collect(),
            stories: site.stories.iter().map(|s| s.slug.as_str()).collect(),
            pages: FxHashSet::default(),
            files: FxHashSet::default(),
        };
        for mut path in other_paths(site) {
            if path.ends_with('/') {
                path.pop();
                index.pages.insert(path);
            } else {
                index.files.insert(path);
            }
        }
        index
    }

    /// Whether the site has `path`.
    pub(crate) fn contains(&self, path: &str) -> bool {
        match path.strip_suffix('/') {
            Some(page) => self.has_page(page),
            None => self.files.contains(path),
        }
    }

    /// Whether the site has `path` or `path/`.
    pub(crate) fn contains_page(&self, path: &str) -> bool {
        self.contains(path) || self.has_page(path)
    }

    /// Whether the site has `page/`.
    fn has_page(&self, page: &str) -> bool {
        page.strip_prefix("/craftsmen/")
            .is_some_and(|s| self.craftsmen.contains(s))
            || page
                .strip_prefix("/stories/")
                .is_some_and(|s| self.stories.contains(s))
            || self.pages.contains(page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;
    use crate::model::site::LoadOptions;

    fn fixture() -> Site {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let opts = LoadOptions {
            this_year: Some(2024),
            ..LoadOptions::default()
        };
        let mut site = crate::model::assemble::load(&root, &opts, &mut Diagnostics::new())
            .unwrap()
            .unwrap();
        // Later pages for the A–Z index and the industries too.
        site.config.index_page_size = 1;
        site
    }

    #[test]
    fn the_index_answers_as_the_full_list() {
        let site = fixture();
        let all = site.url_paths();
        let index = UrlIndex::new(&site);
        let mut probes: Vec<String> = ["", "/", "//", "/craftsmen", "/craftsmen//", "/stories/x"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for p in &all {
            let trimmed = p.trim_end_matches('/');
            probes.extend([
                p.clone(),
                trimmed.to_string(),
                format!("{p}/"),
                format!("{p}x"),
                format!("{trimmed}x/"),
                p.get(1..).unwrap_or_default().to_string(),
            ]);
        }
        assert!(all.len() > 15, "{all:?}");
        for p in &probes {
            assert_eq!(index.contains(p), all.contains(p), "{p}");
            let page = all.contains(p) || all.contains(&format!("{p}/"));
            assert_eq!(index.contains_page(p), page, "{p}");
        }
    }
}
