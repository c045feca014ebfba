//! The cohorts' list (`/cohorts/`) and each cohort's pages, with the short cohort entries other pages list.

use super::meta::{Ctx, ListPage, PageMeta};
use crate::model::stats::Stats;
use crate::render::views::{CohortView, DateView, MemberView};
use serde::Serialize;

/// A cohort as the A–Z index lists it: title, link and size.
#[derive(Serialize)]
pub(super) struct CohortCount<'a> {
    pub year: i32,
    pub title: &'a str,
    pub url: &'a str,
    pub count: usize,
}

impl<'a> CohortCount<'a> {
    pub(super) fn of(k: &'a CohortView) -> Self {
        CohortCount {
            year: k.year,
            title: &k.title,
            url: &k.url,
            count: k.count,
        }
    }
}

/// A cohort as the cohorts' list shows it (`cohorts` is a list of these).
#[derive(Serialize)]
pub(super) struct CohortEntry<'a> {
    pub year: i32,
    pub title: &'a str,
    pub url: &'a str,
    pub count: usize,
    pub ceremony: Option<&'a DateView>,
    pub intro: &'a str,
}

/// One page of a cohort (`cohort`): the view's facts with the members on this page (`members`),
/// in the cohort's order; `count` stays the whole cohort's.
#[derive(Serialize)]
pub(super) struct CohortPage<'a> {
    pub year: i32,
    pub title: &'a str,
    pub url: &'a str,
    pub ceremony: Option<&'a DateView>,
    pub intro: &'a str,
    pub members: &'a [MemberView],
    pub order: &'static str,
    pub count: usize,
    pub profiles: usize,
    pub stats: &'a Stats,
    /// This page's number, from 1.
    pub number: usize,
}

/// The cohorts' list, by year.
pub(super) fn list<'a>(c: &Ctx<'a>) -> (PageMeta, Vec<CohortEntry<'a>>) {
    let v = c.v;
    let ld = c.item_list(v.cohorts().map(|k| (k.title.clone(), k.url.clone())));
    let meta = c.meta("cohorts", "历年批次", c.crumbs(&[("历年批次", c.url)]), ld);
    let entries = v
        .cohorts()
        .map(|k| CohortEntry {
            year: k.year,
            title: &k.title,
            url: &k.url,
            count: k.count,
            ceremony: k.ceremony.as_ref(),
            intro: &k.intro,
        })
        .collect();
    (meta, entries)
}

/// Page `page` (from 0) of the `i`-th cohort.
pub(super) fn cohort<'a>(c: &Ctx<'a>, i: usize, page: usize) -> (PageMeta, CohortPage<'a>) {
    let k = c.v.cohort(i);
    let cohorts = c.url("/cohorts/");
    let crumbs = [("历年批次", cohorts.as_str()), (&k.title, &k.url)];
    let path = crate::model::urls::cohort(k.year);
    cohort_page(c, k, &crumbs, &path, page)
}

/// Page `page` (from 0) of a cohort's list, the city's or a union's: with these breadcrumbs
/// (after 首页) and the list's path. In the JSON-LD, a member without a profile is listed at this
/// page's URL.
pub(super) fn cohort_page<'a>(
    c: &Ctx<'a>,
    k: &'a CohortView,
    crumbs: &[(&str, &str)],
    path: &str,
    page: usize,
) -> (PageMeta, CohortPage<'a>) {
    let paging = c.paging(k.members.len());
    let members = &k.members[paging.range(page)];
    let listed = members.iter().map(|m| {
        let at = m.profile.as_ref().map(|p| p.url.clone());
        (m.name.clone(), at.unwrap_or_else(|| c.url.to_string()))
    });
    let list = ListPage {
        kind: "cohort",
        name: &k.title,
        crumbs,
        path,
        paging,
        page,
    };
    let data = CohortPage {
        year: k.year,
        title: &k.title,
        url: &k.url,
        ceremony: k.ceremony.as_ref(),
        intro: &k.intro,
        members,
        order: k.order,
        count: k.count,
        profiles: k.profiles,
        stats: &k.stats,
        number: page + 1,
    };
    (c.list_meta(list, listed), data)
}
