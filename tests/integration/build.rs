//! `gongjiang build` and `gongjiang check` end to end: exit codes, output, privacy, determinism, atomicity.

use crate::support::{line_of, stderr, stdout, tree, TestSite};

fn build(site: &TestSite, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    site.run(&args)
}

#[test]
fn build_writes_every_page_kind() {
    let s = TestSite::fixture("minimal");
    let o = build(&s, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    for page in [
        "index.html",
        "craftsmen/index.html",
        "craftsmen/zhang-wei/index.html",
        "craftsmen/li-na/index.html",
        "cohorts/index.html",
        "cohorts/2018/index.html",
        "industries/index.html",
        "industries/C/index.html",
        "industries/D/index.html",
        "stories/index.html",
        "stories/first-story/index.html",
        "brands/index.html",
        "brands/studio/index.html",
        "stats/index.html",
        "about/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "atom.xml",
        "favicon.svg",
        "style.css",
    ] {
        assert!(
            s.root().join("public").join(page).is_file(),
            "missing {page}"
        );
    }
    assert!(
        !s.root().join("public/craftsmen/li-na/photo.png").exists(),
        "a photo is published only through its resized copies"
    );
    assert!(s
        .read("public/craftsmen/li-na/index.html")
        .contains("/craftsmen/li-na/photo-8w."));
    let profile = s.read("public/craftsmen/zhang-wei/index.html");
    assert!(profile.contains("<html lang=\"zh-CN\">"));
    assert!(profile.contains("<strong>注意：</strong>"), "CJK bold");
    assert!(profile.contains("id=\"主要事迹\""), "Chinese heading id");
    assert!(
        profile.contains("2020年5月1日"),
        "Chinese date of the related story"
    );
    let sitemap = s.read("public/sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/craftsmen/zhang-wei/</loc>"));
    assert!(!sitemap.contains("404"));
}

#[test]
fn private_fields_never_reach_any_output_file() {
    let s = TestSite::fixture("minimal");
    let o = build(&s, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (path, bytes) in tree(&s.root().join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        for secret in ["13812345678", "110101197003071234", "内部备注", "id_number"] {
            assert!(!text.contains(secret), "{secret} leaked into {path}");
        }
    }
}

#[test]
fn withdrawn_profile_is_not_published() {
    let s = TestSite::fixture("minimal");
    let t = s
        .read("content/craftsmen/li-na/index.md")
        .replace("name: 李娜", "name: 李娜\npublished: false");
    s.write("content/craftsmen/li-na/index.md", t);
    let z = s
        .read("content/craftsmen/zhang-wei.md")
        .replace("和[李娜](/craftsmen/li-na/)", "");
    s.write("content/craftsmen/zhang-wei.md", z);
    let o = build(&s, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!s.root().join("public/craftsmen/li-na/index.html").exists());
    for (path, bytes) in tree(&s.root().join("public")) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("李娜"),
            "withdrawn name in {path}"
        );
    }
}

