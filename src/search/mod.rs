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
pub(crate) mod encode;
pub mod layout;
pub mod postings;
pub mod query;
pub mod text;

use crate::model::site::Site;
use docs::{Docs, Kind};
use layout::{File, Limits, Version};
use rayon::prelude::*;
use serde_json::json;

/// The folder of the index in the built site.
pub const DIR: &str = crate::model::paths::SEARCH_DIR;

/// Documents whose files are made (in parallel) and handed out together.
const DOC_BATCH: usize = 1024;

/// Builds the index of a site: files with paths relative to the site root (`search/…`).
/// [`Index::new`] and [`Index::write`] make the same files without holding them all.
pub fn build(site: &Site) -> Vec<File> {
    Index::new(site).files()
}

/// Builds the index of some documents: files with paths relative to `search/`.
pub fn index(docs: &Docs) -> Vec<File> {
    index_with(docs, &Limits::default())
}

/// [`index`] with other file size limits (tests use tiny ones to exercise every file kind).
pub fn index_with(docs: &Docs, limits: &Limits) -> Vec<File> {
    Index::with(docs.clone(), limits, "").files()
}

/// A site's index, ready to be written. The postings are collected and laid out in term and
/// name shards (a fifth of the index's bytes); each document's file is made only when the
/// index is written, and handed out at once, so the files are never all in memory together.
pub struct Index<'a> {
    docs: Docs<'a>,
    /// Put before every path: `search/`, or nothing for [`index`].
    prefix: &'static str,
    /// Term shards, spilled postings and name shards, in file order.
    shards: Vec<File>,
    /// How many term shards and name shards there are.
    counts: (usize, usize),
}

impl<'a> Index<'a> {
    /// Collects the index of a site (paths relative to the site root, `search/…`).
    pub fn new(site: &'a Site) -> Index<'a> {
        Index::with(Docs::new(site), &Limits::default(), "search/")
    }

    fn with(docs: Docs<'a>, limits: &Limits, prefix: &'static str) -> Index<'a> {
        let (postings, keys) =
            postings::Postings::collect(docs.len(), |id| docs.get(id), |_, d| d.keys.clone());
        let (s, mut shards) = layout::term_files(postings.encode(), limits);
        let (ns, names) = layout::name_files(keys, limits);
        shards.extend(names);
        Index {
            docs,
            prefix,
            shards,
            counts: (s, ns),
        }
    }

    /// How many files the index has.
    pub fn len(&self) -> usize {
        self.shards.len() + self.docs.len() + 1
    }

    /// Whether it has no files (never: there is always the manifest).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The path of every file, in file order.
    pub fn paths(&self) -> Vec<String> {
        let p = self.prefix;
        let shards = self.shards.iter().map(|f| format!("{p}{}", f.path));
        let docs = (0..self.docs.len()).map(|id| format!("{p}{}", layout::doc_path(id as u32)));
        shards
            .chain(docs)
            .chain([format!("{p}index.json")])
            .collect()
    }

    /// Hands every file to `emit` (path, bytes), from several threads, and drops it; stops at
    /// the first error. Memory holds the shards and a batch of documents' files at most.
    pub fn write<E: Send>(
        self,
        emit: impl Fn(&str, Vec<u8>) -> Result<(), E> + Sync,
    ) -> Result<(), E> {
        let prefix = self.prefix;
        self.batches(|files| {
            files
                .into_par_iter()
                .try_for_each(|f| emit(&format!("{prefix}{}", f.path), f.bytes))
        })
    }

    /// Every file, in file order.
    pub fn files(self) -> Vec<File> {
        let prefix = self.prefix;
        let mut out = Vec::with_capacity(self.len());
        let done: Result<(), std::convert::Infallible> = self.batches(|files| {
            out.extend(files.into_iter().map(|f| File {
                path: format!("{prefix}{}", f.path),
                bytes: f.bytes,
            }));
            Ok(())
        });
        let Ok(()) = done;
        out
    }

    /// Hands the files out in batches, in file order (paths relative to `search/`): the
    /// shards, the documents' files, the manifest with the hash of all before it.
    fn batches<E>(self, mut each: impl FnMut(Vec<File>) -> Result<(), E>) -> Result<(), E> {
        let Index {
            docs,
            shards,
            counts,
            ..
        } = self;
        let mut version = Version::default();
        shards.iter().for_each(|f| version.add(f));
        each(shards)?;
        for start in (0..docs.len()).step_by(DOC_BATCH) {
            let end = (start + DOC_BATCH).min(docs.len());
            let files: Vec<File> = (start..end)
                .into_par_iter()
                .map(|id| layout::doc_file(id as u32, &docs.get(id)))
                .collect();
            files.iter().for_each(|f| version.add(f));
            each(files)?;
        }
        each(vec![manifest(&docs, counts, version.finish())])
    }
}

