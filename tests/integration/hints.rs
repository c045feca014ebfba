//! The hints of field mistakes come from one schema: each names the field, its Chinese label and
//! the exact line to write, and one problem gives one message.

use crate::support::TestSite;
use gongjiang::diag::Diagnostic;

/// A profile with the required fields, `extra` lines added after them.
fn profile(extra: &str) -> String {
    format!("---\nname: 王芳\ncohort: 2018\nemployer: 上海某某机械厂\npost: 焊工\nindustry: 制造业\n{extra}---\n王芳的故事。\n")
}

/// The diagnostics of the minimal site with `files` written over it.
fn check(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let s = TestSite::fixture("minimal");
    for (rel, text) in files {
        s.write(rel, text);
    }
    s.check().1
}

/// The only diagnostic of a profile written as `text`.
fn only(text: &str) -> Diagnostic {
    let d = check(&[("content/craftsmen/zhang-wei.md", text)]);
    assert_eq!(d.len(), 1, "{text}\n{d:#?}");
    d.into_iter().next().unwrap()
}

fn hint(d: &Diagnostic) -> &str {
    d.hint.as_deref().unwrap_or("")
}

#[test]
fn every_chinese_label_the_new_profile_writes_is_recognised_as_its_field() {
    let s = TestSite::fixture("minimal");
    assert!(s
        .run(&["new", "craftsman", "单田芳", "--cohort", "2018"])
        .status
        .success());
    let text = s.read("content/craftsmen/shan-tianfang.md");
    let mut seen = 0;
    for line in text.lines() {
        // `# key: value   # 标签：说明` or `key: value   # 标签：说明`.
        let code = line.trim_start_matches(['#', ' ']);
        let Some((key, rest)) = code.split_once(':') else {
            continue;
        };
        let Some((_, comment)) = rest.split_once(" # ") else {
            continue;
        };
        if !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') || key.is_empty() {
            continue;
        }
        let label: String = comment
            .trim()
            .chars()
            .take_while(|c| !"：（，,/ ".contains(*c))
            .collect();
        // The template's own value, so that the key is the only mistake.
        let value = rest.split(" # ").next().unwrap_or("").trim();
        let value = if value.contains("请填写") {
            "某某"
        } else {
            value
        };
        seen += 1;
        // In place of the field's own line when the profile has one, else added.
        let written = format!("{label}: {value}");
        let base = profile("");
        let text = match base.lines().find(|l| l.starts_with(&format!("{key}:"))) {
            Some(own) => base.replace(own, &written),
            None => profile(&format!("{written}\n")),
        };
        let at = text.lines().position(|l| l == written).map(|i| i + 1);
        let all = check(&[("content/craftsmen/zhang-wei.md", &text)]);
        // The key is named as its field (a photo that is not there may be reported as well).
        let named: Vec<_> = all
            .iter()
            .filter(|d| Some(d.line) == at && d.code.starts_with("front-matter."))
            .collect();
        assert_eq!(named.len(), 1, "{label}: {all:#?}");
        assert!(
            named[0].is_error() && hint(named[0]).contains(&format!("{key}:")),
            "{label} (the template's label of `{key}`): {all:#?}"
        );
    }
    assert!(seen >= 20, "only {seen} commented fields in\n{text}");
}

#[test]
fn a_label_written_like_the_template_names_the_field_not_extra() {
    let d = only(&profile("专利数: 3\n"));
    assert!(d.is_error(), "{d:#?}");
    assert!(hint(&d).contains("`patents`"), "{d:#?}");
    assert!(!hint(&d).contains("extra"), "{d:#?}");
}

#[test]
fn a_cohort_written_as_a_bare_list_is_shown_the_cohort_shape() {
    let d = check(&[("content/cohorts/2018.yaml", "- zhang-wei\n- li-na\n")]);
    let d: Vec<_> = d.iter().filter(|d| d.file.ends_with("2018.yaml")).collect();
    assert_eq!(d.len(), 1, "{d:#?}");
    let h = hint(d[0]);
    for want in ["year: 2018", "title:", "members:"] {
        assert!(h.contains(want), "{want}: {h}");
    }
    assert!(!h.contains("name:"), "{h}");
}

#[test]
fn every_kind_of_file_not_written_as_fields_is_shown_its_own_shape() {
    let cases = [
        (
            "content/craftsmen/zhang-wei.md",
            "---\n- 王芳\n---\n正文\n",
            &["name:", "cohort:", "industry:"][..],
            &["date:"][..],
        ),
        (
            "content/stories/first-story.md",
            "---\n一个故事\n---\n正文\n",
            &["title:", "date:"],
            &["name:"],
        ),
        (
            "content/brands/studio.md",
            "---\n- 工作室\n---\n正文\n",
            &["title:", "order:"],
            &["name:", "date:"],
        ),
        (
            "content/pages/about.md",
            "---\n关于\n---\n正文\n",
            &["title:"],
            &["name:", "date:"],
        ),
        (
            "content/site.yaml",
            "- 测试工匠网\n",
            &["title:", "base_url:"],
            &["name:"],
        ),
    ];
    for (file, text, want, not) in cases {
        let d = check(&[(file, text)]);
        let d: Vec<_> = d.iter().filter(|d| d.file == file).collect();
        assert_eq!(d.len(), 1, "{file}: {d:#?}");
        let h = hint(d[0]);
        for w in want {
            assert!(h.contains(w), "{file}: {w} missing from {h}");
        }
        for n in not {
            assert!(!h.contains(n), "{file}: {n} in {h}");
        }
    }
}

