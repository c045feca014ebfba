//! A yearly cohort (批次) from content/cohorts/<year>.yaml: its members, by profile or inline.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{self, Seg};
use crate::load::ContentFile;
use crate::markdown;
use crate::model::craftsman::read_industry;
use crate::model::entry;
use crate::model::fields::{Date, Field, Fields};
use crate::model::industry::Section;
use crate::model::names::{self, NameKey};
use crate::model::plausible;
use crate::model::published::Published;
use serde_yaml::Value;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Cohort {
    pub year: i32,
    pub title: String,
    pub ceremony: Option<Date>,
    pub intro_html: String,
    pub members: Vec<Member>,
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
    pub name: String,
    pub name_key: NameKey,
    pub employer: Option<String>,
    pub industry: Option<&'static Section>,
    pub post: Option<String>,
}

const FIELDS: &[Field] = &[
    Field {
        key: "year",
        label: "年份",
    },
    Field {
        key: "title",
        label: "标题",
    },
    Field {
        key: "ceremony",
        label: "命名大会日期",
    },
    Field {
        key: "intro",
        label: "简介",
    },
    Field {
        key: "members",
        label: "成员名单",
    },
];
const MEMBER_FIELDS: &[Field] = &[
    Field {
        key: "name",
        label: "姓名",
    },
    Field {
        key: "employer",
        label: "工作单位",
    },
    Field {
        key: "industry",
        label: "行业门类",
    },
    Field {
        key: "post",
        label: "岗位",
    },
];

pub fn parse(
    file: &ContentFile,
    ctx: &entry::Ctx,
    this_year: i32,
    published: &mut Published,
    diags: &mut Diagnostics,
) -> Option<Cohort> {
    let src = &file.source;
    entry::warn_placeholders(src, diags);
    let doc = yaml::parse(src, (0, src.text.len()), diags)?;
    let before = diags.error_count();
    let mut f = Fields::top(&doc, FIELDS, "批次文件", diags)?;
    let year = f
        .int("year", true, 2016, this_year as i64)
        .map(|y| y as i32);
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
    let title = f.string("title", true);
    let ceremony = f.date("ceremony", false);
    plausible::ceremony(&mut f, year, ceremony);
    plausible::not_after_today(&mut f, "ceremony", "命名大会日期", ceremony, ctx.today);
    let intro = f.string("intro", false).unwrap_or_default();
    let mut members = Vec::new();
    match f.sequence("members") {
        None if f.raw("members").is_none() => {
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
                        let mut n = f.nested(path.to_vec(), m, MEMBER_FIELDS);
                        let name = n.string("name", true);
                        let employer = n.string("employer", false);
                        let post = n.string("post", false);
                        let industry = if n.raw("industry").is_some() {
                            read_industry(&mut n)
                        } else {
                            None
                        };
                        if let Some(name) = name {
                            members.push(Member::Inline(InlineMember {
                                name_key: names::name_key(&name, None),
                                name,
                                employer,
                                industry,
                                post,
                            }));
                        }
                    }
                    _ => {
                        let d = f.at_path(
                            Diagnostic::error("cohort.bad-member", format!("成员名单第 {} 项写法不对", i + 1)),
                            &path,
                        )
                        .hint("有人物资料的写网址名 `- zhang-wei`；没有的写 `- { name: 李华, employer: 单位, industry: 制造业, post: 岗位 }`");
                        f.push(d);
                    }
                }
            }
        }
    }
    // The introduction is Markdown: scanned as it renders.
    published.values(&doc, &["intro"], diags);
    let intro = markdown::render(
        &intro,
        &markdown::Options {
            base_path: ctx.base_path,
        },
    );
    let intro_at = || doc.value_span(&[Seg::Key("intro")]).0;
    published.markdown(src, intro_at, &intro, true, diags);
    if diags.error_count() > before {
        return None;
    }
    Some(Cohort {
        year: year?,
        title: title?,
        ceremony,
        intro_html: intro.html,
        members,
        src: Arc::clone(src),
    })
}

impl Cohort {
    pub fn url(&self) -> String {
        format!("/cohorts/{}/", self.year)
    }
}
