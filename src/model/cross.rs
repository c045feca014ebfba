//! Checks between files: unique slugs, cohort lists against profiles, brands and stories' craftsmen.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::positions::Positions;
use crate::load::yaml::{positions_of, Placer, Seg};
use crate::load::{file_slug_of, Kind};
use crate::model::cohort::{same_employer, Cohort, Member};
use crate::model::craftsman::Craftsman;
use crate::model::names;
use crate::model::site::Site;
use crate::schema::is_safe_slug;
use crate::source::SourceFile;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::hash_map::Entry;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Page slugs that would collide with the site's own sections.
const RESERVED: &[&str] = &[
    "craftsmen",
    "cohorts",
    "industries",
    "stories",
    "brands",
    "stats",
    "search",
    "static",
    "404",
];

/// Content files that exist but could not be read, or could be read but have errors, by kind
/// and slug (their file slug and any `slug:` they still show): what names them elsewhere was
/// reported with the file itself, and is not reported again.
#[derive(Debug, Default)]
pub(crate) struct Unreadable(BTreeSet<(Kind, String)>);

impl Unreadable {
    pub(crate) fn insert(&mut self, kind: Kind, slug: String) {
        self.0.insert((kind, slug));
    }

    /// Whether the file of this kind and slug could not be read.
    pub(crate) fn has(&self, kind: Kind, slug: &str) -> bool {
        self.0.contains(&(kind, slug.to_string()))
    }

    /// Whether a root-relative URL path is the page of a file that could not be read.
    pub(crate) fn names(&self, path: &str) -> bool {
        let inner = path.trim_matches('/');
        let (kind, slug) = match inner.split_once('/') {
            Some(("craftsmen", s)) => (Kind::Craftsman, s),
            Some(("stories", s)) => (Kind::Story, s),
            Some(("brands", s)) => (Kind::Brand, s),
            Some(("cohorts", s)) => (Kind::Cohort, s),
            Some(_) => return false,
            None => (Kind::Page, inner),
        };
        self.has(kind, slug)
    }
}

/// Files whose pages are missing for a reason already reported or intended: references to them
/// are not reported as unknown.
pub(crate) struct Absent<'a> {
    pub unreadable: &'a Unreadable,
    /// Withdrawn profiles (`published: false`), by slug.
    pub withdrawn: &'a BTreeSet<String>,
}

impl Absent<'_> {
    /// Whether a profile's page is missing for a reason already given.
    pub(crate) fn profile(&self, slug: &str) -> bool {
        self.withdrawn.contains(slug) || self.unreadable.has(Kind::Craftsman, slug)
    }
}

/// Reports duplicate slugs, reserved page slugs, and references to profiles and brands that do not exist.
pub(crate) fn cross_check(site: &Site, absent: &Absent, diags: &mut Diagnostics) {
    let profiles = Profiles::new(&site.craftsmen, diags);
    let stories: Vec<_> = site
        .stories
        .iter()
        .map(|c| (c.slug.as_str(), &*c.src))
        .collect();
    dup("故事", &stories, diags);
    let brands: Vec<_> = site
        .brands
        .iter()
        .map(|c| (c.slug.as_str(), &*c.src))
        .collect();
    dup("品牌", &brands, diags);
    let pages: Vec<_> = site
        .pages
        .iter()
        .map(|c| (c.slug.as_str(), &*c.src))
        .collect();
    dup("页面", &pages, diags);
    reserved(site, diags);
    let listed = cohort_members(site, &profiles, absent, diags);
    profile_refs(site, &profiles, &listed, absent, diags);
    story_refs(site, &profiles, absent, diags);
}

/// The profiles by slug, with duplicates reported as they are found.
struct Profiles<'a> {
    list: &'a [Arc<Craftsman>],
    /// The first and the last profile with each slug (the same one unless the slug is duplicated).
    by_slug: FxHashMap<&'a str, (usize, usize)>,
    /// For each profile, the first profile with its slug.
    first: Vec<usize>,
    /// Each profile's city cohort year.
    cohorts: Vec<Option<i32>>,
}

