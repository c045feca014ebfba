//! The field table of content/site.yaml and of its navigation items and name orders.

use super::tables::{field, note};
use super::{same, Field, Need, Schema, Type, Vocab};

/// The site settings: content/site.yaml.
pub(crate) static SITE: Schema = Schema {
    what: "site.yaml ",
    open: false,
    fields: &[
        Field {
            aliases: &[
                same("网站名称"),
                same("标题"),
                same("网站标题"),
                same("站名"),
                same("名称"),
                same("site_name"),
                same("name"),
            ],
            need: Need::Required,
            about: "显示在每页顶部和浏览器标签上",
            ..field("title", "站点名称", Type::Text, "上海工匠")
        },
        Field {
            aliases: &[same("tagline")],
            about: "显示在站点名称旁",
            ..field("subtitle", "副标题", Type::Text, "选拔·宣传·提升·服务")
        },
        Field {
            aliases: &[same("简介"), same("描述"), same("介绍"), same("summary")],
            about: "一句话介绍，用于搜索引擎摘要（`<meta description>`）",
            ..field("description", "站点简介", Type::Text, "“上海工匠”培养选树计划的网站")
        },
        Field {
            aliases: &[
                same("网址"),
                same("域名"),
                same("地址"),
                same("url"),
                same("site_url"),
            ],
            need: Need::Required,
            about: "网站正式地址，以 `http://` 或 `https://` 开头，以 `/` 结尾；可以带子路径（能接受的写法见下面“设置里的链接”）",
            ..field("base_url", "网站地址", Type::Url, "https://example.org/")
        },
        Field {
            aliases: &[same("lang"), same("language_code")],
            need: Need::Default("zh-CN"),
            about: "网页的语言代码",
            ..field("language", "语言", Type::Text, "zh-CN")
        },
        Field {
            aliases: &[same("模板"), same("皮肤")],
            need: Need::Default("default"),
            about: "使用的主题（`themes/` 下的文件夹名）",
            ..field("theme", "主题", Type::Text, "default")
        },
        Field {
            aliases: &[same("演示"), same("示例"), same("示例站点")],
            need: Need::Default("false"),
            about: "设为 `true` 时，每个页面都会注明“站内人物为虚构”",
            ..field("demo", "演示站点", Type::Bool, "true")
        },
        Field {
            aliases: &[same("压缩")],
            need: Need::Default("true"),
            about: "是否压缩生成的网页",
            ..field("minify", "压缩输出", Type::Bool, "true")
        },
        Field {
            aliases: &[
                same("每页人数"),
                same("分页"),
                same("paginate"),
                same("per_page"),
            ],
            need: Need::Default("60"),
            about: "每个列表页每页最多列出的条数：工匠名录（A–Z 索引）、每个行业、每个批次的名单、每个品牌的工匠和技艺故事列表；更多时自动分页（`/craftsmen/page/2/`、`/cohorts/2018/page/2/` …），顺序不变，页首写明第几页、共几页，字母跳转会带到该字母所在的页；批次介绍、品牌介绍和数据表只在第一页",
            ..field(
                "index_page_size",
                "列表每页条数",
                Type::Number {
                    min: 1,
                    max: 100_000,
                },
                "60",
            )
        },
        Field {
            aliases: &[
                same("导航栏"),
                same("菜单"),
                note("menu", "导航栏写在 `nav`，每项写成 `{ title, url }`"),
            ],
            about: "导航栏，每项是 `{ title, url }`；`url` 写站内路径，以 `/` 开头（不以 `/` 开头的相对路径会报错：它在首页以外的页面上会指向别处），也可以写外站的完整网址、`mailto:` 或 `tel:` 链接，见下",
            ..field(
                "nav",
                "导航",
                Type::List {
                    item: &NAV,
                    text: None,
                },
                "",
            )
        },
        Field {
            aliases: &[same("排序"), same("姓名顺序")],
            about: "姓名的排序方式，见下",
            ..field("names", "姓名排序", Type::Map(&NAMES), "")
        },
        FOOTER,
        ORGANISER,
        CONTACT_FIELD,
        ICP,
        GONGAN,
        Field {
            aliases: &[
                same("标志"),
                same("徽标"),
                same("会徽"),
                same("图标"),
                same("emblem"),
            ],
            about: "主办单位的标志图片，放在 `content/static/` 里，写文件名（如 `emblem.png`，PNG、JPEG、WebP 或 SVG）；显示在页底主办单位旁，发布前去掉图片里的拍摄信息",
            ..field("logo", "主办单位标志", Type::File, "emblem.png")
        },
    ],
};

