//! The lazy set of a site's views ([`Views`]): each made the first time a page asks for it, then shared.

use super::{
    make, memo, with_base, BrandView, CohortView, CraftsmanCard, CraftsmanView, DateView, Images,
    IndustryRef, IndustryView, LetterGroup, Link, MemberView, PageView, SiteView, StoryView,
    UnionView, ViewMemo,
};
use crate::model::cohort::{self, Cohort, Member};
use crate::model::craftsman::Craftsman;
use crate::model::industry::Section;
use crate::model::site::Site;
use crate::model::stats::Stats;
use crate::schema::levels::Level;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

/// Every view of a site. Each is made the first time a page asks for it and then shared by every
/// page, except a profile's own view, which only its page uses and which is made for it. Making
/// the whole set costs next to nothing, so that the preview can serve a saved page without first
/// making the views of ten thousand others.
///
/// The views that are kept are made without parallel work of their own: a thread-pool worker that
/// waited for one inside another task could otherwise be handed a page waiting for the same view.
pub struct Views {
    pub site: SiteView,
    pub stats: Stats,
    pub pages: Vec<PageView>,
    /// How many profiles each industry section has, by letter (sections without one are left out).
    pub industry_counts: Vec<(char, usize)>,
    model: Arc<Site>,
    images: Images,
    memo: Option<Arc<ViewMemo>>,
    /// Cards in the site's profile order.
    cards: Vec<OnceLock<Arc<CraftsmanCard>>>,
    by_slug: OnceLock<rustc_hash::FxHashMap<String, usize>>,
    cohorts: Vec<OnceLock<CohortView>>,
    /// Each cohort's previous and next links, by profile slug.
    neighbours: Vec<OnceLock<HashMap<String, Neighbours>>>,
    /// Each profile's stories: positions in the site's stories, in their order.
    stories_of: OnceLock<HashMap<String, Vec<usize>>>,
    letters: OnceLock<Vec<LetterGroup>>,
    industries: OnceLock<Vec<IndustryView>>,
    stories: OnceLock<Vec<StoryView>>,
    brands: OnceLock<Vec<BrandView>>,
    unions: Vec<OnceLock<UnionView>>,
    levels: OnceLock<Vec<(Level, Vec<Arc<CraftsmanCard>>)>>,
    /// Each union's cohorts, by union, then by year.
    union_cohorts: Vec<Vec<OnceLock<CohortView>>>,
}

/// Previous and next profile in a cohort's order.
type Neighbours = (Option<Link>, Option<Link>);

/// `n` views not made yet.
fn unmade<T>(n: usize) -> Vec<OnceLock<T>> {
    (0..n).map(|_| OnceLock::new()).collect()
}

impl Views {
    /// The views of `site` with its resized photos; `memo` keeps cards and cohort orders between
    /// the preview's rebuilds. Nothing is made yet but the site header, the counts and the pages.
    pub fn new(site: Arc<Site>, images: Images, memo: Option<Arc<ViewMemo>>) -> Views {
        let base = site.config.base_path.as_str();
        if let Some(m) = &memo {
            m.keep_only(&site);
        }
        let industry_counts = site.industry_counts();
        Views {
            site: make::site_view(&site, industry_counts.len()),
            stats: site.stats.clone(),
            pages: site
                .pages
                .iter()
                .map(|p| make::page_view(base, p, &images))
                .collect(),
            industry_counts,
            cards: unmade(site.craftsmen.len()),
            cohorts: unmade(site.cohorts.len()),
            neighbours: unmade(site.cohorts.len()),
            by_slug: OnceLock::new(),
            stories_of: OnceLock::new(),
            letters: OnceLock::new(),
            industries: OnceLock::new(),
            stories: OnceLock::new(),
            brands: OnceLock::new(),
            unions: unmade(site.unions.len()),
            levels: OnceLock::new(),
            union_cohorts: site
                .unions
                .iter()
                .map(|u| unmade(u.cohorts.len()))
                .collect(),
            model: site,
            images,
            memo,
        }
    }

    /// Makes the views every build needs, in parallel, before the pages render (a build renders
    /// every page; the preview makes each view when a page first asks for it).
    pub fn make_shared(&self) {
        (0..self.cards.len()).into_par_iter().for_each(|i| {
            self.card(i);
        });
        (0..self.cohorts.len()).into_par_iter().for_each(|i| {
            self.cohort(i);
        });
    }

    /// The site the views are made from.
    pub fn model(&self) -> &Site {
        &self.model
    }

    fn base(&self) -> &str {
        &self.model.config.base_path
    }

    /// How many profiles the site has.
    pub fn craftsmen_len(&self) -> usize {
        self.cards.len()
    }

