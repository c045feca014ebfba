//! Where the built files go: written into a scratch folder beside the output and swapped in only when all succeeded.

use crate::render::{Content, OutputFile};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Refuses output folders whose replacement would destroy the site's sources.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<(), String> {
    let root_abs = absolute(root);
    let out_abs = absolute(out);
    if root_abs.starts_with(&out_abs) {
        return Err(format!("输出文件夹 {} 包含了站点文件夹本身，构建会覆盖源文件：请换一个输出文件夹（默认是 public/）", out.display()));
    }
    for inner in ["content", "themes"] {
        if out_abs.starts_with(root_abs.join(inner)) {
            return Err(format!(
                "输出文件夹 {} 在 {inner}/ 里面：请换一个输出文件夹（默认是 public/）",
                out.display()
            ));
        }
    }
    if out_abs.is_dir() {
        for marker in ["content", ".git", "Cargo.toml", "site.yaml"] {
            if out_abs.join(marker).exists() {
                return Err(format!(
                    "输出文件夹 {} 里有 {marker}，看起来不是构建输出；为免覆盖，请换一个输出文件夹",
                    out.display()
                ));
            }
        }
    }
    Ok(())
}

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
    pub fn new(out: &Path) -> Result<Staging, String> {
        let out = absolute(out);
        let parent = out
            .parent()
            .ok_or_else(|| format!("输出文件夹 {} 无效", out.display()))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "public".into());
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("无法创建 {}：{e}", parent.display()))?;
        let pid = std::process::id();
        let tmp = parent.join(format!(".{name}.gongjiang-new-{pid}"));
        let old = parent.join(format!(".{name}.gongjiang-old-{pid}"));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).map_err(|e| format!("无法创建 {}：{e}", tmp.display()))?;
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

    /// Swaps the new site in for the old one, then removes the old one.
    pub fn commit(mut self) -> Result<(), String> {
        let had_old = self.out.exists();
        if had_old {
            let _ = std::fs::remove_dir_all(&self.old);
            std::fs::rename(&self.out, &self.old)
                .map_err(|e| format!("无法替换输出文件夹 {}：{e}", self.out.display()))?;
        }
        if let Err(e) = std::fs::rename(&self.tmp, &self.out) {
            if had_old {
                let _ = std::fs::rename(&self.old, &self.out);
            }
            return Err(format!("无法替换输出文件夹 {}：{e}", self.out.display()));
        }
        self.committed = true;
        if had_old {
            remove_tree(&self.old);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Removes a folder tree, folders in parallel (best effort: the old site is garbage by now).
fn remove_tree(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        let _ = std::fs::remove_dir_all(dir);
        return;
    };
    let entries: Vec<(PathBuf, bool)> = entries
        .filter_map(|e| e.ok())
        .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
        .collect();
    entries.par_iter().for_each(|(p, is_dir)| {
        if *is_dir {
            remove_tree(p);
        } else {
            let _ = std::fs::remove_file(p);
        }
    });
    let _ = std::fs::remove_dir(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_the_site() {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(t.path().join("content")).unwrap();
        assert!(check_output_dir(t.path(), t.path()).is_err());
        assert!(check_output_dir(t.path(), &t.path().join("content/out")).is_err());
        assert!(check_output_dir(&t.path().join("site"), t.path()).is_err());
        assert!(check_output_dir(t.path(), &t.path().join("public")).is_ok());
    }

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
}
