//! Splits a Markdown file into its YAML front matter and its body, keeping byte offsets into the whole file.

use crate::diag::Diagnostic;
use crate::source::SourceFile;

/// The two parts of a Markdown content file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the YAML between the `---` lines.
    pub yaml: (usize, usize),
    /// Byte offset where the Markdown body starts (after the closing `---` line).
    pub body_start: usize,
}

impl Split {
    pub fn yaml<'a>(&self, src: &'a SourceFile) -> &'a str {
        &src.text[self.yaml.0..self.yaml.1]
    }

    pub fn body<'a>(&self, src: &'a SourceFile) -> &'a str {
        &src.text[self.body_start..]
    }
}

/// Lines with their byte start, without line endings.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |l| {
        let s = start;
        start += l.len();
        (s, l.trim_end_matches(['\n', '\r']))
    })
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// A line an editor meant as `---` but typed with a Chinese input method (`——`, `－－－`, `—-—`).
fn looks_like_fence(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.chars().count() <= 6
        && t.chars()
            .all(|c| matches!(c, '-' | '—' | '－' | '–' | '─' | '一'))
        && t.chars().any(|c| c != '-')
        && !t.chars().all(|c| c == '一')
}

fn looks_like_yaml_key(line: &str) -> bool {
    let t = line.trim_start();
    let key: String = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    !key.is_empty() && t[key.len()..].trim_start().starts_with([':', '：'])
}

/// Finds the front matter; a missing or mistyped `---` is an error that says where to put it.
pub fn split(src: &SourceFile) -> Result<Split, Box<Diagnostic>> {
    let mut it = lines(&src.text);
    let first = it.next();
    match first {
        Some((_, l)) if is_fence(l) => {}
        Some((start, l)) if l.trim_end() == "+++" => {
            return Err(Box::new(
                Diagnostic::error(
                    "front-matter.toml",
                    "字段区用 `+++` 开头，是 Hugo 和 Zola 的 TOML 写法；本网站只读 YAML 写法的字段区",
                )
                .at(src, start, start + l.len())
                .hint("把开头和结尾的 +++ 都改成 ---，每个字段写成 `name: 张伟`（英文冒号加一个空格，不用等号，文字不用加引号）"),
            ));
        }
        Some((start, l)) if looks_like_fence(l) => {
            return Err(Box::new(
                Diagnostic::error(
                    "front-matter.fence-typo",
                    "第一行应该是三个英文减号 `---`，这里写成了中文破折号或全角符号",
                )
                .at(src, start, start + l.len())
                .hint("切换到英文输入法，把这一行改成 ---"),
            ));
        }
        _ => {
            let d = if first.is_some_and(|(_, l)| looks_like_yaml_key(l)) {
                Diagnostic::error(
                    "front-matter.missing-open",
                    "缺少开头的 `---`：字段区（front matter）必须以单独一行 `---` 开始",
                )
                .hint("在文件最前面加一行 ---，字段写完后再加一行 ---，正文写在它下面")
            } else {
                Diagnostic::error("front-matter.missing", "文件开头没有字段区（front matter）")
                    .hint(
                    "文件应以 --- 开始，写上字段（如 `name: 张伟`），再以 --- 结束，正文写在下面",
                )
            };
            return Err(Box::new(d.at(src, 0, 0)));
        }
    }
    let yaml_start = first.map(|(s, l)| s + l.len()).unwrap_or(0);
    let yaml_start = src.text[yaml_start..]
        .find('\n')
        .map(|i| yaml_start + i + 1)
        .unwrap_or(src.text.len());
    let mut suspect: Option<(usize, &str)> = None;
    for (start, line) in it {
        if is_fence(line) {
            let body_start = (start
                + line.len()
                + src.text[start + line.len()..]
                    .find('\n')
                    .map(|i| i + 1)
                    .unwrap_or(0))
            .min(src.text.len());
            return Ok(Split {
                yaml: (yaml_start, start),
                body_start,
            });
        }
        if looks_like_fence(line) {
            return Err(Box::new(
                Diagnostic::error(
                    "front-matter.fence-typo",
                    "字段区的结束行应该是三个英文减号 `---`，这里写成了中文破折号或全角符号",
                )
                .at(src, start, start + line.len())
                .hint("切换到英文输入法，把这一行改成 ---"),
            ));
        }
        if suspect.is_none() && (line.starts_with('#') || looks_like_prose(line)) {
            suspect = Some((start, line));
        }
    }
    let hint = match suspect {
        Some((start, _)) => {
            let (line, _) = src.line_col(start);
            format!("在最后一个字段之后（大概是第 {line} 行之前）加一行 ---，把字段和正文分开")
        }
        None => "在最后一个字段之后加一行 ---，把字段和正文分开".to_string(),
    };
    Err(Box::new(
        Diagnostic::error(
            "front-matter.missing-close",
            "字段区（front matter）没有结束的 `---`",
        )
        .at(src, 0, 3)
        .hint(hint),
    ))
}

