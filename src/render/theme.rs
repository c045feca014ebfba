//! Themes: templates and static files from themes/<name>/, a theme may extend another and override single templates.

use crate::diag::{Diagnostic, Diagnostics};
use crate::output::{Content, OutputFile};
use crate::render::template_errors::{template_errors, Alone};
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::Path;

/// The default theme, built into the binary: used when a site has no themes/default/ of its own.
static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A loaded theme chain, ready to render.
pub struct Theme {
    pub tera: tera::Tera,
    /// Static files (child theme first wins), as output files.
    pub static_files: Vec<OutputFile>,
    /// Template name → file shown to the user (`themes/default/templates/base.html`).
    pub files: BTreeMap<String, String>,
    /// The template sources, by shown file, for locating render errors.
    pub sources: BTreeMap<String, String>,
    /// Where tera looks for a template the theme lacks: its parents' prefixes, nearest first (`default/`).
    pub prefixes: Vec<String>,
}

impl Theme {
    /// The shown file of the template tera renders for `name`: the theme's own, else the nearest parent's.
    pub fn file_of(&self, name: &str) -> Option<&str> {
        if let Some(f) = self.files.get(name) {
            return Some(f);
        }
        self.prefixes
            .iter()
            .find_map(|p| self.files.get(&format!("{p}{name}")))
            .map(String::as_str)
    }

    /// Each template's shown file and source, and whether it is the one tera finds by its name
    /// (a parent's template that the theme replaces is used only where named with its prefix).
    pub fn templates(&self) -> impl Iterator<Item = (&str, &str, bool)> + '_ {
        self.files.iter().filter_map(|(name, shown)| {
            let bare = self
                .prefixes
                .iter()
                .find_map(|p| name.strip_prefix(p.as_str()))
                .unwrap_or(name);
            let in_use = self.file_of(bare) == Some(shown.as_str());
            let source = self.sources.get(shown)?;
            Some((shown.as_str(), source.as_str(), in_use))
        })
    }
}

const MAX_DEPTH: usize = 4;

/// The chain `[child, parent, …]` of theme names, read from each theme's `theme.yaml` (`extends: default`).
fn chain(root: &Path, name: &str, diags: &mut Diagnostics) -> Option<Vec<String>> {
    let mut names = vec![name.to_string()];
    loop {
        let current = names.last().cloned().unwrap_or_default();
        let dir = root.join("themes").join(&current);
        if !dir.join("templates").is_dir() && current == "default" {
            return Some(names);
        }
        if !dir.join("templates").is_dir() {
            diags.push(
                Diagnostic::error("theme.missing", format!("找不到主题 `{current}`（应有文件夹 themes/{current}/templates/）"))
                    .in_file("content/site.yaml")
                    .hint("检查 site.yaml 的 `theme`，或主题的 theme.yaml 里的 `extends`；默认主题叫 default"),
            );
            return None;
        }
        let manifest = dir.join("theme.yaml");
        let parent = std::fs::read_to_string(&manifest).ok().and_then(|t| {
            t.lines()
                .find_map(|l| {
                    l.strip_prefix("extends:")
                        .map(|v| v.trim().trim_matches(['"', '\'']).to_string())
                })
                .filter(|v| !v.is_empty())
        });
        match parent {
            Some(p) if names.contains(&p) || names.len() >= MAX_DEPTH => {
                diags.push(
                    Diagnostic::error(
                        "theme.cycle",
                        format!("主题继承关系成环或太深：{} → {p}", names.join(" → ")),
                    )
                    .in_file(format!("themes/{current}/theme.yaml")),
                );
                return None;
            }
            Some(p) => names.push(p),
            None => return Some(names),
        }
    }
}

