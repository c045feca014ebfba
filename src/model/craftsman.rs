//! A craftsman's profile: front matter checked field by field, the story rendered, private data dropped.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::fields::Fields;
use crate::load::yaml::Seg;
use crate::load::ContentFile;
use crate::model::entry::{self, Body, Ctx};
use crate::model::industry::{self, Resolution, Section};
use crate::model::names::{self, NameKey};
use crate::model::plausible;
use crate::model::published::{Published, PRIVATE};
use crate::model::stats::{AwardCounts, Patents, StatInput};
use crate::schema::levels::{Award, Education, Level, SkillLevel, TitleLevel};
use crate::schema::{AWARD, PATENTS, PROFILE, SELECTION};
use serde_yaml::Value;
use std::sync::Arc;

/// One published (or, with `--drafts`, withdrawn) profile. Its `private:` mapping is never kept.
#[derive(Debug, Clone)]
pub struct Craftsman {
    pub slug: String,
    pub name: String,
    pub name_key: NameKey,
    /// The year of the city's selection (上海工匠); `None` for one selected by unions only.
    pub cohort: Option<i32>,
    /// The selections by unions (`selections:`), as written.
    pub selections: Vec<Selection>,
    pub level: Level,
    /// Whether `level` is written (else it is the default).
    pub level_written: bool,
    pub union: Option<String>,
    pub employer: String,
    pub post: String,
    pub industry: Option<&'static Section>,
    pub skills: Vec<String>,
    pub brands: Vec<String>,
    /// Site URL path of the photo.
    pub photo: Option<String>,
    pub summary: Option<String>,
    pub frontline: Option<bool>,
    pub work_years: Option<u32>,
    pub education: Option<Education>,
    pub skill_level: Option<SkillLevel>,
    pub title_level: Option<TitleLevel>,
    pub patents: Option<Patents>,
    pub awards: Option<Vec<Award>>,
    /// The awards as the statistics count them.
    pub award_counts: Option<AwardCounts>,
    pub benefit_cny: Option<u64>,
    pub published: bool,
    pub extra: serde_json::Value,
    pub body: Body,
    pub at: Origin,
}

/// A selection by a union, as a profile writes it: `{ year, by }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub year: i32,
    /// The selecting union's slug.
    pub by: String,
    /// Its place in `selections` (where it stands is read from the file when reported).
    pub index: usize,
}

/// Where a profile comes from, for diagnostics found later (cohort lists, brands, photos): the
/// positions of its values are read again from its text when one is reported
/// ([`crate::load::yaml::positions_of`]), so that a clean profile never pays for them.
#[derive(Debug, Clone)]
pub struct Origin {
    pub src: Arc<crate::source::SourceFile>,
}

