//! Site settings from content/site.yaml: read with located diagnostics, then resolved with defaults.

use crate::configured_url;
use crate::diag::{Diagnostic, Diagnostics};
use crate::filing;
use crate::load::fields::Fields;
use crate::load::yaml::{self, Seg};
use crate::schema::{CONTACT, NAMES, NAV, SITE};
use crate::source::SourceFile;
use serde::Serialize;

/// One navigation link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NavItem {
    pub title: String,
    pub url: String,
}

/// Which order a list of names is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameOrder {
    Pinyin,
    Stroke,
}

/// Resolved settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Config {
    pub title: String,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    /// Always ends with `/`.
    pub base_url: String,
    /// The path part of base_url (`/` or `/sub/`), prefixed to every site link.
    pub base_path: String,
    pub language: String,
    pub theme: String,
    pub demo: bool,
    pub minify: bool,
    /// How many entries one page of a list shows (the A–Z index, an industry, a cohort, a brand,
    /// the stories) before the list is split into pages.
    pub index_page_size: usize,
    pub nav: Vec<NavItem>,
    pub index_order: NameOrder,
    pub cohort_order: NameOrder,
    pub footer: Option<String>,
    /// What a mainland site shows at the foot of every page.
    pub filing: Filing,
}

/// The organiser, its public contacts and the filing numbers, for the footer.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Filing {
    pub organiser: Option<String>,
    pub phone: Option<String>,
    /// `tel:` link for the phone, when it is written as a number.
    pub phone_link: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub icp: Option<filing::Icp>,
    pub gongan: Option<filing::Gongan>,
    /// The logo as written; the site model checks it against content/static/ and puts its
    /// site path here.
    pub logo: Option<String>,
    /// Where the logo is written in site.yaml.
    #[serde(skip)]
    pub logo_at: (usize, usize),
}

/// Entries on one page of a list unless site.yaml says otherwise: about twenty phone screens of
/// cards, a page a phone loads at once (60 fills rows of 2, 3, 4 or 5 cards on wider screens).
pub const DEFAULT_INDEX_PAGE: usize = 60;

/// Overrides given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub base_url: Option<String>,
}

/// Reads site.yaml; `None` when it is too broken to build with (the diagnostics say why).
pub fn read(src: &SourceFile, overrides: &Overrides, diags: &mut Diagnostics) -> Option<Config> {
    let doc = yaml::parse_named(src, (0, src.text.len()), &|k| SITE.english(k), diags)?;
    let mut f = Fields::top(&doc, &SITE, diags)?;
    let title = f.text("title");
    let base = match &overrides.base_url {
        Some(b) => Some(b.clone()),
        None => f.string("base_url"),
    };
    let base_url = base.and_then(|b| checked_base_url(&mut f, b));
    let order = |f: &mut Fields, key: &str, default| -> NameOrder {
        f.choice(key, |s| match s {
            "pinyin" | "拼音" => Some(NameOrder::Pinyin),
            "stroke" | "笔画" => Some(NameOrder::Stroke),
            _ => None,
        })
        .unwrap_or(default)
    };
    let (index_order, cohort_order) = match f.mapping("names") {
        Some(m) => {
            let mut n = f.nested(vec![Seg::Key("names")], m, &NAMES);
            (
                order(&mut n, "index", NameOrder::Pinyin),
                order(&mut n, "cohort", NameOrder::Stroke),
            )
        }
        None => (NameOrder::Pinyin, NameOrder::Stroke),
    };
    let nav = read_nav(&mut f);
    let config = Config {
        subtitle: f.text("subtitle"),
        description: f.text("description"),
        language: f.string("language").unwrap_or_else(|| "zh-CN".to_string()),
        theme: f.string("theme").unwrap_or_else(|| "default".to_string()),
        demo: f.boolean("demo").unwrap_or(false),
        minify: f.boolean("minify").unwrap_or(true),
        index_page_size: f
            .int("index_page_size")
            .map_or(DEFAULT_INDEX_PAGE, |n| n as usize),
        footer: f.text("footer"),
        filing: read_filing(&mut f),
        nav,
        index_order,
        cohort_order,
        base_path: String::new(),
        base_url: String::new(),
        title: String::new(),
    };
    let (title, base_url) = (title?, base_url?);
    let base_path = base_path_of(&base_url);
    Some(Config {
        title,
        base_url,
        base_path,
        ..config
    })
}

