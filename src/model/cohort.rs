//! A yearly cohort (批次) from content/cohorts/<year>.yaml: its members, by profile or inline, and the order they are listed in.

use crate::config::NameOrder;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::dates::Date;
use crate::load::fields::Fields;
use crate::load::yaml::{self, Doc, Seg};
use crate::load::ContentFile;
use crate::model::craftsman::read_industry;
use crate::model::entry;
use crate::model::industry::Section;
use crate::model::names::{self, NameKey};
use crate::model::plausible;
use crate::model::published::Published;
use crate::model::strokes::StrokeOrder;
use crate::schema::{COHORT, MEMBER};
use rustc_hash::FxHashMap;
use serde_yaml::Value;
use std::collections::hash_map::Entry;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Cohort {
    pub year: i32,
    pub title: String,
    pub ceremony: Option<Date>,
    pub intro_html: String,
    pub members: Vec<Member>,
    /// The union that selected it (its slug); `None` for the city's cohorts.
    pub union: Option<String>,
    pub src: Arc<crate::source::SourceFile>,
}

/// A cohort member: a profile by slug, or a short entry for someone with no profile yet.
#[derive(Debug, Clone)]
pub enum Member {
    /// `index`: its place in `members` (where it stands is read from the file when reported).
    Profile {
        slug: String,
        index: usize,
    },
    Inline(InlineMember),
}

#[derive(Debug, Clone)]
pub struct InlineMember {
    /// Its place in `members`, as for [`Member::Profile`].
    pub index: usize,
    pub name: String,
    pub name_key: NameKey,
    pub employer: Option<String>,
    pub industry: Option<&'static Section>,
    pub post: Option<String>,
}

pub(crate) fn parse(
    file: &ContentFile,
    ctx: &entry::Ctx,
    this_year: i32,
    published: &mut Published,
    diags: &mut Diagnostics,
) -> Option<Cohort> {
    let src = &file.source;
    entry::warn_placeholders(src, diags);
    let doc = yaml::parse_named(src, (0, src.text.len()), &|k| COHORT.english(k), diags)?;
    let before = diags.error_count();
    if let Value::Sequence(items) = &doc.value {
        diags.push(bare_list(file, &doc, items.len()));
        return None;
    }
    let mut f = Fields::top(&doc, &COHORT, diags)?;
    let year = f.year("year", this_year);
    if let Some(y) = year {
        if file.file_slug != y.to_string() {
            let d = f
                .at_value(
                    Diagnostic::error(
                        "cohort.file-name",
                        format!(
                            "批次文件名是 `{}.yaml`，但 `year` 写的是 {y}",
                            file.file_slug
                        ),
                    ),
                    "year",
                )
                .hint(format!(
                    "文件名和年份要一致：把文件改名为 `{y}.yaml`，或改正 `year`"
                ));
            f.push(d);
        }
    }
    let title = f.text("title");
    let ceremony = f.date("ceremony");
    plausible::ceremony(&mut f, year, ceremony);
    plausible::not_after_today(&mut f, "ceremony", "命名大会日期", ceremony, ctx.today);
    let intro = f.string("intro").unwrap_or_default();
    let mut members = Vec::new();
    match f.sequence("members") {
        None if f.raw("members").is_none() && !f.is_claimed("members") => {
            let d = f
                .at_path(
                    Diagnostic::error("front-matter.missing-field", "缺少成员名单 `members`"),
                    &[],
                )
                .hint("加上 `members:`，下面每行写一位成员的网址名：`  - zhang-wei`");
            f.push(d);
        }
        None => {}
        Some(items) => {
            for (i, item) in items.iter().enumerate() {
                let path = [Seg::Key("members"), Seg::Index(i)];
                match item {
                    Value::String(s) => members.push(Member::Profile {
                        slug: s.trim().to_string(),
                        index: i,
                    }),
                    Value::Mapping(m) => {
                        let mut n = f.nested(path.to_vec(), m, &MEMBER);
                        let name = n.text("name");
                        let employer = n.text("employer");
                        let post = n.text("post");
                        let industry = if n.raw("industry").is_some() {
                            read_industry(&mut n)
                        } else {
                            None
                        };
                        if let Some(name) = name {
                            members.push(Member::Inline(InlineMember {
                                index: i,
                                name_key: names::name_key(&name, None),
                                name,
                                employer,
                                industry,
                                post,
                            }));
                        }
                    }
                    _ => {
                        let d = f
                            .at_path(
                                Diagnostic::error(
                                    "cohort.bad-member",
                                    format!("成员名单第 {} 项写法不对", i + 1),
                                ),
                                &path,
                            )
                            .hint(format!(
                                "有人物资料的写网址名 `- zhang-wei`；没有的写 `- {}`",
                                MEMBER.flow_example()
                            ));
                        f.push(d);
                    }
                }
            }
        }
    }
    // The introduction is Markdown: scanned as it renders.
    published.values(&doc, &["intro"], diags);
    let intro = entry::yaml_markdown(&doc, "intro", &intro, ctx, published, diags);
    if diags.error_count() > before {
        return None;
    }
    // An error that leaves the list readable: the checks against the profiles still run.
    listed_twice(&doc, &members, diags);
    Some(Cohort {
        year: year?,
        title: title?,
        ceremony,
        intro_html: intro,
        members,
        union: crate::load::union_of(&src.path).map(str::to_string),
        src: Arc::clone(src),
    })
}

