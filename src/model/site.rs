//! The whole site model: every file parsed in parallel, then checked against each other (cohorts, brands, links, slugs).

use crate::config::{self, Config, Overrides};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::positions::Positions;
use crate::load::yaml::{self, Seg};
use crate::load::{self, ContentFile, Kind, StaticFile};
use crate::model::assets::{AssetIndex, FileKind};
use crate::model::cohort::{self, Cohort};
use crate::model::craftsman::{self, Craftsman};
use crate::model::cross;
use crate::model::entry::{self, Body, Ctx};
use crate::model::names;
use crate::model::paths::UrlIndex;
use crate::model::published::{self, Published};
use crate::model::stats::{self, Stats};
use crate::model::story::{self, Brand, Page, Story};
use crate::source::SourceFile;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::sync::Arc;

/// Everything the renderer needs, checked and ordered.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    /// In the index order (pinyin unless the site asks for stroke order).
    /// Shared with the preview's cache of parsed files, so that a rebuild copies none of them.
    pub craftsmen: Vec<Arc<Craftsman>>,
    /// By year. Shared with the cache of parsed files, as the profiles are.
    pub cohorts: Vec<Arc<Cohort>>,
    /// Newest first. Shared with the cache of parsed files, as the profiles are.
    pub stories: Vec<Arc<Story>>,
    /// By `order`.
    pub brands: Vec<Brand>,
    pub pages: Vec<Page>,
    pub static_files: Vec<StaticFile>,
    pub assets: Vec<StaticFile>,
    pub stats: Stats,
}

/// How to read the content.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Include withdrawn profiles (`published: false`).
    pub drafts: bool,
    pub overrides: Overrides,
    /// The latest cohort year allowed; defaults to this year.
    pub this_year: Option<i32>,
    /// Today, for dates still to come; defaults to today (or `SOURCE_DATE_EPOCH`'s day).
    pub today: Option<crate::model::fields::Date>,
    /// Parsed files kept between runs (the preview server keeps one); `None` parses everything.
    pub cache: Option<std::sync::Arc<ParseCache>>,
}

/// Parsed files from earlier runs, reused while a file's text and everything it was checked against
/// (pictures, base path, year) are unchanged. A reused result is exactly what parsing again would give.
#[derive(Default)]
pub struct ParseCache {
    entries: std::sync::Mutex<CacheMap>,
    /// What the private-value check found in each file.
    repeats: crate::model::repeated::RepeatMemo,
}

impl std::fmt::Debug for ParseCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.entries.lock().map(|e| e.len()).unwrap_or(0);
        write!(f, "ParseCache({n} files)")
    }
}

#[derive(Clone)]
struct CacheEntry {
    /// Hash of what the file was checked against.
    context: u64,
    source: Arc<SourceFile>,
    result: Parse,
}

/// What parsing one file gives: the parsed item (`None` when it has errors), its diagnostics, and
/// what it publishes (for the private-value check).
#[derive(Clone)]
struct Parse {
    parsed: Option<Parsed>,
    diags: Diagnostics,
    published: Arc<Published>,
}

/// The files of one run as found in the cache: taken out whole at the start of a run, looked up
/// without locking, and replaced at the end by exactly the files of that run.
type CacheMap = rustc_hash::FxHashMap<String, CacheEntry>;

impl ParseCache {
    /// Takes every entry out (the cache stays empty until [`ParseCache::store`]).
    fn take(&self) -> CacheMap {
        self.entries
            .lock()
            .map(|mut e| std::mem::take(&mut *e))
            .unwrap_or_default()
    }

    /// Keeps `entries` for the next run, in place of what was there.
    fn store(&self, entries: CacheMap) {
        if let Ok(mut e) = self.entries.lock() {
            *e = entries;
        }
    }
}

/// Whether the earlier entry still holds for this file: its text (the same shared text, or an
/// equal one) and its context are unchanged.
fn still_holds(entry: &CacheEntry, source: &Arc<SourceFile>, context: u64) -> bool {
    entry.context == context
        && (Arc::ptr_eq(&entry.source, source) || entry.source.text == source.text)
}

