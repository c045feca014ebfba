//! Loading: walk content/, read each file as text, split front matter and parse YAML with locations.

pub mod frontmatter;
pub mod text;
pub mod yaml;

use crate::diag::{Diagnostic, Diagnostics};
use crate::source::SourceFile;
use std::path::{Path, PathBuf};

/// What a content file is, from where it stands under content/.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Craftsman,
    Cohort,
    Story,
    Brand,
    Page,
}

/// One content file, read and decoded.
#[derive(Debug, Clone)]
pub struct ContentFile {
    pub kind: Kind,
    pub source: SourceFile,
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
}

/// Everything read from content/.
#[derive(Debug, Default)]
pub struct Loaded {
    pub site: Option<SourceFile>,
    pub files: Vec<ContentFile>,
    pub static_files: Vec<StaticFile>,
    /// Files inside profile or story folders (photos, images), by path relative to content/.
    pub assets: Vec<StaticFile>,
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

/// Walks `root/content`. Operational failures (an unreadable folder) are errors; content problems are diagnostics.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Result<Loaded, String> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(format!(
            "找不到内容文件夹 {}（用 --root 指定站点文件夹，它应包含 content/ 和 themes/）",
            content.display()
        ));
    }
    let mut loaded = Loaded::default();
    let walker = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = entry.map_err(|e| format!("读取 {} 失败：{e}", content.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let rel = rel_of(&content, path);
        let shown = format!("content/{rel}");
        let parts: Vec<&str> = rel.split('/').collect();
        let read = |d: &mut Diagnostics| -> Result<Option<SourceFile>, String> {
            let bytes =
                std::fs::read(path).map_err(|e| format!("读取 {} 失败：{e}", path.display()))?;
            match text::decode(&shown, &bytes) {
                Ok(f) => Ok(Some(f)),
                Err(diag) => {
                    d.push(*diag);
                    Ok(None)
                }
            }
        };
        let dir = path.parent().unwrap_or(&content).to_path_buf();
        match parts.as_slice() {
            ["site.yaml" | "site.yml"] => loaded.site = read(diags)?,
            ["static", ..] => loaded.static_files.push(StaticFile {
                abs: path.to_path_buf(),
                rel,
            }),
            [section, file] => {
                let Some(kind) = kind_of(section) else {
                    diags.push(unexpected(&shown));
                    continue;
                };
                let (stem, ext) = split_ext(file);
                if kind != Kind::Cohort && is_image(ext) {
                    loaded.assets.push(StaticFile {
                        abs: path.to_path_buf(),
                        rel,
                    });
                    continue;
                }
                let wanted = if kind == Kind::Cohort {
                    matches!(ext, "yaml" | "yml")
                } else {
                    ext == "md"
                };
                if !wanted {
                    diags.push(wrong_ext(&shown, kind));
                    continue;
                }
                if let Some(source) = read(diags)? {
                    loaded.files.push(ContentFile {
                        kind,
                        source,
                        file_slug: stem.to_string(),
                        dir,
                    });
                }
            }
            [section, folder, rest @ ..] if kind_of(section).is_some_and(|k| k != Kind::Cohort) => {
                let kind = kind_of(section).unwrap_or(Kind::Page);
                if rest == ["index.md"] {
                    if let Some(source) = read(diags)? {
                        loaded.files.push(ContentFile {
                            kind,
                            source,
                            file_slug: folder.to_string(),
                            dir,
                        });
                    }
                } else {
                    loaded.assets.push(StaticFile {
                        abs: path.to_path_buf(),
                        rel,
                    });
                }
            }
            _ => diags.push(unexpected(&shown)),
        }
    }
    if loaded.site.is_none() && !diags.iter().any(|d| d.file.starts_with("content/site.y")) {
        diags.push(
            Diagnostic::error("site.missing", "缺少站点设置文件 content/site.yaml")
                .in_file("content/site.yaml")
                .hint(
                    "新建 content/site.yaml，至少写上 `title: 站点名称` 和 `base_url: https://…/`",
                ),
        );
    }
    Ok(loaded)
}

fn kind_of(section: &str) -> Option<Kind> {
    Some(match section {
        "craftsmen" => Kind::Craftsman,
        "cohorts" => Kind::Cohort,
        "stories" => Kind::Story,
        "brands" => Kind::Brand,
        "pages" => Kind::Page,
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
        .hint("人物放 content/craftsmen/，批次放 content/cohorts/，故事放 content/stories/，品牌放 content/brands/，页面放 content/pages/，原样复制的文件放 content/static/")
}

fn wrong_ext(shown: &str, kind: Kind) -> Diagnostic {
    let want = if kind == Kind::Cohort { ".yaml" } else { ".md" };
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
