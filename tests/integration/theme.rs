//! Themes: a site theme that extends the default replaces single templates; the HTML that matters is snapshotted.

use crate::support::{stderr, TestSite};

#[test]
fn a_theme_extending_default_overrides_one_template() {
    let s = TestSite::fixture("minimal");
    s.write("themes/mine/theme.yaml", "extends: default\n");
    s.write(
        "themes/mine/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1 class=\"mine\">{{ content_page.title }}</h1>{% endblock content %}",
    );
    let cfg = s.read("content/site.yaml") + "theme: mine\n";
    s.write("content/site.yaml", cfg);
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s
        .read("public/about/index.html")
        .contains("<h1 class=\"mine\">关于</h1>"));
    assert!(
        s.read("public/about/index.html").contains("跳到正文"),
        "base.html still comes from default"
    );
    assert!(s
        .read("public/craftsmen/zhang-wei/index.html")
        .contains("张伟"));
    assert!(
        s.root().join("public/style.css").exists(),
        "default theme's static files are kept"
    );
}

#[test]
fn a_missing_theme_is_a_content_error() {
    let s = TestSite::fixture("minimal");
    let cfg = s.read("content/site.yaml") + "theme: nope\n";
    s.write("content/site.yaml", cfg);
    let o = s.run(&["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("theme.missing"), "{}", stderr(&o));
}

#[test]
fn a_template_error_while_rendering_names_the_template() {
    let s = TestSite::fixture("minimal");
    let t = s
        .read("themes/default/templates/page.html")
        .replace("{{ content_page.title }}", "{{ content_page.nope.deeper }}");
    s.write("themes/default/templates/page.html", t);
    let o = s.run(&["build"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("themes/default/templates/page.html:4"),
        "{}",
        stderr(&o)
    );
    assert!(!s.root().join("public").exists());
}

fn built() -> TestSite {
    let s = TestSite::fixture("minimal");
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    s
}

#[test]
fn snapshot_profile_page() {
    insta::assert_snapshot!(built().read("public/craftsmen/zhang-wei/index.html"));
}

#[test]
fn snapshot_cohort_page() {
    insta::assert_snapshot!(built().read("public/cohorts/2018/index.html"));
}

#[test]
fn snapshot_statistics_page() {
    insta::assert_snapshot!(built().read("public/stats/index.html"));
}

#[test]
fn snapshot_feed() {
    insta::assert_snapshot!(built().read("public/atom.xml"));
}
