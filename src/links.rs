//! Links in HTML: the URLs of `href`, `src`, `srcset` and `action` attributes, found with a byte search (no DOM), and where on the site each one leads.
//!
//! A page is read once: every `=` is a candidate, and only one that ends a URL attribute's name
//! inside a tag is looked at further. Comments and the contents of `script` and `style` elements
//! are passed over (their `href="…"` is text or code, not a link).

use crate::html_text::decode_entities;
use memchr::{memchr, memchr2, memmem, memrchr2};
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::ops::Range;

/// Attributes whose value is a URL; `srcset` holds a list of them.
const URL_ATTRIBUTES: [&[u8]; 4] = [b"href", b"src", b"srcset", b"action"];

/// Where the text of a comment, script or style begins, and what ends it.
const OPENERS: [&[u8]; 3] = [b"<!--", b"<script", b"<style"];
const CLOSERS: [&[u8]; 3] = [b"-->", b"</script", b"</style"];

/// How a text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// Rendered HTML: an attribute counts inside a tag only.
    Html,
    /// A template's source: a value runs to its closing quote past `{{ … }}`, `{% … %}` and
    /// `{# … #}` (which may hold quotes), and tags are not looked for (`{% if a > b %}` has a `>`).
    Template,
}

/// One URL attribute: whether it is a `srcset`, and the byte range of its value (quotes left
/// out, entities not decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attribute {
    pub srcset: bool,
    pub value: Range<usize>,
}

/// Every URL attribute of `text`, in order.
pub(crate) fn attributes(text: &str, syntax: Syntax) -> Attributes<'_> {
    Attributes {
        text: text.as_bytes(),
        pos: 0,
        syntax,
        skipped: Skipped {
            text: text.as_bytes(),
            next: [None; 3],
            region: None,
            from: 0,
        },
    }
}

/// The iterator of [`attributes`].
pub(crate) struct Attributes<'a> {
    text: &'a [u8],
    pos: usize,
    syntax: Syntax,
    skipped: Skipped<'a>,
}

impl Iterator for Attributes<'_> {
    type Item = Attribute;

    fn next(&mut self) -> Option<Attribute> {
        loop {
            let eq = self.pos + memchr(b'=', self.text.get(self.pos..)?)?;
            self.pos = eq + 1;
            if let Some(end) = self.skipped.covering(eq) {
                self.pos = end.max(eq + 1);
                continue;
            }
            let Some(srcset) = self.name_before(eq) else {
                continue;
            };
            let Some(value) = self.value_after(eq) else {
                continue;
            };
            self.pos = value.end.max(eq + 1);
            return Some(Attribute { srcset, value });
        }
    }
}

impl Attributes<'_> {
    /// Whether the name before the `=` at `eq` is a URL attribute's (`Some(true)` for `srcset`).
    fn name_before(&self, eq: usize) -> Option<bool> {
        let t = self.text;
        let mut end = eq;
        while end > 0 && t[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        // Most attributes end in another letter (`class`, `id`, `type`): one byte tells.
        let last = t.get(end.checked_sub(1)?)?.to_ascii_lowercase();
        if !matches!(last, b'f' | b'c' | b't' | b'n') {
            return None;
        }
        let mut start = end;
        while start > 0 && end - start <= 6 && t[start - 1].is_ascii_alphabetic() {
            start -= 1;
        }
        let name = &t[start..end];
        if !(3..=6).contains(&name.len()) {
            return None;
        }
        let known = URL_ATTRIBUTES
            .iter()
            .find(|a| a.eq_ignore_ascii_case(name))?;
        let before = *t.get(start.checked_sub(1)?)?;
        let separated = before.is_ascii_whitespace()
            || (self.syntax == Syntax::Template && matches!(before, b'}' | b'"' | b'\''));
        if !separated {
            return None;
        }
        if self.syntax == Syntax::Html && !in_tag(t, start) {
            return None;
        }
        Some(*known == b"srcset")
    }

    /// The value after the `=` at `eq`: quoted, or (in HTML) up to a space or `>`.
    fn value_after(&self, eq: usize) -> Option<Range<usize>> {
        let t = self.text;
        let mut k = eq + 1;
        while t.get(k).is_some_and(u8::is_ascii_whitespace) {
            k += 1;
        }
        let q = *t.get(k)?;
        if q == b'"' || q == b'\'' {
            let start = k + 1;
            let end = match self.syntax {
                Syntax::Html => start + memchr(q, &t[start..])?,
                Syntax::Template => template_value_end(t, start, q)?,
            };
            return Some(start..end);
        }
        if self.syntax == Syntax::Template {
            return None;
        }
        let end = t[k..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'>')
            .map_or(t.len(), |n| k + n);
        (end > k).then_some(k..end)
    }
}