/// Loads a theme and its parents. Template syntax errors are diagnostics with file and line.
pub fn load(root: &Path, name: &str, diags: &mut Diagnostics) -> Result<Option<Theme>, String> {
    let Some(names) = chain(root, name, diags) else {
        return Ok(None);
    };
    let mut tera = tera::Tera::new();
    let prefixes: Vec<String> = names.iter().skip(1).map(|n| format!("{n}/")).collect();
    tera.set_fallback_prefixes(prefixes.clone())
        .map_err(|e| e.to_string())?;
    let mut templates: Vec<(String, String)> = Vec::new();
    let mut files = BTreeMap::new();
    let mut sources = BTreeMap::new();
    let mut statics: BTreeMap<String, OutputFile> = BTreeMap::new();
    for (depth, theme) in names.iter().enumerate() {
        let dir = root.join("themes").join(theme);
        let name_of = |rel: &str| {
            if depth == 0 {
                rel.to_string()
            } else {
                format!("{theme}/{rel}")
            }
        };
        if theme == "default" && !dir.join("templates").is_dir() {
            for (rel, bytes) in embedded("templates") {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let shown = format!("(内置主题)/templates/{rel}");
                files.insert(name_of(&rel), shown.clone());
                sources.insert(shown, text.clone());
                templates.push((name_of(&rel), text));
            }
            for (rel, bytes) in embedded("static") {
                statics.entry(rel.clone()).or_insert(OutputFile {
                    path: rel,
                    content: Content::Bytes(bytes),
                });
            }
            continue;
        }
        for (rel, abs) in walk(&dir.join("templates"))? {
            let text = std::fs::read_to_string(&abs)
                .map_err(|e| format!("读取 {} 失败：{e}", abs.display()))?;
            let shown = format!("themes/{theme}/templates/{rel}");
            files.insert(name_of(&rel), shown.clone());
            sources.insert(shown, text.clone());
            templates.push((name_of(&rel), text));
        }
        for (rel, abs) in walk(&dir.join("static"))? {
            statics.entry(rel.clone()).or_insert(OutputFile {
                path: rel,
                content: Content::Copy(abs),
            });
        }
    }
    // Each template alone first, so that every one with a mistake of its own is reported.
    let mut ok = true;
    for (name, text) in &templates {
        let mut one = tera::Tera::new();
        if let Err(e) = one.add_raw_template(name, text) {
            let found = template_errors(&e, Alone::Yes, &files, &sources);
            ok &= found.is_empty();
            diags.extend(found);
        }
    }
    if !ok {
        return Ok(None);
    }
    if let Err(e) = tera.add_raw_templates(templates) {
        let found = template_errors(&e, Alone::No, &files, &sources);
        if found.is_empty() {
            diags.push(
                Diagnostic::error("template.error", format!("模板加载失败：{e}"))
                    .in_file(format!("themes/{name}/templates/")),
            );
        }
        diags.extend(found);
        return Ok(None);
    }
    Ok(Some(Theme {
        tera,
        static_files: statics.into_values().collect(),
        files,
        sources,
        prefixes,
    }))
}

/// Files of the built-in default theme under `sub` (`templates` or `static`), by path below it.
fn embedded(sub: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack: Vec<&Dir> = DEFAULT_THEME.get_dir(sub).into_iter().collect();
    while let Some(d) = stack.pop() {
        stack.extend(d.dirs());
        for f in d.files() {
            let path = f.path().to_string_lossy().replace('\\', "/");
            let rel = path
                .strip_prefix(&format!("{sub}/"))
                .unwrap_or(&path)
                .to_string();
            out.push((rel, f.contents().to_vec()));
        }
    }
    out.sort();
    out
}

/// Every file of the built-in default theme, by path inside the theme folder (for `init --theme-copy`).
pub fn embedded_default_files() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack: Vec<&Dir> = vec![&DEFAULT_THEME];
    while let Some(d) = stack.pop() {
        stack.extend(d.dirs());
        for f in d.files() {
            out.push((
                f.path().to_string_lossy().replace('\\', "/"),
                f.contents().to_vec(),
            ));
        }
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Result<Vec<(String, std::path::PathBuf)>, String> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.map_err(|e| format!("读取 {} 失败：{e}", dir.display()))?;
        let name = e.file_name().to_string_lossy();
        if !e.file_type().is_file() || crate::load::is_ignored(&name) {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap_or(e.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        out.push((rel, e.path().to_path_buf()));
    }
    Ok(out)
}