/// Reads one profile. `None` when it has errors that leave no usable profile (all are reported).
pub(crate) fn parse(
    file: &ContentFile,
    ctx: &Ctx,
    this_year: i32,
    public: &mut Published,
    diags: &mut Diagnostics,
) -> Option<Craftsman> {
    let (doc, body_start) = entry::open(file, diags)?;
    let errors_before = diags.error_count();
    let mut f = Fields::top(&doc, &PROFILE, diags)?;
    let name = f.text("name");
    let pinyin = f.string("pinyin");
    let written_slug = f.string("slug");
    // Someone selected by unions only has no city cohort.
    let selections = read_selections(&mut f, this_year);
    let cohort = match selections {
        Some(_) if f.raw("cohort").is_none() && !f.is_claimed("cohort") => None,
        _ => Some(f.year("cohort", this_year)),
    };
    let selections = selections.unwrap_or_default();
    let written_level = f.choice("level", Level::parse);
    let level = written_level.unwrap_or_default();
    let union = f.text("union");
    let employer = f.text("employer");
    let post = f.text("post");
    let industry = read_industry(&mut f);
    let skills = f.texts("skills");
    let brands = f.strings("brands");
    let photo = f.string("photo");
    let summary = f.text("summary");
    let frontline = f.boolean("frontline");
    let first_year = cohort
        .flatten()
        .into_iter()
        .chain(selections.iter().map(|s| s.year))
        .min();
    let work_years = plausible::work_years(&mut f, first_year, this_year);
    let education = f.choice("education", Education::parse);
    let skill_level = f.choice("skill_level", SkillLevel::parse);
    let title_level = f.choice("title_level", TitleLevel::parse);
    let patents = read_patents(&mut f);
    let awards = read_awards(&mut f, this_year);
    let benefit_cny = f.int("benefit_cny").map(|n| n as u64);
    let published = f.boolean("published").unwrap_or(true);
    if f.raw(PRIVATE).is_some() {
        f.mapping(PRIVATE);
    }
    let private_too_high: Vec<String> = f
        .written_for(PRIVATE)
        .into_iter()
        .map(str::to_string)
        .collect();
    let extra = match f.mapping("extra") {
        Some(m) => serde_json::to_value(m).unwrap_or(serde_json::Value::Null),
        None => serde_json::Value::Null,
    };
    let src = Arc::clone(&file.source);
    let photo = photo.and_then(|p| {
        let span = || doc.value_span(&[Seg::Key("photo")]);
        entry::check_picture_field(file, "photo", &p, span, ctx.assets, diags)
    });
    let at = Origin { src: src.clone() };
    let name_for_slug = name.clone().unwrap_or_default();
    let slug = entry::slug(file, written_slug, &doc, diags, || {
        names::slug_from_name(&name_for_slug)
    });
    // Private values written a level too high were reported as such, and are not published.
    let mut unpublished = vec![PRIVATE];
    unpublished.extend(private_too_high.iter().map(String::as_str));
    public.values(&doc, &unpublished, diags);
    public.private(&doc, diags);
    entry::publish_slug(file, &doc, slug.as_deref(), public, diags);
    let body = entry::body(file, body_start, ctx, public, diags);
    if diags.error_count() > errors_before {
        return None;
    }
    let name = name?;
    Some(Craftsman {
        name_key: names::name_key(&name, pinyin.as_deref()),
        slug: slug?,
        name,
        cohort: match cohort {
            Some(year) => Some(year?),
            None => None,
        },
        selections,
        level,
        level_written: written_level.is_some(),
        union,
        employer: employer?,
        post: post?,
        industry,
        skills,
        brands,
        photo,
        summary,
        frontline,
        work_years,
        education,
        skill_level,
        title_level,
        patents,
        award_counts: awards.as_deref().map(AwardCounts::of),
        awards,
        benefit_cny,
        published,
        extra,
        body,
        at,
    })
}

/// Reads `industry`: a section name or letter; an alias is accepted with a warning, anything else gets the nearest sections.
pub(crate) fn read_industry(f: &mut Fields) -> Option<&'static Section> {
    let written = f.string("industry")?;
    match industry::resolve(&written) {
        Resolution::Exact(s) => Some(s),
        Resolution::Alias { section, .. } => {
            let d = f
                .at_value(
                    Diagnostic::warning(
                        "industry.alias",
                        format!(
                            "行业 `industry` 写的是“{written}”，已按国标门类“{} {}”处理",
                            section.letter, section.name
                        ),
                    ),
                    "industry",
                )
                .hint(format!("请写成国标名称：`industry: {}`", section.name));
            f.push(d);
            Some(section)
        }
        Resolution::Unknown { nearest } => {
            let near: Vec<String> = nearest
                .iter()
                .map(|s| format!("{} {}", s.letter, s.name))
                .collect();
            let d = f
                .at_value(
                    Diagnostic::error(
                        "industry.unknown",
                        format!("行业 `industry`（行业门类）“{written}”不是国民经济行业门类"),
                    ),
                    "industry",
                )
                .hint(if near.is_empty() {
                    "请填写 GB/T 4754-2017 的门类名称，如“制造业”，或它的字母，如 C".to_string()
                } else {
                    format!("最接近的门类：{}（也可以只写字母）", near.join("；"))
                });
            f.push(d);
            None
        }
    }
}

/// Reads `selections`: `None` when it is not written.
fn read_selections(f: &mut Fields, this_year: i32) -> Option<Vec<Selection>> {
    let items = f.sequence("selections")?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = [Seg::Key("selections"), Seg::Index(i)];
        match item {
            Value::Mapping(m) => {
                let mut n = f.nested(path.to_vec(), m, &SELECTION);
                let year = n.year("year", this_year);
                let by = n.string("by");
                if let (Some(year), Some(by)) = (year, by) {
                    out.push(Selection { year, by, index: i });
                }
            }
            _ => {
                let d = f
                    .at_path(
                        Diagnostic::error(
                            "front-matter.wrong-type",
                            format!("入选经历 `selections` 的第 {} 项写法不对", i + 1),
                        ),
                        &path,
                    )
                    .hint(format!(
                        "每项写成 `  - {}`：哪一年、被哪个工会（`content/unions/` 下的文件名）评选",
                        SELECTION.flow_example()
                    ));
                f.push(d);
            }
        }
    }
    Some(out)
}

