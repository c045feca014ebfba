//! Files copied to the site as they are (content/static/, files beside profiles and stories): their names, and the contents of text files, scanned like any published text.

use crate::diag::Diagnostics;
use crate::html_text;
use crate::load::StaticFile;
use crate::model::published::Published;
use crate::source::SourceFile;
use rayon::prelude::*;

/// Extensions of files read as text (their contents are published as they are).
const TEXT: &[&str] = &[
    "txt",
    "md",
    "markdown",
    "csv",
    "tsv",
    "json",
    "webmanifest",
    "yaml",
    "yml",
    "css",
    "js",
    "mjs",
    "ics",
    "vcf",
    "map",
];
/// Extensions of markup files, read as a browser shows them (entities decoded, tags dropped).
const MARKUP: &[&str] = &["html", "htm", "xhtml", "xml", "svg", "rss", "atom"];

/// Scans the name of every copied file and the contents of its text files. Each file's source
/// (its text, or only its path for other files) is returned with what it publishes.
pub(crate) fn scan(
    files: &[&StaticFile],
    diags: &mut Diagnostics,
) -> Vec<(std::sync::Arc<SourceFile>, Published)> {
    let scanned: Vec<(std::sync::Arc<SourceFile>, Published, Diagnostics)> =
        files.par_iter().map(|f| one(f)).collect();
    scanned
        .into_iter()
        .map(|(src, p, d)| {
            diags.extend(d);
            (src, p)
        })
        .collect()
}

fn one(file: &StaticFile) -> (std::sync::Arc<SourceFile>, Published, Diagnostics) {
    let mut d = Diagnostics::new();
    let mut published = Published::default();
    let shown = format!("content/{}", file.rel);
    published.file_name(&shown, &file.rel, &mut d);
    let ext = file
        .rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let markup = MARKUP.contains(&ext.as_str());
    let text = (markup || TEXT.contains(&ext.as_str()))
        .then(|| std::fs::read(&file.abs).ok())
        .flatten()
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    let src = SourceFile::new(shown, text.unwrap_or_default());
    if !src.text.is_empty() {
        let shown = markup.then(|| html_text::published(&src.text));
        published.copied_text(&src, shown.as_deref(), &mut d);
    }
    (std::sync::Arc::new(src), published, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_files(files: &[(&str, &str)]) -> Vec<(String, &'static str, usize)> {
        let t = tempfile::tempdir().unwrap();
        let statics: Vec<StaticFile> = files
            .iter()
            .map(|(rel, text)| {
                let abs = t.path().join(rel.replace('/', "_"));
                std::fs::write(&abs, text).unwrap();
                StaticFile {
                    abs,
                    rel: rel.to_string(),
                    stamp: None,
                }
            })
            .collect();
        let refs: Vec<&StaticFile> = statics.iter().collect();
        let mut d = Diagnostics::new();
        scan(&refs, &mut d);
        d.into_sorted()
            .into_iter()
            .map(|d| (d.file, d.code, d.line))
            .collect()
    }

    #[test]
    fn names_and_text_files_are_scanned() {
        let found = scan_files(&[
            ("static/13812345678.jpg", "not read"),
            ("static/contacts.txt", "一\n电话 139-1234-5678\n"),
            ("static/a.html", "<p>电话139<b>1234</b>5678</p>"),
            ("static/logo.png", "13712345678"),
            ("static/ok.txt", "服务热线 400-820-1234"),
        ]);
        assert_eq!(
            found,
            [
                (
                    "content/static/13812345678.jpg".to_string(),
                    "privacy.mobile",
                    0
                ),
                ("content/static/a.html".to_string(), "privacy.mobile", 0),
                (
                    "content/static/contacts.txt".to_string(),
                    "privacy.mobile",
                    2
                ),
            ]
        );
    }
}