/// Parses every file, reusing the cache's results for unchanged ones; the cache then holds
/// exactly these files.
fn parse_all(
    files: &[ContentFile],
    cache: Option<&ParseCache>,
    context: u64,
    parse: impl Fn(&ContentFile) -> Parse + Sync,
) -> Vec<Parse> {
    let Some(cache) = cache else {
        return files.par_iter().map(&parse).collect();
    };
    let mut entries = cache.take();
    // Each result, and whether it is new (not from the cache).
    let results: Vec<(Parse, bool)> = files
        .par_iter()
        .map(|file| match entries.get(&file.source.path) {
            Some(e) if still_holds(e, &file.source, context) => (e.result.clone(), false),
            _ => (parse(file), true),
        })
        .collect();
    for (file, (result, _)) in files.iter().zip(&results).filter(|(_, r)| r.1) {
        let entry = CacheEntry {
            context,
            source: Arc::clone(&file.source),
            result: result.clone(),
        };
        entries.insert(file.source.path.clone(), entry);
    }
    forget_others(&mut entries, files);
    cache.store(entries);
    results.into_iter().map(|(r, _)| r).collect()
}

/// Drops the entries of files that are gone. Every file has an entry, so there are none to drop
/// when the counts agree.
fn forget_others(entries: &mut CacheMap, files: &[ContentFile]) {
    if entries.len() != files.len() {
        let paths: HashSet<&str> = files.iter().map(|f| f.source.path.as_str()).collect();
        entries.retain(|p, _| paths.contains(p.as_str()));
    }
}

fn hash_of(parts: &[&[u8]]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for p in parts {
        p.hash(&mut h);
    }
    h.finish()
}

#[derive(Clone)]
enum Parsed {
    Craftsman(Arc<Craftsman>),
    Cohort(Arc<Cohort>),
    Story(Arc<Story>),
    Brand(Box<Brand>),
    Page(Box<Page>),
}

/// Loads and checks the site under `root`. `Ok(None)` means content errors (in `diags`); `Err` an operational failure.
pub fn load(
    root: &Path,
    opts: &LoadOptions,
    diags: &mut Diagnostics,
) -> Result<Option<Site>, String> {
    let mut clock = crate::timing::Clock::start();
    let loaded = load::load(root, diags)?;
    clock.mark("load: walk and read");
    Ok(from_loaded(loaded, opts, diags))
}

