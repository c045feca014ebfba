//! Markdown → safe HTML, with headings, links and plain text for the rest of the pipeline.
//!
//! One pass of pulldown-cmark, then a few event-stream fixes for Chinese text, then ammonia, each
//! pass in its own file, called in order by [`render`]:
//!
//! 1. `**` beside CJK punctuation (`**注意：**正文`) is paired again with the CJK-friendly
//!    flanking rules, because pulldown-cmark 0.13 leaves it literal or pairs it wrongly
//!    (`**注意：**正文**强调**` comes out nested);
//! 2. a soft line break between two CJK characters is dropped (`上海\n工匠` → `上海工匠`);
//! 3. every heading gets a unique id (Chinese kept), footnotes get `fn-N`/`fnref-N` ids and are
//!    gathered at the end, table alignment becomes a class instead of inline style;
//! 4. the HTML goes through ammonia, which also prefixes root-relative URLs with the base path
//!    and marks images `loading="lazy"`.
//!
//! Every step is a single walk over the events: rendering stays linear in the input size.

mod cjk;
mod footnotes;
mod headings;
mod html;
mod lines;
mod links;
mod sanitize;
mod strong;
mod text;

pub use sanitize::allowed;

use crate::source::is_stray_control;
use footnotes::Footnotes;
use pulldown_cmark::{CowStr, Event, Options as CmarkOptions, Parser, Tag, TagEnd};
use serde::Serialize;
use std::ops::Range;

/// How to render: settings that come from the site, not from the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options<'a> {
    /// Where the site lives, e.g. `/` or `/gongjiang/`: prefixed to root-relative URLs.
    pub base_path: &'a str,
}

/// A rendered document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    /// Sanitised HTML.
    pub html: String,
    /// Plain text (code and footnotes included); block boundaries become `'\n'`.
    pub text: String,
    /// Every heading in document order.
    pub headings: Vec<Heading>,
    /// Every Markdown link destination as written (before base-path prefixing).
    pub links: Vec<Link>,
    /// Every Markdown image source as written.
    pub images: Vec<Link>,
    /// What the document publishes as text, in source order, with where each piece stands in
    /// the input: for finding personal data and pointing at its line. Empty when the input has
    /// too few digits to hold a personal number.
    #[serde(skip)]
    pub published: SourceText,
    /// What the sanitiser removes from the raw HTML typed in the document, where it stands.
    #[serde(skip)]
    pub removed: Vec<crate::raw_html::Removal>,
}

/// Text in source order, each piece with the byte offset in the input it comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceText {
    pub text: String,
    /// (offset in `text`, offset in the input) where each piece starts, in order.
    origins: Vec<(usize, usize)>,
}

impl SourceText {
    fn push(&mut self, piece: &str, origin: usize) {
        if piece.is_empty() {
            return;
        }
        self.origins.push((self.text.len(), origin));
        self.text.push_str(piece);
    }

    /// The input offset of the piece that holds `text` offset `at`.
    pub fn origin(&self, at: usize) -> usize {
        let i = self.origins.partition_point(|&(t, _)| t <= at);
        i.checked_sub(1).map_or(0, |i| self.origins[i].1)
    }
}

/// A heading and the id its anchor got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// Unique within the document; never empty.
    pub id: String,
    /// Plain text of the heading.
    pub text: String,
}

/// A link or image destination and where it starts in the Markdown input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The URL as written; an e-mail autolink `<a@b.cn>` is recorded as `mailto:a@b.cn`.
    pub url: String,
    /// Byte offset of the `[` (or `!` of an image, `<` of an autolink) in the input.
    pub offset: usize,
}

