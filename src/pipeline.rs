//! The steps `build` and `check` share: load and check the content, load the theme, render every file.

use crate::diag::Diagnostics;
use crate::model::site::{self, LoadOptions, Site};
use crate::output::Staging;
use crate::render::{self, theme, theme::Theme, Content, OutputFile};
use std::path::Path;
use std::sync::{Arc, OnceLock};

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

/// Runs load → model → render, keeping every file in memory. `Ok(None)` means content or
/// template errors (in `diags`); `Err` an operational failure (unreadable folder).
pub fn run(
    root: &Path,
    opts: &LoadOptions,
    diags: &mut Diagnostics,
) -> Result<Option<Built>, String> {
    let Some((site, theme)) = prepare(root, opts, diags)? else {
        return Ok(None);
    };
    let mut site = Arc::new(site);
    let files = render::render(&mut site, &theme, root, diags);
    Ok(files
        .filter(|_| !diags.has_errors())
        .map(|files| Built { site, files }))
}

/// Loads and checks the site and its theme; `None` when either has errors.
fn prepare(
    root: &Path,
    opts: &LoadOptions,
    diags: &mut Diagnostics,
) -> Result<Option<(Site, Theme)>, String> {
    let site = site::load(root, opts, diags)?;
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

/// Every step of `build` but the writing: every page is rendered (not minified, which cannot
/// fail) and dropped at once, so memory stays small. `Ok(None)`: content or template errors.
pub fn check(
    root: &Path,
    opts: &LoadOptions,
    diags: &mut Diagnostics,
) -> Result<Option<Arc<Site>>, String> {
    let Some((site, theme)) = prepare(root, opts, diags)? else {
        return Ok(None);
    };
    let mut site = Arc::new(site);
    let rendered = render_unwritten(&mut site, &theme, root, diags)?;
    Ok(rendered.filter(|_| !diags.has_errors()).map(|_| site))
}

/// Renders every file (so that template errors are reported) and keeps none of them.
fn render_unwritten(
    site: &mut Arc<Site>,
    theme: &Theme,
    root: &Path,
    diags: &mut Diagnostics,
) -> Result<Option<usize>, String> {
    render::render_each(site, theme, &quiet(root), diags, |_| Ok(()), &|_, _| Ok(()))
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
    let Some((site, theme)) = prepare(root, opts, diags)? else {
        return Ok(None);
    };
    let mut site = Arc::new(site);
    if deny_warnings && diags.warning_count() > 0 {
        render_unwritten(&mut site, &theme, root, diags)?;
        return Ok(None);
    }
    let staging: OnceLock<Staging> = OnceLock::new();
    let prepare_dirs = |paths: &[&str]| -> Result<(), String> {
        let s = Staging::new(out)?;
        s.make_dirs(paths.iter().copied())?;
        let _ = staging.set(s);
        Ok(())
    };
    let emit = |path: &str, content: Content| -> Result<(), String> {
        // `prepare_dirs` has run before the first file is emitted.
        match staging.get() {
            Some(s) => s.write(path, &content),
            None => Err("内部错误：输出文件夹尚未准备好".to_string()),
        }
    };
    let opts = render::RenderOptions {
        root,
        minify: site.config.minify,
        remember_photos: false,
        forget_sources: true,
        views: None,
    };
    let rendered = render::render_each(&mut site, &theme, &opts, diags, prepare_dirs, &emit)?;
    let (Some(files), Some(staging)) = (rendered, staging.into_inner()) else {
        return Ok(None);
    };
    if diags.has_errors() {
        return Ok(None);
    }
    staging.commit()?;
    Ok(Some(Written { site, files }))
}

/// Render options for checking: nothing minified.
fn quiet(root: &Path) -> render::RenderOptions<'_> {
    render::RenderOptions {
        root,
        minify: false,
        remember_photos: false,
        forget_sources: true,
        views: None,
    }
}
