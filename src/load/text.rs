//! Reads a content file as text: UTF-8 (with or without BOM), and a clear message for GBK or binary files.

use crate::diag::Diagnostic;
use crate::source::SourceFile;

/// Decodes a file's bytes. `rel_path` is the path shown to the editor.
pub fn decode(rel_path: &str, bytes: &[u8]) -> Result<SourceFile, Box<Diagnostic>> {
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
            if text.contains('\0') {
                return Err(Box::new(not_text(rel_path)));
            }
            Ok(SourceFile::new(rel_path, text))
        }
        Err(e) => Err(Box::new(not_utf8(rel_path, bytes, e.valid_up_to()))),
    }
}

fn not_text(rel_path: &str) -> Diagnostic {
    Diagnostic::error("file.not-text", "这不是文本文件（含有二进制内容）")
        .in_file(rel_path)
        .hint("content/ 的这个位置只放 .md 或 .yaml 文本文件；图片请放在人物文件夹或 content/static/ 中")
}

fn not_utf8(rel_path: &str, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let (_, _, gbk_errors) = encoding_rs::GB18030.decode(bytes);
    let line = bytes[..valid_up_to].iter().filter(|&&b| b == b'\n').count() + 1;
    let mut d = if !gbk_errors && bytes.iter().any(|&b| b >= 0x80) {
        Diagnostic::error(
            "file.not-utf8",
            "文件不是 UTF-8 编码，看起来是 GBK（简体中文 Windows 的默认编码）",
        )
        .in_file(rel_path)
        .hint("请用 UTF-8 重新保存：记事本选“另存为”→ 编码选“UTF-8”；VS Code 点右下角“GBK”→“通过编码保存”→“UTF-8”")
    } else if bytes.contains(&0) {
        not_text(rel_path)
    } else {
        Diagnostic::error("file.not-utf8", "文件不是 UTF-8 编码，无法读取")
            .in_file(rel_path)
            .hint("请用 UTF-8 编码重新保存这个文件")
    };
    d.line = line;
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_removed_and_crlf_kept() {
        let f = decode("a.md", b"\xEF\xBB\xBFname: x\r\n").unwrap();
        assert_eq!(f.text, "name: x\r\n");
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
    fn empty_and_blank_files_are_errors() {
        assert_eq!(decode("a.md", b"").unwrap_err().code, "file.empty");
        assert_eq!(decode("a.md", b" \n\n").unwrap_err().code, "file.empty");
    }

    #[test]
    fn binary_is_not_text() {
        let d = decode("a.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe").unwrap_err();
        assert_eq!(d.code, "file.not-text");
    }
}
