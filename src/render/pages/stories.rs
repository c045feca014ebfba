//! The stories' list (`/stories/` and its further pages) and each story's page.

use super::meta::{Ctx, ListPage, PageMeta};
use crate::render::views::{StoryRef, StoryView};
use serde_json::json;

/// Page `page` (from 0) of the stories' list, newest first (`stories`: the stories on this page).
pub(super) fn list<'a>(c: &Ctx<'a>, page: usize) -> (PageMeta, Vec<&'a StoryRef>) {
    let stories = c.v.stories();
    let paging = c.paging(stories.len());
    let on = &stories[paging.range(page)];
    let first = c.url("/stories/");
    let listed = on
        .iter()
        .map(|s| (s.head.title.clone(), s.head.url.clone()));
    let list = ListPage {
        kind: "stories",
        name: "技艺故事",
        crumbs: &[("技艺故事", &first)],
        path: "/stories/",
        paging,
        page,
    };
    (
        c.list_meta(list, listed),
        on.iter().map(|s| &s.head).collect(),
    )
}

/// The `i`-th story's page (`story`): its view as it is.
pub(super) fn story<'a>(c: &Ctx<'a>, i: usize) -> (PageMeta, &'a StoryView) {
    let v = c.v;
    let s = &v.stories()[i];
    let stories = c.url("/stories/");
    let cover = s
        .head
        .cover_image
        .as_ref()
        .map(|i| i.large.as_str())
        .or(s.head.cover.as_deref());
    let organisation =
        json!({ "@type": "Organization", "name": v.site.title, "url": v.site.base_url });
    let about: Vec<_> = s
        .craftsmen
        .iter()
        .map(|p| json!({"@type": "Person", "name": p.name, "url": c.abs(&p.url)}))
        .collect();
    let article = json!({
        "@type": "Article",
        "headline": s.head.title,
        "datePublished": s.head.date.iso,
        "description": s.head.summary,
        "image": cover.map(|i| c.abs(i)),
        "author": organisation,
        "publisher": organisation,
        "mainEntityOfPage": c.abs(&s.head.url),
        "inLanguage": v.site.language,
        "about": about,
    });
    let crumbs = c.crumbs(&[("技艺故事", &stories), (&s.head.title, &s.head.url)]);
    let mut meta = c.meta("story", &s.head.title, crumbs, article);
    if let Some(summary) = &s.head.summary {
        meta.description = summary.clone();
    }
    meta.image = cover.map(|i| c.abs(i));
    (meta, s)
}