/// A written `base_url` checked and normalised (`None`, reported, when it is not a site's address).
pub(crate) fn checked_base_url(f: &mut Fields, b: String) -> Option<String> {
    match configured_url::check_address(b.trim()) {
        Ok(()) => normalise_base_url(&b),
        Err(refusal) => {
            let d = f
                .at_value(
                    Diagnostic::error(
                        "site.bad-base-url",
                        refusal.message("`base_url`（网站地址）", &b),
                    ),
                    "base_url",
                )
                .hint("写成以 https:// 或 http:// 开头的地址，如 `base_url: https://example.org/`");
            f.push(d);
            None
        }
    }
}

/// Reads `nav`: each item `{ title, url }`, links that run code or leave the site unseen refused.
pub(crate) fn read_nav(f: &mut Fields) -> Vec<NavItem> {
    let mut nav = Vec::new();
    if let Some(items) = f.sequence("nav") {
        for (i, item) in items.iter().enumerate() {
            match item.as_mapping() {
                Some(m) => {
                    let mut n = f.nested(vec![Seg::Key("nav"), Seg::Index(i)], m, &NAV);
                    let url = n.string("url").filter(|url| {
                        let Err(refusal) = configured_url::check_link(url) else {
                            return true;
                        };
                        let what = format!("导航 `nav` 第 {} 项的链接 `url`", i + 1);
                        let d = n
                            .at_value(
                                Diagnostic::error("site.bad-url", refusal.message(&what, url)),
                                "url",
                            )
                            .hint(URL_HINT);
                        n.push(d);
                        false
                    });
                    if let (Some(title), Some(url)) = (n.text("title"), url) {
                        nav.push(NavItem { title, url });
                    }
                }
                None => {
                    let d = f
                        .at_path(
                            Diagnostic::error(
                                "site.bad-nav",
                                format!(
                                    "导航 `nav` 的第 {} 项应写成 `{{ title: 文字, url: /路径/ }}`",
                                    i + 1
                                ),
                            ),
                            &[Seg::Key("nav"), Seg::Index(i)],
                        )
                        .hint(format!("例如 `  - {}`", NAV.flow_example()));
                    f.push(d);
                }
            }
        }
    }
    nav
}

/// Reads the organiser, contacts, filing numbers and logo.
fn read_filing(f: &mut Fields) -> Filing {
    read_foot(f, true)
}

/// Reads the organiser, contacts and filing numbers, and the logo when `logo` (a union's site
/// shows the city's).
pub(crate) fn read_foot(f: &mut Fields, logo: bool) -> Filing {
    let mut out = Filing {
        organiser: f.text("organiser"),
        icp: number(f, "icp", filing::icp),
        gongan: number(f, "gongan", filing::gongan),
        ..Filing::default()
    };
    if logo {
        out.logo = f.string("logo");
        out.logo_at = f.value_span("logo");
    }
    if let Some(m) = f.mapping("contact") {
        let mut n = f.nested(vec![Seg::Key("contact")], m, &CONTACT);
        out.phone = n.text("phone");
        out.phone_link = out.phone.as_deref().and_then(tel_link);
        out.email = n.string("email").filter(|e| {
            let ok = is_email(e);
            if !ok {
                let d = n
                    .at_value(
                        Diagnostic::error(
                            "site.bad-email",
                            format!("`contact.email`（电子邮箱）`{e}` 不是邮箱地址"),
                        ),
                        "email",
                    )
                    .hint("写成 `email: office@example.org`：一个 `@`，前后都有文字，不带空格");
                n.push(d);
            }
            ok
        });
        out.address = n.text("address");
    }
    out
}

