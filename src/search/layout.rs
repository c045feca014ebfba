//! The index's files: term shards, spilled large postings, exact-name shards, one small file
//! per document, and the manifest that ties them together.
//!
//! ```text
//! search/index.json        manifest: shard counts, id ranges (kind, cohort, industry), labels
//! search/s/<i>.txt         term shard: one line per term, `term\t<g0><g1><g2>` (three sets)
//!                          or `term\t@<k>` when the postings live in search/x/<i>-<k>.txt
//! search/n/<i>.txt         exact-name shard: `key\t<set>`
//! search/d/<id/1000>/<id>.json   a document: url, title, readings, key facts, body text
//! ```
//! A term's shard is `hash(term) % s`, a key's `hash(key) % ns` ([`super::encode::hash`]).

use super::docs::{Doc, Kind, GROUPS};
use super::encode::{hash, push_set};
use serde_json::json;
use std::collections::BTreeMap;

/// Aim for term shards of about this many bytes (before compression).
pub const SHARD_TARGET: usize = 12 * 1024;
/// Postings longer than this get a file of their own, so that shards stay small.
pub const SPILL: usize = 2 * 1024;
/// Aim for exact-name shards of about this many bytes.
pub const NAME_SHARD_TARGET: usize = 4 * 1024;

/// One file of the index, relative to the `search/` folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub path: String,
    pub bytes: Vec<u8>,
}

fn file(path: String, text: String) -> File {
    File {
        path,
        bytes: text.into_bytes(),
    }
}

fn shard_count(total: usize, target: usize) -> usize {
    total.div_ceil(target).max(1)
}

/// Term shards and spilled postings; returns the shard count too.
pub fn term_files(terms: Vec<(String, [Vec<u32>; GROUPS])>) -> (usize, Vec<File>) {
    let mut lines: Vec<(String, String)> = Vec::with_capacity(terms.len());
    for (term, groups) in terms {
        let mut data = String::new();
        for ids in &groups {
            push_set(&mut data, ids);
        }
        lines.push((term, data));
    }
    let inline: usize = lines
        .iter()
        .filter(|(_, d)| d.len() <= SPILL)
        .map(|(t, d)| t.len() + d.len() + 2)
        .sum();
    let s = shard_count(inline, SHARD_TARGET);
    let mut shards: Vec<String> = vec![String::new(); s];
    let mut spilled: Vec<usize> = vec![0; s];
    let mut files = Vec::new();
    for (term, data) in lines {
        let i = hash(&term) as usize % s;
        let shard = &mut shards[i];
        shard.push_str(&term);
        shard.push('\t');
        if data.len() > SPILL {
            let k = spilled[i];
            spilled[i] += 1;
            shard.push_str(&format!("@{k}"));
            files.push(file(format!("x/{i}-{k}.txt"), data));
        } else {
            shard.push_str(&data);
        }
        shard.push('\n');
    }
    for (i, text) in shards.into_iter().enumerate() {
        files.push(file(format!("s/{i}.txt"), text));
    }
    (s, files)
}

/// Exact-name shards; returns the shard count too.
pub fn name_files(docs: &[Doc]) -> (usize, Vec<File>) {
    let mut keys: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (id, d) in docs.iter().enumerate() {
        for k in d.keys.iter().filter(|k| !k.is_empty()) {
            keys.entry(k.as_str()).or_default().push(id as u32);
        }
    }
    let total: usize = keys
        .iter()
        .map(|(k, ids)| k.len() + 2 * ids.len() + 2)
        .sum();
    let ns = shard_count(total, NAME_SHARD_TARGET);
    let mut shards: Vec<String> = vec![String::new(); ns];
    for (k, ids) in keys {
        let shard = &mut shards[hash(k) as usize % ns];
        shard.push_str(k);
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

/// One file per document: what a result shows and what a phrase is checked against.
pub fn doc_files(docs: &[Doc]) -> Vec<File> {
    docs.iter()
        .enumerate()
        .map(|(id, d)| {
            let mut v = json!({ "u": d.url, "t": d.title, "m": d.meta, "b": d.body });
            if !d.pinyin.is_empty() {
                v["p"] = json!(d.pinyin);
            }
            file(doc_path(id as u32), v.to_string())
        })
        .collect()
}

/// Consecutive ids with the same kind, cohort and industry: `[first id, kind, cohort or 0,
/// industry letter or ""]`. Filters and result labels read these instead of per-document data.
pub fn ranges(docs: &[Doc]) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    let mut last = None;
    for (id, d) in docs.iter().enumerate() {
        let key = (d.kind, d.cohort, d.industry);
        if last != Some(key) {
            let kind = Kind::ALL.iter().position(|k| *k == d.kind).unwrap_or(0);
            let industry = d.industry.map(String::from).unwrap_or_default();
            out.push(json!([id, kind, d.cohort.unwrap_or(0), industry]));
            last = Some(key);
        }
    }
    out
}

/// A content hash of the files, to tell browsers' caches one build from another.
pub fn version(files: &[File]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        for b in f.path.bytes().chain([0]).chain(f.bytes.iter().copied()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}
