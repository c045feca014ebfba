//! Editors' mistakes, one per test: each must give a located diagnostic (file, line, code) with a Chinese message.

use crate::support::TestSite;
use gongjiang::diag::{Diagnostic, Severity};

const PROFILE: &str = "content/craftsmen/zhang-wei.md";

/// The fixture profile with one line replaced (`from` must occur once).
fn profile_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(
        crate::support::repo()
            .join("tests/fixtures/minimal")
            .join(PROFILE),
    )
    .unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Asserts one diagnostic with this file, line and code, a Chinese message and a hint; returns it.
fn expect(site: &TestSite, file: &str, line: usize, code: &str) -> Diagnostic {
    let (built, diags) = site.check();
    let found = diags
        .iter()
        .find(|d| d.code == code && d.file == file && d.line == line)
        .cloned();
    let d = found.unwrap_or_else(|| panic!("no {code} at {file}:{line} in {diags:#?}"));
    assert!(has_cjk(&d.message), "{d:?}");
    assert!(
        d.hint.as_deref().is_some_and(has_cjk),
        "hint missing: {d:?}"
    );
    if d.severity == Severity::Error {
        assert!(!built, "an error must stop the build");
    }
    d
}

fn edit_profile(from: &str, to: &str) -> TestSite {
    let s = TestSite::fixture("minimal");
    s.write(PROFILE, profile_with(from, to));
    s
}

#[test]
fn fixture_is_clean() {
    let (built, diags) = TestSite::fixture("minimal").check();
    assert!(diags.is_empty(), "{diags:#?}");
    assert!(built);
}

#[test]
fn fullwidth_colon() {
    let d = expect(
        &edit_profile("name: 张伟", "name：张伟"),
        PROFILE,
        2,
        "yaml.fullwidth-colon",
    );
    assert_eq!(d.column, 5);
    assert!(d.message.contains("name"));
}

#[test]
fn fullwidth_space_indent() {
    expect(
        &edit_profile("  phone: 13812345678", "\u{3000}phone: 13812345678"),
        PROFILE,
        22,
        "yaml.fullwidth-space",
    );
}

#[test]
fn tab_indentation() {
    expect(
        &edit_profile("  phone: 13812345678", "\tphone: 13812345678"),
        PROFILE,
        22,
        "yaml.tab",
    );
}

#[test]
fn missing_space_after_colon() {
    expect(
        &edit_profile("post: 数控车工", "post:数控车工"),
        PROFILE,
        7,
        "yaml.colon-space",
    );
}

#[test]
fn curly_quotes_warn_and_still_build() {
    let s = edit_profile("post: 数控车工", "post: “数控车工”");
    let d = expect(&s, PROFILE, 7, "yaml.curly-quotes");
    assert_eq!(d.severity, Severity::Warning);
    assert!(s.check().0);
}

#[test]
fn missing_opening_fence() {
    let s = TestSite::fixture("minimal");
    s.write(PROFILE, profile_with("---\nname: 张伟", "name: 张伟"));
    expect(&s, PROFILE, 1, "front-matter.missing-open");
}

#[test]
fn missing_closing_fence() {
    let d = expect(
        &edit_profile("---\n## 主要事迹", "## 主要事迹"),
        PROFILE,
        1,
        "front-matter.missing-close",
    );
    assert!(d.hint.unwrap().contains("第 25 行"));
}

#[test]
fn chinese_dash_fence() {
    expect(
        &edit_profile("---\n## 主要事迹", "——\n## 主要事迹"),
        PROFILE,
        25,
        "front-matter.fence-typo",
    );
}

#[test]
fn duplicate_key() {
    let d = expect(
        &edit_profile("post: 数控车工", "post: 数控车工\npost: 钳工"),
        PROFILE,
        8,
        "yaml.duplicate-key",
    );
    assert!(d.hint.unwrap().contains("第 7 行"));
}

#[test]
fn misspelt_field_is_an_error_with_the_right_name() {
    let d = expect(
        &edit_profile("employer:", "employr:"),
        PROFILE,
        6,
        "front-matter.misspelt-field",
    );
    assert!(d.hint.unwrap().contains("`employer`"));
}

