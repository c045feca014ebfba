//! The list of pages a site has: for each, its output path, template and what the template is given.

use crate::render::views::{
    with_base, BrandView, CohortView, CraftsmanView, IndustryView, Link, PageView, StoryView, Views,
};
use serde::Serialize;
use serde_json::{json, Value};

/// One HTML page to render.
pub struct PageJob<'a> {
    /// Output path relative to the site root (`craftsmen/zhang-wei/index.html`).
    pub path: String,
    pub template: &'static str,
    /// What templates see as `page`.
    pub meta: PageMeta,
    /// The page's own data, inserted under `key`.
    pub key: &'static str,
    pub data: Data<'a>,
}

/// A page's own data: a view borrowed as it is (serialised straight into the template context
/// when the page is rendered, so that no copy of it is held meanwhile), or JSON made for the page.
pub enum Data<'a> {
    Json(Value),
    Craftsman(&'a CraftsmanView),
    Cohort(&'a CohortView),
    Industry(&'a IndustryView),
    Story(&'a StoryView),
    Brand(&'a BrandView),
    Page(&'a PageView),
}

impl Serialize for Data<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Data::Json(v) => v.serialize(s),
            Data::Craftsman(v) => v.serialize(s),
            Data::Cohort(v) => v.serialize(s),
            Data::Industry(v) => v.serialize(s),
            Data::Story(v) => v.serialize(s),
            Data::Brand(v) => v.serialize(s),
            Data::Page(v) => v.serialize(s),
        }
    }
}

/// What every template gets as `page`: title, description, URLs, breadcrumbs, structured data.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    /// Path with base (`/sub/craftsmen/x/`).
    pub url: String,
    /// Absolute URL.
    pub canonical: String,
    pub breadcrumbs: Vec<Link>,
    /// JSON-LD, serialised and safe to embed in a script element.
    pub json_ld: String,
    pub image: Option<String>,
}

struct Ctx<'a> {
    v: &'a Views,
}

impl Ctx<'_> {
    fn url(&self, path: &str) -> String {
        with_base(&self.v.site.base_path, path)
    }
    fn abs(&self, path: &str) -> String {
        let base = self.v.site.base_path.trim_end_matches('/');
        let rest = path.strip_prefix(base).unwrap_or(path);
        format!("{}{}", self.v.site.base_url.trim_end_matches('/'), rest)
    }
    fn crumbs(&self, items: &[(&str, &str)]) -> Vec<Link> {
        let mut out = vec![Link {
            title: "首页".into(),
            url: self.url("/"),
        }];
        out.extend(items.iter().map(|(t, u)| Link {
            title: t.to_string(),
            url: u.to_string(),
        }));
        out
    }
    #[allow(clippy::too_many_arguments)]
    fn meta(
        &self,
        kind: &'static str,
        title: &str,
        description: Option<&str>,
        url: &str,
        crumbs: Vec<Link>,
        ld: Value,
        image: Option<&str>,
    ) -> PageMeta {
        let canonical = self.abs(url);
        let mut graph = vec![ld];
        if crumbs.len() > 1 {
            graph.push(json!({
                "@type": "BreadcrumbList",
                "itemListElement": crumbs.iter().enumerate().map(|(i, c)| json!({
                    "@type": "ListItem", "position": i + 1, "name": c.title, "item": self.abs(&c.url)
                })).collect::<Vec<_>>()
            }));
        }
        let ld = json!({ "@context": "https://schema.org", "@graph": graph });
        PageMeta {
            kind,
            title: title.to_string(),
            description: description
                .map(str::to_string)
                .or_else(|| self.v.site.description.clone())
                .unwrap_or_default(),
            url: url.to_string(),
            canonical,
            breadcrumbs: crumbs,
            json_ld: safe_json(&ld),
            image: image.map(|i| self.abs(i)),
        }
    }
}

/// JSON for a `<script type="application/ld+json">`: `</` and `<!--` cannot end the element.
pub fn safe_json(v: &Value) -> String {
    serde_json::to_string(&without_nulls(v.clone()))
        .unwrap_or_default()
        .replace("</", "<\\/")
        .replace("<!--", "<\\!--")
}

