//! Times the preview's rebuild after one profile is saved, in process (no file watcher, no HTTP):
//! re-read, parse, check, prepare, render the profile's page. Prints each run and the median.
//!
//! `cargo run --release --example rebuild_timing -- SITE [--runs 15]`

use gongjiang::diag::Diagnostics;
use gongjiang::model::parse_cache::ParseCache;
use gongjiang::model::site::LoadOptions;
use gongjiang::serve::rebuild::Rebuilder;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

// The allocator the `gongjiang` binary uses, so that the figures match it.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let site = PathBuf::from(
        args.first()
            .ok_or("usage: rebuild_timing SITE [--runs N]")?,
    )
    .canonicalize()
    .map_err(|e| e.to_string())?;
    let runs: usize = match args.iter().position(|a| a == "--runs") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .ok_or("--runs takes a number")?,
        None => 15,
    };
    let dir = site.join("content/craftsmen");
    let mut profiles: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    profiles.sort();
    let profile = profiles.first().ok_or("no profile")?.clone();
    let slug = profile
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let original = std::fs::read_to_string(&profile).map_err(|e| e.to_string())?;
    let opts = LoadOptions {
        cache: Some(Arc::new(ParseCache::default())),
        ..LoadOptions::default()
    };
    let mut r = Rebuilder::new(&site, opts);
    let mut d = Diagnostics::new();
    r.rebuild(None, &mut d)?.ok_or("the site has errors")?;
    let mut times = Vec::new();
    let mut page_times = Vec::new();
    for i in 0..runs {
        let marker = format!("计时标记{i}");
        let text: Vec<String> = original
            .lines()
            .map(|l| {
                if l.starts_with("summary:") {
                    format!("summary: {marker}")
                } else {
                    l.to_string()
                }
            })
            .collect();
        std::fs::write(&profile, text.join("\n") + "\n").map_err(|e| e.to_string())?;
        let start = Instant::now();
        let mut d = Diagnostics::new();
        let g = r
            .rebuild(Some(std::slice::from_ref(&profile)), &mut d)?
            .ok_or("the edit broke the site")?;
        let built = start.elapsed();
        let page = format!("craftsmen/{slug}/index.html");
        let ok = match g.get(&page) {
            Some(gongjiang::serve::generation::Got::Bytes(b)) => {
                String::from_utf8_lossy(&b).contains(&marker)
            }
            _ => false,
        };
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let page_ms = ms - built.as_secs_f64() * 1000.0;
        // The preview frees the old site on another thread, after the reload.
        std::thread::spawn(move || drop(g));
        if !ok {
            return Err(format!("the page does not show the edit: {page}"));
        }
        println!("run {}: {ms:.1} ms (the page: {page_ms:.1} ms)", i + 1);
        times.push(ms);
        page_times.push(page_ms);
    }
    std::fs::write(&profile, &original).map_err(|e| e.to_string())?;
    times.sort_by(f64::total_cmp);
    page_times.sort_by(f64::total_cmp);
    println!(
        "median rebuild + page: {:.1} ms (the page alone: {:.1} ms) over {runs} runs ({slug})",
        times[times.len() / 2],
        page_times[page_times.len() / 2]
    );
    Ok(())
}
