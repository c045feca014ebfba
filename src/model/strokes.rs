//! 姓氏笔画 order with mainland stroke counts: each character's strokes from a compiled-in table.
//!
//! The table (`strokes.bin`, made by `scripts/strokes.py`) holds Unihan's zh-Hans stroke
//! counts (GB 13000.1: 阝 2, 艹 3, 辶 3, 讠 2, 纟 3) for U+3400..U+9FFF and the rest of
//! 通用规范汉字表, and the order of strokes (横竖撇点折) for about 6,900 common characters.
//! Names compare character by character: fewer strokes first; equal counts by the strokes in
//! writing order (first stroke, then second …); then by code point.

use std::cmp::Ordering;
use std::sync::OnceLock;

/// Characters whose table entry is wrong or missing, with their strokes in writing order as
/// the digits 1 横, 2 竖, 3 撇, 4 点, 5 折 (hand-checked against the standard). An entry here
/// wins over the table. Add a surname or name character when a printed list shows the table
/// wrong, with a test.
pub(crate) const STROKE_EXCEPTIONS: &[(char, &str)] = &[
    // 析 (木 1234 + 斤 3312) + 白 32511: 13 strokes. The stroke-order source has 12 and is
    // left out of the table for it.
    ('皙', "1234331232511"),
];

const DENSE_FIRST: u32 = 0x3400;
const DENSE_LAST: u32 = 0x9FFF;
const ORDER_DIGITS: usize = 13;

/// One of the five stroke classes of the GB 13000.1 stroke order standard (the tests check the
/// table's stroke orders by their first stroke).
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Stroke {
    /// 横 (and 提).
    Heng,
    /// 竖 (and 竖钩).
    Shu,
    /// 撇.
    Pie,
    /// 点 (and 捺).
    Dian,
    /// 折: every stroke with a turn.
    Zhe,
}

#[cfg(test)]
impl Stroke {
    fn from_digit(d: u32) -> Option<Stroke> {
        Some(match d {
            1 => Stroke::Heng,
            2 => Stroke::Shu,
            3 => Stroke::Pie,
            4 => Stroke::Dian,
            5 => Stroke::Zhe,
            _ => return None,
        })
    }
}

/// What the table knows of one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CharStrokes {
    /// The stroke count (mainland).
    pub count: u8,
    /// The first 13 strokes packed as base-5 digits (横 0 … 折 4), most significant first;
    /// `None` when the order of strokes is not known.
    order: Option<u32>,
}

#[cfg(test)]
impl CharStrokes {
    /// The first stroke, when the order of strokes is known.
    pub(crate) fn first(&self) -> Option<Stroke> {
        let order = self.order?;
        Stroke::from_digit(order / 5u32.pow(ORDER_DIGITS as u32 - 1) + 1)
    }
}

/// The parsed table: counts by code point and stroke orders.
struct Table {
    dense: &'static [u8],
    sparse: Vec<(u32, u8)>,
    orders: Vec<(u32, u32)>,
}

static DATA: &[u8] = include_bytes!("strokes.bin");

fn le_u16(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn le_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Reads the table's layout (see `scripts/strokes.py`); `None` if it is not that layout.
fn parse(b: &'static [u8]) -> Option<Table> {
    if b.get(..5)? != b"GJSK\x01" {
        return None;
    }
    let dense_len = (DENSE_LAST - DENSE_FIRST + 1) as usize;
    let dense = b.get(5..5 + dense_len)?;
    let mut at = 5 + dense_len;
    let n = le_u16(b, at)?;
    at += 2;
    let mut sparse = Vec::with_capacity(n);
    for _ in 0..n {
        sparse.push((le_u32(b, at)?, *b.get(at + 4)?));
        at += 5;
    }
    let m = le_u16(b, at)?;
    at += 2;
    let mut orders = Vec::with_capacity(m);
    for _ in 0..m {
        orders.push((le_u32(b, at)?, le_u32(b, at + 4)?));
        at += 8;
    }
    Some(Table {
        dense,
        sparse,
        orders,
    })
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file is part of the source; a test reads it whole, so this cannot fail in a
        // released build. An unreadable table would leave every character unknown.
        parse(DATA).unwrap_or(Table {
            dense: &[],
            sparse: Vec::new(),
            orders: Vec::new(),
        })
    })
}

fn packed(digits: &str) -> Option<(u8, u32)> {
    let strokes: Vec<u32> = digits
        .chars()
        .map(|c| c.to_digit(10))
        .collect::<Option<_>>()?;
    if strokes.is_empty() || strokes.iter().any(|d| !(1..=5).contains(d)) {
        return None;
    }
    let code = (0..ORDER_DIGITS).fold(0, |code, i| code * 5 + strokes.get(i).map_or(0, |d| d - 1));
    Some((u8::try_from(strokes.len()).ok()?, code))
}

/// The strokes of `c`, from [`STROKE_EXCEPTIONS`] or the table; `None` for a character the
/// table does not hold (Latin letters, rare characters beyond 通用规范汉字表 in Extension B …).
pub(crate) fn strokes(c: char) -> Option<CharStrokes> {
    if let Some((_, digits)) = STROKE_EXCEPTIONS.iter().find(|(e, _)| *e == c) {
        if let Some((count, order)) = packed(digits) {
            return Some(CharStrokes {
                count,
                order: Some(order),
            });
        }
    }
    let t = table();
    let cp = c as u32;
    let count = if (DENSE_FIRST..=DENSE_LAST).contains(&cp) {
        t.dense.get((cp - DENSE_FIRST) as usize).copied()
    } else {
        t.sparse
            .binary_search_by_key(&cp, |&(p, _)| p)
            .ok()
            .map(|i| t.sparse[i].1)
    };
    let count = count.filter(|&n| n > 0)?;
    let order = t
        .orders
        .binary_search_by_key(&cp, |&(p, _)| p)
        .ok()
        .map(|i| t.orders[i].1);
    Some(CharStrokes { count, order })
}

/// How one character sorts: known characters by count, then known stroke orders before
/// unknown ones, then by code point; characters the table does not hold after all of them.
fn char_key(c: char) -> (u8, u8, u32, u32) {
    match strokes(c) {
        Some(CharStrokes {
            count,
            order: Some(order),
        }) => (count, 0, order, c as u32),
        Some(CharStrokes { count, order: None }) => (count, 1, 0, c as u32),
        None => (u8::MAX, 2, 0, c as u32),
    }
}

/// The 姓氏笔画 order of names (see the module's documentation).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct StrokeOrder;

impl StrokeOrder {
    /// The order; the table is read once per process, on first use.
    pub(crate) fn new() -> Self {
        StrokeOrder
    }

    /// Compares two names character by character; a name that is the start of the other
    /// comes first. Only identical strings compare equal.
    pub(crate) fn compare(&self, a: &str, b: &str) -> Ordering {
        a.chars()
            .map(char_key)
            .cmp(b.chars().map(char_key))
            .then_with(|| a.cmp(b))
    }
}

#[cfg(test)]
mod tests;
