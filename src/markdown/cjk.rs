//! Which characters belong to Chinese, Japanese or Korean writing, and which of those are written without spaces.

/// True for characters that belong to Chinese, Japanese or Korean writing (East Asian wide).
pub(super) fn is_cjk(c: char) -> bool {
    is_unspaced_cjk(c)
        || matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}')
}

/// CJK characters whose text is written without spaces (Hangul is not: Korean uses spaces).
pub(super) fn is_unspaced_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'     // radicals
        | '\u{2FF0}'..='\u{303F}'   // description characters, CJK symbols and punctuation
        | '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{3100}'..='\u{312F}'   // bopomofo
        | '\u{3190}'..='\u{31FF}'   // kanbun, bopomofo ext., strokes, katakana ext.
        | '\u{3200}'..='\u{4DBF}'   // enclosed, compatibility, extension A
        | '\u{4E00}'..='\u{9FFF}'   // unified ideographs
        | '\u{A000}'..='\u{A4CF}'   // Yi
        | '\u{F900}'..='\u{FAFF}'   // compatibility ideographs
        | '\u{FE10}'..='\u{FE1F}'   // vertical forms
        | '\u{FE30}'..='\u{FE6F}'   // compatibility and small forms
        | '\u{FF00}'..='\u{FFEF}'   // half-width and full-width forms
        | '\u{1B000}'..='\u{1B16F}' // kana supplement and extensions
        | '\u{20000}'..='\u{3FFFF}' // supplementary ideographic planes
    )
}
