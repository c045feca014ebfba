//! Collecting postings: for every index term, which documents hold it in which field group.
//!
//! Terms are packed into a `u64` while collecting (a character, a character pair, or an ASCII
//! prefix of up to [`MAX_PREFIX`] letters in base 37), and each term's postings are kept as
//! compact records, `varint(gap * 8 + group mask)`, in document order: memory stays close to
//! the size of the finished index.

use super::docs::{Doc, GROUPS};
use super::encode::push_set;
use super::text::{class, norm, Class, MAX_PREFIX};
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// Calls `f` with the key of every index term of a text, in one pass without allocating:
/// each wide character, each pair of adjacent wide characters, each prefix of an ASCII word.
#[inline(always)]
fn terms_of(text: &str, f: &mut impl FnMut(u64)) {
    let mut prev: Option<char> = None;
    let (mut word, mut scale, mut len) = (0u64, 1u64, 0usize);
    for c in text.chars().map(norm) {
        match class(c) {
            Class::Wide => {
                len = 0;
                f(c as u64);
                if let Some(p) = prev {
                    f(BIGRAM | (p as u64) << 21 | c as u64);
                }
                prev = Some(c);
            }
            Class::Ascii => {
                prev = None;
                if len == 0 {
                    (word, scale) = (0, 1);
                }
                if len < MAX_PREFIX {
                    word += ascii_digit(c) * scale;
                    scale = scale.wrapping_mul(37);
                    f(ASCII | word);
                }
                len += 1;
            }
            Class::Separator => {
                prev = None;
                len = 0;
            }
        }
    }
}