/// Drops `null` members and empty lists, which structured-data readers treat as errors.
fn without_nulls(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null() && !v.as_array().is_some_and(Vec::is_empty))
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(without_nulls).collect()),
        v => v,
    }
}

fn item_list(c: &Ctx, items: impl Iterator<Item = (String, String)>) -> Value {
    json!({
        "@type": "ItemList",
        "itemListElement": items.enumerate().map(|(i, (name, url))| json!({
            "@type": "ListItem", "position": i + 1, "name": name, "url": c.abs(&url)
        })).collect::<Vec<_>>()
    })
}

fn to_value<T: Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap_or(Value::Null)
}

/// Every HTML page of the site, in a fixed order.
pub fn jobs(v: &Views) -> Vec<PageJob<'_>> {
    let c = Ctx { v };
    let mut jobs = Vec::new();
    let web = json!({ "@type": "WebSite", "name": v.site.title, "url": v.site.base_url });
    let latest = v.cohorts.last();
    jobs.push(PageJob {
        path: "index.html".into(),
        template: "index.html",
        meta: c.meta("home", &v.site.title, v.site.description.as_deref(), &c.url("/"), Vec::new(), web, None),
        key: "home",
        data: Data::Json(json!({
            "stats": v.stats,
            "latest_cohort": latest,
            "stories": v.stories.iter().take(4).map(|s| &s.head).collect::<Vec<_>>(),
            "brands": v.brands.iter().map(|b| json!({"title": b.title, "url": b.url, "summary": b.summary, "slug": b.slug})).collect::<Vec<_>>(),
        })),
    });
    let idx = c.url("/craftsmen/");
    jobs.push(PageJob {
        path: "craftsmen/index.html".into(),
        template: "craftsmen.html",
        meta: c.meta("craftsmen", "工匠名录", None, &idx, c.crumbs(&[("工匠名录", &idx)]),
            item_list(&c, v.craftsmen.iter().map(|x| (x.card.name.clone(), x.card.url.clone()))), None),
        key: "index",
        data: Data::Json(json!({
            "letters": v.letters,
            "industries": v.industries.iter().map(|i| json!({"letter": i.letter, "name": i.name, "url": i.url, "count": i.count})).collect::<Vec<_>>(),
            "cohorts": v.cohorts.iter().map(|k| json!({"year": k.year, "title": k.title, "url": k.url, "count": k.count})).collect::<Vec<_>>(),
        })),
    });
    for p in &v.craftsmen {
        let photo = p
            .card
            .image
            .as_ref()
            .map(|i| i.large.as_str())
            .or(p.card.photo.as_deref());
        let person = json!({
            "@type": "ProfilePage",
            "mainEntity": {
                "@type": "Person",
                "name": p.card.name,
                "jobTitle": p.card.post,
                "worksFor": { "@type": "Organization", "name": p.card.employer },
                "award": p.facts.awards.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
                "knowsAbout": p.card.skills,
                "image": photo.map(|i| c.abs(i)),
                "url": c.abs(&p.card.url),
            }
        });
        jobs.push(PageJob {
            path: format!("craftsmen/{}/index.html", p.card.slug),
            template: "craftsman.html",
            meta: c.meta(
                "craftsman",
                &p.card.name,
                p.card.summary.as_deref(),
                &p.card.url,
                c.crumbs(&[("工匠名录", &idx), (&p.card.name, &p.card.url)]),
                person,
                photo,
            ),
            key: "craftsman",
            data: Data::Craftsman(p),
        });
    }
    let cohorts_url = c.url("/cohorts/");
    jobs.push(PageJob {
        path: "cohorts/index.html".into(),
        template: "cohorts.html",
        meta: c.meta("cohorts", "历年批次", None, &cohorts_url, c.crumbs(&[("历年批次", &cohorts_url)]),
            item_list(&c, v.cohorts.iter().map(|k| (k.title.clone(), k.url.clone()))), None),
        key: "cohorts",
        data: Data::Json(to_value(&v.cohorts.iter().map(|k| json!({"year": k.year, "title": k.title, "url": k.url, "count": k.count, "ceremony": k.ceremony, "intro": k.intro})).collect::<Vec<_>>())),
    });
    for k in &v.cohorts {
        jobs.push(PageJob {
            path: format!("cohorts/{}/index.html", k.year),
            template: "cohort.html",
            meta: c.meta(
                "cohort",
                &k.title,
                None,
                &k.url,
                c.crumbs(&[("历年批次", &cohorts_url), (&k.title, &k.url)]),
                item_list(
                    &c,
                    k.members.iter().map(|m| {
                        (
                            m.name.clone(),
                            m.profile
                                .as_ref()
                                .map(|p| p.url.clone())
                                .unwrap_or_else(|| k.url.clone()),
                        )
                    }),
                ),
                None,
            ),
            key: "cohort",
            data: Data::Cohort(k),
        });
    }
    let ind_url = c.url("/industries/");
    jobs.push(PageJob {
        path: "industries/index.html".into(),
        template: "industries.html",
        meta: c.meta(
            "industries",
            "行业分布",
            None,
            &ind_url,
            c.crumbs(&[("行业分布", &ind_url)]),
            item_list(
                &c,
                v.industries.iter().map(|i| (i.name.clone(), i.url.clone())),
            ),
            None,
        ),
        key: "industries",
        data: Data::Json(to_value(
            &v.industries
                .iter()
                .map(
                    |i| json!({"letter": i.letter, "name": i.name, "url": i.url, "count": i.count}),
                )
                .collect::<Vec<_>>(),
        )),
    });
    for i in &v.industries {
        jobs.push(PageJob {
            path: format!("industries/{}/index.html", i.letter),
            template: "industry.html",
            meta: c.meta(
                "industry",
                &i.name,
                None,
                &i.url,
                c.crumbs(&[("行业分布", &ind_url), (&i.name, &i.url)]),
                item_list(
                    &c,
                    i.craftsmen.iter().map(|p| (p.name.clone(), p.url.clone())),
                ),
                None,
            ),
            key: "industry",
            data: Data::Industry(i),
        });
    }
    let st_url = c.url("/stories/");
    jobs.push(PageJob {
        path: "stories/index.html".into(),
        template: "stories.html",
        meta: c.meta(
            "stories",
            "技艺故事",
            None,
            &st_url,
            c.crumbs(&[("技艺故事", &st_url)]),
            item_list(
                &c,
                v.stories
                    .iter()
                    .map(|s| (s.head.title.clone(), s.head.url.clone())),
            ),
            None,
        ),
        key: "stories",
        data: Data::Json(to_value(
            &v.stories.iter().map(|s| &s.head).collect::<Vec<_>>(),
        )),
    });
    for s in &v.stories {
        let cover = s
            .head
            .cover_image
            .as_ref()
            .map(|i| i.large.as_str())
            .or(s.head.cover.as_deref());
        let article = json!({
            "@type": "Article",
            "headline": s.head.title,
            "datePublished": s.head.date.iso,
            "description": s.head.summary,
            "image": cover.map(|i| c.abs(i)),
            "author": { "@type": "Organization", "name": v.site.title, "url": v.site.base_url },
            "publisher": { "@type": "Organization", "name": v.site.title, "url": v.site.base_url },
            "mainEntityOfPage": c.abs(&s.head.url),
            "inLanguage": v.site.language,
            "about": s.craftsmen.iter().map(|p| json!({"@type": "Person", "name": p.name, "url": c.abs(&p.url)})).collect::<Vec<_>>(),
        });
        jobs.push(PageJob {
            path: format!("stories/{}/index.html", s.slug),
            template: "story.html",
            meta: c.meta(
                "story",
                &s.head.title,
                s.head.summary.as_deref(),
                &s.head.url,
                c.crumbs(&[("技艺故事", &st_url), (&s.head.title, &s.head.url)]),
                article,
                cover,
            ),
            key: "story",
            data: Data::Story(s),
        });
    }
    let br_url = c.url("/brands/");
    jobs.push(PageJob {
        path: "brands/index.html".into(),
        template: "brands.html",
        meta: c.meta("brands", "十大工匠品牌", None, &br_url, c.crumbs(&[("十大工匠品牌", &br_url)]),
            item_list(&c, v.brands.iter().map(|b| (b.title.clone(), b.url.clone()))), None),
        key: "brands",
        data: Data::Json(to_value(&v.brands.iter().map(|b| json!({"slug": b.slug, "title": b.title, "url": b.url, "order": b.order, "summary": b.summary, "figures": b.figures, "count": b.craftsmen.len()})).collect::<Vec<_>>())),
    });
    for b in &v.brands {
        jobs.push(PageJob {
            path: format!("brands/{}/index.html", b.slug),
            template: "brand.html",
            meta: c.meta(
                "brand",
                &b.title,
                b.summary.as_deref(),
                &b.url,
                c.crumbs(&[("十大工匠品牌", &br_url), (&b.title, &b.url)]),
                item_list(
                    &c,
                    b.craftsmen.iter().map(|p| (p.name.clone(), p.url.clone())),
                ),
                None,
            ),
            key: "brand",
            data: Data::Brand(b),
        });
    }
    let stats_url = c.url("/stats/");
    jobs.push(PageJob {
        path: "stats/index.html".into(),
        template: "stats.html",
        meta: c.meta("stats", "数据统计", None, &stats_url, c.crumbs(&[("数据统计", &stats_url)]),
            json!({"@type": "Dataset", "name": format!("{} 数据统计", v.site.title)}), None),
        key: "statistics",
        data: Data::Json(json!({
            "all": v.stats,
            "charts": crate::render::charts::statistics(v),
            "cohorts": v.cohorts.iter().map(|k| json!({"year": k.year, "title": k.title, "url": k.url, "count": k.count, "stats": k.stats})).collect::<Vec<_>>(),
            "industries": v.industries.iter().map(|i| json!({"letter": i.letter, "name": i.name, "url": i.url, "count": i.count, "stats": i.stats})).collect::<Vec<_>>(),
        })),
    });
    for p in &v.pages {
        jobs.push(PageJob {
            path: format!("{}/index.html", p.slug),
            template: "page.html",
            meta: c.meta(
                "page",
                &p.title,
                p.summary.as_deref(),
                &p.url,
                c.crumbs(&[(&p.title, &p.url)]),
                json!({"@type": "WebPage", "name": p.title}),
                None,
            ),
            key: "content_page",
            data: Data::Page(p),
        });
    }
    jobs.push(search_page(&c));
    jobs.push(PageJob {
        path: "404.html".into(),
        template: "404.html",
        meta: c.meta(
            "404",
            "页面不存在",
            None,
            &c.url("/404.html"),
            Vec::new(),
            json!({"@type": "WebPage", "name": "页面不存在"}),
            None,
        ),
        key: "missing",
        data: Data::Json(Value::Null),
    });
    jobs
}

/// The search page (`/search/?q=…`); its script reads the index under `search/`.
fn search_page<'a>(c: &Ctx<'a>) -> PageJob<'a> {
    let url = c.url("/search/");
    let ld = json!({"@type": "SearchResultsPage", "name": "搜索"});
    PageJob {
        path: "search/index.html".into(),
        template: "search.html",
        meta: c.meta(
            "search",
            "搜索",
            None,
            &url,
            c.crumbs(&[("搜索", &url)]),
            ld,
            None,
        ),
        key: "search",
        data: Data::Json(crate::search::page::data(c.v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_the_script() {
        let s = safe_json(&json!({"name": "</script><script>alert(1)</script><!--"}));
        assert!(!s.contains("</"));
        assert!(!s.contains("<!--"));
    }

    #[test]
    fn json_ld_has_no_nulls() {
        let s = safe_json(&json!({"a": null, "b": [], "c": {"d": null, "e": 1}}));
        assert_eq!(s, r#"{"c":{"e":1}}"#);
    }
}
