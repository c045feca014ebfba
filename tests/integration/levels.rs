//! The levels of the programme on the `levels` fixture: unions and their cohorts, the unions'
//! pages, a profile's honours, statistics per union worked out by hand, and the unions' own sites
//! (one alone, all at once, nothing from another union).

use crate::support::{tree, TestSite};
use gongjiang::diag::Diagnostics;
use gongjiang::model::site::LoadOptions;
use gongjiang::pipeline;
use std::path::Path;

fn fixture() -> TestSite {
    TestSite::fixture("levels")
}

fn page(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// 徐汇区总工会 selected 张伟 and 陈立 (2018), and 赵敏 written inline:
///
/// | who  | frontline | years | education | skill    | title | patents (inv/um/des) | benefit |
/// |------|-----------|-------|-----------|----------|-------|----------------------|---------|
/// | 张伟 | yes       | 30    | 大专      | 高级技师 | 中级  | 2/5/0                | 1200万 |
/// | 陈立 | yes       | 15    | 中专      | 技师     | 无    | 1/0/0                | 300万  |
///
/// frontline 2/2; bachelor+ 0/2; 高级工+ 2/2; 技师+ 2/2; senior title 0/2; dual 1/2 = 50.0%
/// (张伟: 高级技师 and a title); invention 2/2, utility model 1/2, design 0/2; average years 22.5;
/// benefit 1500万元.
#[test]
fn a_union_s_statistics_match_the_hand_worked_figures() {
    let s = fixture();
    let mut d = Diagnostics::new();
    let built = pipeline::run(s.root(), &LoadOptions::default(), &mut d).expect("readable");
    let built = built.unwrap_or_else(|| panic!("{:#?}", d.into_sorted()));
    let st = built.site.union_stats("xuhui");
    assert_eq!(st.people, 2);
    let fig = |k: &str| {
        let f = st.by_key(k).unwrap();
        (f.count, f.known, f.percent_text.clone())
    };
    assert_eq!(fig("frontline"), (2, 2, "100.0%".into()));
    assert_eq!(fig("bachelor_or_above"), (0, 2, "0.0%".into()));
    assert_eq!(fig("advanced_skill"), (2, 2, "100.0%".into()));
    assert_eq!(fig("technician"), (2, 2, "100.0%".into()));
    assert_eq!(fig("senior_title"), (0, 2, "0.0%".into()));
    assert_eq!(fig("dual_qualified"), (1, 2, "50.0%".into()));
    assert_eq!(fig("invention"), (2, 2, "100.0%".into()));
    assert_eq!(fig("utility_model"), (1, 2, "50.0%".into()));
    assert_eq!(fig("design"), (0, 2, "0.0%".into()));
    assert_eq!(st.average_work_years.text, "22.5");
    assert_eq!(st.benefit.text, "1500万元");
    // 浦东新区总工会 selected 王强 alone; 上海市机电工会 has selected no one.
    assert_eq!(built.site.union_stats("pudong").people, 1);
    assert_eq!(built.site.union_stats("jidian").people, 0);
    // The whole programme: 3 selecting unions, 2 of them with a cohort; 4 profiles and 赵敏.
    let y = built.site.system();
    assert_eq!((y.unions, y.unions_selected), (3, 2));
    assert_eq!((y.people, y.city, y.district, y.bureau), (5, 2, 4, 0));
    assert_eq!(y.promoted, 1);
}

#[test]
fn the_unions_pages_and_a_profile_s_timeline() {
    let s = fixture();
    let out = s.root().join("public");
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let unions = page(&out, "unions/index.html");
    assert!(unions.contains("已开展评选（2 个）"), "{unions}");
    assert!(unions.contains("尚未开展评选（1 个）"), "{unions}");
    assert!(unions.contains("上海市机电工会"));
    assert!(unions.contains("推荐单位（1 个）") && unions.contains("上海市焊接协会"));
    let xuhui = page(&out, "unions/xuhui/index.html");
    assert!(
        xuhui.contains("评选区级工匠 3 人，其中 1 人后来入选“上海工匠”"),
        "{xuhui}"
    );
    assert!(xuhui.contains("href=\"/unions/xuhui/cohorts/2018/\""));
    assert!(xuhui.contains("推荐的“上海工匠”（1 位）"));
    assert!(
        xuhui.contains("https://xuhui.example.org/"),
        "its own site is linked"
    );
    let cohort = page(&out, "unions/xuhui/cohorts/2018/index.html");
    assert!(cohort.contains("2018年度“徐汇工匠”") && cohort.contains("赵敏"));
    // On the district's cohort page a card names the honour of that cohort, also for 张伟,
    // whom the city selected later.
    let card = &cohort[cohort
        .find("href=\"/craftsmen/zhang-wei/\"")
        .expect("张伟's card")..];
    let card = &card[..card.find("</li>").expect("its end")];
    assert!(card.contains("2018年区级工匠"), "{card}");
    let profile = page(&out, "craftsmen/zhang-wei/index.html");
    let at = profile.find("timeline\"").expect("a timeline");
    let timeline = &profile[at..at + profile[at..].find("</ol>").expect("its end")];
    let first = timeline.find("徐汇区总工会").expect("the district honour");
    let second = timeline.find("上海工匠").expect("the city honour");
    assert!(first < second, "oldest first: {timeline}");
    assert!(timeline.contains("href=\"/cohorts/2021/\""));
    assert!(profile.contains("<dt>推荐单位</dt><dd><a href=\"/unions/xuhui/\">徐汇区总工会</a>"));
    // Selected by a district only: the card names that selection.
    let chen = page(&out, "craftsmen/chen-li/index.html");
    assert!(
        chen.contains("href=\"/unions/xuhui/cohorts/2018/\">2018年</a>区级工匠"),
        "{chen}"
    );
    // The A–Z index and the industry pages split by level; each level has its list.
    let index = page(&out, "craftsmen/index.html");
    assert!(index.contains("按级别查看") && index.contains("href=\"/levels/district/\""));
    let district = page(&out, "levels/district/index.html");
    for name in ["陈立", "王强", "张伟"] {
        assert!(district.contains(name), "{name} holds 区级");
    }
    assert!(!district.contains("李娜"));
    let city = page(&out, "levels/city/index.html");
    assert!(city.contains("李娜") && city.contains("张伟") && !city.contains("陈立"));
    assert!(!out.join("levels/bureau").exists(), "no one holds 局级");
    let industry = page(&out, "industries/C/index.html");
    assert!(
        industry.contains("共 2 位工匠（市级 1 位、区级 1 位）"),
        "{industry}"
    );
    // Its list is split by the level each card shows: 张伟 (区级 in 2018, 市级 in 2021) under
    // 市级, 陈立 under 区级.
    let list = &industry[industry.find("<h2>").expect("headings")..];
    let at = |text: &str| {
        list.find(text)
            .unwrap_or_else(|| panic!("{text} in {list}"))
    };
    assert!(at("<h2>市级工匠<span class=\"nowrap\">（1 位）</span></h2>") < at("张伟"));
    assert!(at("张伟") < at("<h2>区级工匠<span class=\"nowrap\">（1 位）</span></h2>"));
    assert!(at("<h2>区级工匠<span class=\"nowrap\">（1 位）</span></h2>") < at("陈立"));
    // The statistics page splits by level and gives the whole programme's figures.
    let stats = page(&out, "stats/index.html");
    assert!(stats.contains("按级别") && stats.contains("各级工匠共 5 人"));
}

/// The levels fixture with 徐汇's own site at `union_url`, the city's at `city_url`, and a body
/// link from 陈立 (selected by 徐汇) to himself and to 王强 (selected by 浦东), both sites built.
fn two_addresses(city_url: &str, union_url: &str) -> (TestSite, String, String) {
    let s = fixture();
    let site = s.read("content/site.yaml");
    s.write(
        "content/site.yaml",
        site.replace("https://example.org/", city_url),
    );
    let union = s.read("content/unions/xuhui.yaml");
    s.write(
        "content/unions/xuhui.yaml",
        union.replace("https://xuhui.example.org/", union_url),
    );
    let chen = s.read("content/craftsmen/chen-li.md");
    s.write(
        "content/craftsmen/chen-li.md",
        chen + "\n见[王强](/craftsmen/wang-qiang/)和[陈立](/craftsmen/chen-li/)。\n",
    );
    let o = s.run(&["check"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let o = s.run(&["build", "--all-sites", "--output", "out/city"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let union_page = page(
        &s.root().join("out/city-xuhui"),
        "craftsmen/chen-li/index.html",
    );
    let city_page = page(&s.root().join("out/city"), "unions/xuhui/index.html");
    (s, union_page, city_page)
}

#[test]
fn a_union_site_under_the_city_s_address_links_to_its_own_pages_and_the_city_s() {
    let (_s, chen, xuhui) = two_addresses("https://example.org/", "https://example.org/xuhui/");
    // The city's page of the union links to the union's site, which is not a page of the city.
    assert!(
        xuhui.contains("href=\"https://example.org/xuhui/\""),
        "{xuhui}"
    );
    // On the union's site, the body's links lead to its own page of 陈立 and the city's of 王强.
    assert!(
        chen.contains("href=\"/xuhui/craftsmen/chen-li/\">陈立</a>"),
        "{chen}"
    );
    assert!(
        chen.contains("href=\"https://example.org/craftsmen/wang-qiang/\">王强</a>"),
        "{chen}"
    );
}

#[test]
fn a_union_site_above_the_city_s_address_links_to_its_own_pages_and_the_city_s() {
    let (_s, chen, _) = two_addresses("https://example.org/city/", "https://example.org/");
    assert!(
        chen.contains("href=\"/craftsmen/chen-li/\">陈立</a>"),
        "{chen}"
    );
    assert!(
        chen.contains("href=\"https://example.org/city/craftsmen/wang-qiang/\">王强</a>"),
        "{chen}"
    );
}

#[test]
fn a_union_site_s_foot_names_the_union_and_no_filing_made_for_another_host() {
    let s = fixture();
    let site = s.read("content/site.yaml");
    s.write(
        "content/site.yaml",
        site
            + "organiser: 测试主办单位\ncontact: { phone: 021-12345678 }\nicp: 沪ICP备12345678号\n",
    );
    let build = |s: &TestSite| {
        let o = s.run(&["build", "--all-sites", "--output", "out/city"]);
        assert!(o.status.success(), "{}", crate::support::stderr(&o));
        let union = page(&s.root().join("out/city-xuhui"), "index.html");
        let city = page(&s.root().join("out/city"), "index.html");
        (union, city)
    };
    // Its own host and no foot written: the union is the organiser; the city's filing number,
    // made for the city's host, and the city's contacts are not shown.
    let (union, city) = build(&s);
    assert!(city.contains("主办单位：测试主办单位") && city.contains("沪ICP备12345678号"));
    assert!(union.contains("主办单位：徐汇区总工会"), "{union}");
    for city_only in ["测试主办单位", "沪ICP备12345678号", "021-12345678"] {
        assert!(!union.contains(city_only), "{city_only} in {union}");
    }
    // Under the city's host: the city's filing numbers cover it.
    let xuhui = s.read("content/unions/xuhui.yaml");
    s.write(
        "content/unions/xuhui.yaml",
        xuhui.replace("https://xuhui.example.org/", "https://example.org/xuhui/"),
    );
    let (union, _) = build(&s);
    assert!(union.contains("主办单位：徐汇区总工会") && union.contains("沪ICP备12345678号"));
    // What its `site` writes stands.
    s.write(
        "content/unions/xuhui.yaml",
        xuhui + "  organiser: 徐汇区总工会宣传部\n  icp: 沪ICP备87654321号\n  footer: 徐汇区总工会主办\n",
    );
    let (union, _) = build(&s);
    assert!(union.contains("主办单位：徐汇区总工会宣传部") && union.contains("沪ICP备87654321号"));
    assert!(union.contains("<p>徐汇区总工会主办</p>"), "{union}");
    assert!(!union.contains("沪ICP备12345678号"));
}

#[test]
fn all_sites_at_once_equal_each_site_built_alone() {
    let s = fixture();
    let all = s.root().join("out/all");
    let o = s.run(&["build", "--all-sites", "--output", "out/all"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let o = s.run(&["build", "--output", "out/city"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let o = s.run(&["build", "--site", "xuhui", "--output", "out/xuhui"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    assert!(tree(&all) == tree(&s.root().join("out/city")), "city site");
    let own = s.root().join("out/all-xuhui");
    assert!(
        tree(&own) == tree(&s.root().join("out/xuhui")),
        "xuhui's site"
    );
    // Only unions that declare a site get one.
    assert!(!s.root().join("out/all-pudong").exists());
}

#[test]
fn a_union_s_site_holds_nothing_of_another_union_and_links_to_the_city_for_the_rest() {
    let s = fixture();
    let o = s.run(&["build", "--site", "xuhui", "--output", "out/xuhui"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let files = tree(&s.root().join("out/xuhui"));
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        for other in [
            "浦东",
            "pudong",
            "王强",
            "wang-qiang",
            "李娜",
            "li-na",
            "机电",
            "/unions/",
        ] {
            assert!(!text.contains(other), "{path} names {other}");
        }
    }
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert!(paths.contains(&"cohorts/2018/index.html"), "{paths:?}");
    assert!(!paths.iter().any(|p| p.starts_with("unions/")), "{paths:?}");
    let home = String::from_utf8_lossy(&files.iter().find(|(p, _)| p == "index.html").unwrap().1)
        .into_owned();
    assert!(home.contains("<title>徐汇工匠"), "its own title");
    let zhang = String::from_utf8_lossy(
        &files
            .iter()
            .find(|(p, _)| p == "craftsmen/zhang-wei/index.html")
            .unwrap()
            .1,
    )
    .into_owned();
    assert!(zhang.contains("2018年</a>区级工匠"), "{zhang}");
}

#[test]
fn a_failed_union_site_leaves_every_output_as_it_was() {
    let s = fixture();
    let o = s.run(&["build", "--all-sites", "--output", "out/all"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let before = (
        tree(&s.root().join("out/all")),
        tree(&s.root().join("out/all-xuhui")),
    );
    // The union's site asks for a theme the site does not have.
    let u = s.read("content/unions/xuhui.yaml");
    s.write(
        "content/unions/xuhui.yaml",
        u.replace("  base_url:", "  theme: gone\n  base_url:"),
    );
    s.write(
        "content/craftsmen/li-na.md",
        s.read("content/craftsmen/li-na.md")
            .replace("护理工作二十年。", "护理工作二十一年。"),
    );
    let o = s.run(&["build", "--all-sites", "--output", "out/all"]);
    assert_eq!(o.status.code(), Some(1), "{}", crate::support::stderr(&o));
    assert!(crate::support::stderr(&o).contains("gone"));
    let after = (
        tree(&s.root().join("out/all")),
        tree(&s.root().join("out/all-xuhui")),
    );
    assert!(before == after, "nothing was written");
}

#[test]
fn an_unknown_union_site_is_refused() {
    let s = fixture();
    let o = s.run(&["build", "--site", "nope", "--output", "out/nope"]);
    assert_eq!(o.status.code(), Some(1));
    let err = crate::support::stderr(&o);
    assert!(
        err.contains("site.unknown-union") && err.contains("xuhui"),
        "{err}"
    );
    assert!(!s.root().join("out/nope").exists());
}