    /// The card of the `i`-th profile in the site's order.
    pub fn card(&self, i: usize) -> &Arc<CraftsmanCard> {
        self.cards[i].get_or_init(|| {
            let c = &self.model.craftsmen[i];
            let shown = crate::model::honours::shown(c, &self.model.unions);
            match &self.memo {
                Some(m) => m.card(self.base(), c, &self.images, shown),
                None => Arc::new(make::card(self.base(), c, &self.images, &shown)),
            }
        })
    }

    /// Every card, in the site's order.
    pub fn cards(&self) -> impl ExactSizeIterator<Item = &Arc<CraftsmanCard>> {
        (0..self.cards.len()).map(|i| self.card(i))
    }

    /// The card of the profile with this slug.
    pub fn card_of(&self, slug: &str) -> Option<&Arc<CraftsmanCard>> {
        self.index_of(slug).map(|i| self.card(i))
    }

    /// The `i`-th union, in the site's order.
    pub fn union(&self, i: usize) -> &UnionView {
        self.unions[i].get_or_init(|| super::unions::union_view(self, i))
    }

    /// Every union, in the site's order.
    pub fn unions(&self) -> impl ExactSizeIterator<Item = &UnionView> {
        (0..self.unions.len()).map(|i| self.union(i))
    }

    /// The craftsmen holding each level some profile holds (a site with unions), in the site's
    /// order, with the level.
    pub fn levels(&self) -> &[(Level, Vec<Arc<CraftsmanCard>>)] {
        self.levels.get_or_init(|| {
            self.model
                .levels_held()
                .into_iter()
                .map(|(l, _)| {
                    let cards = self.model.at_level(l).map(|i| Arc::clone(self.card(i)));
                    (l, cards.collect())
                })
                .collect()
        })
    }

    /// The `k`-th cohort (by year) of the `i`-th union.
    pub fn union_cohort(&self, i: usize, k: usize) -> &CohortView {
        self.union_cohorts[i][k].get_or_init(|| {
            super::unions::union_cohort_view(self, &self.model.unions[i].cohorts[k])
        })
    }

    /// The place of the profile with this slug in the site's order.
    pub(super) fn index_of(&self, slug: &str) -> Option<usize> {
        let by_slug = self.by_slug.get_or_init(|| {
            let mut m = rustc_hash::FxHashMap::with_capacity_and_hasher(
                self.model.craftsmen.len(),
                Default::default(),
            );
            for (i, c) in self.model.craftsmen.iter().enumerate() {
                m.entry(c.slug.clone()).or_insert(i);
            }
            m
        });
        by_slug.get(slug).copied()
    }

    /// The `i`-th profile's page view, made for the page that shows it.
    pub fn craftsman(&self, i: usize) -> CraftsmanView {
        let c = &self.model.craftsmen[i];
        let base = self.base();
        let (prev, next) = self.neighbours_of(c);
        let stories_of = self.stories_of.get_or_init(|| {
            let mut of: HashMap<String, Vec<usize>> = HashMap::new();
            for (n, s) in self.model.stories.iter().enumerate() {
                for slug in &s.craftsmen {
                    let list = of.entry(slug.clone()).or_default();
                    if list.last() != Some(&n) {
                        list.push(n);
                    }
                }
            }
            of
        });
        let unions = &self.model.unions;
        CraftsmanView {
            honours: super::unions::honours(base, c, unions),
            by_unions: !c.selections.is_empty(),
            union_link: super::unions::union_link(base, c, unions),
            card: Arc::clone(self.card(i)),
            facts: make::facts(c),
            brands: c
                .brands
                .iter()
                .filter_map(|b| self.model.brands.iter().find(|x| &x.slug == b))
                .map(|b| Link {
                    title: b.title.clone(),
                    url: with_base(base, &crate::model::urls::brand(&b.slug)),
                })
                .collect(),
            stories: stories_of
                .get(c.slug.as_str())
                .into_iter()
                .flatten()
                .map(|&n| make::story_ref(base, &self.model.stories[n], &self.images))
                .collect(),
            content: crate::render::pictures::body_html(&c.body, &self.images),
            headings: make::headings(&c.body.headings),
            prev,
            next,
            extra: c.extra.clone(),
        }
    }

    /// A profile's neighbours in its cohort's list. Only the cohort of its own year can list it
    /// (a listing anywhere else is an error, and a site with errors has no pages).
    fn neighbours_of(&self, c: &Craftsman) -> Neighbours {
        let Some(k) = self
            .model
            .cohorts
            .iter()
            .position(|k| Some(k.year) == c.cohort)
        else {
            return (None, None);
        };
        self.neighbours[k]
            .get_or_init(|| neighbours(self.cohort(k)))
            .get(c.slug.as_str())
            .cloned()
            .unwrap_or((None, None))
    }

