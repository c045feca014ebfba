//! Rendering: site model → views → every output file (pages through tera, feeds, copied files), in parallel.

pub mod broken;
pub mod charts;
pub mod embed;
pub mod feeds;
pub mod icc;
pub mod images;
pub mod pager;
pub mod pages;
pub mod pictures;
pub mod statics;
pub mod strip;
pub mod svg;
pub mod template_errors;
pub mod theme;
pub mod views;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::site::Site;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
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

/// How to render: where the site is (resized photos are cached under it) and whether to minify.
pub struct RenderOptions<'a> {
    pub root: &'a Path,
    pub minify: bool,
    /// Remember each photo's sizes, and each cleaned static picture, by its file's size and time
    /// (the preview, which rebuilds often).
    pub remember_photos: bool,
    /// Free the content files' texts once the photos are checked (nothing is reported from them
    /// later), to keep a large build's memory down.
    pub forget_sources: bool,
    /// Views of unchanged profiles kept from earlier builds (the preview).
    pub views: Option<&'a Arc<views::ViewMemo>>,
}

/// Renders every file, in memory, sorted by path. `None` when a template failed (the diagnostics say where).
/// Resized photos are cached under `root` (see [`images`]).
pub fn render(
    site: &mut Arc<Site>,
    theme: &Theme,
    root: &Path,
    diags: &mut Diagnostics,
) -> Option<Vec<OutputFile>> {
    let files = Mutex::new(Vec::new());
    let emit = |path: &str, content: Content| {
        files
            .lock()
            .map_err(|_| "内部错误：输出列表不可用".to_string())?
            .push(OutputFile {
                path: path.to_string(),
                content,
            });
        Ok(())
    };
    let opts = RenderOptions {
        root,
        minify: site.config.minify,
        remember_photos: false,
        forget_sources: false,
        views: None,
    };
    match render_each(site, theme, &opts, diags, |_| Ok(()), &emit) {
        Ok(Some(_)) => {
            let mut files = files.into_inner().ok()?;
            files.sort_by(|a, b| a.path.cmp(&b.path));
            Some(files)
        }
        _ => None,
    }
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

/// Resizes photos, cleans the static files, sets up the views (each made when a page first asks for it), lists the pages
/// and the other files, and checks that no two files share a path (the search index owns
/// `search/`). `None`: a collision (in `diags`).
pub fn prepare(
    site: &Arc<Site>,
    theme: &Theme,
    opts: &RenderOptions,
    diags: &mut Diagnostics,
) -> Option<Prepared> {
    let files = publish(site, theme, opts, diags);
    prepare_with(site, opts, files, diags)
}

/// The files made or cleaned from the site's pictures and static files, before any page.
struct Published {
    photos: images::Photos,
    /// Static files and files beside content, pictures cleaned ([`statics`]).
    copies: Vec<statics::Copied>,
}

/// Resizes the photos and cleans the files published under their own names.
fn publish(site: &Site, theme: &Theme, opts: &RenderOptions, diags: &mut Diagnostics) -> Published {
    let mut clock = crate::timing::Clock::start();
    let photos = images::process(opts.root, site, opts.remember_photos, diags);
    clock.mark("render: photos");
    let copies = statics::publish(
        opts.root,
        &theme.static_files,
        site,
        opts.remember_photos,
        diags,
    );
    clock.mark("render: static files");
    Published { photos, copies }
}

/// [`prepare`] with the photos and static files already done.
fn prepare_with(
    site: &Arc<Site>,
    opts: &RenderOptions,
    published: Published,
    diags: &mut Diagnostics,
) -> Option<Prepared> {
    let Published { photos, copies } = published;
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
        ctx.insert(job.key, &data);
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

/// Renders every file and hands each to `emit` as soon as it is ready, from several threads, so
/// that no more than a few pages are held in memory. `prepare` first gets every output path
/// (sorted), once no collision can stop the build. Every page's links are checked against every
/// output path ([`broken`]). `Ok(None)`: a template failed, a page links to a file the site does
/// not have, or a file would replace a page (the diagnostics say which; some files may have been
/// emitted already);
/// `Err`: `prepare` or `emit` failed. `Ok(Some(n))`: `n` files were emitted.
pub fn render_each<P, E>(
    site: &mut Arc<Site>,
    theme: &Theme,
    opts: &RenderOptions,
    diags: &mut Diagnostics,
    prepare_paths: P,
    emit: &E,
) -> Result<Option<usize>, String>
where
    P: FnOnce(&[&str]) -> Result<(), String>,
    E: Fn(&str, Content) -> Result<(), String> + Sync,
{
    let mut clock = crate::timing::Clock::start();
    let published = publish(site, theme, opts, diags);
    // The photo checks were the last to report from the content files' texts.
    if opts.forget_sources {
        if let Some(site) = Arc::get_mut(site) {
            site.forget_sources();
        }
    }
    let Some(prepared) = prepare_with(site, opts, published, diags) else {
        return Ok(None);
    };
    prepared.views.make_shared();
    clock.mark("render: page list, cards and cohorts");
    let index = crate::search::Index::new(site);
    let search_paths = index.paths();
    clock.mark("render: search index");
    let mut paths: Vec<&str> = prepared
        .jobs
        .iter()
        .map(|j| j.path.as_str())
        .chain(search_paths.iter().map(String::as_str))
        .chain(feeds::FILES)
        .chain(
            prepared
                .generated
                .iter()
                .chain(&prepared.copies)
                .map(|f| f.path.as_str()),
        )
        .collect();
    paths.sort_unstable();
    prepare_paths(&paths)?;
    // Every page's links are checked against every output path.
    let check = LinkCheck {
        resolver: crate::links::Resolver::new(&site.config.base_url, &site.config.base_path),
        outputs: crate::links::OutputPaths::new(paths.iter().copied()),
    };
    drop(paths);
    clock.mark("render: output folders");
    // The index files go out first, each as soon as it is made, so that none is held while the pages render.
    let search_count = index.len();
    index.write(|path, bytes| emit(path, Content::Bytes(bytes)))?;
    clock.mark("render: search files");
    let (errors, found) = render_pages(&prepared, theme, &check, emit)?;
    clock.mark("render: pages");
    let mut failed = !errors.is_empty();
    diags.extend(errors);
    if !found.is_empty() {
        let cx = broken::Context {
            site,
            theme,
            jobs: &prepared.jobs,
            resolver: &check.resolver,
            paths: &check.outputs,
        };
        let reported = broken::report(found, &cx);
        failed |= !reported.is_empty();
        diags.extend(reported);
    }
    drop(check);
    drop(search_paths);
    if failed {
        return Ok(None);
    }
    for path in feeds::FILES {
        if let Some(bytes) = prepared.feed(path) {
            emit(path, Content::Bytes(bytes))?;
        }
    }
    let Prepared {
        jobs,
        generated,
        copies,
        ..
    } = prepared;
    let count = jobs.len() + feeds::FILES.len() + generated.len() + search_count + copies.len();
    drop(jobs);
    generated
        .into_par_iter()
        .chain(copies)
        .try_for_each(|f| emit(&f.path, f.content))?;
    clock.mark("render: other files");
    Ok(Some(count))
}

/// What the pages' links are checked against.
struct LinkCheck<'a> {
    resolver: crate::links::Resolver,
    outputs: crate::links::OutputPaths<'a>,
}

/// Renders every page, hands it to `emit` and checks its links. Returns the template errors and
/// the broken links; `Err`: `emit` failed.
fn render_pages<E>(
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
        .partition(|(_, j)| j.target.lists_profiles());
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
    copies: Vec<statics::Copied>,
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
    for statics::Copied { file: f, from } in copies {
        if f.path.starts_with(&format!("{}/", crate::search::DIR)) {
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
