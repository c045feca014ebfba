//! Search benchmark: for generated sites of 1k, 10k and 100k profiles, the index's size, how
//! long it takes to build and how much memory it needs beside the rest of the build, and how
//! many bytes (gzip) a reader's first query downloads: the script, the manifest, the shards and
//! the result documents of the first page, exactly as the search page's script fetches them.
//!
//! ```sh
//! bench/search/run.sh                          # 1000 and 10000 profiles
//! bench/search/run.sh --profiles 100000        # any list: 1000,10000,100000
//! bench/search/run.sh --site /tmp/big-site     # a site made elsewhere (content/ + themes/)
//! ```
//! `run.sh` makes the sites with `examples/gen_corpus.rs` (seed 1, kept under `--work` and
//! reused) and passes each here as `--site DIR`.

use gongjiang::diag::Diagnostics;
use gongjiang::model::site::{LoadOptions, Site};
use gongjiang::output::Content;
use gongjiang::output::Staging;
use gongjiang::search::query::{Engine, Filter, BATCH};
use gongjiang::{pipeline, search};
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// Counts live heap bytes and their high-water mark.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            if new > l.size() {
                let now = LIVE.fetch_add(new - l.size(), Relaxed) + new - l.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// CPU time of the whole process (all threads), from /proc/self/stat (Linux; zero elsewhere).
/// Unlike wall time it does not grow when other programs share the machine.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(") ")
        .map_or(Vec::new(), |(_, rest)| rest.split(' ').collect());
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

fn gzip(bytes: &[u8]) -> usize {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = z.write_all(bytes);
    z.finish().map_or(0, |v| v.len())
}

struct Args {
    /// Instead of measuring: check that this many profiles are found by their own name,
    /// readings, employer and skills (a test at scale).
    check: Option<usize>,
    /// Only load the site and build its index this many times (for profilers).
    index_only: Option<usize>,
    sites: Vec<PathBuf>,
}

