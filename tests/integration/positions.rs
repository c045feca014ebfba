//! Every diagnostic about a value at that value's own line and column, whatever the layout an
//! editor chose; one problem, one message. Each case writes its own files, so the lines asserted
//! are those of the text in the test.

use crate::support::TestSite;

const PROFILE: &str = "content/craftsmen/zhang-wei.md";

/// A profile whose lines 1–6 are `---` and five required fields, then `fields` from line 7.
fn profile(fields: &str) -> String {
    format!(
        "---\nname: 张伟\ncohort: 2018\nemployer: 上海某某精密机械有限公司\npost: 数控车工\nindustry: 制造业\n{fields}---\n正文。\n"
    )
}

/// The minimal site with these files written over it.
fn site(files: &[(&str, &[u8])]) -> TestSite {
    let s = TestSite::fixture("minimal");
    for (rel, text) in files {
        s.write(rel, text);
    }
    s
}

/// (code, file, line, column) of every diagnostic of a check.
fn found(s: &TestSite) -> Vec<(&'static str, String, usize, usize)> {
    s.check()
        .1
        .into_iter()
        .map(|d| (d.code, d.file, d.line, d.column))
        .collect()
}

/// Asserts that the check reports exactly `expected`.
#[track_caller]
fn only(s: &TestSite, expected: &[(&str, &str, usize, usize)]) {
    let got = found(s);
    let got: Vec<(&str, &str, usize, usize)> = got
        .iter()
        .map(|(c, f, l, col)| (*c, f.as_str(), *l, *col))
        .collect();
    assert_eq!(got, expected);
}

// 1. Positions in every layout.

#[test]
fn a_number_inside_a_block_scalar_is_at_its_own_line() {
    let s = site(&[(
        PROFILE,
        profile("summary: |\n  三十年只做一件事。\n  联系电话 13912345678\n").as_bytes(),
    )]);
    only(&s, &[("privacy.mobile", PROFILE, 9, 8)]);
}

#[test]
fn a_value_in_a_flow_mapping_over_two_lines() {
    let s = site(&[(
        PROFILE,
        profile("patents: { invention: 2,\n  utility_model: 5, design: -1 }\n").as_bytes(),
    )]);
    only(&s, &[("front-matter.negative", PROFILE, 8, 29)]);
}

#[test]
fn a_quoted_key() {
    let s = site(&[(PROFILE, profile("\"work_years\": 30年\n").as_bytes())]);
    only(&s, &[("front-matter.wrong-type", PROFILE, 7, 15)]);
}

#[test]
fn a_key_with_a_space() {
    let s = site(&[(PROFILE, profile("work years: 30\n").as_bytes())]);
    only(&s, &[("front-matter.misspelt-field", PROFILE, 7, 1)]);
}

#[test]
fn a_brand_in_a_list_over_two_lines() {
    let s = site(&[(PROFILE, profile("brands: [studio,\n  studoi]\n").as_bytes())]);
    only(&s, &[("brand.unknown", PROFILE, 8, 3)]);
}

#[test]
fn a_cohort_member_in_a_list_over_two_lines() {
    let cohort = "year: 2018\ntitle: 第一批\nmembers: [zhang-wei,\n  li-na, zhang-wie]\n";
    let s = site(&[("content/cohorts/2018.yaml", cohort.as_bytes())]);
    only(
        &s,
        &[("cohort.unknown-member", "content/cohorts/2018.yaml", 4, 10)],
    );
}

#[test]
fn a_cohort_year_under_a_quoted_key() {
    let text = profile("").replace("cohort: 2018", "\"cohort\": 2018");
    let cohort = "year: 2018\ntitle: 第一批\nmembers:\n  - li-na\n";
    let s = site(&[
        (PROFILE, text.as_bytes()),
        ("content/cohorts/2018.yaml", cohort.as_bytes()),
    ]);
    only(&s, &[("cohort.not-listed", PROFILE, 3, 11)]);
}

#[test]
fn a_navigation_link_written_over_lines() {
    let settings = "title: 测试工匠网\nbase_url: https://example.org/\nnav:\n  - title: 工匠\n    url: /craftsmen/\n  - title: 数据\n    url:   /statistics/\n";
    let s = site(&[("content/site.yaml", settings.as_bytes())]);
    only(&s, &[("link.broken", "content/site.yaml", 7, 12)]);
}

#[test]
fn a_photo_named_on_the_line_below_its_key() {
    let li_na = "content/craftsmen/li-na/index.md";
    let text = TestSite::fixture("minimal")
        .read(li_na)
        .replace("photo: photo.png", "photo:\n  photo.png");
    let s = site(&[
        (li_na, text.as_bytes()),
        ("content/craftsmen/li-na/photo.png", b"not a picture"),
    ]);
    only(&s, &[("image.unreadable", li_na, 8, 3)]);
}

