//! `gongjiang init DIR`: a new site that builds at once with the built-in default theme.

use super::Outcome;
use gongjiang::model;
use gongjiang::render::theme;
use gongjiang::scaffold;
use std::path::Path;

pub fn run(dir: &Path, theme_copy: bool) -> Result<Outcome, String> {
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(dir).map_err(|e| format!("无法读取 {}：{e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} 不是空文件夹；为免覆盖，请换一个新文件夹",
                dir.display()
            ));
        }
    }
    let mut files: Vec<(String, Vec<u8>)> = scaffold::site(model::current_year(), model::today())
        .into_iter()
        .map(|(p, t)| (p, t.into_bytes()))
        .collect();
    if theme_copy {
        files.extend(
            theme::embedded_default_files()
                .into_iter()
                .map(|(p, t)| (format!("themes/default/{p}"), t)),
        );
    }
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("无法创建 {}：{e}", parent.display()))?;
        }
        super::new::write_new(&path, text)?;
    }
    println!(
        "已在 {} 新建站点（{} 个文件）。",
        dir.display(),
        files.len()
    );
    println!("预览：cd {} && gongjiang serve", dir.display());
    Ok(Outcome::Success)
}
