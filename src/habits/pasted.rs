//! What pasting from other programs brings into a body: Word's, WPS's and WeChat's formatting
//! (one message per body, naming where it came from), pictures left on WeChat's servers, paths
//! to files on the editor's own computer (Typora, Word), and links to a content file's name
//! rather than to its page (Typora, Obsidian, Zola's `@/`).

use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::Link;
use crate::source::SourceFile;
use memchr::memmem;

/// Marks of HTML copied from Word or WPS.
const WORD: &[&str] = &[
    "class=\"Mso",
    "class=Mso",
    "mso-",
    "<o:p",
    "</o:p>",
    "xmlns:o=",
    "xmlns:w=",
    "<w:",
    "<!--[if",
];

/// Marks of HTML copied from a WeChat article or the editors made for it (秀米, 135编辑器).
const WECHAT: &[&str] = &[
    "data-tools=",
    "data-darkmode",
    "js_darkmode",
    "mp-style-type",
    "powered-by=\"xiumi",
    "135editor",
    "data-brushtype",
    "data-src=\"https://mmbiz",
    "<section style=",
];

/// Hosts of WeChat's picture servers, which refuse pictures to other sites.
const WECHAT_PICTURES: &[&str] = &["mmbiz.qpic.cn", "mmbiz.qlogo.cn", "mmsns.qpic.cn"];

/// Checks one body (`body`, starting at `body_start` of `src`) for pasted formatting and WeChat
/// pictures. `images` are its Markdown images. Returns whether the body holds pasted formatting.
pub(super) fn check(
    src: &SourceFile,
    body: &str,
    body_start: usize,
    images: &[Link],
    diags: &mut Diagnostics,
) -> bool {
    let mut pasted = false;
    if memchr::memchr(b'<', body.as_bytes()).is_some() {
        if let Some(d) = pasted_formatting(src, body, body_start) {
            diags.push(d);
            pasted = true;
        }
        for at in html_wechat_pictures(body) {
            diags.push(wechat_picture(src, body_start + at));
        }
    }
    for img in images.iter().filter(|i| is_wechat_picture(&i.url)) {
        diags.push(wechat_picture(src, body_start + img.offset));
    }
    pasted
}

/// The first mark of `marks` in `body`, and where it stands.
fn first_of<'m>(body: &str, marks: &[&'m str]) -> Option<(usize, &'m str)> {
    marks
        .iter()
        .filter_map(|m| body.find(m).map(|at| (at, *m)))
        .min()
}

/// One warning for a body pasted with Word's or WeChat's formatting, at its first mark: the
/// sanitiser keeps the text and drops the rest.
fn pasted_formatting(src: &SourceFile, body: &str, body_start: usize) -> Option<Diagnostic> {
    let word = first_of(body, WORD).map(|(at, m)| (at, m, " Word 或 WPS "));
    let wechat =
        first_of(body, WECHAT).map(|(at, m)| (at, m, "微信公众号文章（或秀米、135 等排版工具）"));
    let (at, mark, from) = [word, wechat].into_iter().flatten().min()?;
    let at = body_start + at;
    Some(
        Diagnostic::warning(
            "markdown.pasted-rich-text",
            format!("正文里是从{from}复制来的网页格式（如 `{mark}`）：网站只发布其中的文字，字体、颜色、字号和排版都会被去掉"),
        )
        .at(src, at, at + mark.len())
        .hint("删掉这段，在编辑器里用“粘贴为纯文本”（Ctrl+Shift+V）重新粘贴；标题写成 `## 标题`，加粗写成 `**文字**`，图片另存后写成 `![说明](文件名.jpg)`"),
    )
}

fn is_wechat_picture(url: &str) -> bool {
    let host = url.split_once("//").map_or("", |(_, rest)| {
        rest.split(['/', '?', '#']).next().unwrap_or("")
    });
    WECHAT_PICTURES.contains(&host)
}

/// Where the `src` (or `data-src`) attributes of raw `<img>`s that show a WeChat picture stand
/// in `body`.
fn html_wechat_pictures(body: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for host in WECHAT_PICTURES {
        for at in memmem::find_iter(body.as_bytes(), host.as_bytes()) {
            let before = &body[..at];
            let Some(quote) = before.rfind(['"', '\'']) else {
                continue;
            };
            let attr = before[..quote].trim_end_matches('=');
            if attr.ends_with("src")
                && before[quote + 1..]
                    .bytes()
                    .all(|b| !b.is_ascii_whitespace())
            {
                out.push(attr.len() - 3);
            }
        }
    }
    out.sort_unstable();
    out
}

fn wechat_picture(src: &SourceFile, at: usize) -> Diagnostic {
    Diagnostic::error(
        "image.wechat",
        "这张图片在微信的服务器上：微信不允许别的网站引用，读者看到的会是“此图片来自微信公众平台，未经允许不可引用”",
    )
    .at(src, at, at + 1)
    .hint("把图片下载下来（如存为 photo-1.jpg），放在本文件旁边，写成 `![说明](photo-1.jpg)`")
}

