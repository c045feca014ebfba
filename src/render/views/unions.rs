//! The views of the levels: each union's view, its cohorts' views and a profile's honours.

use super::set::cohort_view;
use super::{with_base, CohortView, HonourView, Link, UnionCohortRef, UnionView, Views};
use crate::model::cohort::{Cohort, Member};
use crate::model::craftsman::Craftsman;
use crate::model::honours;
use crate::model::selections::nominated_by;
use crate::model::stats;
use crate::model::union::Union;
use std::sync::Arc;

/// The view of the `i`-th union.
pub(super) fn union_view(v: &Views, i: usize) -> UnionView {
    let site = v.model();
    let u = &site.unions[i];
    let base = site.config.base_path.as_str();
    let craftsmen: Vec<usize> = site.selected_by(&u.slug).collect();
    let cohorts = (0..u.cohorts.len())
        .map(|k| {
            let view = v.union_cohort(i, k);
            UnionCohortRef {
                year: view.year,
                title: view.title.clone(),
                url: view.url.clone(),
                count: view.count,
            }
        })
        .collect::<Vec<_>>();
    UnionView {
        slug: u.slug.clone(),
        name: u.name.clone(),
        kind: u.kind.label(),
        kind_name: u.kind.shown(),
        level: u.level().map(|l| l.label()),
        url: with_base(base, &u.url()),
        intro: u.intro_html.clone(),
        selected: cohorts.iter().map(|k| k.count).sum(),
        cohorts,
        promoted: craftsmen
            .iter()
            .filter(|&&n| site.craftsmen[n].cohort.is_some())
            .count(),
        craftsmen: craftsmen.iter().map(|&n| Arc::clone(v.card(n))).collect(),
        nominated: site
            .nominated_by(u)
            .map(|n| Arc::clone(v.card(n)))
            .collect(),
        stats: site.union_stats(&u.slug),
        site_url: u.site.as_ref().map(|s| s.base_url.clone()),
    }
}

/// The view of a union's cohort: as a city cohort's, with the statistics of its members'
/// profiles; each card names the honour of this cohort (2018年区级工匠), also for a member the
/// city selected later, whose card elsewhere names the higher honour.
pub(super) fn union_cohort_view(v: &Views, k: &Cohort) -> CohortView {
    let site = v.model();
    let inputs: Vec<_> = k
        .members
        .iter()
        .filter_map(|m| match m {
            Member::Profile { slug, .. } => v.index_of(slug),
            Member::Inline(_) => None,
        })
        .map(|n| site.craftsmen[n].stat_input())
        .collect();
    let mut view = cohort_view(v, k, stats::compute(&inputs));
    let level = site
        .unions
        .iter()
        .find(|u| Some(&u.slug) == k.union.as_ref())
        .and_then(Union::level);
    if let Some(level) = level {
        for card in view.members.iter_mut().filter_map(|m| m.profile.as_mut()) {
            if card.cohort != k.year || card.level != level.label() {
                let mut this = (**card).clone();
                this.cohort = k.year;
                this.level = level.label();
                this.cohort_url = view.url.clone();
                *card = Arc::new(this);
            }
        }
    }
    view
}

/// A profile's honours, oldest first.
pub(super) fn honours(base: &str, c: &Craftsman, unions: &[Union]) -> Vec<HonourView> {
    honours::of(c, unions)
        .iter()
        .map(|h| HonourView {
            year: h.year,
            level: h.level.label(),
            title: h.title(),
            url: with_base(base, &h.path),
            by: h.by.map(|u| Link {
                title: u.name.clone(),
                url: with_base(base, &u.url()),
            }),
        })
        .collect()
}

/// The nominating union's name and page, when `union` names one of the site's unions.
pub(super) fn union_link(base: &str, c: &Craftsman, unions: &[Union]) -> Option<Link> {
    let u = nominated_by(c.union.as_deref()?, unions)?;
    Some(Link {
        title: u.name.clone(),
        url: with_base(base, &u.url()),
    })
}
