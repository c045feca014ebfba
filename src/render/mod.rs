//! Rendering: site model → views → every output file (pages through tera, feeds, copied files), in parallel.

pub mod broken;
pub mod charts;
pub mod embed;
pub mod feeds;
pub mod pager;
pub mod pages;
pub mod pictures;
pub mod template_errors;
pub mod theme;
pub mod views;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::site::Site;
use crate::output::{Content, OutputFile};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};
use theme::Theme;

/// How to render: where the site is (resized photos are cached under it) and whether to minify.
pub struct RenderOptions<'a> {
    pub root: &'a Path,
    pub minify: bool,
    /// Free the content files' texts once the photos are checked (nothing is reported from them
    /// later), to keep a large build's memory down.
    pub forget_sources: bool,
    /// Views of unchanged profiles kept from earlier builds (the preview).
    pub views: Option<&'a Arc<views::ViewMemo>>,
}

/// Everything a site's files are rendered from, owned, so that any page can be rendered on its
/// own later (the preview renders pages as they are asked for).
pub struct Prepared {
    pub views: views::Views,
    /// Every HTML page, in a fixed order.
    pub jobs: Vec<pages::PageJob>,
    /// Resized photos. The feeds ([`feeds::FILES`]) are made by [`Prepared::feed`].
    pub generated: Vec<OutputFile>,
    /// Files published under their own names (theme and content static files, files beside
    /// content), pictures cleaned of their metadata ([`statics`]).
    pub copies: Vec<OutputFile>,
    site_value: tera::Value,
    minify: bool,
}

/// Sets up the views (each made when a page first asks for it), lists the pages and the other
/// files, and checks that no two files share a path (the search index owns `search/`), with the
/// photos and static files already done. `None`: a collision (in `diags`).
pub fn prepare_with(
    site: &Arc<Site>,
    opts: &RenderOptions,
    published: crate::photos::Published,
    diags: &mut Diagnostics,
) -> Option<Prepared> {
    let crate::photos::Published { photos, copies } = published;
    let mut clock = crate::timing::Clock::start();
    let views = views::Views::new(Arc::clone(site), photos.views, opts.views.cloned());
    clock.mark("render: site view");
    let jobs = pages::jobs(&views);
    let generated: Vec<OutputFile> = photos.files;
    clock.mark("render: page list");
    let made: Vec<&str> = jobs
        .iter()
        .map(|j| j.path.as_str())
        .chain(generated.iter().map(|f| f.path.as_str()))
        .chain(feeds::FILES)
        .collect();
    let copies = winners(&made, copies, diags)?;
    clock.mark("render: files checked");
    Some(Prepared {
        site_value: tera::Value::from_serializable(&views.site),
        views,
        jobs,
        generated,
        copies,
        minify: opts.minify,
    })
}

impl Prepared {
    /// Every path this site writes, with the search index's `search`, sorted.
    pub fn paths<'p>(&'p self, search: &'p [String]) -> Vec<&'p str> {
        let mut paths: Vec<&str> = self
            .jobs
            .iter()
            .map(|j| j.path.as_str())
            .chain(search.iter().map(String::as_str))
            .chain(feeds::FILES)
            .chain(
                self.generated
                    .iter()
                    .chain(&self.copies)
                    .map(|f| f.path.as_str()),
            )
            .collect();
        paths.sort_unstable();
        paths
    }

    /// One of the feeds ([`feeds::FILES`]).
    pub fn feed(&self, path: &str) -> Option<Vec<u8>> {
        feeds::make(path, &self.views, &self.jobs).map(String::into_bytes)
    }

    /// Renders one page (minified when the site asks for it). `Err`: the template failed.
    pub fn render_page(
        &self,
        theme: &Theme,
        job: &pages::PageJob,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        self.render_page_as(theme, job, self.minify)
    }

    /// Renders one page, minified or not (minifying cannot fail: checking a template need not).
    pub fn render_page_as(
        &self,
        theme: &Theme,
        job: &pages::PageJob,
        minify: bool,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        self.render_html(theme, job)
            .map(|html| finish_html(html, minify))
    }

    /// Renders one page as the template wrote it (not minified). `Err`: the template failed.
    pub fn render_html(
        &self,
        theme: &Theme,
        job: &pages::PageJob,
    ) -> Result<String, Box<Diagnostic>> {
        let (meta, data) = job.input(&self.views);
        let mut ctx = tera::Context::new();
        ctx.insert_value("site", self.site_value.clone());
        ctx.insert("page", &meta);
        data.insert_into(&mut ctx, job.key);
        match theme.tera.render(job.template, &ctx) {
            Ok(html) => Ok(html),
            Err(e) => Err(Box::new(
                template_errors::template_errors(
                    &e,
                    template_errors::Alone::No,
                    &theme.files,
                    &theme.sources,
                )
                .into_iter()
                .next()
                .unwrap_or_else(|| {
                    Diagnostic::error("template.error", format!("模板出错：{e}")).in_file("themes/")
                }),
            )),
        }
    }
}