    /// The `i`-th cohort (by year).
    pub fn cohort(&self, i: usize) -> &CohortView {
        self.cohorts[i].get_or_init(|| {
            let k = &self.model.cohorts[i];
            cohort_view(self, k, self.model.cohort_stats(k.year))
        })
    }

    /// Every cohort, by year.
    pub fn cohorts(&self) -> impl DoubleEndedIterator<Item = &CohortView> + ExactSizeIterator {
        (0..self.cohorts.len()).map(|i| self.cohort(i))
    }

    /// The A–Z index's letter groups.
    pub fn letters(&self) -> &[LetterGroup] {
        self.letters.get_or_init(|| {
            let mut letters: Vec<LetterGroup> = Vec::new();
            for card in self.cards() {
                match letters.iter_mut().find(|g| g.letter == card.initial) {
                    Some(g) => g.craftsmen.push(Arc::clone(card)),
                    None => letters.push(LetterGroup {
                        letter: card.initial,
                        craftsmen: vec![Arc::clone(card)],
                    }),
                }
            }
            letters.sort_by_key(|g| if g.letter == '#' { '~' } else { g.letter });
            letters
        })
    }

    /// The industry sections that have profiles, by letter.
    pub fn industries(&self) -> &[IndustryView] {
        self.industries.get_or_init(|| industries(self))
    }

    /// The stories, newest first.
    pub fn stories(&self) -> &[StoryView] {
        self.stories.get_or_init(|| {
            let base = self.base();
            self.model
                .stories
                .iter()
                .map(|s| StoryView {
                    head: make::story_ref(base, s, &self.images),
                    slug: s.slug.clone(),
                    content: crate::render::pictures::body_html(&s.body, &self.images),
                    headings: make::headings(&s.body.headings),
                    craftsmen: s
                        .craftsmen
                        .iter()
                        .filter_map(|slug| self.card_of(slug).cloned())
                        .collect(),
                })
                .collect()
        })
    }

    /// The brands, by `order`.
    pub fn brands(&self) -> &[BrandView] {
        self.brands.get_or_init(|| {
            let base = self.base();
            self.model
                .brands
                .iter()
                .map(|b| BrandView {
                    slug: b.slug.clone(),
                    title: b.title.clone(),
                    url: with_base(base, &crate::model::urls::brand(&b.slug)),
                    order: b.order,
                    summary: b.summary.clone(),
                    figures: b.figures.clone(),
                    content: crate::render::pictures::body_html(&b.body, &self.images),
                    craftsmen: self
                        .model
                        .craftsmen
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.brands.contains(&b.slug))
                        .map(|(i, _)| Arc::clone(self.card(i)))
                        .collect(),
                })
                .collect()
        })
    }
}

/// The view of a cohort: its members in listing order, and its statistics.
pub(super) fn cohort_view(v: &Views, c: &Cohort, stats: Stats) -> CohortView {
    let site = v.model();
    let base = site.config.base_path.as_str();
    let members: Vec<MemberView> = c
        .members
        .iter()
        .filter_map(|m| member_view(v, base, m))
        .collect();
    let order = {
        let names: Vec<(&str, Option<&str>)> = members
            .iter()
            .map(|m| {
                (
                    m.name.as_str(),
                    m.profile.as_ref().map(|p| p.pinyin.as_str()),
                )
            })
            .collect();
        memo::listing_order(v.memo.as_deref(), &names, site.config.cohort_order)
    };
    let mut slots: Vec<Option<MemberView>> = members.into_iter().map(Some).collect();
    let members: Vec<MemberView> = order.iter().filter_map(|&i| slots[i].take()).collect();
    CohortView {
        year: c.year,
        title: c.title.clone(),
        url: with_base(base, &c.url()),
        ceremony: c.ceremony.as_ref().map(DateView::from),
        intro: c.intro_html.clone(),
        count: members.len(),
        profiles: members.iter().filter(|m| m.profile.is_some()).count(),
        members,
        order: cohort::order_label(site.config.cohort_order),
        stats,
    }
}

/// A cohort member as listed: by its profile's card (`None` when the profile is not in the site),
/// or by what the cohort's file says of it.
fn member_view(v: &Views, base: &str, m: &Member) -> Option<MemberView> {
    match m {
        Member::Profile { slug, .. } => v.card_of(slug).map(|card| MemberView {
            name: card.name.clone(),
            employer: Some(card.employer.clone()),
            post: Some(card.post.clone()),
            industry: card.industry.clone(),
            profile: Some(Arc::clone(card)),
        }),
        Member::Inline(i) => Some(MemberView {
            name: i.name.clone(),
            profile: None,
            employer: i.employer.clone(),
            post: i.post.clone(),
            industry: i.industry.map(|s| IndustryRef {
                has_page: v.industry_counts.iter().any(|&(l, _)| l == s.letter),
                ..make::industry_ref(base, s)
            }),
        }),
    }
}

