//! The statistics page (`/stats/`): the whole site's figures and charts, and each cohort's and industry's.

use super::meta::{Ctx, PageMeta};
use crate::model::stats::Stats;
use crate::render::charts::{self, Chart};
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
    };
    (meta, data)
}
