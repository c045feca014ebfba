//! The scratch folders a build keeps beside its output: their names, the swap, and the removal
//! of those that killed builds left behind.
//!
//! A build of `public/` writes `.public.gongjiang-new-<pid>` and swaps it in: on Linux with one
//! atomic exchange (the previous site then sits under the `-new-` name until it is removed),
//! elsewhere by renaming `public/` to `.public.gongjiang-old-<pid>` first. A build killed at any
//! moment leaves such a folder behind; the next build of the same output removes the ones whose
//! pid is not a running process, never a `.git` in them (it goes back where it belongs). Two builds running at once each see the other's pid alive and
//! keep its folders (a pid reused by an unrelated process only keeps a folder longer). A build
//! started in another pid namespace (another container sharing the folder) cannot see the first
//! one's pid: it may remove that build's scratch folder, which makes that build fail with exit 2
//! and leaves the output as it was; give such builds different output folders.

use super::target::GIT;
use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};

/// Which scratch folder: the new site being written, or the previous one on its way out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Old,
    New,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Old => "old",
            Kind::New => "new",
        }
    }
}

/// The scratch folder of `kind` for the output named `name`, made by process `pid`.
pub(super) fn name(output: &str, kind: Kind, pid: u32) -> String {
    format!(".{output}.gongjiang-{}-{pid}", kind.word())
}

/// Reads a scratch folder's name back: only this output's, only a pid in plain digits.
fn parse(file_name: &str, output: &str) -> Option<(Kind, u32)> {
    let rest = file_name
        .strip_prefix('.')?
        .strip_prefix(output)?
        .strip_prefix(".gongjiang-")?;
    let (word, pid) = rest.split_once('-')?;
    let kind = [Kind::Old, Kind::New]
        .into_iter()
        .find(|k| k.word() == word)?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((kind, pid.parse().ok()?))
}

/// Removes the scratch folders of `out` that builds no longer running left beside it. A `.git`
/// caught in one (a build killed between moving it and the swap) goes back into `out`. Returns
/// the folders kept because their `.git` had nowhere to go yet (`out` is missing, or has a `.git`
/// of its own): see [`adopt_git`]. Best effort: what cannot be removed now is tried again by the
/// next build.
pub(super) fn remove_stale(out: &Path) -> Vec<PathBuf> {
    let (Some(parent), Some(output)) = (out.parent(), out.file_name()) else {
        return Vec::new();
    };
    let output = output.to_string_lossy();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let own = std::process::id();
    let stale: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let (_, pid) = parse(&e.file_name().to_string_lossy(), &output)?;
            // This build has made none yet: one with its pid is a dead predecessor's.
            let abandoned = pid == own || !running(pid, &e.path());
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            (abandoned && is_dir).then(|| e.path())
        })
        .collect();
    let mut kept = Vec::new();
    for dir in stale {
        if put_back_git(&dir, out) {
            remove_tree(&dir);
        } else {
            kept.push(dir);
        }
    }
    kept
}

/// Moves the `.git` of folders [`remove_stale`] kept into the new site `tmp` (when `out` is
/// missing, the build that was killed had already moved it out), and removes them.
pub(super) fn adopt_git(kept: &[PathBuf], tmp: &Path) {
    for dir in kept {
        if put_back_git(dir, tmp) {
            remove_tree(dir);
        }
    }
}

/// Moves a `.git` found in `dir` into the folder `out` when `out` has none. True when `dir`
/// holds no `.git` any more, so that it may be removed.
pub(super) fn put_back_git(dir: &Path, out: &Path) -> bool {
    let git = dir.join(GIT);
    if std::fs::symlink_metadata(&git).is_err() {
        return true;
    }
    let out_is_dir = std::fs::symlink_metadata(out).is_ok_and(|m| m.is_dir());
    out_is_dir
        && std::fs::symlink_metadata(out.join(GIT)).is_err()
        && std::fs::rename(&git, out.join(GIT)).is_ok()
}

/// Puts the folder `new` in the place of `out`. Returns where the previous `out` now is (to be
/// removed), if there was one. `old` is the name used where there is no atomic exchange.
pub(super) fn swap(new: &Path, out: &Path, old: &Path) -> io::Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(out).is_err() {
        std::fs::rename(new, out)?;
        return Ok(None);
    }
    #[cfg(target_os = "linux")]
    match exchange(new, out) {
        Ok(()) => return Ok(Some(new.to_path_buf())),
        Err(e) if !exchange_unsupported(&e) => return Err(e),
        Err(_) => {}
    }
    // Killed between these two renames, `out` is missing until the next build, the previous
    // site is at `old` and the new one (with the `.git`) beside it: the next build removes both
    // and takes the `.git` into its own new site (see `remove_stale`).
    std::fs::rename(out, old)?;
    if let Err(e) = std::fs::rename(new, out) {
        let _ = std::fs::rename(old, out);
        return Err(e);
    }
    Ok(Some(old.to_path_buf()))
}