/// A line of running text: Chinese characters before any `:`, not indented, not a list item.
fn looks_like_prose(line: &str) -> bool {
    let t = line.trim_end();
    !t.is_empty()
        && !t.starts_with([' ', '\t', '-', '#', '[', '{', '|', '>'])
        && !looks_like_yaml_key(t)
        && t.chars().take(4).any(|c| c as u32 >= 0x2E80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_front_matter_is_named() {
        let src = SourceFile::new("a.md", "+++\nname = \"张伟\"\n+++\n正文\n");
        let d = split(&src).unwrap_err();
        assert_eq!((d.code, d.line, d.column), ("front-matter.toml", 1, 1));
    }

    fn src(text: &str) -> SourceFile {
        SourceFile::new("content/craftsmen/a.md", text)
    }

    #[test]
    fn splits_yaml_and_body_with_offsets() {
        let f = src("---\nname: 张伟\n---\n正文\n");
        let s = split(&f).unwrap();
        assert_eq!(s.yaml(&f), "name: 张伟\n");
        assert_eq!(s.body(&f), "正文\n");
        assert_eq!(f.line_col(s.body_start).0, 4);
    }

    #[test]
    fn crlf_and_trailing_spaces_on_fences_work() {
        let f = src("--- \r\nname: x\r\n---\r\nbody");
        let s = split(&f).unwrap();
        assert_eq!(s.yaml(&f), "name: x\r\n");
        assert_eq!(s.body(&f), "body");
    }

    #[test]
    fn file_with_only_front_matter_has_empty_body() {
        let f = src("---\nname: x\n---");
        let s = split(&f).unwrap();
        assert_eq!(s.body(&f), "");
    }

    #[test]
    fn missing_opening_fence_is_named() {
        let d = split(&src("name: 张伟\n---\n正文")).unwrap_err();
        assert_eq!(d.code, "front-matter.missing-open");
        assert_eq!((d.line, d.column), (1, 1));
    }

    #[test]
    fn missing_closing_fence_points_at_the_body() {
        let d = split(&src("---\nname: 张伟\ncohort: 2018\n\n## 主要事迹\n他……")).unwrap_err();
        assert_eq!(d.code, "front-matter.missing-close");
        assert!(d.hint.unwrap().contains("第 5 行"));
    }

    #[test]
    fn chinese_dash_fence_is_a_typo() {
        let d = split(&src("---\nname: 张伟\n——\n正文")).unwrap_err();
        assert_eq!(d.code, "front-matter.fence-typo");
        assert_eq!(d.line, 3);
        let d = split(&src("——\nname: 张伟\n---\n")).unwrap_err();
        assert_eq!(d.line, 1);
    }

    #[test]
    fn plain_markdown_without_front_matter() {
        let d = split(&src("# 标题\n正文")).unwrap_err();
        assert_eq!(d.code, "front-matter.missing");
    }
}
