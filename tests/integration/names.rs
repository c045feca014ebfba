//! Name order on the pages: the craftsmen index by pinyin with surname readings, cohort lists by surname strokes.

use crate::support::TestSite;

fn person(s: &TestSite, slug: &str, name: &str) {
    s.write(
        &format!("content/craftsmen/{slug}.md"),
        format!(
            "---\nname: {name}\ncohort: 2018\nemployer: 某厂\npost: 钳工\nindustry: 制造业\n---\n"
        ),
    );
}

/// Positions of `names` in `html`, which must all be present.
fn order_in(html: &str, names: &[&str]) -> Vec<usize> {
    names
        .iter()
        .map(|n| html.find(n).unwrap_or_else(|| panic!("{n} missing")))
        .collect()
}

fn assert_in_order(html: &str, names: &[&str]) {
    let pos = order_in(html, names);
    let mut sorted = pos.clone();
    sorted.sort();
    assert_eq!(pos, sorted, "expected order {names:?}");
}

fn site() -> TestSite {
    let s = TestSite::fixture("minimal");
    person(&s, "shan-tianfang", "单田芳");
    person(&s, "zeng-li", "曾力");
    person(&s, "ding-yi", "丁一");
    let c = s.read("content/cohorts/2018.yaml").replace(
        "  - li-na\n",
        "  - li-na\n  - shan-tianfang\n  - zeng-li\n  - ding-yi\n",
    );
    s.write("content/cohorts/2018.yaml", c);
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    s
}

#[test]
fn craftsmen_index_is_in_pinyin_order_with_surname_readings() {
    let s = site();
    let html = s.read("public/craftsmen/index.html");
    let main = &html[html.find("<main").unwrap()..];
    // 单 reads Shàn and 曾 Zēng as surnames: 丁 D, 李 L, 单 S, 曾 Z(eng) before 张 Z(hang).
    assert_in_order(main, &["丁一", "李娜", "单田芳", "曾力", "张伟"]);
    assert_in_order(
        main,
        &[
            "id=\"letter-D\"",
            "id=\"letter-L\"",
            "id=\"letter-S\"",
            "id=\"letter-Z\"",
        ],
    );
    assert!(
        !main.contains("id=\"letter-C\""),
        "曾 must not be filed under C"
    );
}

#[test]
fn cohort_members_are_in_surname_stroke_order() {
    let s = site();
    let html = s.read("public/cohorts/2018/index.html");
    let list = &html[html.find("class=\"members\"").unwrap()..];
    // 丁(2) 王(4) 李(7, 横 first) 张(7, 折 first) 单(8) 曾(12); inline members (王芳) take
    // their place too.
    assert_in_order(list, &["丁一", "王芳", "李娜", "张伟", "单田芳", "曾力"]);
}

#[test]
fn cohort_lists_count_strokes_as_mainland_lists_do() {
    // 阝 2, 艹 3, 辶 3: 邓 (4) before 白 (5), 陈 (7) before 金 (8), 郭 and 莫 (10) before 梁
    // (11), 黄 (11) before 程 (12), 范 (8, 横) before 周 (8, 撇), 连 (7, 横) before 何 (7, 撇).
    let s = TestSite::fixture("minimal");
    let names = [
        ("deng", "邓小明"),
        ("bai", "白云"),
        ("chen", "陈红"),
        ("jin", "金山"),
        ("guo", "郭强"),
        ("mo", "莫言"),
        ("liang", "梁辰"),
        ("huang", "黄河"),
        ("cheng", "程远"),
        ("fan", "范文"),
        ("zhou", "周正"),
        ("lian", "连杰"),
        ("he", "何平"),
    ];
    let mut list = String::new();
    for (slug, name) in names {
        person(&s, slug, name);
        list.push_str(&format!("  - {slug}\n"));
    }
    let c = s
        .read("content/cohorts/2018.yaml")
        .replace("  - li-na\n", &format!("  - li-na\n{list}"));
    s.write("content/cohorts/2018.yaml", c);
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let html = s.read("public/cohorts/2018/index.html");
    let list = &html[html.find("class=\"members\"").unwrap()..];
    for pair in [
        ["邓小明", "白云"],
        ["陈红", "金山"],
        ["郭强", "梁辰"],
        ["莫言", "梁辰"],
        ["黄河", "程远"],
        ["范文", "周正"],
        ["连杰", "何平"],
    ] {
        assert_in_order(list, &pair);
    }
}
