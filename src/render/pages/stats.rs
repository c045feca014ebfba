//! The statistics page (`/stats/`): the whole site's figures and charts, and each cohort's and industry's.

use super::meta::{Ctx, PageMeta};
use crate::model::levels::System;
use crate::model::site::Site;
use crate::model::stats::Stats;
use crate::render::charts::{self, Chart};
use crate::schema::levels::Level;
use serde::Serialize;
use serde_json::json;

/// What the statistics page gets as `statistics`.
#[derive(Serialize)]
pub(super) struct StatsData<'a> {
    /// The whole site's.
    pub all: &'a Stats,
    pub charts: Vec<Chart>,
    /// Each cohort's, by year.
    pub cohorts: Vec<CohortStats<'a>>,
    /// Each industry section's with profiles, by letter.
    pub industries: Vec<IndustryStats<'a>>,
    /// Each level's with profiles (市级, 区级, 局级), when the site has unions.
    pub levels: Vec<LevelStats>,
    /// The whole programme's figures, when the site has unions.
    pub system: Option<System>,
}

/// The statistics of the profiles holding an honour at one level.
#[derive(Serialize)]
pub(super) struct LevelStats {
    pub level: &'static str,
    pub count: usize,
    pub stats: Stats,
}

/// A cohort's statistics, with what names and links it.
#[derive(Serialize)]
pub(super) struct CohortStats<'a> {
    pub year: i32,
    pub title: &'a str,
    pub url: &'a str,
    pub count: usize,
    pub stats: &'a Stats,
}

/// An industry section's statistics, with what names and links it.
#[derive(Serialize)]
pub(super) struct IndustryStats<'a> {
    pub letter: char,
    pub name: &'a str,
    pub url: &'a str,
    pub count: usize,
    pub stats: &'a Stats,
}

/// The statistics page.
pub(super) fn page<'a>(c: &Ctx<'a>) -> (PageMeta, StatsData<'a>) {
    let v = c.v;
    let ld = json!({"@type": "Dataset", "name": format!("{} 数据统计", v.site.title)});
    let meta = c.meta("stats", "数据统计", c.crumbs(&[("数据统计", c.url)]), ld);
    let cohorts = v.cohorts().map(|k| CohortStats {
        year: k.year,
        title: &k.title,
        url: &k.url,
        count: k.count,
        stats: &k.stats,
    });
    let industries = v.industries().iter().map(|i| IndustryStats {
        letter: i.letter,
        name: &i.name,
        url: &i.url,
        count: i.count,
        stats: &i.stats,
    });
    let data = StatsData {
        all: &v.stats,
        charts: charts::statistics(v),
        cohorts: cohorts.collect(),
        industries: industries.collect(),
        levels: levels(v.model()),
        system: (!v.model().unions.is_empty()).then(|| v.model().system()),
    };
    (meta, data)
}

/// Each level's statistics, for a site with unions (levels no profile holds left out).
fn levels(site: &Site) -> Vec<LevelStats> {
    if site.unions.is_empty() {
        return Vec::new();
    }
    Level::ALL
        .iter()
        .map(|&level| LevelStats {
            level: level.label(),
            count: site.at_level(level).count(),
            stats: site.level_stats(level),
        })
        .filter(|l| l.count > 0)
        .collect()
}
