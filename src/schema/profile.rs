//! The field table of a craftsman's profile and of its nested mappings (patents, awards, private data).

use super::tables::{
    field, note, opposite, EMPLOYER, INDUSTRY, NUMBER, PATENT_COUNT, POST, SLUG, SUMMARY,
};
use super::{same, Field, Need, Schema, Type, Vocab};

/// A craftsman's profile: the front matter of content/craftsmen/<slug>.md.
pub(crate) static PROFILE: Schema = Schema {
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
                note(
                    "title",
                    "人物资料的标题就是姓名，写在 `name`（职称写在 `title_level`）",
                ),
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
            about: "入选“上海工匠”（市级）的年份，2016 至今年；必须和列出此人的批次文件一致。只被区局（产业）工会评选过的人不写它，写 `selections`",
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
            about: "推荐此人的单位：某工会、某行业协会，或 `自荐`；写的是 `content/unions/` 下某个工会的文件名或全称时，网页上链接到它的页面",
            ..field("union", "推荐单位", Type::Text, "某区总工会")
        },
        Field {
            aliases: &[
                same("入选经历"),
                same("评选经历"),
                same("区局评选"),
                same("selection"),
            ],
            about: "被区局（产业）工会评选的经历，每项写成 `{ year, by }`：`by` 是评选工会的文件名；必须和那个工会的批次文件一致。市级的入选仍写在 `cohort`",
            ..field(
                "selections",
                "入选经历",
                Type::List {
                    item: &crate::schema::SELECTION,
                    text: None,
                },
                "",
            )
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
            about: "文件名，和资料文件放在同一个文件夹里（用 `<网址名>/index.md` 的放法）；必须存在，**大小写也要一致**（`Photo.JPG` 和 `photo.jpg` 不一样）；不能写网址或 `data:` 开头的内嵌图片",
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
pub(crate) static PATENTS: Schema = Schema {
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
pub(crate) static AWARD: Schema = Schema {
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
pub(super) static PRIVATE: Schema = Schema {
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
pub(super) static EXTRA: Schema = Schema {
    what: "附加数据",
    open: true,
    fields: &[],
};
