//! Rebuilding the previewed site after a save: changed files re-read, unchanged ones reused, the theme kept unless it changed.

use super::generation::Generation;
use super::snapshot::Snapshot;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::site::LoadOptions;
use crate::render::theme::{self, Theme};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the preview keeps between rebuilds.
pub struct Rebuilder {
    root: PathBuf,
    load: LoadOptions,
    snapshot: Option<Snapshot>,
    /// The theme last loaded: its name, the theme (if it loaded) and what loading it reported.
    theme: Option<(String, Option<Arc<Theme>>, Diagnostics)>,
    /// Views of unchanged profiles, kept between rebuilds.
    views: Arc<crate::render::views::ViewMemo>,
    /// Photos resized and pictures cleaned, kept between rebuilds.
    photos: crate::photos::Memory,
}

impl Rebuilder {
    pub fn new(root: &Path, load: LoadOptions) -> Rebuilder {
        Rebuilder {
            root: root.to_path_buf(),
            load,
            snapshot: None,
            theme: None,
            views: Default::default(),
            photos: Default::default(),
        }
    }

    /// Builds the site after `changed` paths (absolute) changed; `None` reads everything again.
    /// `Ok(None)`: content or template errors (in `diags`); `Err`: an unreadable folder.
    pub fn rebuild(
        &mut self,
        changed: Option<&[PathBuf]>,
        diags: &mut Diagnostics,
    ) -> Result<Option<Generation>, String> {
        let mut clock = crate::timing::Clock::start();
        if std::env::var_os("GONGJIANG_TIMINGS").is_some() {
            match changed {
                Some(paths) => eprintln!(
                    "[timing] {} changed path(s), first {:?}",
                    paths.len(),
                    paths.first()
                ),
                None => eprintln!("[timing] reading everything"),
            }
        }
        // Moved away or deleted (a checkout, an editor): say so, and read everything once it is back.
        if !self.root.join("content").is_dir() {
            self.snapshot = None;
            diags.push(content_missing());
            return Ok(None);
        }
        match (&mut self.snapshot, changed) {
            (Some(s), Some(paths)) => s.update(paths)?,
            _ => self.snapshot = Some(Snapshot::scan(&self.root)?),
        }
        let loaded = match &self.snapshot {
            Some(s) => s.loaded(diags),
            None => return Ok(None),
        };
        clock.mark("load: changed files");
        let site = crate::model::assemble::from_loaded(loaded, &self.load, diags);
        let name = site
            .as_ref()
            .map(|s| s.config.theme.clone())
            .unwrap_or_else(|| "default".into());
        let themes = self.root.join("themes");
        let theme_changed =
            changed.is_none_or(|paths| paths.iter().any(|p| p.starts_with(&themes)));
        let reuse = !theme_changed
            && self
                .theme
                .as_ref()
                .is_some_and(|(n, t, _)| *n == name && t.is_some());
        if !reuse {
            let mut d = Diagnostics::new();
            let t = theme::load(&self.root, &name, &mut d)?.map(Arc::new);
            self.theme = Some((name, t, d));
        }
        let Some((_, theme, theme_diags)) = &self.theme else {
            return Ok(None);
        };
        diags.extend(theme_diags.iter().cloned());
        clock.mark("theme");
        let (Some(site), Some(theme)) = (site, theme.clone()) else {
            return Ok(None);
        };
        if diags.has_errors() {
            return Ok(None);
        }
        let generation = Generation::new(
            site,
            theme,
            &self.root,
            Some(&self.views),
            &self.photos,
            diags,
        );
        clock.mark("prepare");
        Ok(generation.filter(|_| !diags.has_errors()))
    }
}

fn content_missing() -> Diagnostic {
    Diagnostic::error("serve.content-missing", "content/ 文件夹不见了")
        .in_file("content/")
        .hint("把 content/ 文件夹放回站点文件夹里（或撤销刚才的 git 操作）；放回后预览会自动重新生成，在这之前网页保持上一次成功的版本")
}