#[test]
fn numbers_written_in_words_or_with_units_are_hinted_in_digits() {
    for (line, want) in [
        ("cohort: 二〇二一", "`cohort: 2021`"),
        ("cohort: 2021年", "`cohort: 2021`"),
        ("cohort: ２０２１", "`cohort: 2021`"),
        ("cohort: \"2018\"", "`cohort: 2018`"),
        ("work_years: 二十六年", "`work_years: 26`"),
        ("benefit_cny: 1200万元", "`benefit_cny: 12000000`"),
        ("benefit_cny: 12,000,000", "`benefit_cny: 12000000`"),
        ("benefit_cny: 1.2亿", "`benefit_cny: 120000000`"),
    ] {
        let text = profile("").replace("cohort: 2018\n", "");
        let text = text.replace("industry: 制造业\n", &format!("industry: 制造业\n{line}\n"));
        let text = if line.starts_with("cohort") {
            text
        } else {
            text.replace("name: 王芳\n", "name: 王芳\ncohort: 2018\n")
        };
        let d = only(&text);
        assert_eq!(d.code, "front-matter.wrong-type", "{line}");
        assert!(hint(&d).contains(want), "{line}: {}", hint(&d));
    }
}

#[test]
fn a_member_with_no_profile_is_told_a_file_name_the_tool_accepts_and_the_command() {
    let list = "year: 2018\ntitle: 2018年度\nmembers:\n  - zhang-wei\n  - li-na\n  - 李华\n";
    let d = check(&[("content/cohorts/2018.yaml", list)]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let h = hint(&d[0]);
    assert!(h.contains("content/craftsmen/li-hua.md"), "{h}");
    assert!(
        h.contains("gongjiang new craftsman 李华 --cohort 2018"),
        "{h}"
    );
    assert!(h.contains("- li-hua"), "{h}");
    assert!(!h.contains("李华.md"), "{h}");
    // A name whose profile exists: its file name.
    let list = "year: 2018\ntitle: 2018年度\nmembers:\n  - 张伟\n  - li-na\n";
    let d = check(&[("content/cohorts/2018.yaml", list)]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(hint(&d[0]).contains("`zhang-wei`"), "{d:#?}");
}

#[test]
fn misspelt_nested_keys_are_named() {
    let d = only(&profile("patents: { utility: 2, invention: 1 }\n"));
    assert!(hint(&d).contains("`utility_model`"), "{d:#?}");
    let d = only(&profile("awards:\n  - { nmae: 上海工匠, year: 2019 }\n"));
    assert_eq!(d.code, "front-matter.misspelt-field", "{d:#?}");
    assert!(hint(&d).contains("`name`"), "{d:#?}");
}

#[test]
fn a_misspelt_required_field_is_one_message() {
    let d = only(&profile("").replace("name:", "nmae:"));
    assert_eq!(d.code, "front-matter.misspelt-field", "{d:#?}");
    assert!(hint(&d).contains("`name`（姓名）"), "{d:#?}");
}

#[test]
fn chinese_keys_and_full_width_typing_name_the_english_key_in_one_message() {
    for (line, code) in [
        ("岗位: 焊工", "front-matter.chinese-key"),
        ("职务：焊工", "yaml.fullwidth-colon"),
        ("岗位　: 焊工", "yaml.fullwidth-space"),
        ("岗位:　焊工", "yaml.fullwidth-space"),
        ("　岗位: 焊工", "yaml.fullwidth-space"),
        ("post：焊工", "yaml.fullwidth-colon"),
        ("post　: 焊工", "yaml.fullwidth-space"),
        ("post:　焊工", "yaml.fullwidth-space"),
    ] {
        let text = profile("").replace("post: 焊工", line);
        let d = only(&text);
        assert_eq!((d.code, d.line), (code, 5), "{line}: {d:#?}");
        assert!(hint(&d).contains("`post: 焊工`"), "{line}: {d:#?}");
    }
}

#[test]
fn names_from_other_tools_are_hinted_with_their_meaning() {
    let d = only(&profile("draft: true\n"));
    assert!(hint(&d).contains("`published: false`"), "{d:#?}");
    let d = only(&profile("").replace("name: 王芳", "title: 王芳"));
    assert!(hint(&d).contains("`name: 王芳`"), "{d:#?}");
}

#[test]
fn a_key_only_close_to_a_field_already_written_is_the_editors_own_and_only_warned() {
    // 出生年份 (year of birth) is close to 年份, a name of `cohort`, which the profile has.
    let d = only(&profile("出生年份: 1975\n"));
    assert_eq!(d.code, "front-matter.unknown-field", "{d:#?}");
    assert!(!d.is_error(), "{d:#?}");
    assert!(
        hint(&d).contains("`cohort`") && hint(&d).contains("第 3 行"),
        "{d:#?}"
    );
    // The same field written twice, once in Chinese: the English one is published.
    let d = only(&profile("姓名: 王芳\n"));
    assert_eq!(
        (d.code, d.is_error()),
        ("front-matter.duplicate-field", false),
        "{d:#?}"
    );
    assert!(hint(&d).contains("第 2 行"), "{d:#?}");
    // Written a level too high or meaning the opposite stays an error.
    assert!(only(&profile("draft: true\npublished: true\n")).is_error());
}

#[test]
fn a_story_naming_a_craftsman_by_name_is_told_the_file_name() {
    let story = "---\ntitle: 第一个故事\ndate: 2023-04-18\ncraftsmen: [张伟]\n---\n正文。\n";
    let d = check(&[("content/stories/first-story.md", story)]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].code, "story.unknown-craftsman");
    assert!(hint(&d[0]).contains("`zhang-wei`"), "{d:#?}");
}
