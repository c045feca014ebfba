//! `gongjiang new`: a new profile, story or cohort file, never overwriting one that exists.

use super::Outcome;
use crate::cli::NewKind;
use gongjiang::model::{self, names};
use gongjiang::scaffold;
use std::path::Path;

pub fn run(root: &Path, what: &NewKind) -> Result<Outcome, String> {
    let content = gongjiang::load::content_dir(root)?;
    let (path, text, next) = match what {
        NewKind::Craftsman { name, cohort } => {
            let name = name.trim();
            if name.is_empty() {
                return Err("请写上姓名：gongjiang new craftsman 张伟".into());
            }
            if let Some(c) = name.chars().find(|&c| is_not_in_names(c)) {
                return Err(format!(
                    "姓名 `{name}` 里有 `{}`，姓名里不会有这个符号：只写姓名，如 gongjiang new craftsman 张伟",
                    c.escape_default()
                ));
            }
            let cohort = cohort.unwrap_or_else(model::current_year);
            if cohort < 2016 || cohort > model::current_year() + 1 {
                return Err(format!("批次年份 {cohort} 不对：应在 2016 到今年之间"));
            }
            let dir = content.join("craftsmen");
            let (slug, path) = scaffold::unique_path(&dir, &names::slug_from_name(name), ".md");
            let next =
                format!("记得把 `  - {slug}` 加进 content/cohorts/{cohort}.yaml 的 members 名单");
            (path, scaffold::craftsman(name, &slug, cohort), next)
        }
        NewKind::Story { title } => {
            let title = title.trim();
            if title.is_empty() {
                return Err("请写上标题：gongjiang new story 标题".into());
            }
            let (_, path) = scaffold::unique_path(
                &content.join("stories"),
                &scaffold::title_slug(title),
                ".md",
            );
            (
                path,
                scaffold::story(title, model::today()),
                "在 craftsmen 里写上相关工匠的网址名".to_string(),
            )
        }
        NewKind::Cohort { year } => {
            if *year < 2016 || *year > model::current_year() + 1 {
                return Err(format!("批次年份 {year} 不对：应在 2016 到今年之间"));
            }
            let path = content.join("cohorts").join(format!("{year}.yaml"));
            if path.exists() {
                return Err(format!("{} 已经存在，没有覆盖它", path.display()));
            }
            (
                path,
                scaffold::cohort(*year),
                "在 members 里逐行写上成员".to_string(),
            )
        }
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("无法创建 {}：{e}", dir.display()))?;
    }
    write_new(&path, text.as_bytes())?;
    println!("已新建 {}", path.display());
    println!("下一步：填写“（请填写……）”的地方；{next}。");
    Ok(Outcome::Success)
}

/// Characters no person's name holds: path separators (`../x` would read as a folder), what
/// Windows refuses in file names, and control characters. A dot stays: some editors type
/// `买买提.艾力` for `买买提·艾力`.
fn is_not_in_names(c: char) -> bool {
    matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control()
}

/// Creates a file that must not exist yet.
pub fn write_new(path: &Path, text: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| format!("无法新建 {}：{e}", path.display()))?;
    f.write_all(text)
        .map_err(|e| format!("写入 {} 失败：{e}", path.display()))
}
