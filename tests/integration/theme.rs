//! Themes: a site theme that extends the default replaces single templates; the HTML that matters is snapshotted.

use crate::support::{element, line_of, stderr, TestSite};

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
    let place = format!(
        "themes/default/templates/page.html:{}",
        line_of(&t, "content_page.nope")
    );
    s.write("themes/default/templates/page.html", t);
    let o = s.run(&["build"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&place), "{place} in {}", stderr(&o));
    assert!(!s.root().join("public").exists());
}

/// A syntax error in a template of the site's own copy of the default theme: an error at that
/// file and line, and nothing built.
#[test]
fn a_template_syntax_error_in_the_default_theme_names_its_line() {
    let s = TestSite::fixture("minimal");
    let t = s
        .read("themes/default/templates/page.html")
        .replace("{{ content_page.title }}", "{{ content_page.title }");
    let line = line_of(&t, "{{ content_page.title }");
    s.write("themes/default/templates/page.html", &t);
    let (built, diags) = s.check();
    assert!(!built);
    let d = diags
        .iter()
        .find(|d| d.code == "template.syntax")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(
        (d.file.as_str(), d.line),
        ("themes/default/templates/page.html", line)
    );
}

fn built() -> TestSite {
    let s = TestSite::fixture("minimal");
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    s
}

// Page snapshots hold the page's own part, its `<main>`: a change to the header, the navigation
// or the footer every page shares changes no snapshot. The profile's `<head>` (title, description,
// canonical address, JSON-LD) is a snapshot of its own.

#[test]
fn snapshot_profile_page() {
    let html = built().read("public/craftsmen/zhang-wei/index.html");
    insta::assert_snapshot!(element(&html, "main"));
}

#[test]
fn snapshot_profile_page_head() {
    let html = built().read("public/craftsmen/zhang-wei/index.html");
    insta::assert_snapshot!(element(&html, "head"));
}

#[test]
fn snapshot_cohort_page() {
    let html = built().read("public/cohorts/2018/index.html");
    insta::assert_snapshot!(element(&html, "main"));
}

#[test]
fn snapshot_statistics_page() {
    let html = built().read("public/stats/index.html");
    insta::assert_snapshot!(element(&html, "main"));
}

#[test]
fn snapshot_feed() {
    insta::assert_snapshot!(built().read("public/atom.xml"));
}

/// The minimal site with a theme `mine` that extends default and has these templates.
fn with_theme(templates: &[(&str, &str)]) -> TestSite {
    let s = TestSite::fixture("minimal");
    s.write("themes/mine/theme.yaml", "extends: default\n");
    for (name, text) in templates {
        s.write(&format!("themes/mine/templates/{name}"), text);
    }
    let cfg = s.read("content/site.yaml") + "theme: mine\n";
    s.write("content/site.yaml", cfg);
    s
}

