//! The images and static files that exist, so that references can be checked (letter case included) and given URLs.

use crate::load::StaticFile;
use std::collections::{BTreeMap, HashMap};

/// Every file under content/ that pages may reference, by path relative to content/.
#[derive(Debug, Default, Clone)]
pub(crate) struct AssetIndex {
    exact: BTreeMap<String, std::path::PathBuf>,
    lower: HashMap<String, String>,
}

/// What a reference resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// The URL path of the file on the site (`/craftsmen/zhang-wei/photo.jpg`).
    Yes(String),
    /// A file with the same name in other letter case exists (its actual name).
    CaseMismatch(String),
    No,
}

impl AssetIndex {
    pub(crate) fn new<'a>(files: impl IntoIterator<Item = &'a StaticFile>) -> Self {
        let mut idx = AssetIndex::default();
        for f in files {
            idx.lower.insert(f.rel.to_lowercase(), f.rel.clone());
            idx.exact.insert(f.rel.clone(), f.abs.clone());
        }
        idx
    }

    /// Resolves `reference` as written in a file whose folder is `dir_rel` (relative to content/).
    /// `/x/y.png` means content/static/x/y.png; `y.png` means beside the file.
    pub(crate) fn resolve(&self, dir_rel: &str, reference: &str) -> Found {
        let reference = reference.split(['?', '#']).next().unwrap_or(reference);
        let rel = match reference.strip_prefix('/') {
            Some(r) => format!("static/{r}"),
            None => normalise(&format!("{dir_rel}/{reference}")),
        };
        if self.exact.contains_key(&rel) {
            return Found::Yes(url_of(&rel));
        }
        match self.lower.get(&rel.to_lowercase()) {
            Some(actual) => {
                Found::CaseMismatch(actual.rsplit('/').next().unwrap_or(actual).to_string())
            }
            None => Found::No,
        }
    }
}

/// What a file is to the site, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// JPEG, PNG or WebP: resized wherever a page shows it; published under its own name only
    /// from `static/`, stripped of its metadata.
    Photo,
    /// GIF: published stripped of its metadata, never resized (it may be an animation).
    Gif,
    /// SVG: published once checked and cleaned.
    Svg,
    /// A picture format whose metadata the site cannot remove (HEIC, AVIF, TIFF…): refused.
    Unsupported,
    /// Anything else (PDF, CSS, fonts, icons…): published as it is.
    Other,
}

impl FileKind {
    /// The kind of the file at `path` (letter case of the extension ignored).
    pub(crate) fn of(path: &str) -> FileKind {
        let name = path.rsplit('/').next().unwrap_or(path);
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "jpg" | "jpeg" | "png" | "webp" => FileKind::Photo,
            "gif" => FileKind::Gif,
            "svg" => FileKind::Svg,
            "avif" | "heic" | "heif" | "tif" | "tiff" | "bmp" | "jxl" | "jp2" | "dng" => {
                FileKind::Unsupported
            }
            _ => FileKind::Other,
        }
    }
}

/// Whether a file under content/ (`rel`) is published under its own URL: everything in
/// `static/`; beside profiles and stories everything but photos, which pages show only
/// through their resized copies.
pub(crate) fn published(rel: &str) -> bool {
    rel.starts_with("static/") || FileKind::of(rel) != FileKind::Photo
}

/// Site URL path of a file under content/ (`static/` is the site root).
pub(crate) fn url_of(rel: &str) -> String {
    match rel.strip_prefix("static/") {
        Some(r) => format!("/{r}"),
        None => format!("/{rel}"),
    }
}

/// Resolves `.` and `..` segments; never climbs above the start.
fn normalise(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            p => out.push(p),
        }
    }
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idx() -> AssetIndex {
        let f = |rel: &str| StaticFile {
            abs: rel.into(),
            rel: rel.to_string(),
            stamp: None,
        };
        AssetIndex::new(&[f("craftsmen/zhang-wei/Photo.JPG"), f("static/img/logo.png")])
    }

    #[test]
    fn resolves_beside_the_file_and_in_static() {
        let i = idx();
        assert_eq!(
            i.resolve("craftsmen/zhang-wei", "Photo.JPG"),
            Found::Yes("/craftsmen/zhang-wei/Photo.JPG".into())
        );
        assert_eq!(
            i.resolve("stories", "/img/logo.png"),
            Found::Yes("/img/logo.png".into())
        );
        assert_eq!(
            i.resolve("craftsmen/zhang-wei", "photo.jpg"),
            Found::CaseMismatch("Photo.JPG".into())
        );
        assert_eq!(i.resolve("craftsmen/li", "photo.jpg"), Found::No);
        assert_eq!(
            i.resolve("craftsmen/li", "../zhang-wei/Photo.JPG"),
            Found::Yes("/craftsmen/zhang-wei/Photo.JPG".into())
        );
    }

    #[test]
    fn photos_beside_content_are_not_published_under_their_own_name() {
        assert_eq!(FileKind::of("craftsmen/x/Photo.JPG"), FileKind::Photo);
        assert_eq!(FileKind::of("static/a.b/c.HEIC"), FileKind::Unsupported);
        assert_eq!(FileKind::of("static/x"), FileKind::Other);
        assert!(!published("craftsmen/x/photo.jpg"));
        assert!(!published("stories/x/work.webp"));
        assert!(published("static/img/photo.jpg"));
        assert!(published("stories/x/anim.gif"));
        assert!(published("craftsmen/x/cv.pdf"));
    }
}
