//! The served site held in memory: the last good build, the current problems, and how a request path finds a file.

use crate::diag::Diagnostic;
use crate::render::{Content, OutputFile};
use std::collections::HashMap;
use std::sync::Arc;

/// What the preview server answers from.
#[derive(Debug, Default)]
pub struct Served {
    /// The last successful build, by output path (`craftsmen/x/index.html`).
    pub files: HashMap<String, Arc<Content>>,
    /// Problems of the latest build attempt (errors mean the files above are older).
    pub diagnostics: Vec<Diagnostic>,
    /// Increases with every successful build.
    pub version: u64,
    /// Whether the latest attempt succeeded.
    pub ok: bool,
    /// Whether any build ever succeeded.
    pub ever_built: bool,
}

/// What changed between two successful builds, for the browser: only stylesheets, or pages too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Nothing,
    CssOnly,
    Pages,
}

impl Served {
    /// Replaces the files with a new build and says what changed.
    pub fn replace(&mut self, files: Vec<OutputFile>, warnings: Vec<Diagnostic>) -> Change {
        let new: HashMap<String, Arc<Content>> = files
            .into_iter()
            .map(|f| (f.path, Arc::new(f.content)))
            .collect();
        let mut changed: Vec<&String> = new
            .iter()
            .filter(|(k, v)| self.files.get(*k).is_none_or(|old| old != *v))
            .map(|(k, _)| k)
            .collect();
        changed.extend(self.files.keys().filter(|k| !new.contains_key(*k)));
        let change = if changed.is_empty() && self.ever_built {
            Change::Nothing
        } else if self.ever_built && changed.iter().all(|p| p.ends_with(".css")) {
            Change::CssOnly
        } else {
            Change::Pages
        };
        self.files = new;
        self.diagnostics = warnings;
        self.ok = true;
        self.ever_built = true;
        if change != Change::Nothing {
            self.version += 1;
        }
        change
    }

    /// Keeps the last good files and records why the new build failed.
    pub fn fail(&mut self, diagnostics: Vec<Diagnostic>) {
        self.diagnostics = diagnostics;
        self.ok = false;
    }
}

/// How a request path resolves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// An output file.
    File(String),
    /// The folder exists as a page: redirect to the path with a slash.
    AddSlash(String),
    NotFound,
    /// Traversal attempts, encoded slashes, control characters.
    Refused,
}

/// Resolves a raw request path (still percent-encoded) against the output paths. Never touches the file system.
pub fn lookup(raw_path: &str, exists: impl Fn(&str) -> bool) -> Lookup {
    let raw = raw_path.split(['?', '#']).next().unwrap_or(raw_path);
    let lower = raw.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || raw.contains('\\')
    {
        return Lookup::Refused;
    }
    let Ok(decoded) = percent_encoding::percent_decode_str(raw).decode_utf8() else {
        return Lookup::Refused;
    };
    if decoded.chars().any(char::is_control) {
        return Lookup::Refused;
    }
    let trimmed = decoded.trim_start_matches('/');
    if trimmed.split('/').any(|seg| seg == ".." || seg == ".") {
        return Lookup::Refused;
    }
    if trimmed.is_empty() || trimmed.ends_with('/') {
        let index = format!("{trimmed}index.html");
        return if exists(&index) {
            Lookup::File(index)
        } else {
            Lookup::NotFound
        };
    }
    if exists(trimmed) {
        return Lookup::File(trimmed.to_string());
    }
    if exists(&format!("{trimmed}/index.html")) {
        return Lookup::AddSlash(format!("/{trimmed}/"));
    }
    Lookup::NotFound
}

/// Adds the live-reload script to an HTML page (served pages only; never written to disk).
pub fn inject(html: &[u8], version: u64) -> Vec<u8> {
    let tag =
        format!("<script src=\"/__gongjiang/live.js\" data-version=\"{version}\" defer></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(p: &str) -> bool {
        [
            "index.html",
            "craftsmen/index.html",
            "craftsmen/zhang-wei/index.html",
            "style.css",
            "张伟.png",
        ]
        .contains(&p)
    }

    #[test]
    fn pages_and_files_resolve() {
        assert_eq!(lookup("/", site), Lookup::File("index.html".into()));
        assert_eq!(
            lookup("/craftsmen/zhang-wei/", site),
            Lookup::File("craftsmen/zhang-wei/index.html".into())
        );
        assert_eq!(
            lookup("/craftsmen/zhang-wei", site),
            Lookup::AddSlash("/craftsmen/zhang-wei/".into())
        );
        assert_eq!(
            lookup("/style.css?v=3", site),
            Lookup::File("style.css".into())
        );
        assert_eq!(
            lookup("/%E5%BC%A0%E4%BC%9F.png", site),
            Lookup::File("张伟.png".into())
        );
        assert_eq!(lookup("/nope/", site), Lookup::NotFound);
    }

    #[test]
    fn traversal_is_refused() {
        for p in [
            "/../Cargo.toml",
            "/craftsmen/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2fetc%2fpasswd",
            "/a%5c..%5cb",
            "/%00",
            "/a\\b",
            "/./index.html",
            "/%ff",
        ] {
            assert_eq!(lookup(p, |_| true), Lookup::Refused, "{p}");
        }
    }

    #[test]
    fn css_only_changes_are_told_apart() {
        let f = |p: &str, b: &str| OutputFile {
            path: p.into(),
            content: Content::Bytes(b.as_bytes().to_vec()),
        };
        let mut s = Served::default();
        assert_eq!(
            s.replace(vec![f("index.html", "a"), f("style.css", "x")], vec![]),
            Change::Pages
        );
        assert_eq!(
            s.replace(vec![f("index.html", "a"), f("style.css", "y")], vec![]),
            Change::CssOnly
        );
        assert_eq!(
            s.replace(vec![f("index.html", "b"), f("style.css", "y")], vec![]),
            Change::Pages
        );
        assert_eq!(
            s.replace(vec![f("index.html", "b"), f("style.css", "y")], vec![]),
            Change::Nothing
        );
        assert_eq!(s.version, 3);
    }

    #[test]
    fn the_script_goes_before_the_closing_body() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>", 7)).unwrap();
        assert!(
            out.ends_with("data-version=\"7\" defer></script></body></html>"),
            "{out}"
        );
    }
}
