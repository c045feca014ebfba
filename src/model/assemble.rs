//! Assembly: every file parsed in parallel (reusing the parse cache), then checked against each other (cohorts, brands, links, slugs) and ordered into a [`Site`].

use crate::config::{self, Config};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{self, ContentFile, Kind, StaticFile};
use crate::model::assets::{AssetIndex, FileKind};
use crate::model::cohort;
use crate::model::craftsman::{self, Craftsman};
use crate::model::cross;
use crate::model::entry::{self, Ctx};
use crate::model::levels;
use crate::model::names;
use crate::model::parse_cache::{self, Parse, Parsed};
use crate::model::paths::UrlIndex;
use crate::model::published::{self, Published};
use crate::model::selections;
use crate::model::site::{LoadOptions, Site};
use crate::model::site_links;
use crate::model::stats;
use crate::model::story;
use crate::model::union;
use crate::source::SourceFile;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

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
    let context_key = parse_cache::hash_of(&[
        asset_list.join("\n").as_bytes(),
        base_path.as_bytes(),
        &this_year.to_le_bytes(),
        today.iso().as_bytes(),
    ]);
    let results =
        parse_cache::parse_all(&loaded.files, opts.cache.as_deref(), context_key, |file| {
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
        unions: Vec::new(),
        brands: Vec::new(),
        pages: Vec::new(),
        static_files: loaded.static_files,
        assets: loaded.assets,
        stats: stats::compute(&[]),
        stats_by_cohort: Default::default(),
        stats_by_industry: Default::default(),
        elsewhere: None,
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
    let mut union_cohorts = Vec::new();
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
            Some(Parsed::Cohort(c)) if c.union.is_some() => union_cohorts.push(c),
            Some(Parsed::Cohort(c)) => site.cohorts.push(c),
            Some(Parsed::Union(u)) => site.unions.push(*u),
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
    levels::attach(&mut site, union_cohorts, diags);
    selections::check(&site, &absent, diags);
    clock.mark("model: cross-check");
    order(&mut site);
    clock.mark("model: order");
    let inputs: Vec<_> = site.craftsmen.iter().map(|c| c.stat_input()).collect();
    site.stats = stats::compute(&inputs);
    site.stats_by_cohort = stats::compute_by_cohort(&inputs);
    site.stats_by_industry = stats::compute_by_industry(&inputs);
    clock.mark("model: statistics");
    let urls = UrlIndex::new(&site);
    clock.mark("model: site paths");
    site_links::check_links(&site, &urls, &withdrawn, &unreadable, diags);
    if let Some(src) = &loaded.site {
        site_links::check_nav(&site, &urls, src, &unreadable, diags);
    }
    clock.mark("model: links");
    let site = config.map(|config| Site { config, ..site })?;
    match &opts.site {
        Some(slug) if !diags.has_errors() => match crate::model::union_site::cut(&site, slug) {
            Ok(mut own) => {
                // `--base-url` (and the preview's address) stands for the site being made.
                if let Some(b) = opts.overrides.base_url.as_deref() {
                    if let Some(url) = config::normalise_base_url(b) {
                        own.config.base_path = config::base_path_of(&url);
                        own.config.base_url = url;
                    }
                }
                Some(own)
            }
            Err(message) => {
                diags.push(
                    Diagnostic::error("site.unknown-union", message)
                        .in_file("content/unions/")
                        .hint("`--site` 后面写工会文件的文件名（不带 `.yaml`），如 `--site xuhui`"),
                );
                None
            }
        },
        _ => Some(site),
    }
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
        Kind::Union => Parsed::Union(Box::new(union::parse(file, ctx, p, d)?)),
        Kind::UnionCohort => Parsed::Cohort(Arc::new(cohort::parse(file, ctx, this_year, p, d)?)),
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
    let problem = if crate::raw_html::is_data_image(written) {
        Some(crate::raw_html::data_image(Some("logo")))
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
        Kind::Cohort | Kind::Union | Kind::UnionCohort => Some((0, src.text.len())),
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