impl<'a> Profiles<'a> {
    fn new(list: &'a [Arc<Craftsman>], diags: &mut Diagnostics) -> Self {
        let mut by_slug = FxHashMap::with_capacity_and_hasher(list.len(), Default::default());
        let mut first = Vec::with_capacity(list.len());
        let mut cohorts = Vec::with_capacity(list.len());
        let mut duplicated: Vec<&str> = Vec::new();
        for (i, c) in list.iter().enumerate() {
            cohorts.push(c.cohort);
            match by_slug.entry(c.slug.as_str()) {
                Entry::Vacant(e) => {
                    e.insert((i, i));
                    first.push(i);
                }
                Entry::Occupied(mut e) => {
                    let (f, last) = *e.get();
                    if f == last {
                        duplicated.push(&c.slug);
                    }
                    e.get_mut().1 = i;
                    first.push(f);
                }
            }
        }
        for slug in duplicated {
            let same: Vec<&SourceFile> = list
                .iter()
                .filter(|c| c.slug == slug)
                .map(|c| &*c.at.src)
                .collect();
            report_copies("人物", slug, &same, diags);
        }
        Profiles {
            list,
            by_slug,
            first,
            cohorts,
        }
    }

    /// The index of the first and of the last profile with this slug.
    fn get(&self, slug: &str) -> Option<(usize, usize)> {
        self.by_slug.get(slug).copied()
    }

    fn contains(&self, slug: &str) -> bool {
        self.by_slug.contains_key(slug)
    }

    /// The slug nearest to a mistyped one.
    fn nearest(&self, slug: &str) -> Option<&'a str> {
        nearest_slug(slug, self.by_slug.keys().copied())
    }
}

/// Reports the files in `same` (all with the slug `slug`, in file order) that took it from the
/// one that owns it: the first named after it (`zhang-wei.md`, `zhang-wei/index.md`), else the
/// first. A folder copied with its `slug:` line kept is so reported at the copy's `slug:`.
fn report_copies(kind: &str, slug: &str, same: &[&SourceFile], diags: &mut Diagnostics) {
    let owner = same
        .iter()
        .position(|f| file_slug_of(&f.path) == slug)
        .unwrap_or(0);
    for (i, copy) in same.iter().enumerate() {
        if i != owner {
            diags.push(duplicate(kind, slug, same[owner], copy));
        }
    }
}

/// `copy` has the slug `owner` has: at its `slug:` value when it has one, else naming the file.
fn duplicate(kind: &str, slug: &str, owner: &SourceFile, copy: &SourceFile) -> Diagnostic {
    let d = Diagnostic::error(
        "slug.duplicate",
        format!(
            "{kind}网址名 `{slug}` 重复：{} 和 {} 用了同一个",
            owner.path, copy.path
        ),
    );
    let field = [Seg::Key("slug")];
    let positions = positions_of(copy);
    let Some((s, e)) = positions
        .value_span(&field)
        .filter(|_| positions.contains(&field))
    else {
        return d
            .in_file(copy.path.clone())
            .hint("两个文件会生成同一个网页；给其中一个改文件名，或写不同的 `slug:`");
    };
    let own = file_slug_of(&copy.path);
    let fix = if is_safe_slug(own) {
        format!("改成 `slug: {own}`，或删掉这一行（网址名就取文件夹名 `{own}`）")
    } else {
        "改成这份内容自己的网址名（小写英文字母、数字和 -）".to_string()
    };
    d.at(copy, s, e).hint(format!(
        "{} 已经用了 `{slug}`（复制文件夹时留下了 `slug:` 这一行？）：{fix}",
        owner.path
    ))
}

