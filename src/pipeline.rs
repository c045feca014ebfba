//! The build, step by step: load → model → photos → views and pages → search → render → write. `build`, `check` and the tests run the same steps; only where the files go differs (a [`Sink`]); the preview runs them up to the page list ([`prepare_preview`]) and renders each page when asked.
//!
//! [`render_into`] is the sequence, top to bottom. Two rules of order live there: the content
//! files' texts are freed only after the photo checks, the last to report from them; and every
//! output path is known before the first page renders, so that each page's links are checked
//! against the whole site as it is rendered.

use crate::diag::Diagnostics;
use crate::model::site::{LoadOptions, Site};
use crate::output::{Content, OutputFile, Staging};
use crate::photos;
use crate::render::{self, broken, feeds, theme, theme::Theme, RenderOptions};
use crate::timing::Clock;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A fully rendered site, not yet written anywhere.
pub struct Built {
    pub site: Arc<Site>,
    pub files: Vec<OutputFile>,
}

/// A site written to its output folder.
pub struct Written {
    pub site: Arc<Site>,
    /// How many files the output folder holds.
    pub files: usize,
}

/// Where the built files go.
pub trait Sink: Sync {
    /// Told every output path (sorted) before the first file is handed over.
    fn prepare(&mut self, paths: &[&str]) -> Result<(), String>;
    /// Takes one file; called from several threads.
    fn put(&self, path: &str, content: Content) -> Result<(), String>;
}

/// Runs every step, keeping every file in memory, sorted by path. `Ok(None)` means content or
/// template errors (in `diags`); `Err` an operational failure (unreadable folder).
pub fn run(
    root: &Path,
    opts: &LoadOptions,
    diags: &mut Diagnostics,
) -> Result<Option<Built>, String> {
    let Some((site, theme)) = load(root, opts, diags)? else {
        return Ok(None);
    };
    let options = options(root, site.config.minify, false);
    let mut memory = Memory::default();
    let Some((site, _)) = render_into(site, &theme, &options, diags, &mut memory)? else {
        return Ok(None);
    };
    let mut files = memory
        .0
        .into_inner()
        .map_err(|_| "内部错误：输出列表不可用".to_string())?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Some(Built { site, files }))
}

/// Every step of `build` but the writing: every page is rendered (not minified, which cannot
/// fail) and dropped at once, so memory stays small. `Ok(None)`: content or template errors.
pub fn check(
    root: &Path,
    opts: &LoadOptions,
    diags: &mut Diagnostics,
) -> Result<Option<Arc<Site>>, String> {
    let Some((site, theme)) = load(root, opts, diags)? else {
        return Ok(None);
    };
    // The unions' own sites are checked too, cut before the city site frees its texts.
    let others = union_sites(root, &site, opts, diags)?;
    let rendered = render_discarding(root, site, &theme, diags)?;
    let mut ok = rendered.is_some() && !diags.has_errors();
    for (_, own, theme) in others {
        let mut found = Diagnostics::new();
        ok &= render_discarding(root, own, &theme, &mut found)?.is_some();
        add_new(diags, found);
    }
    Ok(rendered.filter(|_| ok).map(|(site, _)| site))
}

/// Builds the city site into `out` and every union's own site into `<out>-<union>` from one load:
/// each written into a scratch folder, all swapped in only when every one succeeded. `Ok(None)`:
/// content or template errors in any of them (nothing is written), or denied warnings.
pub fn build_all(
    root: &Path,
    opts: &LoadOptions,
    out: &Path,
    deny_warnings: bool,
    diags: &mut Diagnostics,
) -> Result<Option<Vec<(PathBuf, Written)>>, String> {
    let Some((site, theme)) = load(root, opts, diags)? else {
        return Ok(None);
    };
    let others = union_sites(root, &site, opts, diags)?;
    if diags.has_errors() {
        return Ok(None);
    }
    let mut targets = vec![(out.to_path_buf(), site, theme)];
    for (slug, own, theme) in others {
        let folder = sibling(out, &slug);
        crate::output::check_target(root, &folder)?;
        targets.push((folder, own, theme));
    }
    if deny_warnings && diags.warning_count() > 0 {
        for (_, site, theme) in targets {
            let mut found = Diagnostics::new();
            render_discarding(root, site, &theme, &mut found)?;
            add_new(diags, found);
        }
        return Ok(None);
    }
    // The sites are rendered side by side (a union's site is small: alone it keeps the cores
    // only partly busy), each into its own staging folder; their reports are taken in order.
    let rendered: Vec<Result<Rendered, String>> = targets
        .into_par_iter()
        .map(|(folder, site, theme)| {
            // Each site's texts are kept until the last is rendered: photos report from them.
            let options = options(root, site.config.minify, false);
            let mut sink = Folder {
                out: &folder,
                staging: None,
            };
            let mut found = Diagnostics::new();
            let made = render_into(site, &theme, &options, &mut found, &mut sink)?;
            let staged = match (made, sink.staging) {
                (Some((site, files)), Some(staging)) => Some((staging, Written { site, files })),
                _ => None,
            };
            Ok((folder, staged, found))
        })
        .collect();
    let mut staged = Vec::new();
    let mut failed = false;
    for (i, one) in rendered.into_iter().enumerate() {
        let (folder, made, found) = one?;
        if i == 0 {
            diags.extend(found);
        } else {
            add_new(diags, found);
        }
        match made {
            Some((staging, w)) => staged.push((folder, staging, w)),
            None => failed = true,
        }
    }
    if failed {
        return Ok(None);
    }
    let mut written = Vec::new();
    for (folder, staging, w) in staged {
        staging.commit()?;
        written.push((folder, w));
    }
    Ok(Some(written))
}