/// A filing number read by `check`; its problems reported at the place in the value.
fn number<T>(
    f: &mut Fields,
    key: &str,
    check: fn(&str) -> (Option<T>, Vec<filing::Problem>),
) -> Option<T> {
    let written = f.string(key)?;
    let (value, problems) = check(&written);
    let (s, e) = f.value_span(key);
    let as_written = &f.doc.src.text[s..e];
    // The value's place in the file: plain or quoted, the text stands in it as read.
    let base = as_written.find(written.as_str()).map(|i| s + i);
    for p in problems {
        let d = if p.error {
            Diagnostic::error(p.code, p.message)
        } else {
            Diagnostic::warning(p.code, p.message)
        };
        let d = match base {
            Some(b) => d.at(f.doc.src, b + p.at.start, b + p.at.end),
            None => f.at_value(d, key),
        };
        f.push(d.hint(p.hint));
    }
    value
}

/// `tel:` link of a phone number written with digits, spaces, dashes and brackets.
fn tel_link(phone: &str) -> Option<String> {
    let ok = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " -()+".contains(c));
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    (ok && digits.len() >= 5).then(|| format!("tel:{digits}"))
}

/// `name@host.tld` with no white space.
fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && !host.contains('@')
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// How to write a link that is accepted.
const URL_HINT: &str = "写成以 `https://` 开头的完整网址，或以 `/` 开头的站内路径，如 `url: /about/`；邮件、电话可写 `mailto:…`、`tel:…`";

/// `https://example.org/sub` → `https://example.org/sub/`; `None` when it is not an http(s) URL
/// with a host, or has anything [`configured_url::check_address`] refuses.
pub fn normalise_base_url(s: &str) -> Option<String> {
    let s = s.trim();
    configured_url::check_address(s).ok()?;
    Some(if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    })
}

