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
    let out = absolute(out);
    let parent = out
        .parent()
        .ok_or_else(|| format!("输出文件夹 {} 无效", out.display()))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    std::fs::create_dir_all(parent).map_err(|e| format!("无法创建 {}：{e}", parent.display()))?;
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.gongjiang-new-{pid}"));
    let old = parent.join(format!(".{name}.gongjiang-old-{pid}"));
    let _ = std::fs::remove_dir_all(&tmp);
    let result = write_all(&tmp, files).and_then(|()| swap(&tmp, &out, &old));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

fn write_all(dir: &Path, files: &[OutputFile]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("无法创建 {}：{e}", dir.display()))?;
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| dir.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(|e| format!("无法创建 {}：{e}", d.display()))?;
    }
    files.par_iter().try_for_each(|f| {
        let target = dir.join(&f.path);
        match &f.content {
            Content::Bytes(b) => std::fs::write(&target, b)
                .map_err(|e| format!("写入 {} 失败：{e}", target.display())),
            Content::Copy(from) => std::fs::copy(from, &target)
                .map(|_| ())
                .map_err(|e| format!("复制 {} 到 {} 失败：{e}", from.display(), target.display())),
        }
    })
}

fn swap(new: &Path, out: &Path, old: &Path) -> Result<(), String> {
    let had_old = out.exists();
    if had_old {
        let _ = std::fs::remove_dir_all(old);
        std::fs::rename(out, old)
            .map_err(|e| format!("无法替换输出文件夹 {}：{e}", out.display()))?;
    }
    if let Err(e) = std::fs::rename(new, out) {
        if had_old {
            let _ = std::fs::rename(old, out);
        }
        return Err(format!("无法替换输出文件夹 {}：{e}", out.display()));
    }
    if had_old {
        let _ = std::fs::remove_dir_all(old);
    }
    Ok(())
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
