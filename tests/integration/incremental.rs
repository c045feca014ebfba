//! The preview's reuse of parsed files: after any sequence of edits, the result equals a full rebuild byte for byte.

use crate::support::TestSite;
use gongjiang::diag::Diagnostics;
use gongjiang::model::parse_cache::ParseCache;
use gongjiang::model::site::LoadOptions;
use gongjiang::pipeline;
use gongjiang::serve::rebuild::Rebuilder;
use std::path::PathBuf;
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

type Outcome = (
    Option<Vec<gongjiang::output::OutputFile>>,
    Vec<gongjiang::diag::Diagnostic>,
);

fn options(cache: Option<Arc<ParseCache>>) -> LoadOptions {
    LoadOptions {
        this_year: Some(2026),
        cache,
        ..LoadOptions::default()
    }
}

/// A full build in memory: files and diagnostics.
fn full(site: &TestSite) -> Outcome {
    let mut d = Diagnostics::new();
    let built = pipeline::run(site.root(), &options(None), &mut d).unwrap();
    (built.map(|b| b.files), d.into_sorted())
}

/// The preview's rebuild after `changed` paths changed, with every file rendered from it.
fn incremental(r: &mut Rebuilder, changed: Option<&[PathBuf]>) -> Outcome {
    let mut d = Diagnostics::new();
    let generation = r.rebuild(changed, &mut d).unwrap();
    let files = generation.and_then(|g| match g.files() {
        Ok(f) => Some(f),
        Err(errors) => {
            d.extend(errors);
            None
        }
    });
    (files, d.into_sorted())
}

/// Makes one random edit and returns the paths it touched (absolute, as file events give them).
/// Replaces the first `a` in the file with `b`, or (when there is no `a`) the first `b` with `a`.
fn toggle(site: &TestSite, path: &str, a: &str, b: &str) -> Vec<PathBuf> {
    let t = site.read(path);
    let flipped = if t.contains(a) {
        t.replacen(a, b, 1)
    } else {
        t.replacen(b, a, 1)
    };
    site.write(path, flipped);
    vec![site.root().join(path)]
}

fn edit(site: &TestSite, rng: &mut Rng, step: usize) -> Vec<PathBuf> {
    let profile = "content/craftsmen/zhang-wei.md";
    let at = |p: &str| site.root().join(p);
    match rng.below(14) {
        0 => {
            let t = site.read(profile);
            let line = t
                .lines()
                .find(|l| l.starts_with("summary:"))
                .unwrap_or("summary: x")
                .to_string();
            site.write(
                profile,
                t.replacen(&line, &format!("summary: 第{step}次修改"), 1),
            );
            vec![at(profile)]
        }
        1 => toggle(site, profile, "work_years: 30\n", "work_years: 30年\n"),
        2 => {
            let p = format!("content/craftsmen/extra-{}.md", rng.below(3));
            site.write(
                &p,
                format!("---\nname: 新人{step}\ncohort: 2018\nemployer: 某厂\npost: 钳工\nindustry: 建筑业\n---\n第{step}步\n"),
            );
            vec![at(&p)]
        }
        3 => {
            let p = format!("content/craftsmen/extra-{}.md", rng.below(3));
            if site.root().join(&p).exists() {
                site.remove(&p);
            }
            vec![at(&p)]
        }
        4 => {
            let p = at("content/craftsmen/li-na/photo.png");
            let q = at("content/craftsmen/li-na/photo.bak");
            if p.exists() {
                std::fs::rename(&p, &q).unwrap();
            } else {
                std::fs::rename(&q, &p).unwrap();
            }
            vec![p, q]
        }
        5 => {
            let p = "content/stories/first-story.md";
            let t = site.read(p);
            site.write(p, format!("{t}\n第{step}段。"));
            vec![at(p)]
        }
        6 => toggle(
            site,
            "content/cohorts/2018.yaml",
            "title: 2018年度",
            "title: 2018 年度",
        ),
        7 => toggle(
            site,
            "themes/default/templates/page.html",
            "<article>",
            "<article class=\"x\">",
        ),
        // A new surname: another letter of the A–Z index, another place in the cohort's order.
        8 => toggle(site, profile, "name: 张伟\n", "name: 安伟\n"),
        9 => toggle(site, profile, "brands: [studio]\n", "brands: []\n"),
        10 => toggle(
            site,
            "content/cohorts/2018.yaml",
            "  - zhang-wei\n  - li-na\n",
            "  - li-na\n  - zhang-wei\n",
        ),
        // A body photo beside the profile (resized, its original unpublished).
        12 => toggle(
            site,
            "content/craftsmen/li-na/index.md",
            "李娜的故事。\n",
            "李娜的故事。\n\n![工作照](photo.png \"试验台\")\n",
        ),
        // A static picture saved again (stripped), shown in a page body (resized).
        13 => {
            let p = "content/static/img/badge.png";
            let size = 4 + (step % 5) as u32;
            let img = image::RgbImage::from_fn(size, size, |x, y| {
                image::Rgb([x as u8 * 40, y as u8 * 40, step as u8])
            });
            let mut png = Vec::new();
            img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
                .unwrap();
            site.write(p, png);
            let page = "content/pages/about.md";
            let t = site.read(page);
            let shown = "\n\n![徽章](/img/badge.png)\n";
            let flipped = if t.contains(shown) {
                t.replacen(shown, "", 1)
            } else {
                format!("{t}{shown}")
            };
            site.write(page, flipped);
            let mut changed = vec![at(page)];
            changed.push(at(p));
            changed
        }
        _ => {
            let p = "content/pages/about.md";
            let t = site.read(p);
            site.write(
                p,
                format!("{t}\n[链接](/craftsmen/extra-{}/)", rng.below(3)),
            );
            vec![at(p)]
        }
    }
}

#[test]
fn random_edit_sequences_match_a_full_rebuild() {
    for seed in [1u64, 7, 42, 2026] {
        let site = TestSite::fixture("minimal");
        let mut r = Rebuilder::new(site.root(), options(Some(Arc::new(ParseCache::default()))));
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        assert!(incremental(&mut r, None) == full(&site));
        for step in 0..25 {
            let changed = edit(&site, &mut rng, step);
            let inc = incremental(&mut r, Some(&changed));
            assert!(
                inc == full(&site),
                "seed {seed}, step {step}: incremental result differs from a full rebuild"
            );
        }
    }
}

/// The check above can fail: a rebuild told of no change keeps the old text of an edited file.
#[test]
fn a_missed_change_is_noticed_by_the_comparison() {
    let site = TestSite::fixture("minimal");
    let mut r = Rebuilder::new(site.root(), options(Some(Arc::new(ParseCache::default()))));
    incremental(&mut r, None);
    let profile = "content/craftsmen/zhang-wei.md";
    site.write(
        profile,
        site.read(profile)
            .replace("三十年只做一件事", "四十年只做一件事"),
    );
    assert!(incremental(&mut r, Some(&[])) != full(&site));
    let changed = [site.root().join(profile)];
    assert!(incremental(&mut r, Some(&changed)) == full(&site));
}
