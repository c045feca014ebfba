//! The field tables of every kind of content file: profiles, cohorts, stories, brands, pages and site.yaml.

use super::{same, Alias, Field, Means, Need, Schema, Type, Vocab};

const fn field(key: &'static str, label: &'static str, ty: Type, example: &'static str) -> Field {
    Field {
        key,
        label,
        aliases: &[],
        ty,
        need: Need::Optional,
        example,
        about: "",
        stat: None,
    }
}

const fn note(text: &'static str, note: &'static str) -> Alias {
    Alias {
        text,
        means: Means::Note(note),
    }
}

const fn opposite(text: &'static str) -> Alias {
    Alias {
        text,
        means: Means::Opposite,
    }
}

const NUMBER: Type = Type::Number {
    min: 0,
    max: i64::MAX,
};
const PATENT_COUNT: Type = Type::Number {
    min: 0,
    max: 100_000,
};

// Aliases shared by a profile and a cohort's inline member.
const NAME: &[Alias] = &[
    same("名字"),
    same("工匠姓名"),
    same("人名"),
    same("full_name"),
    same("fullname"),
];
const EMPLOYER: &[Alias] = &[
    same("单位"),
    same("工作单位名称"),
    same("公司"),
    same("企业"),
    same("所在单位"),
    same("company"),
    same("organization"),
    same("organisation"),
    same("workplace"),
];
const POST: &[Alias] = &[
    same("职务"),
    same("工种"),
    same("职位"),
    same("岗位工种"),
    same("job"),
    same("position"),
];
const INDUSTRY: &[Alias] = &[
    same("行业"),
    same("门类"),
    same("所属行业"),
    same("行业分类"),
    same("sector"),
];
const SUMMARY: &[Alias] = &[
    same("摘要"),
    same("简介"),
    same("一句话介绍"),
    same("介绍"),
    same("description"),
    same("desc"),
    same("excerpt"),
];
const TITLE: &[Alias] = &[same("标题"), same("题目"), same("名称")];
const SLUG: &[Alias] = &[
    same("网址"),
    note(
        "url",
        "网址名只写网址的最后一段（小写字母、数字和 -），不写完整网址",
    ),
    note(
        "permalink",
        "网址名只写网址的最后一段（小写字母、数字和 -），不写完整网址",
    ),
];
const ORDER: &[Alias] = &[same("顺序"), same("序号"), same("排列顺序"), same("weight")];