/// Whether `at` stands inside a start tag: the nearest `<` or `>` before it is a `<` that opens
/// an element.
fn in_tag(t: &[u8], at: usize) -> bool {
    match memrchr2(b'<', b'>', &t[..at]) {
        Some(k) if t[k] == b'<' => t.get(k + 1).is_some_and(u8::is_ascii_alphabetic),
        _ => false,
    }
}

/// Where a template's attribute value that opened with `q` at `start` ends, passing over tags.
fn template_value_end(t: &[u8], start: usize, q: u8) -> Option<usize> {
    let mut p = start;
    loop {
        let k = p + memchr2(q, b'{', &t[p..])?;
        if t[k] == q {
            return Some(k);
        }
        let close: &[u8] = match t.get(k + 1) {
            Some(b'{') => b"}}",
            Some(b'%') => b"%}",
            Some(b'#') => b"#}",
            _ => {
                p = k + 1;
                continue;
            }
        };
        p = k + 2 + memmem::find(&t[k + 2..], close)? + 2;
    }
}

/// The comments, scripts and styles of a text, found as the scan goes on: each opener is searched
/// for again only once the scan has passed its last place, so the text is read once per opener.
struct Skipped<'a> {
    text: &'a [u8],
    /// The next place of each opener at or after `from` (`usize::MAX`: none left); `None`: not searched yet.
    next: [Option<usize>; 3],
    /// The region found last.
    region: Option<Range<usize>>,
    /// Where the search for the next region starts.
    from: usize,
}

impl Skipped<'_> {
    /// The end of the region that holds `at`, if one does. Calls come with growing `at`.
    fn covering(&mut self, at: usize) -> Option<usize> {
        loop {
            match &self.region {
                Some(r) if r.end <= at => {
                    self.from = r.end;
                    self.region = None;
                }
                Some(r) => return (r.start <= at).then_some(r.end),
                None => {
                    self.region = Some(self.find()?);
                }
            }
        }
    }

    /// The first region starting at or after `from`.
    fn find(&mut self) -> Option<Range<usize>> {
        let t = self.text;
        let from = self.from.min(t.len());
        for (next, opener) in self.next.iter_mut().zip(OPENERS) {
            if next.is_none_or(|p| p < from) {
                *next = Some(memmem::find(&t[from..], opener).map_or(usize::MAX, |p| from + p));
            }
        }
        let (k, start) = self
            .next
            .iter()
            .enumerate()
            .map(|(k, p)| (k, p.unwrap_or(usize::MAX)))
            .min_by_key(|&(_, p)| p)?;
        if start == usize::MAX {
            return None;
        }
        // A script's or style's own attributes are read; its contents are not.
        let body = match k {
            0 => start,
            _ => memchr(b'>', &t[start..]).map_or(t.len(), |p| start + p + 1),
        };
        let end = memmem::find(&t[body..], CLOSERS[k]).map_or(t.len(), |p| {
            body + p + if k == 0 { CLOSERS[0].len() } else { 0 }
        });
        Some(body..end.max(body + 1))
    }
}

