//! The page shown for an address the site does not have (`/404.html`).

use super::meta::{Ctx, PageMeta};
use serde_json::json;

/// The 404 page: no breadcrumbs, and no data of its own (`missing` is `null`).
pub(super) fn page(c: &Ctx) -> (PageMeta, ()) {
    let ld = json!({"@type": "WebPage", "name": "页面不存在"});
    (c.meta("404", "页面不存在", Vec::new(), ld), ())
}