#[test]
fn unknown_field_is_a_warning() {
    let s = edit_profile("post: 数控车工", "post: 数控车工\nhobby: 钓鱼");
    let d = expect(&s, PROFILE, 8, "front-matter.unknown-field");
    assert_eq!(d.severity, Severity::Warning);
    assert!(s.check().0);
}

#[test]
fn chinese_key_suggests_the_english_one() {
    let d = expect(
        &edit_profile("post: 数控车工", "岗位: 数控车工"),
        PROFILE,
        7,
        "front-matter.chinese-key",
    );
    assert!(d.hint.unwrap().contains("`post: 数控车工`"));
}

#[test]
fn number_with_unit() {
    let d = expect(
        &edit_profile("work_years: 30", "work_years: 30年"),
        PROFILE,
        13,
        "front-matter.wrong-type",
    );
    assert!(d.hint.unwrap().contains("work_years: 30"));
    assert_eq!(d.column, 13);
}

#[test]
fn list_written_with_chinese_commas() {
    let d = expect(
        &edit_profile("skills: [数控加工, 精密测量]", "skills: 数控加工、精密测量"),
        PROFILE,
        9,
        "front-matter.wrong-type",
    );
    assert!(d.hint.unwrap().contains("[数控加工, 精密测量]"));
}

#[test]
fn boolean_written_in_chinese() {
    let d = expect(
        &edit_profile("frontline: true", "frontline: 是"),
        PROFILE,
        12,
        "front-matter.wrong-type",
    );
    assert!(d.hint.unwrap().contains("true"));
}

#[test]
fn chinese_date_in_a_story() {
    let s = TestSite::fixture("minimal");
    let story = s
        .read("content/stories/first-story.md")
        .replace("date: 2020-05-01", "date: 2021年5月1日");
    s.write("content/stories/first-story.md", story);
    let d = expect(
        &s,
        "content/stories/first-story.md",
        3,
        "front-matter.bad-date",
    );
    assert!(d.hint.unwrap().contains("2021-05-01"));
}

#[test]
fn dotted_date_in_a_cohort() {
    let s = TestSite::fixture("minimal");
    let c = s
        .read("content/cohorts/2018.yaml")
        .replace("ceremony: 2018-09-20", "ceremony: 2018.9.20");
    s.write("content/cohorts/2018.yaml", c);
    let d = expect(&s, "content/cohorts/2018.yaml", 3, "front-matter.bad-date");
    assert!(d.hint.unwrap().contains("2018-09-20"));
}

#[test]
fn value_outside_the_allowed_set() {
    let d = expect(
        &edit_profile("education: 大专", "education: 大学本科"),
        PROFILE,
        14,
        "front-matter.not-allowed",
    );
    assert!(d.hint.unwrap().contains("本科"));
}

#[test]
fn unknown_industry_gets_nearest_sections() {
    let d = expect(
        &edit_profile("industry: 制造业", "industry: 汽车制造"),
        PROFILE,
        8,
        "industry.unknown",
    );
    assert!(d.hint.unwrap().contains("制造业"));
}

#[test]
fn industry_alias_is_accepted_with_a_warning() {
    let s = edit_profile("industry: 制造业", "industry: 信息传输和计算机服务业");
    let d = expect(&s, PROFILE, 8, "industry.alias");
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("信息传输、软件和信息技术服务业"));
    assert!(s.check().0);
}

#[test]
fn negative_count() {
    expect(
        &edit_profile("invention: 2,", "invention: -2,"),
        PROFILE,
        17,
        "front-matter.negative",
    );
}

#[test]
fn cohort_year_out_of_range() {
    let s = TestSite::fixture("minimal");
    let c = s.read("content/cohorts/2018.yaml");
    s.write(
        "content/cohorts/2015.yaml",
        c.replace("year: 2018", "year: 2015")
            .replace("  - zhang-wei\n  - li-na\n", ""),
    );
    expect(
        &s,
        "content/cohorts/2015.yaml",
        1,
        "front-matter.out-of-range",
    );
}

#[test]
fn cohort_file_name_and_year_disagree() {
    let s = TestSite::fixture("minimal");
    let c = s.read("content/cohorts/2018.yaml");
    s.remove("content/cohorts/2018.yaml");
    s.write("content/cohorts/2019.yaml", c);
    let d = expect(&s, "content/cohorts/2019.yaml", 1, "cohort.file-name");
    assert!(d.hint.unwrap().contains("2018.yaml"));
}

