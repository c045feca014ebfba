//! The unions' list (`/unions/`), each union's pages and its cohorts' pages.

use super::cohorts::{cohort_page, CohortPage};
use super::meta::{Ctx, ListPage, PageMeta};
use crate::model::stats::Stats;
use crate::model::urls;
use crate::render::views::{CraftsmanCard, UnionCohortRef, UnionView};
use serde::Serialize;
use std::sync::Arc;

/// The unions' list (`unions`): every union, and the figures of the whole programme.
#[derive(Serialize)]
pub(super) struct UnionsPage<'a> {
    /// The unions that select, in the site's order.
    pub selecting: Vec<UnionEntry<'a>>,
    /// Of them, those that have not selected anyone yet (no cohort).
    pub not_yet: Vec<UnionEntry<'a>>,
    /// The bodies that only nominate (协会).
    pub associations: Vec<UnionEntry<'a>>,
}

/// A union as the unions' list shows it.
#[derive(Serialize)]
pub(super) struct UnionEntry<'a> {
    pub name: &'a str,
    pub url: &'a str,
    pub kind_name: &'static str,
    pub level: Option<&'static str>,
    pub cohorts: &'a [UnionCohortRef],
    pub selected: usize,
    pub promoted: usize,
    pub nominated: usize,
}

/// One page of a union (`union`): its facts, its cohorts and statistics on the first page, and
/// its craftsmen on this page.
#[derive(Serialize)]
pub(super) struct UnionPage<'a> {
    pub name: &'a str,
    pub url: &'a str,
    pub kind_name: &'static str,
    pub level: Option<&'static str>,
    pub intro: &'a str,
    pub cohorts: &'a [UnionCohortRef],
    pub selected: usize,
    pub promoted: usize,
    pub craftsmen: &'a [Arc<CraftsmanCard>],
    /// How many craftsmen with a profile it selected (all pages).
    pub count: usize,
    pub nominated: &'a [Arc<CraftsmanCard>],
    pub stats: &'a Stats,
    pub site_url: Option<&'a str>,
    /// This page's number, from 1.
    pub number: usize,
}

fn entry(u: &UnionView) -> UnionEntry<'_> {
    UnionEntry {
        name: &u.name,
        url: &u.url,
        kind_name: u.kind_name,
        level: u.level,
        cohorts: &u.cohorts,
        selected: u.selected,
        promoted: u.promoted,
        nominated: u.nominated.len(),
    }
}

/// The unions' list.
pub(super) fn list<'a>(c: &Ctx<'a>) -> (PageMeta, UnionsPage<'a>) {
    let v = c.v;
    let ld = c.item_list(v.unions().map(|u| (u.name.clone(), u.url.clone())));
    let meta = c.meta("unions", "区局工会", c.crumbs(&[("区局工会", c.url)]), ld);
    let mut data = UnionsPage {
        selecting: Vec::new(),
        not_yet: Vec::new(),
        associations: Vec::new(),
    };
    for u in v.unions() {
        match (u.level, u.cohorts.is_empty()) {
            (None, _) => data.associations.push(entry(u)),
            (Some(_), true) => data.not_yet.push(entry(u)),
            (Some(_), false) => data.selecting.push(entry(u)),
        }
    }
    (meta, data)
}

/// Page `page` (from 0) of the `i`-th union.
pub(super) fn union<'a>(c: &Ctx<'a>, i: usize, page: usize) -> (PageMeta, UnionPage<'a>) {
    let u = c.v.union(i);
    let unions = c.url(urls::UNIONS);
    let paging = c.paging(u.craftsmen.len());
    let on = &u.craftsmen[paging.range(page)];
    let listed = on.iter().map(|p| (p.name.clone(), p.url.clone()));
    let list = ListPage {
        kind: "union",
        name: &u.name,
        crumbs: &[("区局工会", &unions), (&u.name, &u.url)],
        path: &urls::union(&u.slug),
        paging,
        page,
    };
    let data = UnionPage {
        name: &u.name,
        url: &u.url,
        kind_name: u.kind_name,
        level: u.level,
        intro: &u.intro,
        cohorts: &u.cohorts,
        selected: u.selected,
        promoted: u.promoted,
        craftsmen: on,
        count: u.craftsmen.len(),
        nominated: &u.nominated,
        stats: &u.stats,
        site_url: u.site_url.as_deref(),
        number: page + 1,
    };
    (c.list_meta(list, listed), data)
}

/// Page `page` (from 0) of the `k`-th cohort of the `i`-th union.
pub(super) fn cohort<'a>(
    c: &Ctx<'a>,
    i: usize,
    k: usize,
    page: usize,
) -> (PageMeta, CohortPage<'a>) {
    let u = c.v.union(i);
    let view = c.v.union_cohort(i, k);
    let unions = c.url(urls::UNIONS);
    let crumbs = [
        ("区局工会", unions.as_str()),
        (u.name.as_str(), u.url.as_str()),
        (view.title.as_str(), view.url.as_str()),
    ];
    let path = urls::union_cohort(&u.slug, view.year);
    cohort_page(c, view, &crumbs, &path, page)
}