/// A craftsman's profile: the front matter of content/craftsmen/<slug>.md.
pub static PROFILE: Schema = Schema {
    what: "人物资料的字段区",
    open: false,
    fields: &[
        Field {
            aliases: &[
                same("名字"),
                same("工匠姓名"),
                same("人名"),
                same("full_name"),
                same("fullname"),
                note("title", "人物资料的标题就是姓名，写在 `name`"),
            ],
            need: Need::Required,
            about: "工匠本人的姓名",
            ..field("name", "姓名", Type::Text, "张伟")
        },
        Field {
            aliases: &[same("拼音"), same("读音"), same("姓名读音")],
            about: "只在姓名读音容易读错时填写，用来排序和搜索；小写拼音，音节之间空一格",
            ..field("pinyin", "姓名拼音", Type::Text, "chen changqing")
        },
        Field {
            aliases: SLUG,
            about: "网址中的名字；不填就用文件名（或文件夹名）；只能是小写字母、数字和 `-`",
            ..field("slug", "网址名", Type::Text, "zhang-wei")
        },
        Field {
            aliases: &[
                same("批次"),
                same("年份"),
                same("入选年份"),
                same("年度"),
                same("批次年份"),
                note("year", "人物资料里的入选年份写在 `cohort`"),
                same("batch"),
            ],
            need: Need::Required,
            about: "入选年份，2016 至今年；必须和列出此人的批次文件一致",
            ..field("cohort", "批次年份", Type::Year, "2021")
        },
        Field {
            aliases: &[same("工匠级别"), same("层级")],
            need: Need::Default("市级"),
            about: "选树的层级；区局、产业系统选树的工匠写 `局级`",
            ..field("level", "级别", Type::Choice(Vocab::Level), "区级")
        },
        Field {
            aliases: &[same("工会"), same("推荐工会"), same("推荐渠道")],
            about: "某工会、某行业协会，或 `自荐`",
            ..field("union", "推荐单位", Type::Text, "某区总工会")
        },
        Field {
            aliases: EMPLOYER,
            need: Need::Required,
            about: "工作单位全称",
            ..field("employer", "工作单位", Type::Text, "上海某某机械有限公司")
        },
        Field {
            aliases: POST,
            need: Need::Required,
            about: "岗位或工种",
            ..field("post", "岗位", Type::Text, "数控车工")
        },
        Field {
            aliases: INDUSTRY,
            need: Need::Required,
            about: "所属的国民经济行业门类：写门类名称（如 `制造业`）或字母（如 `C`），见门类表",
            ..field("industry", "行业门类", Type::Industry, "制造业")
        },
        Field {
            aliases: &[
                same("技艺"),
                same("专长"),
                same("特长"),
                same("技术专长"),
                same("skill"),
            ],
            about: "技能、技艺，写成列表：方括号和英文逗号，不要用顿号",
            ..field("skills", "技能", Type::Texts, "[焊接, 数控加工]")
        },
        Field {
            aliases: &[same("品牌"), same("参与品牌"), same("参与的工匠品牌")],
            about: "参加的品牌项目，写品牌文件名（`content/brands/` 下的文件名，不带 `.md`）",
            ..field("brands", "工匠品牌", Type::Slugs, "[service-team, studio]")
        },
        Field {
            aliases: &[
                same("头像"),
                same("相片"),
                same("图片"),
                same("image"),
                same("picture"),
                same("avatar"),
            ],
            about: "文件名，和资料文件放在同一个文件夹里（用 `<网址名>/index.md` 的放法）；必须存在，**大小写也要一致**（`Photo.JPG` 和 `photo.jpg` 不一样）",
            ..field("photo", "照片", Type::File, "photo.jpg")
        },
        Field {
            aliases: SUMMARY,
            about: "一句话介绍，显示在工匠卡片上（建议填写）",
            ..field("summary", "简介", Type::Text, "把焊缝焊成“签名”的船厂电焊工。")
        },
        Field {
            aliases: &[
                same("一线"),
                same("是否一线"),
                same("是否来自生产一线"),
                same("一线工人"),
            ],
            about: "来自生产一线写 `true`，不是写 `false`",
            stat: Some("来自生产一线的人数和比例"),
            ..field("frontline", "生产一线", Type::Bool, "true")
        },
        Field {
            aliases: &[
                same("工龄"),
                same("从业年限"),
                same("年限"),
                same("工作年数"),
            ],
            about: "工作了多少年：只写数字，**不带“年”**",
            stat: Some("平均工作年限"),
            ..field("work_years", "工作年限", Type::Number { min: 0, max: 70 }, "26")
        },
        Field {
            aliases: &[same("文化程度"), same("最高学历"), same("degree")],
            about: "最高学历",
            stat: Some("本科以上学历（本科、硕士、博士）"),
            ..field("education", "学历", Type::Choice(Vocab::Education), "本科")
        },
        Field {
            aliases: &[same("职业技能等级"), same("技能证书")],
            about: "职业技能等级证书的级别",
            stat: Some("高级技能等级证书（高级工、技师、高级技师）；其中技师、高级技师"),
            ..field("skill_level", "技能等级", Type::Choice(Vocab::SkillLevel), "高级技师")
        },
        Field {
            aliases: &[same("职称等级"), same("专业技术职称"), same("技术职称")],
            about: "职称的级别（不写职称名称）",
            stat: Some("高级职称（副高级、正高级）"),
            ..field("title_level", "职称", Type::Choice(Vocab::TitleLevel), "中级")
        },
        Field {
            aliases: &[
                same("专利数"),
                same("专利数量"),
                same("专利情况"),
                same("patent"),
            ],
            about: "各种专利的项数：`invention`（发明专利）、`utility_model`（实用新型专利）、`design`（外观设计专利），都是 ≥ 0 的整数；没有专利写 0，不要删掉",
            stat: Some("拥有发明 / 实用新型 / 外观设计专利的人数"),
            ..field("patents", "专利", Type::Map(&PATENTS), "")
        },
        Field {
            aliases: &[
                same("荣誉"),
                same("获奖"),
                same("获奖情况"),
                same("荣誉称号"),
                same("奖励"),
                same("award"),
                same("honors"),
                same("honours"),
            ],
            about: "每项写成 `{ name, grade, year }`（`grade`、`year` 可省），或者直接写奖项名称；没有获奖写 `awards: []`",
            stat: Some("国家科技进步奖、上海市科技进步奖（按等级）的项数"),
            ..field(
                "awards",
                "奖项",
                Type::List {
                    item: &AWARD,
                    text: Some("全国技术能手"),
                },
                "",
            )
        },
        Field {
            aliases: &[
                same("效益"),
                same("经济效益"),
                same("创效"),
                same("创造效益（元）"),
                same("benefit"),
            ],
            about: "为企业创造的效益，**单位是元**：只写数字，不带“万元”“元”，不加逗号（1200万元写 `12000000`）",
            stat: Some("累计创造效益"),
            ..field("benefit_cny", "创造效益", NUMBER, "12000000")
        },
        Field {
            aliases: &[
                same("发布"),
                same("公开"),
                same("是否公开"),
                opposite("draft"),
                opposite("草稿"),
                opposite("hidden"),
                opposite("隐藏"),
                opposite("撤下"),
            ],
            need: Need::Default("true"),
            about: "设为 `false` 时，这份资料不再出现在网站上，但文件保留，以后改回 `true` 即可恢复",
            ..field("published", "是否发布", Type::Bool, "false")
        },
        Field {
            aliases: &[
                same("内部信息"),
                same("私密信息"),
                same("隐私"),
                same("个人信息"),
            ],
            about: "编辑部内部使用的信息（电话、身份证号、住址、备注），**无论模板怎么写，都不会出现在网站的任何文件里**",
            ..field("private", "内部资料", Type::Map(&PRIVATE), "")
        },
        Field {
            aliases: &[
                same("附加"),
                same("扩展"),
                same("自定义"),
                same("params"),
                same("custom"),
            ],
            about: "交给主题模板使用的其他数据",
            ..field("extra", "附加数据", Type::Map(&EXTRA), "{ 座右铭: 干一行爱一行 }")
        },
    ],
};

