//! What habits from other programs leave in a Markdown body that Markdown reads otherwise than
//! the editor meant: a Chinese input method's missing spaces and full-width brackets, Word's
//! bullets and pasted formatting, Excel's tab-separated rows, paragraphs that run together,
//! Hugo's, Jekyll's and Obsidian's own syntax, WeChat's pictures, paths on the editor's own
//! computer. Each is a located message with the line as it should be written.
//!
//! One walk over the body's lines, looking at their first and last bytes; the searches inside
//! a line run only for bodies a byte test says may need them.

mod lines;
mod pasted;
mod syntax;

pub use pasted::{local_path, source_file_link};

use crate::diag::Diagnostics;
use crate::markdown::Link;
use crate::source::SourceFile;

/// One line of a body: where it starts in the file, and its text without the line end.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// Byte offset of the line in the whole file.
    pub at: usize,
    pub text: &'a str,
}

/// Checks the Markdown body that starts at `body_start` of `src`. `images` are the body's
/// Markdown images as rendered (offsets in the body). Returns whether the body holds formatting
/// pasted from Word, WPS or WeChat, already reported in one message.
pub fn check(
    src: &SourceFile,
    body_start: usize,
    images: &[Link],
    diags: &mut Diagnostics,
) -> bool {
    let Some(body) = src.text.get(body_start..) else {
        return false;
    };
    let lines = prose_lines(body, body_start);
    lines::check(src, &lines, diags);
    syntax::check(src, body, &lines, diags);
    pasted::check(src, body, body_start, images, diags)
}

/// The lines of `body` that Markdown reads as text: outside fenced code blocks, not indented
/// as code. A fence's or code line's place is kept as an empty line, so that paragraphs stay
/// apart.
fn prose_lines(body: &str, body_start: usize) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut at = body_start;
    let mut previous_blank = true;
    for raw in body.split_inclusive('\n') {
        let line_at = at;
        at += raw.len();
        let text = raw.trim_end_matches(['\n', '\r']);
        let trimmed = text.trim_start_matches(' ');
        let indent = text.len() - trimmed.len();
        let marker = trimmed.bytes().next().filter(|b| matches!(b, b'`' | b'~'));
        let run = marker.map_or(0, |m| trimmed.bytes().take_while(|&b| b == m).count());
        let code_line = match (fence, marker) {
            (Some((m, len)), Some(b)) if b == m && run >= len && indent < 4 => {
                fence = None;
                true
            }
            (Some(_), _) => true,
            (None, Some(m)) if run >= 3 && indent < 4 => {
                fence = Some((m, run));
                true
            }
            _ => (indent >= 4 || text.starts_with('\t')) && previous_blank,
        };
        previous_blank = text.trim().is_empty() || (code_line && previous_blank);
        out.push(Line {
            at: line_at,
            text: if code_line { "" } else { text },
        });
    }
    out
}

/// Whether a character is written without spaces around it in Chinese: ideographs, kana, CJK
/// punctuation and full-width forms.
pub(crate) fn is_wide(c: char) -> bool {
    c >= '\u{2E80}' && !('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// A line as the hint shows it: whole when short, else `…` around the part that changed.
pub(crate) fn shown(line: &str, changed_at: usize) -> String {
    const WIDTH: usize = 40;
    if line.chars().count() <= 2 * WIDTH {
        return line.to_string();
    }
    let before: Vec<char> = line[..changed_at.min(line.len())].chars().collect();
    let start = before.len().saturating_sub(WIDTH / 2);
    let text: String = line.chars().skip(start).take(WIDTH * 3 / 2).collect();
    format!("{}{text}…", if start > 0 { "…" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_are_not_prose() {
        let body = "正文\n```\n#不是标题\n```\n\n    -缩进的代码\n-列表\n";
        let lines = prose_lines(body, 0);
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["正文", "", "", "", "", "", "-列表"]);
        assert_eq!(lines[6].at, body.len() - "-列表\n".len());
    }

    #[test]
    fn long_lines_are_shown_around_the_change() {
        assert_eq!(shown("# 标题", 0), "# 标题");
        let long = "字".repeat(100) + "[链接](/a/)" + &"字".repeat(100);
        let s = shown(&long, "字".len() * 100);
        assert!(
            s.starts_with('…') && s.ends_with('…') && s.contains("[链接](/a/)"),
            "{s}"
        );
    }
}
