//! What every Markdown content file shares: front matter and body, a safe slug, the rendered body, the personal-data scan.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{self, Doc, Seg};
use crate::load::{frontmatter, ContentFile};
use crate::markdown::{self, Rendered};
use crate::model::assets::{AssetIndex, FileKind, Found};
use crate::model::pictures::{self, BodyPicture};
use crate::model::published::Published;
use crate::source::SourceFile;

/// Settings every parser needs.
pub(crate) struct Ctx<'a> {
    pub assets: &'a AssetIndex,
    pub base_path: &'a str,
    /// Today's date, for dates that cannot be true yet.
    pub today: crate::load::dates::Date,
}

/// A rendered Markdown body plus where its links stand in the file.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// Shared: views and the preview's caches hold it without copying.
    pub html: std::sync::Arc<str>,
    pub text: std::sync::Arc<String>,
    pub headings: Vec<markdown::Heading>,
    /// Links as written, with their byte offset in the whole file.
    pub links: Links,
    /// The `<img>`s of `html` that show the site's photos, in order.
    pub pictures: Vec<BodyPicture>,
}

/// A body's links as written, with their byte offsets in the whole file, in one buffer: the link
/// check reads every link of every body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    text: String,
    /// Where each link ends in `text`, and its byte offset in the file.
    ends: Vec<(usize, usize)>,
}

impl Links {
    /// Each link and its offset, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = (&str, usize)> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&(end, at)| {
            let url = self.text.get(start..end).unwrap_or_default();
            start = end;
            (url, at)
        })
    }
}

impl<'a> FromIterator<(&'a str, usize)> for Links {
    fn from_iter<I: IntoIterator<Item = (&'a str, usize)>>(links: I) -> Self {
        let mut out = Links::default();
        for (url, at) in links {
            out.text.push_str(url);
            out.ends.push((out.text.len(), at));
        }
        out
    }
}

/// Splits the front matter and parses it; `None` when the file cannot be read further.
pub(crate) fn open<'s>(file: &'s ContentFile, diags: &mut Diagnostics) -> Option<(Doc<'s>, usize)> {
    let split = match frontmatter::split(&file.source) {
        Ok(s) => s,
        Err(d) => {
            diags.push(*d);
            return None;
        }
    };
    warn_placeholders(&file.source, diags);
    let schema = file.kind.schema();
    let doc = yaml::parse_named(&file.source, split.yaml, &|k| schema.english(k), diags)?;
    Some((doc, split.body_start))
}

/// `gongjiang new` leaves `（请填写…）` where the editor has to write; say so while one is left.
pub(crate) fn warn_placeholders(src: &SourceFile, diags: &mut Diagnostics) {
    for (line_no, line) in src.text.lines().enumerate() {
        let code_part = line.split(" #").next().unwrap_or(line);
        if line.trim_start().starts_with('#') {
            continue;
        }
        if let Some(i) = code_part.find(crate::schema::PLACEHOLDER) {
            let at = src.line_start(line_no + 1) + i;
            diags.push(
                Diagnostic::warning("content.placeholder", "这里还是待填写的占位文字")
                    .at(src, at, at + crate::schema::PLACEHOLDER.len())
                    .hint("把“（请填写……）”换成真实内容"),
            );
        }
    }
}