/// Reports slugs taken by more than one file of a kind (few files: stories, brands, pages).
fn dup(kind: &str, entries: &[(&str, &SourceFile)], diags: &mut Diagnostics) {
    let mut count: FxHashMap<&str, usize> = FxHashMap::default();
    for (slug, _) in entries {
        *count.entry(slug).or_default() += 1;
    }
    let mut done: FxHashSet<&str> = FxHashSet::default();
    for (slug, _) in entries {
        if count[slug] > 1 && done.insert(slug) {
            let same: Vec<&SourceFile> = entries
                .iter()
                .filter(|(s, _)| s == slug)
                .map(|(_, f)| *f)
                .collect();
            report_copies(kind, slug, &same, diags);
        }
    }
}

fn reserved(site: &Site, diags: &mut Diagnostics) {
    for p in &site.pages {
        if RESERVED.contains(&p.slug.as_str()) {
            diags.push(
                Diagnostic::error(
                    "slug.reserved",
                    format!("页面网址名 `{}` 和网站自带的栏目重名", p.slug),
                )
                .in_file(p.src.path.clone())
                .hint("换一个文件名，如 about、nominate"),
            );
        }
    }
}

/// Checks every cohort list against the profiles; returns, by the index of the first profile
/// with each slug, whether a list names it.
fn cohort_members(
    site: &Site,
    profiles: &Profiles,
    absent: &Absent,
    diags: &mut Diagnostics,
) -> Vec<bool> {
    let mut listed = vec![false; profiles.list.len()];
    let rightly = rightly_listed(site, profiles);
    for cohort in &site.cohorts {
        // Read from the list's text when the first member is reported.
        let mut positions: Option<Positions> = None;
        let mut at = |d: Diagnostic, index: usize| {
            let p = positions.get_or_insert_with(|| positions_of(&cohort.src));
            match p.value_span(&[Seg::Key("members"), Seg::Index(index)]) {
                Some((s, e)) => d.at(&cohort.src, s, e),
                None => d.in_file(cohort.src.path.clone()),
            }
        };
        for m in &cohort.members {
            let Member::Profile { slug, index } = m else {
                continue;
            };
            let Some((first, last)) = profiles.get(slug) else {
                if !absent.profile(slug) {
                    diags.push(at(unknown_member(slug, cohort.year, profiles), *index));
                    // The hint names the profile meant: that it is not listed is the same mistake.
                    if let Some((first, _)) = profiles
                        .nearest(&as_slug(slug))
                        .and_then(|n| profiles.get(n))
                    {
                        listed[first] = true;
                    }
                }
                continue;
            };
            listed[first] = true;
            if profiles.cohorts[last] != Some(cohort.year) {
                let c = &profiles.list[last];
                if let (Some(&(k, i)), Some(year)) = (rightly.get(&first), c.cohort) {
                    diags.push(at(
                        listed_twice(slug, year, &site.cohorts[k].src, i),
                        *index,
                    ));
                    continue;
                }
                let written = match c.cohort {
                    Some(year) => format!("人物资料写的是 `cohort: {year}`"),
                    None => "人物资料没有写 `cohort`（只写了区局评选的 `selections`）".to_string(),
                };
                let d = Diagnostic::error(
                    "cohort.mismatch",
                    format!("`{slug}` 列在 {} 年的批次里，但{written}", cohort.year),
                )
                .hint(format!(
                    "改正其中一处：人物文件 {} 的 `cohort`，或这份名单",
                    c.at.src.path
                ));
                diags.push(at(d, *index));
            }
        }
        inline_profiles(cohort, profiles, diags);
    }
    listed
}

/// For each profile (by the index of the first with its slug) listed in the cohort of its own
/// year: that cohort (its index in the site) and the place in its list.
fn rightly_listed(site: &Site, profiles: &Profiles) -> FxHashMap<usize, (usize, usize)> {
    let mut out = FxHashMap::default();
    for (k, cohort) in site.cohorts.iter().enumerate() {
        for m in &cohort.members {
            if let Member::Profile { slug, index } = m {
                if let Some((first, last)) = profiles.get(slug) {
                    if profiles.cohorts[last] == Some(cohort.year) {
                        out.entry(first).or_insert((k, *index));
                    }
                }
            }
        }
    }
    out
}

