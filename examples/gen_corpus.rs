//! Writes a large, valid gongjiang site for benchmarks: N profiles with 2–5 KB Chinese bodies and
//! every field, N/10 skills stories, the ten brands, cohorts 2016–2025 with their member lists,
//! small generated photos. The same seed gives the same bytes.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --profiles 10000 --seed 1 --out /tmp/site
//! cargo run --release --example gen_corpus -- --profiles 10000 --out /tmp/site --hugo /tmp/hugo-site
//! cargo run --release --example gen_corpus -- --profiles 1000 --unions 56 --district 2000 --out /tmp/u1000
//! ```
//!
//! `--unions U` adds U unions in `content/unions/` (about 16 in 56 district unions, 30 bureau
//! and 10 industry unions; every ninth from the fifth on has not selected anyone yet, the others
//! have cohorts between 2017 and 2023; every one has a `site:` of its own); about 7% of the city's
//! craftsmen were selected by one of them first (`selections`, listed in its cohort), and the
//! placeholder nominating unions become the generated ones. `--district M` adds M craftsmen
//! selected only by a union. Both draw from a random stream of their own: without them the
//! bytes are those of a generator that knows nothing of unions.
//!
//! `--out DIR` gets `content/` and a copy of `themes/default/`; `--hugo DIR` (optional) gets the
//! same content as a Hugo site's `content/` (front matter in Hugo's terms, taxonomies `cohorts`
//! and `industries`), to be built with the templates in `bench/hugo/`. The people, employers and
//! stories are made up.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    pub profiles: usize,
    pub seed: u64,
    pub out: PathBuf,
    pub hugo: Option<PathBuf>,
    /// The theme folder copied to `out/themes/default/`.
    pub theme: PathBuf,
    /// Unions (区局（产业）工会) to write to `content/unions/`, with their cohorts; 0: none, and
    /// the site is exactly what it was before unions existed.
    pub unions: usize,
    /// Craftsmen selected only by a union (区级, 局级), spread over the unions' cohorts.
    pub district: usize,
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub profiles: usize,
    pub withdrawn: usize,
    pub photos: usize,
    pub stories: usize,
    pub cohorts: usize,
    pub files: usize,
    pub bytes: u64,
    /// `--unions`: the unions, their cohorts, the craftsmen selected only by a union, and the
    /// city's craftsmen a union selected first. `withdrawn` counts both kinds of profile.
    pub unions: usize,
    pub union_cohorts: usize,
    pub district: usize,
    pub promoted: usize,
}

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// lo..=hi
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
    "韦", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史",
    "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔",
    "汤", "单", "解", "仇", "区", "查", "欧阳", "司马", "诸葛", "上官",
];

const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "英", "华", "建", "国", "文", "辉", "力", "玉", "萍", "红", "鹏",
    "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "林", "欣", "晨", "佳", "雪", "梅", "琳",
    "晶", "立", "新", "海", "峰", "志", "永", "春", "德", "成", "忠", "东", "晓", "卫", "兵", "云",
    "波", "亮", "飞", "荣", "庆", "昌", "祥", "振", "福", "生", "益", "宏", "毅", "民", "安", "慧",
];

const DISTRICTS: &[&str] = &[
    "浦东", "黄浦", "徐汇", "长宁", "静安", "普陀", "虹口", "杨浦", "闵行", "宝山", "嘉定", "金山",
    "松江", "青浦", "奉贤", "崇明",
];

/// An industry section with the posts, skills and employers the generator draws from.
struct Industry {
    letter: char,
    name: &'static str,
    weight: usize,
    posts: &'static [&'static str],
    skills: &'static [&'static str],
    employers: &'static [&'static str],
}

const INDUSTRIES: &[Industry] = &[
    Industry {
        letter: 'C',
        name: "制造业",
        weight: 40,
        posts: &[
            "数控车工",
            "钳工",
            "电焊工",
            "装配钳工",
            "模具工",
            "铣工",
            "磨工",
            "质检员",
            "工艺员",
        ],
        skills: &[
            "数控加工",
            "精密测量",
            "模具设计",
            "焊接工艺",
            "装配调试",
            "工装夹具改进",
            "特种钢焊接",
            "激光切割",
            "机器人编程",
        ],
        employers: &[
            "精密机械有限公司",
            "船舶制造有限公司",
            "汽车零部件有限公司",
            "航天设备制造有限公司",
            "模具有限公司",
            "电气设备有限公司",
        ],
    },
    Industry {
        letter: 'D',
        name: "电力、热力、燃气及水生产和供应业",
        weight: 8,
        posts: &["带电作业工", "变电检修工", "燃气管网工", "水质检测员"],
        skills: &[
            "配网带电作业",
            "继电保护",
            "管网检漏",
            "水质分析",
            "绝缘工具改进",
        ],
        employers: &["供电服务有限公司", "燃气管网有限公司", "自来水有限公司"],
    },
    Industry {
        letter: 'E',
        name: "建筑业",
        weight: 8,
        posts: &["盾构机操作工", "钢筋工", "测量员", "架子工"],
        skills: &["盾构掘进", "隧道测量", "钢结构安装", "BIM建模"],
        employers: &["隧道工程有限公司", "建设集团有限公司", "市政工程有限公司"],
    },
    Industry {
        letter: 'G',
        name: "交通运输、仓储和邮政业",
        weight: 8,
        posts: &["桥吊司机", "列车司机", "飞机维修工程师", "地铁信号工"],
        skills: &["集装箱装卸", "列车驾驶", "航空器维修", "信号系统维护"],
        employers: &[
            "港口集团有限公司",
            "轨道交通运营有限公司",
            "航空维修有限公司",
        ],
    },
    Industry {
        letter: 'I',
        name: "信息传输、软件和信息技术服务业",
        weight: 5,
        posts: &["网络工程师", "通信线务员", "软件测试工程师"],
        skills: &["光缆熔接", "网络运维", "软件测试", "数据中心运维"],
        employers: &["通信服务有限公司", "信息技术有限公司"],
    },
    Industry {
        letter: 'H',
        name: "住宿和餐饮业",
        weight: 4,
        posts: &["中式烹调师", "面点师", "西式面点师"],
        skills: &["本帮菜烹饪", "面点制作", "刀工", "宴席设计"],
        employers: &["餐饮管理有限公司", "大酒店有限公司"],
    },
    Industry {
        letter: 'M',
        name: "科学研究和技术服务业",
        weight: 5,
        posts: &["检测工程师", "计量员", "实验员"],
        skills: &["无损检测", "计量校准", "材料分析"],
        employers: &["检测技术有限公司", "计量测试研究所"],
    },
    Industry {
        letter: 'N',
        name: "水利、环境和公共设施管理业",
        weight: 3,
        posts: &["环卫设备维修工", "园林绿化工", "泵站运行工"],
        skills: &["设备维修", "古树养护", "泵站运行"],
        employers: &["环境服务有限公司", "园林绿化有限公司"],
    },
    Industry {
        letter: 'O',
        name: "居民服务、修理和其他服务业",
        weight: 3,
        posts: &["钟表维修师", "家电维修工", "美发师"],
        skills: &["钟表修复", "家电维修", "美发造型"],
        employers: &["钟表维修服务部", "家电服务有限公司"],
    },
    Industry {
        letter: 'P',
        name: "教育",
        weight: 4,
        posts: &["实训指导教师", "职业学校教师"],
        skills: &["数控实训教学", "焊接教学", "课程开发"],
        employers: &["高级技工学校", "职业技术学院"],
    },
    Industry {
        letter: 'Q',
        name: "卫生和社会工作",
        weight: 4,
        posts: &["护师", "医学影像技师", "康复治疗师"],
        skills: &["重症护理", "影像诊断", "康复训练"],
        employers: &["医院", "社区卫生服务中心"],
    },
    Industry {
        letter: 'R',
        name: "文化、体育和娱乐业",
        weight: 3,
        posts: &["古籍修复师", "舞台机械师", "印刷工"],
        skills: &["古籍修复", "舞台机械", "雕版印刷"],
        employers: &["图书馆", "大剧院管理有限公司", "印刷有限公司"],
    },
    Industry {
        letter: 'F',
        name: "批发和零售业",
        weight: 2,
        posts: &["茶叶审评员", "珠宝鉴定师"],
        skills: &["茶叶审评", "珠宝鉴定"],
        employers: &["茶叶有限公司", "珠宝有限公司"],
    },
    Industry {
        letter: 'A',
        name: "农、林、牧、渔业",
        weight: 2,
        posts: &["农艺师", "园艺工"],
        skills: &["育种", "设施农业"],
        employers: &["农业发展有限公司", "种业有限公司"],
    },
    Industry {
        letter: 'S',
        name: "公共管理、社会保障和社会组织",
        weight: 1,
        posts: &["社区工作者"],
        skills: &["社区服务"],
        employers: &["街道社区服务中心"],
    },
];

