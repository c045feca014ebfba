//! What readers are told: the facts card lists what a field says, the home page says what each percentage is of.

use crate::support::{stderr, TestSite};

/// The minimal site with 张伟's facts replaced by `facts` (YAML lines of his front matter).
fn with_facts(facts: &str) -> TestSite {
    let s = TestSite::fixture("minimal");
    let md = s.read("content/craftsmen/zhang-wei.md");
    let mut kept: Vec<&str> = Vec::new();
    let mut in_front = 0;
    for line in md.lines() {
        if line == "---" {
            in_front += 1;
        }
        let field = line.split(':').next().unwrap_or("");
        let replaced = ["skill_level", "title_level", "patents", "frontline"].contains(&field);
        if !(in_front == 1 && replaced) {
            kept.push(line);
        }
        if in_front == 1 && line == "---" {
            kept.extend(facts.lines());
        }
    }
    s.write("content/craftsmen/zhang-wei.md", kept.join("\n") + "\n");
    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    s
}

fn facts_card(s: &TestSite, slug: &str) -> String {
    let html = s.read(&format!("public/craftsmen/{slug}/index.html"));
    let start = html.find("<dl>").expect("a facts list");
    let end = html[start..].find("</dl>").expect("its end") + start;
    html[start..end].to_string()
}

#[test]
fn the_facts_card_leaves_out_levels_of_none_and_patent_kinds_of_zero() {
    let s = with_facts(
        "skill_level: 无\ntitle_level: 无\npatents: { invention: 2, utility_model: 0, design: 1 }\n",
    );
    let card = facts_card(&s, "zhang-wei");
    assert!(!card.contains("技能等级"), "{card}");
    assert!(!card.contains("职称"), "{card}");
    assert!(!card.contains("0 项"), "{card}");
    assert!(card.contains("<li>发明专利 2 项</li>"), "{card}");
    assert!(card.contains("<li>外观设计专利 1 项</li>"), "{card}");
}

#[test]
fn patents_written_as_zero_read_as_none_and_left_out_read_as_nothing() {
    let zero = with_facts("patents: { invention: 0, utility_model: 0, design: 0 }\n");
    let card = facts_card(&zero, "zhang-wei");
    assert!(card.contains("<dt>专利</dt><dd>无</dd>"), "{card}");
    assert!(!card.contains("0 项"), "{card}");

    let missing = with_facts("skill_level: 技师\n");
    let card = facts_card(&missing, "zhang-wei");
    assert!(
        !card.contains("专利"),
        "not filled in: nothing to say\n{card}"
    );
    assert!(card.contains("<dt>技能等级</dt><dd>技师</dd>"), "{card}");
}

#[test]
fn each_percentage_on_the_home_page_names_the_people_it_is_of() {
    // 张伟 leaves `frontline` out; both profiles fill in patents: two different denominators.
    let s = with_facts("patents: { invention: 2, utility_model: 0, design: 0 }\n");
    let html = s.read("public/index.html");
    let start = html.find("class=\"figures\"").expect("the figures");
    let figures = &html[start..start + html[start..].find("</ul>").unwrap()];
    assert!(
        figures.contains("填写此项的 1 人中"),
        "frontline is of the 1 who filled it in\n{figures}"
    );
    assert!(
        figures.contains("填写此项的 2 人中"),
        "patents are of the 2 who filled them in\n{figures}"
    );
}
