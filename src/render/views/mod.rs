//! Serialisable views of the site model that templates read, each made when a page first needs it: every URL already carries the base path. This module holds the view types; `make` makes one view from the model, `set` is the lazy set of a site's views ([`Views`]), `memo` what the preview keeps between rebuilds ([`ViewMemo`]).

mod make;
mod memo;
mod set;
mod unions;

pub use crate::model::urls::{absolute, with_base};
pub use make::{facts, money_text};
pub use memo::ViewMemo;
pub use set::Views;

use crate::load::dates::Date;
use crate::model::stats::Stats;
use crate::model::story::BrandFigure;
use crate::photos::resize::ImageView;
use serde::Serialize;
use std::sync::Arc;

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
    /// Every selection, oldest first (one, the city's, for a profile without `selections`).
    pub honours: Vec<HonourView>,
    /// Whether a union selected this person (the page shows the honours as a timeline).
    pub by_unions: bool,
    /// The nominating union's name and page, when `union` names one of the site's unions.
    pub union_link: Option<Link>,
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

/// A union as its page and the unions' list show it.
#[derive(Debug, Clone, Serialize)]
pub struct UnionView {
    pub slug: String,
    pub name: String,
    /// 区, 局, 产业 or 协会.
    pub kind: &'static str,
    /// 区总工会, 局工会, 产业工会 or 协会.
    pub kind_name: &'static str,
    /// The level of those it selects (区级, 局级); `null` for an association.
    pub level: Option<&'static str>,
    pub url: String,
    pub intro: String,
    /// Its cohorts, by year.
    pub cohorts: Vec<UnionCohortRef>,
    /// Everyone its cohorts list, those without a profile included.
    pub selected: usize,
    /// Its craftsmen with a profile, in the site's order.
    pub craftsmen: Vec<Arc<CraftsmanCard>>,
    /// How many of them the city selected too (上海工匠).
    pub promoted: usize,
    /// The city's craftsmen it nominated.
    pub nominated: Vec<Arc<CraftsmanCard>>,
    /// The statistics of its craftsmen with a profile.
    pub stats: Stats,
    /// The address of its own site, when it has one.
    pub site_url: Option<String>,
}

/// A union's cohort as its union's page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct UnionCohortRef {
    pub year: i32,
    pub title: String,
    pub url: String,
    pub count: usize,
}

/// One honour on a profile's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct HonourView {
    pub year: i32,
    /// 市级, 区级 or 局级.
    pub level: &'static str,
    /// 上海工匠, 徐汇区总工会区级工匠.
    pub title: String,
    /// The cohort's page.
    pub url: String,
    /// The selecting union's name and page; `null` for the city.
    pub by: Option<Link>,
}

/// One letter of the A–Z index.
#[derive(Debug, Clone, Serialize)]
pub struct LetterGroup {
    pub letter: char,
    pub craftsmen: Vec<Arc<CraftsmanCard>>,
}

impl SiteView {
    /// [`absolute`] for this site.
    pub fn absolute(&self, url: &str) -> String {
        absolute(&self.base_url, &self.base_path, url)
    }
}

/// The resized copies of each photo, by the original's URL path (photos/ makes them).
pub(crate) use crate::photos::resize::Images;
