//! JSON inside HTML: the one function that writes it, valid JSON for any value and unable to end its script element.

use serde::Serialize;

/// `value` as JSON for the content of a `<script>` element (the JSON-LD of every page, and any
/// inline data a template is given). Besides what JSON itself escapes, `<`, `>` and `&` become
/// `\u003c`, `\u003e`, `\u0026`, U+2028/U+2029 become `\u2028`/`\u2029`, and DEL and the C1
/// controls (which JSON allows raw) become `\u007f`…`\u009f`: only valid JSON escapes, so the text
/// parses back to the same value, while no `</script`, `<!--`, `-->` or `]]>` can appear in it,
/// no old JavaScript parser sees a line break inside a string, and no control character stands
/// in the HTML.
pub fn script_json<T: Serialize + ?Sized>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".to_string());
    // These characters can only stand inside JSON strings, where a `\u` escape means the same.
    if !json.contains(needs_escape) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// Characters written as `\u` escapes in script JSON (JSON already escapes the C0 controls).
fn needs_escape(c: char) -> bool {
    matches!(
        c,
        '<' | '>' | '&' | '\u{2028}' | '\u{2029}' | '\u{7f}'..='\u{9f}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn any_value_parses_back_and_cannot_end_the_script() {
        let controls: String = (0u32..0x20)
            .chain(0x7f..0xa0)
            .filter_map(char::from_u32)
            .collect();
        let values = [
            "</script><script>alert(1)</script>",
            "</SCRIPT >",
            "<!-- 注释 --> <!--",
            "]]> <![CDATA[",
            "\"引号\" '单引号' \\反斜杠\\ \\u003c",
            "行\u{2028}段\u{2029}",
            "😀🧑‍🔧 & &amp; &#x3c;",
            controls.as_str(),
        ];
        for v in values {
            let doc = json!({ "name": v, "list": [v, {"k": v}] });
            let s = script_json(&doc);
            for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
                assert!(!s.contains(bad), "{bad:?} in {s}");
            }
            assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
            let back: Value = serde_json::from_str(&s).unwrap();
            assert_eq!(back, doc);
        }
    }

    #[test]
    fn plain_values_are_written_as_serde_writes_them() {
        let doc = json!({"name": "张伟", "n": 3});
        assert_eq!(script_json(&doc), serde_json::to_string(&doc).unwrap());
    }
}
