//! Photos and pictures published as files, a step before any page: every photo resized into its widths, every static file published under its own name with pictures cleaned of their metadata.
//!
//! The preview rebuilds after every save: it keeps a [`Memory`] of what was done, by each file's
//! size and time, so that only the files saved since are read again. A build keeps none.

pub(crate) mod icc;
pub(crate) mod resize;
pub(crate) mod statics;
pub(crate) mod strip;
pub(crate) mod svg;

use crate::diag::Diagnostics;
use crate::model::site::Site;
use crate::output::OutputFile;
use std::path::Path;

/// The photos and cleaned files of one build, before any page.
pub struct Published {
    pub photos: resize::Photos,
    /// Static files and files beside content, pictures cleaned ([`statics`]).
    pub copies: Vec<statics::Copied>,
}

/// What the preview keeps between rebuilds: each photo's sizes and each cleaned static picture,
/// with the size and time of the file they were made from.
#[derive(Default)]
pub struct Memory {
    photos: resize::Memo,
    statics: statics::Memo,
}

/// Resizes the photos (cached under `root`) and cleans the files published under their own
/// names: the theme's static files (`theme_static`), then the content's.
pub(crate) fn publish(
    root: &Path,
    site: &Site,
    theme_static: &[OutputFile],
    memory: Option<&Memory>,
    diags: &mut Diagnostics,
) -> Published {
    let mut clock = crate::timing::Clock::start();
    let photos = resize::process(root, site, memory.map(|m| &m.photos), diags);
    clock.mark("render: photos");
    let copies = statics::publish(root, theme_static, site, memory.map(|m| &m.statics), diags);
    clock.mark("render: static files");
    Published { photos, copies }
}
