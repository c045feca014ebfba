//! Search: the query set over the demo site, exactness against a brute-force scan, privacy,
//! filters (the level filter on the `levels` fixture, a site with unions), sub-path sites and
//! determinism of the index.

use crate::support::{repo, stderr, tree, TestSite};
use gongjiang::diag::Diagnostics;
use gongjiang::model::site::LoadOptions;
use gongjiang::output::Content;
use gongjiang::pipeline;
use gongjiang::search;
use gongjiang::search::docs::{self, Doc};
use gongjiang::search::layout::Limits;
use gongjiang::search::query::{Answer, Engine, Filter};
use gongjiang::search::text;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

type Files = BTreeMap<String, Vec<u8>>;

/// A built site's index files (paths relative to `search/`), the same index with tiny file
/// limits (every term spilled to a file of its own, many shards), and its search documents.
struct Built {
    files: Files,
    tiny: Files,
    docs: Vec<Doc>,
}

fn opts() -> LoadOptions {
    LoadOptions {
        this_year: Some(2026),
        ..LoadOptions::default()
    }
}

fn build_in_memory(root: &Path) -> Built {
    let mut d = Diagnostics::new();
    let built = pipeline::run(root, &opts(), &mut d)
        .expect("operational error")
        .unwrap_or_else(|| panic!("build failed: {:?}", d.into_sorted()));
    let files = built
        .files
        .into_iter()
        .filter_map(|f| {
            let path = f.path.strip_prefix("search/")?.to_string();
            match f.content {
                Content::Bytes(b) => Some((path, b)),
                Content::Copy(_) => None,
            }
        })
        .collect();
    let limits = Limits {
        shard: 200,
        spill: 6,
        name_shard: 40,
    };
    let tiny = search::index_with(&docs::Docs::new(&built.site), &limits)
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    Built {
        files,
        tiny,
        docs: docs::collect(&built.site),
    }
}

fn demo() -> &'static Built {
    static DEMO: OnceLock<Built> = OnceLock::new();
    DEMO.get_or_init(|| build_in_memory(&repo()))
}

fn search(b: &Built, q: &str, filter: &Filter) -> (Answer, Vec<String>) {
    search_in(&b.files, b, q, filter)
}

fn search_in(files: &Files, b: &Built, q: &str, filter: &Filter) -> (Answer, Vec<String>) {
    let fetch = |p: &str| files.get(p).cloned();
    let e = Engine::open(&fetch).expect("index opens");
    let a = e.search(q, filter, usize::MAX);
    let urls = a
        .hits
        .iter()
        .map(|h| b.docs[h.id as usize].url.clone())
        .collect();
    (a, urls)
}

/// The documents whose indexed text contains every term of `q`, by scanning them all.
fn brute_force(docs: &[Doc], q: &str) -> Vec<String> {
    let terms = text::query_terms(q);
    if terms.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<String> = docs
        .iter()
        .filter(|d| {
            terms
                .iter()
                .all(|t| (0..docs::GROUPS).any(|g| text::contains(&d.group(g), t)))
        })
        .map(|d| d.url.clone())
        .collect();
    out.sort();
    out
}

/// One line of tests/search/queries.txt: `query | first result | note`.
struct Case {
    query: String,
    first: String,
    note: String,
}

fn query_set() -> Vec<Case> {
    let text = std::fs::read_to_string(repo().join("tests/search/queries.txt")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let parts: Vec<&str> = l.split(" | ").map(str::trim).collect();
            assert!(parts.len() >= 2, "bad line: {l}");
            Case {
                query: parts[0].to_string(),
                first: parts[1].to_string(),
                note: parts.get(2).unwrap_or(&"").to_string(),
            }
        })
        .collect()
}