/// One site of `--all-sites` rendered: its folder, its staged output (none when it failed) and
/// its reports.
type Rendered = (PathBuf, Option<(Staging, Written)>, Diagnostics);

/// Where `--all-sites` writes a union's own site: beside the city site's folder, named after it
/// and the union (`public` → `public-xuhui`).
pub fn sibling(out: &Path, union: &str) -> PathBuf {
    let name = out
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!("{name}-{union}"))
}

/// Every union's own site, cut from the city site with its theme; none when a site is made for
/// one union already (`--site`). A theme that fails to load is reported in `diags`.
fn union_sites(
    root: &Path,
    site: &Site,
    opts: &LoadOptions,
    diags: &mut Diagnostics,
) -> Result<Vec<(String, Site, Theme)>, String> {
    if opts.site.is_some() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for slug in crate::model::union_site::with_sites(site) {
        let own = crate::model::union_site::cut(site, &slug)?;
        let Some(theme) = theme::load(root, &own.config.theme, diags)? else {
            continue;
        };
        out.push((slug, own, theme));
    }
    Ok(out)
}

/// Adds the diagnostics of `found` that `diags` does not hold already (a union's site reports
/// again what the city site's pages reported).
fn add_new(diags: &mut Diagnostics, found: Diagnostics) {
    let seen: HashSet<(&str, String, usize, usize, String)> = diags
        .iter()
        .map(|d| (d.code, d.file.clone(), d.line, d.column, d.message.clone()))
        .collect();
    let new: Vec<_> = found
        .into_sorted()
        .into_iter()
        .filter(|d| !seen.contains(&(d.code, d.file.clone(), d.line, d.column, d.message.clone())))
        .collect();
    diags.extend(new);
}

/// Builds the site into `out`: each file is written as soon as it is rendered, into a scratch
/// folder swapped in only when everything succeeded (a failed build leaves `out` as it was).
/// With `deny_warnings`, a warning stops the build before anything is written (every page is
/// still rendered, so that template errors are reported too). `Ok(None)`: content or template
/// errors, or denied warnings; `Err`: an operational failure (unreadable folder, unwritable output).
pub fn build(
    root: &Path,
    opts: &LoadOptions,
    out: &Path,
    deny_warnings: bool,
    diags: &mut Diagnostics,
) -> Result<Option<Written>, String> {
    let Some((site, theme)) = load(root, opts, diags)? else {
        return Ok(None);
    };
    if deny_warnings && diags.warning_count() > 0 {
        render_discarding(root, site, &theme, diags)?;
        return Ok(None);
    }
    let options = options(root, site.config.minify, true);
    let mut folder = Folder { out, staging: None };
    let Some((site, files)) = render_into(site, &theme, &options, diags, &mut folder)? else {
        return Ok(None);
    };
    let Some(staging) = folder.staging else {
        return Ok(None);
    };
    staging.commit()?;
    Ok(Some(Written { site, files }))
}

/// The preview's steps, the build's up to the page list: photos, views and pages. Nothing is
/// rendered: the preview renders a page when it is first asked for, and makes the search index
/// when it is first searched. `None`: two files would share a path (in `diags`).
pub fn prepare_preview(
    site: &Arc<Site>,
    theme: &Theme,
    opts: &RenderOptions,
    memory: &photos::Memory,
    diags: &mut Diagnostics,
) -> Option<render::Prepared> {
    let published = photos::publish(opts.root, site, &theme.static_files, Some(memory), diags);
    render::prepare_with(site, opts, published, diags)
}

/// Load and model: the content read and checked into a [`Site`], and its theme; `None` when
/// either has errors.
fn load(
    root: &Path,
    opts: &LoadOptions,
    diags: &mut Diagnostics,
) -> Result<Option<(Site, Theme)>, String> {
    let site = crate::model::assemble::load(root, opts, diags)?;
    let theme_name = site
        .as_ref()
        .map(|s| s.config.theme.clone())
        .unwrap_or_else(|| "default".into());
    let theme = theme::load(root, &theme_name, diags)?;
    let (Some(site), Some(theme)) = (site, theme) else {
        return Ok(None);
    };
    if diags.has_errors() {
        return Ok(None);
    }
    Ok(Some((site, theme)))
}

