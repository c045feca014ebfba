//! Statistics on a small site whose expected counts and percentages are worked out by hand.

use crate::support::TestSite;
use gongjiang::diag::Diagnostics;
use gongjiang::model::site::LoadOptions;
use gongjiang::pipeline;

/// Two more profiles beside the fixture's 张伟 and 李娜:
///
/// | who  | frontline | years | education | skill     | title | patents (inv/um/des) | awards        | benefit |
/// |------|-----------|-------|-----------|-----------|-------|----------------------|---------------|---------|
/// | 张伟 | yes       | 30    | 大专      | 高级技师  | 中级  | 2/5/0                | 沪科技进步三等 | 1200万 |
/// | 李娜 | no        | 22    | 本科      | 技师      | 副高级 | 1/0/1               | (missing)     | 300万  |
/// | 王安 | yes       | 25    | 硕士      | 高级工    | 无    | 0/2/0                | 国家科技进步二等 | 500万 |
/// | 赵北 | yes       | —     | 高中      | 无        | —     | —                    | —             | —      |
///
/// frontline 3/4 = 75.0%; bachelor+ 2/4 = 50.0%; 高级工+ 3/4 = 75.0%; 技师+ 2/4 = 50.0%;
/// senior title 1/3 = 33.3% (1 missing); dual 2/3 = 66.7% (1 missing);
/// invention 2/3, utility model 2/3 = 66.7%, design 1/3 = 33.3% (1 missing);
/// average years (30+22+25)/3 = 25.7 (1 missing); awards known 2: national 1, Shanghai third 1;
/// benefit 1200万+300万+500万 = 2000万元 (1 missing); sections C, D, E = 3.
fn site() -> TestSite {
    let s = TestSite::fixture("minimal");
    s.write(
        "content/craftsmen/wang-an.md",
        "---\nname: 王安\ncohort: 2018\nemployer: 某厂\npost: 钳工\nindustry: 制造业\nfrontline: true\nwork_years: 25\neducation: 硕士\nskill_level: 高级工\ntitle_level: 无\npatents: { invention: 0, utility_model: 2, design: 0 }\nawards:\n  - { name: 国家科技进步奖, grade: 二等奖 }\nbenefit_cny: 5000000\n---\n",
    );
    s.write(
        "content/craftsmen/zhao-bei.md",
        "---\nname: 赵北\ncohort: 2018\nemployer: 某建筑公司\npost: 砌筑工\nindustry: 建筑业\nfrontline: true\neducation: 高中\nskill_level: 无\n---\n",
    );
    let c = s
        .read("content/cohorts/2018.yaml")
        .replace("  - li-na\n", "  - li-na\n  - wang-an\n  - zhao-bei\n");
    s.write("content/cohorts/2018.yaml", c);
    s
}

#[test]
fn statistics_match_the_hand_worked_figures() {
    let s = site();
    let mut d = Diagnostics::new();
    let built = pipeline::run(s.root(), &LoadOptions::default(), &mut d).unwrap();
    let built = built.unwrap_or_else(|| panic!("{:#?}", d.into_sorted()));
    let st = &built.site.stats;
    assert_eq!(st.people, 4);
    let fig = |k: &str| {
        let f = st.by_key(k).unwrap();
        (f.count, f.known, f.missing, f.percent_text.clone())
    };
    assert_eq!(fig("frontline"), (3, 4, 0, "75.0%".into()));
    assert_eq!(fig("bachelor_or_above"), (2, 4, 0, "50.0%".into()));
    assert_eq!(fig("advanced_skill"), (3, 4, 0, "75.0%".into()));
    assert_eq!(fig("technician"), (2, 4, 0, "50.0%".into()));
    assert_eq!(fig("senior_title"), (1, 3, 1, "33.3%".into()));
    assert_eq!(fig("dual_qualified"), (2, 3, 1, "66.7%".into()));
    assert_eq!(fig("invention"), (2, 3, 1, "66.7%".into()));
    assert_eq!(fig("utility_model"), (2, 3, 1, "66.7%".into()));
    assert_eq!(fig("design"), (1, 3, 1, "33.3%".into()));
    assert_eq!(st.average_work_years.text, "25.7");
    assert_eq!(st.average_work_years.missing, 1);
    assert_eq!(
        (
            st.awards.national,
            st.awards.shanghai.third,
            st.awards.known,
            st.awards.missing
        ),
        (1, 1, 2, 2)
    );
    assert_eq!(st.benefit.total_cny, 20_000_000);
    assert_eq!(st.benefit.text, "2000万元");
    assert_eq!(st.benefit.missing, 1);
    assert_eq!(st.industries_covered.count, 3);
}

#[test]
fn the_statistics_page_shows_them_with_what_was_left_out() {
    let s = site();
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let html = s.read("public/stats/index.html");
    for text in ["75.0%", "33.3%", "66.7%", "25.7", "2000万元", "4 份"] {
        assert!(
            html.contains(text),
            "{text} missing from the statistics page"
        );
    }
    let cohort = s.read("public/cohorts/2018/index.html");
    assert!(
        cohort.contains("5 人"),
        "inline member counted in the cohort total"
    );
}
