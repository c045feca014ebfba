//! Symbolic links under content/: where they lead, and whether the site may use what they lead to.
//!
//! The walk never follows a link. A link to a file inside the site's own folders (content/,
//! themes/) is read like that file; a link to a folder is skipped with a
//! warning; a link leading outside those folders, or nowhere, is an error. The preview checks
//! again when it serves a copied file, since a link can change after the build.

use crate::diag::Diagnostic;
use std::path::{Path, PathBuf};

/// The folders a site's files may come from, fully resolved: content/, themes/ and each theme
/// folder in it (a theme folder may itself be a link to a shared theme), and any added with
/// [`SiteFolders::with`].
#[derive(Debug, Clone, Default)]
pub(crate) struct SiteFolders {
    roots: Vec<PathBuf>,
}

impl SiteFolders {
    /// The folders of the site at `root` as they are now (those that exist).
    pub(crate) fn of(root: &Path) -> SiteFolders {
        let mut dirs = vec![root.join("content"), root.join("themes")];
        if let Ok(themes) = std::fs::read_dir(root.join("themes")) {
            dirs.extend(themes.flatten().map(|e| e.path()));
        }
        let mut folders = SiteFolders::default();
        for d in dirs {
            folders = folders.with(&d);
        }
        folders
    }

    /// These folders and `dir` (when it exists).
    pub(crate) fn with(mut self, dir: &Path) -> SiteFolders {
        if let Some(real) = dir.canonicalize().ok().filter(|d| d.is_dir()) {
            if !self.roots.contains(&real) {
                self.roots.push(real);
            }
        }
        self
    }

    /// `path` with every link followed, when that lies inside one of the folders.
    pub(crate) fn resolve(&self, path: &Path) -> Option<PathBuf> {
        let real = path.canonicalize().ok()?;
        self.roots
            .iter()
            .any(|r| real.starts_with(r))
            .then_some(real)
    }
}

/// What a link under content/ leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Link {
    /// A file inside the site's folders: read like that file.
    File,
    /// A folder: its files are not read.
    Folder,
    /// Something outside the site's folders.
    Outside,
    /// Nothing (the target does not exist).
    Broken,
}

/// What `path` (under `content`) leads to, or `None` when it is not a link itself.
pub(crate) fn inspect(content: &Path, path: &Path) -> Option<Link> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_symlink() {
        return None;
    }
    let root = content.parent().unwrap_or(content);
    if std::fs::metadata(path).is_err() {
        return Some(Link::Broken);
    }
    Some(match SiteFolders::of(root).resolve(path) {
        None => Link::Outside,
        Some(real) if real.is_dir() => Link::Folder,
        Some(_) => Link::File,
    })
}

/// Whether a folder between `content` and `path` is a link: the path was reached through a link
/// the walk does not follow (and which was reported where it stands).
pub(crate) fn through_link(content: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(content) else {
        return false;
    };
    let mut at = content.to_path_buf();
    let mut parts = rel.components().peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            return false;
        }
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return true;
        }
    }
    false
}

/// The diagnostic for a link that is not read (`shown`: its path as editors see it), `None` for a link to a file of the site.
pub(crate) fn diagnostic(link: &Link, shown: &str) -> Option<Diagnostic> {
    let d = match link {
        Link::File => return None,
        Link::Outside => Diagnostic::error(
            "file.link-outside",
            "这是一个指向站点以外的链接（快捷方式），网站不会读取或发布它指向的文件",
        )
        .hint("把文件本身复制到这里，不要用链接；链接只能指向 content/ 或 themes/ 里的文件"),
        Link::Broken => Diagnostic::error(
            "file.link-broken",
            "这是一个链接（快捷方式），它指向的文件不存在",
        )
        .hint("把文件本身放在这里，或者删掉这个链接"),
        Link::Folder => Diagnostic::warning(
            "file.link-folder",
            "这是一个指向文件夹的链接（快捷方式），里面的文件不会被读取",
        )
        .hint("把文件夹本身放在这里，不要用链接"),
    };
    Some(d.in_file(shown))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_are_told_apart_by_where_they_lead() {
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let root = site.path();
        let content = root.join("content");
        std::fs::create_dir_all(content.join("static")).unwrap();
        std::fs::create_dir_all(root.join("themes/default/static")).unwrap();
        std::fs::write(content.join("a.txt"), "a").unwrap();
        std::fs::write(root.join("themes/default/static/s.css"), "s").unwrap();
        std::fs::write(root.join("private.txt"), "p").unwrap();
        std::fs::write(outside.path().join("secret"), "x").unwrap();
        let at = |name: &str| content.join("static").join(name);
        symlink("../a.txt", at("inside")).unwrap();
        symlink("../../themes/default/static/s.css", at("theme")).unwrap();
        symlink("../../private.txt", at("root-file")).unwrap();
        symlink(outside.path().join("secret"), at("outside")).unwrap();
        symlink("nowhere", at("broken")).unwrap();
        symlink("..", at("folder")).unwrap();
        symlink("outside", at("chain")).unwrap();
        assert_eq!(inspect(&content, &content.join("a.txt")), None);
        assert_eq!(inspect(&content, &at("inside")), Some(Link::File));
        assert_eq!(inspect(&content, &at("theme")), Some(Link::File));
        assert_eq!(inspect(&content, &at("root-file")), Some(Link::Outside));
        assert_eq!(inspect(&content, &at("outside")), Some(Link::Outside));
        assert_eq!(inspect(&content, &at("chain")), Some(Link::Outside));
        assert_eq!(inspect(&content, &at("broken")), Some(Link::Broken));
        assert_eq!(inspect(&content, &at("folder")), Some(Link::Folder));
        assert!(through_link(&content, &at("folder").join("a.txt")));
        assert!(!through_link(&content, &at("folder")));
        assert!(!through_link(&content, &content.join("static/a.txt")));
    }
}
