//! Links written in site.yaml's navigation and in the content, checked against the pages the site will have.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::positions::Positions;
use crate::load::yaml::{self, Seg};
use crate::model::cross;
use crate::model::entry::Body;
use crate::model::paths::UrlIndex;
use crate::model::site::Site;
use crate::source::SourceFile;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashSet};

/// Navigation links in site.yaml must name pages of the site: root-relative, or absolute to the
/// site's own address (a relative link is refused with the site settings). A page whose file
/// could not be read is reported with that file.
pub(super) fn check_nav(
    site: &Site,
    urls: &UrlIndex,
    src: &SourceFile,
    unreadable: &cross::Unreadable,
    diags: &mut Diagnostics,
) {
    let resolver = site.resolver();
    // The settings' nav URLs as written and their positions, read when the first is reported.
    let mut written: Option<(Positions, Vec<String>)> = None;
    let mut next = 0;
    for item in &site.config.nav {
        let url = item.url.as_str();
        let path = url.split(['#', '?']).next().unwrap_or(url);
        let target = if path.starts_with("//") || path.contains(':') {
            // Absolute: checked when it names this site.
            match resolver.target(url, "/") {
                Some(rest) => format!("/{rest}"),
                None => continue,
            }
        } else if path.starts_with('/') {
            path.to_string()
        } else {
            continue;
        };
        if urls.contains_page(&target) || unreadable.names(&target) {
            continue;
        }
        let d = Diagnostic::error(
            "link.broken",
            format!("导航 `nav` 里的链接 `{url}` 指向的页面不存在"),
        )
        .hint("站内链接以 / 开头并以 / 结尾，如 `/craftsmen/`、`/about/`");
        let (positions, urls) = written.get_or_insert_with(|| nav_urls(src));
        // The items read are those written, in order (some may have been refused).
        let found = (next..urls.len()).find(|&i| urls[i] == item.url);
        let span = found.and_then(|i| {
            next = i + 1;
            positions.value_span(&[Seg::Key("nav"), Seg::Index(i), Seg::Key("url")])
        });
        diags.push(match span {
            Some((s, e)) => d.at(src, s, e),
            None => d.in_file(src.path.clone()),
        });
    }
}

/// The `url` of each `nav` item of site.yaml as written (trimmed; empty when there is none),
/// and the file's positions.
fn nav_urls(src: &SourceFile) -> (Positions, Vec<String>) {
    let value: serde_yaml::Value = serde_yaml::from_str(&src.text).unwrap_or_default();
    let urls = value
        .get("nav")
        .and_then(serde_yaml::Value::as_sequence)
        .map(|items| {
            items
                .iter()
                .map(|i| {
                    let url = i.get("url").and_then(serde_yaml::Value::as_str);
                    url.unwrap_or_default().trim().to_string()
                })
                .collect()
        })
        .unwrap_or_default();
    (yaml::positions_of(src), urls)
}

/// Links in Markdown bodies into the site (root-relative, relative to the page the body is on, or
/// absolute to the site's own address) must name a page or file of it.
pub(super) fn check_links(
    site: &Site,
    urls: &UrlIndex,
    withdrawn: &BTreeSet<String>,
    unreadable: &cross::Unreadable,
    diags: &mut Diagnostics,
) {
    // Every path as a string, listed only when a broken link needs the nearest one.
    let all = std::sync::OnceLock::new();
    let resolver = site.resolver();
    let known = Known {
        urls,
        all: &all,
        site,
        resolver: &resolver,
        withdrawn,
        unreadable,
    };
    let check = |body: &Body, src: &SourceFile, page: &str| -> Diagnostics {
        let mut d = Diagnostics::new();
        for (url, at) in body.links.iter() {
            if let Some(hint) = broken_link(url, page, &src.path, &known) {
                d.push(
                    Diagnostic::error("link.broken", format!("链接 `{url}` 指向的页面不存在"))
                        .at(src, at, at + 1)
                        .hint(hint),
                );
            }
        }
        d
    };
    let found: Vec<Diagnostics> = site
        .craftsmen
        .par_iter()
        .map(|c| check(&c.body, &c.at.src, &c.url()))
        .chain(
            site.stories
                .par_iter()
                .map(|s| check(&s.body, &s.src, &crate::model::urls::story(&s.slug))),
        )
        .chain(
            site.brands
                .par_iter()
                .map(|s| check(&s.body, &s.src, &crate::model::urls::brand(&s.slug))),
        )
        .chain(
            site.pages
                .par_iter()
                .map(|s| check(&s.body, &s.src, &format!("/{}/", s.slug))),
        )
        .collect();
    for d in found {
        diags.extend(d);
    }
}

/// What links are checked against.
struct Known<'a> {
    urls: &'a UrlIndex<'a>,
    /// [`Site::url_paths`], once asked for.
    all: &'a std::sync::OnceLock<HashSet<String>>,
    site: &'a Site,
    resolver: &'a crate::links::Resolver,
    withdrawn: &'a BTreeSet<String>,
    unreadable: &'a cross::Unreadable,
}

/// The hint for a link to no page of the site; `None` for a good link, one that leaves the site
/// or stays on the page, or one to a profile that could not be read (reported already). A
/// root-relative link is written without the base path; a relative one leads from `page` (the
/// path of the page the body is on, without the base path). A link to a content file's name is
/// read from `file`, the content file it is written in.
fn broken_link(url: &str, page: &str, file: &str, known: &Known) -> Option<String> {
    let path: std::borrow::Cow<str> = if url.starts_with('/') && !url.starts_with("//") {
        std::borrow::Cow::Borrowed(url.split(['#', '?']).next().unwrap_or(url))
    } else {
        let base = known.resolver.base_path().trim_end_matches('/');
        let rest = known.resolver.target(url, &format!("{base}{page}"))?;
        std::borrow::Cow::Owned(format!("/{rest}"))
    };
    let path = path.as_ref();
    if known.urls.contains_page(path) {
        return None;
    }
    if known.unreadable.names(path) {
        return None;
    }
    let profile = path.trim_end_matches('/').strip_prefix("/craftsmen/");
    Some(
        if let Some(slug) = profile.filter(|s| known.withdrawn.contains(*s)) {
            format!("`{slug}` 的资料已撤下（published: false），请去掉这个链接")
        } else if known
            .site
            .assets
            .iter()
            .any(|f| crate::model::assets::url_of(&f.rel) == path)
        {
            "照片原件不会发布（网站只发布缩小后的副本）；要在正文里显示它，写 `![说明](文件名)`"
                .to_string()
        } else if let Some(page) =
            crate::habits::source_file_link(url, file).filter(|p| known.urls.contains_page(p))
        {
            format!("链接写网页地址而不是文件名：`{page}`")
        } else if path.ends_with(".md") {
            format!(
                "链接写网页地址而不是文件名，如 `{}/`",
                path.trim_end_matches(".md").replace("/content/", "/")
            )
        } else {
            let all = known.all.get_or_init(|| known.site.url_paths());
            match cross::nearest_slug(path, all.iter().map(String::as_str)) {
                Some(n) => format!("是否想链接到 `{n}`？"),
                None => {
                    "站内链接以 / 开头并以 / 结尾，如 `/craftsmen/zhang-wei/`、`/cohorts/2018/`"
                        .to_string()
                }
            }
        },
    )
}