/// Why a page was not emitted.
enum Failure {
    Template(Box<Diagnostic>),
    Emit(String),
}

/// What the pages' links are checked against: every output path of the site.
pub struct LinkCheck<'a> {
    pub resolver: crate::links::Resolver,
    pub outputs: crate::links::OutputPaths<'a>,
    /// For a union's own site: the city site its links to pages it does not hold lead to, and
    /// what the links written for it lead to.
    pub elsewhere: Option<(
        std::sync::Arc<crate::model::site::Elsewhere>,
        crate::links::Resolver,
    )>,
}

impl<'a> LinkCheck<'a> {
    pub fn new(site: &Site, paths: impl IntoIterator<Item = &'a str>) -> LinkCheck<'a> {
        LinkCheck {
            resolver: site.resolver(),
            outputs: crate::links::OutputPaths::new(paths),
            elsewhere: site.elsewhere.clone().map(|city| {
                let resolver = crate::links::Resolver::new(&city.base_url, &city.base_path);
                (city, resolver)
            }),
        }
    }
}

/// Renders every page, hands it to `emit` and checks its links. Returns the template errors and
/// the broken links; `Err`: `emit` failed.
pub fn render_pages<E>(
    prepared: &Prepared,
    theme: &Theme,
    check: &LinkCheck,
    emit: &E,
) -> Result<(Vec<Diagnostic>, broken::Found), String>
where
    E: Fn(&str, Content) -> Result<(), String> + Sync,
{
    let found = Mutex::new(broken::Found::default());
    let one = |(i, job): (usize, &pages::PageJob)| {
        let html = match prepared.render_html(theme, job) {
            Ok(html) => html,
            Err(d) => return Some(Failure::Template(d)),
        };
        let exists = |target: &str| check.outputs.has(target);
        let html = match &check.elsewhere {
            Some((city, resolver)) => {
                let city = crate::links::City {
                    url: &city.base_url,
                    resolver,
                    has: |path: &str| city.paths.contains(path),
                };
                crate::links::rehome(&html, &job.url, &check.resolver, exists, &city)
                    .unwrap_or(html)
            }
            None => html,
        };
        let bad = crate::links::broken_on_page(&html, &job.url, &check.resolver, exists);
        if !bad.is_empty() {
            if let Ok(mut f) = found.lock() {
                f.add(i, bad);
            }
        }
        let bytes = finish_html(html, prepared.minify);
        emit(&job.path, Content::Bytes(bytes))
            .err()
            .map(Failure::Emit)
    };
    // Pages that list many profiles (the A–Z index, industries, cohorts, brands) are rendered one
    // at a time beside the others, so that no two of their large contexts are held at once.
    let (lists, rest): (Vec<_>, Vec<_>) = prepared
        .jobs
        .iter()
        .enumerate()
        .partition(|(_, j)| j.lists_profiles());
    let (mut failures, more): (Vec<Failure>, Vec<Failure>) = rayon::join(
        || lists.into_iter().filter_map(one).collect(),
        || rest.into_par_iter().filter_map(one).collect(),
    );
    failures.extend(more);
    let mut errors = Vec::new();
    for f in failures {
        match f {
            Failure::Emit(e) => return Err(e),
            Failure::Template(d) => errors.push(*d),
        }
    }
    let found = found
        .into_inner()
        .map_err(|_| "内部错误：链接检查不可用".to_string())?;
    Ok((errors, found))
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
/// static file, but nothing may replace a generated page. Returns the copied files that stay.
fn winners(
    generated: &[&str],
    copies: Vec<crate::photos::statics::Copied>,
    diags: &mut Diagnostics,
) -> Option<Vec<OutputFile>> {
    let mut pages: HashSet<&str> = HashSet::with_capacity(generated.len());
    let mut ok = true;
    for path in generated {
        if !pages.insert(path) {
            diags.push(collision(path, &format!("content/static/{path}")));
            ok = false;
        }
    }
    let mut by_path: BTreeMap<String, OutputFile> = BTreeMap::new();
    for crate::photos::statics::Copied { file: f, from } in copies {
        if f.path
            .starts_with(&format!("{}/", crate::model::paths::SEARCH_DIR))
        {
            diags.push(
                Diagnostic::error(
                    "output.reserved",
                    format!("文件 `{}` 放在了站内搜索专用的 search/ 文件夹里", f.path),
                )
                .in_file(from)
                .hint("search/ 文件夹存放搜索索引；把这个文件移到别的文件夹"),
            );
            ok = false;
            continue;
        }
        if pages.contains(f.path.as_str()) {
            diags.push(collision(&f.path, &from));
            ok = false;
            continue;
        }
        by_path.insert(f.path.clone(), f);
    }
    ok.then(|| by_path.into_values().collect())
}

fn collision(path: &str, file: &str) -> Diagnostic {
    Diagnostic::error(
        "output.collision",
        format!("文件 `{path}` 和网站生成的页面同名"),
    )
    .in_file(file)
    .hint("换一个文件名或文件夹，避免覆盖生成的页面")
}