#[test]
fn a_wrong_kind_of_value_is_shown_at_its_indicator_a_wrong_value_at_its_content() {
    // `|` makes text of a number: the `|` is what to remove.
    let s = site(&[(PROFILE, profile("work_years: |\n  30\n").as_bytes())]);
    only(&s, &[("front-matter.wrong-type", PROFILE, 7, 13)]);
    // A value outside the allowed ones: the value itself, on its content line.
    let s = site(&[(PROFILE, profile("education: >-\n  大学本科\n").as_bytes())]);
    only(&s, &[("front-matter.not-allowed", PROFILE, 8, 3)]);
}

// 2. Syntax errors at the line the editor has to change.

#[test]
fn a_chinese_key_with_a_fullwidth_colon() {
    let text = profile("").replace("post: 数控车工", "职务：数控车工");
    let s = site(&[(PROFILE, text.as_bytes())]);
    only(&s, &[("yaml.fullwidth-colon", PROFILE, 5, 3)]);
}

#[test]
fn a_value_broken_over_two_lines_without_indentation() {
    let s = site(&[(
        PROFILE,
        profile("summary: 三十年只做一件事，\n把零件车到微米级。\nwork_years: 30\n").as_bytes(),
    )]);
    only(&s, &[("yaml.syntax", PROFILE, 8, 1)]);
}

// 3. One problem, one message.

#[test]
fn an_empty_profile_is_reported_once() {
    // The cohort lists li-na and zhang-wei's story links to her page.
    let s = site(&[("content/craftsmen/li-na/index.md", b"")]);
    only(
        &s,
        &[("file.empty", "content/craftsmen/li-na/index.md", 0, 0)],
    );
}

#[test]
fn an_empty_profile_named_by_a_story_is_reported_once() {
    // The cohort lists zhang-wei, the story names him.
    let s = site(&[(PROFILE, b"\n")]);
    only(&s, &[("file.empty", PROFILE, 0, 0)]);
}

#[test]
fn a_profile_that_is_not_utf8_is_reported_once() {
    let li_na = "content/craftsmen/li-na/index.md";
    let text = TestSite::fixture("minimal").read(li_na);
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let s = site(&[(li_na, &gbk)]);
    let got = found(&s);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, got[0].1.as_str()), ("file.not-utf8", li_na));
}

#[test]
fn a_profile_with_errors_listed_under_its_slug_field() {
    let text = "---\nname: 王芳\nslug: wang-fang\ncohort: 2018\nemployer: 上海某某食品公司\nindustry: 制造业\n---\n";
    let cohort = "year: 2018\ntitle: 第一批\nmembers:\n  - zhang-wei\n  - li-na\n  - wang-fang\n";
    let s = site(&[
        ("content/craftsmen/wang.md", text.as_bytes()),
        ("content/cohorts/2018.yaml", cohort.as_bytes()),
    ]);
    only(
        &s,
        &[(
            "front-matter.missing-field",
            "content/craftsmen/wang.md",
            2,
            1,
        )],
    );
}

#[test]
fn an_empty_brand_is_reported_once() {
    // zhang-wei names the brand `studio`.
    let s = site(&[("content/brands/studio.md", b"  \n")]);
    only(&s, &[("file.empty", "content/brands/studio.md", 0, 0)]);
}

#[test]
fn an_empty_page_named_in_the_navigation_is_reported_once() {
    let settings = TestSite::fixture("minimal")
        .read("content/site.yaml")
        .replace(
            "url: /stats/ }",
            "url: /stats/ }\n  - { title: 关于, url: /about/ }",
        );
    let s = site(&[
        ("content/site.yaml", settings.as_bytes()),
        ("content/pages/about.md", b""),
    ]);
    only(&s, &[("file.empty", "content/pages/about.md", 0, 0)]);
}

#[test]
fn a_copied_profile_folder_that_kept_its_slug_is_reported_at_the_copy() {
    let original = "content/craftsmen/li-na/index.md";
    let text = TestSite::fixture("minimal")
        .read(original)
        .replace("name: 李娜", "name: 李娜\nslug: li-na");
    // `li-ming` comes before `li-na` in file order.
    let copy = text.replace("name: 李娜", "name: 李明");
    let s = site(&[
        (original, text.as_bytes()),
        ("content/craftsmen/li-ming/index.md", copy.as_bytes()),
        (
            "content/craftsmen/li-ming/photo.png",
            &std::fs::read(
                crate::support::repo()
                    .join("tests/fixtures/minimal/content/craftsmen/li-na/photo.png"),
            )
            .unwrap(),
        ),
    ]);
    only(
        &s,
        &[("slug.duplicate", "content/craftsmen/li-ming/index.md", 3, 7)],
    );
    let d = s.check().1.remove(0);
    assert!(d.hint.unwrap().contains("slug: li-ming"));
}

#[test]
fn two_stories_with_one_slug_are_reported_at_the_later_slug_line() {
    let story = "---\ntitle: 另一篇\ndate: 2021-05-01\nslug: same\n---\n正文\n";
    let s = site(&[
        ("content/stories/a.md", story.as_bytes()),
        ("content/stories/b.md", story.as_bytes()),
    ]);
    only(&s, &[("slug.duplicate", "content/stories/b.md", 4, 7)]);
}