/// Renders one Markdown document. Never panics; the same input always gives the same output.
pub fn render(markdown: &str, options: &Options) -> Rendered {
    let parser_options = CmarkOptions::ENABLE_TABLES
        | CmarkOptions::ENABLE_FOOTNOTES
        | CmarkOptions::ENABLE_STRIKETHROUGH
        | CmarkOptions::ENABLE_HEADING_ATTRIBUTES;
    let parsed: Vec<Spanned> = Parser::new_ext(markdown, parser_options)
        .into_offset_iter()
        .map(|(event, range)| (without_controls(event), range))
        .collect();
    let removed = if memchr::memchr(b'<', markdown.as_bytes()).is_some() {
        crate::raw_html::removals(markdown, &raw_html_ranges(&parsed), allowed())
    } else {
        Vec::new()
    };
    let spanned = lines::join_cjk_lines(strong::repair(markdown, parsed));
    let (links, images) = links::collect_links(&spanned);
    // Only text that can hold a personal number is looked at again.
    let published = if crate::privacy::numbers::may_hold_one(markdown) {
        text::published_text(&spanned)
    } else {
        SourceText::default()
    };
    let mut events: Vec<Event> = spanned.into_iter().map(|(event, _)| event).collect();
    let footnotes = Footnotes::number(&events);
    let headings = headings::assign_heading_ids(&mut events, footnotes.reserved_ids());
    let events = footnotes::move_footnotes_last(events, &footnotes);
    let text = text::plain_text(&events);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, html::html_events(events, &footnotes).into_iter());
    let mut html = sanitize::sanitizer(options.base_path)
        .clean(&raw)
        .to_string();
    // Character references inside raw HTML (`<b>&#x1b;</b>`) are decoded by the sanitiser.
    if html.contains(is_stray_control) {
        html.retain(|c| !is_stray_control(c));
    }
    Rendered {
        html,
        text,
        headings,
        links,
        images,
        published,
        removed,
    }
}
/// Where the raw HTML of a document stands: each HTML block whole, each inline tag.
fn raw_html_ranges(events: &[Spanned]) -> Vec<Range<usize>> {
    events
        .iter()
        .filter(|(event, _)| matches!(event, Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_)))
        .map(|(_, range)| range.clone())
        .collect()
}

type Spanned<'a> = (Event<'a>, Range<usize>);

/// The event without the control characters that character references (`&#11;`, `&#x85;`) put
/// into its text: the file itself is clean already ([`crate::load::text`]).
fn without_controls(event: Event) -> Event {
    fn clean(t: CowStr) -> CowStr {
        if t.contains(is_stray_control) {
            CowStr::from(
                t.chars()
                    .filter(|&c| !is_stray_control(c))
                    .collect::<String>(),
            )
        } else {
            t
        }
    }
    match event {
        Event::Text(t) => Event::Text(clean(t)),
        Event::Code(t) => Event::Code(clean(t)),
        Event::Html(t) => Event::Html(clean(t)),
        Event::InlineHtml(t) => Event::InlineHtml(clean(t)),
        event => event,
    }
}

