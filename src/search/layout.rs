//! The index's files: term shards, spilled large postings, exact-name shards, one small file
//! per document, and the manifest that ties them together.
//!
//! ```text
//! search/index.json        manifest: shard counts, id ranges (kind, cohort, industry, and
//!                          level on a site with unions), labels
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

fn file(path: String, text: impl Into<Vec<u8>>) -> File {
    let mut bytes = text.into();
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
    let mut shards: Vec<Vec<u8>> = vec![Vec::new(); s];
    let mut spilled: Vec<usize> = vec![0; s];
    let mut files = Vec::new();
    for e in terms {
        let i = hash(&e.term) as usize % s;
        let shard = &mut shards[i];
        shard.extend_from_slice(e.term.as_bytes());
        shard.push(b'\t');
        if e.data.len() > limits.spill {
            let k = spilled[i];
            spilled[i] += 1;
            shard.extend_from_slice(format!("{SPILLED}{k}:{}", e.docs).as_bytes());
            files.push(file(format!("x/{i}-{k}.txt"), e.data));
        } else {
            shard.extend_from_slice(&e.data);
        }
        shard.push(b'\n');
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
    let mut shards: Vec<Vec<u8>> = vec![Vec::new(); ns];
    for (k, ids) in keys {
        let shard = &mut shards[hash(&k) as usize % ns];
        shard.extend_from_slice(k.as_bytes());
        shard.push(b'\t');
        push_set(shard, &ids);
        shard.push(b'\n');
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
    let mut out = Vec::with_capacity(d.body.len() + d.meta.len() + d.url.len() + 64);
    let fields = [
        ("u", &d.url),
        ("t", &d.title),
        ("p", &d.pinyin),
        ("m", &d.meta),
        ("b", &d.body),
    ];
    out.push(b'{');
    for (key, value) in fields {
        if key == "p" && value.is_empty() {
            continue;
        }
        if out.len() > 1 {
            out.push(b',');
        }
        json_str(&mut out, key);
        out.push(b':');
        json_str(&mut out, value);
    }
    out.push(b'}');
    file(doc_path(id), out)
}

/// Whether any of eight bytes is a control character, `"` or `\\` (word-at-a-time tests).
fn needs_escape(word: u64) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let control = word.wrapping_sub(LO * 0x20) & !word & HI;
    control | zero(word ^ (LO * 0x22)) | zero(word ^ (LO * 0x5C)) != 0
}

/// Appends a JSON string; a lean writer, as the document files hold the whole site's text.
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if !needs_escape(word) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        i += 1;
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        let at = i - 1;
        out.extend_from_slice(&bytes[start..at]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => out.extend_from_slice(format!("\\u{b:04x}").as_bytes()),
        }
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Consecutive ids with the same kind, cohort, industry and level: `[first id, kind, cohort or
/// 0, industry letter or ""]`, and on a site with unions a fifth item, the level (`市级`, `区级`,
/// `局级`, or `""` for a page that is not a craftsman's). Filters and result labels read these
/// instead of per-document data.
pub fn ranges(docs: &Docs) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    let mut last = None;
    for id in 0..docs.len() {
        let f = docs.facets(id);
        if last != Some(f) {
            let k = Kind::ALL.iter().position(|x| *x == f.kind).unwrap_or(0);
            let letter = f.industry.map(String::from).unwrap_or_default();
            let mut range = vec![
                json!(id),
                json!(k),
                json!(f.cohort.unwrap_or(0)),
                json!(letter),
            ];
            if docs.has_levels() {
                range.push(json!(f.level.unwrap_or("")));
            }
            out.push(serde_json::Value::Array(range));
            last = Some(f);
        }
    }
    out
}

/// A content hash of files (paths, lengths, and eight bytes at a time), to tell browsers'
/// caches one build from another; fed one file at a time, in the index's file order.
#[derive(Default)]
pub struct Version(Fx);

impl Version {
    pub fn add(&mut self, f: &File) {
        let h = &mut self.0;
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

    pub fn finish(&self) -> String {
        format!("{:016x}", self.0.finish())
    }
}

/// The [`Version`] of some files, in order.
pub fn version(files: &[File]) -> String {
    let mut v = Version::default();
    for f in files {
        v.add(f);
    }
    v.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_finds_every_special_byte() {
        for text in [
            "",
            "a",
            "焊接工艺\"",
            "12345678\\",
            "\u{1f}焊接焊接焊接",
            "abcdefgh\n",
            "\"\"\"\"\"\"\"\"\"",
            "焊接焊接焊接焊接~",
        ] {
            let mut out = Vec::new();
            json_str(&mut out, text);
            let back: String = serde_json::from_slice(&out).unwrap();
            assert_eq!(back, text);
        }
        assert!(!needs_escape(u64::from_le_bytes(*b"abc~\x7f{}!")));
        assert!(needs_escape(u64::from_le_bytes(*b"abc\"defg")));
        assert!(needs_escape(u64::from_le_bytes(*b"\x00bcdefgh")));
    }

    #[test]
    fn document_files_are_json() {
        let d = Doc {
            kind: Kind::Story,
            url: "/s/".into(),
            title: "“引号”\"和\\".into(),
            pinyin: String::new(),
            meta: "行一\n行二\t\u{1}".into(),
            body: "焊接</script>".into(),
            cohort: None,
            industry: None,
            level: None,
            keys: Vec::new(),
        };
        let f = doc_file(1234, &d);
        assert_eq!(f.path, "d/1/1234.json");
        let v: serde_json::Value = serde_json::from_slice(&f.bytes).unwrap();
        assert_eq!(v["t"], d.title.as_str());
        assert_eq!(v["m"], d.meta.as_str());
        assert_eq!(v["b"], d.body.as_str());
        assert!(v.get("p").is_none());
    }

    #[test]
    fn a_set_never_looks_like_a_spilled_entry() {
        assert!(!(48..112).contains(&(SPILLED as u32)));
        // Eight documents: the list's head is 16, written `@`.
        let mut s = Vec::new();
        push_set(&mut s, &[0, 10, 20, 30, 40, 50, 60, 70]);
        assert_eq!(s[0], b'@');
        let s = String::from_utf8(s).unwrap();
        let one = Encoded {
            term: "ct".into(),
            data: (s.clone() + "00").into_bytes(),
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