/// A profile listed in another year's list besides its own (`list` at `index`).
fn listed_twice(slug: &str, year: i32, list: &SourceFile, index: usize) -> Diagnostic {
    let line = positions_of(list)
        .value_span(&[Seg::Key("members"), Seg::Index(index)])
        .map_or(0, |(s, _)| list.line_col(s).0);
    Diagnostic::error(
        "cohort.listed-twice",
        format!(
            "`{slug}` 已经列在 {year} 年的批次名单里（{} 第 {line} 行），人物资料写的也是 `cohort: {year}`：一位工匠只属于一个批次",
            list.path
        ),
    )
    .hint("从这份名单里删掉这一行")
}

/// Members written inline who are the same person as a profile of the same list (same name,
/// and the same employer or none written): the profile was added later and the inline entry left.
fn inline_profiles(cohort: &Cohort, profiles: &Profiles, diags: &mut Diagnostics) {
    if !cohort
        .members
        .iter()
        .any(|m| matches!(m, Member::Inline(_)))
    {
        return;
    }
    let mut by_name: FxHashMap<&str, (&str, usize, &str)> = FxHashMap::default();
    for m in &cohort.members {
        if let Member::Profile { slug, index } = m {
            if let Some((_, last)) = profiles.get(slug) {
                let c = &profiles.list[last];
                by_name
                    .entry(&c.name)
                    .or_insert((slug, *index, &c.employer));
            }
        }
    }
    let mut positions: Option<Positions> = None;
    for m in &cohort.members {
        let Member::Inline(i) = m else {
            continue;
        };
        let Some(&(slug, first, employer)) = by_name.get(i.name.as_str()) else {
            continue;
        };
        if !same_employer(i.employer.as_deref(), Some(employer)) {
            continue;
        }
        let p = positions.get_or_insert_with(|| positions_of(&cohort.src));
        let span = |index: usize| p.value_span(&[Seg::Key("members"), Seg::Index(index)]);
        let line = span(first).map_or(0, |(s, _)| cohort.src.line_col(s).0);
        let d = Diagnostic::error(
            "cohort.duplicate-member",
            format!(
                "成员 `{}` 在名单里写了两次（第 {line} 行是 ta 的人物资料 `{slug}`），网页上会显示两次",
                i.name
            ),
        )
        .hint("删掉这一行：有了人物资料，名单里只写网址名；确实是同名的两个人时，在这一行写上 ta 的 `employer`");
        diags.push(match span(i.index) {
            Some((s, e)) => d.at(&cohort.src, s, e),
            None => d.in_file(cohort.src.path.clone()),
        });
    }
}

fn unknown_member(slug: &str, year: i32, profiles: &Profiles) -> Diagnostic {
    let d = Diagnostic::error(
        "cohort.unknown-member",
        format!("成员 `{slug}` 没有对应的人物资料"),
    );
    let inline = "还没有资料的成员可写成 `- { name: 姓名, employer: 单位 }`";
    if let Some(n) = profiles.nearest(&as_slug(slug)) {
        return d.hint(format!(
            "是否想写 `{n}`？名单里写人物资料的网址名（文件名）；{inline}"
        ));
    }
    if is_safe_slug(slug) {
        return d.hint(format!(
            "新建 content/craftsmen/{slug}.md（`gongjiang new craftsman 姓名 --cohort {year}` 会按姓名拼音起文件名），或把这一项写成 `- {{ name: 姓名, employer: 单位 }}`"
        ));
    }
    // A name where the file name belongs: the file `gongjiang new` would make for it.
    let file = names::slug_from_name(slug);
    d.hint(format!(
        "名单里写网址名，不写姓名：运行 `gongjiang new craftsman {slug} --cohort {year}` 建立 content/craftsmen/{file}.md，名单里写 `- {file}`；或把这一项写成 `- {{ name: {slug}, employer: 单位 }}`"
    ))
}

