//! Content that looks like markup or carries odd characters: structured data stays valid JSON, and control characters reach no output file.

use crate::support::{line_of, stderr, TestSite};

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

/// Every character that must not reach an output file: C0 controls but tab, line feed and
/// carriage return, DEL, and the C1 controls.
fn forbidden() -> Vec<char> {
    (0x01u32..0x20)
        .filter(|&c| !matches!(c, 0x09 | 0x0a | 0x0d))
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect()
}

/// A problem a scan of the output found.
fn control_in(path: &str, text: &str) -> Option<String> {
    let bad = |c: char| c.is_control() && !matches!(c, '\t' | '\n');
    if let Some(i) = text.find(bad) {
        let mut from = i.saturating_sub(40);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let around: String = text[from..].chars().take(50).collect();
        return Some(format!("{path}: {around:?}"));
    }
    // Numeric character references to controls (`&#11;`, `&#x1b;`) are the same characters.
    for (i, _) in text.match_indices("&#") {
        let rest = &text[i + 2..];
        let (digits, radix) = match rest.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (rest, 10),
        };
        let end = digits.find(';').unwrap_or(0);
        if let Some(c) = u32::from_str_radix(&digits[..end], radix)
            .ok()
            .and_then(char::from_u32)
        {
            if bad(c) {
                return Some(format!("{path}: reference {:?}", &text[i..i + 2 + end + 1]));
            }
        }
    }
    // JSON escapes (`\u000b`) in data files, once decoded.
    if path.ends_with(".json") {
        fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
                serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| {
                    out.push(k.clone());
                    strings(v, out)
                }),
                _ => {}
            }
        }
        let v: serde_json::Value = serde_json::from_str(text).expect(path);
        let mut all = Vec::new();
        strings(&v, &mut all);
        if let Some(s) = all.iter().find(|s| s.contains(bad)) {
            return Some(format!("{path}: JSON string {s:?}"));
        }
    }
    None
}

/// Every text file of the built site, scanned; returns what was found.
fn scan_output(site: &TestSite) -> Vec<String> {
    crate::support::tree(&site.root().join("public"))
        .into_iter()
        .filter_map(|(path, bytes)| {
            let text = String::from_utf8(bytes).ok()?;
            control_in(&path, &text)
        })
        .collect()
}

/// Control characters written into the files as they are (pasted from Word and the like), and
/// as escapes (YAML `\e`, Markdown and HTML character references): each one in a title, a field
/// and a body. The build succeeds with located warnings, and no output file holds any of them.
#[test]
fn control_characters_from_content_reach_no_output_file() {
    let s = TestSite::fixture("minimal");
    let all: String = forbidden().into_iter().flat_map(|c| [c, '字']).collect();
    let profile = s
        .read("content/craftsmen/zhang-wei.md")
        .replace("name: 张伟", &format!("name: 张{all}伟"))
        .replace("post: 数控车工", &format!("post: 数控{all}车工"))
        .replace(
            "summary: 三十年只做一件事：把零件车到微米级。",
            "summary: \"三十年\\e只做\\v一件事\\x85：把零件车到微米级。\"",
        )
        .replace(
            "## 主要事迹",
            &format!("## 主要{all}事迹\n\n正文{all}里\n\n引用&#11;和&#x1b;与&#127;及&#x85;，<b>&#x1b;粗&#x9b;体</b>"),
        )
        // Windows line ends, and one old Mac line end.
        .replace('\n', "\r\n")
        .replacen("cohort: 2018\r\n", "cohort: 2018\r", 1);
    s.write("content/craftsmen/zhang-wei.md", profile);
    let story = s
        .read("content/stories/first-story.md")
        .replace("title: 微米之间", &format!("title: 微米{all}之间"));
    s.write("content/stories/first-story.md", story);

    let o = s.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let found = scan_output(&s);
    assert!(found.is_empty(), "{found:#?}");
    let page = s.read("public/craftsmen/zhang-wei/index.html");
    assert!(
        page.contains(&format!("张{}伟", "字".repeat(forbidden().len()))),
        "the text around them is kept"
    );
    assert!(!page.contains('\r'));
    let err = stderr(&o);
    assert!(err.contains("text.control-char"), "{err}");
    assert!(err.contains("U+000B"), "{err}");
}

/// A raw control character gives a warning at its line and column, and the text is read without it.
#[test]
fn a_vertical_tab_from_word_is_a_located_warning_and_removed() {
    let s = TestSite::fixture("minimal");
    let profile = s
        .read("content/craftsmen/zhang-wei.md")
        .replace("post: 数控车工", "post: 数控\u{b}车工");
    let line = line_of(&profile, "post: 数控");
    s.write("content/craftsmen/zhang-wei.md", profile);
    let (built, diags) = s.check();
    assert!(built, "{diags:#?}");
    let d = diags
        .iter()
        .find(|d| d.code == "text.control-char")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(d.severity, gongjiang::diag::Severity::Warning);
    assert_eq!(
        (d.file.as_str(), d.line, d.column),
        (
            "content/craftsmen/zhang-wei.md",
            line,
            "post: 数控".chars().count() + 1
        )
    );
    assert!(d.message.contains("U+000B"), "{}", d.message);
    assert!(d.message.contains("已删除"), "{}", d.message);
    let o = s.run(&["build"]);
    assert!(
        s.read("public/craftsmen/zhang-wei/index.html")
            .contains("数控车工"),
        "{}",
        stderr(&o)
    );
}

/// A NUL says the file is not text (UTF-16 and binary files are full of them): an error at its place.
#[test]
fn a_nul_character_is_a_located_error() {
    let s = TestSite::fixture("minimal");
    let profile = s
        .read("content/craftsmen/zhang-wei.md")
        .replace("post: 数控车工", "post: 数控\0车工");
    let line = line_of(&profile, "post: 数控");
    s.write("content/craftsmen/zhang-wei.md", profile);
    let (built, diags) = s.check();
    assert!(!built);
    let d = diags
        .iter()
        .find(|d| d.code == "file.not-text")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!((d.line, d.column), (line, "post: 数控".chars().count() + 1));
}
