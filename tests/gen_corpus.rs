//! The benchmark corpus generator (examples/gen_corpus.rs): deterministic, and what it writes passes
//! `check` without a single diagnostic and builds. A small run of what bench/run.sh does at scale.

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

use gongjiang::diag::Diagnostics;
use gongjiang::model::site::LoadOptions;
use gongjiang::{output, pipeline};
use std::path::{Path, PathBuf};

fn generate(dir: &Path, profiles: usize, seed: u64, hugo: bool) -> gen_corpus::Summary {
    generate_with_unions(dir, profiles, seed, hugo, 0, 0)
}

fn generate_with_unions(
    dir: &Path,
    profiles: usize,
    seed: u64,
    hugo: bool,
    unions: usize,
    district: usize,
) -> gen_corpus::Summary {
    gen_corpus::generate(&gen_corpus::Options {
        profiles,
        seed,
        out: dir.join("site"),
        hugo: hugo.then(|| dir.join("hugo")),
        theme: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        unions,
        district,
    })
    .expect("generate")
}

/// Every file under `dir` with its bytes, sorted by path.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("inside");
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect();
    out.sort();
    out
}

fn opts() -> LoadOptions {
    LoadOptions {
        this_year: Some(2026),
        ..LoadOptions::default()
    }
}

#[test]
fn the_same_seed_writes_the_same_bytes() {
    let (a, b, c) = (tempdir(), tempdir(), tempdir());
    let sa = generate(a.path(), 60, 7, true);
    let sb = generate(b.path(), 60, 7, true);
    generate(c.path(), 60, 8, false);
    assert_eq!(sa, sb);
    assert_eq!(sa.stories, 6);
    assert!(sa.photos > 0);
    assert_eq!(tree(a.path()), tree(b.path()));
    assert_ne!(
        tree(&a.path().join("site/content")),
        tree(&c.path().join("site/content"))
    );
    // The Hugo copy carries the same profiles.
    let hugo = tree(&a.path().join("hugo/content/craftsmen"));
    let ours = tree(&a.path().join("site/content/craftsmen"));
    let names = |t: &[(String, Vec<u8>)]| -> Vec<String> {
        t.iter()
            .map(|(p, _)| p.clone())
            .filter(|p| p != "_index.md")
            .collect()
    };
    assert_eq!(names(&hugo), names(&ours));
}

#[test]
fn a_generated_site_checks_clean_and_builds_the_same_twice() {
    let t = tempdir();
    let s = generate(t.path(), 50, 1, false);
    let site = t.path().join("site");
    let mut d = Diagnostics::new();
    let built = pipeline::run(&site, &opts(), &mut d).expect("operational error");
    let sorted = d.into_sorted();
    assert!(sorted.is_empty(), "{sorted:#?}");
    let built = built.expect("builds");
    assert_eq!(built.site.craftsmen.len(), s.profiles - s.withdrawn);
    assert_eq!(built.site.cohorts.len(), 10);
    assert_eq!(built.site.brands.len(), 10);
    assert_eq!(built.site.stories.len(), 5);
    output::write_atomic(&t.path().join("one"), &built.files).expect("write");

    let mut d = Diagnostics::new();
    let again = pipeline::run(&site, &opts(), &mut d)
        .expect("operational error")
        .expect("builds");
    output::write_atomic(&t.path().join("two"), &again.files).expect("write");
    let one = tree(&t.path().join("one"));
    assert_eq!(one, tree(&t.path().join("two")));
    for page in [
        "index.html",
        "craftsmen/index.html",
        "cohorts/2016/index.html",
        "industries/C/index.html",
        "brands/service-team/index.html",
        "stories/story-1/index.html",
        "stats/index.html",
    ] {
        assert!(one.iter().any(|(p, _)| p == page), "{page} missing");
    }
    // Photos are published resized, never as the original; private data never reaches a file.
    assert!(one
        .iter()
        .any(|(p, _)| p.contains("/photo-") && p.ends_with(".webp")));
    assert!(!one.iter().any(|(p, _)| p.ends_with("/photo.png")));
    for (p, bytes) in &one {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("采访请提前一周联系本人"), "{p}");
    }
}

#[test]
fn a_generated_site_with_unions_checks_clean_and_builds() {
    let t = tempdir();
    let s = generate_with_unions(t.path(), 50, 1, false, 5, 40);
    assert_eq!((s.unions, s.district), (5, 40));
    assert!(s.union_cohorts > 0);
    assert!(s.promoted > 0, "{s:?}");
    let site = t.path().join("site");
    let mut d = Diagnostics::new();
    let built = pipeline::run(&site, &opts(), &mut d).expect("operational error");
    let sorted = d.into_sorted();
    assert!(sorted.is_empty(), "{sorted:#?}");
    let built = built.expect("builds");
    assert_eq!(
        built.site.craftsmen.len(),
        s.profiles + s.district - s.withdrawn
    );
    assert_eq!(built.site.cohorts.len(), 10);
    assert_eq!(built.site.unions.len(), 5);
    let cohorts: usize = built.site.unions.iter().map(|u| u.cohorts.len()).sum();
    assert_eq!(cohorts, s.union_cohorts);
    // Some have not selected anyone yet; every one has a site of its own.
    assert!(built.site.unions.iter().any(|u| u.cohorts.is_empty()));
    assert!(built.site.unions.iter().all(|u| u.site.is_some()));
    let system = built.site.system();
    assert!(system.promoted > 0);
    assert!(system.district > 0 && system.bureau > 0);
    output::write_atomic(&t.path().join("out"), &built.files).expect("write");
    let out = tree(&t.path().join("out"));
    let u = built
        .site
        .unions
        .iter()
        .find(|u| !u.cohorts.is_empty())
        .expect("a union with cohorts");
    for page in [
        "unions/index.html".to_string(),
        format!("unions/{}/index.html", u.slug),
        format!("unions/{}/cohorts/{}/index.html", u.slug, u.cohorts[0].year),
    ] {
        assert!(out.iter().any(|(p, _)| *p == page), "{page} missing");
    }

    // The unions leave the city's cohorts and stories as they were.
    let plain = tempdir();
    generate(plain.path(), 50, 1, false);
    for dir in ["site/content/cohorts", "site/content/stories"] {
        assert!(
            tree(&t.path().join(dir)) == tree(&plain.path().join(dir)),
            "{dir}"
        );
    }
    let again = tempdir();
    assert_eq!(generate_with_unions(again.path(), 50, 1, false, 5, 40), s);
    // (The build above left its image cache in the site folder: compare the content.)
    assert!(tree(&site.join("content")) == tree(&again.path().join("site/content")));
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}
