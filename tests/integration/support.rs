//! Test helpers: copy a fixture site into a temporary folder, change files, run checks and builds.

use gongjiang::diag::{Diagnostic, Diagnostics};
use gongjiang::model::site::LoadOptions;
use gongjiang::pipeline;
use std::path::{Path, PathBuf};
use std::process::Output;

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

impl TestSite {
    /// A copy of tests/fixtures/<name> with the default theme beside it.
    pub fn fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&repo().join("tests/fixtures").join(name), dir.path());
        copy_tree(
            &repo().join("themes/default"),
            &dir.path().join("themes/default"),
        );
        TestSite { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.root().join(rel)).unwrap();
    }

    /// Runs every build step in memory: (built?, sorted diagnostics).
    pub fn check(&self) -> (bool, Vec<Diagnostic>) {
        let mut d = Diagnostics::new();
        let opts = LoadOptions {
            this_year: Some(2026),
            ..LoadOptions::default()
        };
        let built = pipeline::run(self.root(), &opts, &mut d).expect("operational error");
        (built.is_some(), d.into_sorted())
    }

    /// Runs the binary in this site.
    pub fn run(&self, args: &[&str]) -> Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_gongjiang"))
            .args(args)
            .current_dir(self.root())
            .env("NO_COLOR", "1")
            .env("SOURCE_DATE_EPOCH", "1795000000")
            .output()
            .unwrap()
    }
}

/// Every file of the site under `dir` with its bytes, sorted by path. The output marker
/// `.gongjiang-output` is part of the site; a `.git` there is the user's, not the site's, and is
/// left out.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() != 1 || e.file_name() != ".git")
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The first `<tag …>…</tag>` element of `html`, both tags included (elements that do not nest,
/// such as `main` and `head`).
pub fn element<'a>(html: &'a str, tag: &str) -> &'a str {
    let open = format!("<{tag}");
    let start = html
        .match_indices(&open)
        .map(|(i, _)| i)
        .find(|&i| matches!(html.as_bytes().get(i + open.len()), Some(b'>' | b' ')))
        .unwrap_or_else(|| panic!("no <{tag}> in {html}"));
    let close = format!("</{tag}>");
    let end = html[start..]
        .find(&close)
        .unwrap_or_else(|| panic!("no </{tag}> in {html}"));
    &html[start..start + end + close.len()]
}

/// The 1-based line of `text` where `needle` first occurs: tests that change a shared fixture
/// find the line they changed rather than hard-coding it.
pub fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    text[..at].matches('\n').count() + 1
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Everything under `dir` (itself included), symlinks not followed: each entry's path, kind,
/// permission bits and bytes (a file's content, a link's target). Equal snapshots mean that
/// nothing was touched.
#[cfg(unix)]
pub fn snapshot(dir: &Path) -> Vec<(String, String, u32, Vec<u8>)> {
    use std::os::unix::fs::PermissionsExt;
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| {
            let meta = std::fs::symlink_metadata(e.path()).unwrap();
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let mode = meta.permissions().mode() & 0o7777;
            let t = meta.file_type();
            if t.is_symlink() {
                let to = std::fs::read_link(e.path()).unwrap();
                (
                    rel,
                    "link".into(),
                    0,
                    to.to_string_lossy().as_bytes().to_vec(),
                )
            } else if t.is_dir() {
                (rel, "dir".into(), mode, Vec::new())
            } else {
                (rel, "file".into(), mode, std::fs::read(e.path()).unwrap())
            }
        })
        .collect()
}
