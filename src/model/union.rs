//! A union (区局（产业）工会) or association from content/unions/<slug>.yaml: its name, kind, introduction and own site; its cohorts are attached when the site is assembled.

use crate::config::{self, NavItem};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::fields::Fields;
use crate::load::yaml::{self, Seg};
use crate::load::ContentFile;
use crate::model::cohort::Cohort;
use crate::model::entry;
use crate::model::published::Published;
use crate::schema::levels::{Level, UnionKind};
use crate::schema::{is_safe_slug, UNION, UNION_SITE};
use std::sync::Arc;

/// A union or association, with its cohorts (by year; none for an association or a union that
/// has not selected anyone yet).
#[derive(Debug, Clone)]
pub struct Union {
    /// Its file name: what profiles write in `selections` and `union`.
    pub slug: String,
    pub name: String,
    pub kind: UnionKind,
    pub intro_html: String,
    pub site: Option<UnionSite>,
    pub cohorts: Vec<Arc<Cohort>>,
    pub src: Arc<crate::source::SourceFile>,
}

/// A union's own site (`site:`): what differs from the city site's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionSite {
    pub title: String,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    pub base_url: String,
    pub theme: Option<String>,
    /// Empty: the site's own sections.
    pub nav: Vec<NavItem>,
    /// The text at the foot of its pages; `None`: the city site's.
    pub footer: Option<String>,
    /// Its organiser, contacts and filing numbers, when it writes any (the logo is the city's).
    pub foot: Option<crate::config::Filing>,
}

impl Union {
    /// The level of the craftsmen it selects; `None` for an association.
    pub fn level(&self) -> Option<Level> {
        self.kind.level()
    }

    /// Its page.
    pub fn url(&self) -> String {
        crate::model::urls::union(&self.slug)
    }
}

/// Reads one union file. `None` when it has errors (all are reported).
pub(crate) fn parse(
    file: &ContentFile,
    ctx: &entry::Ctx,
    published: &mut Published,
    diags: &mut Diagnostics,
) -> Option<Union> {
    let src = &file.source;
    entry::warn_placeholders(src, diags);
    let doc = yaml::parse_named(src, (0, src.text.len()), &|k| UNION.english(k), diags)?;
    let before = diags.error_count();
    let mut f = Fields::top(&doc, &UNION, diags)?;
    let name = f.text("name");
    let kind = f.choice("kind", UnionKind::parse);
    let intro = f.string("intro").unwrap_or_default();
    let site = match f.mapping("site") {
        Some(m) => {
            let mut s = f.nested(vec![Seg::Key("site")], m, &UNION_SITE);
            let title = s.text("title");
            let base_url = s
                .string("base_url")
                .and_then(|b| config::checked_base_url(&mut s, b));
            let site = UnionSite {
                title: String::new(),
                subtitle: s.text("subtitle"),
                description: s.text("description"),
                base_url: String::new(),
                theme: s.string("theme"),
                nav: config::read_nav(&mut s),
                footer: s.text("footer"),
                foot: Some(config::read_foot(&mut s, false))
                    .filter(|f| *f != crate::config::Filing::default()),
            };
            match (title, base_url) {
                (Some(title), Some(base_url)) => Some(UnionSite {
                    title,
                    base_url,
                    ..site
                }),
                _ => None,
            }
        }
        None => None,
    };
    if !is_safe_slug(&file.file_slug) {
        diags.push(
            Diagnostic::error(
                "union.file-name",
                format!(
                    "工会文件名 `{}` 不能用作网址：只能用小写英文字母、数字和连字符",
                    file.file_slug
                ),
            )
            .in_file(src.path.clone())
            .hint("用拼音给文件改名，如 `xuhui.yaml`；人物资料的 `selections` 写的就是这个名字"),
        );
    }
    published.values(&doc, &["intro"], diags);
    let intro = entry::yaml_markdown(&doc, "intro", &intro, ctx, published, diags);
    if diags.error_count() > before {
        return None;
    }
    Some(Union {
        slug: file.file_slug.clone(),
        name: name?,
        kind: kind?,
        intro_html: intro,
        site,
        cohorts: Vec::new(),
        src: Arc::clone(src),
    })
}
