//! Loading: walk content/, read each file as text, split front matter and parse YAML with locations.

pub(crate) mod anchors;
pub(crate) mod dates;
pub(crate) mod encoding;
pub(crate) mod fields;
pub mod frontmatter;
pub(crate) mod generators;
pub mod invisible;
pub(crate) mod keys;
pub(crate) mod links;
pub(crate) mod misnamed;
pub(crate) mod misread;
pub(crate) mod numbers;
pub(crate) mod plain;
pub(crate) mod positions;
pub mod text;
pub(crate) mod yaml;

use crate::diag::{Diagnostic, Diagnostics};
use crate::source::SourceFile;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a content file is, from where it stands under content/.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Craftsman,
    Cohort,
    Story,
    Brand,
    Page,
    /// A union or association: content/unions/<slug>.yaml.
    Union,
    /// A union's cohort: content/unions/<slug>/cohorts/<year>.yaml.
    UnionCohort,
}

impl Kind {
    /// The fields a file of this kind is read with.
    pub fn schema(self) -> &'static crate::schema::Schema {
        use crate::schema::{BRAND, COHORT, PAGE, PROFILE, STORY, UNION};
        match self {
            Kind::Craftsman => &PROFILE,
            Kind::Cohort | Kind::UnionCohort => &COHORT,
            Kind::Story => &STORY,
            Kind::Brand => &BRAND,
            Kind::Page => &PAGE,
            Kind::Union => &UNION,
        }
    }

    /// Whether files of this kind are YAML files (else Markdown with front matter).
    pub fn is_yaml(self) -> bool {
        matches!(self, Kind::Cohort | Kind::Union | Kind::UnionCohort)
    }
}

/// The union a union's cohort file belongs to: `xuhui` for
/// `content/unions/xuhui/cohorts/2019.yaml` (its path as shown, or relative to content/).
pub fn union_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("content/").unwrap_or(path);
    match rest.split('/').collect::<Vec<_>>().as_slice() {
        ["unions", union, "cohorts", _] => Some(union),
        _ => None,
    }
}

/// One content file, read and decoded.
#[derive(Debug, Clone)]
pub struct ContentFile {
    pub kind: Kind,
    pub source: Arc<SourceFile>,
    /// The slug its file or folder name gives (`zhang-wei` for `zhang-wei.md` or `zhang-wei/index.md`).
    pub file_slug: String,
    /// The folder that holds its photo and images (the bundle folder, or the file's folder).
    pub dir: PathBuf,
}

/// A file copied as it is: from content/static/, or an image beside a profile or story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    pub abs: PathBuf,
    /// Path inside content/ with `/` separators (`static/favicon.svg`, `craftsmen/zhang-wei/photo.jpg`).
    pub rel: String,
    /// Size and modification time when the file was found (`None` if they could not be read).
    pub stamp: Option<FileStamp>,
}

/// What tells a file's state without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileStamp {
    pub len: u64,
    pub modified: std::time::SystemTime,
}

impl FileStamp {
    /// The file's stamp now.
    pub fn of(path: &Path) -> Option<FileStamp> {
        let m = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            len: m.len(),
            modified: m.modified().ok()?,
        })
    }
}

/// Everything read from content/.
#[derive(Debug, Default)]
pub struct Loaded {
    pub site: Option<Arc<SourceFile>>,
    pub files: Vec<ContentFile>,
    pub static_files: Vec<StaticFile>,
    /// Files inside profile or story folders (photos, images), by path relative to content/.
    pub assets: Vec<StaticFile>,
    /// Content files that exist but could not be read (empty, not text, a refused link), by
    /// kind and file slug: what names them elsewhere is not reported again.
    pub unreadable: Vec<(Kind, String)>,
}

/// Editors' temporary and system files, skipped without a word.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with(".#")
        || name.starts_with("._")
        || name.starts_with("~$")
        || name.starts_with(".~lock")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.ends_with(".tmp")
        || name.ends_with(".kate-swp")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || matches!(
            name,
            ".DS_Store" | "Thumbs.db" | "desktop.ini" | "4913" | ".directory"
        )
}

fn rel_of(base: &Path, p: &Path) -> String {
    p.strip_prefix(base)
        .unwrap_or(p)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// What one file under content/ is to the site.
#[derive(Debug, Clone)]
pub enum Item {
    /// `site.yaml` (`None`: it could not be decoded; the diagnostics say why).
    Site(Option<Arc<SourceFile>>),
    Content(ContentFile),
    Static(StaticFile),
    Asset(StaticFile),
    /// A content file that could not be read (the diagnostics say why), by kind and file slug.
    Unreadable(Kind, String),
    /// Not part of the site (an unexpected file; the diagnostics say why).
    Skip,
}

/// One file as loaded: what it is and what was wrong with it.
pub type Loaded1 = (Item, Diagnostics);

/// Walks `root/content`. Operational failures (an unreadable folder) are errors; content problems are diagnostics.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Result<Loaded, String> {
    let content = content_dir(root)?;
    let paths = walk(&content)?;
    let items: Vec<Loaded1> = paths
        .par_iter()
        .map(|p| item(&content, p))
        .collect::<Result<_, String>>()?;
    Ok(assemble(items.iter(), diags))
}