/// Renders every file of a loaded site and hands each to `sink` as soon as it is ready, from
/// several threads, so that no more than a few pages are held in memory. `Ok(None)`: a template
/// failed, a page links to a file the site does not have, or two files would share a path (the
/// diagnostics say which; some files may have been handed over already). `Ok(Some(n))`: `n`
/// files were handed over.
fn render_into(
    site: Site,
    theme: &Theme,
    opts: &RenderOptions,
    diags: &mut Diagnostics,
    sink: &mut impl Sink,
) -> Result<Option<(Arc<Site>, usize)>, String> {
    let mut clock = Clock::start();
    // Photos: resized into their widths, static pictures cleaned of their metadata.
    let published = photos::publish(opts.root, &site, &theme.static_files, None, diags);
    // The photo checks were the last to report from the content files' texts.
    let mut site = site;
    if opts.forget_sources {
        site.forget_sources();
    }
    let site = Arc::new(site);
    // Views and the page list; no two files may share a path.
    let Some(prepared) = render::prepare_with(&site, opts, published, diags) else {
        return Ok(None);
    };
    prepared.views.make_shared();
    clock.mark("render: page list, cards and cohorts");
    // Search: the index of every page.
    let index = crate::search::Index::new(&site);
    let search_paths = index.paths();
    clock.mark("render: search index");
    // Every output path, known before any page renders: the folders are made, and each page's
    // links are checked against them all.
    let paths = prepared.paths(&search_paths);
    sink.prepare(&paths)?;
    let check = render::LinkCheck::new(&site, paths);
    clock.mark("render: output folders");
    // The index files go out first, each as soon as it is made, so that none is held while the
    // pages render.
    let search_count = index.len();
    index.write(|path, bytes| sink.put(path, Content::Bytes(bytes)))?;
    clock.mark("render: search files");
    // Pages.
    let put = |path: &str, content: Content| sink.put(path, content);
    let (errors, found) = render::render_pages(&prepared, theme, &check, &put)?;
    clock.mark("render: pages");
    let mut failed = !errors.is_empty();
    diags.extend(errors);
    if !found.is_empty() {
        let cx = broken::Context {
            site: &site,
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
    if failed || diags.has_errors() {
        return Ok(None);
    }
    // Feeds, resized photos and copied files.
    for path in feeds::FILES {
        if let Some(bytes) = prepared.feed(path) {
            sink.put(path, Content::Bytes(bytes))?;
        }
    }
    let render::Prepared {
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
        .try_for_each(|f| sink.put(&f.path, f.content))?;
    clock.mark("render: other files");
    Ok(Some((site, count)))
}

/// Every step but the writing, each page dropped as soon as it is rendered (not minified, which
/// cannot fail): what `check` runs, and `build --deny-warnings` when a warning stops it.
fn render_discarding(
    root: &Path,
    site: Site,
    theme: &Theme,
    diags: &mut Diagnostics,
) -> Result<Option<(Arc<Site>, usize)>, String> {
    render_into(
        site,
        theme,
        &options(root, false, true),
        diags,
        &mut Discard,
    )
}

/// Render options: where the site is, whether to minify, whether the content texts may be freed
/// once nothing reports from them.
fn options(root: &Path, minify: bool, forget_sources: bool) -> RenderOptions<'_> {
    RenderOptions {
        root,
        minify,
        forget_sources,
        views: None,
    }
}

/// Files kept in memory.
#[derive(Default)]
struct Memory(Mutex<Vec<OutputFile>>);

impl Sink for Memory {
    fn prepare(&mut self, _: &[&str]) -> Result<(), String> {
        Ok(())
    }

    fn put(&self, path: &str, content: Content) -> Result<(), String> {
        self.0
            .lock()
            .map_err(|_| "内部错误：输出列表不可用".to_string())?
            .push(OutputFile {
                path: path.to_string(),
                content,
            });
        Ok(())
    }
}

/// Files rendered and dropped (`check`).
struct Discard;

impl Sink for Discard {
    fn prepare(&mut self, _: &[&str]) -> Result<(), String> {
        Ok(())
    }

    fn put(&self, _: &str, _: Content) -> Result<(), String> {
        Ok(())
    }
}

/// Files written into a scratch folder beside `out`, swapped in by [`Staging::commit`].
struct Folder<'a> {
    out: &'a Path,
    staging: Option<Staging>,
}

impl Sink for Folder<'_> {
    fn prepare(&mut self, paths: &[&str]) -> Result<(), String> {
        let s = Staging::new(self.out)?;
        s.make_dirs(paths.iter().copied())?;
        self.staging = Some(s);
        Ok(())
    }

    fn put(&self, path: &str, content: Content) -> Result<(), String> {
        match &self.staging {
            Some(s) => s.write(path, &content),
            None => Err("内部错误：输出文件夹尚未准备好".to_string()),
        }
    }
}
