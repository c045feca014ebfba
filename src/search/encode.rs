//! The index's text encoding of numbers and document sets, and the hash that picks a shard.
//!
//! Everything is printable ASCII, so static hosts compress it like any text file, and the
//! script decodes it with `charCodeAt` alone.
//!
//! - A number is written in base 32, lowest digits first: `P`–`o` (codes 80–111) carry five
//!   bits and say more follows, `0`–`O` (codes 48–79) carry the last five bits.
//! - A set of document ids (ascending) is written either as a *list*: the number `2n`, then
//!   `n` gaps (`id - previous - 1`, the first previous being −1); or as a *bitmap*: the number
//!   `2c + 1`, the first id `f`, then `c` characters of six bits each (codes 48–111, lowest bit
//!   first) for the ids `f`, `f + 1`, …. The builder writes whichever is shorter.

const TERMINAL: u8 = 48;
const MORE: u8 = 80;

/// Appends one number.
pub(crate) fn push_num(out: &mut Vec<u8>, mut n: u64) {
    while n >= 32 {
        out.push(MORE + (n & 31) as u8);
        n >>= 5;
    }
    out.push(TERMINAL + n as u8);
}

/// How many characters [`push_num`] writes for `n`.
fn num_len(n: u64) -> usize {
    let bits = 64 - n.leading_zeros() as usize;
    bits.div_ceil(5).max(1)
}

/// Appends a set of ascending document ids, as a list or a bitmap, whichever is shorter.
pub(crate) fn push_set(out: &mut Vec<u8>, ids: &[u32]) {
    let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
        push_num(out, 0);
        return;
    };
    let mut list = num_len(2 * ids.len() as u64);
    let mut prev: i64 = -1;
    for &id in ids {
        list += num_len((id as i64 - prev - 1) as u64);
        prev = id as i64;
    }
    let chars = (last - first) as usize / 6 + 1;
    let bitmap = num_len(2 * chars as u64 + 1) + num_len(first as u64) + chars;
    if bitmap >= list {
        out.reserve(list);
        push_num(out, 2 * ids.len() as u64);
        let mut prev: i64 = -1;
        for &id in ids {
            push_num(out, (id as i64 - prev - 1) as u64);
            prev = id as i64;
        }
        return;
    }
    let mut bits = vec![0u8; chars];
    for &id in ids {
        let i = (id - first) as usize;
        bits[i / 6] |= 1 << (i % 6);
    }
    out.reserve(bitmap);
    push_num(out, 2 * chars as u64 + 1);
    push_num(out, first as u64);
    out.extend(bits.into_iter().map(|b| TERMINAL + b));
}

/// Reads numbers and sets from an encoded string.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pub pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(s: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        Reader {
            bytes: s.as_ref(),
            pos: 0,
        }
    }

    /// Whether every number was read (the tests' round trips end there).
    #[cfg(test)]
    pub(crate) fn done(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// The next number; `None` at the end or on a character outside the alphabet.
    pub(crate) fn num(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        let mut shift = 0;
        loop {
            let c = *self.bytes.get(self.pos)?;
            self.pos += 1;
            if !(TERMINAL..MORE + 32).contains(&c) || shift > 60 {
                return None;
            }
            if c >= MORE {
                n |= u64::from(c - MORE) << shift;
                shift += 5;
            } else {
                return Some(n | u64::from(c - TERMINAL) << shift);
            }
        }
    }

    /// The next set of document ids.
    pub(crate) fn set(&mut self) -> Option<Vec<u32>> {
        let head = self.num()?;
        let mut out = Vec::new();
        if head % 2 == 0 {
            let mut prev: i64 = -1;
            for _ in 0..head / 2 {
                prev += self.num()? as i64 + 1;
                out.push(u32::try_from(prev).ok()?);
            }
        } else {
            let first = self.num()?;
            for i in 0..head / 2 {
                let c = *self.bytes.get(self.pos)?;
                self.pos += 1;
                let bits = c.checked_sub(TERMINAL)?;
                for b in 0..6 {
                    if bits & (1 << b) != 0 {
                        out.push(u32::try_from(first + i * 6 + b).ok()?);
                    }
                }
            }
        }
        Some(out)
    }
}

/// FNV-1a (32 bits) of the term's UTF-8 bytes: the script computes the same.
pub(crate) fn hash(term: &str) -> u32 {
    term.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        let mut s = Vec::new();
        let nums = [0, 1, 31, 32, 1023, 1024, 99_999, u32::MAX as u64];
        for n in nums {
            push_num(&mut s, n);
        }
        assert!(s.iter().all(|b| (48..112).contains(b)));
        let mut r = Reader::new(&s);
        for n in nums {
            assert_eq!(r.num(), Some(n));
        }
        assert!(r.done());
        assert_eq!(r.num(), None);
    }

    #[test]
    fn number_lengths_are_known_before_writing() {
        for n in [0, 1, 31, 32, 1023, 1024, 99_999, u32::MAX as u64, u64::MAX] {
            let mut s = Vec::new();
            push_num(&mut s, n);
            assert_eq!(s.len(), num_len(n), "{n}");
        }
    }

    #[test]
    fn small_numbers_take_one_character() {
        let mut s = Vec::new();
        push_num(&mut s, 31);
        assert_eq!(s, b"O");
    }

    #[test]
    fn sparse_sets_are_lists_and_dense_sets_bitmaps() {
        for ids in [
            vec![],
            vec![5],
            vec![0, 1000, 5000],
            (100..400).collect::<Vec<u32>>(),
            (0..3000).filter(|i| i % 3 != 0).collect(),
        ] {
            let mut s = Vec::new();
            push_set(&mut s, &ids);
            let mut r = Reader::new(&s);
            assert_eq!(
                r.set(),
                Some(ids.clone()),
                "{}",
                String::from_utf8_lossy(&s)
            );
            assert!(r.done());
        }
        let mut dense = Vec::new();
        push_set(&mut dense, &(0..600).collect::<Vec<u32>>());
        assert!(
            dense.len() < 110,
            "a dense set is a bitmap: {}",
            dense.len()
        );
    }

    #[test]
    fn hash_is_fnv1a() {
        assert_eq!(hash(""), 0x811c_9dc5);
        assert_eq!(hash("a"), 0xe40c_292c);
    }
}