fn first(urls: &[String]) -> &str {
    urls.first().map_or("none", String::as_str)
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn the_query_set_finds_the_expected_first_results_and_exactly_the_matching_pages() {
    let b = demo();
    let cases = query_set();
    assert!(cases.len() >= 30, "{} queries", cases.len());
    let mut wrong = Vec::new();
    for c in &cases {
        let (a, urls) = search(b, &c.query, &Filter::default());
        if first(&urls) != c.first {
            wrong.push(format!("{} ({}): {:?}", c.query, c.note, urls));
        }
        assert_eq!(
            sorted(urls.clone()),
            brute_force(&b.docs, &c.query),
            "{}",
            c.query
        );
        assert!(a.exact_count && a.candidates == urls.len(), "{}", c.query);
        let (_, tiny) = search_in(&b.tiny, b, &c.query, &Filter::default());
        assert_eq!(tiny, urls, "{}: the same with every term spilled", c.query);
    }
    assert!(
        wrong.is_empty(),
        "unexpected first results:\n{}",
        wrong.join("\n")
    );
}

/// Substrings of the documents' own text (1 to 7 characters) and pairs of them, picked by a
/// fixed pseudo-random sequence.
fn sample_queries(docs: &[Doc], n: usize) -> Vec<String> {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m.max(1) as u64) as usize
    };
    let mut out = Vec::new();
    while out.len() < n {
        let d = &docs[next(docs.len())];
        let chars: Vec<char> = d.group(next(docs::GROUPS)).chars().collect();
        if chars.is_empty() {
            continue;
        }
        let start = next(chars.len());
        let len = 1 + next(7);
        let q: String = chars[start..(start + len).min(chars.len())]
            .iter()
            .map(|&c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        if text::query_terms(&q).is_empty() {
            continue;
        }
        if next(4) == 0 {
            if let Some(prev) = out.last() {
                let pair = format!("{prev} {q}");
                out.push(pair);
                continue;
            }
        }
        out.push(q);
    }
    out
}

#[test]
fn any_piece_of_indexed_text_finds_exactly_the_pages_that_contain_it() {
    let b = demo();
    let spilled = b.tiny.keys().filter(|p| p.starts_with("x/")).count();
    assert!(spilled > 1000, "the tiny index spills terms: {spilled}");
    for q in sample_queries(&b.docs, 400) {
        let (_, tiny) = search_in(&b.tiny, b, &q, &Filter::default());
        assert_eq!(sorted(tiny), brute_force(&b.docs, &q), "{q} (tiny index)");
        let (a, urls) = search(b, &q, &Filter::default());
        let terms = text::query_terms(&q);
        if terms.len() == 1 && !terms[0].ascii {
            assert!(!urls.is_empty(), "{q}: a piece of a page finds that page");
        }
        assert_eq!(sorted(urls.clone()), brute_force(&b.docs, &q), "{q}");
        assert_eq!(a.candidates, urls.len(), "{q}");
        let tiers: Vec<u8> = a.hits.iter().map(|h| h.tier).collect();
        assert!(tiers.windows(2).all(|w| w[0] <= w[1]), "{q}: ranked");
    }
}

#[test]
fn exact_names_rank_first_then_names_then_key_facts_then_text() {
    let b = demo();
    let (a, urls) = search(b, "仇志强", &Filter::default());
    assert_eq!(urls, ["/craftsmen/qiu-zhiqiang/", "/stories/weld-seam/"]);
    assert_eq!(a.hits[0].tier, 0, "exact name");
    assert_eq!(a.hits[1].tier, 2, "the story names him among its craftsmen");
    let (a, urls) = search(b, "带电作业", &Filter::default());
    assert_eq!(urls[0], "/craftsmen/zhang-weimin/");
    assert_eq!(a.hits[0].tier, 2, "a skill");
    assert!(a.hits[1..].iter().all(|h| h.tier == 3), "then body text");
    let (a, _) = search(b, "zhang wei min", &Filter::default());
    assert_eq!(
        a.hits[0].tier, 0,
        "the name's reading is an exact name match"
    );
}