/// slug, title, order, summary
const BRANDS: &[(&str, &str, u32, &str)] = &[
    (
        "documentary",
        "工匠纪录片",
        1,
        "用镜头记录工匠的技艺与故事。",
    ),
    (
        "college",
        "工匠学院",
        2,
        "与上海开放大学合作，为工匠提供继续学习的平台。",
    ),
    (
        "seminar",
        "工匠研修班",
        3,
        "组织工匠集中研修，交流技艺、开阔视野。",
    ),
    (
        "lecture",
        "工匠讲堂",
        4,
        "工匠走进企业和学校，讲技艺、讲经验。",
    ),
    ("club", "工匠俱乐部", 5, "工匠之间交流切磋的平台。"),
    (
        "service-team",
        "工匠服务队",
        6,
        "工匠深入园区，为非公企业解决技术难题。",
    ),
    ("talent-pool", "工匠人才库", 7, "汇集各行业工匠人才的信息。"),
    ("museum", "工匠馆", 8, "展示工匠精神与技艺的场馆。"),
    (
        "studio",
        "劳模和工匠人才创新工作室",
        9,
        "工匠领衔的创新工作室，攻关、带徒、转化成果。",
    ),
    (
        "album",
        "《上海工匠》画册",
        10,
        "用图文记录历年“上海工匠”。",
    ),
];

const UNIONS: &[&str] = &[
    "某区总工会",
    "某产业工会",
    "某集团工会",
    "某行业协会",
    "某局工会",
    "自荐",
];

const EDUCATION: &[&str] = &[
    "高中", "中专", "大专", "大专", "本科", "本科", "本科", "硕士", "博士",
];
const SKILL_LEVEL: &[&str] = &["高级工", "技师", "高级技师", "高级技师", "技师", "无"];
const TITLE_LEVEL: &[&str] = &["无", "初级", "中级", "中级", "副高级", "正高级"];

const QUOTES: &[&str] = &[
    "干一行，爱一行，钻一行。",
    "精度差一丝，质量差一截。",
    "手艺是练出来的，不是看出来的。",
    "把每一个细节做到极致，就是创新。",
    "安全第一，质量至上。",
    "没有解决不了的难题，只有没想到的办法。",
    "师傅领进门，修行靠自己。",
];

/// Sentence patterns: {n} name, {p} post, {e} employer, {s} skill, {y} year, {k} small number,
/// {c} percent, {w} years of work.
const SENTENCES: &[&str] = &[
    "{n}在{e}从事{p}工作已经{w}年。",
    "刚参加工作时，{n}只是一名普通学徒，每天最早到岗、最晚离开。",
    "为了练好{s}，{n}把业余时间几乎都花在了练习上，笔记本写满了{k}本。",
    "{y}年，单位接到一项难度很大的任务，{n}带领班组连续攻关{k}个月，终于拿出了稳定可靠的方案。",
    "这项改进使一次合格率提高了{c}个百分点，每年为企业节约成本{k}0余万元。",
    "在{s}方面，{n}摸索出一套自己的方法：先看、再想、后动手。",
    "同事们评价{n}：“活儿交给{n}，放心。”",
    "近年来，{n}带出徒弟{k}名，不少人已经成长为技师或高级技师。",
    "面对新设备、新工艺，{n}没有停下学习的脚步，先后参加了{k}次专业培训。",
    "{n}把多年积累的经验整理成操作要点，在班组内推广使用。",
    "一次设备突发故障，{n}凭借经验迅速判断出问题所在，只用了{k}个小时就恢复了正常。",
    "{n}牵头的技术革新项目取得了多项专利授权。",
    "在{p}这个岗位上，精度往往以丝计算，一丝就是百分之一毫米。",
    "{n}认为，工匠精神不是口号，而是每天把每一件小事做好。",
    "为了验证一个参数，{n}和同事做了{k}组对比试验，把数据一条条记在本子上。",
    "{y}年，{n}参加行业技能竞赛，获得了第一名。",
    "从{s}到{s}，{n}一步一个脚印，把一项项“不可能”变成了“可以”。",
    "{n}经常说，问题就是课题，难题就是机会。",
    "夜深了，车间里常常只剩{n}一个人，对着图纸反复推敲。",
    "{n}发现，老办法效率低、误差大，就动手设计了新的工装，效率提高了{c}%。",
    "每次作业前，{n}都要把步骤从头到尾检查一遍，一处也不放过。",
    "{n}还走进职业学校，为学生讲授{s}的基本功。",
    "这些年，{n}先后完成技术革新{k}项，解决生产难题{k}个。",
    "年轻人遇到难题，第一个想到的就是去找{n}。",
    "在{e}，{n}领衔的工作室已经成为培养技术骨干的平台。",
    "{n}的工具箱里，有不少工具是自己改制的。",
];

const LIST_ITEMS: &[&str] = &[
    "改进{s}工装，装夹时间缩短{c}%；",
    "编写《{p}操作要点》，用于新员工培训；",
    "参与制定企业标准{k}项；",
    "完成技术革新{k}项，累计创造效益{k}00余万元；",
    "解决{s}中的疑难问题{k}个；",
    "总结“{s}三步法”，在行业内推广；",
    "牵头组建青年技术攻关小组；",
    "带教徒弟{k}名，其中多人获得技师资格；",
];

const STORY_TITLES: &[&str] = &[
    "{n}：毫厘之间见功夫",
    "{p}的一天",
    "把{s}做到极致",
    "{n}和{s}的{w}年",
    "车间里的“问题终结者”",
    "一个参数的{k}次试验",
    "师徒之间",
    "从学徒到工匠",
];

/// One selection by a union: the year, the union's file name and the cohort's title.
struct Selection {
    year: i32,
    by: String,
    title: String,
}

/// name, grade, year
type Award = (String, Option<&'static str>, Option<u32>);

struct Profile {
    slug: String,
    name: String,
    /// The city cohort; `None` for a craftsman selected only by a union.
    cohort: Option<i32>,
    /// Selections by unions (`--unions`): earliest first.
    selections: Vec<Selection>,
    /// Left out of profiles with selections (the level then comes from them).
    level: Option<&'static str>,
    union: String,
    employer: String,
    post: &'static str,
    industry: usize,
    skills: Vec<&'static str>,
    brands: Vec<usize>,
    photo: bool,
    summary: String,
    frontline: Option<bool>,
    work_years: Option<u32>,
    education: Option<&'static str>,
    skill_level: Option<&'static str>,
    title_level: Option<&'static str>,
    patents: Option<(u32, u32, u32)>,
    awards: Option<Vec<Award>>,
    benefit: Option<u64>,
    published: bool,
    motto: Option<&'static str>,
    phone: String,
    body: String,
    /// For the Hugo copy: pinyin reading and index initial.
    pinyin: String,
    initial: char,
}

struct Story {
    slug: String,
    title: String,
    date: (i32, u32, u32),
    craftsmen: Vec<usize>,
    summary: String,
    cover: bool,
    body: String,
}

struct Inline {
    name: String,
    employer: String,
    industry: usize,
    post: &'static str,
}

/// Fills a sentence pattern.
fn fill(rng: &mut Rng, pattern: &str, p: &Profile) -> String {
    let ind = &INDUSTRIES[p.industry];
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut rest = pattern;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let key = &rest[i + 1..i + 2];
        rest = &rest[i + 3..];
        match key {
            "n" => out.push_str(&p.name),
            "p" => out.push_str(p.post),
            "e" => out.push_str(&p.employer),
            "s" => out.push_str(rng.pick(ind.skills)),
            "y" => {
                let _ = write!(out, "{}", rng.range(2005, 2024));
            }
            "k" => {
                let _ = write!(out, "{}", rng.range(2, 30));
            }
            "c" => {
                let _ = write!(out, "{}", rng.range(3, 45));
            }
            "w" => {
                let _ = write!(out, "{}", p.work_years.unwrap_or(20));
            }
            _ => {}
        }
    }
    out.push_str(rest);
    out
}

