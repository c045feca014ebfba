//! The steps `build` and `check` share: load and check the content, load the theme, render every file.

use crate::diag::Diagnostics;
use crate::model::site::{self, LoadOptions, Site};
use crate::render::{self, theme, OutputFile};
use std::path::Path;

/// A fully rendered site, not yet written anywhere.
pub struct Built {
    pub site: Site,
    pub files: Vec<OutputFile>,
}

/// Runs load → model → render. `Ok(None)` means content or template errors (in `diags`);
/// `Err` an operational failure (unreadable folder).
pub fn run(
    root: &Path,
    opts: &LoadOptions,
    diags: &mut Diagnostics,
) -> Result<Option<Built>, String> {
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
    let files = render::render(&site, &theme, root, diags);
    Ok(files
        .filter(|_| !diags.has_errors())
        .map(|files| Built { site, files }))
}
