//! Checks of the levels between files: each profile's `selections` against the unions and their cohort lists, each union cohort's members against the profiles, the nominating `union`, and a written `level` against the selections.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{Placer, Seg};
use crate::load::Kind;
use crate::model::cohort::{Cohort, Member};
use crate::model::craftsman::Craftsman;
use crate::model::cross::{nearest_slug, Absent};
use crate::model::honours;
use crate::model::site::Site;
use crate::model::union::Union;
use crate::source::SourceFile;
use rustc_hash::{FxHashMap, FxHashSet};

/// What nominating bodies write that is not a union: self-nomination.
const SELF_NOMINATED: &[&str] = &["自荐", "个人自荐", "本人自荐", "网上自荐"];

/// One listing of a profile in a union's cohort.
struct Listing<'a> {
    cohort: &'a Cohort,
    /// Its place in `members`.
    index: usize,
    /// Whether a profile's selection or an earlier message accounts for it.
    explained: bool,
}

/// Reports every mistake between profiles, unions and the unions' cohorts.
pub(crate) fn check(site: &Site, absent: &Absent, diags: &mut Diagnostics) {
    if site.unions.is_empty() && site.craftsmen.iter().all(|c| c.selections.is_empty()) {
        return;
    }
    let slugs: FxHashSet<&str> = site.craftsmen.iter().map(|c| c.slug.as_str()).collect();
    // Every listing of a profile by a union's cohorts, by (union, profile).
    let mut listings: FxHashMap<(&str, &str), Vec<Listing>> = FxHashMap::default();
    for u in &site.unions {
        for k in &u.cohorts {
            for m in &k.members {
                let Member::Profile { slug, index } = m else {
                    continue;
                };
                if !slugs.contains(slug.as_str()) {
                    if !absent.profile(slug) {
                        diags.push(at_member(unknown_member(slug, &slugs), k, *index));
                    }
                    continue;
                }
                listings
                    .entry((u.slug.as_str(), slug.as_str()))
                    .or_default()
                    .push(Listing {
                        cohort: k,
                        index: *index,
                        explained: false,
                    });
            }
        }
    }
    // One body selects a person once.
    for ((_, slug), list) in listings.iter_mut() {
        let (first, later) = list.split_at_mut(1);
        for l in later {
            let d = Diagnostic::error(
                "union-cohort.listed-twice",
                format!(
                    "`{slug}` 已经列在同一工会 {} 年的批次名单里（{}）：一个工会只评选一个人一次",
                    first[0].cohort.year, first[0].cohort.src.path
                ),
            )
            .hint("从其中一份名单里删掉 ta");
            diags.push(at_member(d, l.cohort, l.index));
            l.explained = true;
        }
    }
    for c in &site.craftsmen {
        profile(site, c, &mut listings, absent, diags);
    }
    // Listings no profile accounts for.
    let mut left: Vec<(&str, &Listing)> = listings
        .iter()
        .flat_map(|((_, slug), list)| list.iter().map(move |l| (*slug, l)))
        .filter(|(_, l)| !l.explained)
        .collect();
    left.sort_by(|a, b| (&a.1.cohort.src.path, a.1.index).cmp(&(&b.1.cohort.src.path, b.1.index)));
    for (slug, l) in left {
        let Some(c) = site.craftsmen.iter().find(|c| c.slug == slug) else {
            continue;
        };
        let union = l.cohort.union.as_deref().unwrap_or_default();
        let name = site
            .unions
            .iter()
            .find(|u| u.slug == union)
            .map_or(union, |u| u.name.as_str());
        let d = Diagnostic::error(
            "union-cohort.not-in-profile",
            format!(
                "`{slug}` 列在{name} {} 年的批次名单里，但人物资料的入选经历 `selections` 里没有这一项",
                l.cohort.year
            ),
        )
        .hint(format!(
            "在 {} 里加上：`selections:`，下一行 `  - {{ year: {}, by: {union} }}`；或从名单里删掉 ta",
            c.at.src.path, l.cohort.year
        ));
        diags.push(at_member(d, l.cohort, l.index));
    }
}

