//! Skills stories (技艺故事), brand programmes and free pages: dated or ordered Markdown articles.

use crate::diag::Diagnostics;
use crate::load::dates::Date;
use crate::load::fields::Fields;
use crate::load::yaml::Seg;
use crate::load::ContentFile;
use crate::model::entry::{self, Body, Ctx};
use crate::model::names;
use crate::model::plausible;
use crate::model::published::Published;
use crate::schema::{BRAND, FIGURE, PAGE, STORY};
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

fn finish<T>(diags: &Diagnostics, before: usize, value: impl FnOnce() -> Option<T>) -> Option<T> {
    if diags.error_count() > before {
        None
    } else {
        value()
    }
}

pub(crate) fn parse_story(
    file: &ContentFile,
    ctx: &Ctx,
    published: &mut Published,
    diags: &mut Diagnostics,
) -> Option<Story> {
    let (doc, body_start) = entry::open(file, diags)?;
    let before = diags.error_count();
    let mut f = Fields::top(&doc, &STORY, diags)?;
    let title = f.text("title");
    let written = f.string("slug");
    let date = f.date("date");
    plausible::not_after_today(&mut f, "date", "日期", date, ctx.today);
    let craftsmen = f.strings("craftsmen");
    let cover = f.string("cover");
    let summary = f.text("summary");
    let cover = cover.and_then(|c| {
        let span = || doc.value_span(&[Seg::Key("cover")]);
        entry::check_picture_field(file, "cover", &c, span, ctx.assets, diags)
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

pub(crate) fn parse_brand(
    file: &ContentFile,
    ctx: &Ctx,
    published: &mut Published,
    diags: &mut Diagnostics,
) -> Option<Brand> {
    let (doc, body_start) = entry::open(file, diags)?;
    let before = diags.error_count();
    let mut f = Fields::top(&doc, &BRAND, diags)?;
    let title = f.text("title");
    let written = f.string("slug");
    let order = f.int("order");
    let summary = f.text("summary");
    let mut figures = Vec::new();
    if let Some(items) = f.sequence("figures") {
        for (i, item) in items.iter().enumerate() {
            if let Value::Mapping(m) = item {
                let mut n = f.nested(vec![Seg::Key("figures"), Seg::Index(i)], m, &FIGURE);
                if let (Some(label), Some(value)) = (n.text("label"), n.text("value")) {
                    figures.push(BrandFigure { label, value });
                }
            } else {
                let d = f
                    .at_path(
                        crate::diag::Diagnostic::error(
                            "front-matter.wrong-type",
                            format!(
                                "`figures` 第 {} 项应写成 `{{ label: 说明, value: 数值 }}`",
                                i + 1
                            ),
                        ),
                        &[Seg::Key("figures"), Seg::Index(i)],
                    )
                    .hint(format!("例如 `  - {}`", FIGURE.flow_example()));
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

pub(crate) fn parse_page(
    file: &ContentFile,
    ctx: &Ctx,
    published: &mut Published,
    diags: &mut Diagnostics,
) -> Option<Page> {
    let (doc, body_start) = entry::open(file, diags)?;
    let before = diags.error_count();
    let mut f = Fields::top(&doc, &PAGE, diags)?;
    let title = f.text("title");
    let written = f.string("slug");
    let summary = f.text("summary");
    let order = f.int("order").unwrap_or(100);
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