fn paragraph(rng: &mut Rng, p: &Profile) -> String {
    let n = rng.range(3, 6);
    let mut s = String::new();
    for _ in 0..n {
        let pat = rng.pick(SENTENCES);
        s.push_str(&fill(rng, pat, p));
    }
    s
}

/// A 2–5 KB Markdown story of one profile, with headings, lists, a quote and links that exist.
fn profile_body(rng: &mut Rng, p: &Profile, others: &[(String, String)]) -> String {
    let target = rng.range(2000, 4300) as usize;
    let ind = &INDUSTRIES[p.industry];
    let mut b = String::with_capacity(target + 1024);
    b.push_str("## 主要事迹\n\n");
    for _ in 0..2 {
        b.push_str(&paragraph(rng, p));
        b.push_str("\n\n");
    }
    match (p.cohort, p.selections.first()) {
        (None, Some(s)) => {
            let _ = write!(
                b,
                "{}是[{}](/unions/{}/cohorts/{}/)，来自[{}](/industries/{}/)。\n\n",
                p.name, s.title, s.by, s.year, ind.name, ind.letter
            );
        }
        (cohort, _) => {
            let cohort = cohort.unwrap_or(2016);
            let _ = write!(
                b,
                "{}是[{}年度“上海工匠”](/cohorts/{}/)，来自[{}](/industries/{}/)。\n\n",
                p.name, cohort, cohort, ind.name, ind.letter
            );
        }
    }
    b.push_str("## 技术攻关\n\n");
    b.push_str(&paragraph(rng, p));
    b.push_str("\n\n");
    for i in 0..rng.range(3, 5) {
        let pat = rng.pick(LIST_ITEMS);
        let _ = writeln!(b, "{}. {}", i + 1, fill(rng, pat, p));
    }
    b.push('\n');
    // One unit (a few hundred bytes) at a time, so that the body ends close to its target.
    let mut unit = 0;
    while b.len() < target {
        match unit % 6 {
            0 => {
                b.push_str("## 匠心传承\n\n");
                b.push_str(&paragraph(rng, p));
                b.push_str("\n\n");
            }
            1 => {
                let _ = write!(b, "> {}\n\n", rng.pick(QUOTES));
                for _ in 0..3 {
                    let pat = rng.pick(LIST_ITEMS);
                    let _ = writeln!(b, "- {}", fill(rng, pat, p));
                }
                b.push('\n');
            }
            2 => {
                b.push_str("## 创新成果\n\n");
                let _ = write!(b, "**{}的诀窍：**多看、多问、多练。", p.name);
                b.push_str(&paragraph(rng, p));
                b.push_str("\n\n");
            }
            3 => {
                b.push_str(&paragraph(rng, p));
                b.push_str("\n\n");
            }
            4 => {
                b.push_str("## 工作之外\n\n");
                b.push_str(&paragraph(rng, p));
                if !others.is_empty() {
                    let (slug, name) = &others[rng.below(others.len())];
                    let _ = write!(
                        b,
                        "{}和[{}](/craftsmen/{}/)是多年的老朋友，两人常在一起切磋技艺。",
                        p.name, name, slug
                    );
                }
                b.push_str("\n\n");
            }
            _ => {
                b.push_str(&paragraph(rng, p));
                b.push_str("\n\n");
            }
        }
        unit += 1;
    }
    if let Some(&br) = p.brands.first() {
        let (slug, title, _, _) = BRANDS[br];
        let _ = write!(b, "{}参加了[{}](/brands/{}/)。", p.name, title, slug);
    }
    let _ = writeln!(
        b,
        "更多数据见[数据统计](/stats/)。[^1]\n\n[^1]: 本页人物与情节均为虚构，用于性能测试。"
    );
    b
}

fn chinese_name(rng: &mut Rng) -> String {
    let mut n = String::from(rng.pick(SURNAMES));
    n.push_str(rng.pick(GIVEN));
    if rng.chance(70) {
        n.push_str(rng.pick(GIVEN));
    }
    n
}

fn profile(rng: &mut Rng, i: usize, n: usize) -> Profile {
    profile_in(rng, i, n, None, None)
}

/// An industry drawn by the industries' weights.
fn weighted_industry(rng: &mut Rng) -> usize {
    let total: usize = INDUSTRIES.iter().map(|x| x.weight).sum();
    let mut w = rng.below(total);
    for (j, x) in INDUSTRIES.iter().enumerate() {
        if w < x.weight {
            return j;
        }
        w -= x.weight;
    }
    0
}

/// A profile; `industry` and `district` (of the employer) are drawn when not given.
fn profile_in(
    rng: &mut Rng,
    i: usize,
    n: usize,
    industry: Option<usize>,
    district: Option<&'static str>,
) -> Profile {
    let industry = match industry {
        Some(x) => x,
        None => weighted_industry(rng),
    };
    let ind = &INDUSTRIES[industry];
    let name = chinese_name(rng);
    let key = gongjiang::model::names::name_key(&name, None);
    let slug = format!(
        "{}-{}",
        gongjiang::model::names::slug_from_name(&name),
        i + 1
    );
    let mut skills: Vec<&'static str> = Vec::new();
    for _ in 0..rng.range(1, 3) {
        let s = rng.pick(ind.skills);
        if !skills.contains(&s) {
            skills.push(s);
        }
    }
    let mut brands: Vec<usize> = Vec::new();
    for _ in 0..rng.range(0, 2) {
        let b = rng.below(BRANDS.len());
        if !brands.contains(&b) {
            brands.push(b);
        }
    }
    let work_years = rng.range(12, 42) as u32;
    let maybe = |rng: &mut Rng| !rng.chance(4);
    let awards = maybe(rng).then(|| {
        let mut a = Vec::new();
        for _ in 0..rng.range(0, 4) {
            a.push(match rng.below(6) {
                0 => (
                    "上海市科技进步奖".to_string(),
                    Some(rng.pick(&["一等奖", "二等奖", "三等奖"])),
                    Some(rng.range(2008, 2024) as u32),
                ),
                1 if rng.chance(5) => (
                    "国家科技进步奖".to_string(),
                    Some("二等奖"),
                    Some(rng.range(2008, 2024) as u32),
                ),
                2 => (
                    "全国五一劳动奖章".to_string(),
                    None,
                    Some(rng.range(2008, 2024) as u32),
                ),
                3 => ("全国技术能手".to_string(), None, None),
                _ => (
                    "上海市劳动模范".to_string(),
                    None,
                    Some(rng.range(2005, 2024) as u32),
                ),
            });
        }
        a
    });
    let post = rng.pick(ind.posts);
    let district = match district {
        Some(d) => d,
        None => rng.pick(DISTRICTS),
    };
    let employer = format!("上海{}某某{}", district, rng.pick(ind.employers));
    let summary = format!(
        "{}的{}，{}年如一日钻研{}。",
        employer, post, work_years, skills[0]
    );
    Profile {
        slug,
        cohort: Some(2016 + (i % 10) as i32),
        selections: Vec::new(),
        level: Some(if rng.chance(85) { "市级" } else { "区级" }),
        union: rng.pick(UNIONS).to_string(),
        employer,
        post,
        industry,
        skills,
        brands,
        photo: i % 8 == 3,
        summary,
        frontline: maybe(rng).then(|| rng.chance(79)),
        work_years: maybe(rng).then_some(work_years),
        education: maybe(rng).then(|| rng.pick(EDUCATION)),
        skill_level: maybe(rng).then(|| rng.pick(SKILL_LEVEL)),
        title_level: maybe(rng).then(|| rng.pick(TITLE_LEVEL)),
        patents: maybe(rng).then(|| {
            (
                rng.range(0, 4) as u32,
                rng.range(0, 9) as u32,
                rng.range(0, 1) as u32,
            )
        }),
        awards,
        benefit: maybe(rng).then(|| rng.range(0, 3000) * 10_000),
        published: n < 20 || i % 211 != 7,
        motto: rng.chance(10).then(|| rng.pick(QUOTES)),
        phone: format!("139{:08}", rng.range(0, 99_999_999)),
        body: String::new(),
        pinyin: key.pinyin,
        initial: key.initial,
        name,
    }
}