/// Calls `f` with each URL of an attribute value (entities decoded): the value itself, or each
/// candidate of a `srcset` (`a.jpg 1x, b.jpg 2x`).
pub(crate) fn for_each_url(value: &str, srcset: bool, mut f: impl FnMut(&str)) {
    let decoded = decode_entities(value);
    if !srcset {
        f(&decoded);
        return;
    }
    let mut rest: &str = &decoded;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let url = &rest[..end];
        let ends_candidate = url.ends_with(',');
        f(url.trim_end_matches(','));
        rest = &rest[end..];
        if !ends_candidate {
            // Skip the descriptors (`480w`, `2x`) up to the next candidate.
            rest = rest.find(',').map_or("", |c| &rest[c + 1..]);
        }
    }
}

/// Where the site lives: which links lead into it, and to which path.
#[derive(Debug, Clone)]
pub struct Resolver {
    /// Always ends in `/` (`/` or `/sub/`).
    base_path: String,
    /// The host (and port) of the base URL, lower case.
    authority: String,
    /// The base paths (ending in `/`) of the other sites built from the same content that live
    /// below this one's on its host (a union's site at `/xuhui/` under the city's `/`).
    others: Vec<String>,
}

impl Resolver {
    pub fn new(base_url: &str, base_path: &str) -> Resolver {
        let authority = host_of(base_url);
        let mut base_path = base_path.to_string();
        if !base_path.starts_with('/') {
            base_path.insert(0, '/');
        }
        if !base_path.ends_with('/') {
            base_path.push('/');
        }
        Resolver {
            base_path,
            authority,
            others: Vec::new(),
        }
    }

    /// The same, knowing the addresses of the other sites built from the same content: a link
    /// below one of them that lives under this site's address leaves this site.
    pub fn beside<'u>(mut self, sites: impl IntoIterator<Item = &'u str>) -> Resolver {
        for url in sites {
            if host_of(url) != self.authority {
                continue;
            }
            let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
            let path = &after_scheme[after_scheme.find('/').unwrap_or(after_scheme.len())..];
            let mut path = path
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .to_string();
            if !path.ends_with('/') {
                path.push('/');
            }
            if path.len() > self.base_path.len() && path.starts_with(&self.base_path) {
                self.others.push(path);
            }
        }
        self
    }

    /// Where `link` (entities decoded), on the page at `page` (a URL path with the base path,
    /// `/sub/craftsmen/x/`), leads: the path below the base path (`craftsmen/y/`, `style.css`,
    /// `` for the home page), percent-decoded, with `.` and `..` resolved, without query and
    /// fragment. `None` for a link that leaves the site (another host, `mailto:`, a path outside
    /// the base path) or stays on the page (`#x`, `?q=…`).
    pub fn target<'l>(&self, link: &'l str, page: &str) -> Option<Cow<'l, str>> {
        let link = link.trim_matches(|c: char| c.is_ascii_whitespace());
        let path = &link[..memchr2(b'?', b'#', link.as_bytes()).unwrap_or(link.len())];
        if path.is_empty() {
            return None;
        }
        let absolute: Cow<'l, str> = if let Some(rest) = path.strip_prefix("//") {
            Cow::Borrowed(self.on_this_host(rest)?)
        } else if path.starts_with('/') {
            Cow::Borrowed(path)
        } else if let Some(scheme) = scheme_of(path) {
            let rest = path[scheme.len() + 1..].strip_prefix("//");
            match rest {
                Some(rest)
                    if scheme.eq_ignore_ascii_case("http")
                        || scheme.eq_ignore_ascii_case("https") =>
                {
                    Cow::Borrowed(self.on_this_host(rest)?)
                }
                _ => return None,
            }
        } else {
            let dir = &page[..page.rfind('/').map_or(0, |i| i + 1)];
            Cow::Owned(format!("{dir}{path}"))
        };
        let decoded = if memchr(b'%', absolute.as_bytes()).is_some() {
            Cow::Owned(percent_decoded(&absolute))
        } else {
            absolute
        };
        let clean = if has_dot_segments(&decoded) {
            Cow::Owned(normalise(&decoded))
        } else {
            decoded
        };
        let elsewhere = |o: &String| clean.starts_with(o.as_str()) || clean == o[..o.len() - 1];
        if self.others.iter().any(elsewhere) {
            return None;
        }
        self.below_base(clean)
    }

    /// Where the site lives on its host (`/` or `/sub/`).
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// The path of a URL's rest after `//` when its host is the site's (`/` for none).
    fn on_this_host<'r>(&self, rest: &'r str) -> Option<&'r str> {
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if self.authority.is_empty() || !authority.eq_ignore_ascii_case(&self.authority) {
            return None;
        }
        Some(if path.is_empty() { "/" } else { path })
    }

    /// A root-relative path with the base path taken off; `None` when it is outside the base path.
    fn below_base<'p>(&self, path: Cow<'p, str>) -> Option<Cow<'p, str>> {
        let base = self.base_path.as_str();
        if path.len() + 1 == base.len() && base.starts_with(path.as_ref()) {
            return Some(Cow::Borrowed(""));
        }
        if !path.starts_with(base) {
            return None;
        }
        Some(match path {
            Cow::Borrowed(p) => Cow::Borrowed(&p[base.len()..]),
            Cow::Owned(p) => Cow::Owned(p[base.len()..].to_string()),
        })
    }
}

