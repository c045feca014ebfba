//! Rendering: site model → views → every output file (pages through tera, feeds, copied files), in parallel.

pub mod feeds;
pub mod pages;
pub mod theme;
pub mod views;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::site::Site;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use theme::Theme;

/// What an output file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Bytes(Vec<u8>),
    /// Copied from this file as it is.
    Copy(PathBuf),
}

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output root, `/` separators.
    pub path: String,
    pub content: Content,
}

/// Renders every file. `None` when a template failed (the diagnostics say where).
pub fn render(site: &Site, theme: &Theme, diags: &mut Diagnostics) -> Option<Vec<OutputFile>> {
    let views = views::Views::new(site);
    let jobs = pages::jobs(&views);
    let site_value = tera::Value::from_serializable(&views.site);
    let minify = site.config.minify;
    let results: Vec<Result<OutputFile, Box<Diagnostic>>> =
        jobs.par_iter()
            .map(|job| {
                let mut ctx = tera::Context::new();
                ctx.insert_value("site", site_value.clone());
                ctx.insert("page", &job.meta);
                ctx.insert(job.key, &job.data);
                match theme.tera.render(job.template, &ctx) {
                    Ok(html) => Ok(OutputFile {
                        path: job.path.clone(),
                        content: Content::Bytes(finish_html(html, minify)),
                    }),
                    Err(e) => Err(Box::new(
                        theme::template_error(&e, false, &theme.files, &theme.sources)
                            .unwrap_or_else(|| {
                                Diagnostic::error("template.error", format!("模板出错：{e}"))
                                    .in_file("themes/")
                            }),
                    )),
                }
            })
            .collect();
    let mut files = Vec::with_capacity(results.len() + 8);
    let mut failed = false;
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => {
                failed = true;
                diags.push(*d);
            }
        }
    }
    if failed {
        return None;
    }
    let page_urls: Vec<String> = jobs
        .iter()
        .filter(|j| j.meta.kind != "404")
        .map(|j| j.meta.url.clone())
        .collect();
    files.push(text_file("sitemap.xml", feeds::sitemap(&views, &page_urls)));
    files.push(text_file("robots.txt", feeds::robots(&views)));
    files.push(text_file("atom.xml", feeds::atom(&views)));
    files.extend(crate::search::build(site).into_iter().map(|f| OutputFile {
        path: f.path,
        content: Content::Bytes(f.bytes),
    }));
    for f in theme.static_files.iter() {
        files.push(OutputFile {
            path: f.rel.clone(),
            content: Content::Copy(f.abs.clone()),
        });
    }
    for f in site.static_files.iter().chain(&site.assets) {
        let url = crate::model::assets::url_of(&f.rel);
        files.push(OutputFile {
            path: url.trim_start_matches('/').to_string(),
            content: Content::Copy(f.abs.clone()),
        });
    }
    dedupe(files, diags)
}

fn text_file(path: &str, text: String) -> OutputFile {
    OutputFile {
        path: path.to_string(),
        content: Content::Bytes(text.into_bytes()),
    }
}

/// Minifies a page when asked (closing tags and html/head kept, CSS and JS minified).
pub fn finish_html(html: String, minify: bool) -> Vec<u8> {
    if !minify {
        return html.into_bytes();
    }
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg.minify_css = true;
    cfg.minify_js = true;
    minify_html::minify(html.as_bytes(), &cfg)
}

/// Later files may not silently replace earlier ones: a content static file may override a theme's
/// static file, but nothing may replace a generated page.
fn dedupe(files: Vec<OutputFile>, diags: &mut Diagnostics) -> Option<Vec<OutputFile>> {
    let mut by_path: BTreeMap<String, (usize, OutputFile)> = BTreeMap::new();
    let generated = files
        .iter()
        .filter(|f| matches!(f.content, Content::Bytes(_)))
        .count();
    let mut ok = true;
    for (i, f) in files.into_iter().enumerate() {
        if let Some((j, _)) = by_path.get(&f.path) {
            if *j < generated {
                diags.push(
                    Diagnostic::error(
                        "output.collision",
                        format!("文件 `{}` 和网站生成的页面同名", f.path),
                    )
                    .in_file(format!("content/static/{}", f.path))
                    .hint("换一个文件名或文件夹，避免覆盖生成的页面"),
                );
                ok = false;
                continue;
            }
        }
        by_path.insert(f.path.clone(), (i, f));
    }
    ok.then(|| by_path.into_values().map(|(_, f)| f).collect())
}