/// Exchanges two paths in one step (renameat2 with RENAME_EXCHANGE): there is no moment without
/// an output folder.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let a = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let b = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are NUL-terminated paths that outlive the call; the kernel only reads them.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::c_long::from(libc::AT_FDCWD),
            a.as_ptr(),
            libc::c_long::from(libc::AT_FDCWD),
            b.as_ptr(),
            libc::c_long::from(libc::RENAME_EXCHANGE),
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// The kernel or the file system cannot exchange (old kernels, some network file systems, a
/// sandbox filtering the call): fall back to two renames.
#[cfg(target_os = "linux")]
fn exchange_unsupported(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP | libc::EPERM)
    )
}

/// Whether the build that made a scratch folder may still be running: its pid is a live process
/// (signal 0 checks without sending anything; EPERM means it exists under another user).
#[cfg(unix)]
fn running(pid: u32, _dir: &Path) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return true;
    };
    if pid <= 0 {
        return true;
    }
    // SAFETY: signal 0 sends nothing; kill() only looks the process up.
    if unsafe { libc::kill(pid, 0) } == 0 {
        return true;
    }
    io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

/// Without a cheap way to ask about a pid, a scratch folder untouched for a day is taken for
/// abandoned (no build takes that long).
#[cfg(not(unix))]
fn running(_pid: u32, dir: &Path) -> bool {
    let age = std::fs::metadata(dir)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok());
    !age.is_some_and(|a| a > std::time::Duration::from_secs(24 * 60 * 60))
}

/// Removes a folder tree, folders in parallel (best effort: what is left is tried again later).
pub(super) fn remove_tree(dir: &Path) {
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
    fn names_read_back_only_for_their_own_output() {
        let n = name("public", Kind::New, 42);
        assert_eq!(n, ".public.gongjiang-new-42");
        assert_eq!(parse(&n, "public"), Some((Kind::New, 42)));
        assert_eq!(
            parse(".public.gongjiang-old-7", "public"),
            Some((Kind::Old, 7))
        );
        for other in [
            ".public.gongjiang-new-",
            ".public.gongjiang-new-4x",
            ".public.gongjiang-new-+4",
            ".public.gongjiang-tmp-4",
            ".public2.gongjiang-new-4",
            "public.gongjiang-new-4",
            ".www.gongjiang-new-4",
        ] {
            assert_eq!(parse(other, "public"), None, "{other}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_running_process_is_running_and_an_ended_one_is_not() {
        let t = tempfile::tempdir().unwrap();
        assert!(running(std::process::id(), t.path()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!running(pid, t.path()));
    }

    #[test]
    fn a_git_goes_back_only_where_there_is_none() {
        let t = tempfile::tempdir().unwrap();
        let (scratch, out) = (t.path().join("s"), t.path().join("out"));
        std::fs::create_dir_all(scratch.join(".git")).unwrap();
        std::fs::create_dir_all(out.join(".git")).unwrap();
        assert!(!put_back_git(&scratch, &out), "out has its own .git");
        std::fs::remove_dir(out.join(".git")).unwrap();
        assert!(put_back_git(&scratch, &out));
        assert!(out.join(".git").is_dir() && !scratch.join(".git").exists());
    }

    #[test]
    fn swap_replaces_and_hands_back_the_previous_folder() {
        let t = tempfile::tempdir().unwrap();
        let (new, out, old) = (t.path().join("n"), t.path().join("o"), t.path().join("x"));
        std::fs::create_dir(&new).unwrap();
        std::fs::write(new.join("v"), "2").unwrap();
        assert_eq!(swap(&new, &out, &old).unwrap(), None);
        std::fs::create_dir(&new).unwrap();
        std::fs::write(new.join("v"), "3").unwrap();
        let previous = swap(&new, &out, &old).unwrap().unwrap();
        assert_eq!(std::fs::read_to_string(out.join("v")).unwrap(), "3");
        assert_eq!(std::fs::read_to_string(previous.join("v")).unwrap(), "2");
    }

    #[test]
    fn a_git_in_a_stale_folder_goes_to_the_output_or_else_to_the_new_site() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        let stale = |kind, content: &str| {
            let dir = t.path().join(name("public", kind, std::process::id()));
            std::fs::create_dir_all(dir.join(".git")).unwrap();
            std::fs::write(dir.join(".git/HEAD"), content).unwrap();
            dir
        };
        // The output is there without its .git: it goes back.
        std::fs::create_dir(&out).unwrap();
        let dir = stale(Kind::New, "one");
        assert!(remove_stale(&out).is_empty());
        assert_eq!(
            std::fs::read_to_string(out.join(".git/HEAD")).unwrap(),
            "one"
        );
        assert!(!dir.exists());
        // The output is missing: kept until the new site can take it.
        std::fs::remove_dir_all(&out).unwrap();
        let dir = stale(Kind::Old, "two");
        let kept = remove_stale(&out);
        assert_eq!(kept, std::slice::from_ref(&dir));
        assert!(dir.join(".git/HEAD").is_file());
        let tmp = t.path().join("new-site");
        std::fs::create_dir(&tmp).unwrap();
        adopt_git(&kept, &tmp);
        assert_eq!(
            std::fs::read_to_string(tmp.join(".git/HEAD")).unwrap(),
            "two"
        );
        assert!(!dir.exists());
    }
}