/// Parses and checks files already read (the preview keeps them between rebuilds).
pub fn from_loaded(
    loaded: load::Loaded,
    opts: &LoadOptions,
    diags: &mut Diagnostics,
) -> Option<Site> {
    let mut clock = crate::timing::Clock::start();
    let mut config = loaded
        .site
        .as_ref()
        .and_then(|s| config::read(s, &opts.overrides, diags));
    let this_year = opts.this_year.unwrap_or_else(crate::model::current_year);
    let today = opts.today.unwrap_or_else(crate::model::today);
    let assets = AssetIndex::new(loaded.static_files.iter().chain(&loaded.assets));
    if let (Some(c), Some(src)) = (config.as_mut(), &loaded.site) {
        c.filing.logo = logo(src, &c.filing, &assets, diags);
    }
    let base_path = config
        .as_ref()
        .map(|c| c.base_path.clone())
        .unwrap_or_else(|| "/".into());
    let ctx = Ctx {
        assets: &assets,
        base_path: &base_path,
        today,
    };
    // What every file is checked against: a change here re-parses everything.
    let asset_list: Vec<&str> = loaded
        .static_files
        .iter()
        .chain(&loaded.assets)
        .map(|f| f.rel.as_str())
        .collect();
    let context_key = hash_of(&[
        asset_list.join("\n").as_bytes(),
        base_path.as_bytes(),
        &this_year.to_le_bytes(),
        today.iso().as_bytes(),
    ]);
    let results = parse_all(&loaded.files, opts.cache.as_deref(), context_key, |file| {
        let mut diags = Diagnostics::new();
        let mut published = Published::default();
        let parsed = parse_one(file, &ctx, this_year, &mut published, &mut diags);
        Parse {
            parsed,
            diags,
            published: Arc::new(published),
        }
    });
    clock.mark("load: parse");
    let mut site = Site {
        config: config.clone().unwrap_or_else(placeholder_config),
        craftsmen: Vec::new(),
        cohorts: Vec::new(),
        stories: Vec::new(),
        brands: Vec::new(),
        pages: Vec::new(),
        static_files: loaded.static_files,
        assets: loaded.assets,
        stats: stats::compute(&[]),
    };
    // Files that exist but could not be read or have errors: references to them are not
    // reported again (one problem, one message).
    let mut unreadable = cross::Unreadable::default();
    for (kind, slug) in &loaded.unreadable {
        unreadable.insert(*kind, slug.clone());
    }
    // Withdrawn profiles (`published: false`), by slug, so that links to them get a precise hint.
    let mut withdrawn: BTreeSet<String> = BTreeSet::new();
    let mut published: Vec<(Arc<SourceFile>, Arc<Published>)> = Vec::new();
    for (r, file) in results.into_iter().zip(&loaded.files) {
        let Parse {
            parsed: p,
            diags: d,
            published: texts,
        } = r;
        diags.extend(d);
        published.push((Arc::clone(&file.source), texts));
        if p.is_none() {
            let says = still_says(file);
            unreadable.insert(file.kind, file.file_slug.clone());
            if let Some(slug) = &says.slug {
                unreadable.insert(file.kind, slug.clone());
            }
            if file.kind == Kind::Craftsman && !opts.drafts && says.withdrawn {
                withdrawn.insert(file.file_slug.clone());
                withdrawn.extend(says.slug);
            }
        }
        match p {
            Some(Parsed::Craftsman(c)) if c.published || opts.drafts => site.craftsmen.push(c),
            Some(Parsed::Craftsman(c)) => {
                withdrawn.insert(file.file_slug.clone());
                withdrawn.insert(c.slug.clone());
            }
            None => {}
            Some(Parsed::Cohort(c)) => site.cohorts.push(c),
            Some(Parsed::Story(s)) => site.stories.push(s),
            Some(Parsed::Brand(b)) => site.brands.push(*b),
            Some(Parsed::Page(p)) => site.pages.push(*p),
        }
    }
    clock.mark("load: collect");
    if let Some(src) = &loaded.site {
        let settings = published::settings(src, diags);
        published.push((Arc::clone(src), Arc::new(settings)));
    }
    let copied: Vec<&StaticFile> = site.static_files.iter().chain(&site.assets).collect();
    for (src, p) in crate::model::copied::scan(&copied, diags) {
        published.push((src, Arc::new(p)));
    }
    let files: Vec<(&SourceFile, &Arc<Published>)> =
        published.iter().map(|(s, p)| (&**s, p)).collect();
    let memo = opts.cache.as_deref().map(|c| &c.repeats);
    crate::model::repeated::check(&files, memo, diags);
    drop(files);
    drop(published);
    clock.mark("model: personal data");
    let absent = cross::Absent {
        unreadable: &unreadable,
        withdrawn: &withdrawn,
    };
    cross::cross_check(&site, &absent, diags);
    clock.mark("model: cross-check");
    order(&mut site);
    clock.mark("model: order");
    let inputs: Vec<_> = site.craftsmen.iter().map(|c| c.stat_input()).collect();
    site.stats = stats::compute(&inputs);
    clock.mark("model: statistics");
    let urls = UrlIndex::new(&site);
    clock.mark("model: site paths");
    check_links(&site, &urls, &withdrawn, &unreadable, diags);
    if let Some(src) = &loaded.site {
        check_nav(&site, &urls, src, &unreadable, diags);
    }
    clock.mark("model: links");
    config.map(|config| Site { config, ..site })
}

fn parse_one(
    file: &ContentFile,
    ctx: &Ctx,
    this_year: i32,
    p: &mut Published,
    d: &mut Diagnostics,
) -> Option<Parsed> {
    Some(match file.kind {
        Kind::Craftsman => {
            Parsed::Craftsman(Arc::new(craftsman::parse(file, ctx, this_year, p, d)?))
        }
        Kind::Cohort => Parsed::Cohort(Arc::new(cohort::parse(file, ctx, this_year, p, d)?)),
        Kind::Story => Parsed::Story(Arc::new(story::parse_story(file, ctx, p, d)?)),
        Kind::Brand => Parsed::Brand(Box::new(story::parse_brand(file, ctx, p, d)?)),
        Kind::Page => Parsed::Page(Box::new(story::parse_page(file, ctx, p, d)?)),
    })
}

