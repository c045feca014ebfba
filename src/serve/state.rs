//! The served site held in memory: the last good build, the current problems, and how a request path finds a file.

use super::generation::Generation;
use crate::diag::{Diagnostic, Diagnostics};
use std::sync::Arc;

/// What the preview server answers from.
#[derive(Default)]
pub struct Served {
    /// The site as last built successfully (`None` before the first good build).
    pub site: Option<Arc<Generation>>,
    /// The last site whose every page rendered: what a build whose templates fail on some page
    /// falls back to.
    pub verified: Option<Arc<Generation>>,
    /// Problems of the latest build attempt (errors mean the site above is older).
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
    CssOnly,
    Pages,
}

impl Served {
    /// Serves a new build from now on. Returns the build it replaces, for the caller to drop
    /// outside the lock (freeing a large site takes a while).
    #[must_use]
    pub fn replace(
        &mut self,
        site: Arc<Generation>,
        warnings: Vec<Diagnostic>,
    ) -> Option<Arc<Generation>> {
        let old = self.site.replace(site);
        self.diagnostics = warnings;
        self.ok = true;
        self.ever_built = true;
        self.version += 1;
        old
    }

    /// Keeps the last good site and records why the new build failed.
    pub fn fail(&mut self, diagnostics: Vec<Diagnostic>) {
        self.diagnostics = diagnostics;
        self.ok = false;
    }

    /// The current site rendered every page: remember it as the fallback.
    pub fn verified(&mut self, site: &Arc<Generation>) {
        if self.site.as_ref().is_some_and(|s| Arc::ptr_eq(s, site)) {
            self.verified = Some(site.clone());
        }
    }

    /// Some page of `site` failed to render: go back to the last fully rendered site and report
    /// the failures beside the warnings the build of `site` found.
    pub fn failed_pages(&mut self, site: &Arc<Generation>, diagnostics: Vec<Diagnostic>) {
        if !self.site.as_ref().is_some_and(|s| Arc::ptr_eq(s, site)) {
            return;
        }
        self.site = self.verified.clone();
        self.ever_built = self.site.is_some();
        self.version += 1;
        let warnings = std::mem::take(&mut self.diagnostics);
        let all: Diagnostics = warnings.into_iter().chain(diagnostics).collect();
        self.fail(all.into_sorted());
    }
}

/// How a request path resolves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Lookup {
    /// An output file.
    File(String),
    /// The folder exists as a page: redirect to the path with a slash.
    AddSlash(String),
    NotFound,
    /// Traversal attempts, encoded slashes, control characters.
    Refused,
}

/// Resolves a raw request path (still percent-encoded) against the output paths. Never touches the file system.
pub(crate) fn lookup(raw_path: &str, exists: impl Fn(&str) -> bool) -> Lookup {
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
pub(crate) fn inject(html: &[u8], version: u64) -> Vec<u8> {
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
    fn the_script_goes_before_the_closing_body() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>", 7)).unwrap();
        assert!(
            out.ends_with("data-version=\"7\" defer></script></body></html>"),
            "{out}"
        );
    }
}