pub(crate) fn base_path_of(base_url: &str) -> String {
    let rest = base_url
        .split_once("://")
        .map(|(_, r)| r)
        .unwrap_or(base_url);
    match rest.find('/') {
        Some(i) => rest[i..].to_string(),
        None => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> (Option<Config>, Vec<Diagnostic>) {
        let src = SourceFile::new("content/site.yaml", text);
        let mut d = Diagnostics::new();
        let c = read(&src, &Overrides::default(), &mut d);
        (c, d.into_sorted())
    }

    #[test]
    fn defaults_and_base_path() {
        let (c, d) = read_str("title: 上海工匠\nbase_url: https://example.org/gongjiang\n");
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.base_url, "https://example.org/gongjiang/");
        assert_eq!(c.base_path, "/gongjiang/");
        assert_eq!(c.language, "zh-CN");
        assert!(c.minify);
        assert_eq!(c.cohort_order, NameOrder::Stroke);
    }

    #[test]
    fn missing_title_and_bad_url_are_located() {
        let (c, d) = read_str("base_url: example.org\n");
        assert!(c.is_none());
        let codes: Vec<_> = d.iter().map(|d| (d.code, d.line)).collect();
        assert!(codes.contains(&("site.bad-base-url", 1)), "{codes:?}");
        assert!(
            codes.contains(&("front-matter.missing-field", 1)),
            "{codes:?}"
        );
    }

    #[test]
    fn nav_and_name_order() {
        let (c, d) = read_str("title: t\nbase_url: https://e.org/\nnav:\n  - { title: 工匠, url: /craftsmen/ }\nnames:\n  index: stroke\n");
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.nav[0].url, "/craftsmen/");
        assert_eq!(c.index_order, NameOrder::Stroke);
    }

    /// A site.yaml whose only nav item links to `url` (written as it stands in YAML, on line 5 from column 10).
    fn with_nav(url: &str) -> (Option<Config>, Vec<Diagnostic>) {
        read_str(&format!(
            "title: t\nbase_url: https://e.org/\nnav:\n  - title: 链接\n    url: {url}\n"
        ))
    }

    #[test]
    fn nav_links_that_run_code_or_leave_the_site_unseen_are_refused_where_they_stand() {
        for (yaml, says) in [
            ("javascript:alert(1)", "javascript:"),
            ("JaVaScRiPt:alert(1)", "javascript:"),
            ("\"\\x01javascript:alert(1)\"", "javascript:"),
            ("\"\\tjavascript:alert(1)\"", "javascript:"),
            ("\"java\\tscript:alert(1)\"", "javascript:"),
            ("\"java\\nscript:alert(1)\"", "javascript:"),
            ("java&#x09;script:alert(1)", "javascript:"),
            ("\"&#106;avascript:alert(1)\"", "javascript:"),
            ("javascript&colon;alert(1)", "javascript:"),
            ("vbscript:msgbox(1)", "vbscript:"),
            ("VBScript:msgbox(1)", "vbscript:"),
            ("data:text/html;base64,PHNjcmlwdD4=", "data:"),
            ("\" data:text/html,x\"", "data:"),
            ("//evil.example/", "//"),
            ("\"/\\\\evil.example/\"", "//"),
            ("\"\\\\\\\\evil.example/\"", "//"),
            ("https:evil.example", "https://"),
            ("ftp://example.org/", "https://"),
            ("www.example.org", "https://"),
            ("about/", "https://"),
            ("/关于 我们/", "空格或看不见的字符"),
        ] {
            let (c, d) = with_nav(yaml);
            assert!(c.is_none_or(|c| c.nav.is_empty()), "{yaml} was accepted");
            let bad: Vec<&Diagnostic> = d.iter().filter(|d| d.code == "site.bad-url").collect();
            assert_eq!(bad.len(), 1, "{yaml}: {d:?}");
            let bad = bad[0];
            assert_eq!(
                (bad.file.as_str(), bad.line, bad.column),
                ("content/site.yaml", 5, 10),
                "{yaml}"
            );
            assert!(
                bad.message.contains("nav") && bad.message.contains(says),
                "{yaml}: {}",
                bad.message
            );
            let hint = bad.hint.as_deref().unwrap_or("");
            assert!(hint.contains("https://") && hint.contains('/'), "{hint}");
        }
    }

    #[test]
    fn control_characters_in_a_url_are_removed_with_a_warning_before_it_is_checked() {
        let (c, d) = with_nav("\"/about/\\x00\"");
        assert_eq!(c.map(|c| c.nav[0].url.clone()), Some("/about/".to_string()));
        assert!(d.iter().any(|d| d.code == "text.control-char"), "{d:?}");
        let (c, d) = read_str("title: t\nbase_url: \"https://example.org/\\x07\"\n");
        assert_eq!(
            c.map(|c| c.base_url),
            Some("https://example.org/".to_string())
        );
        assert!(d.iter().any(|d| d.code == "text.control-char"), "{d:?}");
    }

    #[test]
    fn site_paths_web_addresses_mail_and_phone_links_are_accepted() {
        for url in [
            "/",
            "/craftsmen/",
            "/about/#contact",
            "/search/?q=焊接&page=2",
            "https://example.org/",
            "HTTPS://example.org/a?b=c",
            "http://example.org",
            "mailto:office@example.org",
            "tel:+86-21-12345678",
        ] {
            let (c, d) = with_nav(url);
            assert!(d.iter().all(|d| d.code != "site.bad-url"), "{url}: {d:?}");
            assert_eq!(c.map(|c| c.nav[0].url.clone()), Some(url.to_string()));
        }
    }

    #[test]
    fn base_url_with_hidden_characters_or_another_scheme_is_refused_where_it_stands() {
        for yaml in [
            "javascript:alert(1)//example.org/",
            "//example.org/",
            "\"https://exa mple.org/\"",
            "\"https://example.org\\\\@evil.example/\"",
            "https://example.org/&#x22;onload=x",
        ] {
            let (c, d) = read_str(&format!("title: t\nbase_url: {yaml}\n"));
            assert!(c.is_none(), "{yaml} was accepted");
            let bad: Vec<(&str, usize, usize)> = d
                .iter()
                .map(|d| (d.code, d.line, d.column))
                .filter(|(code, _, _)| code.starts_with("site.bad"))
                .collect();
            assert_eq!(bad, [("site.bad-base-url", 2, 11)], "{yaml}: {d:?}");
        }
    }
}