/// The site path of the organiser's logo: a picture in content/static/, never a web address.
fn logo(
    src: &SourceFile,
    filing: &config::Filing,
    assets: &AssetIndex,
    diags: &mut Diagnostics,
) -> Option<String> {
    let written = filing.logo.as_deref()?;
    let (s, e) = filing.logo_at;
    let kind = FileKind::of(written);
    let problem = if entry::is_data_image(written) {
        Some(entry::data_image(Some("logo")))
    } else if entry::is_web_address(written) {
        Some(
            Diagnostic::error(
                "asset.external",
                "字段 `logo`（主办单位标志）写的是网址：网站不直接引用别的网站上的图片",
            )
            .hint("把图片下载下来，放在 content/static/ 里，再写文件名：`logo: emblem.png`"),
        )
    } else if !matches!(kind, FileKind::Photo | FileKind::Svg) {
        Some(
            Diagnostic::error(
                "site.bad-logo",
                format!("字段 `logo`（主办单位标志）`{written}` 不是 PNG、JPEG、WebP 或 SVG 图片"),
            )
            .hint("换成 PNG、JPEG、WebP 或 SVG 格式的图片，放在 content/static/ 里"),
        )
    } else {
        None
    };
    if let Some(d) = problem {
        diags.push(d.at(src, s, e));
        return None;
    }
    let reference = written.trim_start_matches('/');
    let reference = reference.strip_prefix("static/").unwrap_or(reference);
    entry::check_asset(src, "static", reference, || (s, e), assets, diags)
}

fn placeholder_config() -> Config {
    Config {
        title: String::new(),
        subtitle: None,
        description: None,
        base_url: "http://localhost/".into(),
        base_path: "/".into(),
        language: "zh-CN".into(),
        theme: "default".into(),
        demo: false,
        minify: true,
        index_page_size: config::DEFAULT_INDEX_PAGE,
        nav: Vec::new(),
        index_order: config::NameOrder::Pinyin,
        cohort_order: config::NameOrder::Stroke,
        footer: None,
        filing: config::Filing::default(),
    }
}

/// What a file that has errors still says about itself.
struct StillSays {
    /// Its `slug:`, when its YAML can be read.
    slug: Option<String>,
    /// Whether it says `published: false`.
    withdrawn: bool,
}

/// Reads again the YAML of a file that has errors (few files), for what it says about itself;
/// when the YAML cannot be read, a look at its lines for `published: false`.
fn still_says(file: &ContentFile) -> StillSays {
    let src = &file.source;
    let range = match file.kind {
        Kind::Cohort => Some((0, src.text.len())),
        _ => load::frontmatter::split(src).ok().map(|s| s.yaml),
    };
    let value =
        range.and_then(|(s, e)| serde_yaml::from_str::<serde_yaml::Value>(&src.text[s..e]).ok());
    let Some(value) = value else {
        return StillSays {
            slug: None,
            withdrawn: src.text.lines().any(|l| l.trim_end() == "published: false"),
        };
    };
    StillSays {
        slug: value
            .get("slug")
            .and_then(serde_yaml::Value::as_str)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        withdrawn: value.get("published").and_then(serde_yaml::Value::as_bool) == Some(false),
    }
}

fn order(site: &mut Site) {
    match site.config.index_order {
        config::NameOrder::Pinyin => sort_by_pinyin(&mut site.craftsmen),
        config::NameOrder::Stroke => {
            let stroke = crate::model::strokes::StrokeOrder::new();
            site.craftsmen.par_sort_by(|a, b| {
                stroke
                    .compare(&a.name, &b.name)
                    .then_with(|| a.slug.cmp(&b.slug))
            })
        }
    }
    site.cohorts.sort_by_key(|c| c.year);
    site.stories
        .sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    site.brands
        .sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.slug.cmp(&b.slug)));
    site.pages
        .sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.slug.cmp(&b.slug)));
}