fn yaml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn profile_front(p: &Profile) -> String {
    let ind = &INDUSTRIES[p.industry];
    let mut f = String::from("---\n");
    let _ = writeln!(f, "name: {}", p.name);
    if let Some(c) = p.cohort {
        let _ = writeln!(f, "cohort: {c}");
    }
    if !p.selections.is_empty() {
        f.push_str("selections:\n");
        for s in &p.selections {
            let _ = writeln!(f, "  - {{ year: {}, by: {} }}", s.year, s.by);
        }
    }
    if let Some(l) = p.level {
        let _ = writeln!(f, "level: {l}");
    }
    let _ = writeln!(f, "union: {}", p.union);
    let _ = writeln!(f, "employer: {}", p.employer);
    let _ = writeln!(f, "post: {}", p.post);
    let _ = writeln!(f, "industry: {}", ind.name);
    let _ = writeln!(f, "skills: [{}]", p.skills.join(", "));
    if !p.brands.is_empty() {
        let b: Vec<&str> = p.brands.iter().map(|&b| BRANDS[b].0).collect();
        let _ = writeln!(f, "brands: [{}]", b.join(", "));
    }
    if p.photo {
        f.push_str("photo: photo.png\n");
    }
    let _ = writeln!(f, "summary: {}", p.summary);
    if let Some(x) = p.frontline {
        let _ = writeln!(f, "frontline: {x}");
    }
    if let Some(x) = p.work_years {
        let _ = writeln!(f, "work_years: {x}");
    }
    if let Some(x) = p.education {
        let _ = writeln!(f, "education: {x}");
    }
    if let Some(x) = p.skill_level {
        let _ = writeln!(f, "skill_level: {x}");
    }
    if let Some(x) = p.title_level {
        let _ = writeln!(f, "title_level: {x}");
    }
    if let Some((a, b, c)) = p.patents {
        let _ = writeln!(
            f,
            "patents: {{ invention: {a}, utility_model: {b}, design: {c} }}"
        );
    }
    if let Some(awards) = &p.awards {
        if awards.is_empty() {
            f.push_str("awards: []\n");
        } else {
            f.push_str("awards:\n");
            for (name, grade, year) in awards {
                match (grade, year) {
                    (None, None) => {
                        let _ = writeln!(f, "  - {name}");
                    }
                    _ => {
                        let _ = write!(f, "  - {{ name: {name}");
                        if let Some(g) = grade {
                            let _ = write!(f, ", grade: {g}");
                        }
                        if let Some(y) = year {
                            let _ = write!(f, ", year: {y}");
                        }
                        f.push_str(" }\n");
                    }
                }
            }
        }
    }
    if let Some(x) = p.benefit {
        let _ = writeln!(f, "benefit_cny: {x}");
    }
    if !p.published {
        f.push_str("published: false\n");
    }
    if let Some(m) = p.motto {
        let _ = writeln!(f, "extra: {{ 座右铭: {} }}", yaml_str(m));
    }
    f.push_str("private:\n");
    let _ = writeln!(f, "  phone: \"{}\"", p.phone);
    f.push_str("  notes: 采访请提前一周联系本人。\n");
    f.push_str("---\n\n");
    f
}

/// The same profile for Hugo: title, the two taxonomies, everything else as params.
fn profile_front_hugo(p: &Profile) -> String {
    let ind = &INDUSTRIES[p.industry];
    let mut f = String::from("---\n");
    let _ = writeln!(f, "title: {}", p.name);
    let _ = writeln!(f, "pinyin: {}", p.pinyin);
    let _ = writeln!(f, "initial: \"{}\"", p.initial);
    let _ = writeln!(f, "cohorts: [\"{}\"]", p.cohort.unwrap_or(2016));
    let _ = writeln!(f, "industries: [\"{}\"]", ind.name);
    let _ = writeln!(f, "industry_letter: {}", ind.letter);
    if !p.published {
        f.push_str("draft: true\n");
    }
    // Everything else is written as in gongjiang's front matter.
    let ours = profile_front(p);
    for line in ours.lines().skip(1) {
        if line == "---" || line.starts_with("private:") {
            break;
        }
        if ["name:", "cohort:", "industry:", "published:"]
            .iter()
            .any(|k| line.starts_with(k))
        {
            continue;
        }
        if let Some(rest) = line.strip_prefix("summary: ") {
            let _ = writeln!(f, "description: {rest}");
            continue;
        }
        let _ = writeln!(f, "{line}");
    }
    f.push_str("---\n\n");
    f
}

fn story_body(rng: &mut Rng, s: &Story, profiles: &[Profile]) -> String {
    let lead = &profiles[s.craftsmen[0]];
    let target = rng.range(2000, 4000) as usize;
    let mut b = String::with_capacity(target + 1024);
    let _ = write!(
        b,
        "[{}](/craftsmen/{}/)是{}的{}。",
        lead.name, lead.slug, lead.employer, lead.post
    );
    b.push_str(&paragraph(rng, lead));
    b.push_str("\n\n");
    let mut k = 0;
    while b.len() < target {
        let p = &profiles[s.craftsmen[k % s.craftsmen.len()]];
        let _ = write!(b, "## {}\n\n", fill(rng, rng_pick_heading(k), p));
        if k % s.craftsmen.len() != 0 || k == 1 {
            let _ = write!(b, "[{}](/craftsmen/{}/)", p.name, p.slug);
        }
        b.push_str(&paragraph(rng, p));
        b.push_str("\n\n");
        b.push_str(&paragraph(rng, p));
        b.push_str("\n\n");
        if k % 2 == 1 {
            let _ = write!(b, "> {}\n\n", rng.pick(QUOTES));
        }
        k += 1;
    }
    b.push_str("*本文人物与情节均为虚构，用于性能测试。*\n");
    b
}

fn rng_pick_heading(k: usize) -> &'static str {
    [
        "难啃的骨头",
        "{s}里的学问",
        "一次攻关",
        "传帮带",
        "新的起点",
    ][k % 5]
}

fn brand_body(b: usize) -> String {
    let (_, title, _, summary) = BRANDS[b];
    let mut s = format!("{summary}\n\n## 做法\n\n");
    for _ in 0..4 {
        let _ = write!(
            s,
            "{title}以工匠为主体，面向职工、企业和社会开展活动，推动技艺传承和技术创新。"
        );
    }
    s.push_str("\n\n- 组织工匠参与；\n- 总结推广经验；\n- 服务企业和职工。\n\n");
    s.push_str("参与的工匠见下方名单；历年入选名单见[历年批次](/cohorts/)。\n");
    s
}

