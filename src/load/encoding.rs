//! Names the encoding of a content file that is not UTF-8: UTF-16 (Notepad's "Unicode"), GBK or
//! GB18030 (Simplified-Chinese Windows), Big5 (Traditional-Chinese Windows), Shift-JIS (Japanese
//! Windows), so that the message says what the file is and how to save it as UTF-8.
//!
//! Only files that failed to decode are looked at: a UTF-8 file never pays for the guess.

use encoding_rs::{Encoding, BIG5, GB18030, SHIFT_JIS, UTF_16BE, UTF_16LE};

/// What a file that is not UTF-8 most likely is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Guess {
    /// UTF-16, little-endian (Windows' "Unicode") or big-endian, with or without a BOM.
    Utf16 { big_endian: bool, bom: bool },
    /// GBK: Simplified-Chinese Windows' "ANSI".
    Gbk,
    /// GB18030 with a character GBK does not have (its four-byte form): the first such one.
    Gb18030 { rare: char },
    /// Big5: Traditional-Chinese Windows' "ANSI".
    Big5,
    /// Shift-JIS: Japanese Windows' "ANSI".
    ShiftJis,
}

impl Guess {
    /// The name editors see in their editor's status bar, for the message.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Guess::Utf16 {
                big_endian: false, ..
            } => "UTF-16 LE",
            Guess::Utf16 {
                big_endian: true, ..
            } => "UTF-16 BE",
            Guess::Gbk => "GBK",
            Guess::Gb18030 { .. } => "GB18030",
            Guess::Big5 => "Big5",
            Guess::ShiftJis => "Shift-JIS",
        }
    }

    /// The name VS Code shows for it in its status bar.
    pub(crate) fn status_bar(&self) -> &'static str {
        match self {
            Guess::ShiftJis => "Shift JIS",
            other => other.name(),
        }
    }
}

/// UTF-16 by its BOM, or (without one) by the zero bytes that every ASCII character of the
/// front matter brings in UTF-16, confirmed by decoding the whole file.
pub(crate) fn utf16(bytes: &[u8]) -> Option<Guess> {
    match bytes {
        [0xFF, 0xFE, ..] => {
            return Some(Guess::Utf16 {
                big_endian: false,
                bom: true,
            })
        }
        [0xFE, 0xFF, ..] => {
            return Some(Guess::Utf16 {
                big_endian: true,
                bom: true,
            })
        }
        _ => {}
    }
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let pairs = head.len() / 2;
    let (big_endian, encoding): (bool, &'static Encoding) = if odd * 4 >= pairs && even * 8 <= odd {
        (false, UTF_16LE)
    } else if even * 4 >= pairs && odd * 8 <= even {
        (true, UTF_16BE)
    } else {
        return None;
    };
    let clean = encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some();
    clean.then_some(Guess::Utf16 {
        big_endian,
        bom: false,
    })
}

/// A legacy East-Asian encoding, from how the bytes pair up: Simplified-Chinese text stays in
/// GB2312's part of GBK (both bytes from 0xA1); Big5 and Shift-JIS text, read as GBK, falls
/// outside it about half the time, and Japanese text decodes to kana. `None` when no
/// encoding reads the bytes without errors.
pub(crate) fn legacy(bytes: &[u8]) -> Option<Guess> {
    let reads = |e: &'static Encoding| {
        e.decode_without_bom_handling_and_without_replacement(bytes)
            .map(|t| t.into_owned())
    };
    let gb = reads(GB18030);
    let shape = Shape::of(bytes);
    let as_gb = |text: &str| match shape.four_byte {
        0 => Guess::Gbk,
        _ => Guess::Gb18030 {
            rare: text
                .chars()
                .find(|&c| GB18030.encode(&c.to_string()).0.len() == 4)
                .unwrap_or('\u{FFFD}'),
        },
    };
    if let Some(text) = &gb {
        if shape.gb2312 * 10 >= shape.pairs * 9 {
            return Some(as_gb(text));
        }
    }
    let sjis = reads(SHIFT_JIS);
    if let Some(text) = &sjis {
        let (kana, wide) = text
            .chars()
            .filter(|c| !c.is_ascii())
            .fold((0, 0), |(k, w), c| {
                (
                    k + usize::from(('\u{3040}'..='\u{30FF}').contains(&c)),
                    w + 1,
                )
            });
        if kana * 6 >= wide && kana > 0 {
            return Some(Guess::ShiftJis);
        }
    }
    if reads(BIG5).is_some() {
        return Some(Guess::Big5);
    }
    if let Some(text) = &gb {
        return Some(as_gb(text));
    }
    sjis.map(|_| Guess::ShiftJis)
}

/// How the non-ASCII bytes of a file pair up when read as GB18030.
#[derive(Debug, Default)]
struct Shape {
    /// Two-byte characters.
    pairs: usize,
    /// Two-byte characters inside GB2312 (both bytes 0xA1 or more): what Simplified-Chinese
    /// text is made of.
    gb2312: usize,
    /// Four-byte characters (GB18030 only).
    four_byte: usize,
}

impl Shape {
    fn of(bytes: &[u8]) -> Shape {
        let mut s = Shape::default();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            if !(0x81..=0xFE).contains(&b) {
                i += 1;
            } else if next.is_ascii_digit() {
                s.four_byte += 1;
                i += 4;
            } else {
                s.pairs += 1;
                s.gb2312 += usize::from(b >= 0xA1 && next >= 0xA1);
                i += 2;
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIMPLIFIED: &str =
        "---\nname: 张伟\npost: 数控车工\n---\n三十年只做一件事：把零件车到微米级。\n";
    const TRADITIONAL: &str =
        "---\nname: 張偉\npost: 數控車工\n---\n三十年只做一件事：把零件車到微米級。他在車間裡帶出了許多徒弟。\n";
    const JAPANESE: &str =
        "---\nname: 張偉\npost: 旋盤工\n---\n三十年間、ひとつのことだけをしてきました。部品をミクロン単位で削ります。\n";

    fn encoded(e: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = e.encode(text);
        assert!(!unmappable, "{} cannot write {text}", e.name());
        bytes.into_owned()
    }

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(utf16le(SIMPLIFIED));
        assert_eq!(
            utf16(&with_bom),
            Some(Guess::Utf16 {
                big_endian: false,
                bom: true
            })
        );
        assert_eq!(
            utf16(&utf16le(SIMPLIFIED)),
            Some(Guess::Utf16 {
                big_endian: false,
                bom: false
            })
        );
        let be: Vec<u8> = SIMPLIFIED
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16(&be).map(|g| g.name()), Some("UTF-16 BE"));
        assert_eq!(utf16(SIMPLIFIED.as_bytes()), None);
        assert_eq!(utf16(&encoded(GB18030, SIMPLIFIED)), None);
    }

    #[test]
    fn legacy_encodings_are_told_apart() {
        assert_eq!(legacy(&encoded(GB18030, SIMPLIFIED)), Some(Guess::Gbk));
        assert_eq!(legacy(&encoded(BIG5, TRADITIONAL)), Some(Guess::Big5));
        assert_eq!(legacy(&encoded(SHIFT_JIS, JAPANESE)), Some(Guess::ShiftJis));
        // Traditional characters saved from a Simplified-Chinese Windows are still GBK.
        assert_eq!(legacy(&encoded(GB18030, TRADITIONAL)), Some(Guess::Gbk));
        assert_eq!(
            legacy(&encoded(GB18030, "name: 张𬌗\n")),
            Some(Guess::Gb18030 { rare: '𬌗' })
        );
        assert_eq!(legacy(b"\xff\xff\xff"), None);
    }
}
