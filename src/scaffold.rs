//! New content files and new sites: every field written out and explained in Chinese, ready to pass `check`.

use crate::load::dates::Date;
use crate::model::names;
use crate::schema::{Field, Type, COHORT, PROFILE, STORY};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

use crate::schema::PLACEHOLDER;

/// One line of a new file: what is written, and the comment explaining it.
struct Line {
    code: String,
    comment: String,
}

/// The lines, comments aligned (by display width, for Chinese text).
fn aligned(lines: &[Line]) -> String {
    const COLUMN: usize = 30;
    let mut out = String::new();
    for l in lines {
        out.push_str(&l.code);
        if !l.comment.is_empty() {
            let width = UnicodeWidthStr::width(l.code.as_str());
            out.push_str(&" ".repeat(COLUMN.saturating_sub(width).max(2)));
            out.push_str("# ");
            out.push_str(&l.comment);
        }
        out.push('\n');
    }
    out
}

/// A field's comment: its label, then what it is for (Markdown emphasis removed), and the
/// allowed values of a closed list.
fn comment(f: &Field) -> String {
    let mut about = f.about.replace("**", "");
    if let Type::Choice(vocab) = f.ty {
        about = format!("{about}；可填 {}", vocab.values().join("、"));
    }
    if about.is_empty() || about == f.label {
        f.label.to_string()
    } else {
        format!("{}：{about}", f.label)
    }
}

/// The lines of `fields`: those in `given` with their value, the others commented out with
/// their example; a nested mapping or list shown below its key.
fn field_lines(fields: &[&Field], given: &[(&str, String)], out: &mut Vec<Line>) {
    for f in fields {
        let value = given
            .iter()
            .find(|(k, _)| *k == f.key)
            .map(|(_, v)| v.clone());
        let off = if value.is_some() { "" } else { "# " };
        match (f.ty, value) {
            (_, Some(v)) => out.push(Line {
                code: format!("{}: {v}", f.key),
                comment: comment(f),
            }),
            (Type::Map(inner), None) if inner.open && !inner.fields.is_empty() => {
                out.push(Line {
                    code: format!("{off}{}:", f.key),
                    comment: comment(f),
                });
                for g in inner.fields {
                    out.push(Line {
                        code: format!("{off}  {}: ", g.key),
                        comment: comment(g),
                    });
                }
            }
            (Type::List { item, text }, None) => {
                out.push(Line {
                    code: format!("{off}{}:", f.key),
                    comment: comment(f),
                });
                for example in text
                    .map(str::to_string)
                    .into_iter()
                    .chain([item.flow_example()])
                {
                    out.push(Line {
                        code: format!("{off}  - {example}"),
                        comment: String::new(),
                    });
                }
            }
            (_, None) => out.push(Line {
                code: format!("{off}{}: {}", f.key, f.example_value()),
                comment: comment(f),
            }),
        }
    }
}

fn heading(text: &str, out: &mut Vec<Line>) {
    out.push(Line {
        code: text.to_string(),
        comment: String::new(),
    });
}

/// A new profile with every field of the schema, required ones filled (with placeholders where
/// only the editor knows), optional ones commented out with an example.
pub fn craftsman(name: &str, slug: &str, cohort: i32) -> String {
    let required: Vec<&Field> = PROFILE.fields.iter().filter(|f| f.required()).collect();
    let optional = |stat: bool| -> Vec<&Field> {
        PROFILE
            .fields
            .iter()
            .filter(|f| !f.required() && f.stat.is_some() == stat)
            .collect()
    };
    let placeholder = |key: &str| {
        let label = PROFILE.field(key).map_or("", |f| f.label);
        format!("{PLACEHOLDER}{label}）")
    };
    let given = [
        ("name", name.to_string()),
        ("cohort", cohort.to_string()),
        ("employer", placeholder("employer")),
        ("post", placeholder("post")),
        ("industry", "制造业".to_string()),
    ];
    let examples = [
        ("slug", slug.to_string()),
        ("pinyin", names::name_key(name, None).pinyin),
    ];
    let mut lines = Vec::new();
    heading("# ===== 必填 =====", &mut lines);
    field_lines(&required, &given, &mut lines);
    if let Some(l) = lines.iter_mut().find(|l| l.code.starts_with("industry:")) {
        l.comment.push_str("（请按实际修改）");
    }
    heading("", &mut lines);
    heading("# ===== 选填 =====", &mut lines);
    let mut rest = Vec::new();
    field_lines(&optional(false), &[], &mut rest);
    for l in &mut rest {
        for (key, value) in &examples {
            if l.code.starts_with(&format!("# {key}:")) {
                l.code = format!("# {key}: {value}");
            }
        }
    }
    lines.extend(rest);
    heading("", &mut lines);
    heading(
        "# ----- 统计用字段（不填的不计入该项统计的分母）-----",
        &mut lines,
    );
    field_lines(&optional(true), &[], &mut lines);
    format!(
        "---\n{}---\n## 主要事迹\n\n（请填写：这位工匠的故事。可以用 ## 小标题、**加粗**、列表和链接，如 [同批工匠](/cohorts/{cohort}/)。）\n",
        aligned(&lines)
    )
}