/// The host (and port) of an address, lower case (`https://Example.org/sub/` → `example.org`).
pub(crate) fn host_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The scheme of an absolute URL (`https`, `mailto`): letters, digits, `+`, `-`, `.` before the
/// first `:`, which comes before any `/`.
pub(crate) fn scheme_of(path: &str) -> Option<&str> {
    let colon = path.find(':')?;
    let scheme = &path[..colon];
    let mut bytes = scheme.bytes();
    let first = bytes.next()?;
    (first.is_ascii_alphabetic()
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
    .then_some(scheme)
}

fn percent_decoded(p: &str) -> String {
    percent_encoding::percent_decode_str(p)
        .decode_utf8()
        .map_or_else(|_| p.to_string(), Cow::into_owned)
}

/// Whether a path has a `.` or `..` segment.
fn has_dot_segments(p: &str) -> bool {
    memmem::find_iter(p.as_bytes(), b"/.").any(|at| {
        let rest = &p.as_bytes()[at + 2..];
        matches!(rest, [] | [b'/', ..] | [b'.'] | [b'.', b'/', ..])
    })
}

/// Resolves `.` and `..` segments of a root-relative path (never above the root), keeping a
/// last `/`.
fn normalise(path: &str) -> String {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let mut out: Vec<&str> = Vec::with_capacity(segments.len());
    let last = segments.len().saturating_sub(1);
    let mut folder = false;
    for (k, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {}
            ".." => {
                out.pop();
            }
            "" => {}
            s => out.push(s),
        }
        if k == last {
            folder = matches!(*seg, "" | "." | "..");
        }
    }
    let mut joined = format!("/{}", out.join("/"));
    if folder && !out.is_empty() {
        joined.push('/');
    }
    joined
}

/// Every file of a built site by output path, for link checks: `craftsmen/x/index.html` also
/// answers `craftsmen/x/` (and `index.html` the home page, ``).
#[derive(Debug, Default)]
pub struct OutputPaths<'a> {
    set: FxHashSet<&'a str>,
}

impl<'a> OutputPaths<'a> {
    pub fn new(paths: impl IntoIterator<Item = &'a str>) -> Self {
        let paths = paths.into_iter();
        let mut set =
            FxHashSet::with_capacity_and_hasher(paths.size_hint().0 * 3 / 2, Default::default());
        for p in paths {
            set.insert(p);
            if let Some(folder) = p.strip_suffix("index.html") {
                if folder.is_empty() || folder.ends_with('/') {
                    set.insert(folder);
                }
            }
        }
        OutputPaths { set }
    }

