//! A small generator of large synthetic sites for the search benchmark: N profiles with 2–5 KB
//! Chinese bodies, N/10 stories, cohorts 2016–2025 listing their members, and the demo's
//! brands and pages. Sentences are taken from the demo site's own profiles and stories (with
//! the people's names replaced), so the text has the variety of real Chinese prose; names,
//! employers, posts and skills are drawn from tables. The same seed gives the same bytes.
//! The people and employers are made up.

use std::fmt::Write as _;
use std::path::Path;

/// SplitMix64.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
    "韦", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史",
    "单", "解", "仇", "区", "查", "欧阳", "司马", "诸葛", "上官",
];

const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "英", "华", "建", "国", "文", "辉", "力", "玉", "萍", "红", "鹏",
    "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "林", "欣", "晨", "佳", "雪", "梅", "琳",
    "晶", "立", "新", "海", "峰", "志", "永", "春", "德", "成", "忠", "东", "晓", "卫", "兵", "云",
    "波", "亮", "飞", "荣", "庆", "昌", "祥", "振", "福", "生", "益", "宏", "毅", "民", "安", "慧",
];

const FIRMS: &[&str] = &[
    "申江",
    "浦江",
    "东方",
    "宏达",
    "华东",
    "海通",
    "振华",
    "联合",
    "长江",
    "新城",
    "恒通",
    "金桥",
    "外高桥",
    "临港",
    "张江",
    "漕河泾",
    "松江",
    "嘉定",
    "宝山",
    "闵行",
    "虹桥",
    "吴淞",
    "江南",
    "沪东",
];

/// (industry as written, posts, skills, employer suffixes)
type Trade = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);
const TRADES: &[Trade] = &[
    (
        "制造业",
        &[
            "数控车工",
            "钳工",
            "电焊工",
            "装配钳工",
            "模具工",
            "铣工",
            "磨工",
            "质检员",
        ],
        &[
            "数控加工",
            "精密测量",
            "模具设计",
            "焊接工艺",
            "装配调试",
            "工装夹具改进",
            "特种钢焊接",
            "激光切割",
            "机器人编程",
            "刮研",
        ],
        &[
            "精密机械有限公司",
            "船舶制造有限公司",
            "汽车零部件有限公司",
            "航天设备制造有限公司",
            "模具有限公司",
            "电气设备有限公司",
        ],
    ),
    (
        "电力、热力、燃气及水生产和供应业",
        &["带电作业工", "变电检修工", "燃气管网工"],
        &["配网带电作业", "继电保护", "管网检漏", "绝缘工具改进"],
        &["供电服务有限公司", "燃气管网有限公司", "自来水有限公司"],
    ),
    (
        "建筑业",
        &["盾构机操作工", "钢筋工", "测量员"],
        &["盾构掘进", "隧道测量", "钢结构安装", "BIM建模"],
        &["隧道工程有限公司", "建设集团有限公司"],
    ),
    (
        "交通运输、仓储和邮政业",
        &["桥吊司机", "列车司机", "飞机维修工程师"],
        &["集装箱装卸", "列车驾驶", "航空器维修"],
        &[
            "港口集团有限公司",
            "轨道交通运营有限公司",
            "航空维修有限公司",
        ],
    ),
    (
        "信息传输、软件和信息技术服务业",
        &["网络工程师", "通信线务员"],
        &["光缆熔接", "网络运维", "软件测试"],
        &["通信服务有限公司", "信息技术有限公司"],
    ),
    (
        "住宿和餐饮业",
        &["中式烹调师", "面点师"],
        &["本帮菜烹饪", "面点制作", "刀工"],
        &["餐饮管理有限公司", "大酒店有限公司"],
    ),
    (
        "卫生和社会工作",
        &["护师", "康复治疗师"],
        &["重症护理", "康复训练"],
        &["医院", "社区卫生服务中心"],
    ),
    (
        "文化、体育和娱乐业",
        &["古籍修复师", "舞台机械师"],
        &["古籍修复", "雕版印刷"],
        &["图书馆", "大剧院管理有限公司"],
    ),
];

const STORY_TITLES: &[&str] = &[
    "一条焊缝",
    "毫米之间",
    "城市不停电",
    "灶台边的传承",
    "纸上春秋",
    "穿江而过",
    "百炼成钢",
    "方寸之间",
    "守护光明",
    "精益求精",
    "匠心筑梦",
    "从学徒到大师",
    "一把刮刀",
    "钢铁裁缝",
    "深夜的抢修",
];

