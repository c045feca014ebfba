//! The field tables of cohorts, stories, brands and pages, the words editors use for closed values, and what the tables of profiles and site.yaml share.

use super::{same, Alias, Field, Means, Need, Schema, Type, Vocab};

pub(super) const fn field(
    key: &'static str,
    label: &'static str,
    ty: Type,
    example: &'static str,
) -> Field {
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

pub(super) const fn note(text: &'static str, note: &'static str) -> Alias {
    Alias {
        text,
        means: Means::Note(note),
    }
}

pub(super) const fn opposite(text: &'static str) -> Alias {
    Alias {
        text,
        means: Means::Opposite,
    }
}

pub(super) const NUMBER: Type = Type::Number {
    min: 0,
    max: i64::MAX,
};
pub(super) const PATENT_COUNT: Type = Type::Number {
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
pub(super) const EMPLOYER: &[Alias] = &[
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
pub(super) const POST: &[Alias] = &[
    same("职务"),
    same("工种"),
    same("职位"),
    same("岗位工种"),
    same("job"),
    same("position"),
];
pub(super) const INDUSTRY: &[Alias] = &[
    same("行业"),
    same("门类"),
    same("所属行业"),
    same("行业分类"),
    same("sector"),
];
pub(super) const SUMMARY: &[Alias] = &[
    same("摘要"),
    same("简介"),
    same("一句话介绍"),
    same("介绍"),
    same("description"),
    same("desc"),
    same("excerpt"),
];
pub(super) const TITLE: &[Alias] = &[same("标题"), same("题目"), same("名称")];
// Other tools' `url` and `permalink` are whole addresses, not a slug: not aliases.
pub(super) const SLUG: &[Alias] = &[same("网址名称"), same("文件名")];
pub(super) const ORDER: &[Alias] = &[same("顺序"), same("序号"), same("排列顺序"), same("weight")];

/// A cohort: content/cohorts/<year>.yaml.
pub(crate) static COHORT: Schema = Schema {
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
pub(crate) static MEMBER: Schema = Schema {
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
pub(crate) static STORY: Schema = Schema {
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
pub(crate) static BRAND: Schema = Schema {
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
pub(crate) static FIGURE: Schema = Schema {
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
pub(crate) static PAGE: Schema = Schema {
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

/// Words editors write for a closed value, and the value each means.
pub(super) fn value_aliases(vocab: Vocab) -> &'static [(&'static str, &'static str)] {
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
        Vocab::UnionKind => &[
            ("区级", "区"),
            ("区总工会", "区"),
            ("局级", "局"),
            ("局工会", "局"),
            ("产业工会", "产业"),
            ("行业", "产业"),
            ("行业协会", "协会"),
        ],
    }
}
