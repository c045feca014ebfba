//! What the checks for other programs' habits cost on a site, beside what rendering the same
//! bodies costs:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --profiles 10000 --seed 1 --out /tmp/site
//! cargo run --release --example habits_cost -- /tmp/site
//! ```
//!
//! Prints the time of each step over every content file (best of three rounds): decoding
//! (control characters and the invisible-character scan included), the invisible-character scan
//! alone, the body checks, and Markdown rendering of the same bodies for scale.

use gongjiang::diag::Diagnostics;
use gongjiang::load::{frontmatter, invisible, text};
use gongjiang::source::SourceFile;
use std::time::{Duration, Instant};

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let content = std::path::Path::new(&root).join("content");
    let files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            e.file_type().is_file() && (name.ends_with(".md") || name.ends_with(".yaml"))
        })
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(&root)
                .ok()?
                .to_string_lossy()
                .into_owned();
            Some((rel, std::fs::read(e.path()).ok()?))
        })
        .collect();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    println!("{} files, {:.1} MB", files.len(), bytes as f64 / 1e6);
    let sources: Vec<SourceFile> = files
        .iter()
        .filter_map(|(p, b)| text::decode(p, b, &mut Diagnostics::new()).ok())
        .collect();
    let bodies: Vec<(&SourceFile, usize)> = sources
        .iter()
        .filter_map(|s| frontmatter::split(s).ok().map(|f| (s, f.body_start)))
        .collect();
    report("decode (control and invisible characters)", || {
        for (p, b) in &files {
            let _ = text::decode(p, b, &mut Diagnostics::new());
        }
    });
    report("invisible-character scan alone", || {
        for s in &sources {
            let copy = SourceFile::new(s.path.clone(), s.text.clone());
            let _ = invisible::clean(copy, &mut Diagnostics::new());
        }
    });
    report("odd_chars", || {
        for s in &sources {
            std::hint::black_box(invisible::odd_chars(&s.text));
        }
    });
    report("find_mojibake", || {
        for s in &sources {
            std::hint::black_box(invisible::find_mojibake(&s.text));
        }
    });
    report("memchr newline count (one SIMD pass, for scale)", || {
        for s in &sources {
            std::hint::black_box(memchr::memchr_iter(b'\n', s.text.as_bytes()).count());
        }
    });
    report(
        "contains(is_stray_control) (the control-character scan)",
        || {
            for s in &sources {
                std::hint::black_box(s.text.contains(gongjiang::source::is_stray_control));
            }
        },
    );
    report(
        "copying the texts (to subtract from the line above)",
        || {
            for s in &sources {
                let _ = SourceFile::new(s.path.clone(), s.text.clone());
            }
        },
    );
    report("body checks", || {
        for (s, start) in &bodies {
            gongjiang::habits::check(s, *start, &[], &mut Diagnostics::new());
        }
    });
    report("Markdown rendering of the same bodies", || {
        let options = gongjiang::markdown::Options { base_path: "/" };
        for (s, start) in &bodies {
            let _ = gongjiang::markdown::render(&s.text[*start..], &options);
        }
    });
}

/// Runs `step` three times and prints the best time.
fn report(what: &str, step: impl Fn()) {
    let best = (0..3)
        .map(|_| {
            let t = Instant::now();
            step();
            t.elapsed()
        })
        .min()
        .unwrap_or(Duration::ZERO);
    println!("{:>9.1} ms  {what}", best.as_secs_f64() * 1e3);
}