/// A small RGB PNG (stored deflate blocks, no compression library needed).
fn png(w: u32, h: u32, seed: u64) -> Vec<u8> {
    fn crc(data: &[u8]) -> u32 {
        let mut c = 0xFFFF_FFFFu32;
        for &b in data {
            c ^= b as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut c = kind.to_vec();
        c.extend_from_slice(data);
        out.extend_from_slice(&c);
        out.extend_from_slice(&crc(&c).to_be_bytes());
    }
    let (r0, g0, b0) = (
        (seed & 0xFF) as u32,
        ((seed >> 8) & 0xFF) as u32,
        ((seed >> 16) & 0xFF) as u32,
    );
    let mut raw = Vec::with_capacity(((w * 3 + 1) * h) as usize);
    for y in 0..h {
        raw.push(0);
        for x in 0..w {
            raw.push(((r0 + x * 3) % 256) as u8);
            raw.push(((g0 + y * 3) % 256) as u8);
            raw.push(((b0 + (x + y)) % 256) as u8);
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, blk) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = blk.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(blk);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &x in &raw {
        a = (a + x as u32) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend_from_slice(&((b << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

struct Writer {
    files: usize,
    bytes: u64,
}

impl Writer {
    fn put(&mut self, path: &Path, data: &[u8]) -> io::Result<()> {
        if let Some(d) = path.parent() {
            std::fs::create_dir_all(d)?;
        }
        std::fs::write(path, data)?;
        self.files += 1;
        self.bytes += data.len() as u64;
        Ok(())
    }
}

fn copy_dir(from: &Path, to: &Path, w: &mut Writer) -> io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(from)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &target, w)?;
        } else {
            w.put(&target, &std::fs::read(e.path())?)?;
        }
    }
    Ok(())
}

const SITE_YAML: &str = "# 性能测试用的生成站点：人物、单位与事迹均为虚构。
title: 上海工匠
subtitle: 选拔·宣传·提升·服务
description: “上海工匠”培养选树计划的性能测试站点，内容由程序生成。
base_url: https://example.org/
language: zh-CN
theme: default
demo: true
minify: true

nav:
  - { title: 工匠, url: /craftsmen/ }
  - { title: 批次, url: /cohorts/ }
  - { title: 行业, url: /industries/ }
  - { title: 技艺故事, url: /stories/ }
  - { title: 工匠品牌, url: /brands/ }
  - { title: 数据, url: /stats/ }
  - { title: 关于, url: /about/ }

names:
  index: pinyin
  cohort: stroke

footer: 本站为性能测试站点：站内工匠、单位及其事迹均为程序生成的虚构内容。
";

const FAVICON: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><title>上海工匠</title><rect width=\"64\" height=\"64\" fill=\"#b22a2a\"/></svg>\n";

const ABOUT: &str = "## 关于本站\n\n这是一个由程序生成的性能测试站点，用来比较静态网站生成器的构建速度。站内的工匠、单位和事迹都是虚构的。\n\n## 计划简介\n\n“上海工匠”培养选树计划自2016年起每年评选一批工匠，见[历年批次](/cohorts/)和[数据统计](/stats/)。\n";

const NOMINATE: &str = "## 推荐渠道\n\n“上海工匠”可以由工会、社会团体和行业协会推荐，也可以本人自荐。\n\n- 工会推荐；\n- 行业协会推荐；\n- 网上自荐。\n\n本站是测试站点，不接受任何推荐材料。\n";

/// The district unions' file names, in the order of `DISTRICTS`.
const DISTRICT_SLUGS: &[&str] = &[
    "pudong",
    "huangpu",
    "xuhui",
    "changning",
    "jingan",
    "putuo",
    "hongkou",
    "yangpu",
    "minhang",
    "baoshan",
    "jiading",
    "jinshan",
    "songjiang",
    "qingpu",
    "fengxian",
    "chongming",
];

/// Bureau unions (局工会): file name, what the union is of, the industry letter of its craftsmen.
const BUREAUS: &[(&str, &str, char)] = &[
    ("gangkou", "港口集团", 'G'),
    ("guidao", "轨道交通集团", 'G'),
    ("hangkong", "航空集团", 'G'),
    ("gongjiao", "公交集团", 'G'),
    ("jichang", "机场集团", 'G'),
    ("youzheng", "邮政局", 'G'),
    ("dianqi", "电气集团", 'C'),
    ("qiche", "汽车集团", 'C'),
    ("chuanbo", "船舶集团", 'C'),
    ("gangtie", "钢铁集团", 'C'),
    ("huagong", "化工集团", 'C'),
    ("yiyao", "医药集团", 'C'),
    ("hangtian", "航天局", 'C'),
    ("dianli", "电力公司", 'D'),
    ("ranqi", "燃气集团", 'D'),
    ("shuiwu", "水务局", 'D'),
    ("jiangong", "建工集团", 'E'),
    ("shizheng", "市政工程局", 'E'),
    ("suidao", "隧道工程集团", 'E'),
    ("dianxin", "电信公司", 'I'),
    ("yidong", "移动通信公司", 'I'),
    ("jiudian", "酒店集团", 'H'),
    ("canyin", "餐饮集团", 'H'),
    ("jiance", "检测研究院", 'M'),
    ("jiliang", "计量局", 'M'),
    ("lvhua", "绿化市容局", 'N'),
    ("huanjing", "环境集团", 'N'),
    ("jiaoyu", "教育局", 'P'),
    ("weisheng", "卫生健康委", 'Q'),
    ("wenlv", "文化旅游局", 'R'),
];

/// Industry unions (产业工会): file name, the industry, the industry letter of its craftsmen.
const INDUSTRY_UNIONS: &[(&str, &str, char)] = &[
    ("jidian", "机电", 'C'),
    ("fangzhi", "纺织", 'C'),
    ("yejin", "冶金", 'C'),
    ("shihua", "石油化工", 'C'),
    ("jianjiao", "建设交通", 'E'),
    ("nengyuan", "能源", 'D'),
    ("shangye", "商业", 'F'),
    ("nonglin", "农林", 'A'),
    ("fuwu", "城市服务", 'O'),
    ("wenti", "文化体育", 'R'),
];

/// The last year the unions' cohorts reach.
const UNION_LAST_YEAR: i32 = 2023;

/// A union the generator writes (`--unions`), with its cohorts' members.
struct UnionGen {
    slug: String,
    name: String,
    kind: &'static str,
    /// What its craftsmen are called: “{short}工匠”.
    short: String,
    district: Option<&'static str>,
    industry: Option<usize>,
    /// Its cohorts' years; empty for a union that has not selected anyone yet.
    years: Vec<i32>,
    /// Per year: the profiles' slugs, then members with no profile.
    members: Vec<Vec<String>>,
    inline: Vec<Vec<Inline>>,
}

impl UnionGen {
    fn title(&self, year: i32) -> String {
        format!("{year}年度“{}工匠”", self.short)
    }
}

/// What `--unions` and `--district` add: the unions, the craftsmen they selected, and how many
/// city craftsmen were selected by a union first.
struct Levels {
    unions: Vec<UnionGen>,
    district: Vec<Profile>,
    promoted: usize,
}

/// A union's file name and short name in the `round`-th pass over its table (from 0): as
/// written the first time, numbered after (`traffic-2`, `交通第2`).
fn numbered(slug: &str, of: &str, round: usize) -> (String, String) {
    if round == 0 {
        (slug.to_string(), of.to_string())
    } else {
        (
            format!("{slug}-{}", round + 1),
            format!("{of}第{}", round + 1),
        )
    }
}

fn industry_of(letter: char) -> Option<usize> {
    INDUSTRIES.iter().position(|x| x.letter == letter)
}

/// `count` unions: about 16 of 56 district unions (one per district at most), 30 bureau unions
/// and 10 industry unions; every ninth from the fifth on has not selected anyone yet.
fn unions(rng: &mut Rng, count: usize) -> Vec<UnionGen> {
    let districts = ((count * 16 + 28) / 56).min(DISTRICTS.len());
    let rest = count - districts;
    let bureaus = (rest * 30 + 20) / 40;
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let (slug, name, kind, short, district, industry) = if i < districts {
            let d = DISTRICTS[i];
            let name = if d == "浦东" {
                "浦东新区总工会".to_string()
            } else {
                format!("{d}区总工会")
            };
            (
                DISTRICT_SLUGS[i].to_string(),
                name,
                "区",
                d.to_string(),
                Some(d),
                None,
            )
        } else if i < districts + bureaus {
            let j = i - districts;
            let (slug, of, letter) = BUREAUS[j % BUREAUS.len()];
            let (slug, of) = numbered(slug, of, j / BUREAUS.len());
            (
                slug,
                format!("上海某某{of}工会"),
                "局",
                of,
                None,
                industry_of(letter),
            )
        } else {
            let j = i - districts - bureaus;
            let (slug, of, letter) = INDUSTRY_UNIONS[j % INDUSTRY_UNIONS.len()];
            let (slug, of) = numbered(slug, of, j / INDUSTRY_UNIONS.len());
            (
                slug,
                format!("上海市{of}产业工会"),
                "产业",
                of,
                None,
                industry_of(letter),
            )
        };
        let mut years = Vec::new();
        if i % 9 != 4 {
            let start = 2017 + rng.below(5) as i32;
            let step = if rng.chance(70) { 1 } else { 2 };
            let mut y = start;
            while y <= UNION_LAST_YEAR {
                years.push(y);
                y += step;
            }
        }
        let inline = years
            .iter()
            .map(|_| {
                (0..rng.range(1, 3))
                    .map(|_| {
                        let ind = industry.unwrap_or_else(|| rng.below(INDUSTRIES.len()));
                        Inline {
                            name: chinese_name(rng),
                            employer: format!(
                                "上海{}某某{}",
                                district.unwrap_or_else(|| rng.pick(DISTRICTS)),
                                rng.pick(INDUSTRIES[ind].employers)
                            ),
                            post: rng.pick(INDUSTRIES[ind].posts),
                            industry: ind,
                        }
                    })
                    .collect()
            })
            .collect();
        out.push(UnionGen {
            slug,
            name,
            kind,
            short,
            district,
            industry,
            members: vec![Vec::new(); years.len()],
            years,
            inline,
        });
    }
    out
}

/// The nominating union a city profile names instead of a placeholder: one of the generated
/// unions of the same kind (the district union of the employer's district for 某区总工会), by its
/// file name or, now and then, its full name.
fn nominator(rng: &mut Rng, placeholder: &str, employer: &str, unions: &[UnionGen]) -> String {
    if placeholder == "自荐" {
        return placeholder.to_string();
    }
    let kind = match placeholder {
        "某区总工会" => "区",
        "某产业工会" | "某行业协会" => "产业",
        _ => "局",
    };
    let own = unions.iter().find(|u| {
        u.district
            .is_some_and(|d| employer.starts_with(&format!("上海{d}")))
    });
    let of_kind: Vec<&UnionGen> = unions.iter().filter(|u| u.kind == kind).collect();
    let u = match (kind, own) {
        ("区", Some(u)) => u,
        _ if !of_kind.is_empty() => of_kind[rng.below(of_kind.len())],
        _ => &unions[rng.below(unions.len())],
    };
    if rng.chance(25) {
        u.name.clone()
    } else {
        u.slug.clone()
    }
}

/// Adds the unions and their craftsmen: `district` profiles selected only by a union, and about
/// 7% of the city's craftsmen selected by a union before the city selected them.
fn levels(
    seed: u64,
    count: usize,
    district: usize,
    profiles: &mut [Profile],
    published: &[usize],
) -> Levels {
    // A stream of its own: the city's content stays what it is without `--unions`.
    let mut rng = Rng(seed ^ 0x756E_696F_6E73_2D31);
    let mut unions = unions(&mut rng, count);
    for p in profiles.iter_mut() {
        p.union = nominator(&mut rng, &p.union, &p.employer, &unions);
    }
    // City craftsmen selected by a union first.
    let mut promoted = 0;
    for &i in published {
        let p = &mut profiles[i];
        let Some(cohort) = p.cohort else { continue };
        if !rng.chance(9) {
            continue;
        }
        let earlier: Vec<usize> = (0..unions.len())
            .filter(|&u| unions[u].years.first().is_some_and(|&y| y < cohort))
            .collect();
        if earlier.is_empty() {
            continue;
        }
        let own = earlier.iter().copied().find(|&u| {
            unions[u]
                .district
                .is_some_and(|d| p.employer.starts_with(&format!("上海{d}")))
        });
        let u = match own {
            Some(u) if rng.chance(60) => u,
            _ => earlier[rng.below(earlier.len())],
        };
        let union = &mut unions[u];
        let before = union.years.iter().filter(|&&y| y < cohort).count();
        let k = rng.below(before);
        let year = union.years[k];
        union.members[k].push(p.slug.clone());
        p.selections.push(Selection {
            year,
            by: union.slug.clone(),
            title: union.title(year),
        });
        p.level = None;
        p.union = union.slug.clone();
        promoted += 1;
    }
    // Craftsmen selected only by a union: every cohort gets one before any gets a second.
    let slots: Vec<(usize, usize)> = unions
        .iter()
        .enumerate()
        .flat_map(|(u, x)| (0..x.years.len()).map(move |k| (u, k)))
        .collect();
    let mut names: std::collections::HashSet<String> =
        profiles.iter().map(|p| p.name.clone()).collect();
    let n = profiles.len();
    let mut out: Vec<Profile> = Vec::with_capacity(district);
    if !slots.is_empty() {
        for i in 0..district {
            let (u, k) = if i < slots.len() {
                slots[i]
            } else {
                slots[rng.below(slots.len())]
            };
            let union = &mut unions[u];
            let mut p = profile_in(
                &mut rng,
                n + i,
                n + district,
                union.industry,
                union.district,
            );
            while !names.insert(p.name.clone()) {
                p.name = chinese_name(&mut rng);
            }
            let key = gongjiang::model::names::name_key(&p.name, None);
            p.pinyin = key.pinyin;
            p.initial = key.initial;
            p.slug = format!(
                "{}-d{}",
                gongjiang::model::names::slug_from_name(&p.name),
                i + 1
            );
            let year = union.years[k];
            union.members[k].push(p.slug.clone());
            p.selections.push(Selection {
                year,
                by: union.slug.clone(),
                title: union.title(year),
            });
            p.cohort = None;
            // Now and then the level is written too, and agrees with the selection.
            p.level = rng.chance(30).then_some(if union.kind == "区" {
                "区级"
            } else {
                "局级"
            });
            p.union = if rng.chance(90) {
                union.slug.clone()
            } else {
                union.name.clone()
            };
            out.push(p);
        }
    }
    for p in out.iter_mut() {
        let others: Vec<(String, String)> = (0..2)
            .map(|_| {
                let j = published[rng.below(published.len())];
                (profiles[j].slug.clone(), profiles[j].name.clone())
            })
            .collect();
        let body = profile_body(&mut rng, p, &others);
        p.body = body;
    }
    for union in &mut unions {
        for list in &mut union.members {
            for k in (1..list.len()).rev() {
                list.swap(k, rng.below(k + 1));
            }
        }
    }
    Levels {
        unions,
        district: out,
        promoted,
    }
}

fn union_file(i: usize, u: &UnionGen) -> String {
    let mut y = format!("name: {}\nkind: {}\nintro: |\n", u.name, u.kind);
    match (u.years.first(), u.years.last()) {
        (Some(first), Some(last)) => {
            let _ = writeln!(
                y,
                "  {}自{first}年起评选“{}工匠”，至{last}年共评选{}批。本站内容为程序生成的虚构内容。",
                u.name,
                u.short,
                u.years.len(),
            );
        }
        _ => {
            let _ = writeln!(
                y,
                "  {}尚未开展“{}工匠”评选。本站内容为程序生成的虚构内容。",
                u.name, u.short
            );
        }
    }
    // Every union has its own site, also one that has not selected anyone yet (its site waits
    // for its first cohort): the city's and the unions' sites are 1 + U.
    let _ = writeln!(
        y,
        "site:\n  title: {}工匠\n  subtitle: {}\n  base_url: https://u{}.example.org/",
        u.short,
        u.name,
        i + 1
    );
    y
}

fn union_cohort(u: &UnionGen, k: usize) -> String {
    let year = u.years[k];
    let count = u.members[k].len() + u.inline[k].len();
    let mut y = format!(
        "year: {year}\ntitle: {}\nceremony: {year}-{:02}-{:02}\nintro: |\n  {}第{}批“{}工匠”，共{count}人。\nmembers:\n",
        u.title(year),
        3 + k % 8,
        5 + k * 3 % 20,
        u.name,
        k + 1,
        u.short
    );
    for slug in &u.members[k] {
        let _ = writeln!(y, "  - {slug}");
    }
    for m in &u.inline[k] {
        let _ = write!(
            y,
            "  - name: {}\n    employer: {}\n    industry: {}\n    post: {}\n",
            m.name, m.employer, INDUSTRIES[m.industry].name, m.post
        );
    }
    y
}

/// Generates the site. Deterministic: the same options write the same bytes.
pub fn generate(opts: &Options) -> io::Result<Summary> {
    let n = opts.profiles;
    let mut rng = Rng(opts.seed ^ 0x6F6E_676A_6961_6E67);
    let mut profiles: Vec<Profile> = (0..n).map(|i| profile(&mut rng, i, n)).collect();
    let published: Vec<usize> = (0..n).filter(|&i| profiles[i].published).collect();
    for i in 0..n {
        let others: Vec<(String, String)> = (0..2)
            .filter_map(|_| {
                let j = published[rng.below(published.len())];
                (j != i).then(|| (profiles[j].slug.clone(), profiles[j].name.clone()))
            })
            .collect();
        let body = profile_body(&mut rng, &profiles[i], &others);
        profiles[i].body = body;
    }
    let mut stories: Vec<Story> = Vec::new();
    for i in 0..n / 10 {
        let mut craftsmen = Vec::new();
        for _ in 0..rng.range(1, 3) {
            let j = published[rng.below(published.len())];
            if !craftsmen.contains(&j) {
                craftsmen.push(j);
            }
        }
        let lead = &profiles[craftsmen[0]];
        let title = fill(&mut rng, STORY_TITLES[i % STORY_TITLES.len()], lead);
        let mut s = Story {
            slug: format!("story-{}", i + 1),
            title,
            date: (
                rng.range(2016, 2025) as i32,
                rng.range(1, 12) as u32,
                rng.range(1, 28) as u32,
            ),
            summary: format!(
                "{}的{}{}，讲述一线技能人才的坚守与创新。",
                lead.employer, lead.post, lead.name
            ),
            cover: i % 10 == 4,
            craftsmen,
            body: String::new(),
        };
        s.body = story_body(&mut rng, &s, &profiles);
        stories.push(s);
    }
    // Cohort lists: every profile in its own year, plus members with no profile yet.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); 10];
    for (i, p) in profiles.iter().enumerate() {
        members[(p.cohort.unwrap_or(2016) - 2016) as usize].push(i);
    }
    let mut inline: Vec<Vec<Inline>> = Vec::new();
    for list in members.iter_mut() {
        // A fixed shuffle: editors list members in no particular order.
        for k in (1..list.len()).rev() {
            list.swap(k, rng.below(k + 1));
        }
        let extra = (0..rng.range(2, 5))
            .map(|_| {
                let industry = rng.below(INDUSTRIES.len());
                Inline {
                    name: chinese_name(&mut rng),
                    employer: format!("上海某某{}", rng.pick(INDUSTRIES[industry].employers)),
                    post: rng.pick(INDUSTRIES[industry].posts),
                    industry,
                }
            })
            .collect();
        inline.push(extra);
    }

    let levels = (opts.unions > 0).then(|| {
        levels(
            opts.seed,
            opts.unions,
            opts.district,
            &mut profiles,
            &published,
        )
    });
    let district: &[Profile] = levels.as_ref().map_or(&[], |l| &l.district);

    let mut w = Writer { files: 0, bytes: 0 };
    let content = opts.out.join("content");
    if levels.is_some() {
        let site = SITE_YAML.replace(
            "  - { title: 批次, url: /cohorts/ }\n",
            "  - { title: 批次, url: /cohorts/ }\n  - { title: 区局评选, url: /unions/ }\n",
        );
        w.put(&content.join("site.yaml"), site.as_bytes())?;
    } else {
        w.put(&content.join("site.yaml"), SITE_YAML.as_bytes())?;
    }
    w.put(&content.join("static/favicon.svg"), FAVICON.as_bytes())?;
    w.put(
        &content.join("pages/about.md"),
        format!("---\ntitle: 关于本站\nsummary: 本站的说明。\norder: 1\n---\n\n{ABOUT}").as_bytes(),
    )?;
    w.put(
        &content.join("pages/nominate.md"),
        format!("---\ntitle: 推荐与自荐\nsummary: 推荐与自荐的渠道。\norder: 2\n---\n\n{NOMINATE}")
            .as_bytes(),
    )?;
    for (b, (slug, title, order, summary)) in BRANDS.iter().enumerate() {
        let count = profiles
            .iter()
            .chain(district)
            .filter(|p| p.brands.contains(&b))
            .count();
        let text = format!(
            "---\ntitle: {title}\norder: {order}\nsummary: {summary}\nfigures:\n  - {{ label: 参与工匠, value: {count}名 }}\n---\n\n{}",
            brand_body(b)
        );
        w.put(&content.join(format!("brands/{slug}.md")), text.as_bytes())?;
    }
    for (k, list) in members.iter().enumerate() {
        let year = 2016 + k;
        let mut y = format!(
            "year: {year}\ntitle: {year}年度“上海工匠”\nceremony: {year}-{:02}-{:02}\nintro: |\n  第{}批“上海工匠”，共{}人。本批次的工匠来自多个行业，见[行业分布](/industries/)。\nmembers:\n",
            4 + k % 6,
            10 + k,
            k + 1,
            list.len() + inline[k].len()
        );
        for &i in list {
            let _ = writeln!(y, "  - {}", profiles[i].slug);
        }
        for m in &inline[k] {
            let _ = write!(
                y,
                "  - name: {}\n    employer: {}\n    industry: {}\n    post: {}\n",
                m.name, m.employer, INDUSTRIES[m.industry].name, m.post
            );
        }
        w.put(&content.join(format!("cohorts/{year}.yaml")), y.as_bytes())?;
    }
    let mut union_cohorts = 0;
    if let Some(l) = &levels {
        for (i, u) in l.unions.iter().enumerate() {
            w.put(
                &content.join(format!("unions/{}.yaml", u.slug)),
                union_file(i, u).as_bytes(),
            )?;
            for (k, year) in u.years.iter().enumerate() {
                w.put(
                    &content.join(format!("unions/{}/cohorts/{year}.yaml", u.slug)),
                    union_cohort(u, k).as_bytes(),
                )?;
                union_cohorts += 1;
            }
        }
    }
    let mut photos = 0;
    for (i, p) in profiles.iter().chain(district).enumerate() {
        let text = format!("{}{}", profile_front(p), p.body);
        if p.photo {
            let dir = content.join("craftsmen").join(&p.slug);
            w.put(&dir.join("index.md"), text.as_bytes())?;
            w.put(
                &dir.join("photo.png"),
                &png(40, 50, i as u64 * 2_654_435_761),
            )?;
            photos += 1;
        } else {
            w.put(
                &content.join(format!("craftsmen/{}.md", p.slug)),
                text.as_bytes(),
            )?;
        }
    }
    for (i, s) in stories.iter().enumerate() {
        let slugs: Vec<&str> = s
            .craftsmen
            .iter()
            .map(|&j| profiles[j].slug.as_str())
            .collect();
        let mut front = format!(
            "---\ntitle: {}\ndate: {}-{:02}-{:02}\ncraftsmen: [{}]\nsummary: {}\n",
            s.title,
            s.date.0,
            s.date.1,
            s.date.2,
            slugs.join(", "),
            s.summary
        );
        if s.cover {
            front.push_str("cover: cover.png\n");
        }
        front.push_str("---\n\n");
        let text = format!("{front}{}", s.body);
        if s.cover {
            let dir = content.join("stories").join(&s.slug);
            w.put(&dir.join("index.md"), text.as_bytes())?;
            w.put(&dir.join("cover.png"), &png(64, 40, i as u64 * 40_503))?;
        } else {
            w.put(
                &content.join(format!("stories/{}.md", s.slug)),
                text.as_bytes(),
            )?;
        }
    }
    copy_dir(&opts.theme, &opts.out.join("themes/default"), &mut w)?;

    if let Some(hugo) = &opts.hugo {
        write_hugo(hugo, &profiles, &stories, &members, &inline, &mut w)?;
    }
    Ok(Summary {
        profiles: n,
        withdrawn: n - published.len() + district.iter().filter(|p| !p.published).count(),
        photos,
        stories: stories.len(),
        cohorts: 10,
        files: w.files,
        bytes: w.bytes,
        unions: levels.as_ref().map_or(0, |l| l.unions.len()),
        union_cohorts,
        district: district.len(),
        promoted: levels.as_ref().map_or(0, |l| l.promoted),
    })
}

fn write_hugo(
    root: &Path,
    profiles: &[Profile],
    stories: &[Story],
    members: &[Vec<usize>],
    inline: &[Vec<Inline>],
    w: &mut Writer,
) -> io::Result<()> {
    let content = root.join("content");
    w.put(&root.join("static/favicon.svg"), FAVICON.as_bytes())?;
    w.put(
        &content.join("about.md"),
        format!("---\ntitle: 关于本站\ndescription: 本站的说明。\n---\n\n{ABOUT}").as_bytes(),
    )?;
    w.put(
        &content.join("nominate.md"),
        format!("---\ntitle: 推荐与自荐\ndescription: 推荐与自荐的渠道。\n---\n\n{NOMINATE}")
            .as_bytes(),
    )?;
    w.put(
        &content.join("stats.md"),
        b"---\ntitle: \xe6\x95\xb0\xe6\x8d\xae\xe7\xbb\x9f\xe8\xae\xa1\nlayout: stats\n---\n",
    )?;
    w.put(
        &content.join("craftsmen/_index.md"),
        "---\ntitle: 工匠名录\n---\n".as_bytes(),
    )?;
    w.put(
        &content.join("stories/_index.md"),
        "---\ntitle: 技艺故事\noutputs: [html, rss]\n---\n".as_bytes(),
    )?;
    w.put(
        &content.join("brands/_index.md"),
        "---\ntitle: 十大工匠品牌\n---\n".as_bytes(),
    )?;
    w.put(
        &content.join("cohorts/_index.md"),
        "---\ntitle: 历年批次\n---\n".as_bytes(),
    )?;
    w.put(
        &content.join("industries/_index.md"),
        "---\ntitle: 行业分布\n---\n".as_bytes(),
    )?;
    for (b, (slug, title, order, summary)) in BRANDS.iter().enumerate() {
        let text = format!(
            "---\ntitle: {title}\nweight: {order}\nslug_name: {slug}\ndescription: {summary}\n---\n\n{}",
            brand_body(b)
        );
        w.put(&content.join(format!("brands/{slug}.md")), text.as_bytes())?;
    }
    for (k, list) in members.iter().enumerate() {
        let year = 2016 + k;
        let mut y = format!(
            "---\ntitle: {year}年度“上海工匠”\nceremony: {year}-{:02}-{:02}\ncount: {}\ninline:\n",
            4 + k % 6,
            10 + k,
            list.len() + inline[k].len()
        );
        for m in &inline[k] {
            let _ = writeln!(
                y,
                "  - {{ name: {}, employer: {}, industry: {}, post: {} }}",
                m.name, m.employer, INDUSTRIES[m.industry].name, m.post
            );
        }
        let _ = write!(
            y,
            "---\n\n第{}批“上海工匠”，共{}人。本批次的工匠来自多个行业，见[行业分布](/industries/)。\n",
            k + 1,
            list.len() + inline[k].len()
        );
        w.put(
            &content.join(format!("cohorts/{year}/_index.md")),
            y.as_bytes(),
        )?;
    }
    for (i, p) in profiles.iter().enumerate() {
        let text = format!("{}{}", profile_front_hugo(p), p.body);
        if p.photo {
            let dir = content.join("craftsmen").join(&p.slug);
            w.put(&dir.join("index.md"), text.as_bytes())?;
            w.put(
                &dir.join("photo.png"),
                &png(40, 50, i as u64 * 2_654_435_761),
            )?;
        } else {
            w.put(
                &content.join(format!("craftsmen/{}.md", p.slug)),
                text.as_bytes(),
            )?;
        }
    }
    for (i, s) in stories.iter().enumerate() {
        let slugs: Vec<&str> = s
            .craftsmen
            .iter()
            .map(|&j| profiles[j].slug.as_str())
            .collect();
        let mut front = format!(
            "---\ntitle: {}\ndate: {}-{:02}-{:02}\ncraftsmen: [{}]\ndescription: {}\n",
            s.title,
            s.date.0,
            s.date.1,
            s.date.2,
            slugs.join(", "),
            s.summary
        );
        if s.cover {
            front.push_str("cover: cover.png\n");
        }
        front.push_str("---\n\n");
        let text = format!("{front}{}", s.body);
        if s.cover {
            let dir = content.join("stories").join(&s.slug);
            w.put(&dir.join("index.md"), text.as_bytes())?;
            w.put(&dir.join("cover.png"), &png(64, 40, i as u64 * 40_503))?;
        } else {
            w.put(
                &content.join(format!("stories/{}.md", s.slug)),
                text.as_bytes(),
            )?;
        }
    }
    Ok(())
}

const USAGE: &str = "用法：gen_corpus --profiles N [--seed S] --out DIR [--hugo DIR] [--theme DIR]
                  [--unions U [--district M]]
  --profiles N   工匠资料份数（故事 N/10 篇）
  --unions U     另写 U 个区局（产业）工会（content/unions/）和它们 2017–2023 年的批次；
                 约 7% 的市级工匠此前已被某个工会评选过（selections）。默认 0：不写工会
  --district M   另写 M 位只被工会评选过的区级、局级工匠（需要 --unions）。默认 0
  --seed S       随机种子（默认 1）；同一种子生成完全相同的文件
  --out DIR      写入 gongjiang 站点（content/ 与 themes/default/）；DIR 必须不存在或为空
  --hugo DIR     另写一份同样内容的 Hugo 站点内容（content/），模板见 bench/hugo/；
                 其中只有市级工匠，没有工会和 --district 的工匠
  --theme DIR    复制的主题（默认本仓库的 themes/default）";

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut profiles = None;
    let mut seed = 1;
    let mut out = None;
    let mut hugo = None;
    let mut unions = 0;
    let mut district = 0;
    let mut theme = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| format!("{a} 后面缺少值"));
        match a.as_str() {
            "--profiles" => {
                profiles = Some(
                    value()?
                        .parse::<usize>()
                        .map_err(|e| format!("--profiles：{e}"))?,
                )
            }
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed：{e}"))?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--hugo" => hugo = Some(PathBuf::from(value()?)),
            "--theme" => theme = PathBuf::from(value()?),
            "--unions" => unions = value()?.parse().map_err(|e| format!("--unions：{e}"))?,
            "--district" => district = value()?.parse().map_err(|e| format!("--district：{e}"))?,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("不认识的参数 {other}")),
        }
    }
    let profiles = profiles.ok_or("缺少 --profiles")?;
    if profiles < 10 {
        return Err("--profiles 至少为 10（每个批次至少一人）".into());
    }
    if district > 0 && unions == 0 {
        return Err("--district 需要 --unions：区级、局级工匠由工会评选".into());
    }
    Ok(Options {
        profiles,
        seed,
        out: out.ok_or("缺少 --out")?,
        hugo,
        theme,
        unions,
        district,
    })
}

