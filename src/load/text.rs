//! Reads a content file as text: UTF-8 (with or without BOM), a clear message naming the encoding
//! of any other text file (see [`encoding`]) or for a binary one, and the text cleaned of control
//! characters, so that no later output can carry one.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::encoding::{self, Guess};
use crate::load::invisible;
use crate::source::{is_stray_control, SourceFile};

/// Decodes a file's bytes. `rel_path` is the path shown to the editor. Control characters are
/// removed here, each with a located warning in `warnings` (see [`clean`]), then invisible and
/// unreadable characters ([`invisible`]); a NUL makes the file "not text" (binary files are
/// full of them), unless the file is UTF-16.
pub fn decode(
    rel_path: &str,
    bytes: &[u8],
    warnings: &mut Diagnostics,
) -> Result<SourceFile, Box<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            if text.trim().is_empty() {
                return Err(Box::new(
                    Diagnostic::error("file.empty", "文件是空的（或只有空白）")
                        .in_file(rel_path)
                        .hint(
                            "写入内容，或删除这个文件；不想发布的人物资料请写 `published: false`",
                        ),
                ));
            }
            if let Some(at) = text.find('\0') {
                if let Some(utf16) = encoding::utf16(bytes) {
                    return Err(Box::new(wrong_encoding(rel_path, utf16, 0)));
                }
                let src = SourceFile::new(rel_path, text);
                return Err(Box::new(not_text(rel_path).at(&src, at, at + 1)));
            }
            let src = clean(SourceFile::new(rel_path, text), warnings);
            Ok(invisible::clean(src, warnings))
        }
        Err(e) => Err(Box::new(not_utf8(rel_path, bytes, e.valid_up_to()))),
    }
}

/// Removes stray control characters ([`crate::source::is_stray_control`]), with a warning at each one, and makes
/// a lone carriage return (old Mac line ends) a line feed, as editors show it. Positions stay
/// those of the file as written: lines never change, and a column after a removed character on
/// the same line is one less than the editor shows.
fn clean(src: SourceFile, warnings: &mut Diagnostics) -> SourceFile {
    let lone_cr = |t: &str| {
        t.match_indices('\r')
            .any(|(i, _)| !t[i + 1..].starts_with('\n'))
    };
    let has_stray = src.text.contains(is_stray_control);
    if !has_stray && !lone_cr(&src.text) {
        return src;
    }
    let mut text = src.text;
    if lone_cr(&text) {
        let bytes = text.as_bytes();
        let lone: Vec<usize> = (0..bytes.len())
            .filter(|&i| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
            .collect();
        let mut b = text.into_bytes();
        for i in lone {
            b[i] = b'\n';
        }
        // Only ASCII bytes were swapped for ASCII bytes.
        text = String::from_utf8(b).unwrap_or_default();
    }
    let src = SourceFile::new(src.path, text);
    if !has_stray {
        return src;
    }
    for (at, c) in src.text.match_indices(is_stray_control) {
        let code = c.chars().next().map_or(0, u32::from);
        warnings.push(
            Diagnostic::warning(
                "text.control-char",
                format!("这里有一个看不见的控制字符 U+{code:04X}（{}），已删除", control_name(code)),
            )
            .at(&src, at, at + c.len())
            .hint("它多半是从 Word 或其他程序复制文字时带进来的；在编辑器里删掉它（光标移到提示的行和列，按一次删除键），以后可以先粘贴为纯文本"),
        );
    }
    let cleaned: String = src.text.chars().filter(|&c| !is_stray_control(c)).collect();
    SourceFile::new(src.path, cleaned)
}

/// What a control character is called, for the warning.
fn control_name(code: u32) -> &'static str {
    match code {
        0x0b => "垂直制表符，Word 里的手动换行",
        0x0c => "换页符，Word 里的分页符",
        0x08 => "退格符",
        0x1b => "转义符 ESC",
        0x7f => "删除符 DEL",
        0x85 => "下一行符 NEL",
        0x80..=0x9f => "C1 控制字符",
        _ => "控制字符",
    }
}

fn not_text(rel_path: &str) -> Diagnostic {
    Diagnostic::error("file.not-text", "这不是文本文件（含有二进制内容）")
        .in_file(rel_path)
        .hint("content/ 的这个位置只放 .md 或 .yaml 文本文件；图片请放在人物文件夹或 content/static/ 中")
}

fn not_utf8(rel_path: &str, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let line = bytes[..valid_up_to].iter().filter(|&&b| b == b'\n').count() + 1;
    if let Some(utf16) = encoding::utf16(bytes) {
        return wrong_encoding(rel_path, utf16, 0);
    }
    if let Some(guess) = encoding::legacy(bytes) {
        return wrong_encoding(rel_path, guess, line);
    }
    let mut d = if bytes.contains(&0) {
        not_text(rel_path)
    } else {
        Diagnostic::error("file.not-utf8", "文件不是 UTF-8 编码，无法读取")
            .in_file(rel_path)
            .hint("请用 UTF-8 编码重新保存这个文件")
    };
    d.line = line;
    d
}