/// The manifest: counts, shard counts, labels, id ranges and the version of the other files.
fn manifest(docs: &Docs, (s, ns): (usize, usize), version: String) -> File {
    let industries: serde_json::Map<String, serde_json::Value> = (0..docs.len())
        .filter_map(|id| crate::model::industry::by_letter(docs.facets(id).industry?))
        .map(|s| (s.letter.to_string(), json!(s.name)))
        .collect();
    let manifest = json!({
        "version": version,
        "docs": docs.len(),
        "s": s,
        "ns": ns,
        "kinds": Kind::ALL.iter().map(|k| k.label()).collect::<Vec<_>>(),
        "industries": industries,
        "ranges": layout::ranges(docs),
    });
    File {
        path: "index.json".into(),
        bytes: manifest.to_string().into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::docs::{Doc, Docs, Kind, GROUPS};
    use super::layout::Limits;
    use super::query::{Engine, Filter};
    use super::text;
    use std::collections::BTreeMap;

    /// A fixed pseudo-random sequence.
    struct Seq(u64);
    impl Seq {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    const CHARS: &str = "焊接工艺精密数控车铣磨钳电气船舶上海某公司有限技师";
    const WORDS: [&str; 6] = ["cnc", "plc", "bim", "5g", "c919", "zhang"];

    fn text(seq: &mut Seq, len: usize) -> String {
        let chars: Vec<char> = CHARS.chars().collect();
        let mut s = String::new();
        for _ in 0..len {
            match seq.below(12) {
                0 => s.push('，'),
                1 => s.push_str(WORDS[seq.below(WORDS.len())]),
                _ => s.push(chars[seq.below(chars.len())]),
            }
        }
        s
    }

    /// Documents with every kind of posting: rare and common terms, lists and bitmaps.
    fn documents(n: usize) -> Vec<Doc> {
        let mut seq = Seq(0x9E37_79B9_7F4A_7C15);
        (0..n)
            .map(|i| {
                let len = 2 + seq.below(3);
                let title = text(&mut seq, len);
                let body_len = 10 + seq.below(40);
                Doc {
                    kind: if i < n * 9 / 10 {
                        Kind::Craftsman
                    } else {
                        Kind::Story
                    },
                    url: format!("/d/{i}/"),
                    keys: vec![text::key(&title)],
                    title,
                    pinyin: String::new(),
                    meta: text(&mut seq, 6),
                    body: text(&mut seq, body_len),
                    cohort: Some(2016 + (i * 10 / n) as i32),
                    industry: Some(if i % 3 == 0 { 'C' } else { 'E' }),
                    level: None,
                }
            })
            .collect()
    }

    fn brute_force(docs: &[Doc], q: &str) -> Vec<u32> {
        let terms = text::query_terms(q);
        (0..docs.len() as u32)
            .filter(|&id| {
                let d = &docs[id as usize];
                !terms.is_empty()
                    && terms
                        .iter()
                        .all(|t| (0..GROUPS).any(|g| text::contains(&d.group(g), t)))
            })
            .collect()
    }

    #[test]
    fn written_files_are_the_built_files() {
        let docs = documents(2500);
        let all = Docs::from_docs(&docs);
        let tiny = Limits {
            shard: 300,
            spill: 40,
            name_shard: 100,
        };
        let built = super::index_with(&all, &tiny);
        let index = super::Index::with(all.clone(), &tiny, "");
        let paths = index.paths();
        assert_eq!(index.len(), built.len());
        let written = std::sync::Mutex::new(BTreeMap::new());
        let done: Result<(), ()> = index.write(|path, bytes| {
            let mut w = written.lock().map_err(|_| ())?;
            assert!(w.insert(path.to_string(), bytes).is_none(), "{path} twice");
            Ok(())
        });
        assert_eq!(done, Ok(()));
        let written = written.into_inner().unwrap();
        let built_paths: Vec<String> = built.iter().map(|f| f.path.clone()).collect();
        assert_eq!(paths, built_paths, "paths in file order");
        let built: BTreeMap<String, Vec<u8>> =
            built.into_iter().map(|f| (f.path, f.bytes)).collect();
        assert_eq!(written, built);
    }

    #[test]
    fn writing_stops_at_the_first_error() {
        let docs = documents(3000);
        let index = super::Index::with(Docs::from_docs(&docs), &Limits::default(), "");
        let done = index.write(|path, _| {
            if path.starts_with("d/1/") {
                Err(path.to_string())
            } else {
                Ok(())
            }
        });
        assert!(done.is_err_and(|p| p.starts_with("d/1/")));
    }

    #[test]
    fn any_index_layout_answers_exactly() {
        let docs = documents(1200);
        let all = Docs::from_docs(&docs);
        let tiny = Limits {
            shard: 300,
            spill: 40,
            name_shard: 100,
        };
        let mut seq = Seq(42);
        let chars: Vec<char> = CHARS.chars().collect();
        let mut queries: Vec<String> = (0..120)
            .map(|_| {
                let n = 1 + seq.below(4);
                (0..n).map(|_| chars[seq.below(chars.len())]).collect()
            })
            .collect();
        queries.extend(WORDS.iter().map(|w| w.to_string()));
        queries.extend(["c", "z", "焊接 cnc", "上海某 精密"].map(String::from));
        for limits in [Limits::default(), tiny] {
            let files: BTreeMap<String, Vec<u8>> = super::index_with(&all, &limits)
                .into_iter()
                .map(|f| (f.path, f.bytes))
                .collect();
            let fetch = |p: &str| files.get(p).cloned();
            let e = Engine::open(&fetch).unwrap();
            for q in &queries {
                let a = e.search(q, &Filter::default(), usize::MAX);
                let mut got: Vec<u32> = a.hits.iter().map(|h| h.id).collect();
                got.sort_unstable();
                assert_eq!(got, brute_force(&docs, q), "{q} with {limits:?}");
                assert_eq!(a.candidates, got.len(), "{q}");
            }
        }
    }

    #[test]
    fn the_level_filter_keeps_the_documents_of_that_level() {
        const LEVELS: [&str; 3] = ["市级", "区级", "局级"];
        let mut docs = documents(900);
        for (i, d) in docs.iter_mut().enumerate() {
            if d.kind == Kind::Craftsman {
                d.level = Some(LEVELS[(i / 7) % 3]);
            }
        }
        let files: BTreeMap<String, Vec<u8>> = super::index(&Docs::from_docs(&docs))
            .into_iter()
            .map(|f| (f.path, f.bytes))
            .collect();
        let fetch = |p: &str| files.get(p).cloned();
        let e = Engine::open(&fetch).unwrap();
        for r in &e.manifest.ranges {
            assert_eq!(docs[r.0 as usize].level.unwrap_or(""), r.4, "{r:?}");
        }
        let mut stories = 0;
        let mut found = [0; 3];
        for q in ["焊", "焊接", "cnc", "上海某 精密", "技师"] {
            let all = brute_force(&docs, q);
            stories += all
                .iter()
                .filter(|&&id| docs[id as usize].kind == Kind::Story)
                .count();
            for (l, level) in LEVELS.into_iter().enumerate() {
                let f = Filter {
                    level: Some(level.into()),
                    ..Filter::default()
                };
                let a = e.search(q, &f, usize::MAX);
                let mut got: Vec<u32> = a.hits.iter().map(|h| h.id).collect();
                got.sort_unstable();
                let want: Vec<u32> = all
                    .iter()
                    .copied()
                    .filter(|&id| docs[id as usize].level == Some(level))
                    .collect();
                found[l] += want.len();
                assert_eq!(got, want, "{q} {level}");
            }
        }
        assert!(found.iter().all(|&n| n > 0), "{found:?}");
        assert!(
            stories > 0,
            "pages without a level are left out by the filter"
        );
    }

    #[test]
    fn documents_without_levels_have_ranges_of_four_items() {
        let docs = documents(200);
        let files = super::index(&Docs::from_docs(&docs));
        let manifest = files.iter().find(|f| f.path == "index.json").unwrap();
        let v: serde_json::Value = serde_json::from_slice(&manifest.bytes).unwrap();
        let ranges = v["ranges"].as_array().unwrap();
        assert!(ranges.len() > 1);
        assert!(ranges.iter().all(|r| r.as_array().unwrap().len() == 4));
    }
}