/// A member written twice in one list would be shown twice: an error at the second listing. A
/// profile by its slug; a member written inline by its name and employer (one of two entries
/// with no employer is taken for the same person: an editor who means two namesakes tells them
/// apart by their employers).
fn listed_twice(doc: &Doc, members: &[Member], diags: &mut Diagnostics) {
    let mut slugs: FxHashMap<&str, usize> = FxHashMap::default();
    let mut names: FxHashMap<&str, Vec<&InlineMember>> = FxHashMap::default();
    let mut found = Vec::new();
    for m in members {
        match m {
            Member::Profile { slug, index } => match slugs.entry(slug) {
                Entry::Occupied(first) => {
                    found.push((*first.get(), *index, format!("`{slug}`"), false))
                }
                Entry::Vacant(e) => {
                    e.insert(*index);
                }
            },
            Member::Inline(m) => {
                let same = names.entry(&m.name).or_default();
                if let Some(first) = same
                    .iter()
                    .find(|o| same_employer(o.employer.as_deref(), m.employer.as_deref()))
                {
                    found.push((first.index, m.index, format!("`{}`", m.name), true));
                }
                same.push(m);
            }
        }
    }
    for (first, second, who, inline) in found {
        let at = |i: usize| doc.value_span(&[Seg::Key("members"), Seg::Index(i)]);
        let line = doc.src.line_col(at(first).0).0;
        let (s, e) = at(second);
        diags.push(duplicate_member(&who, line, inline).at(doc.src, s, e));
    }
}

/// Whether two members' employers say they can be the same person (equal, or one not written).
pub(crate) fn same_employer(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// `who` is listed again; its first listing is on `first_line`. `namesakes`: whether two
/// people of one name could be meant (then their employers tell them apart).
pub(crate) fn duplicate_member(who: &str, first_line: usize, namesakes: bool) -> Diagnostic {
    let apart = if namesakes {
        "；确实是同名的两个人时，给两项都写上各自的 `employer`"
    } else {
        ""
    };
    Diagnostic::error(
        "cohort.duplicate-member",
        format!("成员 {who} 在名单里写了两次，网页上会显示两次"),
    )
    .hint(format!(
        "第 {first_line} 行已经有这位成员：删掉这一行{apart}"
    ))
}

/// A cohort file holding only the list of members: the fields it lacks, with its year from
/// the file name.
fn bare_list(file: &ContentFile, doc: &yaml::Doc, count: usize) -> Diagnostic {
    let example = |key| COHORT.field(key).map_or("", |f| f.example);
    let year = match file.file_slug.parse::<i32>() {
        Ok(y) => y.to_string(),
        Err(_) => example("year").to_string(),
    };
    let title = example("title").replace(example("year"), &year);
    Diagnostic::error(
        "cohort.bare-list",
        format!("批次文件只有一份名单（{count} 项），缺少年份、标题和 `members:`"),
    )
    .at(doc.src, doc.range.0, doc.range.0)
    .hint(format!(
        "在文件开头加三行 `year: {year}`、`title: {title}`、`members:`，再在名单每一行前面加两个空格，放到 `members:` 下面"
    ))
}

impl Cohort {
    pub fn url(&self) -> String {
        match &self.union {
            Some(u) => crate::model::urls::union_cohort(u, self.year),
            None => crate::model::urls::cohort(self.year),
        }
    }
}

/// The order a cohort's members are listed in, as the site asks (`cohort_order`): by the strokes
/// of their names (姓氏笔画), or by their pinyin (姓氏拼音). `members`: each member's name, with
/// its profile's reading when it has a profile. Returns the members' positions in listing order.
pub(crate) fn listing_order(members: &[(&str, Option<&str>)], by: NameOrder) -> Vec<usize> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    match by {
        NameOrder::Stroke => {
            let stroke = StrokeOrder::new();
            order.sort_by(|&a, &b| stroke.compare(members[a].0, members[b].0));
        }
        NameOrder::Pinyin => {
            let keys: Vec<NameKey> = members
                .iter()
                .map(|&(name, reading)| names::name_key(name, reading))
                .collect();
            order.sort_by(|&a, &b| {
                names::cmp_pinyin((members[a].0, &keys[a]), (members[b].0, &keys[b]))
            });
        }
    }
    order
}

/// What a cohort's page says of its listing order: `姓氏笔画` or `姓氏拼音`.
pub(crate) fn order_label(by: NameOrder) -> &'static str {
    match by {
        NameOrder::Stroke => "姓氏笔画",
        NameOrder::Pinyin => "姓氏拼音",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_listed_by_strokes_or_by_pinyin() {
        let members = [("王五", None), ("丁一", None), ("安心", None)];
        let names = |order: Vec<usize>| order.iter().map(|&i| members[i].0).collect::<Vec<_>>();
        assert_eq!(
            names(listing_order(&members, NameOrder::Stroke)),
            ["丁一", "王五", "安心"]
        );
        assert_eq!(
            names(listing_order(&members, NameOrder::Pinyin)),
            ["安心", "丁一", "王五"]
        );
        assert_eq!(order_label(NameOrder::Stroke), "姓氏笔画");
    }
}