/// `root/content`, or an error saying how to point at the site.
pub fn content_dir(root: &Path) -> Result<PathBuf, String> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(format!(
            "找不到内容文件夹 {}（用 --root 指定站点文件夹，它应包含 content/ 和 themes/）",
            content.display()
        ));
    }
    Ok(content)
}

/// Every file and link under `content` (editors' temporary files left out), in the walk's sorted
/// order. Links are listed, not followed: [`item`] decides what becomes of them.
pub fn walk(content: &Path) -> Result<Vec<PathBuf>, String> {
    let walker = walkdir::WalkDir::new(content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    let mut paths = Vec::new();
    for entry in walker {
        let entry = entry.map_err(|e| format!("读取 {} 失败：{e}", content.display()))?;
        if entry.file_type().is_file() || entry.path_is_symlink() {
            paths.push(entry.into_path());
        }
    }
    Ok(paths)
}

/// Whether `path` (under `content`) is skipped like an editor's temporary file, itself or by a folder.
pub fn is_ignored_path(content: &Path, path: &Path) -> bool {
    path.strip_prefix(content).map_or(true, |rel| {
        rel.components()
            .any(|c| is_ignored(&c.as_os_str().to_string_lossy()))
    })
}

/// Reads and classifies one file under `content`. `Err` only when a file that exists cannot be
/// read. A link is read like the file it leads to when that is inside the site (see [`links`]).
pub fn item(content: &Path, path: &Path) -> Result<Loaded1, String> {
    let mut d = Diagnostics::new();
    let rel = rel_of(content, path);
    let shown = format!("content/{rel}");
    let parts: Vec<&str> = rel.split('/').collect();
    // What stays behind when the file cannot be read: a content file is known to exist.
    let unread = || match identity(&parts) {
        Some((kind, slug)) => Item::Unreadable(kind, slug.to_string()),
        None => Item::Skip,
    };
    if let Some(link) = links::inspect(content, path) {
        if let Some(refused) = links::diagnostic(&link, &shown) {
            d.push(refused);
            return Ok((unread(), d));
        }
    }
    let read = |d: &mut Diagnostics| -> Result<Option<Arc<SourceFile>>, String> {
        let bytes =
            std::fs::read(path).map_err(|e| format!("读取 {} 失败：{e}", path.display()))?;
        match text::decode(&shown, &bytes, d) {
            Ok(f) => Ok(Some(Arc::new(f))),
            Err(diag) => {
                d.push(*diag);
                Ok(None)
            }
        }
    };
    let dir = path.parent().unwrap_or(content).to_path_buf();
    let file = |abs: &Path, rel: String| StaticFile {
        abs: abs.to_path_buf(),
        rel,
        stamp: FileStamp::of(abs),
    };
    let item = match parts.as_slice() {
        ["site.yaml" | "site.yml"] => Item::Site(read(&mut d)?),
        ["static", ..] => Item::Static(file(path, rel.clone())),
        ["unions", _, "cohorts", name] => {
            let (stem, ext) = split_ext(name);
            if !matches!(ext, "yaml" | "yml") {
                d.push(wrong_ext(&shown, Kind::UnionCohort));
                Item::Skip
            } else {
                match read(&mut d)? {
                    Some(source) => Item::Content(ContentFile {
                        kind: Kind::UnionCohort,
                        source,
                        file_slug: stem.to_string(),
                        dir,
                    }),
                    None => unread(),
                }
            }
        }
        [section, name] => match kind_of(section) {
            None => {
                d.push(unexpected(&shown));
                Item::Skip
            }
            Some(kind) => {
                let (stem, ext) = split_ext(name);
                let wanted = if kind.is_yaml() {
                    matches!(ext, "yaml" | "yml")
                } else {
                    ext == "md"
                };
                let misnamed = wanted.then(|| misnamed::check(&shown, stem, ext)).flatten();
                if !kind.is_yaml() && is_image(ext) {
                    Item::Asset(file(path, rel.clone()))
                } else if let Some(m) = misnamed {
                    match m {
                        misnamed::Misnamed::SectionIndex(warning) => {
                            d.push(warning);
                            Item::Skip
                        }
                        misnamed::Misnamed::DoubleExtension { slug, diagnostic } => {
                            d.push(diagnostic);
                            Item::Unreadable(kind, slug)
                        }
                    }
                } else if !wanted {
                    d.push(wrong_ext(&shown, kind));
                    Item::Skip
                } else {
                    match read(&mut d)? {
                        Some(source) => Item::Content(ContentFile {
                            kind,
                            source,
                            file_slug: stem.to_string(),
                            dir,
                        }),
                        None => unread(),
                    }
                }
            }
        },
        [section, folder, rest @ ..] if kind_of(section).is_some_and(|k| !k.is_yaml()) => {
            let kind = kind_of(section).unwrap_or(Kind::Page);
            if rest == ["index.md"] {
                match read(&mut d)? {
                    Some(source) => Item::Content(ContentFile {
                        kind,
                        source,
                        file_slug: folder.to_string(),
                        dir,
                    }),
                    None => unread(),
                }
            } else {
                Item::Asset(file(path, rel.clone()))
            }
        }
        _ => {
            d.push(unexpected(&shown));
            Item::Skip
        }
    };
    Ok((item, d))
}

/// Puts loaded files (in walk order) together as the site's content.
pub fn assemble<'a>(items: impl Iterator<Item = &'a Loaded1>, diags: &mut Diagnostics) -> Loaded {
    let mut loaded = Loaded::default();
    let mut site_seen = false;
    for (item, d) in items {
        diags.extend(d.iter().cloned());
        match item {
            Item::Site(s) => {
                site_seen = true;
                loaded.site = s.clone();
            }
            Item::Content(f) => loaded.files.push(f.clone()),
            Item::Static(f) => loaded.static_files.push(f.clone()),
            Item::Asset(f) => loaded.assets.push(f.clone()),
            Item::Unreadable(kind, slug) => loaded.unreadable.push((*kind, slug.clone())),
            Item::Skip => {}
        }
    }
    if !site_seen {
        diags.push(
            Diagnostic::error("site.missing", "缺少站点设置文件 content/site.yaml")
                .in_file("content/site.yaml")
                .hint(
                    "新建 content/site.yaml，至少写上 `title: 站点名称` 和 `base_url: https://…/`",
                ),
        );
    }
    loaded
}

