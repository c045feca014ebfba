//! Internal links of every rendered page: a template linking to a page the site does not have is
//! an error at its line, once for all the pages it is on; editors' links are not reported twice.

use crate::support::{stderr, TestSite};
use gongjiang::diag::Diagnostic;

/// The minimal fixture with a theme `mine` (extending default) holding these templates.
fn themed(templates: &[(&str, &str)]) -> TestSite {
    let s = TestSite::fixture("minimal");
    s.write("themes/mine/theme.yaml", "extends: default\n");
    for (name, text) in templates {
        s.write(&format!("themes/mine/templates/{name}"), text);
    }
    let cfg = s.read("content/site.yaml") + "theme: mine\n";
    s.write("content/site.yaml", cfg);
    s
}

/// A profile template showing `body` in the content block.
fn profile_template(body: &str) -> String {
    format!(
        "{{% extends \"base.html\" %}}\n{{% block content %}}\n{body}\n{{% endblock content %}}\n"
    )
}

fn broken_links(s: &TestSite) -> Vec<Diagnostic> {
    let (built, diags) = s.check();
    let links: Vec<Diagnostic> = diags
        .into_iter()
        .filter(|d| d.code == "link.broken")
        .collect();
    if !links.is_empty() {
        assert!(!built, "a broken link must stop the build");
    }
    links
}

const MINE: &str = "themes/mine/templates/craftsman.html";

#[test]
fn a_template_link_to_a_missing_page_is_an_error_at_its_line() {
    let s = themed(&[(
        "craftsman.html",
        &profile_template("<h1>{{ craftsman.name }}</h1>\n<p><a href=\"{{ site.base_path }}awards/\">获奖</a></p>"),
    )]);
    let found = broken_links(&s);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!((d.file.as_str(), d.line, d.column), (MINE, 4, 13), "{d:#?}");
    assert!(d.message.contains("/awards/"), "{d:#?}");
    assert!(d.message.contains("2 个页面"), "both profiles: {d:#?}");
    assert!(
        d.message.contains("/craftsmen/li-na/") || d.message.contains("/craftsmen/zhang-wei/"),
        "names a page: {d:#?}"
    );
    assert!(d.hint.is_some());
    let o = s.run(&["build"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("themes/mine/templates/craftsman.html:4:13"));
    assert!(!s.root().join("public").exists());
    let o = s.run(&["check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn the_same_broken_link_on_many_pages_is_one_diagnostic() {
    let s = themed(&[(
        "craftsman.html",
        &profile_template("<a href=\"/cohorts/{{ craftsman.cohort + 1 }}/\">下一批</a>"),
    )]);
    let mut members = String::new();
    for i in 0..40 {
        s.write(
            &format!("content/craftsmen/p{i}.md"),
            format!("---\nname: 工匠{i}\ncohort: 2018\nemployer: 某厂\npost: 钳工\nindustry: 制造业\n---\n"),
        );
        members += &format!("  - p{i}\n");
    }
    let cohort = s
        .read("content/cohorts/2018.yaml")
        .replace("  - li-na\n", &format!("  - li-na\n{members}"));
    s.write("content/cohorts/2018.yaml", cohort);
    let found = broken_links(&s);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].file.as_str(), found[0].line), (MINE, 3));
    assert!(
        found[0].message.contains("/cohorts/2019/"),
        "{:#?}",
        found[0]
    );
    assert!(found[0].message.contains("42 个页面"), "{:#?}", found[0]);
}

#[test]
fn different_links_made_at_one_place_are_one_diagnostic() {
    let s = themed(&[(
        "craftsman.html",
        &profile_template("<a href=\"{{ craftsman.url }}awards/\">获奖</a>"),
    )]);
    let found = broken_links(&s);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].file.as_str(), found[0].line), (MINE, 3));
    assert!(found[0].message.contains("2 个页面"), "{:#?}", found[0]);
}

#[test]
fn a_link_not_found_in_the_sources_names_the_template_that_rendered_the_page() {
    let s = themed(&[(
        "craftsman.html",
        &profile_template(
            "{% set u = craftsman.url ~ \"aw\" ~ \"ards/\" %}<a href=\"{{ u }}\">获奖</a>",
        ),
    )]);
    let found = broken_links(&s);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].file, MINE);
    assert_eq!(found[0].line, 0);
}

#[test]
fn relative_absolute_srcset_and_form_links_are_checked() {
    let s = themed(&[(
        "craftsman.html",
        &profile_template(concat!(
            "<a href=\"../li-na/\">李娜</a><a href=\"./\">本页</a><a href=\"../../stats/#x\">统计</a>\n",
            "<a href=\"awards/\">获奖</a>\n",
            "<a href=\"{{ site.base_url }}honours/\">荣誉</a>\n",
            "<a href=\"https://other.example/nope/\">外站</a><a href=\"mailto:a@b.cn\">信</a><a href=\"#main\">顶</a>\n",
            "<img alt=\"\" srcset=\"{{ site.base_path }}share.png 1x, {{ site.base_path }}share@2x.png 2x\">\n",
            "<form action=\"{{ site.base_path }}vote/\"></form>\n",
            "<link rel=\"preload\" href=\"{{ site.base_path }}search/index.json\"><a href=\"{{ site.base_path }}atom.xml\">订阅</a>\n",
            "<a href=\"/search/?q=a&amp;b=c\">搜</a><img alt=\"\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">\n",
        )),
    )]);
    let found = broken_links(&s);
    let at: Vec<(usize, &str)> = found.iter().map(|d| (d.line, d.message.as_str())).collect();
    assert_eq!(found.len(), 4, "{at:#?}");
    for (line, link) in [
        (4, "awards/"),
        (5, "https://example.org/honours/"),
        (7, "/share@2x.png"),
        (8, "/vote/"),
    ] {
        assert!(
            found
                .iter()
                .any(|d| d.file == MINE && d.line == line && d.message.contains(link)),
            "{link} at line {line}: {at:#?}"
        );
    }
}

