//! The programme's levels as a whole: each union given its cohorts, who holds an honour at each level, each union's and each level's statistics, and the whole system's figures (unions that selected, craftsmen at all levels).

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::cohort::{Cohort, Member};
use crate::model::site::Site;
use crate::model::stats::{self, Stats};
use crate::model::strokes::StrokeOrder;
use crate::model::union::Union;
use crate::schema::levels::Level;
use serde::Serialize;
use std::sync::Arc;

/// The whole programme's figures, computed from the cohorts and profiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct System {
    /// Unions that select (区, 局, 产业), and of them those with at least one cohort.
    pub unions: usize,
    pub unions_selected: usize,
    /// Everyone selected at any level: each profile once, each member written inline once per list.
    pub people: usize,
    /// How many hold an honour at each level (a person selected by a district and by the city
    /// counts at both).
    pub city: usize,
    pub district: usize,
    pub bureau: usize,
    /// People selected by a union and later by the city.
    pub promoted: usize,
}

impl Site {
    /// The statistics of the profiles a union selected.
    pub fn union_stats(&self, slug: &str) -> Stats {
        let inputs: Vec<_> = self
            .selected_by(slug)
            .map(|i| self.craftsmen[i].stat_input())
            .collect();
        stats::compute(&inputs)
    }

    /// The profiles holding an honour at `level`, in the site's order.
    pub fn at_level(&self, level: Level) -> impl Iterator<Item = usize> + '_ {
        self.craftsmen
            .iter()
            .enumerate()
            .filter(move |(_, c)| match level {
                Level::City => c.cohort.is_some(),
                _ => c.selections.iter().any(|s| {
                    self.unions
                        .iter()
                        .any(|u| u.slug == s.by && u.level() == Some(level))
                }),
            })
            .map(|(i, _)| i)
    }

    /// Each level some profile holds, with how many hold it; none for a site without unions.
    pub fn levels_held(&self) -> Vec<(Level, usize)> {
        if self.unions.is_empty() {
            return Vec::new();
        }
        Level::ALL
            .iter()
            .map(|&l| (l, self.at_level(l).count()))
            .filter(|&(_, n)| n > 0)
            .collect()
    }

    /// The statistics of the profiles holding an honour at `level`.
    pub fn level_stats(&self, level: Level) -> Stats {
        let inputs: Vec<_> = self
            .at_level(level)
            .map(|i| self.craftsmen[i].stat_input())
            .collect();
        stats::compute(&inputs)
    }

    /// The whole programme's figures.
    pub fn system(&self) -> System {
        let selecting = self.unions.iter().filter(|u| u.level().is_some());
        let inline = |k: &Cohort| {
            k.members
                .iter()
                .filter(|m| matches!(m, Member::Inline(_)))
                .count()
        };
        let listed_inline = |level: Level| -> usize {
            self.unions
                .iter()
                .filter(|u| u.level() == Some(level))
                .flat_map(|u| &u.cohorts)
                .map(|k| inline(k))
                .sum()
        };
        let city_inline: usize = self.cohorts.iter().map(|k| inline(k)).sum();
        let district_inline = listed_inline(Level::District);
        let bureau_inline = listed_inline(Level::Bureau);
        System {
            unions: selecting.clone().count(),
            unions_selected: selecting.filter(|u| !u.cohorts.is_empty()).count(),
            people: self.craftsmen.len() + city_inline + district_inline + bureau_inline,
            city: self.at_level(Level::City).count() + city_inline,
            district: self.at_level(Level::District).count() + district_inline,
            bureau: self.at_level(Level::Bureau).count() + bureau_inline,
            promoted: self
                .craftsmen
                .iter()
                .filter(|c| c.cohort.is_some() && !c.selections.is_empty())
                .count(),
        }
    }
}

/// Gives each union its cohorts (by year) and orders the unions by kind, then by the strokes of
/// their names. A cohort in the folder of a union the site does not have, or of an association
/// (which nominates but does not select), is an error at the cohort's file.
pub(crate) fn attach(site: &mut Site, cohorts: Vec<Arc<Cohort>>, diags: &mut Diagnostics) {
    let strokes = StrokeOrder::new();
    site.unions.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then_with(|| strokes.compare(&a.name, &b.name))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    for c in cohorts {
        let Some(slug) = c.union.as_deref() else {
            continue;
        };
        match site.unions.iter_mut().find(|u| u.slug == slug) {
            None => {
                let near = crate::model::cross::nearest_slug(
                    slug,
                    site.unions.iter().map(|u| u.slug.as_str()),
                );
                let hint = match near {
                    Some(n) => format!(
                        "是否想放在 content/unions/{n}/cohorts/ 里？文件夹名要和工会文件名相同"
                    ),
                    None => {
                        format!("新建工会文件 content/unions/{slug}.yaml，写上 `name` 和 `kind`")
                    }
                };
                diags.push(
                    Diagnostic::error(
                        "union.unknown-folder",
                        format!("批次文件在 content/unions/{slug}/ 里，但没有工会文件 content/unions/{slug}.yaml"),
                    )
                    .in_file(c.src.path.clone())
                    .hint(hint),
                );
            }
            Some(u) if u.level().is_none() => diags.push(
                Diagnostic::error(
                    "union.association-cohort",
                    format!(
                        "`{}` 的类型是 `协会`：协会只推荐、不评选，不能有批次",
                        u.name
                    ),
                )
                .in_file(c.src.path.clone())
                .hint(format!(
                    "如果它评选工匠，把 content/unions/{}.yaml 的 `kind` 改成 `区`、`局` 或 `产业`",
                    u.slug
                )),
            ),
            Some(u) => u.cohorts.push(c),
        }
    }
    for u in &mut site.unions {
        u.cohorts.sort_by_key(|c| c.year);
    }
}

impl Site {
    /// The profiles (by their place in the site's order) a union selected: each with a selection
    /// by it in `selections`.
    pub fn selected_by<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.craftsmen
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.selections.iter().any(|s| s.by == slug))
            .map(|(i, _)| i)
    }

    /// The city's craftsmen (with a `cohort`) a union nominated (`union:` its file name or name).
    pub fn nominated_by<'a>(&'a self, u: &'a Union) -> impl Iterator<Item = usize> + 'a {
        self.craftsmen
            .iter()
            .enumerate()
            .filter(move |(_, c)| {
                c.cohort.is_some()
                    && c.union
                        .as_deref()
                        .is_some_and(|w| w == u.slug || w == u.name)
            })
            .map(|(i, _)| i)
    }
}
