//! Content that looks like markup or carries odd characters: structured data stays valid JSON, and control characters reach no output file.

use crate::support::{stderr, TestSite};

/// Values that have broken script elements, JSON or XML somewhere.
const NASTY: &[&str] = &[
    "</script><script>alert(1)</script>",
    "<!-- 注释 <script>",
    "]]> 和 <![CDATA[",
    "双引号\"单引号'反斜杠\\结尾\\",
    "行分隔符\u{2028}段分隔符\u{2029}结束",
    "表情😀🧑‍🔧与 & 符号 &amp; &#x3c;",
    "制表符\t在中间",
];

/// YAML double-quoted form of `s` (escapes for `"` and `\`, `\uXXXX` for the line and paragraph separators).
fn yaml_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Every `<script type="application/ld+json">` of a page (quoted or, minified, not), parsed.
fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("application/ld+json") {
        let body = &rest[i..];
        let body = &body[body.find('>').expect("script tag not closed") + 1..];
        // Where an HTML parser ends the element: the first `</script` in any case.
        let end = body
            .to_ascii_lowercase()
            .find("</script")
            .expect("script element not closed");
        let text = &body[..end];
        out.push(
            serde_json::from_str(text)
                .unwrap_or_else(|e| panic!("JSON-LD is not valid JSON ({e}): {text}")),
        );
        rest = &body[end..];
    }
    out
}

/// The `@graph` entry of this type.
fn of_type<'a>(ld: &'a serde_json::Value, ty: &str) -> &'a serde_json::Value {
    ld["@graph"]
        .as_array()
        .and_then(|g| g.iter().find(|v| v["@type"] == ty))
        .unwrap_or_else(|| panic!("no {ty} in {ld}"))
}

fn json_ld_round_trips(minify: bool) {
    for value in NASTY {
        let s = TestSite::fixture("minimal");
        let cfg = s
            .read("content/site.yaml")
            .replace("minify: false", &format!("minify: {minify}"));
        s.write("content/site.yaml", cfg);
        s.write(
            "content/stories/first-story.md",
            format!(
                "---\ntitle: {}\ndate: 2020-05-01\ncraftsmen: [zhang-wei]\nsummary: {}\n---\n正文。\n",
                yaml_quoted(value),
                yaml_quoted(&format!("摘要{value}"))
            ),
        );
        let o = s.run(&["build"]);
        assert!(o.status.success(), "{value:?}: {}", stderr(&o));
        let html = s.read("public/stories/first-story/index.html");
        let lds = json_ld(&html);
        assert_eq!(lds.len(), 1, "{value:?}");
        let article = of_type(&lds[0], "Article");
        assert_eq!(article["headline"], *value, "minify {minify}");
        assert_eq!(article["description"], format!("摘要{value}"));
        let crumbs = of_type(&lds[0], "BreadcrumbList");
        let last = crumbs["itemListElement"]
            .as_array()
            .unwrap()
            .last()
            .unwrap();
        assert_eq!(last["name"], *value);
    }
}

#[test]
fn json_ld_round_trips_values_that_look_like_markup() {
    json_ld_round_trips(false);
}

#[test]
fn json_ld_round_trips_values_that_look_like_markup_when_minified() {
    json_ld_round_trips(true);
}
