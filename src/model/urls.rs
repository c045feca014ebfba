//! Site addresses, one home for all: the path of every kind of page (profile, cohort, union, industry, story, brand, page, a list's further pages), the file a path is written to, and a path joined to the base path and to the site's whole address.

/// A profile's page.
pub(crate) fn profile(slug: &str) -> String {
    format!("/craftsmen/{slug}/")
}

/// A cohort's page.
pub(crate) fn cohort(year: i32) -> String {
    format!("/cohorts/{year}/")
}

/// The unions' list.
pub(crate) const UNIONS: &str = "/unions/";

/// A union's page.
pub(crate) fn union(slug: &str) -> String {
    format!("/unions/{slug}/")
}

/// A union's cohort's page.
pub(crate) fn union_cohort(slug: &str, year: i32) -> String {
    format!("/unions/{slug}/cohorts/{year}/")
}

/// The list of the craftsmen holding an honour at a level.
pub(crate) fn level(level: crate::schema::levels::Level) -> String {
    use crate::schema::levels::Level;
    let slug = match level {
        Level::City => "city",
        Level::District => "district",
        Level::Bureau => "bureau",
    };
    format!("/levels/{slug}/")
}

/// An industry section's page.
pub(crate) fn industry(letter: char) -> String {
    format!("/industries/{letter}/")
}

/// A skills story's page.
pub(crate) fn story(slug: &str) -> String {
    format!("/stories/{slug}/")
}

/// A brand's page.
pub(crate) fn brand(slug: &str) -> String {
    format!("/brands/{slug}/")
}

/// An editor's own page (`content/pages/<slug>.md`).
pub(crate) fn page(slug: &str) -> String {
    format!("/{slug}/")
}

/// The path of page `page` (from 0) of the list at `path` (`/x/`): `/x/` itself, then `/x/page/2/` …
pub(crate) fn page_path(path: &str, page: usize) -> String {
    match page {
        0 => path.to_string(),
        n => format!("{path}page/{}/", n + 1),
    }
}

/// The file a page's path is written to, relative to the output folder: `/x/` → `x/index.html`,
/// a file's path as it is (`/404.html` → `404.html`).
pub(crate) fn file_of(path: &str) -> String {
    let file = path.trim_start_matches('/');
    if path.ends_with('/') {
        format!("{file}index.html")
    } else {
        file.to_string()
    }
}

/// Prefixes a site path (`/x/`) with the base path (`/sub/` → `/sub/x/`).
pub fn with_base(base_path: &str, path: &str) -> String {
    if path.starts_with("//") || path.contains("://") || !path.starts_with('/') {
        return path.to_string();
    }
    format!("{}{}", base_path.trim_end_matches('/'), path)
}

/// The absolute URL of a URL the pages use, for what is read outside the site (`og:image`,
/// JSON-LD, the feed, the sitemap): a site path (`/sub/x/`, with or without the base path `/sub/`)
/// gets the site's address `base_url`; a URL that is absolute already (`https://…`, `//host/…`,
/// `mailto:…`) is left as it is. The one place where the site's address is put before a path.
pub fn absolute(base_url: &str, base_path: &str, url: &str) -> String {
    if url.starts_with("//") || crate::links::scheme_of(url).is_some() {
        return url.to_string();
    }
    let base = base_path.trim_end_matches('/');
    let rest = url.strip_prefix(base).unwrap_or(url);
    format!("{}{}", base_url.trim_end_matches('/'), rest)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_is_written_to_its_folder_s_index_and_a_file_as_it_is() {
        assert_eq!(super::file_of("/"), "index.html");
        assert_eq!(super::file_of("/cohorts/2018/"), "cohorts/2018/index.html");
        assert_eq!(super::file_of("/404.html"), "404.html");
    }
}
