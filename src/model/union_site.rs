//! A union's own site cut from the whole: its settings, the craftsmen it selected (its selection as their cohort), its cohorts, the stories and brands that concern them, and the city site it links to for everything else.

use crate::config::{Filing, NavItem};
use crate::links::host_of;
use crate::model::craftsman::Craftsman;
use crate::model::site::{Elsewhere, Site};
use crate::model::stats;
use crate::schema::levels::Level;
use std::collections::HashSet;
use std::sync::Arc;

/// The unions that declare their own site, by file name, in the site's order.
pub fn with_sites(site: &Site) -> Vec<String> {
    site.unions
        .iter()
        .filter(|u| u.site.is_some())
        .map(|u| u.slug.clone())
        .collect()
}

/// The own site of the union `slug`, cut from the whole `site`; `Err` (a message for the user)
/// when the site has no such union or the union declares no site.
pub fn cut(site: &Site, slug: &str) -> Result<Site, String> {
    let Some(u) = site.unions.iter().find(|u| u.slug == slug) else {
        let known = with_sites(site);
        return Err(if known.is_empty() {
            format!("没有工会 `{slug}`：content/unions/ 里没有写了 `site` 的工会")
        } else {
            format!("没有工会 `{slug}`；有自己网站的工会：{}", known.join("、"))
        });
    };
    let Some(own) = &u.site else {
        return Err(format!(
            "{}没有自己的网站：在 content/unions/{slug}.yaml 里写上 `site: {{ title, base_url }}`",
            u.name
        ));
    };
    let level = u.level().unwrap_or(Level::District);
    let mut config = site.config.clone();
    config.title = own.title.clone();
    config.subtitle = own.subtitle.clone().or_else(|| Some(u.name.clone()));
    config.description = own.description.clone();
    config.base_path = crate::config::base_path_of(&own.base_url);
    config.base_url = own.base_url.clone();
    if let Some(theme) = &own.theme {
        config.theme = theme.clone();
    }
    if let Some(footer) = &own.footer {
        config.footer = Some(footer.clone());
    }
    config.filing = foot(site, &u.name, own);
    // The craftsmen it selected, each with that selection as their cohort.
    let craftsmen: Vec<Arc<Craftsman>> = site
        .craftsmen
        .iter()
        .filter_map(|c| {
            let s = c.selections.iter().find(|s| s.by == slug)?;
            let mut own = Craftsman::clone(c);
            own.cohort = Some(s.year);
            own.selections = Vec::new();
            own.level = level;
            own.union = c.union.as_deref().map(|w| {
                crate::model::selections::nominated_by(w, &site.unions)
                    .map_or_else(|| w.to_string(), |n| n.name.clone())
            });
            Some(Arc::new(own))
        })
        .collect();
    let people: HashSet<&str> = craftsmen.iter().map(|c| c.slug.as_str()).collect();
    let cohorts = u
        .cohorts
        .iter()
        .map(|k| {
            let mut k = crate::model::cohort::Cohort::clone(k);
            k.union = None;
            Arc::new(k)
        })
        .collect();
    let stories = site
        .stories
        .iter()
        .filter(|s| s.craftsmen.iter().any(|c| people.contains(c.as_str())))
        .cloned()
        .collect();
    let brands = site
        .brands
        .iter()
        .filter(|b| craftsmen.iter().any(|c| c.brands.contains(&b.slug)))
        .cloned()
        .collect();
    config.nav = if own.nav.is_empty() {
        default_nav(!craftsmen.is_empty())
    } else {
        own.nav.clone()
    };
    let inputs: Vec<_> = craftsmen.iter().map(|c| c.stat_input()).collect();
    Ok(Site {
        config,
        stats: stats::compute(&inputs),
        stats_by_cohort: stats::compute_by_cohort(&inputs),
        stats_by_industry: stats::compute_by_industry(&inputs),
        craftsmen,
        cohorts,
        stories,
        unions: Vec::new(),
        brands,
        pages: Vec::new(),
        static_files: site.static_files.clone(),
        assets: site.assets.clone(),
        elsewhere: Some(Arc::new(Elsewhere {
            base_url: site.config.base_url.clone(),
            base_path: site.config.base_path.clone(),
            paths: site.url_paths(),
        })),
    })
}

/// The foot of a union site's pages: what its `site` writes; else the union as organiser, and
/// the city's filing numbers only when it lives at the city's host (a filing belongs to the
/// host it was made for). The logo is the city's.
fn foot(site: &Site, name: &str, own: &crate::model::union::UnionSite) -> Filing {
    let city = &site.config.filing;
    let (logo, logo_at) = (city.logo.clone(), city.logo_at);
    match &own.foot {
        Some(f) => Filing {
            logo,
            logo_at,
            ..f.clone()
        },
        None => {
            let same_host = host_of(&own.base_url) == host_of(&site.config.base_url);
            Filing {
                organiser: Some(name.to_string()),
                icp: city.icp.clone().filter(|_| same_host),
                gongan: city.gongan.clone().filter(|_| same_host),
                logo,
                logo_at,
                ..Filing::default()
            }
        }
    }
}

/// A union site's sections, when its `site` names no `nav`.
fn default_nav(has_craftsmen: bool) -> Vec<NavItem> {
    let item = |title: &str, url: &str| NavItem {
        title: title.into(),
        url: url.into(),
    };
    let mut nav = vec![item("工匠", "/craftsmen/"), item("批次", "/cohorts/")];
    if has_craftsmen {
        nav.push(item("数据", "/stats/"));
    }
    nav.push(item("搜索", "/search/"));
    nav
}
