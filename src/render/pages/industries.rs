//! The industries' list (`/industries/`) and each industry section's pages, with the short industry entries other pages list.

use super::meta::{Ctx, ListPage, PageMeta};
use crate::model::stats::Stats;
use crate::render::views::{CraftsmanCard, IndustryView};
use serde::Serialize;
use std::sync::Arc;

/// An industry section as lists show it: letter, name, link and how many profiles it has.
#[derive(Serialize)]
pub(super) struct IndustryCount<'a> {
    pub letter: char,
    pub name: &'a str,
    pub url: &'a str,
    pub count: usize,
}

impl<'a> IndustryCount<'a> {
    pub(super) fn of(i: &'a IndustryView) -> Self {
        IndustryCount {
            letter: i.letter,
            name: &i.name,
            url: &i.url,
            count: i.count,
        }
    }
}

/// One page of an industry (`industry`): the view's facts with the profiles on this page.
#[derive(Serialize)]
pub(super) struct IndustryPage<'a> {
    pub letter: char,
    pub name: &'a str,
    pub url: &'a str,
    pub craftsmen: &'a [Arc<CraftsmanCard>],
    pub count: usize,
    pub stats: &'a Stats,
    /// This page's number, from 1.
    pub number: usize,
    /// How many of its craftsmen are shown at each level (a site with unions), by level.
    pub levels: Vec<super::levels::LevelCount>,
    /// This page's craftsmen split by the level their cards show (a site with unions; empty
    /// otherwise, and the page lists `craftsmen` in one list).
    pub groups: Vec<LevelGroup<'a>>,
}

/// The craftsmen of one level on an industry page, and how many of the industry hold it.
#[derive(Serialize)]
pub(super) struct LevelGroup<'a> {
    pub level: &'static str,
    pub count: usize,
    pub craftsmen: &'a [Arc<CraftsmanCard>],
}

/// The industries' list, by letter (`industries`).
pub(super) fn list<'a>(c: &Ctx<'a>) -> (PageMeta, Vec<IndustryCount<'a>>) {
    let industries = c.v.industries();
    let ld = c.item_list(industries.iter().map(|i| (i.name.clone(), i.url.clone())));
    let meta = c.meta(
        "industries",
        "行业分布",
        c.crumbs(&[("行业分布", c.url)]),
        ld,
    );
    (meta, industries.iter().map(IndustryCount::of).collect())
}

/// Page `page` (from 0) of the `n`-th industry section with profiles.
pub(super) fn industry<'a>(c: &Ctx<'a>, n: usize, page: usize) -> (PageMeta, IndustryPage<'a>) {
    let i = &c.v.industries()[n];
    let industries = c.url("/industries/");
    let paging = c.paging(i.craftsmen.len());
    let on = &i.craftsmen[paging.range(page)];
    let listed = on.iter().map(|p| (p.name.clone(), p.url.clone()));
    let list = ListPage {
        kind: "industry",
        name: &i.name,
        crumbs: &[("行业分布", &industries), (&i.name, &i.url)],
        path: &crate::model::urls::industry(i.letter),
        paging,
        page,
    };
    let data = IndustryPage {
        letter: i.letter,
        name: &i.name,
        url: &i.url,
        craftsmen: on,
        count: i.count,
        stats: &i.stats,
        number: page + 1,
        levels: levels_of(c, &i.craftsmen),
        groups: groups_of(c, on, &i.craftsmen),
    };
    (c.list_meta(list, listed), data)
}

/// How many of `cards` show each level, for a site with unions (none otherwise).
fn levels_of(c: &Ctx, cards: &[Arc<CraftsmanCard>]) -> Vec<super::levels::LevelCount> {
    if c.v.model().unions.is_empty() {
        return Vec::new();
    }
    crate::schema::levels::Level::ALL
        .iter()
        .map(|l| super::levels::LevelCount {
            level: l.label(),
            url: c.url(&crate::model::urls::level(*l)),
            count: cards.iter().filter(|k| k.level == l.label()).count(),
        })
        .filter(|l| l.count > 0)
        .collect()
}

/// The runs of one level among `on` (the page's cards, which the view orders by level), each
/// with how many of `all` hold that level; none for a site without unions.
fn groups_of<'a>(
    c: &Ctx,
    on: &'a [Arc<CraftsmanCard>],
    all: &[Arc<CraftsmanCard>],
) -> Vec<LevelGroup<'a>> {
    if c.v.model().unions.is_empty() {
        return Vec::new();
    }
    on.chunk_by(|a, b| a.level == b.level)
        .map(|run| LevelGroup {
            level: run[0].level,
            count: all.iter().filter(|k| k.level == run[0].level).count(),
            craftsmen: run,
        })
        .collect()
}