/// The slug a profile named as written would have: the text itself when it is a slug, else
/// the slug its name gives (`张伟` → `zhang-wei`).
fn as_slug(written: &str) -> String {
    if is_safe_slug(written) {
        written.to_string()
    } else {
        names::slug_from_name(written)
    }
}

/// Every profile of a listed year must be on that year's list, and name brands that exist.
fn profile_refs(
    site: &Site,
    profiles: &Profiles,
    listed: &[bool],
    absent: &Absent,
    diags: &mut Diagnostics,
) {
    let years: BTreeSet<i32> = site.cohorts.iter().map(|c| c.year).collect();
    let brand_slugs: FxHashSet<&str> = site.brands.iter().map(|b| b.slug.as_str()).collect();
    for (i, c) in site.craftsmen.iter().enumerate() {
        // Read from the profile's text when the first report asks.
        let mut place = Placer::new(&c.at.src);
        let mut at = |d: Diagnostic, path: &[Seg]| place.at(d, path);
        let year = profiles.cohorts[i].filter(|y| years.contains(y));
        if let Some(year) = year.filter(|_| !listed[profiles.first[i]]) {
            let d = Diagnostic::warning(
                "cohort.not-listed",
                format!(
                    "`{}` 写的是 `cohort: {year}`，但 {year} 年的批次名单里没有 ta",
                    c.name
                ),
            )
            .hint(format!(
                "在 content/cohorts/{year}.yaml 的 `members` 里加一行 `  - {}`",
                c.slug
            ));
            diags.push(at(d, &[Seg::Key("cohort")]));
        }
        for (n, b) in c.brands.iter().enumerate() {
            if !brand_slugs.contains(b.as_str()) && !absent.unreadable.has(Kind::Brand, b) {
                let d = unknown_brand(b, site);
                diags.push(at(d, &[Seg::Key("brands"), Seg::Index(n)]));
            }
        }
    }
}

fn unknown_brand(brand: &str, site: &Site) -> Diagnostic {
    let slugs: BTreeSet<&str> = site.brands.iter().map(|b| b.slug.as_str()).collect();
    Diagnostic::error("brand.unknown", format!("品牌 `{brand}` 不存在")).hint(
        match nearest_slug(brand, slugs.iter().copied()) {
            Some(n) => format!("是否想写 `{n}`？品牌的网址名是 content/brands/ 下的文件名"),
            None => format!(
                "可用的品牌：{}",
                slugs.iter().copied().collect::<Vec<_>>().join(", ")
            ),
        },
    )
}

/// Stories must name profiles that exist.
fn story_refs(site: &Site, profiles: &Profiles, absent: &Absent, diags: &mut Diagnostics) {
    for s in &site.stories {
        // Read from the story's text when the first unknown name is reported.
        let mut positions: Option<Positions> = None;
        for (i, slug) in s.craftsmen.iter().enumerate() {
            if profiles.contains(slug) || absent.profile(slug) {
                continue;
            }
            let p = positions.get_or_insert_with(|| positions_of(&s.src));
            let d = Diagnostic::error(
                "story.unknown-craftsman",
                format!("故事里的工匠 `{slug}` 没有对应的人物资料"),
            );
            let d = match p.value_span(&[Seg::Key("craftsmen"), Seg::Index(i)]) {
                Some((a, b)) => d.at(&s.src, a, b),
                None => d.in_file(s.src.path.clone()),
            };
            diags.push(
                d.hint(
                    profiles
                        .nearest(&as_slug(slug))
                        .map(|n| format!("是否想写 `{n}`？"))
                        .unwrap_or_else(|| "写人物文件的网址名（文件名去掉 .md）".into()),
                ),
            );
        }
    }
}

/// The nearest of `all` to a mistyped `slug` or link ([`crate::suggest::nearest`]).
pub(crate) fn nearest_slug<'a>(slug: &str, all: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    crate::suggest::nearest(slug, all)
}