/// A profile's patents.
pub static PATENTS: Schema = Schema {
    what: "专利",
    open: false,
    fields: &[
        Field {
            aliases: &[same("发明"), same("发明专利数")],
            about: "项数",
            ..field("invention", "发明专利", PATENT_COUNT, "1")
        },
        Field {
            aliases: &[same("实用新型"), same("新型专利"), same("实用新型专利数")],
            about: "项数",
            ..field("utility_model", "实用新型专利", PATENT_COUNT, "3")
        },
        Field {
            aliases: &[same("外观设计"), same("外观专利"), same("外观设计专利数")],
            about: "项数",
            ..field("design", "外观设计专利", PATENT_COUNT, "0")
        },
    ],
};

/// One award of a profile's `awards`.
pub static AWARD: Schema = Schema {
    what: "奖项",
    open: false,
    fields: &[
        Field {
            aliases: &[same("名称"), same("奖项"), same("title")],
            need: Need::Required,
            about: "奖项全称，如 `国家科技进步奖`、`上海市科技进步奖`",
            ..field("name", "奖项名称", Type::Text, "上海市科技进步奖")
        },
        Field {
            aliases: &[same("等次"), same("级别"), same("奖项等级"), same("level")],
            about: "`一等奖`、`二等奖`、`三等奖` 等",
            ..field("grade", "等级", Type::Text, "二等奖")
        },
        Field {
            aliases: &[same("获奖年份"), same("年度"), same("date")],
            about: "获奖的年份",
            ..field(
                "year",
                "年份",
                Type::Number {
                    min: 1949,
                    max: 2100,
                },
                "2019",
            )
        },
    ],
};

/// What a profile keeps for the editors only: open, any key may be written.
pub static PRIVATE: Schema = Schema {
    what: "内部资料",
    open: true,
    fields: &[
        Field {
            aliases: &[
                same("手机"),
                same("手机号"),
                same("手机号码"),
                same("联系电话"),
                same("电话号码"),
                same("mobile"),
                same("tel"),
                same("telephone"),
            ],
            about: "加英文引号",
            ..field("phone", "电话", Type::Text, "\"13800000000\"")
        },
        Field {
            aliases: &[
                same("身份证"),
                same("身份证号码"),
                same("证件号"),
                same("id_card"),
            ],
            about: "加英文引号",
            ..field(
                "id_number",
                "身份证号",
                Type::Text,
                "\"000000000000000000\"",
            )
        },
        Field {
            aliases: &[same("地址"), same("家庭住址"), same("home_address")],
            about: "家庭住址",
            ..field("address", "住址", Type::Text, "某区某路（示例）")
        },
        Field {
            aliases: &[same("备注信息"), same("note"), same("remarks")],
            about: "编辑部自己的备注",
            ..field("notes", "备注", Type::Text, "采访请提前一周联系本人。")
        },
    ],
};

/// What a profile hands to the theme: open, any key may be written.
pub static EXTRA: Schema = Schema {
    what: "附加数据",
    open: true,
    fields: &[],
};

