//! The status open pages receive after every build attempt (over the WebSocket and at `/__gongjiang/status`): the version to reload to and the problems, bounded.

use super::state::{Change, Served};
use crate::diag::{self, Diagnostic, Entry, Severity};
use serde::Serialize;
use std::hash::{Hash, Hasher};

/// At most this many entries of each severity are listed: the overlay shows the errors, the
/// warnings panel the warnings; the terminal has the rest.
pub(crate) const LISTED: usize = 50;

/// What a page's script reads. As JSON (field names as below), for example:
///
/// ```json
/// {"type":"status","ok":true,"ever_built":true,"version":3,"css_only":false,
///  "errors":0,"warnings":1,
///  "diagnostics":[{"severity":"warning","code":"industry.alias",
///    "file":"content/craftsmen/zhang-wei.md","line":8,"column":11,
///    "message":"行业 `industry` 写的是……","hint":"请写成国标名称：……"}],
///  "unlisted_errors":0,"unlisted_warnings":0,"warnings_key":"5f0c…"}
/// ```
#[derive(Debug, Serialize)]
pub(crate) struct Status<'a> {
    /// Always `"status"`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Whether the latest build attempt succeeded: no errors (warnings allowed). When it did not,
    /// the pages served are those of the last good build and the overlay shows the errors.
    pub ok: bool,
    /// Whether any build ever succeeded (before that, no page of the site can be shown).
    pub ever_built: bool,
    /// Number of the site served, one more with each successful build: a page older than this
    /// reloads.
    pub version: u64,
    /// Whether the latest successful build changed only stylesheets (the page swaps them instead
    /// of reloading).
    pub css_only: bool,
    /// How many errors the latest build attempt found, listed or not.
    pub errors: usize,
    /// How many warnings the latest build attempt found, listed or not.
    pub warnings: usize,
    /// The problems as the terminal shows them, without the source lines: first at most
    /// [`LISTED`] entries of errors, then at most [`LISTED`] entries of warnings. An entry has the
    /// keys of a diagnostic (`severity` `"error"` or `"warning"`, `code`, `file` relative to the
    /// site, `line` and `column` counted from 1 with 0 for unknown, `message`, `hint` or null);
    /// after [`diag::SHOWN_PER_CODE`] problems of one code in one file, one entry with `count`
    /// stands for the rest of them.
    pub diagnostics: Vec<Entry<'a>>,
    /// Errors that `diagnostics` leaves out.
    pub unlisted_errors: usize,
    /// Warnings that `diagnostics` leaves out.
    pub unlisted_warnings: usize,
    /// Changes exactly when the set of warnings changes (one added, removed, reworded or moved to
    /// another file), not when a warning only moves to another line of its file: a page keeps a
    /// dismissed warnings panel hidden while it stays the same.
    pub warnings_key: String,
}