/// Sorts profiles by [`names::cmp_pinyin`], then by slug. The start of each sort key stands
/// beside its profile, so that most comparisons read no profile.
fn sort_by_pinyin(craftsmen: &mut Vec<Arc<Craftsman>>) {
    let mut keyed: Vec<(u128, Arc<Craftsman>)> = std::mem::take(craftsmen)
        .into_iter()
        .map(|c| (names::sort_prefix(&c.name_key.sort), c))
        .collect();
    keyed.par_sort_by(|(pa, a), (pb, b)| {
        pa.cmp(pb)
            .then_with(|| names::cmp_pinyin((&a.name, &a.name_key), (&b.name, &b.name_key)))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    craftsmen.extend(keyed.into_iter().map(|(_, c)| c));
}

impl Site {
    /// Frees the source texts of every parsed file, once every check that reports from them has run
    /// (the build's memory at tens of thousands of profiles). Files shared elsewhere are left alone.
    pub fn forget_sources(&mut self) {
        fn forget(src: &mut Arc<SourceFile>) {
            if let Some(s) = Arc::get_mut(src) {
                s.forget_text();
            }
        }
        for c in &mut self.craftsmen {
            if let Some(c) = Arc::get_mut(c) {
                forget(&mut c.at.src);
            }
        }
        for c in &mut self.cohorts {
            if let Some(c) = Arc::get_mut(c) {
                forget(&mut c.src);
            }
        }
        for s in &mut self.stories {
            if let Some(s) = Arc::get_mut(s) {
                forget(&mut s.src);
            }
        }
        for b in &mut self.brands {
            forget(&mut b.src);
        }
        for p in &mut self.pages {
            forget(&mut p.src);
        }
    }
}

/// Navigation links in site.yaml must name pages of the site: root-relative, or absolute to the
/// site's own address (a relative link is refused with the site settings). A page whose file
/// could not be read is reported with that file.
fn check_nav(
    site: &Site,
    urls: &UrlIndex,
    src: &SourceFile,
    unreadable: &cross::Unreadable,
    diags: &mut Diagnostics,
) {
    let resolver = crate::links::Resolver::new(&site.config.base_url, &site.config.base_path);
    // The settings' nav URLs as written and their positions, read when the first is reported.
    let mut written: Option<(Positions, Vec<String>)> = None;
    let mut next = 0;
    for item in &site.config.nav {
        let url = item.url.as_str();
        let path = url.split(['#', '?']).next().unwrap_or(url);
        let target = if path.starts_with("//") || path.contains(':') {
            // Absolute: checked when it names this site.
            match resolver.target(url, "/") {
                Some(rest) => format!("/{rest}"),
                None => continue,
            }
        } else if path.starts_with('/') {
            path.to_string()
        } else {
            continue;
        };
        if urls.contains_page(&target) || unreadable.names(&target) {
            continue;
        }
        let d = Diagnostic::error(
            "link.broken",
            format!("导航 `nav` 里的链接 `{url}` 指向的页面不存在"),
        )
        .hint("站内链接以 / 开头并以 / 结尾，如 `/craftsmen/`、`/about/`");
        let (positions, urls) = written.get_or_insert_with(|| nav_urls(src));
        // The items read are those written, in order (some may have been refused).
        let found = (next..urls.len()).find(|&i| urls[i] == item.url);
        let span = found.and_then(|i| {
            next = i + 1;
            positions.value_span(&[Seg::Key("nav"), Seg::Index(i), Seg::Key("url")])
        });
        diags.push(match span {
            Some((s, e)) => d.at(src, s, e),
            None => d.in_file(src.path.clone()),
        });
    }
}

/// The `url` of each `nav` item of site.yaml as written (trimmed; empty when there is none),
/// and the file's positions.
fn nav_urls(src: &SourceFile) -> (Positions, Vec<String>) {
    let value: serde_yaml::Value = serde_yaml::from_str(&src.text).unwrap_or_default();
    let urls = value
        .get("nav")
        .and_then(serde_yaml::Value::as_sequence)
        .map(|items| {
            items
                .iter()
                .map(|i| {
                    let url = i.get("url").and_then(serde_yaml::Value::as_str);
                    url.unwrap_or_default().trim().to_string()
                })
                .collect()
        })
        .unwrap_or_default();
    (yaml::positions_of(src), urls)
}

/// Links in Markdown bodies into the site (root-relative, relative to the page the body is on, or
/// absolute to the site's own address) must name a page or file of it.
fn check_links(
    site: &Site,
    urls: &UrlIndex,
    withdrawn: &BTreeSet<String>,
    unreadable: &cross::Unreadable,
    diags: &mut Diagnostics,
) {
    // Every path as a string, listed only when a broken link needs the nearest one.
    let all = std::sync::OnceLock::new();
    let resolver = crate::links::Resolver::new(&site.config.base_url, &site.config.base_path);
    let known = Known {
        urls,
        all: &all,
        site,
        resolver: &resolver,
        withdrawn,
        unreadable,
    };
    let check = |body: &Body, src: &SourceFile, page: &str| -> Diagnostics {
        let mut d = Diagnostics::new();
        for (url, at) in body.links.iter() {
            if let Some(hint) = broken_link(url, page, &src.path, &known) {
                d.push(
                    Diagnostic::error("link.broken", format!("链接 `{url}` 指向的页面不存在"))
                        .at(src, at, at + 1)
                        .hint(hint),
                );
            }
        }
        d
    };
    let found: Vec<Diagnostics> = site
        .craftsmen
        .par_iter()
        .map(|c| check(&c.body, &c.at.src, &c.url()))
        .chain(
            site.stories
                .par_iter()
                .map(|s| check(&s.body, &s.src, &format!("/stories/{}/", s.slug))),
        )
        .chain(
            site.brands
                .par_iter()
                .map(|s| check(&s.body, &s.src, &format!("/brands/{}/", s.slug))),
        )
        .chain(
            site.pages
                .par_iter()
                .map(|s| check(&s.body, &s.src, &format!("/{}/", s.slug))),
        )
        .collect();
    for d in found {
        diags.extend(d);
    }
}

/// What links are checked against.
struct Known<'a> {
    urls: &'a UrlIndex<'a>,
    /// [`Site::url_paths`], once asked for.
    all: &'a std::sync::OnceLock<HashSet<String>>,
    site: &'a Site,
    resolver: &'a crate::links::Resolver,
    withdrawn: &'a BTreeSet<String>,
    unreadable: &'a cross::Unreadable,
}

/// The hint for a link to no page of the site; `None` for a good link, one that leaves the site
/// or stays on the page, or one to a profile that could not be read (reported already). A
/// root-relative link is written without the base path; a relative one leads from `page` (the
/// path of the page the body is on, without the base path). A link to a content file's name is
/// read from `file`, the content file it is written in.
fn broken_link(url: &str, page: &str, file: &str, known: &Known) -> Option<String> {
    let path: std::borrow::Cow<str> = if url.starts_with('/') && !url.starts_with("//") {
        std::borrow::Cow::Borrowed(url.split(['#', '?']).next().unwrap_or(url))
    } else {
        let base = known.resolver.base_path().trim_end_matches('/');
        let rest = known.resolver.target(url, &format!("{base}{page}"))?;
        std::borrow::Cow::Owned(format!("/{rest}"))
    };
    let path = path.as_ref();
    if known.urls.contains_page(path) {
        return None;
    }
    if known.unreadable.names(path) {
        return None;
    }
    let profile = path.trim_end_matches('/').strip_prefix("/craftsmen/");
    Some(
        if let Some(slug) = profile.filter(|s| known.withdrawn.contains(*s)) {
            format!("`{slug}` 的资料已撤下（published: false），请去掉这个链接")
        } else if known
            .site
            .assets
            .iter()
            .any(|f| crate::model::assets::url_of(&f.rel) == path)
        {
            "照片原件不会发布（网站只发布缩小后的副本）；要在正文里显示它，写 `![说明](文件名)`"
                .to_string()
        } else if let Some(page) =
            crate::habits::source_file_link(url, file).filter(|p| known.urls.contains_page(p))
        {
            format!("链接写网页地址而不是文件名：`{page}`")
        } else if path.ends_with(".md") {
            format!(
                "链接写网页地址而不是文件名，如 `{}/`",
                path.trim_end_matches(".md").replace("/content/", "/")
            )
        } else {
            let all = known.all.get_or_init(|| known.site.url_paths());
            match cross::nearest_slug(path, all.iter().map(String::as_str)) {
                Some(n) => format!("是否想链接到 `{n}`？"),
                None => {
                    "站内链接以 / 开头并以 / 结尾，如 `/craftsmen/zhang-wei/`、`/cohorts/2018/`"
                        .to_string()
                }
            }
        },
    )
}