/// Asserts that checking the site fails with a `code` diagnostic at `file:line` (and `column`
/// when given), and that the terminal shows that location too.
fn expect_template_error(s: &TestSite, code: &str, file: &str, line: usize, column: Option<usize>) {
    let (built, diags) = s.check();
    assert!(!built);
    let d = diags
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"));
    assert_eq!((d.file.as_str(), d.line), (file, line), "{d:#?}");
    if let Some(c) = column {
        assert_eq!(d.column, c, "{d:#?}");
    }
    let o = s.run(&["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!("{file}:{line}")),
        "{}",
        stderr(&o)
    );
}

const PAGE: &str = "themes/mine/templates/page.html";

fn page_with(content: &str) -> String {
    format!("{{% extends \"base.html\" %}}\n{{% block content %}}\n<h1>{{{{ content_page.title }}}}</h1>\n{content}\n{{% endblock content %}}\n")
}

#[test]
fn template_error_undefined_variable_names_file_and_line() {
    let s = with_theme(&[("page.html", &page_with("<p>{{ nope_var }}</p>"))]);
    expect_template_error(&s, "template.render", PAGE, 4, Some(7));
}

#[test]
fn template_error_in_a_filter_names_file_and_line() {
    let s = with_theme(&[(
        "page.html",
        &page_with("<p>{{ content_page.title | round }}</p>"),
    )]);
    expect_template_error(&s, "template.render", PAGE, 4, Some(7));
}

#[test]
fn template_error_unknown_filter_names_file_and_line() {
    let s = with_theme(&[(
        "page.html",
        &page_with("\n<p>{{ content_page.title | nosuchfilter }}</p>"),
    )]);
    expect_template_error(&s, "template.unknown", PAGE, 5, Some(28));
}

#[test]
fn template_error_unknown_test_and_function_are_each_located() {
    let s = with_theme(&[(
        "page.html",
        &page_with("{% if content_page.title is nosuchtest %}x{% endif %}\n{{ nofunc() }}"),
    )]);
    let (_, diags) = s.check();
    let at: Vec<_> = diags
        .iter()
        .filter(|d| d.code == "template.unknown")
        .map(|d| (d.file.as_str(), d.line, d.column))
        .collect();
    assert_eq!(at, [(PAGE, 4, 29), (PAGE, 5, 4)], "{diags:#?}");
}

#[test]
fn template_error_in_an_included_partial_names_the_partial() {
    let s = with_theme(&[
        (
            "page.html",
            &page_with("{% include \"partials/mine.html\" %}"),
        ),
        (
            "partials/mine.html",
            "<div>\n<p>ok</p>\n<p>{{ content_page.missing.deeper }}</p>\n</div>\n",
        ),
    ]);
    expect_template_error(
        &s,
        "template.render",
        "themes/mine/templates/partials/mine.html",
        3,
        Some(20),
    );
}

#[test]
fn template_error_including_a_missing_partial_names_the_including_file() {
    let s = with_theme(&[(
        "page.html",
        &page_with("\n{% include \"partials/none.html\" %}"),
    )]);
    expect_template_error(&s, "template.unknown", PAGE, 5, Some(12));
}

#[test]
fn template_error_in_a_parent_reached_through_extends_names_the_parent() {
    let s = with_theme(&[
        ("page.html", "{% extends \"mybase.html\" %}\n{% block content %}\n<h1>{{ content_page.title }}</h1>\n{% endblock content %}\n"),
        ("mybase.html", "<html>\n<body>\n<p>{{ page.nothing.here }}</p>\n{% block content %}{% endblock content %}\n</body></html>\n"),
    ]);
    expect_template_error(
        &s,
        "template.render",
        "themes/mine/templates/mybase.html",
        3,
        Some(12),
    );
}

#[test]
fn template_error_in_the_default_base_reached_from_a_site_theme_names_the_default_file() {
    let s = with_theme(&[("page.html", &page_with("<p>ok</p>"))]);
    let base = s.read("themes/default/templates/base.html").replace(
        "<main id=\"main\"",
        "{{ page.nothing.here }}<main id=\"main\"",
    );
    s.write("themes/default/templates/base.html", &base);
    let line = base
        .lines()
        .position(|l| l.contains("page.nothing"))
        .unwrap()
        + 1;
    expect_template_error(
        &s,
        "template.render",
        "themes/default/templates/base.html",
        line,
        None,
    );
}

#[test]
fn template_error_extending_a_missing_parent_points_at_the_extends_tag() {
    let s = with_theme(&[(
        "page.html",
        "\n{% extends \"nobase.html\" %}\n{% block content %}x{% endblock content %}\n",
    )]);
    expect_template_error(&s, "template.missing-parent", PAGE, 2, Some(12));
}

#[test]
fn template_error_a_block_the_parent_lacks_is_located() {
    let s = with_theme(&[(
        "page.html",
        "{% extends \"base.html\" %}\n{% block contentx %}\nx\n{% endblock contentx %}\n",
    )]);
    expect_template_error(&s, "template.unknown", PAGE, 2, Some(10));
}

#[test]
fn template_error_extending_itself_names_the_file() {
    let s = with_theme(&[(
        "page.html",
        "{% extends \"page.html\" %}\n{% block content %}x{% endblock content %}\n",
    )]);
    expect_template_error(&s, "template.cycle", PAGE, 1, None);
}

#[test]
fn template_error_syntax_in_a_site_theme_overriding_a_default_template() {
    let s = with_theme(&[("page.html", "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ content_page.title }</h1>\n{% endblock content %}\n")]);
    expect_template_error(&s, "template.syntax", PAGE, 3, Some(27));
}

#[test]
fn a_parent_template_may_include_a_partial() {
    let s = TestSite::fixture("minimal");
    let base = s.read("themes/default/templates/base.html").replace(
        "<main id=\"main\"",
        "{% include \"partials/notice.html\" %}<main id=\"main\"",
    );
    let s = with_theme(&[
        ("base.html", &base),
        ("partials/notice.html", "<p class=\"notice\">公告</p>"),
    ]);
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s
        .read("public/about/index.html")
        .contains("<p class=\"notice\">公告</p>"));
}