/// Sentences of the demo site's profiles and stories, with the demo people's names replaced by `{n}`.
fn sentence_pool(repo: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let mut texts = Vec::new();
    for dir in ["content/craftsmen", "content/stories"] {
        for e in walkdir::WalkDir::new(repo.join(dir)).sort_by_file_name() {
            let Ok(e) = e else { continue };
            if e.path().extension().is_none_or(|x| x != "md") {
                continue;
            }
            let text = std::fs::read_to_string(e.path()).unwrap_or_default();
            let mut parts = text.splitn(3, "---\n");
            let (_, front, body) = (
                parts.next(),
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
            );
            if text.contains("published: false") {
                continue;
            }
            if let Some(n) = front.lines().find_map(|l| l.strip_prefix("name: ")) {
                names.push(n.trim().to_string());
            }
            texts.push(body.to_string());
        }
    }
    let mut out = Vec::new();
    for t in texts {
        for line in unlink(&t).lines() {
            let plain = line
                .trim_start_matches(['#', '-', '>', ' '])
                .replace(['*', '`'], "");
            if plain.starts_with('^') || plain.contains(['|', '"', '\\']) {
                continue;
            }
            for s in plain.split_inclusive(['。', '！', '？']) {
                let mut s = s.trim().to_string();
                for n in &names {
                    s = s.replace(n.as_str(), "{n}");
                }
                if s.chars().count() >= 8 && !s.contains("http") {
                    out.push(s);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Markdown links turned into their text (`[a](/x/)` → `a`): the generated site has none of
/// the demo's pages to link to.
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_url = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ']' if chars.peek() == Some(&'(') => {
                chars.next();
                in_url = true;
            }
            ')' if in_url => in_url = false,
            _ if in_url => {}
            '[' => {}
            _ => out.push(c),
        }
    }
    out
}

fn name(rng: &mut Rng) -> String {
    let mut n = rng.pick(SURNAMES).to_string();
    for _ in 0..1 + rng.below(2) {
        let g: &&str = rng.pick(GIVEN);
        n.push_str(g);
    }
    n
}

fn body(rng: &mut Rng, pool: &[String], who: &str, target: usize) -> String {
    let mut b = String::with_capacity(target + 512);
    let headings = ["主要事迹", "匠心传承", "技术攻关", "带徒传艺"];
    let mut k = 0;
    while b.len() < target {
        if k % 6 == 0 {
            let _ = write!(b, "## {}\n\n", headings[(k / 6) % headings.len()]);
        }
        for _ in 0..3 {
            b.push_str(&rng.pick(pool).replace("{n}", who));
        }
        b.push_str("\n\n");
        k += 1;
    }
    b
}

/// Writes a site with `n` profiles under `out` (content/ and a copy of the default theme).
pub fn generate(repo: &Path, out: &Path, n: usize, seed: u64) -> std::io::Result<()> {
    let mut rng = Rng(seed);
    let pool = sentence_pool(repo);
    let content = out.join("content");
    for sub in ["craftsmen", "cohorts", "stories"] {
        std::fs::create_dir_all(content.join(sub))?;
    }
    for dir in ["brands", "pages"] {
        std::fs::create_dir_all(content.join(dir))?;
        for e in std::fs::read_dir(repo.join("content").join(dir))? {
            let e = e?;
            let text = std::fs::read_to_string(e.path())?;
            std::fs::write(content.join(dir).join(e.file_name()), unlink(&text))?;
        }
    }
    copy(&repo.join("content/static"), &content.join("static"))?;
    copy(&repo.join("themes/default"), &out.join("themes/default"))?;
    std::fs::write(
        content.join("site.yaml"),
        std::fs::read(repo.join("content/site.yaml"))?,
    )?;
    let mut people: Vec<String> = Vec::with_capacity(n);
    let mut cohorts: Vec<Vec<String>> = vec![Vec::new(); 10];
    for i in 0..n {
        let name = name(&mut rng);
        let key = gongjiang::model::names::name_key(&name, None);
        let slug = format!("{}-{i}", key.pinyin.replace(' ', "-"));
        let (industry, posts, skills, suffixes): Trade = TRADES[if rng.below(2) == 0 {
            0
        } else {
            rng.below(TRADES.len())
        }];
        let employer = format!("上海{}{}", rng.pick(FIRMS), rng.pick(suffixes));
        let my_skills: Vec<&str> = (0..2 + rng.below(2)).map(|_| *rng.pick(skills)).collect();
        let mut my_skills = my_skills;
        my_skills.dedup();
        let year = 2016 + rng.below(10);
        let mut f = String::from("---\n");
        let _ = writeln!(
            f,
            "name: {name}\ncohort: {year}\nemployer: {employer}\npost: {}",
            rng.pick(posts)
        );
        let _ = writeln!(
            f,
            "industry: {industry}\nskills: [{}]",
            my_skills.join(", ")
        );
        let _ = writeln!(f, "summary: \"{}\"", rng.pick(&pool).replace("{n}", &name));
        let _ = writeln!(f, "work_years: {}\nfrontline: true", 10 + rng.below(30));
        if i % 211 == 7 {
            f.push_str("published: false\n");
        }
        let _ = writeln!(
            f,
            "private:\n  phone: \"139{:08}\"\n---\n",
            rng.below(100_000_000)
        );
        let target = 2000 + rng.below(3000);
        f.push_str(&body(&mut rng, &pool, &name, target));
        std::fs::write(content.join("craftsmen").join(format!("{slug}.md")), f)?;
        if i % 211 != 7 {
            cohorts[year - 2016].push(slug.clone());
        }
        people.push(name);
    }
    for (k, members) in cohorts.iter().enumerate() {
        let year = 2016 + k;
        let mut y = format!("year: {year}\ntitle: {year}年度“上海工匠”\nmembers:\n");
        for m in members {
            let _ = writeln!(y, "  - {m}");
        }
        std::fs::write(content.join("cohorts").join(format!("{year}.yaml")), y)?;
    }
    for s in 0..n / 10 {
        let lead = &people[rng.below(n)];
        let title = format!("{}（{}）", rng.pick(STORY_TITLES), s + 1);
        let mut f = format!(
            "---\ntitle: {title}\ndate: 2023-{:02}-{:02}\nsummary: \"{}\"\n---\n\n",
            1 + rng.below(12),
            1 + rng.below(28),
            rng.pick(&pool).replace("{n}", lead)
        );
        let target = 2000 + rng.below(2000);
        f.push_str(&body(&mut rng, &pool, lead, target));
        std::fs::write(content.join("stories").join(format!("story-{s}.md")), f)?;
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    for e in walkdir::WalkDir::new(from) {
        let e = e.map_err(std::io::Error::other)?;
        let rel = e.path().strip_prefix(from).map_err(std::io::Error::other)?;
        let target = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else {
            std::fs::copy(e.path(), &target)?;
        }
    }
    Ok(())
}
