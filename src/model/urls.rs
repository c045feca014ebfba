//! Site addresses: a site path joined to the base path, and to the site's whole address.

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