/// Checks one profile's selections, nominating union and level; marks the listings its
/// selections account for.
fn profile<'a>(
    site: &'a Site,
    c: &'a Craftsman,
    listings: &mut FxHashMap<(&'a str, &'a str), Vec<Listing<'a>>>,
    absent: &Absent,
    diags: &mut Diagnostics,
) {
    let mut place = Placer::new(&c.at.src);
    let mut at = |d: Diagnostic, path: &[Seg]| place.at(d, path);
    let mut seen: FxHashMap<&str, i32> = FxHashMap::default();
    for s in &c.selections {
        let item = [Seg::Key("selections"), Seg::Index(s.index)];
        let by = [Seg::Key("selections"), Seg::Index(s.index), Seg::Key("by")];
        let year = [
            Seg::Key("selections"),
            Seg::Index(s.index),
            Seg::Key("year"),
        ];
        let Some(u) = site.unions.iter().find(|u| u.slug == s.by) else {
            if !absent.unreadable.has(Kind::Union, &s.by) {
                diags.push(at(unknown_union(&s.by, &site.unions), &by));
            }
            // The union meant lists the person: that listing is the same mistake.
            for ((_, slug), list) in listings.iter_mut() {
                if *slug == c.slug {
                    list.iter_mut().for_each(|l| l.explained = true);
                }
            }
            continue;
        };
        if u.level().is_none() {
            let d = Diagnostic::error(
                "selection.not-selecting",
                format!("`{}` 是协会，只推荐、不评选：不能写在入选经历里", u.name),
            )
            .hint(format!(
                "推荐单位写在 `union: {}`；入选经历只写评选过 ta 的工会",
                u.slug
            ));
            diags.push(at(d, &by));
            continue;
        }
        if let Some(&earlier) = seen.get(s.by.as_str()) {
            let d = Diagnostic::error(
                "selection.twice",
                format!(
                    "入选经历里已经写了{} {earlier} 年评选 ta：一个工会只评选一个人一次",
                    u.name
                ),
            )
            .hint("删掉重复的一项");
            diags.push(at(d, &item));
            continue;
        }
        seen.insert(&s.by, s.year);
        let Some(k) = u.cohorts.iter().find(|k| k.year == s.year) else {
            let years: Vec<String> = u.cohorts.iter().map(|k| k.year.to_string()).collect();
            let hint = if years.is_empty() {
                format!(
                    "{}还没有批次文件：新建 content/unions/{}/cohorts/{}.yaml，在 `members` 里列出 ta",
                    u.name, u.slug, s.year
                )
            } else {
                format!(
                    "{}的批次有：{} 年；年份写错了就改正，否则新建 content/unions/{}/cohorts/{}.yaml",
                    u.name,
                    years.join("、"),
                    u.slug,
                    s.year
                )
            };
            let d = Diagnostic::error(
                "selection.no-cohort",
                format!("{}没有 {} 年的批次", u.name, s.year),
            )
            .hint(hint);
            diags.push(at(d, &year));
            continue;
        };
        let list = listings.get_mut(&(u.slug.as_str(), c.slug.as_str()));
        let listed = list
            .as_ref()
            .is_some_and(|l| l.iter().any(|l| l.cohort.year == s.year));
        if listed {
            for l in list.into_iter().flatten() {
                if l.cohort.year == s.year {
                    l.explained = true;
                }
            }
            continue;
        }
        let d = match list {
            // Listed by the same union in another year: one mistake, one message.
            Some(list) if !list.is_empty() => {
                for l in list.iter_mut() {
                    l.explained = true;
                }
                let other = list[0].cohort;
                Diagnostic::error(
                    "selection.mismatch",
                    format!(
                        "入选经历写的是{} {} 年，但{}把 ta 列在 {} 年的批次名单里（{}）",
                        u.name, s.year, u.name, other.year, other.src.path
                    ),
                )
                .hint("改正其中一处：这里的 `year`，或那份名单")
            }
            _ => Diagnostic::error(
                "selection.not-listed",
                format!(
                    "入选经历写的是{} {} 年，但那一年的批次名单里没有 ta",
                    u.name, s.year
                ),
            )
            .hint(format!(
                "在 {} 的 `members` 里加一行 `  - {}`",
                k.src.path, c.slug
            )),
        };
        diags.push(at(d, &year));
    }
    nominating(site, c, &mut at, diags);
    level(site, c, &mut at, diags);
}