#[test]
fn cohort_member_without_profile() {
    let s = TestSite::fixture("minimal");
    let c = s
        .read("content/cohorts/2018.yaml")
        .replace("  - li-na", "  - li-na\n  - zhang-wie");
    s.write("content/cohorts/2018.yaml", c);
    let d = expect(&s, "content/cohorts/2018.yaml", 8, "cohort.unknown-member");
    assert!(d.hint.unwrap().contains("zhang-wei"));
}

#[test]
fn profile_cohort_disagrees_with_cohort_file() {
    expect(
        &edit_profile("cohort: 2018", "cohort: 2019"),
        "content/cohorts/2018.yaml",
        6,
        "cohort.mismatch",
    );
}

#[test]
fn duplicate_slugs_name_both_files() {
    let s = TestSite::fixture("minimal");
    let other = s
        .read("content/craftsmen/li-na/index.md")
        .replace("name: 李娜", "name: 李娜\nslug: zhang-wei");
    s.write("content/craftsmen/li-na/index.md", other);
    let (_, diags) = s.check();
    let d = diags
        .iter()
        .find(|d| d.code == "slug.duplicate")
        .expect("duplicate");
    assert!(
        d.message.contains("li-na/index.md") && d.message.contains("zhang-wei.md"),
        "{}",
        d.message
    );
}

#[test]
fn unsafe_slug_from_a_chinese_file_name() {
    let s = TestSite::fixture("minimal");
    let text = s.read(PROFILE);
    s.remove(PROFILE);
    s.write("content/craftsmen/张伟.md", text);
    let (_, diags) = s.check();
    let d = diags
        .iter()
        .find(|d| d.code == "slug.unsafe")
        .expect("unsafe slug");
    assert_eq!(d.file, "content/craftsmen/张伟.md");
    assert!(d.hint.as_deref().unwrap().contains("zhang-wei"), "{d:?}");
}

#[test]
fn unsafe_slug_field() {
    expect(
        &edit_profile("name: 张伟", "name: 张伟\nslug: ../Zhang Wei"),
        PROFILE,
        3,
        "slug.unsafe",
    );
}

#[test]
fn missing_photo() {
    let s = TestSite::fixture("minimal");
    s.remove("content/craftsmen/li-na/photo.png");
    expect(&s, "content/craftsmen/li-na/index.md", 7, "asset.missing");
}

#[test]
fn photo_letter_case_mismatch() {
    let s = TestSite::fixture("minimal");
    std::fs::rename(
        s.root().join("content/craftsmen/li-na/photo.png"),
        s.root().join("content/craftsmen/li-na/Photo.PNG"),
    )
    .unwrap();
    let d = expect(
        &s,
        "content/craftsmen/li-na/index.md",
        7,
        "asset.case-mismatch",
    );
    assert!(d.hint.unwrap().contains("Photo.PNG"));
}

#[test]
fn missing_image_in_the_body() {
    expect(
        &edit_profile("## 主要事迹", "## 主要事迹\n\n![车间](workshop.jpg)"),
        PROFILE,
        28,
        "asset.missing",
    );
}

#[test]
fn link_to_a_page_that_does_not_exist() {
    let d = expect(
        &edit_profile("(/craftsmen/li-na/)", "(/craftsmen/li-nna/)"),
        PROFILE,
        28,
        "link.broken",
    );
    assert!(d.hint.unwrap().contains("/craftsmen/li-na/"));
}

#[test]
fn gbk_file() {
    let s = TestSite::fixture("minimal");
    let text = s.read(PROFILE);
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    s.write(PROFILE, bytes);
    let d = expect(&s, PROFILE, 2, "file.not-utf8");
    assert!(d.message.contains("GBK"));
}

#[test]
fn empty_file() {
    let s = TestSite::fixture("minimal");
    s.write("content/stories/draft.md", "");
    expect(&s, "content/stories/draft.md", 0, "file.empty");
}

#[test]
fn id_number_in_the_story() {
    expect(
        &edit_profile("## 主要事迹", "## 主要事迹\n\n身份证 310101198001011234。"),
        PROFILE,
        28,
        "privacy.id-number",
    );
}