/// The kind and file slug of a content file, from its path's parts under content/: a `.md`
/// file of a section (a `.yaml` file of cohorts/), or the `index.md` of a folder.
fn identity<'p>(parts: &[&'p str]) -> Option<(Kind, &'p str)> {
    match parts {
        ["unions", _, "cohorts", name] => {
            let (stem, ext) = split_ext(name);
            matches!(ext, "yaml" | "yml").then_some((Kind::UnionCohort, stem))
        }
        [section, name] => {
            let kind = kind_of(section)?;
            let (stem, ext) = split_ext(name);
            let wanted = if kind.is_yaml() {
                matches!(ext, "yaml" | "yml")
            } else {
                ext == "md"
            };
            wanted.then_some((kind, stem))
        }
        [section, folder, "index.md"] => kind_of(section)
            .filter(|&k| !k.is_yaml())
            .map(|k| (k, *folder)),
        _ => None,
    }
}

/// The slug a content file's name gives (`zhang-wei` for `…/zhang-wei.md` and
/// `…/zhang-wei/index.md`), from its path relative to the site root.
pub fn file_slug_of(path: &str) -> &str {
    match path.strip_suffix("/index.md") {
        Some(folder) => folder.rsplit('/').next().unwrap_or(folder),
        None => split_ext(path.rsplit('/').next().unwrap_or(path)).0,
    }
}

fn kind_of(section: &str) -> Option<Kind> {
    Some(match section {
        "craftsmen" => Kind::Craftsman,
        "cohorts" => Kind::Cohort,
        "stories" => Kind::Story,
        "brands" => Kind::Brand,
        "pages" => Kind::Page,
        "unions" => Kind::Union,
        _ => return None,
    })
}

/// Picture files that may stand beside content files.
pub fn is_image(ext: &str) -> bool {
    matches!(
        ext.to_ascii_lowercase().as_str(),
        "jpg" | "jpeg" | "png" | "webp" | "gif" | "svg" | "avif"
    )
}

fn split_ext(file: &str) -> (&str, &str) {
    match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext),
        _ => (file, ""),
    }
}

fn unexpected(shown: &str) -> Diagnostic {
    Diagnostic::warning("file.unexpected", "这个文件不在任何内容栏目里，不会出现在网站上")
        .in_file(shown)
        .hint("人物放 content/craftsmen/，批次放 content/cohorts/，故事放 content/stories/，品牌放 content/brands/，页面放 content/pages/，工会放 content/unions/（工会的批次放 content/unions/<工会>/cohorts/），原样复制的文件放 content/static/")
}

fn wrong_ext(shown: &str, kind: Kind) -> Diagnostic {
    let want = if kind.is_yaml() { ".yaml" } else { ".md" };
    Diagnostic::warning(
        "file.wrong-extension",
        format!("这个栏目只读取 {want} 文件，这个文件被跳过了"),
    )
    .in_file(shown)
    .hint(format!(
        "如果它是内容文件，把扩展名改成 {want}；图片请放在人物或故事自己的文件夹里"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temp_files_are_ignored() {
        for n in [
            ".zhang-wei.md.swp",
            "zhang-wei.md~",
            ".DS_Store",
            "._zhang-wei.md",
            "~$profile.docx",
            ".~lock.x#",
            "Thumbs.db",
            "4913",
            "#a.md#",
        ] {
            assert!(is_ignored(n), "{n}");
        }
        for n in ["zhang-wei.md", "2018.yaml", "photo.jpg"] {
            assert!(!is_ignored(n), "{n}");
        }
    }
}