#[test]
fn filters_keep_one_industry_or_cohort() {
    let b = demo();
    let c = Filter {
        industry: Some("C".into()),
        ..Filter::default()
    };
    let (_, all) = search(b, "上海某某", &Filter::default());
    let (a, made) = search(b, "上海某某", &c);
    assert!(made.len() < all.len() && made.len() > 5);
    let fetch = |p: &str| b.files.get(p).cloned();
    let e = Engine::open(&fetch).unwrap();
    for h in &a.hits {
        assert_eq!(e.labels(h.id).2, "C");
        assert!(b.docs[h.id as usize].industry == Some('C'));
    }
    let y2016 = Filter {
        cohort: Some(2016),
        ..Filter::default()
    };
    let (_, old) = search(b, "上海某某", &y2016);
    assert_eq!(
        sorted(old),
        [
            "/craftsmen/chen-changqing/",
            "/craftsmen/li-xiuying/",
            "/craftsmen/shan-jianguo/",
            "/craftsmen/wang-zhigang/",
            "/craftsmen/zeng-weidong/"
        ]
    );
}

#[test]
fn private_fields_and_withdrawn_profiles_are_never_indexed() {
    let s = TestSite::fixture("minimal");
    copy_demo_content(&s);
    // Even a build that shows withdrawn profiles (--drafts) keeps them out of the index.
    let o = s.run(&["build", "--drafts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s
        .root()
        .join("public/craftsmen/gao-jun/index.html")
        .exists());
    let files = tree(&s.root().join("public/search"));
    assert!(files.len() > 40);
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        for secret in [
            "高俊",
            "gaojun",
            "外圆磨削",
            "13800000000",
            "仅供编辑部内部使用",
            "暂不公开",
        ] {
            assert!(!text.contains(secret), "{secret} in search/{path}");
        }
    }
    let index: BTreeMap<String, Vec<u8>> = files.into_iter().collect();
    let fetch = |p: &str| index.get(p).cloned();
    let e = Engine::open(&fetch).unwrap();
    for q in ["高俊", "gaojun", "外圆磨削", "13800000000"] {
        assert!(e.search(q, &Filter::default(), 10).hits.is_empty(), "{q}");
    }
}

fn copy_demo_content(s: &TestSite) {
    std::fs::remove_dir_all(s.root().join("content")).unwrap();
    crate::support::copy_tree(&repo().join("content"), &s.root().join("content"));
}

