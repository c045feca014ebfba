//! An editor's own page (`content/pages/<slug>.md`, at `/<slug>/`).

use super::meta::{Ctx, PageMeta};
use crate::render::views::PageView;
use serde_json::json;

/// The `i`-th page (`content_page`): its view as it is; its summary is the page's description.
pub(super) fn page<'a>(c: &Ctx<'a>, i: usize) -> (PageMeta, &'a PageView) {
    let p = &c.v.pages[i];
    let ld = json!({"@type": "WebPage", "name": p.title});
    let mut meta = c.meta("page", &p.title, c.crumbs(&[(&p.title, &p.url)]), ld);
    if let Some(summary) = &p.summary {
        meta.description = summary.clone();
    }
    (meta, p)
}
