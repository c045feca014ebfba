//! The lists of the craftsmen holding each level (`/levels/district/` …), for a site with unions, and the links to them the A–Z index and the industry pages show.

use super::meta::{Ctx, ListPage, PageMeta};
use crate::model::urls;
use crate::render::views::CraftsmanCard;
use serde::Serialize;
use std::sync::Arc;

/// A level as the A–Z index and an industry page link to it.
#[derive(Serialize)]
pub(super) struct LevelCount {
    pub level: &'static str,
    pub url: String,
    pub count: usize,
}

/// One page of a level's list (`level`).
#[derive(Serialize)]
pub(super) struct LevelPage<'a> {
    /// 市级, 区级 or 局级.
    pub level: &'static str,
    pub title: String,
    pub craftsmen: &'a [Arc<CraftsmanCard>],
    pub count: usize,
    /// Every level held, for the links between them.
    pub levels: Vec<LevelCount>,
    /// This page's number, from 1.
    pub number: usize,
}

/// Each level held, with its list's URL and how many hold it (none for a site without unions).
pub(super) fn counts(c: &Ctx) -> Vec<LevelCount> {
    c.v.levels()
        .iter()
        .map(|(l, cards)| LevelCount {
            level: l.label(),
            url: c.url(&urls::level(*l)),
            count: cards.len(),
        })
        .collect()
}

/// Page `page` (from 0) of the `i`-th level held.
pub(super) fn level<'a>(c: &Ctx<'a>, i: usize, page: usize) -> (PageMeta, LevelPage<'a>) {
    let (l, cards) = &c.v.levels()[i];
    let title = format!("{}工匠", l.label());
    let first = c.url("/craftsmen/");
    let own = c.url(&urls::level(*l));
    let paging = c.paging(cards.len());
    let on = &cards[paging.range(page)];
    let listed = on.iter().map(|p| (p.name.clone(), p.url.clone()));
    let list = ListPage {
        kind: "level",
        name: &title,
        crumbs: &[("工匠名录", &first), (&title, &own)],
        path: &urls::level(*l),
        paging,
        page,
    };
    let data = LevelPage {
        level: l.label(),
        title: title.clone(),
        craftsmen: on,
        count: cards.len(),
        levels: counts(c),
        number: page + 1,
    };
    (c.list_meta(list, listed), data)
}