impl<'a> Status<'a> {
    /// The status of what `served` holds; `change` is what the latest successful build changed.
    pub(crate) fn of(served: &'a Served, change: Change) -> Status<'a> {
        let all = &served.diagnostics;
        let (mut diagnostics, unlisted_errors) = listed(all, Severity::Error);
        let (warning_entries, unlisted_warnings) = listed(all, Severity::Warning);
        diagnostics.extend(warning_entries);
        let errors = all.iter().filter(|d| d.is_error()).count();
        Status {
            kind: "status",
            ok: served.ok,
            ever_built: served.ever_built,
            version: served.version,
            css_only: change == Change::CssOnly,
            errors,
            warnings: all.len() - errors,
            diagnostics,
            unlisted_errors,
            unlisted_warnings,
            warnings_key: warnings_key(all),
        }
    }

    /// As JSON.
    pub(crate) fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The entries of one severity from diagnostics sorted by file (repeats collapsed, at most
/// [`LISTED`]), and how many problems they leave out.
fn listed(sorted: &[Diagnostic], severity: Severity) -> (Vec<Entry<'_>>, usize) {
    let of_severity = sorted.iter().filter(|d| d.severity == severity);
    let mut entries = diag::collapse(of_severity, diag::SHOWN_PER_CODE);
    let unlisted = entries.iter().skip(LISTED).map(Entry::count).sum();
    entries.truncate(LISTED);
    (entries, unlisted)
}

/// A digest of the warnings among `diagnostics`: file, code, message and hint of each, in any
/// order, positions left out. 16 hexadecimal digits.
fn warnings_key(diagnostics: &[Diagnostic]) -> String {
    let mut warnings: Vec<(&str, &str, &str, Option<&str>)> = diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| {
            (
                d.file.as_str(),
                d.code,
                d.message.as_str(),
                d.hint.as_deref(),
            )
        })
        .collect();
    warnings.sort_unstable();
    let mut hasher = std::hash::DefaultHasher::new();
    warnings.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;

    /// The status of a build attempt that found `diagnostics` (`ok` when none is an error).
    fn status_of(diagnostics: Vec<Diagnostic>) -> serde_json::Value {
        let served = Served {
            ok: !diagnostics.iter().any(Diagnostic::is_error),
            diagnostics,
            ..Served::default()
        };
        serde_json::from_str(&Status::of(&served, Change::Pages).to_json()).unwrap()
    }

    fn warning(file: &str, line: usize) -> Diagnostic {
        let mut d = Diagnostic::warning("industry.alias", "行业 `industry` 写的是别名")
            .in_file(file)
            .hint("请写成国标名称");
        (d.line, d.column) = (line, 11);
        d
    }

    #[test]
    fn the_overlay_gets_counts_and_a_bounded_list_not_every_problem() {
        let line: String = (0..4000).map(|i| format!("[链{i}](/nope/{i}/) ")).collect();
        let src = crate::source::SourceFile::new("content/pages/a.md", line.clone());
        let mut diags = Diagnostics::new();
        for (at, _) in line.match_indices('[') {
            diags.push(Diagnostic::error("link.broken", "链接指向的页面不存在").at(
                &src,
                at,
                at + 1,
            ));
        }
        for i in 0..200 {
            diags.push(
                Diagnostic::warning("file.unexpected", "x")
                    .in_file(format!("content/zz/{i:03}.txt")),
            );
            diags.push(
                Diagnostic::error("file.empty", "文件是空的")
                    .in_file(format!("content/zz/{i:03}.md")),
            );
        }
        let served = Served {
            diagnostics: diags.into_sorted(),
            ..Served::default()
        };
        let json = Status::of(&served, Change::Pages).to_json();
        assert!(json.len() < 32_000, "{} bytes", json.len());
        assert!(!json.contains("[链100]"), "no source lines in the status");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["errors"], 4200);
        assert_eq!(v["warnings"], 200);
        let listed = v["diagnostics"].as_array().unwrap();
        let errors: Vec<_> = listed.iter().filter(|d| d["severity"] == "error").collect();
        assert_eq!(errors.len(), LISTED);
        assert!(
            listed[..LISTED].iter().all(|d| d["severity"] == "error"),
            "errors first"
        );
        let link_more = errors
            .iter()
            .find(|d| d["code"] == "link.broken" && d["count"].is_number());
        assert_eq!(link_more.unwrap()["count"], 3980);
        let count = |d: &&serde_json::Value| d["count"].as_u64().unwrap_or(1);
        let listed_errors: u64 = errors.iter().map(count).sum();
        assert_eq!(listed_errors + v["unlisted_errors"].as_u64().unwrap(), 4200);
        let listed_warnings: u64 = listed[LISTED..].iter().map(|d| count(&d)).sum();
        assert_eq!(
            listed_warnings + v["unlisted_warnings"].as_u64().unwrap(),
            200
        );
    }

    #[test]
    fn warnings_are_listed_beside_many_errors_bounded_the_same_way() {
        let mut diags = Diagnostics::new();
        for i in 0..300 {
            diags.push(
                Diagnostic::error("file.empty", "文件是空的")
                    .in_file(format!("content/e/{i:03}.md")),
            );
            diags.push(warning(&format!("content/w/{i:03}.md"), 8));
        }
        let v = status_of(diags.into_sorted());
        assert_eq!(
            (v["errors"].clone(), v["warnings"].clone()),
            (300.into(), 300.into())
        );
        let listed = v["diagnostics"].as_array().unwrap();
        let of = |severity: &str| listed.iter().filter(|d| d["severity"] == severity).count();
        assert_eq!((of("error"), of("warning")), (LISTED, LISTED));
        let first_warning = listed
            .iter()
            .position(|d| d["severity"] == "warning")
            .unwrap();
        assert_eq!(first_warning, LISTED, "errors first");
        assert_eq!(v["unlisted_errors"], 300 - LISTED);
        assert_eq!(v["unlisted_warnings"], 300 - LISTED);
        let w = &listed[first_warning];
        assert_eq!(
            (w["file"].as_str(), w["line"].as_u64()),
            (Some("content/w/000.md"), Some(8))
        );
        assert_eq!(
            (w["column"].as_u64(), w["hint"].as_str()),
            (Some(11), Some("请写成国标名称"))
        );
    }

    #[test]
    fn repeated_warnings_are_collapsed_like_errors() {
        let d: Vec<Diagnostic> = (1..=30).map(|i| warning("content/a.md", i)).collect();
        let v = status_of(d);
        let listed = v["diagnostics"].as_array().unwrap();
        assert_eq!(listed.len(), diag::SHOWN_PER_CODE + 1);
        assert_eq!(listed[diag::SHOWN_PER_CODE]["count"], 10);
        assert_eq!(listed[diag::SHOWN_PER_CODE]["severity"], "warning");
        assert_eq!(v["unlisted_warnings"], 0);
    }

    #[test]
    fn a_build_with_warnings_only_is_ok_and_lists_them() {
        let v = status_of(vec![warning("content/craftsmen/a.md", 8)]);
        assert_eq!(v["ok"], true);
        assert_eq!(
            (v["errors"].clone(), v["warnings"].clone()),
            (0.into(), 1.into())
        );
        assert_eq!(v["diagnostics"][0]["code"], "industry.alias");
        assert_eq!(
            (v["unlisted_errors"].clone(), v["unlisted_warnings"].clone()),
            (0.into(), 0.into())
        );
        let none = status_of(Vec::new());
        assert_eq!(none["diagnostics"], serde_json::json!([]));
        assert_ne!(none["warnings_key"], v["warnings_key"]);
    }

    #[test]
    fn the_warnings_key_changes_with_the_set_of_warnings_not_with_their_lines_or_the_errors() {
        let key = |d: Vec<Diagnostic>| status_of(d)["warnings_key"].as_str().unwrap().to_string();
        let one = key(vec![warning("content/a.md", 8)]);
        assert_eq!(one, key(vec![warning("content/a.md", 8)]));
        assert_eq!(
            one,
            key(vec![warning("content/a.md", 9)]),
            "a line added above it"
        );
        let error = Diagnostic::error("file.empty", "文件是空的").in_file("content/b.md");
        assert_eq!(one, key(vec![warning("content/a.md", 8), error]));
        assert_ne!(one, key(vec![warning("content/b.md", 8)]));
        assert_ne!(
            one,
            key(vec![warning("content/a.md", 8), warning("content/b.md", 8)])
        );
        let mut reworded = warning("content/a.md", 8);
        reworded.message.push('！');
        assert_ne!(one, key(vec![reworded]));
        // 60 warnings, the last one beyond the list: changing it changes the key too.
        let many = |last: &str| {
            let mut d: Vec<Diagnostic> = (0..59)
                .map(|i| warning(&format!("content/{i:02}.md"), 8))
                .collect();
            d.push(warning(last, 8));
            key(d)
        };
        assert_ne!(many("content/x.md"), many("content/y.md"));
    }
}