/// The nominating `union`, when the site has unions: any body may nominate, but a value a few
/// characters from a union's file name or name is taken for a typo.
fn nominating(
    site: &Site,
    c: &Craftsman,
    at: &mut impl FnMut(Diagnostic, &[Seg]) -> Diagnostic,
    diags: &mut Diagnostics,
) {
    let Some(written) = c.union.as_deref() else {
        return;
    };
    if site.unions.is_empty()
        || SELF_NOMINATED.contains(&written)
        || nominated_by(written, &site.unions).is_some()
    {
        return;
    }
    // Any body may nominate: only a near miss of a union's name is taken for a typo.
    let Some(u) = nearest_union(written, &site.unions) else {
        return;
    };
    let d = Diagnostic::warning(
        "union.unknown",
        format!("推荐单位 `union` 写的是“{written}”，和本站的工会“{}”只差几个字：网页上照原样显示，不链接", u.name),
    )
    .hint(format!(
        "如果就是{}，写它的文件名 `{}` 或全称；如果是别的单位，可以不管这条提醒",
        u.name, u.slug
    ));
    diags.push(at(d, &[Seg::Key("union")]));
}

/// A written `level` that says otherwise than the selections: the page shows the selections'.
fn level(
    site: &Site,
    c: &Craftsman,
    at: &mut impl FnMut(Diagnostic, &[Seg]) -> Diagnostic,
    diags: &mut Diagnostics,
) {
    if c.selections.is_empty() || !c.level_written {
        return;
    }
    let all = honours::of(c, &site.unions);
    let Some(main) = honours::main(&all) else {
        return;
    };
    if c.level == main.level {
        return;
    }
    let d = Diagnostic::warning(
        "selection.level",
        format!(
            "级别 `level` 写的是 {}，但入选经历里最高的是 {} 年的{}（{}）",
            c.level.label(),
            main.year,
            main.title(),
            main.level.label()
        ),
    )
    .hint("删掉 `level` 这一行：有入选经历时，级别按入选经历显示");
    diags.push(at(d, &[Seg::Key("level")]));
}

/// The union a nominating `union` names: by its file name or its name.
pub(crate) fn nominated_by<'a>(written: &str, unions: &'a [Union]) -> Option<&'a Union> {
    unions
        .iter()
        .find(|u| u.slug == written || u.name == written)
}

/// The union whose file name or name is nearest to `written`.
fn nearest_union<'a>(written: &str, unions: &'a [Union]) -> Option<&'a Union> {
    let names = unions
        .iter()
        .flat_map(|u| [u.slug.as_str(), u.name.as_str()]);
    let near = nearest_slug(written, names)?;
    nominated_by(near, unions)
}

fn unknown_union(written: &str, unions: &[Union]) -> Diagnostic {
    let d = Diagnostic::error(
        "selection.unknown-union",
        format!("评选单位 `by` 写的是“{written}”，本站没有这个工会"),
    );
    if let Some(u) = unions.iter().find(|u| u.name == written) {
        return d.hint(format!("写工会的文件名，不写全称：`by: {}`", u.slug));
    }
    match nearest_union(written, unions) {
        Some(u) => d.hint(format!("是否想写 `by: {}`（{}）？", u.slug, u.name)),
        None => d.hint(format!(
            "写 content/unions/ 下工会文件的文件名（不带 `.yaml`）；还没有这个工会的文件就新建 content/unions/{}.yaml",
            if crate::schema::is_safe_slug(written) { written } else { "工会拼音" }
        )),
    }
}

fn unknown_member(slug: &str, slugs: &FxHashSet<&str>) -> Diagnostic {
    let d = Diagnostic::error(
        "cohort.unknown-member",
        format!("成员 `{slug}` 没有对应的人物资料"),
    );
    match nearest_slug(slug, slugs.iter().copied()) {
        Some(n) => d.hint(format!(
            "是否想写 `{n}`？名单里写人物资料的网址名（文件名）；还没有资料的成员可写成 `- {{ name: 姓名, employer: 单位 }}`"
        )),
        None => d.hint(format!(
            "新建 content/craftsmen/{slug}.md，或把这一项写成 `- {{ name: 姓名, employer: 单位 }}`"
        )),
    }
}

/// Points a diagnostic at the `index`-th member of a cohort's list.
fn at_member(d: Diagnostic, k: &Cohort, index: usize) -> Diagnostic {
    at_path(d, &k.src, &[Seg::Key("members"), Seg::Index(index)])
}

fn at_path(d: Diagnostic, src: &SourceFile, path: &[Seg]) -> Diagnostic {
    Placer::new(src).at(d, path)
}
