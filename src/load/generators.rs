//! Front-matter fields of other site generators (Hugo, Jekyll, Hexo, Zola): each named as the
//! other tool's, with what this site does instead. `draft: true` and its kin are errors where
//! the file would otherwise be published against the editor's wish; the rest are warnings, as
//! the field is not read.
//!
//! Asked by [`crate::load::keys`] for keys the schema does not list and no alias names exactly,
//! before the "did you mean" hints: a generator's field is a habit, not a typo.

use crate::diag::Diagnostic;
use crate::schema::is_safe_slug;
use crate::schema::Schema;
use serde_yaml::Value;

/// What another generator's field is, and what to do instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    /// Keeps the file from being published when `true` (`draft`, `hidden`, `unlisted`).
    Hides,
    /// Jekyll's `published`, where this kind of file has no such field.
    Published,
    /// Publishes or withdraws on a date (`publishDate`, `expiryDate`).
    Scheduled,
    /// The page's whole address (`permalink`, `url`).
    Address,
    /// Old addresses that lead here (`aliases`, `redirect_from`).
    Redirects,
    /// Written in another field of ours, if this kind has one of these (first found wins).
    Ours(&'static [&'static str]),
    /// A setting the site's theme decides (`layout`, `toc`, `comments`).
    Theme,
}

/// Other generators' keys (lowercase) and what they mean.
const KEYS: &[(&str, &str, Meaning)] = &[
    ("draft", "Hugo、Hexo、Zola", Meaning::Hides),
    ("hidden", "Hexo", Meaning::Hides),
    ("unlisted", "Hugo", Meaning::Hides),
    ("published", "Jekyll", Meaning::Published),
    ("publishdate", "Hugo", Meaning::Scheduled),
    ("expirydate", "Hugo", Meaning::Scheduled),
    ("expiry_date", "Hugo", Meaning::Scheduled),
    ("lastmod", "Hugo", Meaning::Scheduled),
    ("updated", "Hexo、Zola", Meaning::Scheduled),
    ("permalink", "Jekyll、Hexo", Meaning::Address),
    ("url", "Hugo", Meaning::Address),
    ("aliases", "Hugo、Zola", Meaning::Redirects),
    ("redirect_from", "Jekyll", Meaning::Redirects),
    (
        "title",
        "Hugo、Jekyll 等",
        Meaning::Ours(&["name", "title"]),
    ),
    (
        "description",
        "Hugo、Jekyll 等",
        Meaning::Ours(&["summary", "intro"]),
    ),
    (
        "excerpt",
        "Jekyll、Hexo",
        Meaning::Ours(&["summary", "intro"]),
    ),
    ("date", "Hugo、Jekyll 等", Meaning::Ours(&["ceremony"])),
    ("tags", "Hugo、Jekyll 等", Meaning::Ours(&["skills"])),
    (
        "categories",
        "Hugo、Jekyll 等",
        Meaning::Ours(&["industry"]),
    ),
    (
        "image",
        "Hugo、Jekyll 等",
        Meaning::Ours(&["photo", "cover"]),
    ),
    ("images", "Hugo", Meaning::Ours(&["photo", "cover"])),
    ("cover", "Hexo 等", Meaning::Ours(&["photo", "cover"])),
    ("thumbnail", "Hexo 等", Meaning::Ours(&["photo", "cover"])),
    (
        "featured_image",
        "Hugo 主题",
        Meaning::Ours(&["photo", "cover"]),
    ),
    ("weight", "Hugo、Zola", Meaning::Ours(&["order"])),
    ("author", "Hugo、Jekyll 等", Meaning::Theme),
    ("authors", "Hugo、Zola", Meaning::Theme),
    ("layout", "Jekyll、Hugo、Hexo", Meaning::Theme),
    ("template", "Zola", Meaning::Theme),
    ("type", "Hugo", Meaning::Theme),
    ("toc", "Hugo、Hexo 主题", Meaning::Theme),
    ("comments", "Jekyll、Hexo", Meaning::Theme),
    ("sitemap", "Jekyll、Hugo", Meaning::Theme),
    ("menu", "Hugo", Meaning::Theme),
    ("keywords", "Hugo、Hexo", Meaning::Theme),
    ("lang", "Jekyll、Hexo", Meaning::Theme),
];

