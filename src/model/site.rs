//! The site model: every craftsman, cohort, story, brand and page, checked and ordered, and how to read them ([`LoadOptions`]).

use crate::config::{Config, Overrides};
use crate::load::StaticFile;
use crate::model::cohort::Cohort;
use crate::model::craftsman::Craftsman;
use crate::model::parse_cache::ParseCache;
use crate::model::stats::Stats;
use crate::model::story::{Brand, Page, Story};
use crate::model::union::Union;
use crate::source::SourceFile;
use std::collections::BTreeMap;
use std::collections::HashSet;
use std::sync::Arc;

/// Everything the renderer needs, checked and ordered.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    /// In the index order (pinyin unless the site asks for stroke order).
    /// Shared with the preview's cache of parsed files, so that a rebuild copies none of them.
    pub craftsmen: Vec<Arc<Craftsman>>,
    /// By year. Shared with the cache of parsed files, as the profiles are.
    pub cohorts: Vec<Arc<Cohort>>,
    /// Newest first. Shared with the cache of parsed files, as the profiles are.
    pub stories: Vec<Arc<Story>>,
    /// Unions and associations, by kind, then by the strokes of their names; each with its
    /// cohorts, by year.
    pub unions: Vec<Union>,
    /// By `order`.
    pub brands: Vec<Brand>,
    pub pages: Vec<Page>,
    pub static_files: Vec<StaticFile>,
    pub assets: Vec<StaticFile>,
    /// The whole site's statistics.
    pub stats: Stats,
    /// Each cohort's statistics, by year; a cohort none of whose members has a profile is left
    /// out ([`Site::cohort_stats`] answers for every cohort).
    pub stats_by_cohort: BTreeMap<i32, Stats>,
    /// Each industry section's statistics, by letter; sections without a profile are left out.
    pub stats_by_industry: BTreeMap<char, Stats>,
    /// For a union's own site: the city site it links to for what it does not hold.
    pub elsewhere: Option<Arc<Elsewhere>>,
}

/// The city site a union's own site links to for what it does not hold.
#[derive(Debug, Clone)]
pub struct Elsewhere {
    /// The city site's address (`https://example.org/`).
    pub base_url: String,
    /// The city site's base path (`/`).
    pub base_path: String,
    /// Every URL path of the city site (without its base path).
    pub paths: HashSet<String>,
}

/// How to read the content.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Include withdrawn profiles (`published: false`).
    pub drafts: bool,
    pub overrides: Overrides,
    /// The latest cohort year allowed; defaults to this year.
    pub this_year: Option<i32>,
    /// Today, for dates still to come; defaults to today (or `SOURCE_DATE_EPOCH`'s day).
    pub today: Option<crate::load::dates::Date>,
    /// Parsed files kept between runs (the preview server keeps one); `None` parses everything.
    pub cache: Option<std::sync::Arc<ParseCache>>,
    /// The union whose own site is made (its file name); `None` makes the city site.
    pub site: Option<String>,
}

impl Site {
    /// What a link on this site's pages leads to: its own pages below its address; those of the
    /// other sites built from the same content (the unions' own sites of the city site, the
    /// city site of a union's) leave it, also where they live under its address.
    pub fn resolver(&self) -> crate::links::Resolver {
        let resolver = crate::links::Resolver::new(&self.config.base_url, &self.config.base_path);
        match &self.elsewhere {
            Some(city) => resolver.beside([city.base_url.as_str()]),
            None => resolver.beside(
                self.unions
                    .iter()
                    .filter_map(|u| u.site.as_ref())
                    .map(|s| s.base_url.as_str()),
            ),
        }
    }

    /// The statistics of the profiles of the cohort of `year` (none, when it has none).
    pub fn cohort_stats(&self, year: i32) -> Stats {
        self.stats_by_cohort
            .get(&year)
            .cloned()
            .unwrap_or_else(|| crate::model::stats::compute(&[]))
    }

    /// The statistics of the profiles of the industry section `letter` (none, when it has none).
    pub fn industry_stats(&self, letter: char) -> Stats {
        self.stats_by_industry
            .get(&letter)
            .cloned()
            .unwrap_or_else(|| crate::model::stats::compute(&[]))
    }

    /// Frees the source texts of every parsed file, once every check that reports from them has run
    /// (the build's memory at tens of thousands of profiles). Files shared elsewhere are left alone.
    pub fn forget_sources(&mut self) {
        fn forget(src: &mut Arc<SourceFile>) {
            if let Some(s) = Arc::get_mut(src) {
                s.forget_text();
            }
        }
        for c in &mut self.craftsmen {
            if let Some(c) = Arc::get_mut(c) {
                forget(&mut c.at.src);
            }
        }
        for c in &mut self.cohorts {
            if let Some(c) = Arc::get_mut(c) {
                forget(&mut c.src);
            }
        }
        for s in &mut self.stories {
            if let Some(s) = Arc::get_mut(s) {
                forget(&mut s.src);
            }
        }
        for b in &mut self.brands {
            forget(&mut b.src);
        }
        for u in &mut self.unions {
            forget(&mut u.src);
            for c in &mut u.cohorts {
                if let Some(c) = Arc::get_mut(c) {
                    forget(&mut c.src);
                }
            }
        }
        for p in &mut self.pages {
            forget(&mut p.src);
        }
    }
}