fn args() -> Args {
    let mut a = Args {
        check: None,
        index_only: None,
        sites: Vec::new(),
    };
    let argv: Vec<String> = std::env::args().collect();
    let mut i = 1;
    while i < argv.len() {
        let value = argv.get(i + 1).cloned().unwrap_or_default();
        match argv[i].as_str() {
            "--site" => {
                a.sites.push(PathBuf::from(value));
                i += 1;
            }
            "--check" => {
                a.check = value.parse().ok();
                i += 1;
            }
            "--index-only" => {
                a.index_only = value.parse().ok();
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    a
}

fn main() {
    // `cargo test --all-targets` runs benches without `--bench`: nothing to do then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let a = args();
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read(repo.join("themes/default/static/search.js")).unwrap_or_default();
    println!(
        "search.js: {} bytes, {} gzipped\n",
        script.len(),
        gzip(&script)
    );
    if a.sites.is_empty() {
        eprintln!("no --site given: run bench/search/run.sh, which makes the sites");
        std::process::exit(2);
    }
    for dir in a.sites {
        println!("## {}\n", dir.display());
        match (a.check, a.index_only) {
            (Some(n), _) => check(&dir, n),
            (None, Some(n)) => index_only(&dir, n),
            (None, None) => measure(&dir, gzip(&script)),
        }
    }
}

/// A scratch output folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(what: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "gongjiang-search-bench-{what}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes an index into `out` as the build does: each file as soon as it is made.
fn write_index(index: search::Index, out: &Path) -> Result<(), String> {
    let staging = Staging::new(out)?;
    let paths = index.paths();
    staging.make_dirs(paths.iter().map(String::as_str))?;
    drop(paths);
    index.write(|path, bytes| staging.write(path, &Content::Bytes(bytes)))?;
    staging.commit()
}

fn measure(dir: &Path, script_gz: usize) {
    let opts = LoadOptions {
        this_year: Some(2026),
        ..LoadOptions::default()
    };
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let (t, c) = (Instant::now(), cpu());
    let mut diags = Diagnostics::new();
    let out = Scratch::new("site");
    // As `gongjiang build` does it: pages written as they are rendered, then swapped in.
    let built = match pipeline::build(dir, &opts, &out.0, false, &mut diags) {
        Ok(Some(b)) => b,
        other => {
            let first = diags.into_sorted().into_iter().next();
            eprintln!("build failed: {:?} {first:?}", other.err());
            std::process::exit(1);
        }
    };
    let (build_time, build_cpu) = (t.elapsed(), cpu() - c);
    let build_peak = PEAK.load(Relaxed) - before;
    drop(out);

    phases(&built.site);
    let index = index_alone(&built.site);
    let pct = |a: Duration, b: Duration| 100.0 * a.as_secs_f64() / b.as_secs_f64().max(1e-9);
    let published = built.site.craftsmen.iter().filter(|c| c.published).count();
    println!("| measure | value |\n|---|---|");
    println!("| profiles (published) | {published} |");
    println!(
        "| whole build (`gongjiang build`: load, render, index, write): wall / CPU | {} / {} |",
        secs(build_time),
        secs(build_cpu)
    );
    println!(
        "| the search index alone (collect, lay out, make every file): wall / CPU | {} ({:.1}%) / {} ({:.1}%) |",
        secs(index.time),
        pct(index.time, build_time),
        secs(index.cpu),
        pct(index.cpu, build_cpu)
    );
    println!(
        "| the same and writing its files to disk: wall / CPU | {} ({:.1}%) / {} ({:.1}%) |",
        secs(index.written.0),
        pct(index.written.0, build_time),
        secs(index.written.1),
        pct(index.written.1, build_cpu)
    );
    println!(
        "| heap peak of the whole build, above nothing | {} |",
        mb(build_peak)
    );
    println!(
        "| heap peak while the index is built and written, above the site model | {} (shards held until written: {}) |",
        mb(index.extra),
        mb(index.shards)
    );
    let dir = index.out.0.join(search::DIR);
    sizes(&dir);
    queries(&built.site, &dir, script_gz);
    println!();
}

fn load(dir: &Path) -> Site {
    let opts = LoadOptions {
        this_year: Some(2026),
        ..LoadOptions::default()
    };
    let mut diags = Diagnostics::new();
    match gongjiang::model::assemble::load(dir, &opts, &mut diags) {
        Ok(Some(site)) => site,
        _ => {
            eprintln!("the site does not load");
            std::process::exit(1);
        }
    }
}

fn index_only(dir: &Path, n: usize) {
    let site = load(dir);
    heap_phases(&site);
    for _ in 0..n {
        let (t, c) = (Instant::now(), cpu());
        let index = search::Index::new(&site);
        let files = index.len();
        let _ = index.write(|_, bytes| {
            drop(bytes);
            Ok::<(), ()>(())
        });
        println!(
            "index: {files} files (made, not written), wall {}, CPU {}",
            secs(t.elapsed()),
            secs(cpu() - c)
        );
    }
}

/// The index build step by step, as [`search::Index`] does it: the heap live after each step
/// and its high-water mark during it, above what was live before (the site model).
fn heap_phases(site: &Site) {
    let base = LIVE.load(Relaxed);
    let step = |what: &str| {
        let (live, peak) = (LIVE.load(Relaxed) - base, PEAK.load(Relaxed) - base);
        eprintln!("heap: {what}: live {}, peak {}", mb(live), mb(peak));
        PEAK.store(LIVE.load(Relaxed), Relaxed);
    };
    PEAK.store(base, Relaxed);
    let docs = search::docs::Docs::new(site);
    let (postings, keys) =
        search::postings::Postings::collect(docs.len(), |id| docs.get(id), |_, d| d.keys.clone());
    step("collected");
    let encoded = postings.encode();
    step(&format!("encoded ({} terms)", encoded.len()));
    let limits = search::layout::Limits::default();
    let (_, mut shards) = search::layout::term_files(encoded, &limits);
    step("term files");
    shards.extend(search::layout::name_files(keys, &limits).1);
    step("name files");
}

/// Checks that `n` profiles, evenly spread, are found by their name, readings, employer and
/// skills, and that every result of those queries really contains the query.
fn check(dir: &Path, n: usize) {
    let site = load(dir);
    let docs = search::docs::Docs::new(&site);
    let files: BTreeMap<String, Vec<u8>> = search::index(&docs)
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    let fetch = |p: &str| files.get(p).cloned();
    let step = (docs.len() / n.max(1)).max(1);
    let (mut queries, mut failed) = (0, 0);
    for id in (0..docs.len()).step_by(step).take(n) {
        let d = docs.get(id);
        let mut qs = vec![d.title.clone(), d.keys.last().cloned().unwrap_or_default()];
        qs.extend(d.meta.lines().map(str::to_string));
        for q in qs.into_iter().filter(|q| !q.is_empty()) {
            queries += 1;
            let Ok(e) = Engine::open(&fetch) else { return };
            let a = e.search(&q, &Filter::default(), usize::MAX);
            let terms = search::text::query_terms(&q);
            let wrong = a.hits.iter().filter(|h| {
                let doc = docs.get(h.id as usize);
                !terms
                    .iter()
                    .all(|t| (0..3).any(|g| search::text::contains(&doc.group(g), t)))
            });
            let wrong = wrong.count();
            if !a.hits.iter().any(|h| h.id as usize == id) || wrong > 0 {
                failed += 1;
                eprintln!(
                    "{q}: {} results, page {id} missing or {wrong} wrong",
                    a.hits.len()
                );
                for t in &terms {
                    for it in search::text::index_terms(t) {
                        let entry = e.entry(&it);
                        let lists = e.postings(&entry);
                        let has: Vec<bool> = lists
                            .iter()
                            .map(|l| l.binary_search(&(id as u32)).is_ok())
                            .collect();
                        let sizes: Vec<usize> = lists.iter().map(Vec::len).collect();
                        let shown = match &entry {
                            search::query::Entry::Inline(d) => format!("inline {} chars", d.len()),
                            search::query::Entry::Spilled { path, docs } => {
                                format!("{path} ({docs})")
                            }
                        };
                        eprintln!("  {it}: {shown}, sizes {sizes:?}, holds {id}: {has:?}, group texts: {:?}", d.parts(0));
                    }
                }
            }
        }
    }
    println!("checked {queries} queries over {n} pages: {failed} failed");
}

/// The index build step by step, as [`search::Index`] does it, in CPU time (all threads).
fn phases(site: &Site) {
    let c = cpu();
    let docs = search::docs::Docs::new(site);
    let made: Vec<_> = (0..docs.len()).map(|i| docs.get(i)).collect();
    let t_docs = cpu() - c;
    let c = cpu();
    let files: usize = made
        .iter()
        .enumerate()
        .map(|(i, d)| search::layout::doc_file(i as u32, d).bytes.len())
        .sum();
    let t_json = cpu() - c;
    drop(made);
    let c = cpu();
    let (postings, _) =
        search::postings::Postings::collect(docs.len(), |id| docs.get(id), |_, _| ());
    let t_collect = cpu() - c;
    let c = cpu();
    let encoded = postings.encode();
    let t_encode = cpu() - c;
    let c = cpu();
    let (_, shards) = search::layout::term_files(encoded, &search::layout::Limits::default());
    let t_shards = cpu() - c;
    eprintln!(
        "CPU: making documents {}, their files {} ({} bytes), postings (with making documents) {}, encoding {}, shards {} ({} files)",
        secs(t_docs), secs(t_json), files, secs(t_collect), secs(t_encode), secs(t_shards), shards.len()
    );
}

struct Index {
    time: Duration,
    cpu: Duration,
    /// Heap high-water mark above what was live before.
    extra: usize,
    /// Heap held between collecting and writing: the shards and spilled postings.
    shards: usize,
    /// Wall and CPU time of building it again and writing it to disk.
    written: (Duration, Duration),
    /// Where it was written.
    out: Scratch,
}

/// Builds the index, handing each file to a sink that drops it, measuring time and memory;
/// then builds it again and writes it, as the build does, for its sizes and the queries.
fn index_alone(site: &Site) -> Index {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let (t, c) = (Instant::now(), cpu());
    let index = search::Index::new(site);
    let shards = LIVE.load(Relaxed).saturating_sub(base);
    let _ = index.write(|_, bytes| {
        drop(bytes);
        Ok::<(), ()>(())
    });
    let (time, used) = (t.elapsed(), cpu() - c);
    let extra = PEAK.load(Relaxed) - base;
    let out = Scratch::new("index");
    let (t, c) = (Instant::now(), cpu());
    if let Err(e) = write_index(search::Index::new(site), &out.0) {
        eprintln!("writing the index: {e}");
        std::process::exit(1);
    }
    let written = (t.elapsed(), cpu() - c);
    Index {
        time,
        cpu: used,
        written,
        extra,
        shards,
        out,
    }
}

/// Every file under `dir`, by path relative to it (`/` separators).
fn files_under(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(dir) {
                out.push((rel.to_string_lossy().replace('\\', "/"), p.clone()));
            }
        }
    }
    out.sort();
    out
}

fn sizes(dir: &Path) {
    let mut by_kind: BTreeMap<&str, (usize, usize, usize, usize)> = BTreeMap::new();
    for (path, abs) in files_under(dir) {
        let kind = match path.split('/').next().unwrap_or("") {
            "s" => "term shards (s/)",
            "x" => "large postings (x/)",
            "n" => "name shards (n/)",
            "d" => "documents (d/)",
            _ => "manifest",
        };
        let bytes = std::fs::read(abs).unwrap_or_default();
        let gz = gzip(&bytes);
        let e = by_kind.entry(kind).or_default();
        e.0 += 1;
        e.1 += bytes.len();
        e.2 += gz;
        e.3 = e.3.max(gz);
    }
    let (n, raw, gz) = by_kind
        .values()
        .fold((0, 0, 0), |a, v| (a.0 + v.0, a.1 + v.1, a.2 + v.2));
    println!("| index files | {n} |");
    println!("| index size | {} ({} gzipped) |", mb(raw), mb(gz));
    for (kind, (count, raw, gz, max)) in by_kind {
        println!(
            "| — {kind} | {count} files, {} ({} gz), largest {} gz |",
            mb(raw),
            mb(gz),
            kb(max)
        );
    }
}

/// Queries a reader might type, taken from the site itself.
fn query_set(site: &Site) -> Vec<(String, &'static str)> {
    let people: Vec<_> = site.craftsmen.iter().filter(|c| c.published).collect();
    let mut out: Vec<(String, &'static str)> = Vec::new();
    if let Some(p) = people.get(people.len() / 3) {
        let k = &p.name_key;
        out.push((p.name.clone(), "full name"));
        let surname_len = k.surname.split_whitespace().count();
        let syl: Vec<&str> = k.pinyin.split_whitespace().collect();
        out.push((
            format!(
                "{} {}",
                syl[..surname_len].concat(),
                syl[surname_len..].concat()
            ),
            "pinyin, surname and given name",
        ));
        out.push((k.compact.clone(), "pinyin in one word"));
        out.push((k.initials.clone(), "initials"));
        out.push((p.employer.clone(), "employer"));
        if let Some(s) = p.skills.first() {
            out.push((s.clone(), "skill"));
        }
    }
    if let Some(p) = people.get(people.len() * 2 / 3) {
        let first_two: String = p.name.chars().take(2).collect();
        out.push((first_two, "part of a name"));
    }
    for (q, what) in [
        ("焊接", "common skill word"),
        ("探伤", "word in body text"),
        ("焊", "one character"),
        ("焊接 船舶", "two terms"),
        ("刀具参数", "phrase in body text"),
        ("制造业", "industry"),
        ("上海", "in nearly every page"),
        ("量子计算机", "no result"),
    ] {
        out.push((q.to_string(), what));
    }
    out
}

fn queries(site: &Site, dir: &Path, script_gz: usize) {
    println!("\nFirst query, page one ({BATCH} results), bytes gzipped: script + manifest + shards + documents.\n");
    println!("| query | what | results | files | shards+postings | documents | total |");
    println!("|---|---|---|---|---|---|---|");
    let fetch = |p: &str| std::fs::read(dir.join(p)).ok();
    let mut totals = Vec::new();
    for (q, what) in query_set(site) {
        let e = match Engine::open(&fetch) {
            Ok(e) => e,
            Err(err) => {
                eprintln!("{err}");
                return;
            }
        };
        let a = e.search(&q, &Filter::default(), BATCH);
        for h in &a.hits {
            e.doc(h.id);
        }
        let fetched = e.fetched.borrow().clone();
        let (mut index, mut docs) = (0, 0);
        for p in &fetched {
            let gz = fetch(p).map_or(0, |b| gzip(&b));
            if p.starts_with("d/") {
                docs += gz;
            } else {
                index += gz;
            }
        }
        let total = script_gz + index + docs;
        totals.push(total);
        let count = if a.exact_count {
            a.candidates.to_string()
        } else {
            format!("≤{}", a.candidates)
        };
        println!(
            "| {q} | {what} | {count} | {} | {} | {} | {} |",
            fetched.len(),
            kb(index),
            kb(docs),
            kb(total)
        );
    }
    totals.sort_unstable();
    if let (Some(max), Some(mid)) = (totals.last(), totals.get(totals.len() / 2)) {
        println!(
            "\nFirst query total: median {}, largest {}.",
            kb(*mid),
            kb(*max)
        );
    }
}
