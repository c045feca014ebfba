//! Site search: the site model → a static index under `search/` that the search page's script
//! queries in the browser, downloading only the few small files a query needs.
//!
//! Chinese has no spaces between words, so wide text is indexed by its characters and
//! character pairs (bigrams), ASCII by word prefixes, each with the field groups it occurs in
//! ([`docs`]); craftsmen are also found by the pinyin of their names and its initials. A
//! query of one or two characters is answered exactly by the postings; a longer one is
//! answered by intersecting its bigrams and confirming each candidate against the document's
//! stored text, so results are exactly the documents containing the query ([`query`]).
//!
//! The pieces: [`text`] (the matching rules, shared with the script), [`docs`] (what is
//! indexed), [`postings`] (collecting), [`encode`] (the text encoding), [`layout`] (the
//! files), [`query`] (a query engine that mirrors the script, for tests and the benchmark),
//! [`page`] (what the search page template gets).

pub mod docs;
pub mod encode;
pub mod layout;
pub mod page;
pub mod postings;
pub mod query;
pub mod text;

use crate::model::site::Site;
use docs::{Docs, Kind};
use layout::{File, Limits};
use serde_json::json;

/// The folder of the index in the built site.
pub const DIR: &str = "search";

/// Builds the index of a site: files with paths relative to the site root (`search/…`).
pub fn build(site: &Site) -> Vec<File> {
    index(&Docs::new(site))
        .into_iter()
        .map(|f| File {
            path: format!("{DIR}/{}", f.path),
            bytes: f.bytes,
        })
        .collect()
}

/// Builds the index of some documents: files with paths relative to `search/`.
pub fn index(docs: &Docs) -> Vec<File> {
    index_with(docs, &Limits::default())
}

/// [`index`] with other file size limits (tests use tiny ones to exercise every file kind).
pub fn index_with(docs: &Docs, limits: &Limits) -> Vec<File> {
    let postings = postings::Postings::collect(docs.len(), |id| docs.get(id));
    let (s, mut files) = layout::term_files(postings.encode(), limits);
    let (ns, names) = layout::name_files(docs, limits);
    files.extend(names);
    files.extend(layout::doc_files(docs));
    let industries: serde_json::Map<String, serde_json::Value> = (0..docs.len())
        .filter_map(|id| crate::model::industry::by_letter(docs.facets(id).2?))
        .map(|s| (s.letter.to_string(), json!(s.name)))
        .collect();
    let manifest = json!({
        "version": layout::version(&files),
        "docs": docs.len(),
        "s": s,
        "ns": ns,
        "kinds": Kind::ALL.iter().map(|k| k.label()).collect::<Vec<_>>(),
        "industries": industries,
        "ranges": layout::ranges(docs),
    });
    files.push(File {
        path: "index.json".into(),
        bytes: manifest.to_string().into_bytes(),
    });
    files
}