#[test]
fn identical_input_gives_identical_output() {
    let s = TestSite::fixture("minimal");
    assert!(build(&s, &["--output", "out1"]).status.success());
    assert!(build(&s, &["--output", "out2"]).status.success());
    let (a, b) = (tree(&s.root().join("out1")), tree(&s.root().join("out2")));
    assert!(!a.is_empty());
    assert!(a == b, "two builds differ");
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let s = TestSite::fixture("minimal");
    assert!(build(&s, &[]).status.success());
    let before = tree(&s.root().join("public"));
    let broken = s
        .read("content/craftsmen/zhang-wei.md")
        .replace("work_years: 30", "work_years: 三十");
    s.write("content/craftsmen/zhang-wei.md", broken);
    let o = build(&s, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(tree(&s.root().join("public")), before);
    let leftovers: Vec<String> = std::fs::read_dir(s.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("gongjiang") && n != ".gongjiang-cache")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn check_passes_on_a_good_site_and_writes_nothing() {
    let s = TestSite::fixture("minimal");
    let o = s.run(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!s.root().join("public").exists());
}

#[test]
fn check_reports_file_line_column_message_and_hint() {
    let s = TestSite::fixture("minimal");
    let broken = s
        .read("content/craftsmen/zhang-wei.md")
        .replace("work_years: 30", "work_years: 30年");
    let place = format!(
        "content/craftsmen/zhang-wei.md:{}:{}",
        line_of(&broken, "work_years: 30年"),
        "work_years: ".len() + 1
    );
    s.write("content/craftsmen/zhang-wei.md", &broken);
    let o = s.run(&["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&place), "{place} in {err}");
    assert!(err.contains("work_years"), "{err}");
    assert!(err.contains("提示"), "{err}");
    assert!(err.contains("1 个错误"), "{err}");
}

#[test]
fn check_json_is_one_object_per_line() {
    let s = TestSite::fixture("minimal");
    let broken = s
        .read("content/craftsmen/zhang-wei.md")
        .replace("name: 张伟", "name：张伟")
        .replace("post: 数控车工", "post: 数控车工\nhobby: 钓鱼");
    s.write("content/craftsmen/zhang-wei.md", &broken);
    let o = s.run(&["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty());
    for v in &lines {
        for key in [
            "severity", "code", "file", "line", "column", "message", "hint",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {v}");
        }
    }
    assert_eq!(lines[0]["code"], "yaml.fullwidth-colon");
    assert_eq!(lines[0]["line"], line_of(&broken, "name：张伟"));
}

#[test]
fn warnings_pass_unless_denied() {
    let s = TestSite::fixture("minimal");
    let t = s
        .read("content/craftsmen/zhang-wei.md")
        .replace("post: 数控车工", "post: 数控车工\nhobby: 钓鱼");
    s.write("content/craftsmen/zhang-wei.md", t);
    assert_eq!(s.run(&["check"]).status.code(), Some(0));
    assert_eq!(s.run(&["check", "--deny-warnings"]).status.code(), Some(1));
    let o = build(&s, &["--deny-warnings"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!s.root().join("public").exists());
}

#[test]
fn usage_and_operational_errors_exit_2() {
    let s = TestSite::fixture("minimal");
    assert_eq!(s.run(&["build", "--no-such-flag"]).status.code(), Some(2));
    let o = s.run(&["check", "--root", "does-not-exist"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("content"), "{}", stderr(&o));
    let o = build(&s, &["--output", "."]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(s.root().join("content/site.yaml").exists());
}

#[test]
fn base_url_with_a_sub_path_prefixes_every_link() {
    let s = TestSite::fixture("minimal");
    let o = build(&s, &["--base-url", "https://example.org/gj/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = s.read("public/craftsmen/zhang-wei/index.html");
    assert!(html.contains("href=\"/gj/cohorts/2018/\""), "{html}");
    assert!(html.contains("href=\"/gj/style.css\""));
    assert!(html.contains("https://example.org/gj/craftsmen/zhang-wei/"));
}

#[test]
fn names_are_escaped_and_raw_html_is_sanitised() {
    let s = TestSite::fixture("minimal");
    let t = s
        .read("content/craftsmen/zhang-wei.md")
        .replace("summary: 三十年只做一件事：把零件车到微米级。", "summary: \"<b>粗体</b> & 更多\"")
        .replace("## 主要事迹", "## 主要事迹\n\n<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>");
    s.write("content/craftsmen/zhang-wei.md", t);
    let o = build(&s, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = s.read("public/craftsmen/zhang-wei/index.html");
    assert!(html.contains("&lt;b&gt;粗体&lt;/b&gt; &amp; 更多"));
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("onerror"));
    assert!(!html.contains("javascript:"));
}

#[test]
fn minified_output_keeps_closing_tags() {
    let s = TestSite::fixture("minimal");
    let t = s
        .read("content/site.yaml")
        .replace("minify: false", "minify: true");
    s.write("content/site.yaml", t);
    assert!(build(&s, &[]).status.success());
    let html = s.read("public/craftsmen/zhang-wei/index.html");
    assert!(html.contains("</p>") && html.contains("</html>") && html.contains("<head>"));
    assert!(!html.contains("\n  "), "not minified");
}

#[test]
fn drafts_include_withdrawn_profiles() {
    let s = TestSite::fixture("minimal");
    let t = s
        .read("content/craftsmen/li-na/index.md")
        .replace("name: 李娜", "name: 李娜\npublished: false");
    s.write("content/craftsmen/li-na/index.md", t);
    let o = build(&s, &["--drafts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s.root().join("public/craftsmen/li-na/index.html").exists());
}

#[test]
fn a_large_a_to_z_index_is_split_into_pages_with_letter_jumps_across_them() {
    let s = TestSite::fixture("minimal");
    let o = build(&s, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !s.root().join("public/craftsmen/page").exists(),
        "a small site keeps one index page"
    );
    let one = s.read("public/craftsmen/index.html");
    assert!(one.contains("href=\"#letter-L\""));
    assert!(one.contains("href=\"#letter-Z\""));
    assert!(!one.contains("工匠名录分页"));

    let config = s.read("content/site.yaml");
    s.write("content/site.yaml", format!("{config}index_page_size: 1\n"));
    let o = build(&s, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = s.read("public/craftsmen/index.html");
    let second = s.read("public/craftsmen/page/2/index.html");
    // Li Na (L) comes before Zhang Wei (Z): one profile on each page.
    assert!(first.contains("/craftsmen/li-na/") && !first.contains("/craftsmen/zhang-wei/\">"));
    assert!(
        second.contains("/craftsmen/zhang-wei/\">")
            && !second.contains("href=\"/craftsmen/li-na/\">")
    );
    assert!(second.contains("<h1>工匠名录（第 2 页）</h1>"));
    // The letter bar reaches every letter from every page.
    assert!(first.contains("href=\"#letter-L\""));
    assert!(first.contains("href=\"/craftsmen/page/2/#letter-Z\""));
    assert!(second.contains("href=\"/craftsmen/#letter-L\""));
    assert!(second.contains("href=\"#letter-Z\""));
    for page in [&first, &second] {
        assert!(page.contains("aria-label=\"工匠名录分页\""));
        assert!(page.contains("aria-label=\"第 1 页\"") && page.contains("aria-label=\"第 2 页\""));
    }
    assert!(second.contains(
        "<a href=\"/craftsmen/page/2/\" aria-current=\"page\" aria-label=\"第 2 页\">2</a>"
    ));
    let sitemap = s.read("public/sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/craftsmen/page/2/</loc>"));
    // Links to later pages are links to pages of the site; one past the last is not.
    let about = s.read("content/pages/about.md");
    s.write(
        "content/pages/about.md",
        format!("{about}\n[第二页](/craftsmen/page/2/)\n"),
    );
    let o = s.run(&["check", "--deny-warnings"]);
    assert!(o.status.success(), "{}", stderr(&o));
    s.write(
        "content/pages/about.md",
        format!("{about}\n[第三页](/craftsmen/page/3/)\n"),
    );
    let o = s.run(&["check"]);
    assert!(stderr(&o).contains("/craftsmen/page/3/"), "{}", stderr(&o));
    s.write("content/pages/about.md", about);

    s.write("content/site.yaml", format!("{config}index_page_size: 0\n"));
    let o = s.run(&["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("index_page_size"), "{err}");
    assert!(err.contains("content/site.yaml"), "{err}");
}

#[test]
fn a_large_industry_is_split_into_pages_with_its_statistics_on_the_first() {
    let s = TestSite::fixture("minimal");
    let config = s.read("content/site.yaml");
    s.write("content/site.yaml", format!("{config}index_page_size: 1\n"));
    s.write(
        "content/craftsmen/wang-fang.md",
        "---\nname: 王芳\ncohort: 2018\nemployer: 某某机械厂\npost: 钳工\nindustry: 制造业\n---\n正文。\n",
    );
    let cohort = s.read("content/cohorts/2018.yaml");
    s.write(
        "content/cohorts/2018.yaml",
        cohort.replace("  - li-na\n", "  - li-na\n  - wang-fang\n"),
    );
    let o = build(&s, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = s.read("public/industries/C/index.html");
    let second = s.read("public/industries/C/page/2/index.html");
    assert!(first.contains("本行业数据") && !second.contains("本行业数据"));
    assert!(second.contains("（第 2 页）</h1>"));
    for page in [&first, &second] {
        assert!(page.contains("共 2 位工匠"));
        assert!(page.contains("href=\"/industries/C/page/2/\""));
    }
    assert!(
        first.contains("/craftsmen/wang-fang/") != first.contains("/craftsmen/zhang-wei/\""),
        "one profile per page"
    );
    assert!(!s.root().join("public/industries/D/page").exists());
}

/// A copied file may not take the place of a page, a feed or a resized photo: an error at the
/// file, from `check` and `build` alike, and nothing written.
#[test]
fn a_static_file_at_a_page_url_is_an_error_at_that_file() {
    // A resized photo's path, and its bytes: a picture placed there is a real picture.
    let (resized, picture) = {
        let s = TestSite::fixture("minimal");
        assert!(build(&s, &[]).status.success());
        tree(&s.root().join("public"))
            .into_iter()
            .find(|(p, _)| p.starts_with("craftsmen/li-na/photo-") && p.ends_with(".jpg"))
            .expect("a resized photo")
    };
    for file in [
        "content/static/about/index.html",
        "content/static/craftsmen/zhang-wei/index.html",
        "content/static/index.html",
        "content/static/atom.xml",
        &format!("content/static/{resized}"),
        "content/craftsmen/li-na/index.html",
        "themes/mine/static/stats/index.html",
    ] {
        let s = TestSite::fixture("minimal");
        if file.starts_with("themes/mine/") {
            s.write("themes/mine/theme.yaml", "extends: default\n");
            std::fs::create_dir_all(s.root().join("themes/mine/templates")).unwrap();
            let cfg = s.read("content/site.yaml") + "theme: mine\n";
            s.write("content/site.yaml", cfg);
        }
        if file.ends_with(".jpg") {
            s.write(file, &picture);
        } else {
            s.write(file, "<p>手写的页面</p>");
        }
        let (built, diags) = s.check();
        assert!(!built, "{file}");
        assert!(
            diags
                .iter()
                .any(|d| d.code == "output.collision" && d.file == file),
            "{file}: {diags:#?}"
        );
        let checked = s.run(&["check"]);
        assert_eq!(
            checked.status.code(),
            Some(1),
            "{file}: {}",
            stderr(&checked)
        );
        let o = build(&s, &[]);
        assert_eq!(o.status.code(), Some(1), "{file}: {}", stderr(&o));
        assert!(stderr(&o).contains(file), "{file}: {}", stderr(&o));
        assert!(!s.root().join("public").exists(), "{file}");
    }
}

#[test]
fn a_static_file_in_the_search_folder_is_an_error_at_that_file() {
    let s = TestSite::fixture("minimal");
    s.write("content/static/search/extra.json", "{}");
    let (built, diags) = s.check();
    assert!(!built);
    assert!(
        diags
            .iter()
            .any(|d| d.code == "output.reserved" && d.file == "content/static/search/extra.json"),
        "{diags:#?}"
    );
}
