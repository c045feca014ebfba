//! Serialisable views of the site model that templates read, each made when a page first needs it: every URL already carries the base path.

use crate::load::dates::Date;
use crate::model::cohort::{Cohort, Member};
use crate::model::craftsman::Craftsman;
use crate::model::industry::Section;
use crate::model::levels::{SkillLevel, TitleLevel};
use crate::model::site::Site;
use crate::model::stats::Stats;
use crate::model::story::{BrandFigure, Page, Story};
use crate::photos::resize::ImageView;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

/// A date as templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub iso: String,
    /// `2021年5月1日`
    pub zh: String,
    pub year: i32,
}

impl From<&Date> for DateView {
    fn from(d: &Date) -> Self {
        DateView {
            iso: d.iso(),
            zh: d.chinese(),
            year: d.year,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    pub base_url: String,
    pub base_path: String,
    pub language: String,
    pub demo: bool,
    pub nav: Vec<Link>,
    pub footer: Option<String>,
    /// Organiser, contacts, filing numbers and logo for the footer.
    pub filing: FilingView,
    /// Profiles on one page of the A–Z index.
    pub index_page_size: usize,
    /// Counts for headers and the home page.
    pub craftsmen_count: usize,
    pub cohorts_count: usize,
    pub industries_count: usize,
    pub stories_count: usize,
}

/// The footer's organiser, contacts and filing numbers (see [`crate::config::Filing`]).
#[derive(Debug, Clone, Serialize)]
pub struct FilingView {
    pub organiser: Option<String>,
    pub phone: Option<String>,
    pub phone_link: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub icp: Option<crate::filing::Icp>,
    pub gongan: Option<crate::filing::Gongan>,
    /// Site path of the logo, base path included.
    pub logo: Option<String>,
    /// Whether there is anything to show.
    pub any: bool,
}

impl FilingView {
    fn new(base: &str, f: &crate::config::Filing) -> Self {
        let any = f.organiser.is_some()
            || f.phone.is_some()
            || f.email.is_some()
            || f.address.is_some()
            || f.icp.is_some()
            || f.gongan.is_some();
        FilingView {
            organiser: f.organiser.clone(),
            phone: f.phone.clone(),
            phone_link: f.phone_link.clone(),
            email: f.email.clone(),
            address: f.address.clone(),
            icp: f.icp.clone(),
            gongan: f.gongan.clone(),
            logo: f.logo.as_deref().map(|l| with_base(base, l)),
            any: any || f.logo.is_some(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct IndustryRef {
    pub letter: char,
    pub name: String,
    pub url: String,
    /// Whether the site has the industry's page at `url` (not when no profile is in the industry:
    /// a cohort member without a profile may be).
    pub has_page: bool,
}

/// What a list or card shows of a craftsman.
#[derive(Debug, Clone, Serialize)]
pub struct CraftsmanCard {
    pub slug: String,
    pub url: String,
    pub name: String,
    /// The name's first character, shown in place of a missing photo.
    pub monogram: String,
    pub pinyin: String,
    /// Surname initial, A–Z or `#`.
    pub initial: char,
    pub cohort: i32,
    pub cohort_url: String,
    pub level: &'static str,
    pub union: Option<String>,
    pub employer: String,
    pub post: String,
    pub industry: Option<IndustryRef>,
    pub skills: Vec<String>,
    /// URL of the photo: its largest resized JPEG for a photo of the site (the original is not
    /// published), the URL as given for an outside one (prefer `image`).
    pub photo: Option<String>,
    /// The resized photo: `srcset`s in JPEG and WebP, size; `null` without a photo (or for an external URL).
    pub image: Option<ImageView>,
    pub summary: Option<String>,
    pub published: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AwardView {
    pub name: String,
    pub grade: Option<String>,
    pub year: Option<i32>,
}

/// The facts card of a profile: `null` where the profile leaves a field out, and where a level
/// is 无 (the classification does not apply to this person; the statistics still count it).
#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    pub frontline: Option<bool>,
    pub work_years: Option<u32>,
    pub education: Option<&'static str>,
    pub skill_level: Option<&'static str>,
    pub title_level: Option<&'static str>,
    pub patents: Option<PatentsView>,
    pub awards: Vec<AwardView>,
    /// `1.2亿元`, `860万元`.
    pub benefit: Option<String>,
}

/// Patents as written: the three counts, and the kinds held (none of them when all are 0, which
/// the editor wrote on purpose: the card says 无).
#[derive(Debug, Clone, Serialize)]
pub struct PatentsView {
    pub invention: u32,
    pub utility_model: u32,
    pub design: u32,
    /// `发明专利 2 项` … for each kind with at least one patent, in this order.
    pub held: Vec<PatentKind>,
}

/// One kind of patent a craftsman holds.
#[derive(Debug, Clone, Serialize)]
pub struct PatentKind {
    pub label: &'static str,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeadingView {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoryRef {
    pub title: String,
    pub url: String,
    pub date: DateView,
    pub summary: Option<String>,
    /// URL of the cover, as `CraftsmanCard::photo`.
    pub cover: Option<String>,
    /// The resized cover (see `CraftsmanCard::image`).
    pub cover_image: Option<ImageView>,
}

/// A full profile page.
#[derive(Debug, Clone, Serialize)]
pub struct CraftsmanView {
    #[serde(flatten)]
    pub card: Arc<CraftsmanCard>,
    pub facts: Facts,
    pub brands: Vec<Link>,
    pub stories: Vec<StoryRef>,
    pub content: Arc<str>,
    pub headings: Vec<HeadingView>,
    /// Previous and next within the cohort's official order.
    pub prev: Option<Link>,
    pub next: Option<Link>,
    pub extra: serde_json::Value,
}

/// A cohort member as listed: a profile card, or just the inline facts.
#[derive(Debug, Clone, Serialize)]
pub struct MemberView {
    pub name: String,
    pub profile: Option<Arc<CraftsmanCard>>,
    pub employer: Option<String>,
    pub post: Option<String>,
    pub industry: Option<IndustryRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CohortView {
    pub year: i32,
    pub title: String,
    pub url: String,
    pub ceremony: Option<DateView>,
    pub intro: String,
    pub members: Vec<MemberView>,
    /// How the members are ordered: `姓氏笔画` or `姓氏拼音`.
    pub order: &'static str,
    /// All members, inline ones included.
    pub count: usize,
    /// Members with a profile (what the statistics are computed from).
    pub profiles: usize,
    pub stats: Stats,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndustryView {
    pub letter: char,
    pub name: String,
    pub url: String,
    pub craftsmen: Vec<Arc<CraftsmanCard>>,
    pub count: usize,
    pub stats: Stats,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoryView {
    #[serde(flatten)]
    pub head: StoryRef,
    pub slug: String,
    pub content: Arc<str>,
    pub headings: Vec<HeadingView>,
    pub craftsmen: Vec<Arc<CraftsmanCard>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BrandView {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub order: i64,
    pub summary: Option<String>,
    pub figures: Vec<BrandFigure>,
    pub content: Arc<str>,
    pub craftsmen: Vec<Arc<CraftsmanCard>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub summary: Option<String>,
    pub content: Arc<str>,
    pub headings: Vec<HeadingView>,
}

/// One letter of the A–Z index.
#[derive(Debug, Clone, Serialize)]
pub struct LetterGroup {
    pub letter: char,
    pub craftsmen: Vec<Arc<CraftsmanCard>>,
}

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
}

/// Previous and next profile in a cohort's order.
type Neighbours = (Option<Link>, Option<Link>);

/// `n` views not made yet.
fn unmade<T>(n: usize) -> Vec<OnceLock<T>> {
    (0..n).map(|_| OnceLock::new()).collect()
}

pub use crate::model::urls::{absolute, with_base};

impl SiteView {
    /// [`absolute`] for this site.
    pub fn absolute(&self, url: &str) -> String {
        absolute(&self.base_url, &self.base_path, url)
    }
}

fn industry_ref(base: &str, s: &Section) -> IndustryRef {
    IndustryRef {
        letter: s.letter,
        name: s.name.to_string(),
        url: with_base(base, &crate::model::urls::industry(s.letter)),
        has_page: true,
    }
}

/// Resized photos by the original's site URL path.
pub type Images = BTreeMap<String, ImageView>;

fn card(base: &str, c: &Craftsman, images: &Images) -> CraftsmanCard {
    CraftsmanCard {
        slug: c.slug.clone(),
        url: with_base(base, &c.url()),
        name: c.name.clone(),
        monogram: c.name.chars().next().map(String::from).unwrap_or_default(),
        pinyin: c.name_key.pinyin.clone(),
        initial: c.name_key.initial,
        cohort: c.cohort,
        cohort_url: with_base(base, &crate::model::urls::cohort(c.cohort)),
        level: c.level.label(),
        union: c.union.clone(),
        employer: c.employer.clone(),
        post: c.post.clone(),
        industry: c.industry.map(|s| industry_ref(base, s)),
        skills: c.skills.clone(),
        photo: shown_url(base, &c.photo, images),
        image: c.photo.as_ref().and_then(|p| images.get(p).cloned()),
        summary: c.summary.clone(),
        published: c.published,
    }
}

/// The URL that shows a photo or cover: its largest resized copy, or the URL as given (an outside
/// one). A photo of the site that could not be resized (an error reported at its field) has none:
/// its original is not published.
fn shown_url(base: &str, url: &Option<String>, images: &Images) -> Option<String> {
    let url = url.as_ref()?;
    match images.get(url) {
        Some(view) => Some(view.large.clone()),
        None if url.starts_with('/') && !url.starts_with("//") => None,
        None => Some(with_base(base, url)),
    }
}

fn headings(h: &[crate::markdown::Heading]) -> Vec<HeadingView> {
    h.iter()
        .map(|h| HeadingView {
            level: h.level,
            id: h.id.clone(),
            text: h.text.clone(),
        })
        .collect()
}

fn story_ref(base: &str, s: &Story, images: &Images) -> StoryRef {
    StoryRef {
        title: s.title.clone(),
        url: with_base(base, &crate::model::urls::story(&s.slug)),
        date: DateView::from(&s.date),
        summary: s.summary.clone(),
        cover: shown_url(base, &s.cover, images),
        cover_image: s.cover.as_ref().and_then(|c| images.get(c).cloned()),
    }
}

/// Chinese money text: `29.6亿元`, `860万元`, `5000元`.
pub fn money_text(cny: u64) -> String {
    crate::model::stats::yuan_text(cny)
}

/// What the preview keeps between rebuilds so that views of unchanged profiles are not made
/// again: each profile's card (by the identity of the shared parsed profile, its photo and the
/// base path) and each cohort's order (by its members' names).
#[derive(Default)]
pub struct ViewMemo {
    cards: std::sync::Mutex<std::collections::HashMap<usize, MemoCard>>,
    orders: std::sync::Mutex<std::collections::HashMap<u64, Vec<usize>>>,
}

/// A card with what it was made from.
struct MemoCard {
    from: Arc<Craftsman>,
    base: String,
    image: Option<ImageView>,
    card: Arc<CraftsmanCard>,
}

impl ViewMemo {
    fn card(&self, base: &str, c: &Arc<Craftsman>, images: &Images) -> Arc<CraftsmanCard> {
        let image = c.photo.as_ref().and_then(|p| images.get(p));
        let key = Arc::as_ptr(c) as usize;
        if let Ok(cards) = self.cards.lock() {
            if let Some(m) = cards.get(&key) {
                if Arc::ptr_eq(&m.from, c) && m.base == base && m.image.as_ref() == image {
                    return Arc::clone(&m.card);
                }
            }
        }
        let made = Arc::new(card(base, c, images));
        if let Ok(mut cards) = self.cards.lock() {
            cards.insert(
                key,
                MemoCard {
                    from: Arc::clone(c),
                    base: base.to_string(),
                    image: image.cloned(),
                    card: Arc::clone(&made),
                },
            );
        }
        made
    }

    /// Forgets the cards of profiles that are no longer in the site.
    fn keep_only(&self, site: &Site) {
        let live: std::collections::HashSet<usize> = site
            .craftsmen
            .iter()
            .map(|c| Arc::as_ptr(c) as usize)
            .collect();
        if let Ok(mut cards) = self.cards.lock() {
            cards.retain(|k, _| live.contains(k));
        }
    }
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
        let header = SiteView {
            title: site.config.title.clone(),
            subtitle: site.config.subtitle.clone(),
            description: site.config.description.clone(),
            base_url: site.config.base_url.clone(),
            base_path: site.config.base_path.clone(),
            language: site.config.language.clone(),
            demo: site.config.demo,
            nav: site
                .config
                .nav
                .iter()
                .map(|n| Link {
                    title: n.title.clone(),
                    url: with_base(base, &n.url),
                })
                .collect(),
            footer: site.config.footer.clone(),
            filing: FilingView::new(base, &site.config.filing),
            index_page_size: site.config.index_page_size,
            craftsmen_count: site.craftsmen.len(),
            cohorts_count: site.cohorts.len(),
            industries_count: industry_counts.len(),
            stories_count: site.stories.len(),
        };
        Views {
            site: header,
            stats: site.stats.clone(),
            pages: site
                .pages
                .iter()
                .map(|p| page_view(base, p, &images))
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
            match &self.memo {
                Some(m) => m.card(self.base(), c, &self.images),
                None => Arc::new(card(self.base(), c, &self.images)),
            }
        })
    }

    /// Every card, in the site's order.
    pub fn cards(&self) -> impl ExactSizeIterator<Item = &Arc<CraftsmanCard>> {
        (0..self.cards.len()).map(|i| self.card(i))
    }

    /// The card of the profile with this slug.
    pub fn card_of(&self, slug: &str) -> Option<&Arc<CraftsmanCard>> {
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
        by_slug.get(slug).map(|&i| self.card(i))
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
        CraftsmanView {
            card: Arc::clone(self.card(i)),
            facts: facts(c),
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
                .map(|&n| story_ref(base, &self.model.stories[n], &self.images))
                .collect(),
            content: super::pictures::body_html(&c.body, &self.images),
            headings: headings(&c.body.headings),
            prev,
            next,
            extra: c.extra.clone(),
        }
    }

    /// A profile's neighbours in its cohort's list. Only the cohort of its own year can list it
    /// (a listing anywhere else is an error, and a site with errors has no pages).
    fn neighbours_of(&self, c: &Craftsman) -> Neighbours {
        let Some(k) = self.model.cohorts.iter().position(|k| k.year == c.cohort) else {
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
        self.cohorts[i].get_or_init(|| cohort_view(self, &self.model.cohorts[i]))
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
                    head: story_ref(base, s, &self.images),
                    slug: s.slug.clone(),
                    content: super::pictures::body_html(&s.body, &self.images),
                    headings: headings(&s.body.headings),
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
                    content: super::pictures::body_html(&b.body, &self.images),
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

fn page_view(base: &str, p: &Page, images: &Images) -> PageView {
    PageView {
        slug: p.slug.clone(),
        title: p.title.clone(),
        url: with_base(base, &crate::model::urls::page(&p.slug)),
        summary: p.summary.clone(),
        content: super::pictures::body_html(&p.body, images),
        headings: headings(&p.body.headings),
    }
}

/// A profile's facts card.
pub fn facts(c: &Craftsman) -> Facts {
    Facts {
        frontline: c.frontline,
        work_years: c.work_years,
        education: c.education.map(|e| e.label()),
        skill_level: c
            .skill_level
            .filter(|l| *l != SkillLevel::NoCertificate)
            .map(|e| e.label()),
        title_level: c
            .title_level
            .filter(TitleLevel::has_title)
            .map(|e| e.label()),
        patents: c.patents.map(|p| PatentsView {
            invention: p.invention,
            utility_model: p.utility_model,
            design: p.design,
            held: [
                ("发明专利", p.invention),
                ("实用新型专利", p.utility_model),
                ("外观设计专利", p.design),
            ]
            .into_iter()
            .filter(|(_, count)| *count > 0)
            .map(|(label, count)| PatentKind { label, count })
            .collect(),
        }),
        awards: c
            .awards
            .iter()
            .flatten()
            .map(|a| AwardView {
                name: a.name.clone(),
                grade: a.grade.clone(),
                year: a.year,
            })
            .collect(),
        benefit: c.benefit_cny.map(money_text),
    }
}

fn cohort_view(v: &Views, c: &Cohort) -> CohortView {
    let site = v.model();
    let memo = v.memo.as_deref();
    let base = site.config.base_path.as_str();
    let stroke = crate::model::strokes::StrokeOrder::new();
    let members: Vec<MemberView> = c
        .members
        .iter()
        .filter_map(|m| match m {
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
                    ..industry_ref(base, s)
                }),
            }),
        })
        .collect();
    // The order depends only on the names (and readings): an unchanged list keeps its order.
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (site.config.cohort_order == crate::config::NameOrder::Stroke).hash(&mut h);
        for m in &members {
            m.name.hash(&mut h);
            m.profile.as_ref().map(|p| p.pinyin.as_str()).hash(&mut h);
        }
        h.finish()
    };
    let known = memo.and_then(|m| m.orders.lock().ok()?.get(&key).cloned());
    let order: Vec<usize> = match known {
        Some(order) if order.len() == members.len() => order,
        _ => {
            let mut order: Vec<usize> = (0..members.len()).collect();
            match site.config.cohort_order {
                crate::config::NameOrder::Stroke => {
                    order.sort_by(|&a, &b| stroke.compare(&members[a].name, &members[b].name))
                }
                crate::config::NameOrder::Pinyin => {
                    let keys: Vec<_> = members
                        .iter()
                        .map(|m| {
                            crate::model::names::name_key(
                                &m.name,
                                m.profile.as_ref().map(|p| p.pinyin.as_str()),
                            )
                        })
                        .collect();
                    order.sort_by(|&a, &b| {
                        crate::model::names::cmp_pinyin(
                            (&members[a].name, &keys[a]),
                            (&members[b].name, &keys[b]),
                        )
                    })
                }
            }
            if let Some(m) = memo {
                if let Ok(mut orders) = m.orders.lock() {
                    // Orders of lists that have since changed are not kept for long.
                    if orders.len() >= 256 {
                        orders.clear();
                    }
                    orders.insert(key, order.clone());
                }
            }
            order
        }
    };
    let mut slots: Vec<Option<MemberView>> = members.into_iter().map(Some).collect();
    let members: Vec<MemberView> = order.iter().filter_map(|&i| slots[i].take()).collect();
    let inputs: Vec<_> = site
        .craftsmen
        .iter()
        .filter(|p| p.cohort == c.year)
        .map(|c| c.stat_input())
        .collect();
    CohortView {
        year: c.year,
        title: c.title.clone(),
        url: with_base(base, &c.url()),
        ceremony: c.ceremony.as_ref().map(DateView::from),
        intro: c.intro_html.clone(),
        count: members.len(),
        profiles: members.iter().filter(|m| m.profile.is_some()).count(),
        members,
        order: match site.config.cohort_order {
            crate::config::NameOrder::Stroke => "姓氏笔画",
            crate::config::NameOrder::Pinyin => "姓氏拼音",
        },
        stats: crate::model::stats::compute(&inputs),
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
    by.into_values()
        .map(|(s, list)| {
            let inputs: Vec<_> = list
                .iter()
                .map(|&i| site.craftsmen[i].stat_input())
                .collect();
            IndustryView {
                letter: s.letter,
                name: s.name.to_string(),
                url: with_base(base, &crate::model::urls::industry(s.letter)),
                count: list.len(),
                craftsmen: list.iter().map(|&i| Arc::clone(v.card(i))).collect(),
                stats: crate::model::stats::compute(&inputs),
            }
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