/// site.yaml's `contact`: the organiser's public contacts.
pub(crate) static CONTACT: Schema = Schema {
    what: "联系方式",
    open: false,
    fields: &[
        Field {
            aliases: &[same("电话"), same("tel"), same("telephone")],
            about:
                "单位的固定电话或服务热线，如 `021-12345678`；不要填个人手机号（会按个人信息报错）",
            ..field("phone", "联系电话", Type::Text, "021-12345678")
        },
        Field {
            aliases: &[
                same("邮箱"),
                same("电子邮箱"),
                same("邮件"),
                same("mail"),
                same("e-mail"),
            ],
            about: "单位的公开邮箱，如 `office@example.org`",
            ..field("email", "电子邮箱", Type::Text, "office@example.org")
        },
        Field {
            aliases: &[same("通讯地址"), same("单位地址")],
            about: "单位地址",
            ..field("address", "联系地址", Type::Text, "上海市某某路 100 号")
        },
    ],
};

/// One item of site.yaml's `nav`.
pub(crate) static NAV: Schema = Schema {
    what: "导航",
    open: false,
    fields: &[
        Field {
            aliases: &[same("文字"), same("名称"), same("name")],
            need: Need::Required,
            about: "导航栏上显示的文字",
            ..field("title", "导航文字", Type::Text, "工匠")
        },
        Field {
            aliases: &[same("网址"), same("地址"), same("link"), same("href")],
            need: Need::Required,
            about: "站内路径（以 `/` 开头）、完整网址、`mailto:` 或 `tel:` 链接",
            ..field("url", "链接", Type::Url, "/craftsmen/")
        },
    ],
};

/// site.yaml's `names`: how lists of names are sorted.
pub(crate) static NAMES: Schema = Schema {
    what: "姓名排序",
    open: false,
    fields: &[
        Field {
            aliases: &[same("索引"), same("工匠索引")],
            need: Need::Default("pinyin"),
            about: "“工匠”总索引的排序：按姓氏拼音（并按首字母分组 A–Z）或按姓氏笔画",
            ..field(
                "index",
                "工匠索引排序",
                Type::Choice(Vocab::NameOrder),
                "pinyin",
            )
        },
        Field {
            aliases: &[same("批次名单"), same("名单")],
            need: Need::Default("stroke"),
            about: "批次名单的排序：按姓氏笔画或按拼音",
            ..field(
                "cohort",
                "批次名单排序",
                Type::Choice(Vocab::NameOrder),
                "stroke",
            )
        },
    ],
};

/// The text at the foot of every page (site.yaml's, and a union site's own).
pub(crate) const FOOTER: Field = Field {
    aliases: &[same("页尾"), same("版权"), same("copyright")],
    about: "每页底部的文字",
    ..field("footer", "页脚", Type::Text, "本站为演示站点……")
};

/// The organiser shown at the foot of every page.
pub(crate) const ORGANISER: Field = Field {
    aliases: &[
        same("主办"),
        same("主办方"),
        same("organizer"),
        same("sponsor"),
    ],
    about: "主办单位的全称，显示在每页底部",
    ..field("organiser", "主办单位", Type::Text, "上海市总工会")
};

/// The organiser's public contacts.
pub(crate) const CONTACT_FIELD: Field = Field {
    aliases: &[same("联系"), same("联系我们"), same("contacts")],
    about: "主办单位对外公开的联系方式（电话、邮箱、地址），显示在每页底部，见下",
    ..field("contact", "联系方式", Type::Map(&CONTACT), "")
};

/// The ICP filing number.
pub(crate) const ICP: Field = Field {
    aliases: &[
        same("备案号"),
        same("网站备案号"),
        same("ICP"),
        same("beian"),
        same("icp_beian"),
    ],
    about: "工信部 ICP 备案号，照备案系统里的写法，如 `沪ICP备12345678号` 或 `沪ICP备2021012345号-1`（字母、数字用半角）；页底显示并链接到 https://beian.miit.gov.cn/",
    ..field("icp", "ICP备案号", Type::Text, "沪ICP备12345678号")
};

/// The public security filing number.
pub(crate) const GONGAN: Field = Field {
    aliases: &[
        same("公安备案"),
        same("公网安备"),
        same("police"),
        same("gongan_beian"),
    ],
    about: "公安机关互联网站备案号，如 `沪公网安备 31010102000001号`（14 位数字）；页底显示并链接到公安部备案查询页，前面带一个小图标",
    ..field("gongan", "公安备案号", Type::Text, "沪公网安备 31010102000001号")
};
