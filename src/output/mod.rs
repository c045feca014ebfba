//! Where the built files go: written into a scratch folder beside the output and swapped in only when all succeeded.

mod scratch;
mod target;

use rayon::prelude::*;
use scratch::Kind;
use std::path::{Path, PathBuf};
use target::{check_folder, GIT, MARKER_TEXT};
pub use target::{check_target, MARKER};

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

/// `p` made absolute and cleaned of `.` and `..`, without asking the file system.
fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes every file under `out`, atomically: a failure leaves the previous output exactly as it was.
pub fn write_atomic(out: &Path, files: &[OutputFile]) -> Result<(), String> {
    let staging = Staging::new(out)?;
    staging.make_dirs(files.iter().map(|f| f.path.as_str()))?;
    files
        .par_iter()
        .try_for_each(|f| staging.write(&f.path, &f.content))?;
    staging.commit()
}

/// A scratch folder beside the output, filled file by file (from any thread) and swapped in by
/// [`Staging::commit`]; dropped without a commit, it is removed and the output stays as it was.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    committed: bool,
}

impl Staging {
    /// Checks that `out` may be replaced ([`check_target`]'s rules for what is there), removes
    /// the scratch folders of killed builds beside it, and makes this build's own.
    pub fn new(out: &Path) -> Result<Staging, String> {
        check_folder(out)?;
        let out = absolute(out);
        let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
            return Err(format!("输出文件夹 {} 无效", out.display()));
        };
        let name = name.to_string_lossy().into_owned();
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("无法创建 {}：{e}", parent.display()))?;
        let kept = scratch::remove_stale(&out);
        let pid = std::process::id();
        let tmp = parent.join(scratch::name(&name, Kind::New, pid));
        let old = parent.join(scratch::name(&name, Kind::Old, pid));
        std::fs::create_dir(&tmp).map_err(|e| format!("无法创建 {}：{e}", tmp.display()))?;
        if std::fs::symlink_metadata(&out).is_err() {
            scratch::adopt_git(&kept, &tmp);
        }
        Ok(Staging {
            out,
            tmp,
            old,
            committed: false,
        })
    }

    /// Creates the folders that the files at these paths (relative, `/` separators) go into.
    pub fn make_dirs<'a>(&self, paths: impl Iterator<Item = &'a str>) -> Result<(), String> {
        let mut dirs: Vec<&str> = paths
            .filter_map(|p| p.rsplit_once('/').map(|(d, _)| d))
            .collect();
        dirs.sort_unstable();
        dirs.dedup();
        // Parents first, then each level's folders in parallel.
        let mut by_depth: Vec<Vec<&str>> = Vec::new();
        for d in dirs {
            let mut prefix = 0;
            for (depth, part) in d.split('/').enumerate() {
                prefix += part.len() + usize::from(depth > 0);
                if by_depth.len() <= depth {
                    by_depth.push(Vec::new());
                }
                by_depth[depth].push(&d[..prefix]);
            }
        }
        for mut level in by_depth {
            level.sort_unstable();
            level.dedup();
            level.par_iter().try_for_each(|d| {
                let p = self.tmp.join(d);
                match std::fs::create_dir(&p) {
                    Ok(()) => Ok(()),
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && p.is_dir() => Ok(()),
                    Err(e) => Err(format!("无法创建 {}：{e}", p.display())),
                }
            })?;
        }
        Ok(())
    }

    /// Writes one file; its folder must have been made by [`Staging::make_dirs`].
    pub fn write(&self, path: &str, content: &Content) -> Result<(), String> {
        let target = self.tmp.join(path);
        match content {
            Content::Bytes(b) => std::fs::write(&target, b)
                .map_err(|e| format!("写入 {} 失败：{e}", target.display())),
            Content::Copy(from) => std::fs::copy(from, &target)
                .map(|_| ())
                .map_err(|e| format!("复制 {} 到 {} 失败：{e}", from.display(), target.display())),
        }
    }

    /// Swaps the new site in for the old one, then removes the old one. The output folder is
    /// checked again first (it may have changed while the site was rendered); a `.git` in it is
    /// moved into the new site just before the swap. A build killed between that move and the
    /// swap leaves the previous site without its `.git`, which waits in this build's scratch
    /// folder: the next build puts it back before anything else.
    pub fn commit(mut self) -> Result<(), String> {
        check_folder(&self.out)?;
        let failed = |e: std::io::Error| format!("无法替换输出文件夹 {}：{e}", self.out.display());
        std::fs::write(self.tmp.join(MARKER), MARKER_TEXT).map_err(failed)?;
        let git = self.out.join(GIT);
        if std::fs::symlink_metadata(&git).is_ok() {
            std::fs::rename(&git, self.tmp.join(GIT)).map_err(failed)?;
        }
        let previous = scratch::swap(&self.tmp, &self.out, &self.old).map_err(failed)?;
        self.committed = true;
        // Another build swapping at the same moment may have left the .git in the previous site.
        if let Some(previous) = previous {
            if scratch::put_back_git(&previous, &self.out) {
                scratch::remove_tree(&previous);
            }
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed && scratch::put_back_git(&self.tmp, &self.out) {
            scratch::remove_tree(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_output() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        let ok = [OutputFile {
            path: "a/index.html".into(),
            content: Content::Bytes(b"old".to_vec()),
        }];
        write_atomic(&out, &ok).unwrap();
        let bad = [
            OutputFile {
                path: "a/index.html".into(),
                content: Content::Bytes(b"new".to_vec()),
            },
            OutputFile {
                path: "b.png".into(),
                content: Content::Copy(t.path().join("missing.png")),
            },
        ];
        assert!(write_atomic(&out, &bad).is_err());
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"old");
        let leftovers: Vec<_> = std::fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["public"], "{leftovers:?}");
    }

    fn page(text: &str) -> [OutputFile; 1] {
        [OutputFile {
            path: "index.html".into(),
            content: Content::Bytes(text.as_bytes().to_vec()),
        }]
    }

    #[test]
    fn the_output_is_marked_and_its_git_kept() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        write_atomic(&out, &page("one")).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join(MARKER)).unwrap(),
            MARKER_TEXT
        );
        std::fs::create_dir(out.join(GIT)).unwrap();
        std::fs::write(out.join(".git/HEAD"), "ref").unwrap();
        write_atomic(&out, &page("two")).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "two"
        );
        assert_eq!(
            std::fs::read_to_string(out.join(".git/HEAD")).unwrap(),
            "ref"
        );
        let beside: Vec<_> = std::fs::read_dir(t.path()).unwrap().collect();
        assert_eq!(beside.len(), 1, "no scratch folder left");
    }

    #[test]
    fn a_folder_of_other_files_is_not_replaced_and_nothing_is_made_beside_it() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("home");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("notes.txt"), "keep").unwrap();
        assert!(write_atomic(&out, &page("x")).is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("notes.txt")).unwrap(),
            "keep"
        );
        assert!(!out.join("index.html").exists());
        let beside: Vec<_> = std::fs::read_dir(t.path()).unwrap().collect();
        assert_eq!(beside.len(), 1);
    }
}