/// FxHash (as in rustc): one multiply per word, and a final fold of the high bits.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        // The product's low bits depend only on the key's low bits (for a bigram, on its
        // second character alone); fold the well-mixed high bits down for the table index.
        self.0 ^ (self.0 >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

#[derive(Default)]
struct Acc {
    next: u32,
    /// Where the last record starts, while documents are being added.
    last: u32,
    records: Records,
}

/// A term's records: most terms have a few bytes of them, kept inline to spare the allocator.
enum Records {
    Inline(u8, [u8; 22]),
    Heap(Vec<u8>),
}

impl Default for Records {
    fn default() -> Self {
        Records::Inline(0, [0; 22])
    }
}

impl Records {
    fn as_slice(&self) -> &[u8] {
        match self {
            Records::Inline(n, b) => &b[..*n as usize],
            Records::Heap(v) => v,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [u8] {
        match self {
            Records::Inline(n, b) => &mut b[..*n as usize],
            Records::Heap(v) => v,
        }
    }

    fn len(&self) -> usize {
        self.as_slice().len()
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn extend(&mut self, bytes: &[u8]) {
        match self {
            Records::Inline(n, b) if *n as usize + bytes.len() <= b.len() => {
                b[*n as usize..*n as usize + bytes.len()].copy_from_slice(bytes);
                *n += bytes.len() as u8;
            }
            Records::Inline(n, b) => {
                let mut v = Vec::with_capacity(64.max(*n as usize + bytes.len()));
                v.extend_from_slice(&b[..*n as usize]);
                v.extend_from_slice(bytes);
                *self = Records::Heap(v);
            }
            Records::Heap(v) => {
                // Grow by a quarter, not double: the records of every term are most of the
                // index's heap, and doubling would leave a quarter of it unused on average.
                if v.capacity() - v.len() < bytes.len() {
                    v.reserve_exact(bytes.len().max(v.len() / 4));
                }
                v.extend_from_slice(bytes);
            }
        }
    }
}

#[inline(always)]
fn push_varint(out: &mut Records, mut n: u64) {
    if n < 128 {
        // The usual case: a small gap.
        match out {
            Records::Inline(len, b) if (*len as usize) < b.len() => {
                b[*len as usize] = n as u8;
                *len += 1;
                return;
            }
            Records::Heap(v) => {
                v.push(n as u8);
                return;
            }
            Records::Inline(..) => {}
        }
    }
    let mut buf = [0u8; 10];
    let mut len = 0;
    while n >= 128 {
        buf[len] = (n as u8 & 127) | 128;
        n >>= 7;
        len += 1;
    }
    buf[len] = n as u8;
    out.extend(&buf[..=len]);
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
    terms: FxMap<u64, Acc>,
    /// Single CJK Unified Ideographs (U+4E00–U+9FFF), the most frequent terms, by code.
    han: Vec<Acc>,
}

/// Documents per parallel work item.
const CHUNK: usize = 4096;
const HAN: std::ops::RangeInclusive<u64> = 0x4E00..=0x9FFF;

/// Appends the records of later documents to a term's.
fn append(mine: &mut Acc, later: Acc) {
    if mine.records.is_empty() {
        *mine = later;
        return;
    }
    let mut pos = 0;
    let first = read_varint(later.records.as_slice(), &mut pos);
    let id = first >> 3;
    push_varint(
        &mut mine.records,
        (id - u64::from(mine.next)) * 8 + (first & 7),
    );
    mine.records.extend(&later.records.as_slice()[pos..]);
    mine.next = later.next;
}

impl Postings {
    fn chunk() -> Postings {
        Postings {
            terms: FxMap::with_capacity_and_hasher(1 << 15, Default::default()),
            han: Vec::new(),
        }
    }

    #[inline(always)]
    fn slot(&mut self, k: u64) -> &mut Acc {
        if HAN.contains(&k) {
            return &mut self.han[(k - HAN.start()) as usize];
        }
        self.terms.entry(k).or_default()
    }

    /// Adds one document's terms (ids must ascend).
    pub fn add(&mut self, id: u32, doc: &Doc) {
        if self.han.is_empty() {
            self.han.resize_with(0x5200, Acc::default);
        }
        for g in 0..GROUPS {
            let bit = 1u8 << g;
            for part in doc.parts(g) {
                terms_of(part, &mut |k| {
                    let acc = self.slot(k);
                    if acc.next == id + 1 {
                        // Recorded for this document already (`next` starts at 0, so records
                        // exist): the group mask is in the low bits of the record's first byte.
                        acc.records.as_mut_slice()[acc.last as usize] |= bit;
                        return;
                    }
                    acc.last = acc.records.len() as u32;
                    push_varint(
                        &mut acc.records,
                        u64::from(id - acc.next) * 8 + u64::from(bit),
                    );
                    acc.next = id + 1;
                });
            }
        }
    }

    /// Appends postings collected from later documents.
    fn merge(&mut self, later: Postings) {
        for (k, acc) in later.terms {
            append(self.terms.entry(k).or_default(), acc);
        }
        if !later.han.is_empty() {
            if self.han.is_empty() {
                self.han = later.han;
                return;
            }
            for (mine, acc) in self.han.iter_mut().zip(later.han) {
                if !acc.records.is_empty() {
                    append(mine, acc);
                }
            }
        }
    }

    /// Collects the postings of documents `0..n` in parallel, making each document once and
    /// handing it to `each` too; returns what `each` made, in id order.
    pub fn collect<T: Send>(
        n: usize,
        doc: impl Fn(usize) -> Doc + Sync,
        each: impl Fn(usize, &Doc) -> T + Sync,
    ) -> (Postings, Vec<T>) {
        let mut all = Postings::default();
        let mut made = Vec::with_capacity(n);
        let round = CHUNK * 2 * rayon::current_num_threads();
        for start in (0..n).step_by(round) {
            let end = (start + round).min(n);
            let parts: Vec<(Postings, Vec<T>)> = (start..end)
                .step_by(CHUNK)
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(|from| {
                    let mut p = Postings::chunk();
                    let mut out = Vec::with_capacity(CHUNK);
                    for id in from..(from + CHUNK).min(end) {
                        let d = doc(id);
                        p.add(id as u32, &d);
                        out.push(each(id, &d));
                    }
                    (p, out)
                })
                .collect();
            for (p, out) in parts {
                all.merge(p);
                made.extend(out);
            }
        }
        (all, made)
    }

    /// Every term with its documents per field group encoded ([`super::encode::push_set`]
    /// for each group), sorted by term.
    pub fn encode(self) -> Vec<Encoded> {
        let han = self
            .han
            .into_iter()
            .zip(HAN)
            .filter(|(acc, _)| !acc.records.is_empty())
            .map(|(acc, k)| (k, acc));
        let mut terms: Vec<(String, Acc)> = self
            .terms
            .into_iter()
            .chain(han)
            .map(|(k, acc)| (term_of(k), acc))
            .collect();
        terms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        terms
            .into_par_iter()
            .map(|(term, acc)| {
                let (groups, docs) = groups(acc.records.as_slice());
                let mut data = Vec::new();
                for ids in &groups {
                    push_set(&mut data, ids);
                }
                data.shrink_to_fit();
                Encoded { term, data, docs }
            })
            .collect()
    }
}

/// One term's postings, encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub term: String,
    /// The three sets (ASCII).
    pub data: Vec<u8>,
    /// How many documents hold the term.
    pub docs: u32,
}

fn groups(records: &[u8]) -> ([Vec<u32>; GROUPS], u32) {
    let mut out: [Vec<u32>; GROUPS] = Default::default();
    let (mut pos, mut next, mut docs) = (0usize, 0u64, 0u32);
    while pos < records.len() {
        docs += 1;
        let r = read_varint(records, &mut pos);
        let id = next + (r >> 3);
        for (g, ids) in out.iter_mut().enumerate() {
            if r & (1 << g) != 0 {
                ids.push(id as u32);
            }
        }
        next = id + 1;
    }
    (out, docs)
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
            level: None,
            keys: Vec::new(),
        }
    }

    #[test]
    fn keys_name_their_terms() {
        let mut seen = Vec::new();
        terms_of("焊接 Zw9", &mut |k| seen.push(term_of(k)));
        assert_eq!(seen, ["焊", "接", "焊接", "z", "zw", "zw9"]);
    }

    #[test]
    fn long_words_stop_at_the_prefix_limit() {
        let mut seen = Vec::new();
        terms_of("abcdefghijklmnopq", &mut |k| seen.push(term_of(k)));
        assert_eq!(seen.len(), MAX_PREFIX);
        assert_eq!(seen.last().map(String::as_str), Some("abcdefghijkl"));
    }

    fn decoded(all: Vec<Encoded>) -> Vec<(String, [Vec<u32>; GROUPS])> {
        all.into_iter()
            .map(|e| {
                let mut r = crate::search::encode::Reader::new(&e.data);
                (e.term, std::array::from_fn(|_| r.set().unwrap_or_default()))
            })
            .collect()
    }

    #[test]
    fn postings_record_groups_per_document() {
        let docs = [
            doc("张伟", "zhang wei zhangwei zw", "焊接"),
            doc("李娜", "li na lina ln", "张伟是焊工"),
            doc("焊接", "", "焊接"),
        ];
        let mut p = Postings::default();
        for (id, d) in [0, 3, 300].into_iter().zip(&docs) {
            p.add(id, d);
        }
        let all = decoded(p.encode());
        let get = |t: &str| all.iter().find(|(k, _)| k == t).map(|(_, g)| g.clone());
        assert_eq!(get("张伟"), Some([vec![0], vec![], vec![3]]));
        assert_eq!(get("焊接"), Some([vec![300], vec![], vec![0, 300]]));
        assert_eq!(get("zw"), Some([vec![0], vec![], vec![]]));
        assert_eq!(get("zhangw"), Some([vec![0], vec![], vec![]]));
        assert!(get("是焊").is_some());
        assert!(all.windows(2).all(|w| w[0].0 < w[1].0), "sorted by term");
    }

    #[test]
    fn parallel_collection_equals_one_by_one() {
        let texts = ["焊接工艺", "数控车工", "精密测量", "焊工", "zhang wei"];
        let make = |i: usize| doc(texts[i % 5], "", texts[(i * 7 + 3) % 5]);
        let n = 3 * CHUNK + 17;
        let mut one = Postings::default();
        for i in 0..n {
            one.add(i as u32, &make(i));
        }
        let (all, ids) = Postings::collect(n, make, |id, _| id);
        assert_eq!(ids, (0..n).collect::<Vec<_>>());
        assert_eq!(all.encode(), one.encode());
    }
}
