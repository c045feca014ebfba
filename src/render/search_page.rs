//! What the search page template gets as `search`: where the index is, the filter choices,
//! example queries from the site's own skills, and the A–Z and industry links it shows
//! without JavaScript.

use crate::model::urls::with_base;
use crate::render::views::Views;
use serde_json::{json, Value};

/// The search page's data.
pub fn data(v: &Views) -> Value {
    let base = v.site.base_path.as_str();
    let people: Vec<_> = v.cards().filter(|c| c.published).collect();
    // The two most common skills (ties in the site's order), then one name three ways.
    let mut skills: Vec<(&str, usize)> = Vec::new();
    for s in people.iter().flat_map(|c| &c.skills) {
        match skills.iter_mut().find(|(k, _)| k == s) {
            Some((_, n)) => *n += 1,
            None => skills.push((s, 1)),
        }
    }
    skills.sort_by_key(|s| std::cmp::Reverse(s.1));
    let mut examples: Vec<String> = skills.iter().take(2).map(|(s, _)| s.to_string()).collect();
    if let Some(c) = people.first() {
        let initials: String = c
            .pinyin
            .split(' ')
            .filter_map(|s| s.chars().next())
            .collect();
        examples.extend([c.name.clone(), c.pinyin.replace(' ', ""), initials]);
    }
    let craftsmen = with_base(base, "/craftsmen/");
    let index = with_base(base, "/search/");
    json!({
        "index": index,
        "examples": examples.iter().map(|e| json!({
            "text": e,
            "url": format!("{index}?q={}", query_escape(e)),
        })).collect::<Vec<_>>(),
        "letters": v.letters().iter().map(|g| json!({
            "letter": g.letter,
            "url": format!("{craftsmen}#letter-{}", g.letter),
            "count": g.craftsmen.len(),
        })).collect::<Vec<_>>(),
        "industries": v.industries().iter().map(|i| json!({
            "letter": i.letter, "name": i.name, "url": i.url, "count": i.count,
        })).collect::<Vec<_>>(),
        "cohorts": v.cohorts().map(|k| json!({"year": k.year, "title": k.title})).collect::<Vec<_>>(),
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
