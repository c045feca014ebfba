//! What every page kind's function shares: [`PageMeta`] (the `page` every template gets), the context a kind's function reads ([`Ctx`]), breadcrumbs, list pages' titles and pagers, and the JSON-LD helpers.

use crate::model::paging::Paging;
use crate::render::embed::script_json;
use crate::render::pager::Pager;
use crate::render::views::{with_base, Link, Views};
use serde::Serialize;
use serde_json::{json, Value};

/// What every template gets as `page`: title, description, URLs, breadcrumbs, structured data.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    /// Path with base (`/sub/craftsmen/x/`).
    pub url: String,
    /// Absolute URL.
    pub canonical: String,
    pub breadcrumbs: Vec<Link>,
    /// JSON-LD, serialised and safe to embed in a script element.
    pub json_ld: String,
    pub image: Option<String>,
    /// Where a list page stands in its list (`null` on other pages).
    pub pager: Option<Pager>,
}

/// What a page kind's function reads: the views, and the URL of the page being made.
pub(super) struct Ctx<'a> {
    pub v: &'a Views,
    /// This page's path with the base path (`/sub/cohorts/2018/page/2/`).
    pub url: &'a str,
}

/// One page of a list, as its meta needs it: the list's name and breadcrumbs (after 首页), the
/// list's path (without the base path), its paging and which page this is (from 0).
pub(super) struct ListPage<'s> {
    pub kind: &'static str,
    pub name: &'s str,
    pub crumbs: &'s [(&'s str, &'s str)],
    pub path: &'s str,
    pub paging: Paging,
    pub page: usize,
}

impl Ctx<'_> {
    /// A site path (`/x/`) with the base path.
    pub(super) fn url(&self, path: &str) -> String {
        with_base(&self.v.site.base_path, path)
    }

    /// The paging of a list of `len` entries on this site.
    pub(super) fn paging(&self, len: usize) -> Paging {
        Paging::new(len, self.v.site.index_page_size)
    }

    /// The absolute URL of a URL the pages use.
    pub(super) fn abs(&self, path: &str) -> String {
        self.v.site.absolute(path)
    }

    /// Breadcrumbs: 首页, then `items` (title, URL with base).
    pub(super) fn crumbs(&self, items: &[(&str, &str)]) -> Vec<Link> {
        let mut out = vec![Link {
            title: "首页".into(),
            url: self.url("/"),
        }];
        out.extend(items.iter().map(|(t, u)| Link {
            title: t.to_string(),
            url: u.to_string(),
        }));
        out
    }

    /// The meta of this page: the site's description, no image and no pager (a kind's function
    /// sets them where it has its own), and `ld` in a JSON-LD graph with the breadcrumbs.
    pub(super) fn meta(
        &self,
        kind: &'static str,
        title: &str,
        crumbs: Vec<Link>,
        ld: Value,
    ) -> PageMeta {
        let mut graph = vec![ld];
        if crumbs.len() > 1 {
            graph.push(json!({
                "@type": "BreadcrumbList",
                "itemListElement": crumbs.iter().enumerate().map(|(i, c)| json!({
                    "@type": "ListItem", "position": i + 1, "name": c.title, "item": self.abs(&c.url)
                })).collect::<Vec<_>>()
            }));
        }
        let ld = json!({ "@context": "https://schema.org", "@graph": graph });
        PageMeta {
            kind,
            title: title.to_string(),
            description: self.v.site.description.clone().unwrap_or_default(),
            url: self.url.to_string(),
            canonical: self.abs(self.url),
            breadcrumbs: crumbs,
            json_ld: safe_json(&ld),
            image: None,
            pager: None,
        }
    }

    /// The meta of one page of a list showing `items` (name, URL with base): its title and
    /// breadcrumbs say which page it is, its JSON-LD lists the entries numbered as in the whole
    /// list, and its pager says where it stands.
    pub(super) fn list_meta(
        &self,
        list: ListPage,
        items: impl Iterator<Item = (String, String)>,
    ) -> PageMeta {
        let title = paged_title(list.name, list.page);
        let mut crumbs = list.crumbs.to_vec();
        if list.page > 0 {
            crumbs.push((&title, self.url));
        }
        let ld = json!({
            "@type": "ItemList",
            "numberOfItems": list.paging.len,
            "itemListElement": self.list_items(list.paging.range(list.page).start, items),
        });
        let mut meta = self.meta(list.kind, &title, self.crumbs(&crumbs), ld);
        meta.pager = Some(Pager::new(
            &self.v.site.base_path,
            list.path,
            list.paging,
            list.page,
        ));
        meta
    }

    /// An ItemList of every entry of a list shown whole (name, URL with base).
    pub(super) fn item_list(&self, items: impl Iterator<Item = (String, String)>) -> Value {
        json!({
            "@type": "ItemList",
            "itemListElement": self.list_items(0, items),
        })
    }

    /// ListItems numbered from `before + 1`.
    fn list_items(
        &self,
        before: usize,
        items: impl Iterator<Item = (String, String)>,
    ) -> Vec<Value> {
        items
            .enumerate()
            .map(|(i, (name, url))| {
                json!({
                    "@type": "ListItem", "position": before + i + 1, "name": name, "url": self.abs(&url)
                })
            })
            .collect()
    }
}

/// A list's title on page `page` (from 0): `工匠名录`, then `工匠名录（第 2 页）`.
fn paged_title(title: &str, page: usize) -> String {
    match page {
        0 => title.to_string(),
        n => format!("{title}（第 {} 页）", n + 1),
    }
}

/// JSON-LD for a `<script type="application/ld+json">`, without nulls, through [`script_json`].
fn safe_json(v: &Value) -> String {
    script_json(&without_nulls(v.clone()))
}

/// Drops `null` members and empty lists, which structured-data readers treat as errors.
fn without_nulls(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null() && !v.as_array().is_some_and(Vec::is_empty))
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(without_nulls).collect()),
        v => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_the_script_and_stays_valid_json() {
        let v = json!({"name": "</script><script>alert(1)</script><!--"});
        let s = safe_json(&v);
        assert!(!s.contains('<'));
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), v);
    }

    #[test]
    fn json_ld_has_no_nulls() {
        let s = safe_json(&json!({"a": null, "b": [], "c": {"d": null, "e": 1}}));
        assert_eq!(s, r#"{"c":{"e":1}}"#);
    }
}
