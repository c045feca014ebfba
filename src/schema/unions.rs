//! The field tables of a union's file, a union's own site and a profile's selections by unions.

use super::tables::{field, note};
use super::{same, Field, Need, Schema, Type, Vocab};

/// A union (区局（产业）工会) or an association: content/unions/<slug>.yaml.
pub(crate) static UNION: Schema = Schema {
    what: "工会文件",
    open: false,
    fields: &[
        Field {
            aliases: &[
                same("名称"),
                same("工会名称"),
                same("单位名称"),
                note("title", "工会的名称写在 `name`"),
            ],
            need: Need::Required,
            about: "全称，显示在工会页和人物的入选经历上",
            ..field("name", "名称", Type::Text, "徐汇区总工会")
        },
        Field {
            aliases: &[same("类型"), same("类别"), same("type")],
            need: Need::Required,
            about: "`区`（区总工会，评选区级工匠）、`局`（局工会）或 `产业`（产业工会，评选局级工匠）；只推荐、不评选的协会等写 `协会`",
            ..field("kind", "类型", Type::Choice(Vocab::UnionKind), "区")
        },
        Field {
            aliases: &[
                same("介绍"),
                same("简介"),
                same("说明"),
                same("description"),
                same("summary"),
            ],
            about: "可以写 Markdown；多行时写 `intro: |`，下一行起缩进两格",
            ..field("intro", "简介", Type::Markdown, "徐汇区总工会自2018年起评选“徐汇工匠”。")
        },
        Field {
            aliases: &[same("网站"), same("自己的网站"), same("子站")],
            about: "这个工会自己的网站（可省）：`gongjiang build --site <文件名>` 生成它，见下",
            ..field("site", "工会网站", Type::Map(&UNION_SITE), "")
        },
    ],
};

/// A union's own site: the `site` of content/unions/<slug>.yaml.
pub(crate) static UNION_SITE: Schema = Schema {
    what: "工会网站",
    open: false,
    fields: &[
        Field {
            aliases: &[same("网站名称"), same("标题"), same("名称"), same("name")],
            need: Need::Required,
            about: "显示在每页顶部和浏览器标签上",
            ..field("title", "站点名称", Type::Text, "徐汇工匠")
        },
        Field {
            aliases: &[same("tagline")],
            about: "显示在站点名称旁",
            ..field("subtitle", "副标题", Type::Text, "徐汇区总工会")
        },
        Field {
            aliases: &[same("简介"), same("描述"), same("介绍"), same("summary")],
            about: "一句话介绍，用于搜索引擎摘要",
            ..field("description", "站点简介", Type::Text, "徐汇区工匠的网站")
        },
        Field {
            aliases: &[same("网址"), same("域名"), same("地址"), same("url")],
            need: Need::Required,
            about: "这个网站的正式地址，以 `http://` 或 `https://` 开头，以 `/` 结尾",
            ..field("base_url", "网站地址", Type::Url, "https://xuhui.example.org/")
        },
        Field {
            aliases: &[same("模板"), same("皮肤")],
            about: "使用的主题（`themes/` 下的文件夹名）；不写就和市级网站相同",
            ..field("theme", "主题", Type::Text, "default")
        },
        Field {
            aliases: &[same("导航栏"), same("菜单")],
            about: "导航栏，每项是 `{ title, url }`，写法和 site.yaml 的 `nav` 相同；不写就用本站各栏目",
            ..field(
                "nav",
                "导航",
                Type::List {
                    item: &super::site::NAV,
                    text: None,
                },
                "",
            )
        },
        // The foot of its pages: by default the union as organiser, no contacts, and the city
        // site's filing numbers only when it lives at the city's host (docs/content.md).
        super::site::FOOTER,
        super::site::ORGANISER,
        super::site::CONTACT_FIELD,
        super::site::ICP,
        super::site::GONGAN,
    ],
};

/// One of a profile's `selections`: a selection by a union.
pub(crate) static SELECTION: Schema = Schema {
    what: "入选经历",
    open: false,
    fields: &[
        Field {
            aliases: &[same("年份"), same("年度"), same("入选年份"), same("cohort")],
            need: Need::Required,
            about: "入选的年份；必须有这个工会这一年的批次文件",
            ..field("year", "年份", Type::Year, "2018")
        },
        Field {
            aliases: &[
                same("工会"),
                same("评选单位"),
                same("评选工会"),
                same("union"),
            ],
            need: Need::Required,
            about: "评选的工会：写它在 `content/unions/` 下的文件名（不带 `.yaml`）",
            ..field("by", "评选单位", Type::Text, "xuhui")
        },
    ],
};
