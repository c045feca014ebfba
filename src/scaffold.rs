//! New content files and new sites: every field written out and explained in Chinese, ready to pass `check`.

use crate::model::fields::Date;
use crate::model::levels::{Education, SkillLevel, TitleLevel};
use crate::model::names;
use std::path::{Path, PathBuf};

/// Marks a value the editor still has to replace; `check` warns while one is left.
pub const PLACEHOLDER: &str = "（请填写";

fn join<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> String {
    all.iter().map(|x| label(*x)).collect::<Vec<_>>().join("、")
}

/// A new profile with every field, required ones filled with placeholders, optional ones commented out.
pub fn craftsman(name: &str, slug: &str, cohort: i32) -> String {
    let edu = join(Education::ALL, |e| e.label());
    let skill = join(SkillLevel::ALL, |e| e.label());
    let title = join(TitleLevel::ALL, |e| e.label());
    format!(
        "---
# ===== 必填 =====
name: {name}                  # 姓名
cohort: {cohort}                # 批次年份（整数，2016 至今年），要和 content/cohorts/{cohort}.yaml 名单一致
employer: （请填写工作单位）     # 工作单位全称
post: （请填写岗位）             # 岗位 / 工种，如 数控车工
industry: 制造业                # 国民经济行业门类名称（如 制造业、建筑业）或字母（如 C），请按实际修改

# ===== 选填 =====
# slug: {slug}             # 网址名，默认就是文件名；只能用小写字母、数字和 -
# pinyin: {pinyin}         # 姓名读音，多音字姓氏读错时填写，如 shan tianfang
# level: 市级                # 级别：市级、区级、局级（默认 市级）
# union: 某区总工会          # 推荐单位：工会、行业协会，或 自荐
# skills: [焊接, 数控加工]    # 技能：用方括号和英文逗号，不要用顿号
# brands: [service-team]     # 参与的工匠品牌：content/brands/ 下的文件名
# photo: photo.jpg           # 照片：和本文件放在同一文件夹（用 {slug}/index.md 的写法）
# summary: 一句话介绍         # 卡片上显示的一句话

# ----- 统计用字段（不填的不计入该项统计的分母）-----
# frontline: true            # 是否来自生产一线：true 或 false
# work_years: 26             # 工作年限：只写数字
# education: 本科            # 学历：{edu}
# skill_level: 高级技师      # 技能等级：{skill}
# title_level: 中级          # 职称：{title}
# patents: {{ invention: 0, utility_model: 0, design: 0 }}   # 发明、实用新型、外观设计专利数
# awards:                    # 奖项（国家科技进步奖、上海市科技进步奖计入统计）
#   - {{ name: 上海市科技进步奖, grade: 二等奖, year: 2019 }}
# benefit_cny: 10000000      # 为企业创造的效益，单位：元

# published: false           # 撤下这份资料（不删除文件）
# private:                   # 编辑部内部资料：电话、身份证号、备注……永远不会发布
#   phone: 
#   notes: 
---
## 主要事迹

（请填写：这位工匠的故事。可以用 ## 小标题、**加粗**、列表和链接，如 [同批工匠](/cohorts/{cohort}/)。）
",
        pinyin = names::name_key(name, None).pinyin,
    )
}

/// A new skills story dated today.
pub fn story(title: &str, date: Date) -> String {
    format!(
        "---
title: {title}               # 标题（必填）
date: {date}           # 日期（必填）：年-月-日
craftsmen: []                 # 相关工匠的网址名，如 [zhang-wei, li-na]
# summary: 一句话摘要         # 列表和分享时显示
# cover: cover.jpg            # 封面图：和本文件放在同一文件夹，或写 /images/x.jpg（content/static/images/x.jpg）
---
（请填写：故事正文。）
",
        date = date.iso()
    )
}

/// A new cohort file with no members yet.
pub fn cohort(year: i32) -> String {
    format!(
        "year: {year}                    # 年份（必填），要和文件名一致
title: {year}年度工匠            # 标题（必填）
# ceremony: {year}-09-28         # 命名大会日期：年-月-日
# intro: |                       # 简介，可以写 Markdown
#   ……
members: []                      # 成员名单（必填）：每行一位
#  - zhang-wei                   # 有人物资料的写网址名（文件名）
#  - {{ name: 李华, employer: 上海某某公司, industry: 制造业, post: 钳工 }}   # 还没有资料的成员
"
    )
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
    fn title_slugs() {
        assert_eq!(title_slug("精益求精的一天"), "jing-yi-qiu-jing-de-yi-tian");
        assert_eq!(title_slug("“微米”之间 2020"), "wei-mi-zhi-jian-2020");
        assert_eq!(title_slug("！？"), "story");
    }
}
