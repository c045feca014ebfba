//! File names other programs leave in a section: Hugo's section page `_index.md`, and a second
//! extension that Windows' hidden extensions let slip in (`zhang-wei.md.md`, `zhang-wei.txt.md`).

use crate::diag::Diagnostic;

/// What a misnamed content file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Misnamed {
    /// Hugo's `_index.md`: not read.
    SectionIndex(Diagnostic),
    /// A second extension: not read; the slug it was meant to have.
    DoubleExtension {
        slug: String,
        diagnostic: Diagnostic,
    },
}

/// Extensions that end up inside a file's name when Windows hides the real one.
const INNER: [&str; 4] = ["md", "markdown", "txt", "yaml"];

/// Checks the name of a content file (`name`, its extension `ext` already known to be the
/// section's) shown to the editor as `shown`.
pub(crate) fn check(shown: &str, stem: &str, ext: &str) -> Option<Misnamed> {
    if stem == "_index" && ext == "md" {
        return Some(Misnamed::SectionIndex(
            Diagnostic::warning(
                "file.section-index",
                "`_index.md` 是 Hugo 的栏目首页文件：本网站的栏目页由网站自动生成，这个文件不会出现在网站上",
            )
            .in_file(shown)
            .hint("删掉这个文件；要给栏目写介绍，写成 content/pages/ 里的一个页面"),
        ));
    }
    let (inner_stem, inner) = stem.rsplit_once('.')?;
    if inner_stem.is_empty() || !INNER.contains(&inner.to_ascii_lowercase().as_str()) {
        return None;
    }
    let meant = format!("{inner_stem}.{ext}");
    Some(Misnamed::DoubleExtension {
        slug: inner_stem.to_string(),
        diagnostic: Diagnostic::error(
            "file.double-extension",
            format!("文件名 `{stem}.{ext}` 有两个扩展名（Windows 默认隐藏扩展名，改名时容易多打一个），这个文件没有被读取"),
        )
        .in_file(shown)
        .hint(format!("把文件改名为 `{meant}`")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_other_programs_leave() {
        let section = check("content/craftsmen/_index.md", "_index", "md");
        assert!(
            matches!(section, Some(Misnamed::SectionIndex(d)) if d.code == "file.section-index")
        );
        let Some(Misnamed::DoubleExtension { slug, diagnostic }) =
            check("content/craftsmen/wang-fang.md.md", "wang-fang.md", "md")
        else {
            panic!("double extension");
        };
        assert_eq!(slug, "wang-fang");
        assert_eq!(
            diagnostic.hint.as_deref(),
            Some("把文件改名为 `wang-fang.md`")
        );
        assert!(check("content/cohorts/2018.yaml.yaml", "2018.yaml", "yaml").is_some());
        assert!(check("content/craftsmen/zhang-wei.md", "zhang-wei", "md").is_none());
        assert!(check("content/stories/v1.2.md", "v1.2", "md").is_none());
    }
}
