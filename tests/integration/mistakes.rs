//! Editors' mistakes, one case each: `tests/mistakes/<case>/` holds the files that make the mistake
//! (laid over the `minimal` fixture, which is clean) and `expected.jsonl`, the exit code and
//! what `gongjiang check --format json` prints for them.
//!
//! A new case is one new folder. `UPDATE_MISTAKES=1 cargo test --test integration mistakes`
//! writes every `expected.jsonl` anew from what `check` prints: read the diff before committing.
//! A file named `REMOVE` lists fixture files (one path a line) the case deletes first.

use crate::support::{self, TestSite};
use std::path::Path;

#[test]
fn every_mistake_gives_its_expected_diagnostics() {
    let root = support::repo().join("tests/mistakes");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/mistakes")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
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
                case.file_name().unwrap_or_default().to_string_lossy()
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
    let out = site.run(&["check", "--format", "json"]);
    format!(
        "{{\"exit\":{}}}\n{}",
        out.status.code().unwrap_or(-1),
        support::stdout(&out)
    )
}