    /// Whether a [`Resolver::target`] names a file of the site; a folder without its last `/`
    /// counts (servers redirect `x` to `x/`).
    pub fn has(&self, target: &str) -> bool {
        self.set.contains(target)
            || (!target.is_empty()
                && !target.ends_with('/')
                && self.set.contains(format!("{target}/").as_str()))
    }

    /// The paths, folders of pages included, in no order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.set.iter().copied()
    }
}

/// The links of a rendered page that lead into the site but to no file of it (`exists` says
/// which targets are files), as written with entities decoded, each once, in order.
pub(crate) fn broken_on_page(
    html: &str,
    page: &str,
    resolver: &Resolver,
    exists: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut broken: Vec<String> = Vec::new();
    for a in attributes(html, Syntax::Html) {
        for_each_url(&html[a.value], a.srcset, |url| {
            let Some(target) = resolver.target(url, page) else {
                return;
            };
            if !exists(&target) && !broken.iter().any(|b| b == url) {
                broken.push(url.to_string());
            }
        });
    }
    broken
}

/// Where a union's own site's links lead that it takes from the city site.
pub(crate) struct City<'a, F: Fn(&str) -> bool> {
    /// The city site's address (`https://city.example/`).
    pub url: &'a str,
    /// Resolves links written for the city site: the Markdown bodies' root-relative links carry
    /// its base path (`/city/craftsmen/x/`).
    pub resolver: &'a Resolver,
    /// Whether the city site has a page, by path below its base path with a leading `/`.
    pub has: F,
}