fn read_patents(f: &mut Fields) -> Option<Patents> {
    let m = f.mapping("patents")?;
    let mut p = f.nested(vec![Seg::Key("patents")], m, &PATENTS);
    Some(Patents {
        invention: p.int("invention").unwrap_or(0) as u32,
        utility_model: p.int("utility_model").unwrap_or(0) as u32,
        design: p.int("design").unwrap_or(0) as u32,
    })
}

fn read_awards(f: &mut Fields, this_year: i32) -> Option<Vec<Award>> {
    let items = f.sequence("awards")?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::String(s) if !s.trim().is_empty() => out.push(Award {
                name: s.trim().to_string(),
                grade: None,
                year: None,
            }),
            Value::Mapping(m) => {
                let mut a = f.nested(vec![Seg::Key("awards"), Seg::Index(i)], m, &AWARD);
                if let Some(name) = a.text("name") {
                    let grade = a.text("grade");
                    let year = a.int("year").map(|y| y as i32);
                    let year = plausible::award_year(&mut a, year, this_year);
                    out.push(Award { name, grade, year });
                }
            }
            _ => {
                let d = f
                    .at_path(
                        Diagnostic::error(
                            "front-matter.wrong-type",
                            format!("奖项 `awards` 的第 {} 项写法不对", i + 1),
                        ),
                        &[Seg::Key("awards"), Seg::Index(i)],
                    )
                    .hint(format!(
                        "每项写成 `  - {}`，或只写奖项名称",
                        AWARD.flow_example()
                    ));
                f.push(d);
            }
        }
    }
    Some(out)
}

impl Craftsman {
    /// The figures the statistics count.
    pub fn stat_input(&self) -> StatInput {
        StatInput {
            frontline: self.frontline,
            work_years: self.work_years,
            education: self.education,
            skill_level: self.skill_level,
            title_level: self.title_level,
            patents: self.patents,
            awards: self.award_counts,
            benefit_cny: self.benefit_cny,
            industry: self.industry.map(|s| s.letter),
            cohort: self.cohort,
        }
    }

    pub fn url(&self) -> String {
        crate::model::urls::profile(&self.slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::positions::read_on_this_thread;
    use crate::load::Kind;
    use crate::model::assets::AssetIndex;
    use crate::source::SourceFile;

    /// A profile laid out as the benchmark's are: flow mapping, list of flow mappings, private values.
    const CLEAN: &str = "---\nname: 张伟\ncohort: 2018\nlevel: 市级\nemployer: 上海某某精密机械有限公司\npost: 数控车工\nindustry: 制造业\nskills: [数控加工, 精密测量]\nsummary: 三十年只做一件事。\nwork_years: 30\npatents: { invention: 2, utility_model: 5, design: 0 }\nawards:\n  - { name: 上海市科技进步奖, grade: 三等奖, year: 2019 }\n  - 上海工匠\nprivate:\n  phone: \"13812345678\"\n  notes: 采访请提前一周联系本人。\n---\n正文。\n";

    fn parse_text(text: &str) -> (Option<Craftsman>, Diagnostics) {
        let file = ContentFile {
            kind: Kind::Craftsman,
            source: Arc::new(SourceFile::new("content/craftsmen/zhang-wei.md", text)),
            file_slug: "zhang-wei".into(),
            dir: "content/craftsmen".into(),
        };
        let assets = AssetIndex::new([]);
        let ctx = Ctx {
            assets: &assets,
            base_path: "/",
            today: crate::load::dates::Date {
                year: 2026,
                month: 6,
                day: 1,
            },
        };
        let mut diags = Diagnostics::new();
        let c = parse(&file, &ctx, 2026, &mut Published::default(), &mut diags);
        (c, diags)
    }

    #[test]
    fn a_clean_profile_reads_no_positions() {
        let before = read_on_this_thread();
        let (c, d) = parse_text(CLEAN);
        assert!(c.is_some() && d.is_empty(), "{d:?}");
        assert_eq!(read_on_this_thread(), before);
        // A problem asks for its place.
        let (c, d) = parse_text(&CLEAN.replace("work_years: 30", "work_years: 30年"));
        assert!(c.is_none());
        assert_eq!(
            d.iter().map(|d| (d.code, d.line)).collect::<Vec<_>>(),
            [("front-matter.wrong-type", 10)]
        );
        assert_eq!(read_on_this_thread(), before + 1);
    }
}
