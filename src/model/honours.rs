//! A person's honours: the city's selection (`cohort`) and each union's (`selections`), as one timeline with each honour's level, body and cohort page.

use crate::model::craftsman::Craftsman;
use crate::model::union::Union;
use crate::schema::levels::Level;

/// One selection of a person, by the city or by a union.
#[derive(Debug, Clone)]
pub(crate) struct Honour<'a> {
    pub year: i32,
    pub level: Level,
    /// The selecting union; `None` for the city.
    pub by: Option<&'a Union>,
    /// The cohort's page (without the base path).
    pub path: String,
}

impl Honour<'_> {
    /// The title it gives: 上海工匠, or 徐汇区总工会 的 区级工匠 as `徐汇区总工会区级工匠`.
    pub(crate) fn title(&self) -> String {
        match self.by {
            None => "上海工匠".to_string(),
            Some(u) => format!("{}{}工匠", u.name, self.level.label()),
        }
    }
}

/// Every honour of `c`, oldest first (the city's before a union's of the same year); a selection
/// by a union the site does not have, or by one that does not select, is left out (reported
/// when the site is checked).
pub(crate) fn of<'a>(c: &Craftsman, unions: &'a [Union]) -> Vec<Honour<'a>> {
    let mut out: Vec<Honour> = c
        .cohort
        .map(|year| Honour {
            year,
            level: Level::City,
            by: None,
            path: crate::model::urls::cohort(year),
        })
        .into_iter()
        .collect();
    for s in &c.selections {
        let Some(u) = unions.iter().find(|u| u.slug == s.by) else {
            continue;
        };
        let Some(level) = u.level() else {
            continue;
        };
        out.push(Honour {
            year: s.year,
            level,
            by: Some(u),
            path: crate::model::urls::union_cohort(&u.slug, s.year),
        });
    }
    out.sort_by_key(|h| (h.year, std::cmp::Reverse(h.level.rank())));
    out
}

/// The honour a card shows: the highest level, the latest of those.
pub(crate) fn main<'h, 'a>(honours: &'h [Honour<'a>]) -> Option<&'h Honour<'a>> {
    honours.iter().max_by_key(|h| (h.level.rank(), h.year))
}

/// What a card shows of a person: the year, level and cohort page (without the base path) of
/// the honour it names. A profile without `selections` shows its city cohort with the `level`
/// it writes, as it always has.
pub(crate) fn shown(c: &Craftsman, unions: &[Union]) -> (i32, Level, String) {
    if c.selections.is_empty() {
        let year = c.cohort.unwrap_or_default();
        return (year, c.level, crate::model::urls::cohort(year));
    }
    let honours = of(c, unions);
    match main(&honours) {
        Some(h) => (h.year, h.level, h.path.clone()),
        None => {
            let year = c
                .cohort
                .or_else(|| c.selections.first().map(|s| s.year))
                .unwrap_or_default();
            (year, c.level, crate::model::urls::cohort(year))
        }
    }
}