/// A union's own site's page with each link to a page it does not hold but the city site does
/// made a link to the city site (`/craftsmen/x/` → `https://city.example/craftsmen/x/`), and
/// each root-relative link written under the city's base path (a body's) that leads to a page
/// it holds given its own base path; `None` when no link needed either.
pub(crate) fn rehome<F: Fn(&str) -> bool>(
    html: &str,
    page: &str,
    resolver: &Resolver,
    exists: impl Fn(&str) -> bool,
    city: &City<F>,
) -> Option<String> {
    let own_base = resolver.base_path();
    let city_base = city.resolver.base_path();
    // A root-relative link under the city's base path and not under a longer own base path was
    // written for the city site.
    let city_space = |url: &str| {
        city_base != own_base
            && url.starts_with(city_base)
            && !(url.starts_with(own_base) && own_base.len() > city_base.len())
    };
    let mut out = String::new();
    let mut from = 0;
    for a in attributes(html, Syntax::Html) {
        if a.srcset {
            continue;
        }
        let url = &html[a.value.clone()];
        let written_for_city = city_space(url);
        let target = if written_for_city {
            city.resolver.target(url, "/")
        } else {
            resolver.target(url, page)
        };
        let Some(target) = target else {
            continue;
        };
        let here = exists(&target);
        if (here && !written_for_city) || (!here && !(city.has)(&format!("/{target}"))) {
            continue;
        }
        let rest = memchr2(b'?', b'#', url.as_bytes()).map_or("", |i| &url[i..]);
        out.push_str(&html[from..a.value.start]);
        if here {
            out.push_str(own_base);
        } else {
            out.push_str(city.url.trim_end_matches('/'));
            out.push('/');
        }
        out.push_str(&target);
        out.push_str(rest);
        from = a.value.end;
    }
    if from == 0 {
        return None;
    }
    out.push_str(&html[from..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, syntax: Syntax) -> Vec<&str> {
        attributes(text, syntax).map(|a| &text[a.value]).collect()
    }

    #[test]
    fn finds_url_attributes_inside_tags_only() {
        let html = concat!(
            "<a class=\"x\" href=\"/a/\">a</a><IMG SRC='/b.png' srcset=\"/c.png 2x\">",
            "<form action=/d/ method=get></form><link rel=x href = \"/e.css\">",
            "<p>写 href=\"/not/\" 的方法</p><a data-href=\"/no/\" xhref=\"/no/\">",
            "<!-- <a href=\"/commented/\"> --><script src=\"/s.js\">var a='<a href=\"'+u+'\">'</script>",
            "<style>a[href=\"/css/\"]{}</style><a href=\"/last/\">",
        );
        assert_eq!(
            values(html, Syntax::Html),
            [
                "/a/",
                "/b.png",
                "/c.png 2x",
                "/d/",
                "/e.css",
                "/s.js",
                "/last/"
            ]
        );
    }

    #[test]
    fn an_unclosed_comment_or_script_hides_the_rest() {
        assert_eq!(
            values("<a href=\"/a/\"><!-- <a href=\"/b/\">", Syntax::Html),
            ["/a/"]
        );
        assert_eq!(
            values("<script>x<a href=\"/b/\">", Syntax::Html),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn template_values_run_past_tags_with_quotes() {
        let t = "<a href=\"{{ \"/x/\" }}{% if a > b %}y{% endif %}\" {% if c %}src=\"{{ d }}\"{% endif %}>";
        assert_eq!(
            values(t, Syntax::Template),
            ["{{ \"/x/\" }}{% if a > b %}y{% endif %}", "{{ d }}"]
        );
    }

    #[test]
    fn srcset_candidates_are_split_and_entities_decoded() {
        let mut got = Vec::new();
        for_each_url(
            "/a-240.jpg 240w, /a-480.jpg 480w,/b.jpg, data:image/gif;base64,R0= 1x,/c.jpg 2x",
            true,
            |u| got.push(u.to_string()),
        );
        assert_eq!(
            got,
            [
                "/a-240.jpg",
                "/a-480.jpg",
                "/b.jpg",
                "data:image/gif;base64,R0=",
                "/c.jpg"
            ]
        );
        let mut one = Vec::new();
        for_each_url("/search/?q=a&amp;b=&#x2F;", false, |u| {
            one.push(u.to_string())
        });
        assert_eq!(one, ["/search/?q=a&b=/"]);
    }

    #[test]
    fn targets_under_the_base_path() {
        let r = Resolver::new("https://Example.org/sub/", "/sub/");
        let page = "/sub/craftsmen/zhang-wei/";
        let t = |link: &str| r.target(link, page).map(Cow::into_owned);
        assert_eq!(t("/sub/craftsmen/"), Some("craftsmen/".into()));
        assert_eq!(t("/sub"), Some("".into()));
        assert_eq!(t("/sub/"), Some("".into()));
        assert_eq!(t("/subway/"), None);
        assert_eq!(t("/other/"), None);
        assert_eq!(t("../li-na/#x"), Some("craftsmen/li-na/".into()));
        assert_eq!(t("./"), Some("craftsmen/zhang-wei/".into()));
        assert_eq!(
            t("photo.jpg?v=1"),
            Some("craftsmen/zhang-wei/photo.jpg".into())
        );
        assert_eq!(
            t("../../../../x/"),
            None,
            "above the root is the root: outside /sub/"
        );
        assert_eq!(t("https://example.ORG/sub/stats/"), Some("stats/".into()));
        assert_eq!(t("http://example.org/sub"), Some("".into()));
        assert_eq!(t("//example.org/sub/a.css"), Some("a.css".into()));
        assert_eq!(t("https://other.org/sub/stats/"), None);
        assert_eq!(t("/sub/%E5%85%B3%E4%BA%8E/"), Some("关于/".into()));
        for stays in [
            "",
            "#main",
            "?q=1",
            "mailto:a@b.cn",
            "tel:110",
            "javascript:void(0)",
            "data:x",
        ] {
            assert_eq!(t(stays), None, "{stays}");
        }
    }

    #[test]
    fn targets_at_the_root() {
        let r = Resolver::new("https://example.org/", "/");
        assert_eq!(r.target("/", "/").as_deref(), Some(""));
        assert_eq!(r.target("/../a/./b/..", "/").as_deref(), Some("a/"));
        assert_eq!(r.target("x", "/404.html").as_deref(), Some("x"));
        assert_eq!(r.target("https://example.org", "/").as_deref(), Some(""));
        assert_eq!(
            r.target("/.well-known/a..b", "/").as_deref(),
            Some(".well-known/a..b")
        );
        assert_eq!(r.target("/a/.", "/").as_deref(), Some("a/"));
    }

    #[test]
    fn output_paths_answer_folders_and_files() {
        let paths = OutputPaths::new([
            "index.html",
            "craftsmen/x/index.html",
            "style.css",
            "search/index.json",
        ]);
        for yes in [
            "",
            "craftsmen/x/",
            "craftsmen/x",
            "craftsmen/x/index.html",
            "style.css",
            "search/index.json",
        ] {
            assert!(paths.has(yes), "{yes}");
        }
        for no in [
            "craftsmen/",
            "craftsmen/y/",
            "style.css/",
            "craftsmen/x/index",
        ] {
            assert!(!paths.has(no), "{no}");
        }
    }

    #[test]
    fn broken_links_of_a_page_are_listed_once() {
        let r = Resolver::new("https://example.org/", "/");
        let paths = OutputPaths::new(["index.html", "a/index.html"]);
        let html = "<a href=\"/a/\"><a href=\"/b/\"><a href=\"b/\"><a href=\"/b/\"><a href=\"https://x.org/c/\">";
        assert_eq!(
            broken_on_page(html, "/", &r, |t| paths.has(t)),
            ["/b/", "b/"]
        );
    }

    #[test]
    fn a_site_under_this_one_s_address_is_left_to_itself() {
        let r = Resolver::new("https://example.org/", "/").beside([
            "https://example.org/xuhui/",
            "https://other.example/",
            "https://example.org/pudong",
        ]);
        assert_eq!(r.target("/xuhui/craftsmen/a/", "/"), None);
        assert_eq!(r.target("https://example.org/xuhui/", "/"), None);
        assert_eq!(r.target("/xuhui", "/"), None);
        assert_eq!(r.target("/pudong/", "/"), None);
        assert_eq!(r.target("/xuhuiyuan/", "/").as_deref(), Some("xuhuiyuan/"));
        assert_eq!(
            r.target("/craftsmen/a/", "/").as_deref(),
            Some("craftsmen/a/")
        );
        // A site at or above this one's address is not below it.
        let r =
            Resolver::new("https://example.org/city/", "/city/").beside(["https://example.org/"]);
        assert_eq!(r.target("/city/a/", "/city/").as_deref(), Some("a/"));
    }

    #[test]
    fn a_union_site_takes_the_city_s_links_to_its_own_pages_or_the_city_s() {
        let own = Resolver::new("https://example.org/xuhui/", "/xuhui/");
        let city_resolver = Resolver::new("https://example.org/", "/");
        let city = City {
            url: "https://example.org/",
            resolver: &city_resolver,
            has: |p: &str| ["/craftsmen/a/", "/craftsmen/b/"].contains(&p),
        };
        let held = |t: &str| t == "craftsmen/a/";
        let html = r#"<a href="/xuhui/craftsmen/a/">a</a><a href="/craftsmen/a/#x">a</a><a href="/craftsmen/b/">b</a><a href="/nowhere/">n</a>"#;
        assert_eq!(
            rehome(html, "/xuhui/", &own, held, &city).as_deref(),
            Some(
                r##"<a href="/xuhui/craftsmen/a/">a</a><a href="/xuhui/craftsmen/a/#x">a</a><a href="https://example.org/craftsmen/b/">b</a><a href="/nowhere/">n</a>"##
            )
        );
        // Nothing to change: none.
        assert_eq!(
            rehome(r#"<a href="/xuhui/">h</a>"#, "/xuhui/", &own, held, &city),
            None
        );
    }
}