#[test]
fn links_under_a_base_path_are_checked_and_others_on_the_host_are_not() {
    let s = themed(&[(
        "craftsman.html",
        &profile_template(concat!(
            "<a href=\"{{ site.base_path }}stats/\">统计</a><a href=\"/sub\">首页</a>\n",
            "<a href=\"/sub/awards/\">获奖</a>\n",
            "<a href=\"/elsewhere/\">同一主机上的别的站</a>\n",
        )),
    )]);
    let cfg = s
        .read("content/site.yaml")
        .replace("https://example.org/", "https://example.org/sub/");
    s.write("content/site.yaml", cfg);
    let found = broken_links(&s);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].line, 4);
    assert!(found[0].message.contains("/sub/awards/"));
}

#[test]
fn comments_and_scripts_are_not_links() {
    let s = themed(&[(
        "craftsman.html",
        &profile_template(concat!(
            "<!-- <a href=\"/old/\">旧</a> -->\n",
            "<script>var a = '<a href=\"' + location.hash + '\">';</script>\n",
            "<p>写法：href=\"/not-a-tag/\"</p>\n",
        )),
    )]);
    assert_eq!(broken_links(&s), Vec::new());
}

#[test]
fn a_link_written_by_an_editor_is_reported_once_at_its_line() {
    let s = TestSite::fixture("minimal");
    let profile = s.read("content/craftsmen/zhang-wei.md") + "\n见[奖项](/awards/)。\n";
    s.write("content/craftsmen/zhang-wei.md", profile);
    let found = broken_links(&s);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].file, "content/craftsmen/zhang-wei.md");
}

#[test]
fn a_nav_link_is_reported_once_in_site_yaml() {
    let s = TestSite::fixture("minimal");
    let cfg = s
        .read("content/site.yaml")
        .replace("url: /stats/", "url: /statistics/");
    s.write("content/site.yaml", cfg);
    let found = broken_links(&s);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].file, "content/site.yaml");
}

#[test]
fn a_relative_nav_link_is_an_error_in_site_yaml() {
    // `about/` works on the home page only: on /craftsmen/ it leads to /craftsmen/about/.
    let s = TestSite::fixture("minimal");
    let cfg = s
        .read("content/site.yaml")
        .replace("url: /stats/", "url: about/");
    s.write("content/site.yaml", cfg);
    let (built, diags) = s.check();
    assert!(!built);
    // Refused with the site settings, once: not again as a broken link.
    let found: Vec<(&str, &str, usize)> = diags
        .iter()
        .map(|d| (d.code, d.file.as_str(), d.line))
        .collect();
    assert_eq!(found, [("site.bad-url", "content/site.yaml", 8)]);
}

#[test]
fn the_default_theme_links_only_to_pages_that_exist() {
    let s = TestSite::fixture("minimal");
    let cfg = s
        .read("content/site.yaml")
        .replace("https://example.org/", "https://example.org/sub/");
    s.write("content/site.yaml", cfg);
    assert_eq!(broken_links(&s), Vec::new());
    assert_eq!(broken_links(&TestSite::fixture("minimal")), Vec::new());
}

#[test]
fn a_member_without_a_profile_links_to_an_industry_only_when_it_has_a_page() {
    // 王芳 (no profile) is in 制造业 (C); once no profile is, the site has no /industries/C/.
    let s = TestSite::fixture("minimal");
    let profile = s
        .read("content/craftsmen/zhang-wei.md")
        .replace("industry: 制造业", "industry: D");
    s.write("content/craftsmen/zhang-wei.md", profile);
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!s.root().join("public/industries/C/index.html").exists());
    let cohort = s.read("public/cohorts/2018/index.html");
    assert!(cohort.contains("制造业"), "the industry is still named");
    assert!(!cohort.contains("/industries/C/"), "{cohort}");
}

#[test]
fn relative_and_absolute_links_in_a_body_are_checked_at_their_line() {
    let s = TestSite::fixture("minimal");
    let file = "content/craftsmen/zhang-wei.md";
    let text = s.read(file)
        + "\n[李娜](../li-na/) [首页](https://example.org/) [统计](https://example.org/stats/#a)\n"
        + "\n[坏一](../nobody/)\n\n[坏二](https://example.org/nothing/)\n";
    s.write(file, &text);
    let line_of = |needle: &str| text[..text.find(needle).unwrap()].lines().count() + 1;
    let found = broken_links(&s);
    let at: Vec<(&str, usize)> = found.iter().map(|d| (d.file.as_str(), d.line)).collect();
    assert_eq!(
        at,
        [(file, line_of("[坏一]")), (file, line_of("[坏二]"))],
        "{found:#?}"
    );
}