#[test]
fn mobile_number_in_a_field() {
    let d = expect(
        &edit_profile("summary: 三十年", "summary: 联系电话 139-1234-5678，三十年"),
        PROFILE,
        11,
        "privacy.mobile",
    );
    assert_eq!(d.column, 15);
}

#[test]
fn patent_numbers_are_not_personal_data() {
    let s = edit_profile(
        "## 主要事迹",
        "## 主要事迹\n\n专利号 ZL201810123456.7，CN112345678901234567A。",
    );
    let (built, diags) = s.check();
    assert!(built, "{diags:#?}");
}

#[test]
fn missing_required_field() {
    let d = expect(
        &edit_profile("employer: 上海某某精密机械有限公司\n", ""),
        PROFILE,
        2,
        "front-matter.missing-field",
    );
    assert!(d.message.contains("employer"));
}

#[test]
fn unknown_brand() {
    let d = expect(
        &edit_profile("brands: [studio]", "brands: [studoi]"),
        PROFILE,
        10,
        "brand.unknown",
    );
    assert!(d.hint.unwrap().contains("studio"));
}

#[test]
fn front_matter_that_is_a_list() {
    let s = TestSite::fixture("minimal");
    s.write("content/stories/list.md", "---\n- 张伟\n- 2018\n---\n正文");
    expect(&s, "content/stories/list.md", 2, "front-matter.not-mapping");
}

#[test]
fn alias_bomb_is_refused() {
    let s = TestSite::fixture("minimal");
    let mut text = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        text += &format!(
            "{}: &{} [{}]\n",
            w[1],
            w[1],
            vec![format!("*{}", w[0]); 9].join(",")
        );
    }
    s.write("content/cohorts/2019.yaml", text);
    let (built, diags) = s.check();
    assert!(!built);
    assert!(
        diags.iter().any(|d| d.code == "yaml.syntax"
            && d.file == "content/cohorts/2019.yaml"
            && d.message.contains("别名")),
        "{diags:#?}"
    );
}

#[test]
fn template_syntax_error_points_at_the_template() {
    let s = TestSite::fixture("minimal");
    let t = s
        .read("themes/default/templates/page.html")
        .replace("{{ content_page.title }}", "{{ content_page.title }");
    s.write("themes/default/templates/page.html", t);
    let (built, diags) = s.check();
    assert!(!built);
    let d = diags
        .iter()
        .find(|d| d.code == "template.syntax")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(d.file, "themes/default/templates/page.html");
    assert_eq!(d.line, 4);
}

#[test]
fn editor_temp_files_are_ignored() {
    let s = TestSite::fixture("minimal");
    s.write("content/craftsmen/.zhang-wei.md.swp", b"\x00\x01binary");
    s.write("content/craftsmen/zhang-wei.md~", "garbage: [");
    s.write("content/.DS_Store", b"\x00\x00");
    s.write("content/cohorts/~$2018.yaml", "x");
    let (built, diags) = s.check();
    assert!(built && diags.is_empty(), "{diags:#?}");
}

#[test]
fn bom_and_crlf_just_work() {
    let s = TestSite::fixture("minimal");
    let text = format!("\u{feff}{}", s.read(PROFILE).replace('\n', "\r\n"));
    s.write(PROFILE, text);
    let (built, diags) = s.check();
    assert!(built && diags.is_empty(), "{diags:#?}");
}

#[test]
fn all_problems_are_reported_together_and_sorted() {
    let s = edit_profile("work_years: 30", "work_years: 30年");
    let c = s
        .read("content/cohorts/2018.yaml")
        .replace("title: 2018", "title：2018");
    s.write("content/cohorts/2018.yaml", c);
    let (_, diags) = s.check();
    let files: Vec<&str> = diags.iter().map(|d| d.file.as_str()).collect();
    assert!(
        files.contains(&"content/cohorts/2018.yaml") && files.contains(&PROFILE),
        "{files:?}"
    );
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
}

#[test]
fn navigation_link_to_a_missing_page() {
    let s = TestSite::fixture("minimal");
    let c = s
        .read("content/site.yaml")
        .replace("url: /stats/", "url: /statistics/");
    s.write("content/site.yaml", c);
    expect(&s, "content/site.yaml", 8, "link.broken");
}
