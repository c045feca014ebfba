//! A content file's text with its line index, so that any byte offset can be reported as line and column.

/// One file as read from disk (already decoded to UTF-8, BOM removed), with its path relative to the site root.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, with `/` separators (`content/craftsmen/zhang-wei.md`).
    pub path: String,
    /// The whole text, as written (CRLF kept, so offsets match the editor's view).
    pub text: String,
    line_starts: Vec<usize>,
    /// Characters before every [`CHECKPOINT`]-th byte, made when a column is first asked for
    /// far into a long line: a column then costs at most one checkpoint's worth of counting.
    checkpoints: std::sync::OnceLock<Vec<usize>>,
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 1024;

impl PartialEq for SourceFile {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && self.text == other.text
    }
}

impl Eq for SourceFile {}

impl SourceFile {
    /// Indexes `text` by line.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path: path.into(),
            text,
            line_starts,
            checkpoints: std::sync::OnceLock::new(),
        }
    }

    /// Frees the text once nothing more will be reported from it (a large build keeps only the
    /// path). Positions asked for afterwards are reported as line 1, column 1.
    pub fn forget_text(&mut self) {
        self.text = String::new();
        self.line_starts = vec![0];
        self.checkpoints = std::sync::OnceLock::new();
    }

    /// 1-based line and column (column counted in characters) of a byte offset.
    /// Offsets past the end, or inside a character, are clamped. The line is found by binary
    /// search, the column from the nearest checkpoint: asking for every position of a
    /// 300 kB line costs as much as reading the line once, not once per position.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line_idx];
        let column = if offset - start <= 2 * CHECKPOINT {
            count_chars(&self.text.as_bytes()[start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (line_idx + 1, column + 1)
    }

    /// Characters in `text[..offset]`, from the checkpoint below `offset`.
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let checkpoints = self.checkpoints.get_or_init(|| {
            let mut counted = 0;
            let mut out = vec![0];
            for chunk in bytes.chunks(CHECKPOINT) {
                counted += count_chars(chunk);
                out.push(counted);
            }
            out
        });
        let i = offset / CHECKPOINT;
        checkpoints.get(i).copied().unwrap_or(0) + count_chars(&bytes[i * CHECKPOINT..offset])
    }

    /// Number of lines (a trailing newline does not start a new one).
    pub fn line_count(&self) -> usize {
        if self.text.ends_with('\n') {
            self.line_starts.len() - 1
        } else {
            self.line_starts.len()
        }
    }

    /// Byte offset where a 1-based line starts (the end of the text for lines past the end).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_start(line);
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset of a 1-based (line, column-in-characters) position.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let start = self.line_start(line);
        let text = self.line_text(line);
        let within = text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map(|(i, _)| i)
            .unwrap_or(text.len());
        start + within
    }
}

/// Characters that start in `bytes` (any byte range of UTF-8: continuation bytes are not counted).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// The largest char boundary not above `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether a character is removed from content: every control character but tab, line feed and
/// carriage return (C0, DEL, C1). None of them means anything on a web page, XML forbids most,
/// and an editor never types them: they come with text pasted from Word (a vertical tab for
/// each manual line break) or other programs.
pub fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forgotten_text_answers_without_panicking() {
        let mut f = SourceFile::new("a.md", "一\n二\n三");
        f.forget_text();
        assert_eq!(f.line_col(5), (1, 1));
        assert_eq!(f.line_text(3), "");
        assert_eq!(f.offset_of(2, 2), 0);
        assert_eq!(f.path, "a.md");
    }

    #[test]
    fn line_and_column_count_characters() {
        let f = SourceFile::new("a.md", "---\nname：张伟\n---\n");
        assert_eq!(f.line_col(0), (1, 1));
        let off = f.text.find('：').unwrap();
        assert_eq!(f.line_col(off), (2, 5));
        let off = f.text.find('伟').unwrap();
        assert_eq!(f.line_col(off), (2, 7));
        assert_eq!(f.line_text(2), "name：张伟");
        assert_eq!(f.line_count(), 3);
    }

    #[test]
    fn crlf_lines_have_no_carriage_return() {
        let f = SourceFile::new("a.md", "a\r\nb\r\n");
        assert_eq!(f.line_text(1), "a");
        assert_eq!(f.line_text(2), "b");
        assert_eq!(f.line_col(3), (2, 1));
    }

    #[test]
    fn columns_far_into_a_long_line_match_counting_from_the_line_start() {
        let line: String = (0..3000)
            .map(|i| if i % 3 == 0 { "链" } else { "a😀" })
            .collect();
        let text = format!("第一行\n{line}\n{line}");
        let f = SourceFile::new("a.md", text.clone());
        for (offset, _) in text.char_indices().step_by(97) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = text[line_start..offset].chars().count() + 1;
            assert_eq!(f.line_col(offset).1, expected, "offset {offset}");
        }
        assert_eq!(f.line_col(text.len()), (3, line.chars().count() + 1));
    }

    #[test]
    fn offsets_past_the_end_or_mid_character_are_clamped() {
        let f = SourceFile::new("a.md", "张伟");
        assert_eq!(f.line_col(1), (1, 1));
        assert_eq!(f.line_col(100), (1, 3));
        assert_eq!(f.line_text(9), "");
        assert_eq!(f.offset_of(1, 2), 3);
    }
}
