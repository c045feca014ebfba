//! Links editors configure in site.yaml (navigation items, `base_url`): which forms are accepted, and why the others are refused.
//!
//! Accepted links: a site path (`/…`), an `http://` or `https://` address with a host, `mailto:`
//! and `tel:`. Everything else is refused, spelt however a browser would still read it as such:
//! `javascript:`, `vbscript:` and `data:` URLs (in any case, after spaces, control characters or
//! tabs), protocol-relative `//host` and its backslash spellings, values with spaces or invisible
//! characters, and character references (`&#x09;`, `&colon;`) that a template printing the value
//! without escaping would turn into any of those.

/// Why a configured link was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// `javascript:` or `vbscript:` (the scheme as written here): runs code when clicked.
    Script(&'static str),
    /// `data:`: opens whatever the link holds as a page.
    Data,
    /// `//host` or a backslash: leads to another site while looking like a site path.
    OtherHost,
    /// Spaces, control or invisible formatting characters.
    Hidden,
    /// `&#…;` or `&name;`.
    Reference,
    /// None of the accepted forms; says what was expected.
    Unknown(&'static str),
}

/// What a link (a `nav` item) may be.
const LINK: &str = "既不是以 `https://` 或 `http://` 开头的网址，也不是以 `/` 开头的站内路径（或 `mailto:`、`tel:` 链接）";
/// What a web address (`base_url`) must be.
const ADDRESS: &str = "不是以 `https://` 或 `http://` 开头的完整网址";

/// Checks a link: a site path, an http(s) address with a host, a `mailto:` or `tel:` link.
pub(crate) fn check_link(url: &str) -> Result<(), Refusal> {
    if let Some(r) = dangerous(url) {
        return Err(r);
    }
    let lower = url.to_ascii_lowercase();
    let ok = if url.starts_with('/') {
        // `//host` was refused above.
        true
    } else if let Some(to) = lower.strip_prefix("mailto:") {
        to.contains('@')
    } else if let Some(number) = lower.strip_prefix("tel:") {
        number.chars().any(|c| c.is_ascii_digit())
            && number
                .chars()
                .all(|c| c.is_ascii_digit() || "+-().".contains(c))
    } else {
        web_address(&lower)
    };
    if ok {
        Ok(())
    } else {
        Err(Refusal::Unknown(LINK))
    }
}

/// Checks a web address (`base_url`): `http://` or `https://` and a host.
pub(crate) fn check_address(url: &str) -> Result<(), Refusal> {
    if let Some(r) = dangerous(url) {
        return Err(r);
    }
    if web_address(&url.to_ascii_lowercase()) {
        Ok(())
    } else {
        Err(Refusal::Unknown(ADDRESS))
    }
}

fn web_address(lower: &str) -> bool {
    lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
}

/// The refusals every kind of link shares, looked for in what a browser would read: references
/// decoded, tabs and newlines dropped, leading spaces and control characters trimmed.
fn dangerous(url: &str) -> Option<Refusal> {
    let decoded = crate::html_text::decode_entities(url);
    let references = crate::html_text::has_reference(url);
    let read: String = decoded
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let read = read
        .trim_start_matches(|c: char| c <= ' ')
        .to_ascii_lowercase();
    for scheme in ["javascript:", "vbscript:"] {
        if read.starts_with(scheme) {
            return Some(Refusal::Script(scheme));
        }
    }
    if read.starts_with("data:") {
        return Some(Refusal::Data);
    }
    if read.replace('\\', "/").starts_with("//") || decoded.contains('\\') {
        return Some(Refusal::OtherHost);
    }
    if decoded.chars().any(hidden) {
        return Some(Refusal::Hidden);
    }
    references.then_some(Refusal::Reference)
}

/// Spaces, control characters and the invisible formatting characters (zero-width, direction marks, BOM).
fn hidden(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

impl Refusal {
    /// The editor's message: `what` names the field (`导航 nav 第 1 项的链接 url`), `value` is shown
    /// with its invisible characters spelt out.
    pub(crate) fn message(&self, what: &str, value: &str) -> String {
        let shown = shown(value);
        match self {
            Refusal::Script(scheme) => format!(
                "{what}是 `{scheme}` 地址 `{shown}`：点开会在读者的浏览器里运行代码，不能使用"
            ),
            Refusal::Data => format!(
                "{what}是 `data:` 地址 `{shown}`：会把链接里的任意内容当作网页打开，不能使用"
            ),
            Refusal::OtherHost => format!(
                "{what} `{shown}` 以 `//` 开头或含反斜杠 `\\`：浏览器会把它当作别的网站的地址，不能使用"
            ),
            Refusal::Hidden => format!("{what} `{shown}` 里有空格或看不见的字符，不能使用"),
            Refusal::Reference => format!(
                "{what} `{shown}` 里有 `&#…;` 这样的字符引用，不能使用；直接写字符本身"
            ),
            Refusal::Unknown(wanted) => format!("{what} `{shown}` {wanted}"),
        }
    }
}

/// The value with control and invisible characters written as `\u{…}` (tab and newline as `\t`, `\n`).
fn shown(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c != ' ' && hidden(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_says_why() {
        assert_eq!(
            check_link("\u{1}JavaScript:x"),
            Err(Refusal::Script("javascript:"))
        );
        assert_eq!(
            check_link("&#118;bscript:x"),
            Err(Refusal::Script("vbscript:"))
        );
        assert_eq!(check_link("Data:text/html,x"), Err(Refusal::Data));
        assert_eq!(check_link("&#x2F;/evil.example"), Err(Refusal::OtherHost));
        assert_eq!(check_link("/a\u{200B}/"), Err(Refusal::Hidden));
        assert_eq!(check_link("/a&amp;b/"), Err(Refusal::Reference));
        assert_eq!(check_link("mailto:"), Err(Refusal::Unknown(LINK)));
        assert_eq!(check_link("tel:office"), Err(Refusal::Unknown(LINK)));
        assert_eq!(check_address("/about/"), Err(Refusal::Unknown(ADDRESS)));
        assert_eq!(check_address("https:///x"), Err(Refusal::Unknown(ADDRESS)));
        assert_eq!(check_address("https://example.org/"), Ok(()));
    }

    #[test]
    fn invisible_characters_are_spelt_out_in_messages() {
        assert_eq!(shown("a\tb\u{1}c d\u{200B}"), "a\\tb\\u{1}c d\\u{200b}");
    }
}