/// A cohort: content/cohorts/<year>.yaml.
pub static COHORT: Schema = Schema {
    what: "批次文件",
    open: false,
    fields: &[
        Field {
            aliases: &[
                same("年度"),
                same("批次"),
                same("批次年份"),
                note("cohort", "批次文件里的年份写在 `year`"),
            ],
            need: Need::Required,
            about: "入选年份，必须和文件名相同",
            ..field("year", "年份", Type::Year, "2021")
        },
        Field {
            aliases: &[
                same("名称"),
                same("批次名称"),
                same("题目"),
                note("name", "批次的名称写在 `title`"),
            ],
            need: Need::Required,
            about: "批次的名称，显示在批次页上",
            ..field("title", "标题", Type::Text, "2021年度“上海工匠”")
        },
        Field {
            aliases: &[
                same("命名大会"),
                same("大会日期"),
                same("日期"),
                same("命名日期"),
                same("date"),
            ],
            about: "格式 `YYYY-MM-DD`",
            ..field("ceremony", "命名大会日期", Type::Date, "2021-11-18")
        },
        Field {
            aliases: &[
                same("介绍"),
                same("说明"),
                same("批次简介"),
                same("description"),
                same("summary"),
            ],
            about: "可以写 Markdown；多行时写 `intro: |`，下一行起缩进两格",
            ..field("intro", "简介", Type::Markdown, "第六批“上海工匠”。")
        },
        Field {
            aliases: &[
                same("成员"),
                same("名单"),
                same("人员"),
                same("入选名单"),
                same("工匠"),
                same("craftsmen"),
            ],
            need: Need::Required,
            about: "每行一位：有资料的写网址名（资料文件名），还没有资料的写 `{ name, employer, industry, post }`",
            ..field(
                "members",
                "成员名单",
                Type::List {
                    item: &MEMBER,
                    text: Some("zhang-wei"),
                },
                "",
            )
        },
    ],
};

/// A cohort member with no profile yet, written in the list.
pub static MEMBER: Schema = Schema {
    what: "成员",
    open: false,
    fields: &[
        Field {
            aliases: NAME,
            need: Need::Required,
            about: "入选者的姓名",
            ..field("name", "姓名", Type::Text, "李华")
        },
        Field {
            aliases: EMPLOYER,
            about: "工作单位全称",
            ..field("employer", "工作单位", Type::Text, "上海某某公司")
        },
        Field {
            aliases: INDUSTRY,
            about: "行业门类名称或字母",
            ..field("industry", "行业门类", Type::Industry, "制造业")
        },
        Field {
            aliases: POST,
            about: "岗位或工种",
            ..field("post", "岗位", Type::Text, "钳工")
        },
    ],
};

/// A skills story: content/stories/<slug>.md.
pub static STORY: Schema = Schema {
    what: "故事的字段区",
    open: false,
    fields: &[
        Field {
            aliases: &[same("题目"), same("名称"), same("name")],
            need: Need::Required,
            about: "故事的标题",
            ..field("title", "标题", Type::Text, "一条焊缝")
        },
        Field {
            aliases: SLUG,
            about: "网址中的名字；不填就用文件名；只能是小写字母、数字和 `-`",
            ..field("slug", "网址名", Type::Text, "weld-seam")
        },
        Field {
            aliases: &[
                same("发布日期"),
                same("时间"),
                same("发表日期"),
                same("pubdate"),
                same("published_at"),
            ],
            need: Need::Required,
            about: "发布日期，格式 `YYYY-MM-DD`",
            ..field("date", "日期", Type::Date, "2023-04-18")
        },
        Field {
            aliases: &[
                same("工匠"),
                same("人物"),
                same("相关人物"),
                same("people"),
                same("authors"),
            ],
            about: "故事涉及的工匠的网址名，会在工匠页面上互相链接",
            ..field("craftsmen", "相关工匠", Type::Slugs, "[qiu-zhiqiang]")
        },
        Field {
            aliases: &[
                same("封面"),
                same("题图"),
                same("图片"),
                same("image"),
                same("thumbnail"),
            ],
            about: "放在故事文件旁边（`content/stories/`）或写 `/images/x.jpg`（`content/static/images/x.jpg`）",
            ..field("cover", "封面图", Type::File, "weld.jpg")
        },
        Field {
            aliases: SUMMARY,
            about: "显示在列表和订阅源中",
            ..field("summary", "摘要", Type::Text, "一条焊缝背后，是三十多年的功夫。")
        },
    ],
};