/// A new skills story dated today.
pub fn story(title: &str, date: Date) -> String {
    let fields: Vec<&Field> = STORY.fields.iter().collect();
    let given = [
        ("title", title.to_string()),
        ("date", date.iso()),
        ("craftsmen", "[]".to_string()),
    ];
    let mut lines = Vec::new();
    field_lines(&fields, &given, &mut lines);
    if let Some(l) = lines.iter_mut().find(|l| l.code.starts_with("# slug:")) {
        l.code = format!("# slug: {}", title_slug(title));
    }
    format!("---\n{}---\n（请填写：故事正文。）\n", aligned(&lines))
}

/// A new cohort file with no members yet.
pub fn cohort(year: i32) -> String {
    let fields: Vec<&Field> = COHORT.fields.iter().collect();
    let given = [
        ("year", year.to_string()),
        ("title", format!("{year}年度工匠")),
        ("members", "[]".to_string()),
    ];
    let mut lines = Vec::new();
    field_lines(&fields, &given, &mut lines);
    // The two ways to write a member, below the empty list.
    if let Some(Type::List { item, text }) = COHORT.field("members").map(|f| f.ty) {
        for example in text
            .map(str::to_string)
            .into_iter()
            .chain([item.flow_example()])
        {
            lines.push(Line {
                code: format!("#  - {example}"),
                comment: String::new(),
            });
        }
    }
    aligned(&lines)
}

/// A web-safe slug for a title: pinyin syllables joined by `-`, at most eight of them (`精益求精` → `jing-yi-qiu-jing`).
pub fn title_slug(title: &str) -> String {
    let key = names::name_key(title, None);
    let parts: Vec<String> = key
        .pinyin
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    if parts.is_empty() {
        "story".to_string()
    } else {
        parts.join("-")
    }
}

/// A file name under `dir` for `slug` that does not exist yet (`slug`, `slug-2`, `slug-3`, …).
pub fn unique_path(dir: &Path, slug: &str, ext: &str) -> (String, PathBuf) {
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            slug.to_string()
        } else {
            format!("{slug}-{n}")
        };
        let file = dir.join(format!("{candidate}{ext}"));
        let folder = dir.join(&candidate);
        if !file.exists() && !folder.exists() {
            return (candidate, file);
        }
        n += 1;
    }
}