/// The message for `key`, when it is another generator's field the file's `known` fields do
/// not list; unlocated (the caller points it at the key).
pub(crate) fn diagnostic(known: &Schema, key: &str, value: &Value) -> Option<Diagnostic> {
    let lower = key.to_ascii_lowercase();
    let &(_, tools, meaning) = KEYS.iter().find(|(k, _, _)| *k == lower)?;
    let has = |k: &str| known.field(k).is_some();
    let is = |b: bool| value.as_bool() == Some(b);
    let space = if tools.ends_with(|c: char| c.is_ascii()) {
        " "
    } else {
        ""
    };
    let other = format!("`{key}` 是 {tools}{space}的字段");
    let (d, hint) = match meaning {
        Meaning::Hides if is(true) => hidden(&other, has("published")),
        Meaning::Published if is(false) => hidden(&other, false),
        Meaning::Hides | Meaning::Published => (
            Diagnostic::warning(
                "front-matter.other-generator",
                format!("{other}，本网站不读它；文件照常发布"),
            ),
            "删掉这一行".to_string(),
        ),
        Meaning::Scheduled => (
            Diagnostic::warning(
                "front-matter.other-generator",
                format!(
                    "{other}：本网站不按日期发布、撤下或标注更新，文件放在 content/ 里就会发布"
                ),
            ),
            "删掉这一行".to_string(),
        ),
        Meaning::Address => {
            let last = value
                .as_str()
                .and_then(|v| v.trim_matches('/').rsplit('/').next())
                .map(|s| s.trim_end_matches(".html"))
                .filter(|s| is_safe_slug(s));
            let hint = match last {
                Some(slug) if has("slug") => {
                    format!("网址由文件名决定；要换一个，只写最后一段：`slug: {slug}`")
                }
                _ => "删掉这一行；网址由文件名决定".to_string(),
            };
            (
                Diagnostic::warning(
                    "front-matter.other-generator",
                    format!("{other}，写的是整个网址；本网站不读它"),
                ),
                hint,
            )
        }
        Meaning::Redirects => (
            Diagnostic::warning(
                "front-matter.other-generator",
                format!("{other}（从旧网址跳转过来）：本网站不做这种跳转，旧网址会打不开"),
            ),
            "删掉这一行；旧网址需要保留时，请网站管理员在服务器上设置跳转".to_string(),
        ),
        Meaning::Ours(fields) => match fields.iter().find(|f| has(f)) {
            Some(ours) => (
                Diagnostic::warning(
                    "front-matter.other-generator",
                    format!("{other}，本网站不读它；这里应写在 `{ours}`"),
                ),
                format!("把 `{key}` 改成 `{ours}`（写法见 docs/content.md）"),
            ),
            None => (
                Diagnostic::warning(
                    "front-matter.other-generator",
                    format!("{other}，这类文件没有对应的字段，本网站不读它"),
                ),
                "删掉这一行".to_string(),
            ),
        },
        Meaning::Theme => theme(&other),
    };
    Some(d.hint(hint))
}

/// A field that hides a file in the other tool, set to hide it: here it would be published.
fn hidden(other: &str, has_published: bool) -> (Diagnostic, String) {
    let d = Diagnostic::error(
        "front-matter.draft-ignored",
        format!("{other}，本网站不认它：这个文件会照常发布"),
    );
    let hint = if has_published {
        "要撤下这份资料，写 `published: false`，并删掉这一行".to_string()
    } else {
        "这类文件没有草稿状态：还不想发布，就先把文件移出 content/ 文件夹；要发布，删掉这一行"
            .to_string()
    };
    (d, hint)
}

fn theme(other: &str) -> (Diagnostic, String) {
    (
        Diagnostic::warning(
            "front-matter.other-generator",
            format!("{other}，本网站不读它：版式和显示的内容由网站主题统一决定"),
        ),
        "删掉这一行".to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::schema::{PROFILE, STORY};

    fn said(known: &'static Schema, key: &str, value: &str) -> Option<(&'static str, String)> {
        let value: Value = serde_yaml::from_str(value).unwrap_or(Value::Null);
        diagnostic(known, key, &value).map(|d| (d.code, d.hint.unwrap_or_default()))
    }

    #[test]
    fn drafts_would_be_published_so_they_are_errors() {
        assert_eq!(
            said(&PROFILE, "draft", "true"),
            Some((
                "front-matter.draft-ignored",
                "要撤下这份资料，写 `published: false`，并删掉这一行".to_string()
            ))
        );
        assert_eq!(
            said(&STORY, "published", "false").map(|s| s.0),
            Some("front-matter.draft-ignored")
        );
        assert_eq!(
            said(&STORY, "draft", "false").map(|s| s.0),
            Some("front-matter.other-generator")
        );
    }

    #[test]
    fn fields_of_ours_under_another_name() {
        assert_eq!(
            said(&PROFILE, "title", "张伟").map(|s| s.1),
            Some("把 `title` 改成 `name`（写法见 docs/content.md）".to_string())
        );
        assert_eq!(
            said(&PROFILE, "tags", "[焊接]").map(|s| s.1),
            Some("把 `tags` 改成 `skills`（写法见 docs/content.md）".to_string())
        );
        assert_eq!(
            said(&STORY, "description", "x").map(|s| s.1),
            Some("把 `description` 改成 `summary`（写法见 docs/content.md）".to_string())
        );
        assert_eq!(
            said(&PROFILE, "permalink", "/craftsmen/zhang-wei/").map(|s| s.1),
            Some("网址由文件名决定；要换一个，只写最后一段：`slug: zhang-wei`".to_string())
        );
        assert_eq!(
            said(&PROFILE, "layout", "post").map(|s| s.0),
            Some("front-matter.other-generator")
        );
        assert_eq!(said(&PROFILE, "hobby", "x"), None);
    }
}
