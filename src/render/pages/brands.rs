//! The brands' list (`/brands/`) and each brand's pages.

use super::meta::{Ctx, ListPage, PageMeta};
use crate::model::story::BrandFigure;
use crate::render::views::CraftsmanCard;
use serde::Serialize;
use std::sync::Arc;

/// A brand as the brands' list shows it (`brands` is a list of these); `count`: its craftsmen.
#[derive(Serialize)]
pub(super) struct BrandEntry<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: &'a str,
    pub order: i64,
    pub summary: Option<&'a str>,
    pub figures: &'a [BrandFigure],
    pub count: usize,
}

/// One page of a brand (`brand`): the view's facts with the craftsmen on this page; `count` is
/// all of them.
#[derive(Serialize)]
pub(super) struct BrandPage<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: &'a str,
    pub order: i64,
    pub summary: Option<&'a str>,
    pub figures: &'a [BrandFigure],
    pub content: &'a str,
    pub craftsmen: &'a [Arc<CraftsmanCard>],
    pub count: usize,
    /// This page's number, from 1.
    pub number: usize,
}

/// The brands' list, by `order`.
pub(super) fn list<'a>(c: &Ctx<'a>) -> (PageMeta, Vec<BrandEntry<'a>>) {
    let brands = c.v.brands();
    let ld = c.item_list(brands.iter().map(|b| (b.title.clone(), b.url.clone())));
    let meta = c.meta(
        "brands",
        "十大工匠品牌",
        c.crumbs(&[("十大工匠品牌", c.url)]),
        ld,
    );
    let entries = brands
        .iter()
        .map(|b| BrandEntry {
            slug: &b.slug,
            title: &b.title,
            url: &b.url,
            order: b.order,
            summary: b.summary.as_deref(),
            figures: &b.figures,
            count: b.craftsmen.len(),
        })
        .collect();
    (meta, entries)
}

/// Page `page` (from 0) of the `i`-th brand; its summary is the page's description.
pub(super) fn brand<'a>(c: &Ctx<'a>, i: usize, page: usize) -> (PageMeta, BrandPage<'a>) {
    let b = &c.v.brands()[i];
    let brands = c.url("/brands/");
    let paging = c.paging(b.craftsmen.len());
    let on = &b.craftsmen[paging.range(page)];
    let listed = on.iter().map(|p| (p.name.clone(), p.url.clone()));
    let list = ListPage {
        kind: "brand",
        name: &b.title,
        crumbs: &[("十大工匠品牌", &brands), (&b.title, &b.url)],
        path: &crate::model::urls::brand(&b.slug),
        paging,
        page,
    };
    let mut meta = c.list_meta(list, listed);
    if let Some(summary) = &b.summary {
        meta.description = summary.clone();
    }
    let data = BrandPage {
        slug: &b.slug,
        title: &b.title,
        url: &b.url,
        order: b.order,
        summary: b.summary.as_deref(),
        figures: &b.figures,
        content: &b.content,
        craftsmen: on,
        count: b.craftsmen.len(),
        number: page + 1,
    };
    (meta, data)
}