fn ensure_empty(dir: &Path) -> Result<(), String> {
    let used = std::fs::read_dir(dir).is_ok_and(|mut e| e.next().is_some());
    if used {
        return Err(format!(
            "{} 不是空文件夹：为免覆盖，请先删除它或换一个文件夹",
            dir.display()
        ));
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = match parse_args(&args) {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("{e}\n");
            }
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    };
    let dirs = std::iter::once(&opts.out).chain(opts.hugo.as_ref());
    for d in dirs {
        if let Err(e) = ensure_empty(d) {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
    match generate(&opts) {
        Ok(s) => {
            eprintln!(
                "已生成 {} 位工匠（{} 位已撤下，{} 张照片）、{} 篇故事、{} 个批次：{} 个文件，{:.1} MB",
                s.profiles + s.district,
                s.withdrawn,
                s.photos,
                s.stories,
                s.cohorts,
                s.files,
                s.bytes as f64 / 1e6
            );
            if s.unions > 0 {
                eprintln!(
                    "其中工会 {} 个、工会批次 {} 个；只被工会评选的工匠 {} 位，先被工会、后被市里评选的 {} 位",
                    s.unions, s.union_cohorts, s.district, s.promoted
                );
            }
        }
        Err(e) => {
            eprintln!("写入失败：{e}");
            std::process::exit(2);
        }
    }
}
