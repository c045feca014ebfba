//! What the search page template gets as `search`: where the index is, the filter choices,
//! example queries from the site's own skills, and the A–Z and industry links it shows
//! without JavaScript.

use crate::render::views::{with_base, Views};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The search page's data.
pub fn data(v: &Views) -> Value {
    let base = v.site.base_path.as_str();
    let mut skills: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &v.craftsmen {
        for s in &c.card.skills {
            *skills.entry(s.as_str()).or_default() += 1;
        }
    }
    let mut examples: Vec<(&str, usize)> = skills.into_iter().collect();
    examples.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut examples: Vec<String> = examples
        .into_iter()
        .take(4)
        .map(|(s, _)| s.to_string())
        .collect();
    if let Some(c) = v.craftsmen.iter().find(|c| c.card.published) {
        examples.push(c.card.name.clone());
        examples.push(c.card.pinyin.replace(' ', ""));
    }
    let craftsmen = with_base(base, "/craftsmen/");
    let index = with_base(base, "/search/");
    json!({
        "index": index,
        "examples": examples.iter().map(|e| json!({
            "text": e,
            "url": format!("{index}?q={}", query_escape(e)),
        })).collect::<Vec<_>>(),
        "letters": v.letters.iter().map(|g| json!({
            "letter": g.letter,
            "url": format!("{craftsmen}#letter-{}", g.letter),
            "count": g.craftsmen.len(),
        })).collect::<Vec<_>>(),
        "industries": v.industries.iter().map(|i| json!({
            "letter": i.letter, "name": i.name, "url": i.url, "count": i.count,
        })).collect::<Vec<_>>(),
        "cohorts": v.cohorts.iter().map(|k| json!({"year": k.year, "title": k.title})).collect::<Vec<_>>(),
    })
}

/// Percent-encodes a query value (UTF-8 bytes; letters, digits and `-._~` stay).
pub fn query_escape(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn queries_are_percent_encoded() {
        assert_eq!(
            super::query_escape("焊接 a&b"),
            "%E7%84%8A%E6%8E%A5%20a%26b"
        );
    }
}
