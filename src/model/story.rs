//! Skills stories (技艺故事), brand programmes and free pages: dated or ordered Markdown articles.

use crate::diag::Diagnostics;
use crate::load::yaml::Seg;
use crate::load::ContentFile;
use crate::model::entry::{self, Body, Ctx};
use crate::model::fields::{Date, Field, Fields};
use crate::model::names;
use crate::model::plausible;
use crate::model::published::Published;
use serde::Serialize;
use serde_yaml::Value;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Story {
    pub slug: String,
    pub title: String,
    pub date: Date,
    /// Profile slugs, in the order written (where one stands is read from the file when it is
    /// reported).
    pub craftsmen: Vec<String>,
    pub cover: Option<String>,
    pub summary: Option<String>,
    pub body: Body,
    pub src: Arc<crate::source::SourceFile>,
}

#[derive(Debug, Clone)]
pub struct Brand {
    pub slug: String,
    pub title: String,
    pub order: i64,
    pub summary: Option<String>,
    pub figures: Vec<BrandFigure>,
    pub body: Body,
    pub src: Arc<crate::source::SourceFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrandFigure {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub order: i64,
    pub body: Body,
    pub src: Arc<crate::source::SourceFile>,
}

const STORY_FIELDS: &[Field] = &[
    Field {
        key: "title",
        label: "标题",
    },
    Field {
        key: "slug",
        label: "网址名",
    },
    Field {
        key: "date",
        label: "日期",
    },
    Field {
        key: "craftsmen",
        label: "相关工匠",
    },
    Field {
        key: "cover",
        label: "封面图",
    },
    Field {
        key: "summary",
        label: "摘要",
    },
];
const BRAND_FIELDS: &[Field] = &[
    Field {
        key: "title",
        label: "品牌名称",
    },
    Field {
        key: "slug",
        label: "网址名",
    },
    Field {
        key: "order",
        label: "排序",
    },
    Field {
        key: "summary",
        label: "简介",
    },
    Field {
        key: "figures",
        label: "数字",
    },
];
const FIGURE_FIELDS: &[Field] = &[
    Field {
        key: "label",
        label: "说明",
    },
    Field {
        key: "value",
        label: "数值",
    },
];
const PAGE_FIELDS: &[Field] = &[
    Field {
        key: "title",
        label: "标题",
    },
    Field {
        key: "slug",
        label: "网址名",
    },
    Field {
        key: "summary",
        label: "摘要",
    },
    Field {
        key: "order",
        label: "排序",
    },
];

fn finish<T>(diags: &Diagnostics, before: usize, value: impl FnOnce() -> Option<T>) -> Option<T> {
    if diags.error_count() > before {
        None
    } else {
        value()
    }
}

pub fn parse_story(
    file: &ContentFile,
    ctx: &Ctx,
    published: &mut Published,
    diags: &mut Diagnostics,
) -> Option<Story> {
    let (doc, body_start) = entry::open(file, diags)?;
    let before = diags.error_count();
    let mut f = Fields::top(&doc, STORY_FIELDS, "故事的字段区", diags)?;
    let title = f.string("title", true);
    let written = f.string("slug", false);
    let date = f.date("date", true);
    plausible::not_after_today(&mut f, "date", "日期", date, ctx.today);
    let craftsmen = f.strings("craftsmen");
    let cover = f.string("cover", false);
    let summary = f.string("summary", false);
    let cover = cover.and_then(|c| {
        entry::check_asset(
            &file.source,
            &entry::dir_rel(file),
            &c,
            || doc.value_span(&[Seg::Key("cover")]),
            ctx.assets,
            diags,
        )
    });
    let t = title.clone().unwrap_or_default();
    let slug = entry::slug(file, written, &doc, diags, || names::slug_from_name(&t));
    published.values(&doc, &[], diags);
    entry::publish_slug(file, &doc, slug.as_deref(), published, diags);
    let body = entry::body(file, body_start, ctx, published, diags);
    finish(diags, before, || {
        Some(Story {
            slug: slug?,
            title: title?,
            date: date?,
            craftsmen,
            cover,
            summary,
            body,
            src: Arc::clone(&file.source),
        })
    })
}

pub fn parse_brand(
    file: &ContentFile,
    ctx: &Ctx,
    published: &mut Published,
    diags: &mut Diagnostics,
) -> Option<Brand> {
    let (doc, body_start) = entry::open(file, diags)?;
    let before = diags.error_count();
    let mut f = Fields::top(&doc, BRAND_FIELDS, "品牌的字段区", diags)?;
    let title = f.string("title", true);
    let written = f.string("slug", false);
    let order = f.int("order", true, 1, 99);
    let summary = f.string("summary", false);
    let mut figures = Vec::new();
    if let Some(items) = f.sequence("figures") {
        for (i, item) in items.iter().enumerate() {
            if let Value::Mapping(m) = item {
                let mut n = f.nested(vec![Seg::Key("figures"), Seg::Index(i)], m, FIGURE_FIELDS);
                if let (Some(label), Some(value)) =
                    (n.string("label", true), n.string("value", true))
                {
                    figures.push(BrandFigure { label, value });
                }
            } else {
                let d = f.at_path(
                    crate::diag::Diagnostic::error(
                        "front-matter.wrong-type",
                        format!(
                            "`figures` 第 {} 项应写成 `{{ label: 说明, value: 数值 }}`",
                            i + 1
                        ),
                    ),
                    &[Seg::Key("figures"), Seg::Index(i)],
                );
                f.push(d);
            }
        }
    }
    let slug = entry::slug(file, written, &doc, diags, || "brand".to_string());
    published.values(&doc, &[], diags);
    entry::publish_slug(file, &doc, slug.as_deref(), published, diags);
    let body = entry::body(file, body_start, ctx, published, diags);
    finish(diags, before, || {
        Some(Brand {
            slug: slug?,
            title: title?,
            order: order?,
            summary,
            figures,
            body,
            src: Arc::clone(&file.source),
        })
    })
}

pub fn parse_page(
    file: &ContentFile,
    ctx: &Ctx,
    published: &mut Published,
    diags: &mut Diagnostics,
) -> Option<Page> {
    let (doc, body_start) = entry::open(file, diags)?;
    let before = diags.error_count();
    let mut f = Fields::top(&doc, PAGE_FIELDS, "页面的字段区", diags)?;
    let title = f.string("title", true);
    let written = f.string("slug", false);
    let summary = f.string("summary", false);
    let order = f.int("order", false, 0, 999).unwrap_or(100);
    let slug = entry::slug(file, written, &doc, diags, || "page".to_string());
    published.values(&doc, &[], diags);
    entry::publish_slug(file, &doc, slug.as_deref(), published, diags);
    let body = entry::body(file, body_start, ctx, published, diags);
    finish(diags, before, || {
        Some(Page {
            slug: slug?,
            title: title?,
            summary,
            order,
            body,
            src: Arc::clone(&file.source),
        })
    })
}
