//! The preview's reuse of parsed files: after any sequence of edits, the result equals a full rebuild byte for byte.

use crate::support::TestSite;
use gongjiang::diag::Diagnostics;
use gongjiang::model::site::{LoadOptions, ParseCache};
use gongjiang::pipeline;
use gongjiang::render::cache::RenderCache;
use std::sync::Arc;

/// A small deterministic generator (xorshift), so a failing sequence can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Files and diagnostics of one run, comparable.
type Caches = (Arc<ParseCache>, RenderCache);

fn run(
    site: &TestSite,
    caches: Option<&Caches>,
) -> (
    Option<Vec<gongjiang::render::OutputFile>>,
    Vec<gongjiang::diag::Diagnostic>,
) {
    let opts = LoadOptions {
        this_year: Some(2026),
        cache: caches.map(|c| c.0.clone()),
        ..LoadOptions::default()
    };
    let mut d = Diagnostics::new();
    let built = pipeline::run_cached(site.root(), &opts, caches.map(|c| &c.1), &mut d).unwrap();
    (built.map(|b| b.files), d.into_sorted())
}

fn edit(site: &TestSite, rng: &mut Rng, step: usize) {
    let profile = "content/craftsmen/zhang-wei.md";
    match rng.below(9) {
        0 => {
            let t = site.read(profile);
            let line = t.lines().find(|l| l.starts_with("summary:")).unwrap_or("summary: x").to_string();
            site.write(profile, t.replacen(&line, &format!("summary: 第{step}次修改"), 1));
        }
        1 => {
            let t = site.read(profile);
            let broken = if t.contains("work_years: 30\n") { t.replace("work_years: 30\n", "work_years: 30年\n") } else { t.replace("work_years: 30年\n", "work_years: 30\n") };
            site.write(profile, broken);
        }
        2 => site.write(
            &format!("content/craftsmen/extra-{}.md", rng.below(3)),
            format!("---\nname: 新人{step}\ncohort: 2018\nemployer: 某厂\npost: 钳工\nindustry: 建筑业\n---\n第{step}步\n"),
        ),
        3 => {
            let p = format!("content/craftsmen/extra-{}.md", rng.below(3));
            if site.root().join(&p).exists() {
                site.remove(&p);
            }
        }
        4 => {
            let p = site.root().join("content/craftsmen/li-na/photo.png");
            let q = site.root().join("content/craftsmen/li-na/photo.bak");
            if p.exists() {
                std::fs::rename(p, q).unwrap();
            } else {
                std::fs::rename(q, p).unwrap();
            }
        }
        5 => {
            let t = site.read("content/stories/first-story.md");
            site.write("content/stories/first-story.md", format!("{t}\n第{step}段。"));
        }
        6 => {
            let c = site.read("content/cohorts/2018.yaml");
            let flipped = if c.contains("title: 2018年度") { c.replace("title: 2018年度", "title: 2018 年度") } else { c.replace("title: 2018 年度", "title: 2018年度") };
            site.write("content/cohorts/2018.yaml", flipped);
        }
        7 => {
            let t = site.read("themes/default/templates/page.html");
            let flipped = if t.contains("<article>") { t.replacen("<article>", "<article class=\"x\">", 1) } else { t.replacen("<article class=\"x\">", "<article>", 1) };
            site.write("themes/default/templates/page.html", flipped);
        }
        _ => {
            let t = site.read("content/pages/about.md");
            site.write("content/pages/about.md", format!("{t}\n[链接](/craftsmen/extra-{}/)", rng.below(3)));
        }
    }
}

#[test]
fn random_edit_sequences_match_a_full_rebuild() {
    for seed in [1u64, 7, 42, 2026] {
        let site = TestSite::fixture("minimal");
        let caches = (Arc::new(ParseCache::default()), RenderCache::default());
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        run(&site, Some(&caches));
        for step in 0..25 {
            edit(&site, &mut rng, step);
            let incremental = run(&site, Some(&caches));
            let full = run(&site, None);
            assert!(
                incremental == full,
                "seed {seed}, step {step}: incremental result differs from a full rebuild"
            );
        }
    }
}
