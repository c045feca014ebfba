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

#[test]
fn html_the_site_removes_from_a_cohort_intro_is_named_at_its_line() {
    let text = "year: 2018\ntitle: 2018年度工匠\nintro: |\n  第三批工匠。\n\n  <iframe src=\"https://v.qq.com/x/1\"></iframe>\nmembers:\n  - zhang-wei\n  - li-na\n";
    let (built, d) = check("content/cohorts/2018.yaml", text);
    assert!(built, "a warning: the page shows the rest");
    assert_eq!(
        codes(&d),
        [(
            "html.removed-element",
            line_of(text, "<iframe"),
            Severity::Warning
        )]
    );
    assert_eq!(d[0].column, 3);
    assert!(d[0].message.contains("`intro`"), "{}", d[0].message);
}

#[test]
fn html_the_site_removes_from_a_page_is_named_once_per_kind() {
    let text = "---\ntitle: 关于本站\n---\n<div style=\"color:red\">一</div>\n\n<div style=\"color:blue\" onclick=\"go()\">二</div>\n";
    let (built, d) = check("content/pages/about.md", text);
    assert!(built);
    let style = line_of(text, "style=\"color:red");
    let onclick = line_of(text, "onclick");
    assert_eq!(
        codes(&d),
        [
            ("html.removed-attribute", style, Severity::Warning),
            ("html.removed-attribute", onclick, Severity::Warning),
        ]
    );
    assert!(d[0].message.contains("共 2 处"), "{}", d[0].message);
    assert_eq!(d[1].column, "<div style=\"color:blue\" ".len() + 1);
}

#[test]
fn markup_in_plain_fields_of_every_kind_of_file_is_a_warning_at_the_markup() {
    let story = "---\ntitle: 微米<br>之间\ndate: 2020-05-01\ncraftsmen: [zhang-wei]\nsummary: 一位**数控车工**的三十年。\n---\n正文。\n";
    let (built, d) = check("content/stories/first-story.md", story);
    assert!(built);
    let at: Vec<_> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(
        at,
        [
            ("text.html-in-plain-field", 2, 10),
            ("text.markdown-in-plain-field", 5, 12),
        ]
    );
    let site = "title: 测试工匠网\nsubtitle: 选拔&middot;宣传\nbase_url: https://example.org/\ndemo: true\n";
    let (built, d) = check("content/site.yaml", site);
    assert!(built);
    assert_eq!(
        codes(&d),
        [("text.html-in-plain-field", 2, Severity::Warning)]
    );
    let cohort = "year: 2018\ntitle: 2018年度<em>上海工匠</em>\nmembers:\n  - zhang-wei\n  - li-na\n  - { name: 王芳, post: \"**质检员**\" }\n";
    let (built, d) = check("content/cohorts/2018.yaml", cohort);
    assert!(built);
    let at: Vec<_> = d.iter().map(|d| (d.code, d.line)).collect();
    assert_eq!(
        at,
        [
            ("text.html-in-plain-field", 2),
            ("text.markdown-in-plain-field", 6)
        ]
    );
}