/// A brand programme: content/brands/<slug>.md.
pub static BRAND: Schema = Schema {
    what: "品牌的字段区",
    open: false,
    fields: &[
        Field {
            aliases: TITLE,
            need: Need::Required,
            about: "品牌项目的名称",
            ..field("title", "品牌名称", Type::Text, "工匠服务队")
        },
        Field {
            aliases: SLUG,
            about: "网址中的名字；不填就用文件名",
            ..field("slug", "网址名", Type::Text, "service-team")
        },
        Field {
            aliases: ORDER,
            need: Need::Required,
            about: "在品牌列表中的顺序",
            ..field("order", "排序", Type::Number { min: 1, max: 99 }, "6")
        },
        Field {
            aliases: SUMMARY,
            about: "一句话介绍",
            ..field("summary", "简介", Type::Text, "213名工匠组成服务队……")
        },
        Field {
            aliases: &[same("关键数字"), same("数据"), same("指标"), same("stats")],
            about: "品牌的关键数字，每项是 `{ label, value }`，两项都是文字",
            ..field(
                "figures",
                "数字",
                Type::List {
                    item: &FIGURE,
                    text: None,
                },
                "",
            )
        },
    ],
};

/// One of a brand's `figures`.
pub static FIGURE: Schema = Schema {
    what: "数字",
    open: false,
    fields: &[
        Field {
            aliases: &[same("名称"), same("项目"), same("name")],
            need: Need::Required,
            about: "这个数字说的是什么",
            ..field("label", "说明", Type::Text, "服务队工匠")
        },
        Field {
            aliases: &[same("数字"), same("数量"), same("number")],
            need: Need::Required,
            about: "数字带上单位，如 `213名`",
            ..field("value", "数值", Type::Text, "213名")
        },
    ],
};

/// A free page: content/pages/<slug>.md.
pub static PAGE: Schema = Schema {
    what: "页面的字段区",
    open: false,
    fields: &[
        Field {
            aliases: TITLE,
            need: Need::Required,
            about: "页面的标题",
            ..field("title", "标题", Type::Text, "关于“上海工匠”")
        },
        Field {
            aliases: SLUG,
            about: "网址中的名字；不填就用文件名",
            ..field("slug", "网址名", Type::Text, "about")
        },
        Field {
            aliases: SUMMARY,
            about: "一句话介绍",
            ..field("summary", "摘要", Type::Text, "计划简介。")
        },
        Field {
            aliases: ORDER,
            need: Need::Default("100"),
            about: "在导航中的顺序",
            ..field("order", "排序", Type::Number { min: 0, max: 999 }, "1")
        },
    ],
};

/// The site settings: content/site.yaml.
pub static SITE: Schema = Schema {
    what: "site.yaml ",
    open: false,
    fields: &[
        Field {
            aliases: &[
                same("站点名称"),
                same("网站名称"),
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
            need: Need::Default("1000"),
            about: "“工匠名录”（A–Z 索引）和每个行业页每页最多列出的人数；人数更多时自动分页（`/craftsmen/page/2/`、`/industries/C/page/2/` …），字母跳转会带到所在的页，行业数据表在第一页",
            ..field(
                "index_page_size",
                "名录每页人数",
                Type::Number {
                    min: 1,
                    max: 100_000,
                },
                "1000",
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
        Field {
            aliases: &[same("页尾"), same("版权"), same("copyright")],
            about: "每页底部的文字",
            ..field("footer", "页脚", Type::Text, "本站为演示站点……")
        },
    ],
};

/// One item of site.yaml's `nav`.
pub static NAV: Schema = Schema {
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
pub static NAMES: Schema = Schema {
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

/// Words editors write for a closed value, and the value each means.
pub fn value_aliases(vocab: Vocab) -> &'static [(&'static str, &'static str)] {
    match vocab {
        Vocab::Level => &[
            ("市级工匠", "市级"),
            ("上海工匠", "市级"),
            ("区级工匠", "区级"),
        ],
        Vocab::Education => &[
            ("大学本科", "本科"),
            ("学士", "本科"),
            ("大学专科", "大专"),
            ("专科", "大专"),
            ("高职", "大专"),
            ("硕士研究生", "硕士"),
            ("博士研究生", "博士"),
            ("中等专科", "中专"),
            ("技校", "中专"),
            ("职高", "高中"),
        ],
        Vocab::SkillLevel => &[
            ("一级", "高级技师"),
            ("二级", "技师"),
            ("三级", "高级工"),
            ("四级", "中级工"),
            ("五级", "初级工"),
        ],
        Vocab::TitleLevel => &[
            ("正高级工程师", "正高级"),
            ("教授级高级工程师", "正高级"),
            ("高级工程师", "副高级"),
            ("高工", "副高级"),
            ("工程师", "中级"),
            ("助理工程师", "初级"),
            ("技术员", "初级"),
        ],
        Vocab::NameOrder => &[("拼音", "pinyin"), ("笔画", "stroke")],
    }
}
