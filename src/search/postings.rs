//! Collecting postings: for every index term, which documents hold it in which field group.
//!
//! Terms are packed into a `u64` while collecting (a character, a character pair, or an ASCII
//! prefix of up to [`MAX_PREFIX`] letters in base 37), and each term's postings are kept as
//! compact records, `varint(gap * 8 + group mask)`, in document order: memory stays close to
//! the size of the finished index.

use super::docs::{Doc, GROUPS};
use super::text::{runs, MAX_PREFIX};
use std::collections::HashMap;

const BIGRAM: u64 = 1 << 42;
const ASCII: u64 = 1 << 63;

fn ascii_digit(c: char) -> u64 {
    match c {
        'a'..='z' => c as u64 - 'a' as u64 + 1,
        _ => c as u64 - '0' as u64 + 27,
    }
}

/// The term a packed key stands for.
pub fn term_of(key: u64) -> String {
    if key & ASCII != 0 {
        let mut v = key & !ASCII;
        let mut s = String::new();
        while v > 0 {
            let d = (v % 37) as u8;
            s.push(if d <= 26 {
                char::from(b'a' + d - 1)
            } else {
                char::from(b'0' + d - 27)
            });
            v /= 37;
        }
        return s;
    }
    let c = |v: u64| char::from_u32(v as u32).unwrap_or('\u{FFFD}');
    if key & BIGRAM != 0 {
        [c((key >> 21) & 0x1F_FFFF), c(key & 0x1F_FFFF)]
            .iter()
            .collect()
    } else {
        c(key).to_string()
    }
}

/// Calls `f` with the key of every index term of a text.
fn terms_of(text: &str, f: &mut impl FnMut(u64)) {
    for run in runs(text) {
        if run.ascii {
            let (mut v, mut scale) = (0u64, 1u64);
            for &c in run.chars.iter().take(MAX_PREFIX) {
                v += ascii_digit(c) * scale;
                scale *= 37;
                f(ASCII | v);
            }
            continue;
        }
        for (i, &c) in run.chars.iter().enumerate() {
            f(c as u64);
            if let Some(&d) = run.chars.get(i + 1) {
                f(BIGRAM | (c as u64) << 21 | d as u64);
            }
        }
    }
}

#[derive(Default)]
struct Acc {
    next: u32,
    records: Vec<u8>,
}

fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 128 {
        out.push((n as u8 & 127) | 128);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_varint(bytes: &[u8], pos: &mut usize) -> u64 {
    let (mut n, mut shift) = (0u64, 0);
    while let Some(&b) = bytes.get(*pos) {
        *pos += 1;
        n |= u64::from(b & 127) << shift;
        if b < 128 {
            break;
        }
        shift += 7;
    }
    n
}

/// Postings of every term, collected document by document (ids must ascend).
#[derive(Default)]
pub struct Postings {
    terms: HashMap<u64, Acc>,
    doc_terms: HashMap<u64, u8>,
}

impl Postings {
    /// Adds one document's terms.
    pub fn add(&mut self, id: u32, doc: &Doc) {
        self.doc_terms.clear();
        for g in 0..GROUPS {
            let bit = 1u8 << g;
            terms_of(&doc.group(g), &mut |k| {
                *self.doc_terms.entry(k).or_default() |= bit;
            });
        }
        for (&k, &mask) in &self.doc_terms {
            let acc = self.terms.entry(k).or_default();
            push_varint(
                &mut acc.records,
                u64::from(id - acc.next) * 8 + u64::from(mask),
            );
            acc.next = id + 1;
        }
    }

    /// Every term with its documents per field group, sorted by term.
    pub fn finish(self) -> Vec<(String, [Vec<u32>; GROUPS])> {
        let mut out: Vec<(String, [Vec<u32>; GROUPS])> = self
            .terms
            .into_iter()
            .map(|(k, acc)| (term_of(k), groups(&acc.records)))
            .collect();
        out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        out
    }
}

fn groups(records: &[u8]) -> [Vec<u32>; GROUPS] {
    let mut out: [Vec<u32>; GROUPS] = Default::default();
    let (mut pos, mut next) = (0usize, 0u64);
    while pos < records.len() {
        let r = read_varint(records, &mut pos);
        let id = next + (r >> 3);
        for (g, ids) in out.iter_mut().enumerate() {
            if r & (1 << g) != 0 {
                ids.push(id as u32);
            }
        }
        next = id + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::docs::Kind;

    fn doc(title: &str, pinyin: &str, body: &str) -> Doc {
        Doc {
            kind: Kind::Craftsman,
            url: String::new(),
            title: title.into(),
            pinyin: pinyin.into(),
            meta: String::new(),
            body: body.into(),
            cohort: None,
            industry: None,
            keys: Vec::new(),
        }
    }

    #[test]
    fn keys_name_their_terms() {
        let mut seen = Vec::new();
        terms_of("焊接 Zw9", &mut |k| seen.push(term_of(k)));
        assert_eq!(seen, ["焊", "焊接", "接", "z", "zw", "zw9"]);
    }

    #[test]
    fn long_words_stop_at_the_prefix_limit() {
        let mut seen = Vec::new();
        terms_of("abcdefghijklmnopq", &mut |k| seen.push(term_of(k)));
        assert_eq!(seen.len(), MAX_PREFIX);
        assert_eq!(seen.last().map(String::as_str), Some("abcdefghijkl"));
    }

    #[test]
    fn postings_record_groups_per_document() {
        let mut p = Postings::default();
        p.add(0, &doc("张伟", "zhang wei zhangwei zw", "焊接"));
        p.add(3, &doc("李娜", "li na lina ln", "张伟是焊工"));
        p.add(300, &doc("焊接", "", "焊接"));
        let all = p.finish();
        let get = |t: &str| all.iter().find(|(k, _)| k == t).map(|(_, g)| g.clone());
        assert_eq!(get("张伟"), Some([vec![0], vec![], vec![3]]));
        assert_eq!(get("焊接"), Some([vec![300], vec![], vec![0, 300]]));
        assert_eq!(get("zw"), Some([vec![0], vec![], vec![]]));
        assert_eq!(get("zhangw"), Some([vec![0], vec![], vec![]]));
        assert!(get("是焊").is_some());
        assert!(all.windows(2).all(|w| w[0].0 < w[1].0), "sorted by term");
    }
}
