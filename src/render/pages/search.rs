//! The search page (`/search/`): where the index is, the filter choices (级别 only on a site with unions), example queries from the site's own skills, and the A–Z and industry links it shows without JavaScript.

use super::industries::IndustryCount;
use super::meta::{Ctx, PageMeta};
use crate::model::urls::with_base;
use crate::render::views::Views;
use serde::Serialize;
use serde_json::json;

/// What the search page gets as `search`.
#[derive(Serialize)]
pub(super) struct SearchData<'a> {
    /// The search page's URL (with the base path); the index files are below it.
    pub index: String,
    /// Example queries, each with the URL that runs it.
    pub examples: Vec<Example>,
    /// The A–Z index's letters, each with the URL of its group and how many it has.
    pub letters: Vec<LetterLink>,
    pub industries: Vec<IndustryCount<'a>>,
    pub cohorts: Vec<CohortChoice<'a>>,
    /// The levels some craftsman counts at, highest first; none on a site without unions (the
    /// page then has no level filter).
    pub levels: Vec<&'static str>,
}

/// An example query and the URL that runs it.
#[derive(Serialize)]
pub(super) struct Example {
    pub text: String,
    pub url: String,
}

/// A letter of the A–Z index, linked on its first page.
#[derive(Serialize)]
pub(super) struct LetterLink {
    pub letter: char,
    pub url: String,
    pub count: usize,
}

/// A cohort as the search filter offers it.
#[derive(Serialize)]
pub(super) struct CohortChoice<'a> {
    pub year: i32,
    pub title: &'a str,
}

/// The search page.
pub(super) fn page<'a>(c: &Ctx<'a>) -> (PageMeta, SearchData<'a>) {
    let ld = json!({"@type": "SearchResultsPage", "name": "搜索"});
    let meta = c.meta("search", "搜索", c.crumbs(&[("搜索", c.url)]), ld);
    (meta, data(c.v))
}

/// The search page's data.
fn data(v: &Views) -> SearchData<'_> {
    let base = v.site.base_path.as_str();
    let craftsmen = with_base(base, "/craftsmen/");
    let index = with_base(base, "/search/");
    let examples = examples(v)
        .into_iter()
        .map(|text| Example {
            url: format!("{index}?q={}", query_escape(&text)),
            text,
        })
        .collect();
    let letters = v.letters().iter().map(|g| LetterLink {
        letter: g.letter,
        url: format!("{craftsmen}#letter-{}", g.letter),
        count: g.craftsmen.len(),
    });
    let cohorts = v.cohorts().map(|k| CohortChoice {
        year: k.year,
        title: &k.title,
    });
    SearchData {
        index,
        examples,
        letters: letters.collect(),
        industries: v.industries().iter().map(IndustryCount::of).collect(),
        cohorts: cohorts.collect(),
        levels: crate::search::docs::levels(v.model()),
    }
}

/// The two most common skills of published profiles (ties in the site's order), then the first
/// published profile's name three ways: in characters, in pinyin, and its pinyin initials.
fn examples(v: &Views) -> Vec<String> {
    let people: Vec<_> = v.cards().filter(|c| c.published).collect();
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
    examples
}

/// Percent-encodes a query value (UTF-8 bytes; letters, digits and `-._~` stay).
pub(super) fn query_escape(s: &str) -> String {
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
