//! Personal data: every door a private value can leave through is closed, and a built site carries none.
//!
//! `privacy-doors` hides a personal number or a private value behind each door (YAML escapes and
//! folding, HTML entities, markup splitting a number, Markdown escapes, line breaks, spellings,
//! links and attributes, site settings, file names, copied text files, cohort members, aliases
//! and repeats): `check` must name each one at its place, as `expected.txt` beside it lists.
//! `privacy-kept` keeps private values where they belong and public numbers (hotlines, filing
//! and patent numbers) in the open: it builds, and every output file is read back with the same
//! scanner and found clean.

use crate::support::{self, TestSite};
use gongjiang::html_text;
use gongjiang::privacy::{find_personal_data, repeats};
use std::path::Path;

#[test]
fn every_door_is_closed_and_named_at_its_place() {
    let s = TestSite::fixture("privacy-doors");
    let out = s.run(&["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", support::stderr(&out));
    let found: Vec<String> = support::stdout(&out)
        .lines()
        .map(|l| {
            let d: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            format!(
                "{} {}:{}:{}",
                d["code"].as_str().unwrap_or_default(),
                d["file"].as_str().unwrap_or_default(),
                d["line"],
                d["column"]
            )
        })
        .collect();
    let expected =
        std::fs::read_to_string(support::repo().join("tests/fixtures/privacy-doors/expected.txt"))
            .expect("expected.txt");
    let expected: Vec<&str> = expected
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(found, expected);
    // Nothing was written.
    assert!(!s.root().join("public").exists());
}

#[test]
fn a_site_keeping_private_values_private_publishes_none_of_them() {
    let s = TestSite::fixture("privacy-kept");
    let out = s.run(&["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", support::stderr(&out));
    let private = [
        "138-1234-5678",
        "110101197003071234",
        "徐汇区漕溪北路88号3楼",
        "内部备注：本人不愿公开家庭住址",
        "采访请先联系工会",
        "李梅",
        "13912345678",
        "+86 137 1234 5678",
        "闵行区某某路100弄5号",
        "id_number",
    ];
    let folded: Vec<String> = private.iter().map(|v| fold(v)).collect();
    let mut files = 0;
    let mut pages = String::new();
    // Search words stand without their sentence (`13000000000` of `13000000000 元`).
    let mut words = Vec::new();
    for (path, bytes) in support::tree(&s.root().join("public")) {
        files += 1;
        let text = published_text(&path, &bytes);
        let found = find_personal_data(&text);
        if path.starts_with("search/") && path.ends_with(".txt") {
            words.extend(found.into_iter().map(|f| (path.clone(), f.digits)));
        } else {
            assert!(found.is_empty(), "{path}: {found:?}");
            pages.push_str(&text);
        }
        let text = fold(&text);
        for (value, f) in private.iter().zip(&folded) {
            assert!(!text.contains(f.as_str()), "{path} publishes {value}");
        }
        if is_image(&path) {
            for marker in [
                &b"Exif\0\0"[..],
                b"http://ns.adobe.com/xap/1.0/",
                b"tEXt",
                b"iTXt",
            ] {
                assert!(
                    !bytes.windows(marker.len()).any(|w| w == marker),
                    "{path} carries metadata"
                );
            }
        }
    }
    assert!(files > 20, "only {files} files");
    // A search word that looks like a number is published on a page in a sentence that the
    // scanner reads as no personal number (an amount).
    for (path, digits) in words {
        assert!(pages.contains(&digits), "{path}: {digits} is on no page");
    }
    // The public numbers are published (no false alarm kept them off the site).
    let footer = s.read("public/index.html");
    assert!(footer.contains("400-820-1234") && footer.contains("沪ICP备2021012345号-1"));
    let profile = s.read("public/craftsmen/zhang-wei/index.html");
    assert!(profile.contains("ZL 2018 1 0123456.7"), "{profile}");
}

fn fold(text: &str) -> String {
    let mut out = String::new();
    repeats::fold_into(text, &mut out);
    out
}

fn is_image(path: &str) -> bool {
    let ext = Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "jpg" | "jpeg" | "png" | "webp" | "gif" | "avif"
    )
}

/// What a reader can get from an output file as text: markup as a browser shows it (attributes,
/// scripts and comments included), other files as they are.
fn published_text(path: &str, bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let markup = [".html", ".xml", ".svg"].iter().any(|e| path.ends_with(e));
    if markup {
        html_text::published(&text)
    } else {
        text.into_owned()
    }
}
