//! Checks between files: unique slugs, cohort lists against profiles, brands and stories' craftsmen.

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::cohort::Member;
use crate::model::craftsman::Craftsman;
use crate::model::site::Site;
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

/// Profiles that could not be read or are withdrawn, by file name: references to them are not
/// reported as unknown.
pub struct Absent<'a> {
    pub unreadable: &'a BTreeSet<String>,
    pub withdrawn: &'a BTreeSet<String>,
}

impl Absent<'_> {
    fn contains(&self, slug: &str) -> bool {
        self.withdrawn.contains(slug) || self.unreadable.contains(slug)
    }
}

/// Reports duplicate slugs, reserved page slugs, and references to profiles and brands that do not exist.
pub fn cross_check(site: &Site, absent: &Absent, diags: &mut Diagnostics) {
    let profiles = Profiles::new(&site.craftsmen, diags);
    dup(
        "故事",
        site.stories
            .iter()
            .map(|c| (c.slug.as_str(), c.src.path.as_str())),
        diags,
    );
    dup(
        "品牌",
        site.brands
            .iter()
            .map(|c| (c.slug.as_str(), c.src.path.as_str())),
        diags,
    );
    dup(
        "页面",
        site.pages
            .iter()
            .map(|c| (c.slug.as_str(), c.src.path.as_str())),
        diags,
    );
    reserved(site, diags);
    let listed = cohort_members(site, &profiles, absent, diags);
    profile_refs(site, &profiles, &listed, diags);
    story_refs(site, &profiles, absent, diags);
}

/// The profiles by slug, with duplicates reported as they are found.
struct Profiles<'a> {
    list: &'a [Arc<Craftsman>],
    /// The first and the last profile with each slug (the same one unless the slug is duplicated).
    by_slug: FxHashMap<&'a str, (usize, usize)>,
    /// For each profile, the first profile with its slug.
    first: Vec<usize>,
    /// Each profile's cohort year.
    cohorts: Vec<i32>,
}

impl<'a> Profiles<'a> {
    fn new(list: &'a [Arc<Craftsman>], diags: &mut Diagnostics) -> Self {
        let mut by_slug = FxHashMap::with_capacity_and_hasher(list.len(), Default::default());
        let mut first = Vec::with_capacity(list.len());
        let mut cohorts = Vec::with_capacity(list.len());
        for (i, c) in list.iter().enumerate() {
            cohorts.push(c.cohort);
            match by_slug.entry(c.slug.as_str()) {
                Entry::Vacant(e) => {
                    e.insert((i, i));
                    first.push(i);
                }
                Entry::Occupied(mut e) => {
                    let (f, _) = *e.get();
                    let path = &list[f].at.src.path;
                    diags.push(duplicate("人物", &c.slug, path, &c.at.src.path));
                    e.get_mut().1 = i;
                    first.push(f);
                }
            }
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

fn duplicate(kind: &str, slug: &str, first: &str, file: &str) -> Diagnostic {
    Diagnostic::error(
        "slug.duplicate",
        format!("{kind}网址名 `{slug}` 重复：{first} 和 {file} 用了同一个"),
    )
    .in_file(file)
    .hint("两个文件会生成同一个网页；给其中一个改文件名，或写不同的 `slug:`")
}

fn dup<'a>(kind: &str, what: impl Iterator<Item = (&'a str, &'a str)>, diags: &mut Diagnostics) {
    let mut seen: FxHashMap<&str, &str> = FxHashMap::default();
    for (slug, file) in what {
        if let Some(&first) = seen.get(slug) {
            diags.push(duplicate(kind, slug, first, file));
        } else {
            seen.insert(slug, file);
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
    for cohort in &site.cohorts {
        for m in &cohort.members {
            let Member::Profile { slug, span } = m else {
                continue;
            };
            let Some((first, last)) = profiles.get(slug) else {
                if !absent.contains(slug) {
                    diags.push(unknown_member(slug, profiles).at(&cohort.src, span.0, span.1));
                }
                continue;
            };
            listed[first] = true;
            if profiles.cohorts[last] != cohort.year {
                let c = &profiles.list[last];
                diags.push(
                    Diagnostic::error(
                        "cohort.mismatch",
                        format!(
                            "`{slug}` 列在 {} 年的批次里，但人物资料写的是 `cohort: {}`",
                            cohort.year, c.cohort
                        ),
                    )
                    .at(&cohort.src, span.0, span.1)
                    .hint(format!(
                        "改正其中一处：人物文件 {} 的 `cohort`，或这份名单",
                        c.at.src.path
                    )),
                );
            }
        }
    }
    listed
}

fn unknown_member(slug: &str, profiles: &Profiles) -> Diagnostic {
    Diagnostic::error(
        "cohort.unknown-member",
        format!("成员 `{slug}` 没有对应的人物资料"),
    )
    .hint(match profiles.nearest(slug) {
        Some(n) => {
            format!("是否想写 `{n}`？还没有资料的成员可写成 `- {{ name: 姓名, employer: 单位 }}`")
        }
        None => {
            format!("新建 content/craftsmen/{slug}.md，或写成 `- {{ name: 姓名, employer: 单位 }}`")
        }
    })
}

/// Every profile of a listed year must be on that year's list, and name brands that exist.
fn profile_refs(site: &Site, profiles: &Profiles, listed: &[bool], diags: &mut Diagnostics) {
    let years: BTreeSet<i32> = site.cohorts.iter().map(|c| c.year).collect();
    let brand_slugs: FxHashSet<&str> = site.brands.iter().map(|b| b.slug.as_str()).collect();
    for (i, c) in site.craftsmen.iter().enumerate() {
        if years.contains(&profiles.cohorts[i]) && !listed[profiles.first[i]] {
            diags.push(
                Diagnostic::warning(
                    "cohort.not-listed",
                    format!(
                        "`{}` 写的是 `cohort: {}`，但 {} 年的批次名单里没有 ta",
                        c.name, c.cohort, c.cohort
                    ),
                )
                .at(&c.at.src, c.at.cohort.0, c.at.cohort.1)
                .hint(format!(
                    "在 content/cohorts/{}.yaml 的 `members` 里加一行 `  - {}`",
                    c.cohort, c.slug
                )),
            );
        }
        for (b, span) in c.brands.iter().zip(&c.at.brands) {
            if !brand_slugs.contains(b.as_str()) {
                diags.push(unknown_brand(b, site).at(&c.at.src, span.0, span.1));
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
        for (slug, span) in &s.craftsmen {
            if profiles.contains(slug) || absent.contains(slug) {
                continue;
            }
            diags.push(
                Diagnostic::error(
                    "story.unknown-craftsman",
                    format!("故事里的工匠 `{slug}` 没有对应的人物资料"),
                )
                .at(&s.src, span.0, span.1)
                .hint(
                    profiles
                        .nearest(slug)
                        .map(|n| format!("是否想写 `{n}`？"))
                        .unwrap_or_else(|| "写人物文件的网址名（文件名去掉 .md）".into()),
                ),
            );
        }
    }
}

/// The nearest of `all` to a mistyped `slug` (at most 3 edits, and fewer than its length).
pub fn nearest_slug<'a>(slug: &str, all: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    all.map(|s| (strsim::damerau_levenshtein(slug, s), s))
        .filter(|&(d, s)| d <= 3 && d < s.len())
        .min()
        .map(|(_, s)| s)
}