/// The files of a minimal new site, relative to its root.
pub fn site(this_year: i32, today: Date) -> Vec<(String, String)> {
    let cohort = this_year;
    vec![
        (
            "content/site.yaml".into(),
            "title: 工匠风采                 # 站点名称
subtitle: 选拔·宣传·提升·服务
description: 展示工匠的技艺与故事
base_url: https://example.org/   # 网站正式地址，发布前请修改
demo: true                       # 示例内容：每页都会注明“人物为虚构示例”；换成真实内容后改为 false
nav:
  - { title: 工匠, url: /craftsmen/ }
  - { title: 批次, url: /cohorts/ }
  - { title: 技艺故事, url: /stories/ }
  - { title: 工匠品牌, url: /brands/ }
  - { title: 数据, url: /stats/ }
  - { title: 关于, url: /about/ }
# 页底的主办单位、联系方式和备案号：上线前去掉 # 号、填上真实信息（写法见 docs/content.md）
# organiser: 某某市总工会
# contact:
#   phone: 021-12345678
#   email: office@example.org
# icp: 沪ICP备12345678号
# gongan: 沪公网安备 31010102000001号
"
            .into(),
        ),
        (
            "content/craftsmen/zhang-wei.md".into(),
            format!(
                "---
name: 张伟
cohort: {cohort}
employer: 示例精密机械有限公司
post: 数控车工
industry: 制造业
skills: [数控加工, 精密测量]
brands: [studio]
summary: 这是一位虚构的示例工匠，用来演示资料的写法。
frontline: true
work_years: 20
education: 大专
skill_level: 高级技师
title_level: 中级
patents: {{ invention: 1, utility_model: 3, design: 0 }}
---
## 主要事迹

这是示例正文。把这个文件复制一份、改名，就是一位新工匠的资料；也可以运行 `gongjiang new craftsman 姓名`。
"
            ),
        ),
        (
            format!("content/cohorts/{cohort}.yaml"),
            format!("year: {cohort}\ntitle: {cohort}年度工匠\nintro: 示例批次。\nmembers:\n  - zhang-wei\n"),
        ),
        (
            "content/stories/first-story.md".into(),
            format!(
                "---\ntitle: 第一个技艺故事\ndate: {}\ncraftsmen: [zhang-wei]\nsummary: 示例故事。\n---\n这是示例故事，讲的是[张伟](/craftsmen/zhang-wei/)。\n",
                today.iso()
            ),
        ),
        (
            "content/brands/studio.md".into(),
            "---\ntitle: 工匠创新工作室\norder: 1\nsummary: 示例品牌项目。\n---\n这是示例品牌页面。\n".into(),
        ),
        ("content/pages/about.md".into(), "---\ntitle: 关于本站\n---\n这是示例的“关于”页面。\n".into()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_names_do_not_overwrite() {
        let t = tempfile::tempdir().unwrap();
        std::fs::write(t.path().join("zhang-wei.md"), "x").unwrap();
        std::fs::create_dir(t.path().join("zhang-wei-2")).unwrap();
        assert_eq!(unique_path(t.path(), "zhang-wei", ".md").0, "zhang-wei-3");
        assert_eq!(unique_path(t.path(), "li-na", ".md").0, "li-na");
    }

    #[test]
    fn a_filled_in_template_with_every_line_uncommented_reads_as_written() {
        // What an editor does with `gongjiang new`: fill the placeholders, uncomment the
        // optional lines, keep the comments after the values.
        let text = craftsman("张伟", "zhang-wei", 2018)
            .replace("（请填写工作单位）", "上海某某机械厂")
            .replace("（请填写岗位）", "数控车工")
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest)
                    if rest.split(':').next().is_some_and(|k| {
                        !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                    }) =>
                {
                    rest.to_string()
                }
                Some(rest) if rest.starts_with("  ") => rest.to_string(),
                _ => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            text.contains("\nskills: [焊接, 数控加工]    # 技能"),
            "{text}"
        );
        let src = crate::source::SourceFile::new("content/craftsmen/zhang-wei.md", text);
        let split = crate::load::frontmatter::split(&src).expect("front matter");
        let mut diags = crate::diag::Diagnostics::new();
        let doc = crate::load::yaml::parse(&src, split.yaml, &mut diags).expect("readable");
        assert!(diags.is_empty(), "{diags:#?}");
        assert_eq!(doc.value["employer"], "上海某某机械厂");
        assert_eq!(doc.value["name"], "张伟");
        assert_eq!(doc.value["skills"][1], "数控加工");
    }

    #[test]
    fn new_files_show_every_field_of_their_schema_with_its_label() {
        let date = Date::parse_iso("2026-05-01").unwrap();
        for (text, schema) in [
            (craftsman("单田芳", "shan-tianfang", 2018), &PROFILE),
            (story("精益求精", date), &STORY),
            (cohort(2018), &COHORT),
        ] {
            for f in schema.fields {
                let line = text
                    .lines()
                    .find(|l| {
                        l.trim_start_matches("# ")
                            .starts_with(&format!("{}:", f.key))
                    })
                    .unwrap_or_else(|| panic!("`{}` missing from\n{text}", f.key));
                assert!(line.contains(&format!("# {}", f.label)), "{line}");
            }
        }
        let text = craftsman("单田芳", "shan-tianfang", 2018);
        assert!(text.contains("name: 单田芳"), "{text}");
        assert!(text.contains("# slug: shan-tianfang"), "{text}");
        assert!(text.contains("#   phone:"), "{text}");
        assert!(text.contains("可填 初中、高中"), "{text}");
    }

    #[test]
    fn the_new_site_footer_lines_uncommented_are_a_valid_footer() {
        let date = Date::parse_iso("2026-05-01").unwrap();
        let files = site(2026, date);
        let yaml = &files[0].1;
        let uncommented: String = yaml
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if !rest.starts_with("页底") => format!("{rest}\n"),
                _ => format!("{l}\n"),
            })
            .collect();
        assert!(uncommented.contains("\nicp: 沪ICP备"), "{uncommented}");
        let src = crate::source::SourceFile::new("content/site.yaml", &uncommented);
        let mut d = crate::diag::Diagnostics::new();
        let c = crate::config::read(&src, &Default::default(), &mut d).expect("read");
        let d = d.into_sorted();
        assert!(d.is_empty(), "{d:?}");
        let f = &c.filing;
        assert!(f.organiser.is_some() && f.phone.is_some() && f.email.is_some());
        assert!(f.icp.is_some() && f.gongan.is_some());
    }

    #[test]
    fn title_slugs() {
        assert_eq!(title_slug("精益求精的一天"), "jing-yi-qiu-jing-de-yi-tian");
        assert_eq!(title_slug("“微米”之间 2020"), "wei-mi-zhi-jian-2020");
        assert_eq!(title_slug("！？"), "story");
    }
}
