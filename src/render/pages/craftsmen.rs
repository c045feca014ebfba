//! The A–Z index of profiles (`/craftsmen/` and its further pages) and each profile's page.

use super::cohorts::CohortCount;
use super::industries::IndustryCount;
use super::meta::{Ctx, ListPage, PageMeta};
use crate::model::paging::Paging;
use crate::model::urls::page_path;
use crate::render::views::{CraftsmanCard, CraftsmanView};
use serde::Serialize;
use serde_json::json;
use std::sync::Arc;

/// The A–Z index's data for one page (`index`), with the profile cards borrowed rather than copied.
#[derive(Serialize)]
pub(super) struct IndexData<'a> {
    pub cohorts: Vec<CohortCount<'a>>,
    pub industries: Vec<IndustryCount<'a>>,
    /// The letter groups on this page (a group may begin on an earlier page or go on to the next).
    pub letters: Vec<LetterSlice<'a>>,
    /// Every letter of the whole index: where its first profile is, and how many it has.
    pub jump: Vec<Jump>,
    /// This page's number, from 1 (the pager is `page.pager`).
    pub number: usize,
    /// Each level held, with its list (a site with unions).
    pub levels: Vec<super::levels::LevelCount>,
}

/// A letter group, or the part of it on one page.
#[derive(Serialize)]
pub(super) struct LetterSlice<'a> {
    pub letter: char,
    pub craftsmen: &'a [Arc<CraftsmanCard>],
}

/// A letter of the index's jump bar: the URL of its first profile's page, and how many it has.
#[derive(Serialize)]
pub(super) struct Jump {
    pub letter: char,
    pub url: String,
    pub count: usize,
}

/// Page `page` (from 0) of the A–Z index.
pub(super) fn index<'a>(c: &Ctx<'a>, page: usize) -> (PageMeta, IndexData<'a>) {
    let paging = c.paging(c.v.craftsmen_len());
    let data = index_data(c, paging, page);
    let first = c.url("/craftsmen/");
    let listed = data
        .letters
        .iter()
        .flat_map(|g| g.craftsmen.iter())
        .map(|x| (x.name.clone(), x.url.clone()));
    let list = ListPage {
        kind: "craftsmen",
        name: "工匠名录",
        crumbs: &[("工匠名录", &first)],
        path: "/craftsmen/",
        paging,
        page,
    };
    (c.list_meta(list, listed), data)
}

/// The letter groups (or parts of them) on page `page`, and the jump bar of the whole index.
fn index_data<'a>(c: &Ctx<'a>, paging: Paging, page: usize) -> IndexData<'a> {
    let v = c.v;
    let range = paging.range(page);
    let mut letters = Vec::new();
    let mut jump = Vec::new();
    let mut at = 0;
    for g in v.letters() {
        let n = g.craftsmen.len();
        let on = paging.page_of(at);
        let anchor = format!("#letter-{}", g.letter);
        let url = if on == page {
            anchor
        } else {
            format!("{}{anchor}", c.url(&page_path("/craftsmen/", on)))
        };
        jump.push(Jump {
            letter: g.letter,
            url,
            count: n,
        });
        let (lo, hi) = (range.start.max(at), range.end.min(at + n));
        if lo < hi {
            letters.push(LetterSlice {
                letter: g.letter,
                craftsmen: &g.craftsmen[lo - at..hi - at],
            });
        }
        at += n;
    }
    IndexData {
        cohorts: v.cohorts().map(CohortCount::of).collect(),
        industries: v.industries().iter().map(IndustryCount::of).collect(),
        letters,
        jump,
        number: page + 1,
        levels: super::levels::counts(c),
    }
}

/// The `i`-th profile's page (`craftsman`): its own view, made for it.
pub(super) fn profile(c: &Ctx, i: usize) -> (PageMeta, CraftsmanView) {
    let p = c.v.craftsman(i);
    let index = c.url("/craftsmen/");
    let photo = p
        .card
        .image
        .as_ref()
        .map(|i| i.large.as_str())
        .or(p.card.photo.as_deref());
    let person = json!({
        "@type": "ProfilePage",
        "mainEntity": {
            "@type": "Person",
            "name": p.card.name,
            "jobTitle": p.card.post,
            "worksFor": { "@type": "Organization", "name": p.card.employer },
            "award": p.facts.awards.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
            "knowsAbout": p.card.skills,
            "image": photo.map(|i| c.abs(i)),
            "url": c.abs(&p.card.url),
        }
    });
    let crumbs = c.crumbs(&[("工匠名录", &index), (&p.card.name, &p.card.url)]);
    let mut meta = c.meta("craftsman", &p.card.name, crumbs, person);
    if let Some(summary) = &p.card.summary {
        meta.description = summary.clone();
    }
    meta.image = photo.map(|i| c.abs(i));
    (meta, p)
}