#[test]
fn the_search_page_works_under_a_sub_path_and_without_javascript() {
    let s = TestSite::fixture("minimal");
    let o = s.run(&["build", "--base-url", "https://example.org/sub/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = s.read("public/search/index.html");
    assert!(page.contains(r#"data-index="/sub/search/""#), "{page}");
    assert!(page.contains(r#"src="/sub/search.js""#));
    assert!(
        page.contains(r#"href="/sub/craftsmen/#letter-Z""#),
        "A–Z links"
    );
    assert!(
        page.contains(r#"href="/sub/industries/C/""#),
        "industry links"
    );
    assert!(page.contains("<noscript>"));
    let doc = s.read("public/search/d/0/0.json");
    assert!(doc.contains(r#""u":"/sub/craftsmen/"#), "{doc}");
    for (path, bytes) in tree(&s.root().join("public")) {
        if path.ends_with(".html") && path != "search/index.html" {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("search.js"),
                "{path} loads the search script"
            );
        }
    }
}

fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).unwrap();
    z.finish().unwrap().len()
}

#[test]
fn the_script_is_small() {
    let js = std::fs::read(repo().join("themes/default/static/search.js")).unwrap();
    let gz = gzip_len(&js);
    assert!(gz <= 10 * 1024, "search.js is {gz} bytes gzipped");
}

/// Runs the page's script under Node over the demo's index: `all` or `first` (page one).
fn run_script(dir: &Path, mode: &str, queries: &[String]) -> Vec<serde_json::Value> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("node")
        .arg(repo().join("tests/search/run-script.mjs"))
        .arg(dir)
        .arg(mode)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("these tests run the search script with Node.js (`node` on PATH)");
    let input = queries.join("\n") + "\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_page_script_gives_the_same_answers_and_reads_the_same_files() {
    let b = demo();
    script_agrees(&b.docs, &b.files);
    script_agrees(&b.docs, &b.tiny);
}

/// 1500 documents cut from the demo's at varying lengths, so that terms are held by every
/// number of documents (lists of every length, bitmaps, spilled postings).
fn varied(b: &Built) -> Vec<Doc> {
    (0..1500)
        .map(|i| {
            let mut d = b.docs[i % b.docs.len()].clone();
            let chars: Vec<char> = d.body.chars().collect();
            let from = (i * 31) % chars.len().max(1);
            d.title = chars[from..(from + 2 + i % 3).min(chars.len())]
                .iter()
                .collect();
            d.keys = vec![text::key(&d.title)];
            d.body = chars[..(i * 7919) % (chars.len() + 1)].iter().collect();
            d.url = format!("/varied/{i}/");
            d
        })
        .collect()
}

#[test]
fn a_larger_index_answers_exactly_in_rust_and_in_the_script() {
    let b = demo();
    let docs = varied(b);
    let limits = Limits {
        shard: 1024,
        spill: 200,
        name_shard: 1024,
    };
    let files: Files = search::index_with(&docs::Docs::from_docs(&docs), &limits)
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    assert!(
        files.keys().any(|p| p.starts_with("x/")),
        "some postings spill"
    );
    let eight = files
        .iter()
        .filter(|(p, _)| p.starts_with("s/"))
        .flat_map(|(_, b)| {
            String::from_utf8_lossy(b)
                .lines()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .any(|l| l.split('\t').nth(1).is_some_and(|d| d.starts_with('@')));
    assert!(
        eight,
        "some sets start with `@` (eight documents), like no spill mark"
    );
    let fetch = |p: &str| files.get(p).cloned();
    for q in sample_queries(&docs, 100) {
        let e = Engine::open(&fetch).unwrap();
        let a = e.search(&q, &Filter::default(), usize::MAX);
        let urls = a
            .hits
            .iter()
            .map(|h| docs[h.id as usize].url.clone())
            .collect();
        assert_eq!(sorted(urls), brute_force(&docs, &q), "{q}");
    }
    script_agrees(&docs, &files);
}

fn script_agrees(docs: &[Doc], files: &Files) {
    let mut queries: Vec<String> = query_set().into_iter().map(|c| c.query).collect();
    queries.extend(sample_queries(docs, 150));
    queries.push("精密\tC\t".into());
    queries.push("上海某某\t\t2016".into());
    // A site without unions has no levels: the level filter keeps nothing.
    queries.push("上海某某\t\t\t区级".into());
    script_agrees_on(files, &queries);
}

/// Runs `queries` (`query<TAB>industry<TAB>cohort<TAB>level`) with the page's script and with
/// the Rust engine: the same hits, counts, files read and exactness.
fn script_agrees_on(files: &Files, queries: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    let filter_of = |q: &str| {
        let parts: Vec<&str> = q.split('\t').collect();
        let text = |i: usize| {
            parts
                .get(i)
                .filter(|s| !s.is_empty())
                .map(|s| s.to_string())
        };
        let f = Filter {
            industry: text(1),
            cohort: parts.get(2).and_then(|s| s.parse().ok()),
            level: text(3),
        };
        (parts[0].to_string(), f)
    };
    let all = run_script(dir.path(), "all", queries);
    let first = run_script(dir.path(), "first", queries);
    for (i, q) in queries.iter().enumerate() {
        let (query, filter) = filter_of(q);
        let fetch = |p: &str| files.get(p).cloned();
        let e = Engine::open(&fetch).unwrap();
        let a = e.search(&query, &filter, usize::MAX);
        let hits: Vec<serde_json::Value> = a
            .hits
            .iter()
            .map(|h| serde_json::json!([h.tier, h.id]))
            .collect();
        assert_eq!(all[i]["hits"], serde_json::json!(hits), "{q}");
        assert_eq!(all[i]["count"], serde_json::json!(a.candidates), "{q}");
        let e = Engine::open(&fetch).unwrap();
        let page = e.search(&query, &filter, gongjiang::search::query::BATCH);
        for h in &page.hits {
            e.doc(h.id);
        }
        let mut read = e.fetched.borrow().clone();
        read.sort();
        read.dedup();
        if text::query_terms(&query).is_empty() {
            read.clear();
        }
        assert_eq!(first[i]["files"], serde_json::json!(read), "{q}");
        assert_eq!(
            first[i]["exact"],
            serde_json::json!(page.exact_count),
            "{q}"
        );
    }
}

#[test]
fn pages_may_link_to_a_search() {
    let s = TestSite::fixture("minimal");
    let t = s.read("content/pages/about.md") + "\n[搜焊接](/search/?q=焊接)\n";
    s.write("content/pages/about.md", t);
    let (built, diags) = s.check();
    assert!(built, "{diags:?}");
}

/// The `levels` fixture (a site with unions) built in memory.
fn levels_site() -> Built {
    let s = TestSite::fixture("levels");
    build_in_memory(s.root())
}

fn level(l: &str) -> Filter {
    Filter {
        level: Some(l.into()),
        ..Filter::default()
    }
}

#[test]
fn the_level_filter_keeps_the_craftsmen_whose_card_shows_that_level() {
    let b = levels_site();
    let (_, all) = search(&b, "某某", &Filter::default());
    assert_eq!(
        sorted(all),
        [
            "/craftsmen/chen-li/",
            "/craftsmen/li-na/",
            "/craftsmen/wang-qiang/",
            "/craftsmen/zhang-wei/"
        ]
    );
    let (a, district) = search(&b, "某某", &level("区级"));
    assert_eq!(
        sorted(district),
        ["/craftsmen/chen-li/", "/craftsmen/wang-qiang/"],
        "张伟 was selected by 徐汇 too, but his card shows 上海工匠"
    );
    let fetch = |p: &str| b.files.get(p).cloned();
    let e = Engine::open(&fetch).unwrap();
    for h in &a.hits {
        assert_eq!(e.labels(h.id).3, "区级");
    }
    let (_, city) = search(&b, "某某", &level("市级"));
    assert_eq!(sorted(city), ["/craftsmen/li-na/", "/craftsmen/zhang-wei/"]);
    let (_, none) = search(&b, "某某", &level("局级"));
    assert!(none.is_empty(), "no one is 局级: {none:?}");
    let both = Filter {
        industry: Some("C".into()),
        level: Some("区级".into()),
        ..Filter::default()
    };
    let (_, made) = search(&b, "某某", &both);
    assert_eq!(made, ["/craftsmen/chen-li/"]);
    let (_, tiny) = search_in(&b.tiny, &b, "某某", &level("区级"));
    assert_eq!(
        sorted(tiny),
        ["/craftsmen/chen-li/", "/craftsmen/wang-qiang/"]
    );

    // The page offers the levels someone holds, highest first.
    let page = String::from_utf8(b.files["index.html"].clone()).unwrap();
    assert!(
        page.contains(r#"<select name="level"><option value="">全部级别</option><option value="市级">市级</option><option value="区级">区级</option></select>"#),
        "{page}"
    );

    let queries: Vec<String> = [
        "某某",
        "某某\t\t\t区级",
        "某某\t\t\t市级",
        "某某\t\t\t局级",
        "某某\tC\t\t区级",
        "某某\t\t2021\t市级",
        "焊接\t\t\t区级",
        "chenli\t\t\t区级",
    ]
    .map(String::from)
    .to_vec();
    script_agrees_on(&b.files, &queries);
}

#[test]
fn a_site_without_unions_has_no_levels_in_its_index_or_page() {
    let s = TestSite::fixture("minimal");
    let b = build_in_memory(s.root());
    let manifest: serde_json::Value = serde_json::from_slice(&b.files["index.json"]).unwrap();
    let ranges = manifest["ranges"].as_array().unwrap();
    assert!(ranges.iter().all(|r| r.as_array().unwrap().len() == 4));
    let page = String::from_utf8(b.files["index.html"].clone()).unwrap();
    assert!(!page.contains("级别"), "no level filter");
    // The levels fixture and the demo have unions: every range carries a level.
    for b in [&levels_site(), demo()] {
        let manifest: serde_json::Value = serde_json::from_slice(&b.files["index.json"]).unwrap();
        let ranges = manifest["ranges"].as_array().unwrap();
        assert!(ranges.iter().all(|r| r.as_array().unwrap().len() == 5));
    }
}
