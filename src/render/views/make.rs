//! How one view is made from the model: the site header, a profile's card and facts, a story's reference, a page, the URL that shows a photo.

use super::{
    with_base, AwardView, CraftsmanCard, DateView, Facts, FilingView, HeadingView, Images,
    IndustryRef, Link, PageView, PatentKind, PatentsView, SiteView, StoryRef,
};
use crate::model::craftsman::Craftsman;
use crate::model::industry::Section;
use crate::model::site::Site;
use crate::model::story::{Page, Story};
use crate::schema::levels::{Level, SkillLevel, TitleLevel};

/// The site header every page gets as `site`; `industries`: how many industry sections have
/// profiles.
pub(super) fn site_view(site: &Site, industries: usize) -> SiteView {
    let base = site.config.base_path.as_str();
    SiteView {
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
        industries_count: industries,
        stories_count: site.stories.len(),
    }
}

impl FilingView {
    pub(super) fn new(base: &str, f: &crate::config::Filing) -> Self {
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

/// A profile's or member's industry section, which has its page.
pub(super) fn industry_ref(base: &str, s: &Section) -> IndustryRef {
    IndustryRef {
        letter: s.letter,
        name: s.name.to_string(),
        url: with_base(base, &crate::model::urls::industry(s.letter)),
        has_page: true,
    }
}

/// What a list or card shows of a profile.
pub(super) fn card(
    base: &str,
    c: &Craftsman,
    images: &Images,
    shown: &(i32, Level, String),
) -> CraftsmanCard {
    let (year, level, cohort_path) = shown;
    CraftsmanCard {
        slug: c.slug.clone(),
        url: with_base(base, &c.url()),
        name: c.name.clone(),
        monogram: c.name.chars().next().map(String::from).unwrap_or_default(),
        pinyin: c.name_key.pinyin.clone(),
        initial: c.name_key.initial,
        cohort: *year,
        cohort_url: with_base(base, cohort_path),
        level: level.label(),
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

/// A body's headings, for its table of contents.
pub(super) fn headings(h: &[crate::markdown::Heading]) -> Vec<HeadingView> {
    h.iter()
        .map(|h| HeadingView {
            level: h.level,
            id: h.id.clone(),
            text: h.text.clone(),
        })
        .collect()
}

/// What a profile's page or the home page shows of a story.
pub(super) fn story_ref(base: &str, s: &Story, images: &Images) -> StoryRef {
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

/// An editor's page.
pub(super) fn page_view(base: &str, p: &Page, images: &Images) -> PageView {
    PageView {
        slug: p.slug.clone(),
        title: p.title.clone(),
        url: with_base(base, &crate::model::urls::page(&p.slug)),
        summary: p.summary.clone(),
        content: crate::render::pictures::body_html(&p.body, images),
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
