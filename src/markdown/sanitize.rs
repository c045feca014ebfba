//! Pass 4: the sanitiser (ammonia) and its allow-list; root-relative URLs get the site's base path, images load lazily.

use std::borrow::Cow;
use std::collections::HashSet;

/// What the sanitiser allows, read from it once.
pub fn allowed() -> &'static crate::raw_html::Allowed {
    static ALLOWED: std::sync::OnceLock<crate::raw_html::Allowed> = std::sync::OnceLock::new();
    ALLOWED.get_or_init(|| {
        let builder = sanitizer("");
        crate::raw_html::Allowed {
            tags: builder.clone_tags(),
            clean_content: builder.clone_clean_content_tags(),
        }
    })
}

/// Prefixes root-relative URLs (`/x/`, not `//host/x`) with the site's base path.
struct BasePrefix(String);

impl<'a> ammonia::UrlRelativeEvaluate<'a> for BasePrefix {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        let root_relative =
            url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/\\");
        if self.0.is_empty() || !root_relative {
            return Some(Cow::Borrowed(url));
        }
        Some(Cow::Owned(format!("{}{url}", self.0)))
    }
}

/// The allow-list: what Markdown itself produces, plus harmless inline HTML (ammonia's
/// defaults: ruby, kbd, mark, sub, details…). Scripts, styles, frames, forms, event handlers
/// and javascript:/data: URLs never pass.
pub(super) fn sanitizer(base_path: &str) -> ammonia::Builder<'static> {
    let trimmed = base_path.trim_matches('/');
    let prefix = if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    };
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags(["section"])
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .link_rel(None)
        .url_relative(ammonia::UrlRelative::Custom(Box::new(BasePrefix(prefix))))
        .set_tag_attribute_value("img", "loading", "lazy")
        .add_tag_attributes("code", ["class"]);
    for tag in ["h1", "h2", "h3", "h4", "h5", "h6", "div", "sup"] {
        builder.add_tag_attributes(tag, ["id"]);
    }
    for (tag, classes) in [
        ("section", &["footnotes"][..]),
        ("div", &["footnote-definition"]),
        ("sup", &["footnote-reference", "footnote-definition-label"]),
        ("a", &["footnote-backref"]),
        ("th", &["align-left", "align-center", "align-right"]),
        ("td", &["align-left", "align-center", "align-right"]),
    ] {
        builder.add_allowed_classes(tag, classes);
    }
    builder
}
