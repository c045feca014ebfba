//! Machine-read files: sitemap.xml, robots.txt and the Atom feed of stories; no build timestamps.

use crate::model::pages::PageKind;
use crate::render::pages::PageJob;
use crate::render::views::Views;

/// The machine-read files every site has, by output path.
pub const FILES: [&str; 3] = crate::model::paths::MACHINE_FILES;

/// The file at `path` (one of [`FILES`]) of a site with these views and pages.
pub fn make(path: &str, v: &Views, jobs: &[PageJob]) -> Option<String> {
    Some(match path {
        "sitemap.xml" => {
            let urls: Vec<String> = jobs
                .iter()
                .filter(|j| j.kind != PageKind::Missing)
                .map(|j| j.url.clone())
                .collect();
            sitemap(v, &urls)
        }
        "robots.txt" => robots(v),
        "atom.xml" => atom(v),
        _ => return None,
    })
}

/// XML text escaping.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn absolute(v: &Views, url: &str) -> String {
    v.site.absolute(url)
}

/// sitemap.xml of every page URL (404 excluded), sorted.
pub fn sitemap(v: &Views, page_urls: &[String]) -> String {
    let mut urls: Vec<String> = page_urls.iter().map(|u| absolute(v, u)).collect();
    urls.sort();
    urls.dedup();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for u in urls {
        out.push_str(&format!("  <url><loc>{}</loc></url>\n", xml_escape(&u)));
    }
    out.push_str("</urlset>\n");
    out
}

pub fn robots(v: &Views) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        absolute(v, &format!("{}sitemap.xml", v.site.base_path))
    )
}

/// Atom feed of the stories, newest first; `updated` is the newest story's date.
pub fn atom(v: &Views) -> String {
    let feed_url = absolute(v, &format!("{}atom.xml", v.site.base_path));
    let updated = v
        .stories()
        .iter()
        .map(|s| s.head.date.iso.clone())
        .max()
        .unwrap_or_else(|| "2016-01-01".into());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
    out.push_str(&format!(
        "  <title>{} · 技艺故事</title>\n",
        xml_escape(&v.site.title)
    ));
    out.push_str(&format!("  <id>{}</id>\n", xml_escape(&feed_url)));
    out.push_str(&format!(
        "  <link rel=\"self\" href=\"{}\"/>\n",
        xml_escape(&feed_url)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" href=\"{}\"/>\n",
        xml_escape(&v.site.base_url)
    ));
    out.push_str(&format!("  <updated>{updated}T00:00:00Z</updated>\n"));
    for s in v.stories() {
        let url = absolute(v, &s.head.url);
        out.push_str("  <entry>\n");
        out.push_str(&format!(
            "    <title>{}</title>\n",
            xml_escape(&s.head.title)
        ));
        out.push_str(&format!("    <id>{}</id>\n", xml_escape(&url)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" href=\"{}\"/>\n",
            xml_escape(&url)
        ));
        out.push_str(&format!(
            "    <updated>{}T00:00:00Z</updated>\n",
            s.head.date.iso
        ));
        out.push_str(&format!(
            "    <published>{}T00:00:00Z</published>\n",
            s.head.date.iso
        ));
        out.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            xml_escape(&v.site.title)
        ));
        if let Some(sum) = &s.head.summary {
            out.push_str(&format!("    <summary>{}</summary>\n", xml_escape(sum)));
        }
        out.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            xml_escape(&s.content)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}