/// Previous / next profile within a cohort's official order, by slug.
fn neighbours(cohort: &CohortView) -> HashMap<String, Neighbours> {
    let profiles: Vec<&CraftsmanCard> = cohort
        .members
        .iter()
        .filter_map(|m| m.profile.as_deref())
        .collect();
    let link = |q: &CraftsmanCard| Link {
        title: q.name.clone(),
        url: q.url.clone(),
    };
    let mut out = HashMap::with_capacity(profiles.len());
    for (i, p) in profiles.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| link(profiles[j]));
        let next = profiles.get(i + 1).map(|q| link(q));
        out.insert(p.slug.clone(), (prev, next));
    }
    out
}

/// The industry sections that have profiles, by letter, each with its profiles in the site's
/// order; on a site with unions, by the level their cards show first (市级, 区级, 局级).
fn industries(v: &Views) -> Vec<IndustryView> {
    let site = v.model();
    let base = site.config.base_path.as_str();
    // Each section's profiles, by their position in the site's order.
    let mut by: BTreeMap<char, (&'static Section, Vec<usize>)> = BTreeMap::new();
    for (i, c) in site.craftsmen.iter().enumerate() {
        if let Some(s) = c.industry {
            by.entry(s.letter).or_insert((s, Vec::new())).1.push(i);
        }
    }
    if !site.unions.is_empty() {
        for (_, list) in by.values_mut() {
            list.sort_by_key(|&i| crate::model::honours::shown(&site.craftsmen[i], &site.unions).1);
        }
    }
    by.into_values()
        .map(|(s, list)| IndustryView {
            letter: s.letter,
            name: s.name.to_string(),
            url: with_base(base, &crate::model::urls::industry(s.letter)),
            count: list.len(),
            craftsmen: list.iter().map(|&i| Arc::clone(v.card(i))).collect(),
            stats: site.industry_stats(s.letter),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;
    use crate::model::site::LoadOptions;
    use std::path::Path;

    fn minimal() -> Views {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let mut d = Diagnostics::new();
        let site = crate::model::assemble::load(&root, &LoadOptions::default(), &mut d)
            .expect("the fixture is readable")
            .expect("the fixture has no errors");
        Views::new(Arc::new(site), Images::new(), None)
    }

    #[test]
    fn a_profile_page_makes_only_the_views_it_shows() {
        let v = minimal();
        assert!(
            v.cards.iter().all(|c| c.get().is_none()),
            "nothing is made up front"
        );
        let i = v
            .model()
            .craftsmen
            .iter()
            .position(|c| c.slug == "zhang-wei")
            .expect("the fixture has zhang-wei");
        let page = v.craftsman(i);
        // Its neighbours follow its cohort's order.
        let cohort = v.cohort(0);
        let profiles: Vec<&str> = cohort
            .members
            .iter()
            .filter_map(|m| m.profile.as_ref().map(|p| p.slug.as_str()))
            .collect();
        let at = profiles
            .iter()
            .position(|s| *s == "zhang-wei")
            .expect("listed");
        let name_at = |n: Option<usize>| n.and_then(|n| profiles.get(n)).map(|s| s.to_string());
        let slug_of = |l: &Option<Link>| {
            l.as_ref().map(|l| {
                l.url
                    .trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
        };
        assert_eq!(slug_of(&page.prev), name_at(at.checked_sub(1)));
        assert_eq!(slug_of(&page.next), name_at(Some(at + 1)));
        assert_eq!(page.stories.len(), 1, "the fixture's story names zhang-wei");
        // Nothing that only list pages show was made.
        assert!(v.letters.get().is_none());
        assert!(v.industries.get().is_none());
        assert!(v.brands.get().is_none());
        assert!(v.stories.get().is_none());
    }

    #[test]
    fn list_views_hold_every_profile_once() {
        let v = minimal();
        let in_letters: usize = v.letters().iter().map(|g| g.craftsmen.len()).sum();
        assert_eq!(in_letters, v.craftsmen_len());
        let in_industries: usize = v.industries().iter().map(|i| i.count).sum();
        let counted: usize = v.industry_counts.iter().map(|(_, n)| n).sum();
        assert_eq!(in_industries, counted);
        assert_eq!(v.site.industries_count, v.industries().len());
    }
}
