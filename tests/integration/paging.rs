//! Long lists split into pages: every list page (A–Z, industry, cohort, brand, stories), in its order, with the count and previous/next links.

use crate::support::{stderr, TestSite};

fn build(s: &TestSite) {
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// The names of the cards and inline members of a list page, in page order.
fn names(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    loop {
        let card = rest.find("class=\"card-name\"");
        let inline = rest.find("class=\"member-name\"");
        let at = match (card, inline) {
            (Some(c), Some(i)) => c.min(i),
            (Some(at), None) | (None, Some(at)) => at,
            (None, None) => return out,
        };
        rest = &rest[at..];
        let name = rest.split('>').nth(1).and_then(|s| s.split('<').next());
        out.push(name.unwrap_or_default().to_string());
        rest = &rest[1..];
    }
}

/// The page's JSON-LD.
fn json_ld(html: &str) -> serde_json::Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD");
    let rest = &html[start..];
    let body = &rest[rest.find('>').unwrap_or(0) + 1..rest.find("</script>").unwrap_or(0)];
    serde_json::from_str(body).expect("valid JSON-LD")
}

/// The minimal fixture with a second story and Li Na in the brand too, at `size` entries a page.
fn site_at(size: Option<usize>) -> TestSite {
    let s = TestSite::fixture("minimal");
    if let Some(size) = size {
        let config = s.read("content/site.yaml");
        s.write(
            "content/site.yaml",
            format!("{config}index_page_size: {size}\n"),
        );
    }
    s.write(
        "content/stories/second-story.md",
        "---\ntitle: 电网里的年轻人\ndate: 2021-06-01\ncraftsmen: [li-na]\n---\n李娜在变电站……\n",
    );
    let li_na = s.read("content/craftsmen/li-na/index.md");
    s.write(
        "content/craftsmen/li-na/index.md",
        li_na.replacen(
            "post: 电气试验工\n",
            "post: 电气试验工\nbrands: [studio]\n",
            1,
        ),
    );
    s
}

#[test]
fn cohort_brand_and_stories_pages_split_in_their_order_with_the_count_and_neighbours() {
    let whole = site_at(None);
    build(&whole);
    let cohort = names(&whole.read("public/cohorts/2018/index.html"));
    let brand = names(&whole.read("public/brands/studio/index.html"));
    assert_eq!(cohort.len(), 3, "{cohort:?}");
    assert_eq!(brand.len(), 2, "{brand:?}");

    let s = site_at(Some(1));
    build(&s);
    let page = |p: &str| s.read(&format!("public/{p}index.html"));

    // The cohort: one member a page, in the cohort's official order; its intro and statistics first.
    let pages: Vec<String> = [
        "cohorts/2018/",
        "cohorts/2018/page/2/",
        "cohorts/2018/page/3/",
    ]
    .iter()
    .map(|p| page(p))
    .collect();
    assert!(!s.root().join("public/cohorts/2018/page/4").exists());
    let split: Vec<String> = pages.iter().flat_map(|h| names(h)).collect();
    assert_eq!(
        split, cohort,
        "the order across pages is the official order"
    );
    assert!(pages[0].contains("第三批工匠。") && pages[0].contains("本批次数据"));
    assert!(!pages[1].contains("第三批工匠。") && !pages[1].contains("本批次数据"));
    assert!(pages[1].contains("（第 2 页）</h1>"), "{}", pages[1]);
    assert!(pages[1].contains("第 2 页，共 3 页；本页是第 2–2 位，共 3 位。"));
    assert!(pages[1].contains("<link rel=\"prev\" href=\"/cohorts/2018/\">"));
    assert!(pages[1].contains("<link rel=\"next\" href=\"/cohorts/2018/page/3/\">"));
    assert!(pages[1].contains("<a rel=\"prev\" href=\"/cohorts/2018/\">上一页</a>"));
    assert!(pages[1].contains(
        "<a href=\"/cohorts/2018/page/2/\" aria-current=\"page\" aria-label=\"第 2 页\">2</a>"
    ));
    assert!(!pages[0].contains("rel=\"prev\"") && !pages[2].contains("rel=\"next\""));
    // Structured data names this page's members only, numbered as in the whole list.
    assert_eq!(
        pages[1].matches("\"@type\":\"ListItem\"").count(),
        5,
        "one member and four crumbs"
    );
    let ld = json_ld(&pages[1]);
    let list = ld["@graph"]
        .as_array()
        .and_then(|g| g.iter().find(|n| n["@type"] == "ItemList"))
        .expect("an ItemList");
    assert_eq!(list["numberOfItems"], 3);
    assert_eq!(list["itemListElement"][0]["position"], 2);
    assert_eq!(list["itemListElement"][0]["name"], cohort[1].as_str());

    // The brand: its introduction on the first page, its craftsmen across two.
    let brand_pages = [page("brands/studio/"), page("brands/studio/page/2/")];
    let split: Vec<String> = brand_pages.iter().flat_map(|h| names(h)).collect();
    assert_eq!(split, brand);
    assert!(brand_pages[0].contains("工作室介绍。") && !brand_pages[1].contains("工作室介绍。"));
    assert!(brand_pages[1].contains("第 2 页，共 2 页"));

    // The stories index: newest first, one a page.
    let stories = [page("stories/"), page("stories/page/2/")];
    assert!(stories[0].contains("电网里的年轻人") && !stories[0].contains("微米之间"));
    assert!(stories[1].contains("微米之间") && stories[1].contains("共 2 篇"));

    // Every page is in the sitemap, and a link to one passes the check.
    let sitemap = s.read("public/sitemap.xml");
    for p in [
        "cohorts/2018/page/3/",
        "brands/studio/page/2/",
        "stories/page/2/",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>https://example.org/{p}</loc>")),
            "{p}"
        );
    }
    let about = s.read("content/pages/about.md");
    s.write(
        "content/pages/about.md",
        format!("{about}\n[名单第三页](/cohorts/2018/page/3/)\n"),
    );
    let o = s.run(&["check", "--deny-warnings"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn by_default_a_list_page_holds_sixty_entries() {
    let s = TestSite::fixture("minimal");
    let family = "赵钱孙李周吴郑王冯陈褚卫";
    let given = ["一", "二", "三", "四", "五", "六"];
    let mut slugs = String::new();
    for (i, f) in family.chars().enumerate() {
        for (j, g) in given.iter().enumerate() {
            let slug = format!("p{i}-{j}");
            s.write(
                &format!("content/craftsmen/{slug}.md"),
                format!("---\nname: {f}{g}\ncohort: 2018\nemployer: 某某厂\npost: 钳工\nindustry: 制造业\n---\n正文。\n"),
            );
            slugs.push_str(&format!("  - {slug}\n"));
        }
    }
    let cohort = s.read("content/cohorts/2018.yaml");
    s.write(
        "content/cohorts/2018.yaml",
        cohort.replace("members:\n", &format!("members:\n{slugs}")),
    );
    build(&s);
    // 72 + 2 profiles, 75 members with the inline one: two pages each, the first of 60.
    for list in ["craftsmen/", "cohorts/2018/", "industries/C/"] {
        let first = s.read(&format!("public/{list}index.html"));
        assert_eq!(names(&first).len(), 60, "{list}");
        assert!(first.contains("第 1 页，共 2 页"), "{list}");
        assert!(s
            .root()
            .join(format!("public/{list}page/2/index.html"))
            .exists());
        assert!(!s.root().join(format!("public/{list}page/3")).exists());
    }
}