/// A picture reference that is a path on the editor's computer (`C:\Users\…\photo.jpg`,
/// `file:///…`, `/Users/…`): the error, unlocated, with where to copy the file (`dir`, the
/// content file's folder under content/). `None` for anything else.
pub fn local_path(reference: &str, dir: &str) -> Option<Diagnostic> {
    let r = reference.trim();
    let drive = r.len() > 2
        && r.as_bytes()[0].is_ascii_alphabetic()
        && r.as_bytes()[1] == b':'
        && matches!(r.as_bytes()[2], b'\\' | b'/');
    let file_url = r.get(..5).is_some_and(|s| s.eq_ignore_ascii_case("file:"));
    let home = ["/Users/", "/home/", "~/", "\\\\"]
        .iter()
        .any(|p| r.starts_with(p));
    if !(drive || file_url || home) {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(r).decode_utf8_lossy();
    let name = decoded
        .rsplit(['/', '\\'])
        .next()
        .filter(|n| !n.is_empty())
        .unwrap_or("photo.jpg");
    Some(
        Diagnostic::error(
            "asset.local-path",
            format!("图片 `{reference}` 是你电脑上的文件路径：网站的读者打不开它（Typora、Word 插入图片时常这样写）"),
        )
        .hint(format!(
            "把这张图片复制到 content/{dir}/ 里，再只写文件名：`{name}`"
        )),
    )
}

/// The page a link to a content file leads to (`../craftsmen/li-na/index.md` written in
/// `content/stories/x.md` → `/craftsmen/li-na/`): relative to the file's folder, to `content/`
/// for Zola's `@/`, or root-relative. `None` when the link is not to a `.md` file.
pub fn source_file_link(url: &str, file: &str) -> Option<String> {
    let path = url.split(['#', '?']).next().unwrap_or(url);
    if !path.ends_with(".md") || path.contains("://") {
        return None;
    }
    let dir = file
        .strip_prefix("content/")
        .unwrap_or(file)
        .rsplit_once('/')
        .map_or("", |(d, _)| d);
    let joined = if let Some(rest) = path.strip_prefix("@/") {
        rest.to_string()
    } else if let Some(rest) = path.strip_prefix('/') {
        rest.strip_prefix("content/").unwrap_or(rest).to_string()
    } else {
        format!("{dir}/{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let last = parts.pop()?;
    match last {
        "index.md" | "_index.md" => {}
        name => parts.push(name.strip_suffix(".md")?),
    }
    if parts.first() == Some(&"pages") {
        parts.remove(0);
    }
    Some(if parts.is_empty() {
        "/".to_string()
    } else {
        format!("/{}/", parts.join("/"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(body: &str, images: &[Link]) -> Vec<(&'static str, usize, usize)> {
        let src = SourceFile::new("a.md", body);
        let mut d = Diagnostics::new();
        check(&src, body, 0, images, &mut d);
        d.into_sorted()
            .into_iter()
            .map(|d| (d.code, d.line, d.column))
            .collect()
    }

    #[test]
    fn a_paste_from_word_is_one_warning() {
        let body = "正文。\n\n<p class=\"MsoNormal\"><span style=\"mso-bidi-font-family:宋体\">他在车间</span><o:p></o:p></p>\n<p class=\"MsoNormal\">第二段<o:p></o:p></p>\n";
        assert_eq!(found(body, &[]), [("markdown.pasted-rich-text", 3, 4)]);
        let wechat = "<section style=\"margin:0\" data-tools=\"135编辑器\"><p>正文</p></section>\n";
        assert_eq!(found(wechat, &[]), [("markdown.pasted-rich-text", 1, 1)]);
        assert!(found("<kbd>Ctrl</kbd> 和 <sup>2</sup>\n", &[]).is_empty());
    }

    #[test]
    fn wechat_pictures_in_markdown_and_html() {
        let body = "![](https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg)\n\n<img src=\"https://mmbiz.qpic.cn/x/640\">\n\n[原文](https://mp.weixin.qq.com/s/abc)\n";
        let images = [Link {
            url: "https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg".into(),
            offset: 0,
        }];
        assert_eq!(
            found(body, &images),
            [("image.wechat", 1, 1), ("image.wechat", 3, 6)]
        );
    }

    #[test]
    fn paths_on_the_editors_computer() {
        for p in [
            "C:\\Users\\zhang\\Desktop\\车床.jpg",
            "file:///C:/Users/zhang/%E8%BD%A6%E5%BA%8A.jpg",
            "/Users/zhang/Desktop/车床.jpg",
        ] {
            let d = local_path(p, "craftsmen").unwrap_or_else(|| panic!("{p}"));
            assert_eq!(d.code, "asset.local-path");
            assert_eq!(
                d.hint.as_deref(),
                Some("把这张图片复制到 content/craftsmen/ 里，再只写文件名：`车床.jpg`")
            );
        }
        for p in ["photo.jpg", "/static/a.png", "https://x.org/a.jpg", "c.jpg"] {
            assert!(local_path(p, "craftsmen").is_none(), "{p}");
        }
    }

    #[test]
    fn links_to_content_files_lead_to_their_pages() {
        let f = "content/craftsmen/zhang-wei.md";
        let page = |u| source_file_link(u, f);
        assert_eq!(page("li-na.md").as_deref(), Some("/craftsmen/li-na/"));
        assert_eq!(page("li-na/index.md").as_deref(), Some("/craftsmen/li-na/"));
        assert_eq!(
            page("../stories/first-story.md#a").as_deref(),
            Some("/stories/first-story/")
        );
        assert_eq!(
            page("@/craftsmen/li-na/index.md").as_deref(),
            Some("/craftsmen/li-na/")
        );
        assert_eq!(page("/content/pages/about.md").as_deref(), Some("/about/"));
        assert_eq!(
            page("../craftsmen/_index.md").as_deref(),
            Some("/craftsmen/")
        );
        assert_eq!(page("/craftsmen/li-na/"), None);
    }
}
