//! Editors' mistakes, one case each: `tests/mistakes/<case>/` holds the files that make the mistake
//! (laid over the `minimal` fixture, which is clean) and `expected.jsonl`, the exit code and
//! what `gongjiang check --format json` prints for them, which `gongjiang build` prints too.
//!
//! Whatever the case, the suite also holds that every message and hint is Chinese, that `check`
//! exits 1 exactly when one of them is an error, that the build stops exactly then, and that a
//! `correct-` case shows nothing.
//!
//! A new case is one new folder. `UPDATE_MISTAKES=1 cargo test --test integration mistakes`
//! writes every `expected.jsonl` anew from what `check` prints: read the diff before committing.
//! A file named `REMOVE` lists fixture files (one path a line) the case deletes first.

use crate::support::{self, TestSite};
use std::path::{Path, PathBuf};

/// Every case folder, in name order.
fn cases() -> Vec<PathBuf> {
    let root = support::repo().join("tests/mistakes");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/mistakes")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

fn name(case: &Path) -> String {
    case.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn every_mistake_gives_its_expected_diagnostics() {
    let cases = cases();
    assert!(cases.len() >= 10, "only {} cases", cases.len());
    let update = std::env::var_os("UPDATE_MISTAKES").is_some();
    let mut wrong = Vec::new();
    for case in &cases {
        let got = run(case);
        let file = case.join("expected.jsonl");
        if update {
            std::fs::write(&file, &got).expect("write expected.jsonl");
            continue;
        }
        let expected = std::fs::read_to_string(&file).unwrap_or_default();
        if expected != got {
            wrong.push(format!(
                "{}:\n--- expected\n{expected}--- got\n{got}",
                name(case)
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases differ (UPDATE_MISTAKES=1 rewrites them):\n\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

/// The exit code and JSON lines of `check` on the minimal site with the case laid over it.
fn run(case: &Path) -> String {
    let site = TestSite::fixture("minimal");
    if let Ok(list) = std::fs::read_to_string(case.join("REMOVE")) {
        for rel in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
            site.remove(rel);
        }
    }
    for e in walkdir::WalkDir::new(case).sort_by_file_name() {
        let e = e.expect("walk");
        let rel = e.path().strip_prefix(case).expect("inside the case");
        let name = rel.to_string_lossy();
        if !e.file_type().is_file() || name == "expected.jsonl" || name == "REMOVE" {
            continue;
        }
        site.write(&name, std::fs::read(e.path()).expect("read"));
    }
    let said = |out: std::process::Output| {
        format!(
            "{{\"exit\":{}}}\n{}",
            out.status.code().unwrap_or(-1),
            support::stdout(&out)
        )
    };
    let checked = said(site.run(&["check", "--format", "json"]));
    // build says the same as check, exit code included.
    let printed_by_build = said(site.run(&["build", "--format", "json"]));
    assert_eq!(
        checked,
        printed_by_build,
        "{}: check and build differ",
        name(case)
    );
    let (built, diags) = site.check();
    let errors = diags.iter().filter(|d| d.is_error()).count();
    assert_eq!(
        built,
        errors == 0,
        "{}: the build must stop exactly when there is an error: {diags:#?}",
        name(case)
    );
    checked
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// What every case shows, whatever its mistake: a message and a hint in Chinese for each
/// problem, exit 1 exactly when one is an error, and nothing at all from a `correct-` case.
#[test]
fn every_diagnostic_is_chinese_with_a_hint_and_errors_decide_the_exit_code() {
    let mut wrong = Vec::new();
    for case in cases() {
        let text = std::fs::read_to_string(case.join("expected.jsonl")).unwrap_or_default();
        let mut lines = text
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"));
        let exit = lines.next().map(|v| v["exit"].clone());
        let diags: Vec<serde_json::Value> = lines.collect();
        let name = name(&case);
        for d in &diags {
            let text = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            if !has_chinese(&text("message")) || !has_chinese(&text("hint")) {
                wrong.push(format!("{name}: not Chinese or no hint: {d}"));
            }
        }
        let errors = diags.iter().any(|d| d["severity"] == "error");
        if exit != Some(u8::from(errors).into()) {
            wrong.push(format!("{name}: exit {exit:?} with errors: {errors}"));
        }
        if name.starts_with("correct-") && !diags.is_empty() {
            wrong.push(format!(
                "{name}: a correct case shows {} problems",
                diags.len()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// docs/messages.md: every code the suite shows, with its severity and one example message and
/// hint, from the first case (in name order) that shows it. `UPDATE_DOCS=1 cargo test --test
/// integration mistakes` writes it anew.
#[test]
fn docs_list_every_code_the_suite_shows_with_an_example() {
    let cases = cases();
    let mut seen: std::collections::BTreeMap<String, (String, String, String, String)> =
        std::collections::BTreeMap::new();
    for case in &cases {
        let text = std::fs::read_to_string(case.join("expected.jsonl")).unwrap_or_default();
        let name = name(case);
        for line in text.lines().skip(1) {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            seen.entry(field("code")).or_insert_with(|| {
                let severity = match v["severity"].as_str() {
                    Some("error") => "错误",
                    _ => "警告",
                };
                (
                    severity.to_string(),
                    field("message"),
                    field("hint"),
                    name.to_string(),
                )
            });
        }
    }
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut doc = String::from(
        "# 提示一览\n\n\
         `gongjiang check` 和预览里每一种提示的代码、严重程度（错误：网站不生成，必须改；\
         警告：网站照常生成，最好改）和一个例子。例子取自测试用例 `tests/mistakes/<用例>/`，\
         那里有出错的文件和完整的输出。\n\n\
         <!-- 这个文件由测试生成：UPDATE_DOCS=1 cargo test --test integration mistakes -->\n\n\
         | 代码 | 严重程度 | 例子 | 怎么改 | 用例 |\n|---|---|---|---|---|\n",
    );
    for (code, (severity, message, hint, case)) in &seen {
        doc.push_str(&format!(
            "| `{code}` | {severity} | {} | {} | `{case}` |\n",
            cell(message),
            cell(hint)
        ));
    }
    let path = support::repo().join("docs/messages.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &doc).expect("write docs/messages.md");
        return;
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == doc,
        "docs/messages.md differs from the suite; `UPDATE_DOCS=1 cargo test --test integration mistakes` writes it anew"
    );
}
