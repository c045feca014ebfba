//! The index's files: term shards, spilled large postings, exact-name shards, one small file
//! per document, and the manifest that ties them together.
//!
//! ```text
//! search/index.json        manifest: shard counts, id ranges (kind, cohort, industry), labels
//! search/s/<i>.txt         term shard: one line per term, `term\t<g0><g1><g2>` (three sets)
//!                          or `term\t~<k>:<n>` when the postings of its n documents live in
//!                          search/x/<i>-<k>.txt
//! search/n/<i>.txt         exact-name shard: `key\t<set>`
//! search/d/<id/1000>/<id>.json   a document: url, title, readings, key facts, body text
//! ```
//! A term's shard is `hash(term) % s`, a key's `hash(key) % ns` ([`super::encode::hash`]).

use super::docs::{Doc, Docs, Kind};
use super::encode::{hash, push_set};
use super::postings::{Encoded, Fx};
use serde_json::json;
use std::collections::BTreeMap;
use std::hash::Hasher;

/// Marks a shard line whose postings were spilled to a file of their own. It must be outside
/// the encoding's alphabet (codes 48–111), or a set could be taken for a spill mark.
pub const SPILLED: char = '~';

/// How big the index's files are allowed to grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Aim for term shards of about this many bytes (before compression).
    pub shard: usize,
    /// Postings longer than this get a file of their own, so that shards stay small.
    pub spill: usize,
    /// Aim for exact-name shards of about this many bytes.
    pub name_shard: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            shard: 4 * 1024,
            spill: 1024,
            name_shard: 4 * 1024,
        }
    }
}

/// One file of the index, relative to the `search/` folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub path: String,
    pub bytes: Vec<u8>,
}

fn file(path: String, text: String) -> File {
    let mut bytes = text.into_bytes();
    // Every output file stays in memory until the build writes them all: no spare capacity.
    bytes.shrink_to_fit();
    File { path, bytes }
}

fn shard_count(total: usize, target: usize) -> usize {
    total.div_ceil(target).max(1)
}

/// Term shards and spilled postings; returns the shard count too.
pub fn term_files(terms: Vec<Encoded>, limits: &Limits) -> (usize, Vec<File>) {
    let inline: usize = terms
        .iter()
        .filter(|e| e.data.len() <= limits.spill)
        .map(|e| e.term.len() + e.data.len() + 2)
        .sum();
    let s = shard_count(inline, limits.shard);
    let mut shards: Vec<String> = vec![String::new(); s];
    let mut spilled: Vec<usize> = vec![0; s];
    let mut files = Vec::new();
    for e in terms {
        let i = hash(&e.term) as usize % s;
        let shard = &mut shards[i];
        shard.push_str(&e.term);
        shard.push('\t');
        if e.data.len() > limits.spill {
            let k = spilled[i];
            spilled[i] += 1;
            shard.push_str(&format!("{SPILLED}{k}:{}", e.docs));
            files.push(file(format!("x/{i}-{k}.txt"), e.data));
        } else {
            shard.push_str(&e.data);
        }
        shard.push('\n');
    }
    for (i, text) in shards.into_iter().enumerate() {
        files.push(file(format!("s/{i}.txt"), text));
    }
    (s, files)
}

/// Exact-name shards from each document's keys (in id order); returns the shard count too.
pub fn name_files(doc_keys: Vec<Vec<String>>, limits: &Limits) -> (usize, Vec<File>) {
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, ks) in doc_keys.into_iter().enumerate() {
        for k in ks.into_iter().filter(|k| !k.is_empty()) {
            keys.entry(k).or_default().push(id as u32);
        }
    }
    let total: usize = keys
        .iter()
        .map(|(k, ids)| k.len() + 2 * ids.len() + 2)
        .sum();
    let ns = shard_count(total, limits.name_shard);
    let mut shards: Vec<String> = vec![String::new(); ns];
    for (k, ids) in keys {
        let shard = &mut shards[hash(&k) as usize % ns];
        shard.push_str(&k);
        shard.push('\t');
        push_set(shard, &ids);
        shard.push('\n');
    }
    let files = shards
        .into_iter()
        .enumerate()
        .map(|(i, text)| file(format!("n/{i}.txt"), text))
        .collect();
    (ns, files)
}

/// Where a document's file is.
pub fn doc_path(id: u32) -> String {
    format!("d/{}/{id}.json", id / 1000)
}

/// A document's file: what a result shows and what a phrase is checked against.
pub fn doc_file(id: u32, d: &Doc) -> File {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        u: &'a str,
        t: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        p: &'a str,
        m: &'a str,
        b: &'a str,
    }
    let out = Out {
        u: &d.url,
        t: &d.title,
        p: &d.pinyin,
        m: &d.meta,
        b: &d.body,
    };
    file(
        doc_path(id),
        serde_json::to_string(&out).unwrap_or_default(),
    )
}

/// Consecutive ids with the same kind, cohort and industry: `[first id, kind, cohort or 0,
/// industry letter or ""]`. Filters and result labels read these instead of per-document data.
pub fn ranges(docs: &Docs) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    let mut last = None;
    for id in 0..docs.len() {
        let (kind, cohort, industry) = docs.facets(id);
        if last != Some((kind, cohort, industry)) {
            let k = Kind::ALL.iter().position(|x| *x == kind).unwrap_or(0);
            let letter = industry.map(String::from).unwrap_or_default();
            out.push(json!([id, k, cohort.unwrap_or(0), letter]));
            last = Some((kind, cohort, industry));
        }
    }
    out
}

/// A content hash of the files (paths, lengths, and eight bytes at a time), to tell browsers'
/// caches one build from another.
pub fn version(files: &[File]) -> String {
    let mut h = Fx::default();
    for f in files {
        h.write(f.path.as_bytes());
        h.write_u64(f.bytes.len() as u64);
        let mut chunks = f.bytes.chunks_exact(8);
        for c in &mut chunks {
            h.write_u64(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        h.write(chunks.remainder());
    }
    format!("{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_never_looks_like_a_spilled_entry() {
        assert!(!(48..112).contains(&(SPILLED as u32)));
        // Eight documents: the list's head is 16, written `@`.
        let mut s = String::new();
        push_set(&mut s, &[0, 10, 20, 30, 40, 50, 60, 70]);
        assert!(s.starts_with('@'));
        let one = Encoded {
            term: "ct".into(),
            data: s.clone() + "00",
            docs: 8,
        };
        let (n, files) = term_files(vec![one], &Limits::default());
        assert_eq!(n, 1);
        let shard = String::from_utf8(files[0].bytes.clone()).unwrap();
        assert_eq!(shard, format!("ct\t{s}00\n"));
        let fetch = |p: &str| {
            (p == "index.json")
                .then(|| {
                    br#"{"docs":71,"s":1,"ns":1,"kinds":[],"industries":{},"ranges":[]}"#.to_vec()
                })
                .or_else(|| (p == "s/0.txt").then(|| shard.clone().into_bytes()))
        };
        let e = crate::search::query::Engine::open(&fetch).unwrap();
        let entry = e.entry("ct");
        assert_eq!(e.postings(&entry)[0].len(), 8);
    }
}