/// The slug: the `slug:` field when given, else the file (or folder) name; unsafe slugs are errors with a safe suggestion.
pub(crate) fn slug(
    file: &ContentFile,
    written: Option<String>,
    doc: &Doc,
    diags: &mut Diagnostics,
    suggestion: impl Fn() -> String,
) -> Option<String> {
    let (slug, from_field) = match written {
        Some(s) => (s, true),
        None => (file.file_slug.clone(), false),
    };
    if crate::schema::is_safe_slug(&slug) {
        return Some(slug);
    }
    let mut fixed = slug
        .to_ascii_lowercase()
        .replace([' ', '_', '.', '\u{3000}', '\u{A0}'], "-");
    fixed.retain(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let fixed = fixed
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let fixed = if fixed.is_empty() {
        suggestion()
    } else {
        fixed
    };
    let spaces = if slug.contains(['\u{3000}', '\u{A0}']) {
        "（里面有全角空格或不换行空格）"
    } else {
        ""
    };
    let d = Diagnostic::error(
        "slug.unsafe",
        format!("网址名（slug）`{slug}` 不能用{spaces}：只能用小写英文字母、数字和 -"),
    );
    let d = if from_field {
        let (s, e) = doc.value_span(&[Seg::Key("slug")]);
        d.at(&file.source, s, e)
            .hint(format!("改成 `slug: {fixed}`"))
    } else {
        d.in_file(file.source.path.clone()).hint(format!(
            "把文件（或文件夹）名改成 `{fixed}`，或在字段区加一行 `slug: {fixed}`"
        ))
    };
    diags.push(d);
    None
}

/// Scans a slug taken from the file (or folder) name, which becomes the page's address (and so
/// stands in the sitemap, the feeds and the search index). A `slug:` field is scanned with the
/// other values.
pub(crate) fn publish_slug(
    file: &ContentFile,
    doc: &Doc,
    slug: Option<&str>,
    published: &mut Published,
    diags: &mut Diagnostics,
) {
    if doc.value.get("slug").is_none() {
        if let Some(slug) = slug {
            published.file_name(&file.source.path, slug, diags);
        }
    }
}

/// Renders the body, checks its images exist (letter case included), records its links, and
/// scans what it publishes.
pub(crate) fn body(
    file: &ContentFile,
    body_start: usize,
    ctx: &Ctx,
    published: &mut Published,
    diags: &mut Diagnostics,
) -> Body {
    let text = &file.source.text[body_start..];
    let r: Rendered = markdown::render(
        text,
        &markdown::Options {
            base_path: ctx.base_path,
        },
    );
    published.markdown(&file.source, || body_start, &r, false, diags);
    let pasted = crate::habits::check(&file.source, body_start, &r.images, diags);
    // A pasted body is told once that its formatting goes; what else goes is still named.
    let removed: Vec<_> = if pasted {
        let beyond = r
            .removed
            .iter()
            .filter(|x| !crate::raw_html::is_formatting(x));
        beyond.cloned().collect()
    } else {
        r.removed.clone()
    };
    crate::raw_html::report(&file.source, &removed, |o| body_start + o, None, diags);
    let dir = dir_rel(file);
    let mut markdown_images: Vec<(String, usize)> = Vec::new();
    for img in &r.images {
        let at = body_start + img.offset;
        if crate::raw_html::is_data_image(&img.url) {
            diags.push(crate::raw_html::data_image(None).at(&file.source, at, at + 1));
            continue;
        }
        let url = check_asset(
            &file.source,
            &dir,
            &img.url,
            || (at, at + 1),
            ctx.assets,
            diags,
        );
        markdown_images.extend(url.map(|u| (u, at)));
    }
    let pictures = body_pictures(&r.html, &dir, ctx, &mut markdown_images);
    let text = std::sync::Arc::new(r.text);
    published.body = Some(std::sync::Arc::clone(&text));
    Body {
        pictures,
        links: r
            .links
            .iter()
            .map(|l| (l.url.as_str(), body_start + l.offset))
            .collect(),
        html: r.html.into(),
        text,
        headings: r.headings,
    }
}

/// The `<img>`s of a body's `html` that show photos of the site. `markdown_images` (URL path
/// and file offset of each Markdown image) locates them; each is taken once.
fn body_pictures(
    html: &str,
    dir: &str,
    ctx: &Ctx,
    markdown_images: &mut Vec<(String, usize)>,
) -> Vec<BodyPicture> {
    let prefix = ctx.base_path.trim_end_matches('/');
    pictures::img_tags(html)
        .into_iter()
        .filter_map(|tag| {
            let src = percent_encoding::percent_decode_str(&tag.src).decode_utf8_lossy();
            let reference = match src.strip_prefix(prefix) {
                Some(rest) if !prefix.is_empty() && rest.starts_with('/') => rest,
                _ => &src,
            };
            let Found::Yes(url) = ctx.assets.resolve(dir, reference) else {
                return None;
            };
            if FileKind::of(&url) != FileKind::Photo {
                return None;
            }
            let at = markdown_images
                .iter()
                .position(|(u, _)| *u == url)
                .map(|i| markdown_images.remove(i).1);
            Some(BodyPicture {
                range: tag.range,
                url,
                attrs: tag.attrs,
                at,
                sized: tag.sized,
            })
        })
        .collect()
}

/// The file's folder relative to content/ (`craftsmen/zhang-wei` or `craftsmen`).
pub(crate) fn dir_rel(file: &ContentFile) -> String {
    let p = file
        .source
        .path
        .strip_prefix("content/")
        .unwrap_or(&file.source.path);
    p.rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}

/// A picture field (`photo:`, `cover:`): a file of the site, never a web address or a `data:`
/// image. `key` names the field; otherwise as [`check_asset`].
pub(crate) fn check_picture_field(
    file: &ContentFile,
    key: &str,
    reference: &str,
    span: impl FnOnce() -> (usize, usize),
    assets: &AssetIndex,
    diags: &mut Diagnostics,
) -> Option<String> {
    let src = &file.source;
    if crate::raw_html::is_data_image(reference) {
        let (s, e) = span();
        diags.push(crate::raw_html::data_image(Some(key)).at(src, s, e));
        return None;
    }
    if !is_web_address(reference) {
        return check_asset(src, &dir_rel(file), reference, span, assets, diags);
    }
    let beside = match src.path.strip_suffix(".md") {
        Some(stem) if file.kind == crate::load::Kind::Craftsman && !stem.ends_with("/index") => {
            format!("放在文件夹 {stem}/ 里（资料也移进去，改名为 {stem}/index.md）")
        }
        _ => format!("放在 content/{}/ 里、本文件旁边", dir_rel(file)),
    };
    let name = if key == "cover" {
        "cover.jpg"
    } else {
        "photo.jpg"
    };
    let (s, e) = span();
    diags.push(
        Diagnostic::error(
            "asset.external",
            format!(
                "字段 `{key}` 写的是网址：网站不直接引用别的网站上的图片（对方随时可能删掉或禁止引用，微信文章里的图片在别的网站上显示不出来）"
            ),
        )
        .at(src, s, e)
        .hint(format!(
            "把图片下载下来（如存为 {name}），{beside}，再写文件名：`{key}: {name}`"
        )),
    );
    None
}

/// A web address (`https://…`, `//host/…`): a picture of another site.
pub(crate) fn is_web_address(reference: &str) -> bool {
    reference.starts_with("//") || reference.contains("://")
}

/// Checks that a picture reference exists; returns its site URL path. `span` says where the
/// reference stands, asked only when it is reported.
pub(crate) fn check_asset(
    src: &SourceFile,
    dir: &str,
    reference: &str,
    span: impl FnOnce() -> (usize, usize),
    assets: &AssetIndex,
    diags: &mut Diagnostics,
) -> Option<String> {
    if let Some(d) = crate::habits::local_path(reference, dir) {
        let (s, e) = span();
        diags.push(d.at(src, s, e));
        return None;
    }
    if is_web_address(reference) {
        return Some(reference.to_string());
    }
    match assets.resolve(dir, reference) {
        Found::Yes(url) => Some(url),
        Found::CaseMismatch(actual) => {
            let span = span();
            diags.push(
                Diagnostic::error(
                    "asset.case-mismatch",
                    format!("图片 `{reference}` 的大小写和实际文件 `{actual}` 不一致"),
                )
                .at(src, span.0, span.1)
                .hint(format!(
                    "网站服务器区分大小写：写成 `{actual}`，或把文件改名"
                )),
            );
            None
        }
        Found::No => {
            let where_ = if reference.starts_with('/') {
                "content/static/ 下".to_string()
            } else {
                format!("content/{dir}/ 下")
            };
            let span = span();
            diags.push(
                Diagnostic::error("asset.missing", format!("找不到图片 `{reference}`"))
                    .at(src, span.0, span.1)
                    .hint(format!("把图片放在 {where_}，或改正文件名")),
            );
            None
        }
    }
}

/// Renders the Markdown value `text` of `key` in a YAML file (a cohort's or a union's `intro`):
/// its text checked as published, removed HTML reported where its tag is written.
pub(crate) fn yaml_markdown(
    doc: &Doc,
    key: &str,
    text: &str,
    ctx: &Ctx,
    published: &mut Published,
    diags: &mut Diagnostics,
) -> String {
    let src = doc.src;
    let rendered = markdown::render(
        text,
        &markdown::Options {
            base_path: ctx.base_path,
        },
    );
    let at = || doc.value_span(&[Seg::Key(key)]).0;
    published.markdown(src, at, &rendered, true, diags);
    if !rendered.removed.is_empty() {
        let (start, end) = doc.value_span(&[Seg::Key(key)]);
        let written = &src.text[start..end];
        // Where the removed tag is written in the value (found again by its text).
        let locate = |o: usize| {
            let tag = text.get(o..).unwrap_or_default();
            let tag = &tag[..tag.find(['\n', '>']).unwrap_or(tag.len())];
            start + written.find(tag).unwrap_or(0)
        };
        crate::raw_html::report(src, &rendered.removed, locate, Some(key), diags);
    }
    rendered.html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_read_back_as_written() {
        let written = [
            ("/a/", 3),
            ("", 7),
            ("/链接/?q=1#x", 12),
            ("https://x.org/", 40),
        ];
        let links: Links = written.iter().copied().collect();
        assert_eq!(links.iter().collect::<Vec<_>>(), written);
        assert_eq!(Links::default().iter().count(), 0);
    }
}
