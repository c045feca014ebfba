//! The URL paths a site will have, its pages' (from [`Site::page_list`]) and its files': listed in full, or indexed for link checks without a string per profile.

use crate::model::pages::PageKind;
use crate::model::site::Site;
use rustc_hash::FxHashSet;
use std::collections::HashSet;

/// The folder the search index owns in the built site: nothing else may be published there.
pub(crate) const SEARCH_DIR: &str = "search";

/// The machine-read files every site has (sitemap, robots.txt, the stories' feed), by output path.
pub(crate) const MACHINE_FILES: [&str; 3] = ["sitemap.xml", "robots.txt", "atom.xml"];

impl Site {
    /// Every URL path the site will have (without the base path): its pages
    /// ([`Site::page_list`]) and its files ([`files`]).
    pub fn url_paths(&self) -> HashSet<String> {
        let pages = self.page_list();
        let mut set: HashSet<String> = pages.paths().map(|(_, path)| path).collect();
        set.extend(files(self));
        set
    }
}

/// The paths of the files a site publishes besides its pages and its search index: the
/// machine-read files, and the published static files and files beside content.
pub(crate) fn files(site: &Site) -> impl Iterator<Item = String> + '_ {
    MACHINE_FILES.iter().map(|f| format!("/{f}")).chain(
        site.static_files
            .iter()
            .chain(&site.assets)
            .filter(|f| crate::model::assets::published(&f.rel))
            .map(|f| crate::model::assets::url_of(&f.rel)),
    )
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
    /// Paths not ending in `/` (`/atom.xml`, `/404.html`, pictures, static files).
    files: FxHashSet<String>,
}

impl<'a> UrlIndex<'a> {
    /// The index of every page of [`Site::page_list`] (profiles and stories by slug, without a
    /// path made for each) and every file of [`files`].
    pub(crate) fn new(site: &'a Site) -> Self {
        let mut index = UrlIndex {
            craftsmen: FxHashSet::default(),
            stories: FxHashSet::default(),
            pages: FxHashSet::default(),
            files: FxHashSet::default(),
        };
        let pages = site.page_list();
        for kind in pages.kinds() {
            match kind {
                PageKind::Craftsman(i) => {
                    index.craftsmen.insert(site.craftsmen[i].slug.as_str());
                }
                PageKind::Story(i) => {
                    index.stories.insert(site.stories[i].slug.as_str());
                }
                kind => index.add(pages.path(kind)),
            }
        }
        for path in files(site) {
            index.add(path);
        }
        index
    }

    fn add(&mut self, mut path: String) {
        if path.ends_with('/') {
            path.pop();
            self.pages.insert(path);
        } else {
            self.files.insert(path);
        }
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