/// Events that live inside a paragraph, heading or table cell.
fn is_inline(event: &Event) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Html(_) | Event::Rule => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(markdown: &str) -> String {
        render(markdown, &Options { base_path: "/" }).html
    }

    fn html_under(markdown: &str, base_path: &str) -> String {
        render(markdown, &Options { base_path }).html
    }

    fn text(markdown: &str) -> String {
        render(markdown, &Options { base_path: "/" }).text
    }

    fn heading_ids(markdown: &str) -> Vec<String> {
        let rendered = render(markdown, &Options { base_path: "/" });
        rendered.headings.into_iter().map(|h| h.id).collect()
    }

    #[test]
    fn character_references_to_control_characters_are_dropped() {
        let md = "## 标&#x1b;题\n\n引用&#11;和&#x1b;与&#127;及&#x85;，`码&#x1b;`<b>&#x1b;粗&#x9b;体</b>\n\n[链&#x0c;接](/a/ \"题&#x1b;\")";
        let r = render(md, &Options { base_path: "/" });
        let all = format!("{}{}{:?}", r.html, r.text, r.headings);
        assert!(!all.contains(is_stray_control), "{all:?}");
        assert!(r.html.contains("引用和与及"), "{}", r.html);
        assert!(r.html.contains("<b>粗体</b>"), "{}", r.html);
        assert_eq!(r.headings[0].text, "标题");
    }

    #[test]
    fn straight_quotes_stay_straight() {
        let out = html("他说\"精益求精\"，'匠心' -- 是...");
        assert!(
            out.contains("&quot;精益求精&quot;") || out.contains("\"精益求精\""),
            "{out}"
        );
        assert!(out.contains("'匠心' -- 是..."), "{out}");
        assert!(
            !out.contains('“') && !out.contains('–') && !out.contains('…'),
            "{out}"
        );
    }

    #[test]
    fn tables_footnotes_and_strikethrough_are_on() {
        let out = html("| a |\n|---|\n| 1 |\n\n~~旧~~ 新[^1]\n\n[^1]: 注");
        assert!(
            out.contains("<table>") && out.contains("<td>1</td>"),
            "{out}"
        );
        assert!(out.contains("<del>旧</del>"), "{out}");
        assert!(out.contains("footnote-definition"), "{out}");
    }

    #[test]
    fn soft_break_between_cjk_characters_disappears() {
        assert_eq!(html("上海\n工匠"), "<p>上海工匠</p>\n");
        assert_eq!(text("上海\n工匠"), "上海工匠");
        assert_eq!(html("第一句。\n第二句"), "<p>第一句。第二句</p>\n");
        assert_eq!(html("全角（括号）\n继续"), "<p>全角（括号）继续</p>\n");
        assert_eq!(html("**上海**\n工匠"), "<p><strong>上海</strong>工匠</p>\n");
        assert_eq!(html("かな\nカナ"), "<p>かなカナ</p>\n");
    }

    #[test]
    fn soft_break_elsewhere_stays() {
        assert_eq!(html("hello\nworld"), "<p>hello\nworld</p>\n");
        assert_eq!(html("上海\nShanghai"), "<p>上海\nShanghai</p>\n");
        assert_eq!(html("Shanghai\n上海"), "<p>Shanghai\n上海</p>\n");
        assert_eq!(
            html("한국\n사람"),
            "<p>한국\n사람</p>\n",
            "Korean is written with spaces"
        );
        assert_eq!(text("hello\nworld"), "hello\nworld");
        assert_eq!(
            html("上海  \n工匠"),
            "<p>上海<br>\n工匠</p>\n",
            "hard break kept"
        );
    }

    #[test]
    fn strong_beside_cjk_punctuation_is_bold() {
        assert_eq!(
            html("**注意：**正文"),
            "<p><strong>注意：</strong>正文</p>\n"
        );
        assert_eq!(
            html("**“工匠精神”**是"),
            "<p><strong>“工匠精神”</strong>是</p>\n"
        );
        assert_eq!(
            html("他的**“工匠精神”**是"),
            "<p>他的<strong>“工匠精神”</strong>是</p>\n"
        );
        assert_eq!(
            html("前文**（重点）**后文"),
            "<p>前文<strong>（重点）</strong>后文</p>\n"
        );
        assert_eq!(
            html("**注意：**正文**强调：**后文"),
            "<p><strong>注意：</strong>正文<strong>强调：</strong>后文</p>\n"
        );
        assert_eq!(
            html("**注意：**正文**强调**"),
            "<p><strong>注意：</strong>正文<strong>强调</strong></p>\n",
            "pulldown-cmark nests these; the CJK rules pair them in order"
        );
    }

    #[test]
    fn strong_repair_inside_other_inlines_lists_headings_and_cells() {
        assert_eq!(
            html("_强调 **注意：**正文_"),
            "<p><em>强调 <strong>注意：</strong>正文</em></p>\n"
        );
        assert_eq!(
            html("[**注意：**正文](/x/)"),
            "<p><a href=\"/x/\"><strong>注意：</strong>正文</a></p>\n"
        );
        assert_eq!(
            html("- **注意：**正文\n- b"),
            "<ul>\n<li><strong>注意：</strong>正文</li>\n<li>b</li>\n</ul>\n"
        );
        let rendered = render("## **注意：**正文", &Options { base_path: "/" });
        assert_eq!(
            rendered.html,
            "<h2 id=\"注意正文\"><strong>注意：</strong>正文</h2>\n"
        );
        assert_eq!(rendered.headings[0].text, "注意：正文");
        assert!(html("| **注意：**正文 |\n|---|\n| x |")
            .contains("<th><strong>注意：</strong>正文</th>"));
    }

    #[test]
    fn ordinary_and_unpaired_stars_are_left_alone() {
        assert_eq!(html("a **b** c"), "<p>a <strong>b</strong> c</p>\n");
        assert_eq!(html("a **b**c"), "<p>a <strong>b</strong>c</p>\n");
        assert_eq!(html("孤单的 ** 星号"), "<p>孤单的 ** 星号</p>\n");
        assert_eq!(html("**注意：正文"), "<p>**注意：正文</p>\n");
        assert_eq!(html("2 ** 3 ** 4"), "<p>2 ** 3 ** 4</p>\n");
        assert_eq!(html("***粗斜***体"), html("***粗斜***体"));
        assert_eq!(html("\\*\\*注意：\\*\\*正文"), "<p>**注意：**正文</p>\n");
        assert_eq!(html("__注意__"), "<p><strong>注意</strong></p>\n");
        assert_eq!(
            html("*a* **b** ***c***"),
            "<p><em>a</em> <strong>b</strong> <em><strong>c</strong></em></p>\n"
        );
    }

    #[test]
    fn stars_in_code_are_untouched() {
        assert_eq!(
            html("`**注意：**` 正文 **注意：**正文"),
            "<p><code>**注意：**</code> 正文 <strong>注意：</strong>正文</p>\n"
        );
        assert_eq!(
            html("```\n**注意：**正文\n```"),
            "<pre><code>**注意：**正文\n</code></pre>\n"
        );
        assert_eq!(
            html("    **注意：**正文\n"),
            "<pre><code>**注意：**正文\n</code></pre>\n"
        );
    }

    #[test]
    fn heading_ids_keep_chinese_and_drop_punctuation() {
        assert_eq!(heading_ids("## 主要事迹"), ["主要事迹"]);
        assert_eq!(heading_ids("## Hello, World! 你好。"), ["hello-world-你好"]);
        assert_eq!(heading_ids("## 《匠心》：传承、创新"), ["匠心传承创新"]);
        assert_eq!(heading_ids("## A  &  B"), ["a-b"]);
        assert_eq!(
            heading_ids("## snake_case and-dash"),
            ["snake_case-and-dash"]
        );
        assert_eq!(heading_ids("## `code` 块"), ["code-块"]);
    }

    #[test]
    fn heading_ids_are_unique_and_never_empty() {
        assert_eq!(
            heading_ids("## 主要事迹\n## 主要事迹\n## 主要事迹"),
            ["主要事迹", "主要事迹-1", "主要事迹-2"]
        );
        assert_eq!(heading_ids("## ？\n## ！！"), ["section", "section-1"]);
        assert_eq!(heading_ids("## a-1\n## a\n## a"), ["a-1", "a", "a-2"]);
        assert_eq!(heading_ids("## 事迹\n## 其他 {#事迹}"), ["事迹-1", "事迹"]);
        assert_eq!(
            heading_ids("## fn 1\n\n正文[^x]\n\n[^x]: 注"),
            ["fn-1-1"],
            "footnote ids are taken"
        );
    }

    #[test]
    fn explicit_heading_id_is_honoured_and_other_attributes_dropped() {
        let rendered = render(
            "## 经历 {#career .big data-x=1}",
            &Options { base_path: "/" },
        );
        assert_eq!(rendered.html, "<h2 id=\"career\">经历</h2>\n");
        assert_eq!(
            rendered.headings,
            [Heading {
                level: 2,
                id: "career".into(),
                text: "经历".into()
            }]
        );
    }

    #[test]
    fn headings_record_level_id_and_text_and_fragment_links_work() {
        let rendered = render(
            "# 张三\n\n### 主要事迹\n\n见[事迹](#主要事迹)。",
            &Options { base_path: "/" },
        );
        let levels: Vec<u8> = rendered.headings.iter().map(|h| h.level).collect();
        assert_eq!(levels, [1, 3]);
        assert_eq!(rendered.headings[1].text, "主要事迹");
        assert!(rendered.html.contains("<h3 id=\"主要事迹\">"));
        assert!(rendered
            .html
            .contains("href=\"#%E4%B8%BB%E8%A6%81%E4%BA%8B%E8%BF%B9\""));
        assert_eq!(rendered.links[0].url, "#主要事迹");
    }

    #[test]
    fn footnote_ids_are_prefixed() {
        let out = html("甲[^a]乙[^note]丙[^a]\n\n[^a]: 第一\n\n[^note]: 第二");
        assert!(
            out.contains(
                "<sup class=\"footnote-reference\" id=\"fnref-1\"><a href=\"#fn-1\">1</a></sup>"
            ),
            "{out}"
        );
        assert!(
            out.contains("id=\"fnref-2\"><a href=\"#fn-2\">2</a>"),
            "{out}"
        );
        assert!(
            out.contains("id=\"fnref-1-2\"><a href=\"#fn-1\">1</a>"),
            "{out}"
        );
        assert!(
            out.contains("<div class=\"footnote-definition\" id=\"fn-1\">"),
            "{out}"
        );
        assert!(
            out.contains("<a href=\"#fnref-1\" class=\"footnote-backref\">"),
            "{out}"
        );
        assert!(
            out.contains("<a href=\"#fnref-1-2\" class=\"footnote-backref\">"),
            "{out}"
        );
        assert!(out.contains("<section class=\"footnotes\">"), "{out}");
        for bare in [
            "id=\"a\"",
            "id=\"1\"",
            "href=\"#a\"",
            "href=\"#1\"",
            "id=\"note\"",
        ] {
            assert!(!out.contains(bare), "{bare} in {out}");
        }
    }

    #[test]
    fn footnotes_are_gathered_at_the_end_in_reference_order() {
        let out = html("[^b]: 乙注\n\n正文[^a][^b]\n\n[^a]: 甲注\n\n结尾");
        let body = out.find("结尾").unwrap();
        let first = out.find("甲注").unwrap();
        let second = out.find("乙注").unwrap();
        assert!(body < first && first < second, "{out}");
    }

    #[test]
    fn dangerous_html_is_removed() {
        let out = html(concat!(
            "<script>alert(1)</script>\n\n",
            "<style>p{}</style>\n\n",
            "<div onclick=\"steal()\" style=\"color:red\">文字</div>\n\n",
            "<iframe src=\"https://evil.example/\"></iframe>\n\n",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">\n\n",
            "<form action=\"/x\"><input name=\"q\"><button>提交</button></form>\n\n",
            "<img src=\"x.jpg\" onerror=\"steal()\">\n\n",
            "[a](javascript:alert(1)) [b](vbscript:msgbox) [c](data:text/html,x) ",
            "<a href=\"JaVaScRiPt:alert(1)\">d</a> ![e](data:image/png;base64,AAAA)",
        ));
        for bad in [
            "<script",
            "alert(1)",
            "<style",
            "p{}",
            "onclick",
            "steal",
            "style=",
            "<iframe",
            "<object",
            "<embed",
            "<form",
            "<input",
            "<button",
            "javascript",
            "JaVaScRiPt",
            "vbscript",
            "data:",
        ] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
        assert!(out.contains("<div>文字</div>"), "{out}");
    }

    #[test]
    fn script_links_spelt_with_references_or_hidden_characters_lose_their_target() {
        for link in [
            "[a](java&#x09;script:alert(1))",
            "[a](&#106;avascript:alert(1))",
            "[a](javascript&colon;alert(1))",
            "[a](<java\tscript:alert(1)>)",
            "[a](<\u{1}javascript:alert(1)>)",
            "[a](JAVASCRIPT:alert(1))",
            "<a href=\"java&#x0A;script:alert(1)\">a</a>",
            "<a href=\" &#x01;javascript:alert(1)\">a</a>",
            "[a](vbscript&#58;msgbox)",
            "[a](data&#x3a;text/html,x)",
        ] {
            let out = html(link);
            // What a browser reads from each href: references decoded, tabs and newlines
            // dropped, leading spaces and controls trimmed; the scheme is not percent-decoded.
            for href in out.split("href=\"").skip(1) {
                let value = href.split('"').next().unwrap_or("");
                let read: String = value
                    .replace("&amp;", "&")
                    .chars()
                    .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                    .collect();
                let read = read
                    .trim_start_matches(|c: char| c <= ' ')
                    .to_ascii_lowercase();
                assert!(
                    !["javascript:", "vbscript:", "data:"]
                        .iter()
                        .any(|s| read.starts_with(s))
                        && !read.starts_with('&'),
                    "{link} → {out}"
                );
            }
        }
    }

    #[test]
    fn markdown_markup_survives_sanitising() {
        let out = html(concat!(
            "## 标题\n\n> 引用\n\n1. 一\n2. 二\n\n- 甲\n\n---\n\n",
            "行一  \n行二 ~~删~~ `代码` [链接](https://example.com \"题\")\n\n",
            "```rust\nfn main() {}\n```\n\n",
            "| 左 | 中 | 右 | 无 |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n\n",
            "![照片](a.jpg \"标题\")",
        ));
        for good in [
            "<h2 id=\"标题\">标题</h2>",
            "<blockquote>",
            "<ol>",
            "<ul>",
            "<hr>",
            "<br>",
            "<del>删</del>",
            "<code>代码</code>",
            "<a href=\"https://example.com\" title=\"题\">链接</a>",
            "<code class=\"language-rust\">",
            "<th class=\"align-left\">左</th>",
            "<th class=\"align-center\">中</th>",
            "<th class=\"align-right\">右</th>",
            "<th>无</th>",
            "<td class=\"align-right\">3</td>",
            "<img src=\"a.jpg\" alt=\"照片\" title=\"标题\" loading=\"lazy\">",
        ] {
            assert!(out.contains(good), "{good} not in {out}");
        }
        assert!(!out.contains("style="), "{out}");
        assert!(!out.contains("rel="), "{out}");
    }

    #[test]
    fn raw_html_cannot_smuggle_classes_or_style() {
        let out = html("<td class=\"align-left evil\">x</td>\n\n<p class=\"x\" style=\"a\">y</p>");
        assert!(!out.contains("evil") && !out.contains("class=\"x\"") && !out.contains("style"));
    }

    #[test]
    fn root_relative_urls_get_the_base_path() {
        let md = concat!(
            "[a](/craftsmen/x/) ![b](/media/p.jpg) [c](#top) [d](photo.jpg) ",
            "[e](https://example.com/x) [f](//cdn.example.com/x) [g](mailto:a@b.cn) ",
            "<a href=\"/raw/\">h</a>"
        );
        let out = html_under(md, "/sub/");
        for good in [
            "href=\"/sub/craftsmen/x/\"",
            "src=\"/sub/media/p.jpg\"",
            "href=\"#top\"",
            "href=\"photo.jpg\"",
            "href=\"https://example.com/x\"",
            "href=\"//cdn.example.com/x\"",
            "href=\"mailto:a@b.cn\"",
            "href=\"/sub/raw/\"",
        ] {
            assert!(out.contains(good), "{good} not in {out}");
        }
        assert_eq!(
            html_under("[a](/x/)", "/"),
            "<p><a href=\"/x/\">a</a></p>\n"
        );
        assert_eq!(html_under("[a](/x/)", ""), "<p><a href=\"/x/\">a</a></p>\n");
        assert_eq!(
            html_under("[a](/x/)", "sub"),
            "<p><a href=\"/sub/x/\">a</a></p>\n"
        );
    }

    #[test]
    fn links_and_images_are_recorded_as_written_with_offsets() {
        let md = "前文[链接](/x/)\n![图](/p.jpg) <a@b.cn> [参考][r]\n\n[r]: https://example.com";
        let rendered = render(md, &Options { base_path: "/sub/" });
        let links: Vec<(&str, usize)> = rendered
            .links
            .iter()
            .map(|l| (l.url.as_str(), l.offset))
            .collect();
        assert_eq!(
            links,
            [
                ("/x/", md.find("[链接]").unwrap()),
                ("mailto:a@b.cn", md.find("<a@").unwrap()),
                ("https://example.com", md.find("[参考]").unwrap()),
            ]
        );
        assert_eq!(
            rendered.images,
            [Link {
                url: "/p.jpg".into(),
                offset: md.find("![图]").unwrap()
            }]
        );
    }

    #[test]
    fn images_are_lazy_and_keep_alt_text() {
        let out = html("![张三在工作台前 *专注*](p.jpg)\n\n<img src=\"q.jpg\" alt=\"原始\">");
        assert!(
            out.contains("<img src=\"p.jpg\" alt=\"张三在工作台前 专注\" loading=\"lazy\">"),
            "{out}"
        );
        assert!(
            out.contains("<img src=\"q.jpg\" alt=\"原始\" loading=\"lazy\">"),
            "{out}"
        );
    }

    #[test]
    fn plain_text_has_no_markup_and_keeps_code_and_footnotes() {
        let md = concat!(
            "# 标题\n\n**注意：**正文\n第二行[^1]，`代码`。\n\n",
            "- 甲\n- 乙\n\n```\nlet x = 1;\n```\n\n",
            "| 姓名 | 电话 |\n|---|---|\n| 张三 | 123 |\n\n",
            "<div>原始 <b>HTML</b></div>\n\n<script>secret()</script>\n\n",
            "[^1]: 脚注文字"
        );
        assert_eq!(
            text(md),
            "标题\n注意：正文第二行，代码。\n甲\n乙\nlet x = 1;\n姓名\t电话\n张三\t123\n原始 HTML\n脚注文字"
        );
    }

    #[test]
    fn output_is_deterministic() {
        let md = "## 甲\n## 甲\n\n正文[^b][^a][^c]\n\n[^a]: 一\n[^b]: 二\n[^c]: 三\n\n| a | b |\n|:-|-:|\n|1|2|";
        let first = render(md, &Options { base_path: "/sub/" });
        for _ in 0..20 {
            assert_eq!(render(md, &Options { base_path: "/sub/" }), first);
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let deep = |unit: &str, n: usize| unit.repeat(n);
        let inputs = vec![
            String::new(),
            "---".into(),
            "---\n---\n".into(),
            "---\ntitle: x\n---\n正文".into(),
            "\0".into(),
            "a\0b **\0** `\0`".into(),
            "<div><p><span>unclosed".into(),
            "</div></div></p>".into(),
            "<!-- never closed".into(),
            "<script>".into(),
            "***a**b*c**d***".into(),
            "**注意：**正文**".into(),
            "*****".into(),
            "**".into(),
            "\\".into(),
            "[^]: x\n[^".into(),
            "[^a]: [^a]\n\n[^a]".into(),
            "[^a]:\n    [^b]: nested\n\n[^a][^b]".into(),
            "## {#}\n## {#}".into(),
            "|".into(),
            "| a |\n|---|\n| **注意：**正文 | extra |".into(),
            "![![x](y)](z)".into(),
            "[[[[x]]]](y)".into(),
            "\u{FEFF}\u{200B}\r\n\r\n\u{3000}".into(),
            "上\n\n\n海\r\n工\r匠".into(),
            deep(">", 5_000),
            deep("[", 5_000),
            deep("*", 5_000),
            deep("**注", 2_000),
            deep("- ", 500),
            deep("<div>", 2_000),
            deep("*a ", 2_000),
            deep("\\", 5_000) + "**注意：**正文",
        ];
        for input in inputs {
            let rendered = render(&input, &Options { base_path: "/sub/" });
            assert!(!rendered.html.contains("<script"));
        }
    }

    #[test]
    fn large_chinese_document_renders_in_one_pass() {
        let paragraph = "**注意：**张三是上海的一名木工，\n从事**“榫卯”**技艺三十年[^1]，\
                         作品见[作品集](/works/)。![作品](/p.jpg)\n\n";
        let mut md = String::new();
        let mut sections = 0;
        while md.len() < 200 * 1024 {
            md.push_str("## 主要事迹\n\n");
            sections += 1;
            for _ in 0..5 {
                md.push_str(paragraph);
            }
        }
        md.push_str("[^1]: 据采访整理。\n");
        let rendered = render(&md, &Options { base_path: "/sub/" });
        assert_eq!(rendered.headings.len(), sections);
        assert_eq!(
            rendered.headings.last().unwrap().id,
            format!("主要事迹-{}", sections - 1)
        );
        assert_eq!(rendered.links.len(), sections * 5);
        assert_eq!(rendered.html.matches("<strong>").count(), sections * 10);
        assert!(!rendered.text.contains("上海的一名木工，\n"));
        // One long paragraph of bold labels: the delimiter stack keeps this linear.
        let one_paragraph = "**注意：**正文".repeat(20_000);
        let rendered = render(&one_paragraph, &Options { base_path: "/" });
        assert_eq!(rendered.html.matches("<strong>").count(), 20_000);
    }
}
