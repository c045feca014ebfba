//! What an editor typed that the site would not show as meant: each is a located diagnostic, an
//! error when the page would come out wrong, a warning when it shows exactly what was typed.

use crate::support::TestSite;
use gongjiang::diag::{Diagnostic, Severity};

/// A profile of the minimal site, written in full by the test.
const PROFILE: &str = "content/craftsmen/zhang-wei.md";

/// The profile `zhang-wei` with these extra front-matter lines and this body.
fn profile(extra: &str, body: &str) -> String {
    format!(
        "---\nname: 张伟\ncohort: 2018\nemployer: 上海某某机械厂\npost: 数控车工\nindustry: 制造业\n{extra}---\n{body}"
    )
}

/// The 1-based line of `text` that holds `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle}"));
    text[..at].matches('\n').count() + 1
}

/// The minimal site with `file` replaced by `text`: (built?, diagnostics of `file`).
fn check(file: &str, text: &str) -> (bool, Vec<Diagnostic>) {
    let s = TestSite::fixture("minimal");
    s.write(file, text);
    let (built, diags) = s.check();
    (
        built,
        diags.into_iter().filter(|d| d.file == file).collect(),
    )
}

fn codes(diags: &[Diagnostic]) -> Vec<(&'static str, usize, Severity)> {
    diags.iter().map(|d| (d.code, d.line, d.severity)).collect()
}

#[test]
fn a_photo_at_a_web_address_is_refused_with_where_to_put_the_file() {
    let text = profile("photo: http://mmbiz.qpic.cn/a/640\n", "正文。\n");
    let (built, d) = check(PROFILE, &text);
    assert!(!built);
    assert_eq!(
        codes(&d),
        [("asset.external", line_of(&text, "photo:"), Severity::Error)]
    );
    let hint = d[0].hint.as_deref().unwrap_or_default();
    assert!(
        hint.contains("content/craftsmen/zhang-wei/index.md"),
        "a single-file profile moves into a folder to have a photo: {hint}"
    );
}

#[test]
fn a_data_image_in_a_picture_field_is_refused() {
    let text = profile("photo: data:image/jpeg;base64,/9j/4AAQ\n", "正文。\n");
    let (built, d) = check(PROFILE, &text);
    assert!(!built);
    assert_eq!(
        codes(&d),
        [(
            "asset.data-image",
            line_of(&text, "photo:"),
            Severity::Error
        )]
    );
}

#[test]
fn a_body_picture_at_a_web_address_is_left_as_written() {
    let text = profile("", "正文。\n\n![示意图](https://www.example.com/a.png)\n");
    let (built, d) = check(PROFILE, &text);
    assert!(built && d.is_empty(), "{d:#?}");
}