/// A text file in another encoding than UTF-8, named, with how to save it as UTF-8. `line` is
/// where its first non-UTF-8 byte stands (0 for a file that is all of another encoding).
fn wrong_encoding(rel_path: &str, guess: Guess, line: usize) -> Diagnostic {
    let name = guess.name();
    let status_bar = guess.status_bar();
    let (what, extra) = match guess {
        Guess::Utf16 { .. } => (
            format!("{name}（记事本“另存为”里叫“Unicode”）"),
            String::new(),
        ),
        Guess::Gbk => (
            "GBK（简体中文 Windows 的默认编码）".to_string(),
            String::new(),
        ),
        Guess::Gb18030 { rare } => (
            format!("GB18030（比 GBK 多出“{rare}”这样的生僻字）"),
            format!("；“{rare}”在 UTF-8 里照样能保存"),
        ),
        Guess::Big5 => (
            "Big5（繁体中文 Windows 的默认编码）".to_string(),
            "；繁体字存为 UTF-8 后原样显示".to_string(),
        ),
        Guess::ShiftJis => (
            "Shift-JIS（日文 Windows 的默认编码）".to_string(),
            String::new(),
        ),
    };
    let mut d = Diagnostic::error(
        "file.not-utf8",
        format!("文件不是 UTF-8 编码，看起来是 {what}"),
    )
    .in_file(rel_path)
    .hint(format!(
        "请用 UTF-8 重新保存：记事本选“另存为”→ 编码选“UTF-8”；VS Code 点右下角“{status_bar}”→“通过编码保存”→“UTF-8”{extra}"
    ));
    d.line = line;
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(rel_path: &str, bytes: &[u8]) -> Result<SourceFile, Box<Diagnostic>> {
        super::decode(rel_path, bytes, &mut Diagnostics::new())
    }

    #[test]
    fn bom_is_removed_and_crlf_kept() {
        let f = decode("a.md", b"\xEF\xBB\xBFname: x\r\n").unwrap();
        assert_eq!(f.text, "name: x\r\n");
    }

    #[test]
    fn control_characters_are_removed_with_a_warning_each() {
        let mut w = Diagnostics::new();
        let f = super::decode(
            "a.md",
            "名字：张\u{b}伟\r\n正文\u{1b}\u{85}完\r旧\n".as_bytes(),
            &mut w,
        )
        .unwrap();
        assert_eq!(f.text, "名字：张伟\r\n正文完\n旧\n");
        let w = w.into_sorted();
        let at: Vec<_> = w.iter().map(|d| (d.line, d.column, d.code)).collect();
        assert_eq!(
            at,
            [
                (1, 5, "text.control-char"),
                (2, 3, "text.control-char"),
                (2, 4, "text.control-char")
            ]
        );
        assert!(w[0].message.contains("U+000B"));
        assert!(w[2].message.contains("U+0085"));
        assert!(w.iter().all(|d| !d.is_error()));
    }

    #[test]
    fn clean_text_is_kept_as_it_is() {
        let mut w = Diagnostics::new();
        let f = super::decode("a.md", "名字\t张伟\r\n".as_bytes(), &mut w).unwrap();
        assert_eq!(f.text, "名字\t张伟\r\n");
        assert!(w.is_empty());
    }

    #[test]
    fn gbk_is_recognised_with_a_fix() {
        let (bytes, _, _) = encoding_rs::GBK.encode("---\nname: 张伟\n---\n");
        let d = decode("content/craftsmen/a.md", &bytes).unwrap_err();
        assert_eq!(d.code, "file.not-utf8");
        assert!(d.message.contains("GBK"));
        assert!(d.hint.unwrap().contains("UTF-8"));
        assert_eq!(d.line, 2);
    }

    #[test]
    fn utf16_from_notepad_is_named_not_called_binary() {
        let text = "---\nname: 张伟\n---\n";
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        for bytes in [&with_bom[..], &with_bom[2..]] {
            let d = decode("content/craftsmen/a.md", bytes).unwrap_err();
            assert_eq!((d.code, d.line), ("file.not-utf8", 0));
            assert!(d.message.contains("UTF-16 LE"), "{}", d.message);
            assert!(d.message.contains("Unicode"), "{}", d.message);
        }
        // All ASCII: valid UTF-8 with a NUL in every other byte.
        let ascii: Vec<u8> = "year: 2018\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let d = decode("content/cohorts/2018.yaml", &ascii).unwrap_err();
        assert!(d.message.contains("UTF-16 BE"), "{}", d.message);
    }

    #[test]
    fn big5_and_shift_jis_are_named() {
        let (big5, _, _) = encoding_rs::BIG5
            .encode("---\nname: 張偉\npost: 數控車工\n---\n他在車間裡帶出了許多徒弟。\n");
        let d = decode("a.md", &big5).unwrap_err();
        assert!(d.message.contains("Big5"), "{}", d.message);
        assert_eq!(d.line, 2);
        let (sjis, _, _) = encoding_rs::SHIFT_JIS
            .encode("---\nname: 張偉\n---\nひとつのことだけをしてきました。\n");
        let d = decode("a.md", &sjis).unwrap_err();
        assert!(d.message.contains("Shift-JIS"), "{}", d.message);
    }

    #[test]
    fn empty_and_blank_files_are_errors() {
        assert_eq!(decode("a.md", b"").unwrap_err().code, "file.empty");
        assert_eq!(decode("a.md", b" \n\n").unwrap_err().code, "file.empty");
    }

    #[test]
    fn a_nul_is_not_text_and_located() {
        let d = decode("a.md", "a\nbc\0".as_bytes()).unwrap_err();
        assert_eq!((d.code, d.line, d.column), ("file.not-text", 2, 3));
    }

    #[test]
    fn binary_is_not_text() {
        let d = decode("a.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe").unwrap_err();
        assert_eq!(d.code, "file.not-text");
    }
}
