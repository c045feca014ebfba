//! The library's layers as ARCHITECTURE.md draws them: every `crate::` path in `src/` points to a lower layer, and no two modules of one folder import each other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The library's top-level modules, lowest first: a module may name only modules of lower
/// layers. Keep in step with ARCHITECTURE.md.
#[rustfmt::skip]
const LAYERS: &[&[&str]] = &[
    // Text, problems and settings-free helpers: no knowledge of the site.
    &["source", "suggest", "html_text", "timing", "privacy"],
    &["diag", "links", "configured_url", "schema", "output"],
    &["raw_html", "filing"],
    &["markdown"],
    // Reading files into checked values.
    &["load"],
    &["config", "habits"],
    // The site model, then what is made from it.
    &["model"],
    &["photos", "search"],
    &["render"],
    &["pipeline", "scaffold"],
    &["serve"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// A module path (`["model", "urls"]`) for a file under `src/`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without comments and without its `#[cfg(test)]` module.
fn code_of(text: &str) -> String {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let Some(at) = code.find("#[cfg(test)]\nmod tests") else {
        return code;
    };
    let rest = &code[at..];
    let end = match (rest.find('{'), rest.find(';')) {
        (Some(open), semi) if semi.is_none_or(|s| open < s) => {
            // The block up to its matching brace.
            let mut depth = 0usize;
            let mut end = rest.len();
            for (i, c) in rest.char_indices().skip_while(|&(i, _)| i < open) {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            end
        }
        (_, Some(semi)) => semi + 1,
        _ => rest.len(),
    };
    format!("{}{}", &code[..at], &rest[end..])
}

/// The module paths a file's code names: `crate::a::b::…` (and `crate::{a, b}`), and `super::x`
/// resolved against `module`, the file's own module path.
fn named(code: &str, module: &[String]) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    let parent = &module[..module.len().saturating_sub(1)];
    for (prefix, base) in [("crate::", &[][..]), ("super::", parent)] {
        for (at, _) in code.match_indices(prefix) {
            if code[..at].ends_with("::") {
                continue; // `super::super::…` is read from its first `super`
            }
            for path in paths_after(&code[at + prefix.len()..]) {
                let mut full = base.to_vec();
                full.extend(path);
                if !full.is_empty() {
                    out.insert(full);
                }
            }
        }
    }
    out
}

/// The module paths written at the start of `rest`: `a::b::Type` gives `a::b`, `{a::x, b}` gives
/// `a::x` and `b`.
fn paths_after(rest: &str) -> Vec<Vec<String>> {
    let words = |s: &str| -> Vec<String> {
        s.trim()
            .split("::")
            .take_while(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
            })
            .map(str::to_string)
            .collect()
    };
    if let Some(inner) = rest.strip_prefix('{') {
        let inner = &inner[..inner.find('}').unwrap_or(inner.len())];
        return inner
            .split(',')
            .map(words)
            .filter(|p| !p.is_empty())
            .collect();
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(rest.len());
    vec![words(&rest[..end])]
}

/// Every library file under `src/` (the binary's `main.rs`, `cli.rs` and `cmd/` left out).
fn library_files(src: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(src)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter(|p| {
            let rel = p.strip_prefix(src).unwrap_or(p);
            !matches!(rel.to_str(), Some("main.rs" | "cli.rs" | "lib.rs"))
                && !rel.starts_with("cmd")
        })
        .collect()
}

/// Module → the modules it names, each path cut to `depth` parts (a module's own parts left out).
fn graph(depth: usize) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let known: BTreeSet<Vec<String>> = library_files(&src)
        .iter()
        .map(|f| module_of(&src, f))
        .collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in library_files(&src) {
        let module = module_of(&src, &file);
        if module.last().is_some_and(|m| m == "tests") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source file");
        let from: Vec<String> = module.iter().take(depth).cloned().collect();
        for path in named(&code_of(&text), &module) {
            // The longest prefix that is a module of the crate.
            let Some(target) = (1..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| known.contains(p))
            else {
                continue;
            };
            let to: Vec<String> = target.into_iter().take(depth).collect();
            if to != from && !to.is_empty() && !from.is_empty() {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    edges
}

#[test]
fn every_module_names_only_lower_layers() {
    let mut wrong = Vec::new();
    for (from, tos) in graph(1) {
        let Some(own) = layer_of(&from[0]) else {
            wrong.push(format!("src/{} has no layer in LAYERS", from[0]));
            continue;
        };
        for to in tos {
            match layer_of(&to[0]) {
                Some(l) if l < own => {}
                Some(_) => wrong.push(format!("{} names {}, not a lower layer", from[0], to[0])),
                None => wrong.push(format!("src/{} has no layer in LAYERS", to[0])),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_two_modules_of_a_folder_import_each_other() {
    let edges = graph(2);
    let mut circles = Vec::new();
    for (from, tos) in &edges {
        for to in tos {
            if from < to && edges.get(to).is_some_and(|back| back.contains(from)) {
                circles.push(format!("{} ⇄ {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert!(circles.is_empty(), "{}", circles.join("\n"));
}

#[test]
fn the_reading_of_paths_finds_what_a_file_names() {
    let module = vec!["model".to_string(), "urls".to_string()];
    let code = code_of(
        "use crate::load::fields::Fields;\nuse crate::{output, pipeline::Sink};\n// crate::render::x\nfn f() { super::site::g(); crate::diag::x() }\n#[cfg(test)]\nmod tests {\n use crate::serve::x;\n fn g() { if true { crate::cmd::x() } }\n}\nfn h() { crate::photos::x() }\n",
    );
    let found: Vec<String> = named(&code, &module)
        .into_iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        found,
        [
            "diag::x",
            "load::fields",
            "model::site::g",
            "output",
            "photos::x",
            "pipeline"
        ]
    );
}
