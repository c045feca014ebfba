//! The home page: the site's figures, the latest cohort, the newest stories and the brands.

use super::meta::{Ctx, PageMeta};
use crate::model::levels::System;
use crate::model::stats::Stats;
use crate::render::views::{CohortView, StoryRef};
use serde::Serialize;
use serde_json::json;

/// What the home page gets as `home`.
#[derive(Serialize)]
pub(super) struct HomeData<'a> {
    /// The whole site's statistics.
    pub stats: &'a Stats,
    /// The latest cohort, with all its members.
    pub latest_cohort: Option<&'a CohortView>,
    /// The four newest stories.
    pub stories: Vec<&'a StoryRef>,
    pub brands: Vec<BrandLink<'a>>,
    /// The whole programme's figures, when the site has unions.
    pub system: Option<System>,
}

/// A brand as the home page links to it.
#[derive(Serialize)]
pub(super) struct BrandLink<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub summary: Option<&'a str>,
    pub slug: &'a str,
}

/// The home page.
pub(super) fn page<'a>(c: &Ctx<'a>) -> (PageMeta, HomeData<'a>) {
    let v = c.v;
    let web = json!({ "@type": "WebSite", "name": v.site.title, "url": v.site.base_url });
    let data = HomeData {
        stats: &v.stats,
        latest_cohort: v.cohorts().next_back(),
        stories: v.stories().iter().take(4).map(|s| &s.head).collect(),
        brands: v
            .brands()
            .iter()
            .map(|b| BrandLink {
                title: &b.title,
                url: &b.url,
                summary: b.summary.as_deref(),
                slug: &b.slug,
            })
            .collect(),
        system: (!v.model().unions.is_empty()).then(|| v.model().system()),
    };
    (c.meta("home", &v.site.title, Vec::new(), web), data)
}
